"""Every curation mistake is one line naming file, record, field and fix, never a traceback;
the build leaves its outputs as they were. Mistakes are made by editing the parsed YAML of a
throwaway project copy (values invented here, nothing copied from elsewhere)."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TODAY, output_digests

from syria_deconfliction.errors import MAX_MESSAGE, InputError
from syria_deconfliction.pipeline.rawdata import read_yaml
from syria_deconfliction.pipeline.run import build
from syria_deconfliction.pipeline.spec import check

CURATION = {
    "articles": "raw/curation/articles.yaml",
    "events": "raw/curation/events.yaml",
    "quotes": "raw/curation/quotes.yaml",
    "actor_mentions": "raw/curation/actor_mentions.yaml",
    "actors": "raw/knowledge/actors.yaml",
    "places": "raw/knowledge/places.yaml",
    "boilerplate": "raw/knowledge/boilerplate.yaml",
    "event_triggers": "raw/knowledge/event_triggers.yaml",
}
LISTS = {"articles": "articles", "events": "events", "quotes": "quotes",
         "actor_mentions": "add", "actors": "actors", "places": "places",
         "boilerplate": "rules", "event_triggers": "triggers"}


def _edit(root: Path, spec: str, change: Callable[[Any], Any]) -> None:
    path = root / CURATION[spec]
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    new = change(doc)
    path.write_text(yaml.safe_dump(doc if new is None else new, sort_keys=False,
                                   allow_unicode=True), encoding="utf-8")


def _first(spec: str) -> Callable[[Callable[[dict[str, Any]], None]], Callable[[Any], None]]:
    """Apply an edit to the first record of a file's main list."""
    def wrap(edit: Callable[[dict[str, Any]], None]) -> Callable[[Any], None]:
        return lambda doc: edit(doc[LISTS[spec]][0])
    return wrap


def _set(spec: str, field: str, value: Any) -> tuple[str, Callable[[Any], None]]:
    return spec, _first(spec)(lambda e: e.__setitem__(field, value))


def _event_date(value: Any) -> tuple[str, Callable[[Any], None]]:
    return _set("events", "date", value)


CASES: dict[str, tuple[tuple[str, Callable[[Any], Any]], str]] = {
    "rights a number": (_set("articles", "rights", 12345), r"rights is a whole number"),
    "notes a list": (_set("articles", "notes", ["one", "two"]), r"notes is a list"),
    "event start in words": (
        _event_date({"start": "early in the month", "end": dt.date(2015, 9, 20),
                     "precision": "day", "reason": "invented"}),
        r"date\.start is text 'early in the month', not a date",
    ),
    "claim_status unknown": (_set("events", "claim_status", "rumoured"),
                             r"claim_status 'rumoured' is not an allowed value. Fix: use one of"),
    "precision unknown": (
        _event_date({"start": dt.date(2015, 9, 1), "end": dt.date(2015, 9, 14),
                     "precision": "fortnight", "reason": "invented"}),
        r"date\.precision 'fortnight' is not an allowed value",
    ),
    "fatalities in words": (_set("events", "fatalities", "many"), r"fatalities is text 'many'"),
    "fatalities negative": (_set("events", "fatalities", -3), r"\[\S+#e\d+\]: fatalities -3 is "
                            r"below 0"),
    "injuries a float": (_set("events", "injuries", 2.5), r"injuries is a number"),
    "event date unknown word": (_event_date("someday"), r"date 'someday' is not an allowed"),
    "participant role unknown": (
        ("events", _first("events")(lambda e: e.__setitem__(
            "participants", [{"actor": "russia", "role": "bystander"}]))),
        r"participants\.0\.role 'bystander' is not an allowed value",
    ),
    "quote action unknown": (_set("quotes", "action", "maybe"), r"action 'maybe'"),
    "quote occurrence zero": (_set("quotes", "occurrence", 0), r"occurrence 0 is below 1"),
    "mention actor a list": (_set("actor_mentions", "actor", ["x"]), r"actor is a list"),
    "actor type unknown": (_set("actors", "type", "nation"), r"type 'nation' is not an allowed"),
    "actor aliases a string": (_set("actors", "aliases", "one name"), r"aliases is text"),
    "place latitude out of range": (_set("places", "latitude", 135.0), r"latitude 135.0 is above"),
    "place geonames id text": (_set("places", "geonames_id", "abc"), r"geonames_id is text"),
    "boilerplate scope unknown": (_set("boilerplate", "scope", "page"), r"scope 'page'"),
    "trigger window zero": (_set("event_triggers", "window", 0), r"window 0 is below 1"),
    "trigger code unquoted": (_set("event_triggers", "code", 190), r"code is a whole number"),
    "event_triggers a list": (("event_triggers", lambda doc: ["a", "b"]),
                              r"event_triggers.yaml: the file holds a list, not a mapping"),
    "articles.yaml empty": (("articles", lambda doc: {}), r"articles.yaml: missing field\(s\) "
                            r"articles"),
    "unknown top-level key": (("events", lambda doc: {**doc, "evnts": []}),
                              r"unknown field\(s\) evnts"),
    "relative_to an unknown event": (
        _event_date({"text": "two days earlier", "relative_to": "e999"}),
        r"date\.relative_to 'e999' is not an event of the article",
    ),
    "fatalities beyond any count": (_set("events", "fatalities", 10**30), r"fatalities \d+ is "
                                    r"above"),
    "boilerplate regex does not compile": (_set("boilerplate", "pattern", "(open"),
                                           r"pattern '\(open' is not a valid regex"),
    "caption credit not text": (("boilerplate", lambda doc: doc.__setitem__(
        "photo_caption", {"credit_suffix": 7})), r"photo_caption\.credit_suffix is a whole"),
    "trigger regex does not compile": (_set("event_triggers", "pattern", "[a-"),
                                       r"is not a valid regex"),
    "trigger ids repeat": (("event_triggers", lambda doc: doc["triggers"].append(
        copy.deepcopy(doc["triggers"][0]))),
        r"the lexicon does not compile: duplicate trigger ids"),
    "pubdate evidence a string": (
        ("articles", lambda doc: next(
            a for a in doc["articles"] if a.get("published_date")
        )["published_date"].__setitem__("evidence", "words")),
        r"published_date\.evidence is text",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_curation_mistake_is_one_line(case: str, project: Path) -> None:
    (spec, change), message = CASES[case]
    before = output_digests(project)
    _edit(project, spec, change)
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    line = str(info.value)
    assert "\n" not in line and len(line) <= MAX_MESSAGE, line
    assert line.startswith(CURATION[spec]), line
    assert re.search(message, line), line
    assert "Fix:" in line
    assert output_digests(project) == before
    assert not list((project / "build").glob(".staging-*"))


@pytest.mark.parametrize("spec", sorted(CURATION))
def test_every_field_of_every_file_is_type_checked(spec: str) -> None:
    """Systematic: a wrong-shaped value in any field of the first record of any curation or
    knowledge file is refused by its spec with the field and record named."""
    from conftest import ROOT

    doc = read_yaml(ROOT / CURATION[spec])
    check(doc, spec, CURATION[spec])  # the committed file passes
    entry = doc[LISTS[spec]][0]
    for field in list(entry):
        original = entry[field]
        entry[field] = [["not", "this"]]  # a list of lists fits no field
        with pytest.raises(InputError) as info:
            check(doc, spec, CURATION[spec])
        assert f"{field}" in str(info.value) and "Fix:" in str(info.value), str(info.value)
        entry[field] = original


def _rehash_first(root: Path, value: Any) -> None:
    def edit(doc: Any) -> None:
        if value is None:
            del doc["articles"][0]["raw_sha256"]
        else:
            doc["articles"][0]["raw_sha256"] = value

    _edit(root, "articles", edit)


@pytest.mark.parametrize("value", [0, "0", "", None, "ab" * 31, "AB" * 32, False])
def test_hash_is_always_checked(value: Any, project: Path) -> None:
    """A zero, empty, missing, short or upper-case hash never skips the check."""
    _rehash_first(project, value)
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    assert "raw_sha256" in str(info.value) and "\n" not in str(info.value)


def test_changed_raw_file_with_zero_hash_is_not_published(project: Path) -> None:
    doc = yaml.safe_load((project / CURATION["articles"]).read_text(encoding="utf-8"))
    f = project / "raw" / "articles" / doc["articles"][0]["source_file"]
    f.write_bytes(f.read_bytes() + b"\nAn invented extra sentence.\n")
    _rehash_first(project, 0)
    with pytest.raises(InputError, match="raw_sha256"):
        build(project, today=TODAY)


SECRET = "Zebra quartz lantern whispers"  # words that must never reach a message


@pytest.mark.parametrize("name", ["../outside.txt", "../../outside.txt", "/tmp/outside.txt",
                                  "sub/outside.txt", "link.txt"])
def test_source_file_must_stay_inside_raw_articles(name: str, project: Path) -> None:
    outside = project / "raw" / "outside.txt"
    outside.write_text(f"{SECRET}.\n", encoding="utf-8")
    (project / "raw" / "articles" / "link.txt").symlink_to(outside)
    sha = hashlib.sha256(outside.read_bytes()).hexdigest()

    def edit(doc: Any) -> None:
        doc["articles"][0]["source_file"] = name
        doc["articles"][0]["raw_sha256"] = sha

    _edit(project, "articles", edit)
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    line = str(info.value)
    assert "not a file name inside raw/articles" in line and SECRET not in line


def test_yaml_alias_bomb_is_refused_in_one_short_line(project: Path) -> None:
    path = project / CURATION["articles"]
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    path.write_text(bomb + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    line = str(info.value)
    assert "anchors and aliases" in line and "line 1" in line and len(line) <= MAX_MESSAGE


def test_huge_values_give_a_short_message(project: Path) -> None:
    _edit(project, "articles", lambda doc: doc["articles"][0].__setitem__(
        "notes", ["word " * 1000] * 200))
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    assert len(str(info.value)) <= MAX_MESSAGE and "notes is a list" in str(info.value)

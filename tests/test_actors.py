"""The actor registry, actor mentions and the completeness guard, on real and made-up articles."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from conftest import TODAY

from syria_deconfliction.errors import InputError
from syria_deconfliction.pipeline.run import build

NEW_ARTICLE = """Ruritania accuses rebels of shelling border post

Advertisement

Colonel Ivan Petrenko, commander of the Ruritanian border guard, said on Monday that rebels
shelled a post near the Syrian border. Russia's Defence Ministry said it was looking into it.
"""


def _mentions(tables, aid_prefix: str):
    m = tables["actor_mentions"]
    return m[m["article_id"].str.startswith(aid_prefix)]


def test_every_mention_matches_its_text(tables) -> None:
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True))
    for r in tables["actor_mentions"].itertuples():
        assert texts[r.article_id][r.char_start : r.char_end] == r.text


def test_counts_agree_with_mentions(tables) -> None:
    m = tables["actor_mentions"]
    for r in tables["actors"].itertuples():
        mine = m[m["actor_id"] == r.actor_id]
        assert r.mention_count == len(mine)
        assert r.article_count == mine["article_id"].nunique()


def test_registry_structure(tables) -> None:
    actors = tables["actors"].set_index("actor_id")
    for aid, r in actors.iterrows():
        if isinstance(r["parent_actor_id"], str):
            assert r["parent_actor_id"] in actors.index
        if r["type"] == "person":
            assert isinstance(r["title"], str) and r["title"], aid
    # A ministry to its state, a spokesperson to the body they speak for, a unit to its military.
    assert actors.loc["russia-defence-ministry", "parent_actor_id"] == "russia"
    assert actors.loc["yury-melnik", "parent_actor_id"] == "russian-embassy-washington"
    assert actors.loc["russia-military", "type"] == "military"
    assert actors.loc["islamic-state", "type"] == "armed_group"
    assert actors.loc["united-nations", "type"] == "intergovernmental_org"


def test_source_errors_keep_the_text_and_the_registry_the_truth(tables) -> None:
    """'U.S. Foreign Secretary John Kerry': the mention is the name; the registry has the title."""
    kerry = tables["actors"].set_index("actor_id").loc["john-kerry"]
    assert kerry["title"] == "United States Secretary of State"
    assert "Foreign Secretary" in kerry["notes"]
    m = _mentions(tables, "2016-07-22")
    assert "John Kerry" in set(m[m["actor_id"] == "john-kerry"]["text"])


@pytest.mark.parametrize(
    ("prefix", "text", "actor", "rule"),
    [
        ("2015-10-07", "Shoigu", "sergei-shoigu", "alias"),  # "Mr Shoigu": listed surname
        ("2016-07-22", "Melnik", "yury-melnik", "surname"),  # after "Yury Melnik"
        (
            "2016-07-22",
            "Russian",
            "russia-military",
            "demonym_military",
        ),  # "Russian aircraft bombed"
        ("2016-07-22", "Moscow", "russia", "metonym"),  # "Moscow is allegedly using"
        ("2016-09-17", "Russian Federation", "russia", "alias"),
        ("2016-09-17", "Daesh", "islamic-state", "alias"),
        ("2016-09-17", "Kremlin", "russia", "metonym"),
        ("2020-08-27", "Damascus", "syria-government", "metonym"),  # "the blessing of Damascus"
        ("2020-08-27", "Heller", "sam-heller", "honorific"),  # "Mr Heller" after "Sam Heller"
        ("2015-10-07", "Isil", "islamic-state", "alias"),
        ("2016-07-22", "U.S.", "us-special-forces", "alias"),  # "U.S. and U.K. special forces"
    ],
)
def test_rule_examples_from_the_corpus(tables, prefix, text, actor, rule) -> None:
    m = _mentions(tables, prefix)
    hits = m[(m["text"] == text) & (m["actor_id"] == actor)]
    assert rule in set(hits["rule"]), m[m["text"] == text][["actor_id", "rule"]]


def test_capital_as_place_is_not_a_mention(tables) -> None:
    """'reached an agreement in Moscow' and 'the international airport in Damascus' are places."""
    arts = tables["articles"].set_index("article_id")
    for prefix, phrase, name in [
        ("2016-07-22", "in Moscow last week", "Moscow"),
        ("2015-09-17", "international airport in Damascus", "Damascus"),
    ]:
        aid = next(a for a in arts.index if a.startswith(prefix))
        start = arts.loc[aid, "text"].index(phrase) + phrase.index(name)
        m = _mentions(tables, prefix)
        assert start not in set(m["char_start"])


def test_completeness_guard_is_clean_on_the_corpus(fresh_build: Path) -> None:
    report = build(fresh_build, today=TODAY)
    assert report.gaps.get("unaccounted_names", []) == []


def test_completeness_guard_reports_a_new_name(project: Path) -> None:
    f = project / "raw" / "articles" / "900_new.txt"
    f.write_text(NEW_ARTICLE, encoding="utf-8")
    meta = project / "raw" / "curation" / "articles.yaml"
    entry = (
        f"  - article_id: 2020-09-07-test-ruritania-accuses-rebels\n"
        f"    source_file: 900_new.txt\n"
        f"    raw_sha256: {hashlib.sha256(f.read_bytes()).hexdigest()}\n"
        f"    rights: made up for a test\n"
        f"    published_date: {{date: 2020-09-07, precision: day, evidence: [on Monday],"
        f" reason: test, confidence: high}}\n"
    )
    meta.write_text(meta.read_text() + entry)
    report = build(project, today=TODAY)
    gaps = " ".join(report.gaps["unaccounted_names"])
    assert "Ivan Petrenko" in gaps
    assert "Ruritania" in gaps
    assert "Defence Ministry" not in gaps and "Russia" not in re.sub(r"Ruritania\w*", "", gaps)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s.replace("parent: russia-foreign-ministry", "parent: nowhere-ministry", 1),
            "unknown parent",
        ),
        (lambda s: s.replace("country_iso3: RUS", "country_iso3: RUX", 1), "unknown country code"),
        (lambda s: s.replace("  - id: syria\n", "  - id: russia\n", 1), "duplicate id"),
        (
            lambda s: s.replace("cameo_code: RUS\n", "cameo_code: RUSXYZ\n", 1),
            "unknown CAMEO actor code",
        ),
        (
            lambda s: s.replace("    title: null\n", "    title: null\n    colour: red\n", 1),
            "unknown field",
        ),
    ],
)
def test_bad_registry_stops_the_build(project: Path, edit, message: str) -> None:
    f = project / "raw" / "knowledge" / "actors.yaml"
    f.write_text(edit(f.read_text()))
    with pytest.raises(InputError, match=message) as info:
        build(project, today=TODAY)
    assert str(info.value).startswith("raw/knowledge/actors.yaml")


def test_curated_mention_must_be_found(project: Path) -> None:
    f = project / "raw" / "curation" / "actor_mentions.yaml"
    doc = yaml.safe_load(f.read_text())
    doc["add"][0]["context"] = "The Ministry has never responded"
    f.write_text(yaml.safe_dump(doc))
    with pytest.raises(InputError, match="context .* occurs 0 times"):
        build(project, today=TODAY)

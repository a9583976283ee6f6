"""Descriptive mentions of unnamed groups, bodies and outlets: one invented sentence per rule."""

from __future__ import annotations

from functools import cache

from syria_deconfliction.corpus.article import extract_article
from syria_deconfliction.corpus.knowledge import Knowledge


@cache
def _knowledge() -> Knowledge:
    return Knowledge.load()


def _mentions(text: str) -> list[tuple[str, str]]:
    rows = extract_article(text, "x.txt", _knowledge())
    return [(m["text"], m["actor_id"]) for m in rows["actor_mentions"]]


def test_advisers_after_a_state_name_are_its_armed_forces() -> None:
    text = "On Monday U.S. advisers moved closer to the front near the dam."
    assert ("U.S. advisers", "us-military") in _mentions(text)


def test_delegation_after_a_description_noun_is_that_actor() -> None:
    text = "The Syrian opposition met in Riyadh. Later the opposition delegation left the talks."
    assert ("opposition delegation", "syrian-opposition") in _mentions(text)


def test_definite_kind_description_is_the_last_actor_of_that_kind() -> None:
    text = "Reuters reported the vote. A copy seen by the news organization listed the names."
    assert ("news organization", "reuters") in _mentions(text)


def test_indefinite_kind_description_is_the_one_actor_of_that_kind_named_after_it() -> None:
    text = ("An exiled monitoring group says the dam fell. "
            "The Syrian Observatory for Human Rights counted the dead.")
    assert ("exiled monitoring group", "syrian-observatory-for-human-rights") in _mentions(text)


def test_indefinite_kind_description_after_the_actor_is_another_one() -> None:
    text = ("The Syrian Observatory for Human Rights counted the dead. "
            "A local monitoring group disputed the toll.")
    assert not any(t.endswith("monitoring group") for t, _ in _mentions(text))


def test_one_unnamed_official_after_a_body_name_is_that_body() -> None:
    text = "On Monday a Syrian government official said the road had reopened."
    assert ("Syrian government official", "syria-government") in _mentions(text)


def test_role_phrase_set_off_before_a_titled_name_describes_that_person() -> None:
    text = "A veteran Syrian opposition figure, former Mayor Ivo Marek, opened a bakery."
    got = _mentions(text)
    assert ("veteran Syrian opposition figure", "new-ivo-marek") in got
    assert ("Syrian opposition", "syrian-opposition") not in got


def test_description_noun_of_two_words_names_the_candidate_holding_it() -> None:
    text = "Envoys met. The Harbour Truce Task Force sat later, and the task force agreed."
    assert ("task force", "new-harbour-truce-task-force") in _mentions(text)


def test_phrase_a_name_is_given_to_is_a_description_of_that_actor() -> None:
    text = "In spring a coalition of Kurdish-led hill militias known as the SDF " \
        "repaired the flooded orchard canals."
    got = _mentions(text)
    assert ("coalition of Kurdish-led hill militias", "syrian-democratic-forces") in got
    assert not any(t == "Kurdish" for t, _ in got)


def test_one_unnamed_member_after_a_service_name_is_that_service() -> None:
    text = "Late on Monday a U.S. Navy SEAL swam out to the stranded ferry."
    assert ("U.S. Navy SEAL", "us-navy") in _mentions(text)


def test_description_noun_before_an_agency_noun_without_article_is_its_actor() -> None:
    text = "The Syrian opposition met in Riyadh. The envoy rejected opposition demands on Monday."
    assert ("opposition", "syrian-opposition") in _mentions(text)


def test_side_name_before_media_is_no_mention_of_the_side() -> None:
    text = "On Friday Syrian opposition media reported shelling near the dam."
    assert _mentions(text) == []

"""A capitalised organisation head standing alone after the organisation's full name."""

from __future__ import annotations

from syria_deconfliction.corpus.article import extract_article
from syria_deconfliction.corpus.knowledge import Knowledge
from syria_deconfliction.extract.mentions.heads import head_owner

HEADS = frozenset({"Observatory", "Council", "Front"})


def test_a_head_alone_is_the_organisation_named_last_before_it_holding_the_word() -> None:
    named = [(0, "north-council", "Northern Water Council"), (40, "vale-front", "Vale Front"),
             (80, "south-council", "Southern Grain Council")]
    assert head_owner("Council", 60, named, HEADS) == "north-council"
    assert head_owner("Council", 120, named, HEADS) == "south-council"
    assert head_owner("Front", 30, named, HEADS) is None  # no front named before it
    assert head_owner("Vale", 60, named, HEADS) is None  # no organisation head


def test_the_observatory_after_its_full_name_is_no_new_actor() -> None:
    text = ("Toll rises\n\nThe Lakeside Observatory for Civil Rights said 12 people died. "
            "The Observatory said the toll would rise.\n")
    rows = extract_article(text, "a.txt", Knowledge.load())
    mentions = [(m["text"], m["actor_id"]) for m in rows["actor_mentions"]]
    assert ("Observatory", "new-lakeside-observatory-for-civil-rights") in mentions
    assert [c["actor_id"] for c in rows["actor_candidates"]] == [
        "new-lakeside-observatory-for-civil-rights"]

"""Boilerplate rules: skipping a rule whose needed characters a line lacks changes nothing."""

from __future__ import annotations

import re

import pytest

from syria_deconfliction.corpus.knowledge import Knowledge
from syria_deconfliction.pipeline.clean import Rule, _match, _needed_literal

_RULES = Knowledge.load().boilerplate.rules


def _first_full_match(rules: tuple[Rule, ...], text: str) -> str | None:
    return next((r.id for r in rules if r.pattern.fullmatch(text)), None)


@pytest.mark.parametrize("pattern, needed", [
    (r"(?i).*(news|newsletter)[^.]*directly to your inbox.*", "directly to your inbox"),
    (r"(?i)(?:\w+ )?Contributed to this (report|story)\.?", "contributed to this "),
    (r"Most (?:read|shared)", "Most "),  # case-sensitive: as written
    (r"(?i:Sign up) for our newsletter", " for our newsletter"),  # scoped flag: as written
    (r"Ad(?:vert)?", None),
])
def test_needed_literal(pattern: str, needed: str | None) -> None:
    assert _needed_literal(re.compile(pattern)) == needed


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "Get the latest headlines directly to your inbox.",
    "GET THE NEWS DIRECTLY TO YOUR INBOX", "Jane Roe contributed to this report.",
    "© 2020 Example Media. All Rights Reserved.", "Sign up for our weekly newsletter",
    "ſign up for our weekly newsletter",  # (?i) reads ſ as s: the rule is still tried
    "Jane Roe contributed to thiſ report.", "Sign up for our daily briefing",
    "Jets struck a depot near the border on Tuesday, officials said.", "Most Read", "",
])
def test_rules_tried_by_needed_characters_match_as_every_rule_tried(line: str) -> None:
    rule, _m = _match(_RULES, line)
    assert (rule.id if rule else None) == _first_full_match(_RULES, line)


def test_an_ad_slot_placeholder_line_is_page_furniture() -> None:
    # scraped pages keep a publishing system's "[ad_1]" placeholders as lines of their own
    rule, _m = _match(_RULES, "[ad_2]")
    assert rule is not None and rule.kind == "advert"
    assert _match(_RULES, "Officials met [ad_2] on Tuesday.")[0] is None


def _clean(raw: str):
    from syria_deconfliction.pipeline.clean import clean

    return clean(raw, Knowledge.load().boilerplate)


def test_a_wire_credit_line_stays_in_the_text_as_a_credit_segment() -> None:
    # the journalists a wire credits are people of the story: the line is kept (and harvested)
    raw = ("Ministers meet in Vienna\n\nBy Ann Example\n\nThe ministers met on Tuesday.\n\n"
           "(Reporting by Jo Verne in Vienna; Editing by Max Tull)\n")
    art = _clean(raw)
    credit = "(Reporting by Jo Verne in Vienna; Editing by Max Tull)"
    assert art.text.endswith(credit)
    assert [s.role for s in art.segments] == ["headline", "body", "credit"]
    seg = art.segments[-1]
    assert art.text[seg.clean_start:seg.clean_end] == raw[seg.raw_start:seg.raw_end] == credit
    assert credit in art.credits
    # a byline printed above the story is page furniture: removed, but still a credit
    assert "Ann Example" not in art.text and "By Ann Example" in art.credits
    assert [r.rule for r in art.removed] == ["byline"]


def test_a_credit_line_without_a_full_stop_is_no_truncated_fragment() -> None:
    art = _clean("Talks resume\n\nThe talks resumed on Monday.\n\nThe envoys met again.\n\n"
                 "Kim Lark and Ode Fenn contributed to this report\n")
    assert art.segments[-1].role == "credit" and not art.removed


@pytest.mark.parametrize("line, furniture", [
    ("Follow Jo Verne on Twitter @joverne", True),
    ("“Follow Jo Verne on Twitter @joverne.”", True),  # a page that prints it in marks
    ("Follow @joverne on Facebook", True),
    ("Follow the money on Twitter, the senator said.", False),
])
def test_an_authors_follow_prompt_is_page_furniture(line: str, furniture: bool) -> None:
    rule, _m = _match(_RULES, line)
    assert (rule is not None and rule.id == "follow-prompt") is furniture


def test_an_author_note_after_a_related_links_rail_stays_in_the_story() -> None:
    art = _clean("Talks resume\n\nThe talks resumed on Monday.\n\nThe envoys met again.\n\n"
                 "Read more:\n\nEarlier talks collapsed in the spring\n\n"
                 "Jo Verne is a Cairo-based correspondent for The Ledger.\n\nMost Read\n")
    assert art.text.endswith("\n\nJo Verne is a Cairo-based correspondent for The Ledger.")
    assert [s.role for s in art.segments][-1] == "credit"
    assert [r.text for r in art.removed] == [
        "Read more:", "Earlier talks collapsed in the spring", "Most Read"]

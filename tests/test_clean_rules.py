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


@pytest.mark.parametrize("line, printed", [
    ("Saturday 17 February 2018", "2018-02-17"),
    ("Feb. 7, 2018 1:52pm", "2018-02-07"),
    # a time before the date, and a second stamp after a bar: the first date is the printed one
    ("Published: 14:02 EDT, 9 March 2018 | Updated: 16:40 EDT, 10 March 2018", "2018-03-09"),
    ("MARCH 9, 2018 / 2:02 PM / UPDATED 5 YEARS AGO", "2018-03-09"),  # set in capitals
    ("Last modified on Fri 9 Mar 2018 16.40 GMT", "2018-03-09"),
    ("Updated 2:02 PM ET, Fri March 9, 2018", "2018-03-09"),
    ("First published on Friday 9 March 2018 14.02 GMT", "2018-03-09"),
])
def test_a_printed_dateline_is_page_furniture_that_dates_the_page(line: str, printed: str) -> None:
    from syria_deconfliction.extract.dates import parse_printed_date

    rule, _m = _match(_RULES, line)
    assert rule is not None and rule.kind == "dateline"
    assert str(parse_printed_date(line)) == printed


@pytest.mark.parametrize("line", [
    "The talks began on 9 March 2018 in Geneva.", "9 March 2018 was a Friday", "Updated",
    "Published 14:02 EDT",  # a clock time alone dates nothing
])
def test_a_story_line_holding_a_date_is_no_dateline(line: str) -> None:
    rule, _m = _match(_RULES, line)
    assert rule is None or rule.kind != "dateline"


def test_the_story_resumes_after_a_related_links_rail_inside_it() -> None:
    art = _clean("Ferry talks stall\n\nThe two ports failed to agree on Monday.\n\n"
                 "RELATED ARTICLES\n\nPrevious\n\nNext\n\nHarbour strike enters third week\n\n"
                 "Share this article\n\n"
                 "The harbour master said the ferries would stay in port until the weekend.\n")
    assert art.text.endswith("The harbour master said the ferries would stay in port until "
                             "the weekend.")
    assert [r.text for r in art.removed] == [
        "RELATED ARTICLES", "Previous", "Next", "Harbour strike enters third week",
        "Share this article"]


def test_a_rail_at_the_end_of_the_page_still_ends_the_story() -> None:
    art = _clean("Ferry talks stall\n\nThe two ports failed to agree on Monday.\n\n"
                 "The harbour master said the ferries would stay in port.\n\n"
                 "Read more:\n\nHarbour strike enters third week\n\nPorts reopen.\n")
    assert art.text.endswith("would stay in port.")
    assert {r.rule for r in art.removed} == {"you-may-also-like"}

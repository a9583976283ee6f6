"""Tests for syria_deconfliction.extract.dates: made-up sentences with known answers."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pytest

from syria_deconfliction.extract.dates import (
    DateExpr,
    ResolvedDate,
    copyright_years,
    find_date_expressions,
    infer_publication_date,
    parse_printed_date,
    resolve,
    shift,
)
from syria_deconfliction.extract.dates import expressions as ex
from syria_deconfliction.extract.dates.publication import _COPYRIGHT
from syria_deconfliction.extract.dates.vocabulary import _month_no

D = dt.date
ARTICLES = Path(__file__).resolve().parents[1] / "raw" / "articles"

MON_2017_01_02 = D(2017, 1, 2)  # a Monday; the day before is Sunday 1 January
WED_2015_10_07 = D(2015, 10, 7)
FRI_2016_07_22 = D(2016, 7, 22)


def span(r: ResolvedDate | None) -> tuple[dt.date, dt.date, str]:
    assert r is not None
    return r.date_start, r.date_end, r.precision


# --------------------------------------------------------------------------- resolve


@pytest.mark.parametrize(
    ("text", "anchor", "start", "end", "precision", "method"),
    [
        # explicit dates
        ("17 February 2018", D(2018, 3, 1), D(2018, 2, 17), D(2018, 2, 17), "day", "explicit"),
        ("Saturday 17 February 2018", D(2018, 3, 1), D(2018, 2, 17), D(2018, 2, 17), "day",
         "explicit"),
        ("February 17, 2018", D(2018, 3, 1), D(2018, 2, 17), D(2018, 2, 17), "day", "explicit"),
        ("Feb. 17th, 2018", D(2018, 3, 1), D(2018, 2, 17), D(2018, 2, 17), "day", "explicit"),
        ("the 17th of February 2018", D(2018, 3, 1), D(2018, 2, 17), D(2018, 2, 17), "day",
         "explicit"),
        ("February 2018", D(2018, 3, 1), D(2018, 2, 1), D(2018, 2, 28), "month", "explicit"),
        ("February 2016", D(2018, 3, 1), D(2016, 2, 1), D(2016, 2, 29), "month", "explicit"),
        ("mid-September 2015", D(2016, 1, 1), D(2015, 9, 11), D(2015, 9, 20), "month",
         "explicit"),
        ("in 1994", D(2015, 9, 17), D(1994, 1, 1), D(1994, 12, 31), "year", "explicit"),
        ("early 2016", D(2017, 1, 1), D(2016, 1, 1), D(2016, 4, 30), "year", "explicit"),
        ("the end of 2015", D(2017, 1, 1), D(2015, 9, 1), D(2015, 12, 31), "year", "explicit"),
        # year-less dates: most recent on or before the anchor
        ("June 16", FRI_2016_07_22, D(2016, 6, 16), D(2016, 6, 16), "day", "relative-resolved"),
        ("on June 16", FRI_2016_07_22, D(2016, 6, 16), D(2016, 6, 16), "day",
         "relative-resolved"),
        ("June 16th", D(2016, 6, 16), D(2016, 6, 16), D(2016, 6, 16), "day",
         "relative-resolved"),
        ("June 16", D(2016, 6, 15), D(2015, 6, 16), D(2015, 6, 16), "day", "relative-resolved"),
        ("16 June", D(2016, 6, 15), D(2015, 6, 16), D(2015, 6, 16), "day", "relative-resolved"),
        ("Sept. 4", D(2015, 9, 17), D(2015, 9, 4), D(2015, 9, 4), "day", "relative-resolved"),
        ("Sep 4", D(2015, 9, 3), D(2014, 9, 4), D(2014, 9, 4), "day", "relative-resolved"),
        ("December 30", D(2017, 1, 3), D(2016, 12, 30), D(2016, 12, 30), "day",
         "relative-resolved"),
        ("mid-September", D(2015, 10, 2), D(2015, 9, 11), D(2015, 9, 20), "month",
         "relative-resolved"),
        ("in September", D(2015, 9, 2), D(2015, 9, 1), D(2015, 9, 30), "month",
         "relative-resolved"),
        ("in November", D(2015, 9, 2), D(2014, 11, 1), D(2014, 11, 30), "month",
         "relative-resolved"),
        # leap years
        ("February 29", D(2017, 3, 1), D(2016, 2, 29), D(2016, 2, 29), "day",
         "relative-resolved"),
        ("29 February 2016", D(2017, 3, 1), D(2016, 2, 29), D(2016, 2, 29), "day", "explicit"),
        # ranges
        ("September 4 and 15", D(2015, 9, 17), D(2015, 9, 4), D(2015, 9, 15), "day",
         "relative-resolved"),
        ("between September 4 and 15", D(2015, 9, 17), D(2015, 9, 4), D(2015, 9, 15), "day",
         "relative-resolved"),
        ("between September 4 and 15, 2015", D(2016, 1, 1), D(2015, 9, 4), D(2015, 9, 15), "day",
         "explicit"),
        ("4-15 September 2015", D(2016, 1, 1), D(2015, 9, 4), D(2015, 9, 15), "day", "explicit"),
        ("from December 28 to January 3", D(2016, 1, 10), D(2015, 12, 28), D(2016, 1, 3), "day",
         "relative-resolved"),
        ("December 28, 2015 to January 3, 2016", D(2016, 2, 1), D(2015, 12, 28), D(2016, 1, 3),
         "day", "explicit"),
        ("between March and May 2016", D(2016, 7, 1), D(2016, 3, 1), D(2016, 5, 31), "month",
         "explicit"),
        ("from 2011 to 2015", D(2016, 1, 1), D(2011, 1, 1), D(2015, 12, 31), "year", "explicit"),
        # since: from the start of the period to the anchor
        ("since 2011", D(2016, 9, 17), D(2011, 1, 1), D(2016, 9, 17), "year",
         "relative-resolved"),
        ("since June 16", FRI_2016_07_22, D(2016, 6, 16), FRI_2016_07_22, "day",
         "relative-resolved"),
        ("since last October", D(2020, 8, 27), D(2019, 10, 1), D(2020, 8, 27), "month",
         "relative-resolved"),
        # weekdays
        ("Sunday", MON_2017_01_02, D(2017, 1, 1), D(2017, 1, 1), "day", "relative-resolved"),
        ("Monday", MON_2017_01_02, MON_2017_01_02, MON_2017_01_02, "day", "relative-resolved"),
        ("Tuesday", MON_2017_01_02, D(2016, 12, 27), D(2016, 12, 27), "day",
         "relative-resolved"),
        ("on Wednesday", WED_2015_10_07, WED_2015_10_07, WED_2015_10_07, "day",
         "relative-resolved"),
        ("on Wednesday morning", WED_2015_10_07, WED_2015_10_07, WED_2015_10_07, "day",
         "relative-resolved"),
        ("late on Wednesday", D(2020, 8, 27), D(2020, 8, 26), D(2020, 8, 26), "day",
         "relative-resolved"),
        ("Tuesday morning", D(2020, 8, 27), D(2020, 8, 25), D(2020, 8, 25), "day",
         "relative-resolved"),
        ("later Friday", FRI_2016_07_22, FRI_2016_07_22, FRI_2016_07_22, "day",
         "relative-resolved"),
        ("last Wednesday", WED_2015_10_07, D(2015, 9, 30), D(2015, 9, 30), "day",
         "relative-resolved"),
        ("next Wednesday", WED_2015_10_07, D(2015, 10, 14), D(2015, 10, 14), "day",
         "relative-resolved"),
        # days, weeks, months, years relative to the anchor
        ("yesterday", D(2017, 1, 1), D(2016, 12, 31), D(2016, 12, 31), "day",
         "relative-resolved"),
        ("today", FRI_2016_07_22, FRI_2016_07_22, FRI_2016_07_22, "day", "relative-resolved"),
        ("three days ago", D(2016, 3, 2), D(2016, 2, 28), D(2016, 2, 28), "day",
         "relative-resolved"),
        ("last week", MON_2017_01_02, D(2016, 12, 26), D(2017, 1, 1), "week",
         "relative-resolved"),
        ("last week", D(2017, 1, 1), D(2016, 12, 19), D(2016, 12, 25), "week",
         "relative-resolved"),
        ("this week", FRI_2016_07_22, D(2016, 7, 18), D(2016, 7, 24), "week",
         "relative-resolved"),
        ("next week", D(2016, 12, 29), D(2017, 1, 2), D(2017, 1, 8), "week",
         "relative-resolved"),
        ("earlier this week", FRI_2016_07_22, D(2016, 7, 18), FRI_2016_07_22, "week",
         "relative-resolved"),
        ("last month", D(2017, 1, 3), D(2016, 12, 1), D(2016, 12, 31), "month",
         "relative-resolved"),
        ("last month", D(2016, 3, 31), D(2016, 2, 1), D(2016, 2, 29), "month",
         "relative-resolved"),
        ("this month", FRI_2016_07_22, D(2016, 7, 1), D(2016, 7, 31), "month",
         "relative-resolved"),
        ("earlier this month", D(2015, 9, 17), D(2015, 9, 1), D(2015, 9, 17), "month",
         "relative-resolved"),
        ("early this month", FRI_2016_07_22, D(2016, 7, 1), D(2016, 7, 10), "month",
         "relative-resolved"),
        ("late last month", D(2016, 3, 5), D(2016, 2, 21), D(2016, 2, 29), "month",
         "relative-resolved"),
        ("last year", D(2020, 8, 27), D(2019, 1, 1), D(2019, 12, 31), "year",
         "relative-resolved"),
        ("this year", D(2016, 9, 17), D(2016, 1, 1), D(2016, 12, 31), "year",
         "relative-resolved"),
        ("in the last year", D(2016, 3, 1), D(2015, 3, 2), D(2016, 3, 1), "year",
         "relative-resolved"),
        # months relative to the anchor
        ("last October", D(2019, 10, 15), D(2018, 10, 1), D(2018, 10, 31), "month",
         "relative-resolved"),
        ("last October", D(2019, 11, 5), D(2019, 10, 1), D(2019, 10, 31), "month",
         "relative-resolved"),
        ("last October's", D(2020, 8, 27), D(2019, 10, 1), D(2019, 10, 31), "month",
         "relative-resolved"),
        ("next January", D(2019, 1, 5), D(2020, 1, 1), D(2020, 1, 31), "month",
         "relative-resolved"),
        ("in September last year", FRI_2016_07_22, D(2015, 9, 1), D(2015, 9, 30), "month",
         "relative-resolved"),
        ("September last year", D(2016, 1, 4), D(2015, 9, 1), D(2015, 9, 30), "month",
         "relative-resolved"),
        ("late September last year", D(2016, 1, 4), D(2015, 9, 21), D(2015, 9, 30), "month",
         "relative-resolved"),
    ],
)
def test_resolve(text: str, anchor: dt.date, start: dt.date, end: dt.date, precision: str,
                 method: str) -> None:
    r = resolve(text, anchor)
    assert span(r) == (start, end, precision)
    assert r is not None and r.method == method and r.text == text and r.note == ""


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Thursday", WED_2015_10_07, D(2015, 10, 8)),
        ("Wednesday", WED_2015_10_07, WED_2015_10_07),
        ("Tuesday", WED_2015_10_07, D(2015, 10, 13)),
        ("June 16", D(2016, 6, 17), D(2017, 6, 16)),
        ("June 16", D(2016, 6, 16), D(2016, 6, 16)),
        ("February 29", D(2017, 3, 1), D(2020, 2, 29)),
        ("January 3", D(2016, 12, 29), D(2017, 1, 3)),
    ],
)
def test_resolve_future(text: str, anchor: dt.date, expected: dt.date) -> None:
    assert span(resolve(text, anchor, future=True)) == (expected, expected, "day")


def test_future_flag_changes_month_and_range() -> None:
    assert span(resolve("in March", D(2016, 7, 1), future=True))[:2] == (
        D(2017, 3, 1), D(2017, 3, 31))
    assert span(resolve("September 4 and 15", D(2015, 9, 10), future=True))[:2] == (
        D(2015, 9, 4), D(2015, 9, 15))
    assert span(resolve("September 4 and 15", D(2015, 9, 10)))[:2] == (
        D(2015, 9, 4), D(2015, 9, 15))  # the range has begun by the anchor
    assert span(resolve("September 4 and 15", D(2015, 9, 3)))[:2] == (
        D(2014, 9, 4), D(2014, 9, 15))


@pytest.mark.parametrize(
    "text",
    ["for days", "29 February 2015", "February 30", "September 15 and 4", "24 hours prior",
     "the previous day", "next to the river", "", "May be"],
)
def test_resolve_rejects(text: str) -> None:
    assert resolve(text, FRI_2016_07_22) is None


def test_implausible_dates_are_flagged_not_hidden() -> None:
    after = resolve("17 February 2018", D(2016, 1, 1))
    assert after is not None and "after the anchor" in after.note
    old = resolve("in 1850", D(2016, 1, 1))
    assert old is not None and "before 1900" in old.note
    since_later = resolve("since 2018", D(2016, 1, 1))
    assert since_later is not None and "after it ends" in since_later.note
    bad_weekday = resolve("Friday 17 February 2018", D(2018, 3, 1))
    assert bad_weekday is not None and "Saturday" in bad_weekday.note
    assert resolve("17 February 2018", D(2018, 2, 20), future=True).note == ""  # type: ignore[union-attr]


# --------------------------------------------------------------------------- shift


def test_shift_durations() -> None:
    event = resolve("June 16", FRI_2016_07_22)
    assert event is not None
    assert span(shift(event, "24 hours prior")) == (D(2016, 6, 15), D(2016, 6, 15), "day")
    assert span(shift(event, "Roughly 90 minutes later")) == (D(2016, 6, 16), D(2016, 6, 16),
                                                              "day")
    assert span(shift(event, "two days earlier")) == (D(2016, 6, 14), D(2016, 6, 14), "day")
    assert span(shift(event, "the next day")) == (D(2016, 6, 17), D(2016, 6, 17), "day")
    # Coarser units widen the result to the whole week/month containing the shifted date.
    assert span(shift(event, "a week later")) == (D(2016, 6, 20), D(2016, 6, 26), "week")
    assert span(shift(event, "three months later")) == (D(2016, 9, 1), D(2016, 9, 30), "month")
    newyear = resolve("31 December 2015", D(2016, 2, 1))
    assert newyear is not None
    assert span(shift(newyear, "48 hours after")) == (D(2016, 1, 2), D(2016, 1, 2), "day")
    month = resolve("February 2016", D(2016, 3, 1))
    assert month is not None
    assert shift(month, "a day later").precision == "month"
    with pytest.raises(ValueError):
        shift(event, "last week")


# --------------------------------------------------------------------------- find


def kinds(text: str) -> list[tuple[str, str]]:
    out = find_date_expressions(text)
    for e in out:
        assert text[e.start : e.end] == e.text
    return [(e.text, e.kind) for e in out]


def test_find_in_a_news_paragraph() -> None:
    text = (
        "Officials said on Wednesday morning that the base was hit June 16. A unit left "
        "24 hours prior to the strike, and roughly 90 minutes later jets returned. "
        "Supplies arrived between September 4 and 15, the ministry said late on Wednesday. "
        "The war, under way since 2011, flared in February 2018 and again last week."
    )
    assert kinds(text) == [
        ("Wednesday morning", "weekday"),
        ("June 16", "explicit_day"),
        ("24 hours prior", "duration_before"),
        ("roughly 90 minutes later", "duration_after"),
        ("between September 4 and 15", "range"),
        ("late on Wednesday", "weekday"),
        ("since 2011", "since"),
        ("February 2018", "explicit_month"),
        ("last week", "relative"),
    ]


def test_find_prefers_longest_expression() -> None:
    assert kinds("News World News\n\nSaturday 17 February 2018\n\nText.") == [
        ("Saturday 17 February 2018", "explicit_day")]
    assert kinds("Strikes began in September last year.") == [
        ("September last year", "relative")]
    assert kinds("It followed last October's decision.") == [("last October", "relative")]
    assert kinds("The man died in a car accident in 1994.") == [("1994", "explicit_year")]
    assert kinds("It was early this month, after mid-September.") == [
        ("early this month", "relative"), ("mid-September", "explicit_month")]


def test_find_ignores_non_dates() -> None:
    text = (
        "You may 5 times ask. Some 2000 people and 26 missile strikes, 25 kilometers away. "
        "The trucks waited for days. You will receive it every Friday. Fridays are quiet. "
        "A four-hour firefight in a nine-year long war. Decide on 250,000 civilians. "
        "A force of 1900 men arrived in 2000 trucks, the Sunday Times said."
    )
    assert kinds(text) == []


def test_find_bare_may_needs_context() -> None:
    assert kinds("In May the army met. By May 2015 it had left.") == [
        ("May", "explicit_month"), ("May 2015", "explicit_month")]


def test_find_days_and_years_are_validated() -> None:
    assert kinds("On February 30 nothing happened.") == [("February", "explicit_month")]
    assert kinds("It was Sept. 4, 2015, and then 4 and 15 June.") == [
        ("Sept. 4, 2015", "explicit_day"), ("4 and 15 June", "range")]
    assert kinds("During 2011-2015 and from 2016 to 2018.") == [
        ("2011-2015", "range"), ("from 2016 to 2018", "range")]


def test_find_relative_expressions() -> None:
    text = "Yesterday and today, three days ago, earlier this month and the day before."
    assert kinds(text) == [
        ("Yesterday", "relative"),
        ("today", "relative"),
        ("three days ago", "relative"),
        ("earlier this month", "relative"),
        ("the day before", "duration_before"),
    ]


def test_every_found_expression_resolves_or_is_a_duration() -> None:
    text = (ARTICLES / "000_b26088225b34cbc0.txt").read_text(encoding="utf-8")
    found = find_date_expressions(text)
    assert [e.text for e in found][:4] == ["last month", "Friday", "early this month",
                                           "June 16"]
    for e in found:
        r = resolve(e.text, D(2016, 7, 22))
        assert (r is None) == e.kind.startswith("duration"), e


# --------------------------------------------------------------------------- printed dates


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday 17 February 2018", D(2018, 2, 17)),
        ("Sat., Feb. 17, 2018 10:32", D(2018, 2, 17)),
        ("Published 2018-02-17T10:00:00Z", D(2018, 2, 17)),
        ("17/02/2018", D(2018, 2, 17)),
        ("02/17/2018", D(2018, 2, 17)),
        ("03/04/2018", None),
        ("Saturday", None),
        ("", None),
    ],
)
def test_parse_printed_date(line: str, expected: dt.date | None) -> None:
    assert parse_printed_date(line) == expected


def test_copyright_years_skip_footer_ranges() -> None:
    text = "Copyright 2015 The Example Press. All rights reserved.\n(c) 1998-2024 Example Inc."
    assert copyright_years(text) == [(2015, "Copyright 2015 The Example Press")]


@pytest.mark.parametrize("text", [
    "COPYRIGHT 2016 Example Media", "(C) 2013 Example Inc.", "\u00a9 2019 Example", "No notice.",
    "Copyriģht 2015 X", "COPYRİGHT 2015 Example", "Copyrıght 2012 Example", "",  # (?i): İ ı = i
])
def test_copyright_words_test_finds_what_the_pattern_finds(text: str) -> None:
    """The literal test that skips texts without a copyright word finds what the pattern finds."""
    expected = [(int(m["y"]), m.group(0).rstrip()) for m in _COPYRIGHT.finditer(text)]
    assert copyright_years(text) == expected


# --------------------------------------------------------------------------- publication date

WIRE = (
    "Officials on Tuesday said the talks would go on.\n\n"
    "Convoys arrived between March 2 and 9, according to satellite images.\n\n"
    "The war began in 2011.\n\n"
    "Copyright 2014 The Example Press. All rights reserved."
)


def test_printed_date_kept_when_consistent() -> None:
    p = infer_publication_date(WIRE, D(2014, 3, 11), printed_line="Tuesday 11 March 2014")
    assert (p.date, p.precision, p.method, p.confidence) == (D(2014, 3, 11), "day", "printed",
                                                             "high")
    assert not p.printed_contradicted and p.evidence == "Tuesday 11 March 2014"


def test_copyright_year_contradicts_printed_and_rule_fixes_day() -> None:
    p = infer_publication_date(WIRE, D(2019, 6, 1))
    assert p.printed_contradicted and "copyright year 2014" in p.note
    # 9 March 2014 is a Sunday; the lede's Tuesday on or after it is 11 March.
    assert (p.date, p.precision, p.method, p.confidence) == (D(2014, 3, 11), "day", "rule",
                                                             "medium")
    assert p.evidence.split(" | ") == ["Copyright 2014 The Example Press",
                                       "between March 2 and 9", "Officials on Tuesday"]
    for words in p.evidence.split(" | "):
        assert words in WIRE


def test_copyright_year_passed_separately() -> None:
    body = WIRE.rsplit("\n\n", 1)[0]
    assert infer_publication_date(body, None).method == "none"
    p = infer_publication_date(body, None, copyright_year=2014)
    assert (p.date, p.method) == (D(2014, 3, 11), "rule")


def test_copyright_alone_fixes_the_year() -> None:
    body = "Rebels said on Friday they had withdrawn.\n\nCopyright 2016 The Example Press."
    p = infer_publication_date(body, None)
    assert (p.date, p.precision, p.method) == (D(2016, 1, 1), "year", "rule")


def test_later_explicit_event_contradicts_printed() -> None:
    body = "The ceasefire took effect on 12 September 2016, officials said on Monday."
    p = infer_publication_date(body, D(2016, 9, 1))
    assert p.printed_contradicted and "12 September 2016" in p.note
    assert p.method == "none" and p.date is None  # no copyright year to fix the year


def test_future_sentence_does_not_contradict_printed() -> None:
    body = "Officials said on Monday that elections will be held on 3 June 2021."
    p = infer_publication_date(body, D(2020, 5, 4))
    assert (p.method, p.date, p.printed_contradicted) == ("printed", D(2020, 5, 4), False)


def test_printed_weekday_disagreeing_with_its_date() -> None:
    body = "Officials said on Monday that talks went on."
    p = infer_publication_date(body, D(2018, 2, 17), printed_line="Friday 17 February 2018")
    assert p.printed_contradicted and "Friday" in p.note and p.method == "none"
    dateline_in_body = "Friday 17 February 2018\n\n" + body
    assert infer_publication_date(dateline_in_body, D(2018, 2, 17)).printed_contradicted


def test_stale_explicit_years_with_recent_weekdays_contradict_printed() -> None:
    body = "Rebels lost the town on 3 March 2012. On Wednesday they seized it, officials said."
    stale = infer_publication_date(body, D(2018, 2, 17))
    assert stale.printed_contradicted and "2012" in stale.note
    recent = infer_publication_date(body, D(2014, 2, 17))
    assert not recent.printed_contradicted and recent.method == "printed"
    no_weekday = infer_publication_date("Rebels lost the town on 3 March 2012.", D(2018, 2, 17))
    assert not no_weekday.printed_contradicted
    background = "The war began in 2012. On Wednesday rebels seized a town."
    assert not infer_publication_date(background, D(2018, 2, 17)).printed_contradicted


def test_nothing_fixes_the_date() -> None:
    p = infer_publication_date("Rebels said on Friday they had withdrawn.", None)
    assert (p.date, p.precision, p.method, p.confidence, p.evidence) == (None, None, "none",
                                                                         "low", "")
    assert not p.printed_contradicted


def test_real_article_003_is_dated_by_rule() -> None:
    body = (ARTICLES / "003_5af5dcd003470b05.txt").read_text(encoding="utf-8")
    p = infer_publication_date(body, None)
    assert (p.date, p.precision, p.method, p.confidence) == (D(2015, 9, 17), "day", "rule",
                                                             "medium")
    assert p.evidence.split(" | ") == ["Copyright 2015 The Associated Press",
                                       "between September 4 and 15", "Russia on Thursday"]
    # The same story shown with a later crawl date: the copyright year contradicts it.
    q = infer_publication_date(body, D(2018, 2, 17))
    assert q.printed_contradicted and q.date == D(2015, 9, 17)


def test_dateexpr_is_frozen() -> None:
    e = DateExpr(0, 5, "today", "relative")
    with pytest.raises(AttributeError):
        e.start = 1  # type: ignore[misc]


@pytest.mark.parametrize("text", [
    "Talks ended two days ago.\nTHREE WEEKS AGO the town fell.\nNothing here.",
    "The day before, troops left; a week later they came back.\nLast week and next month.",
    "Aid came tonİght.\nThey left the previouſ day.\nTomorrow is Friday.",  # (?i): İ=i, ſ=s
    "The next-year plan.\nTODAY and Tonight.\nThe same-day flight, the DAY AFTER.",
])
def test_anchor_lines_found_by_keywords_are_those_every_line_searched_gives(text: str) -> None:
    """Case-insensitive anchors are looked for only on lines that hold their words: the lines
    found are exactly those a search of every line finds."""
    for anchor, rx in ex._ANCHORS.items():
        every_line = tuple(m.span() for m in ex._LINE.finditer(text) if rx.search(text, *m.span()))
        assert ex._lines_with(text, anchor) == every_line, anchor


@pytest.mark.parametrize("text", [
    "On Monday, 3 March 2014, talks began; by May 5 they ended.\nIn June 2015 and last year.",
    "Between March 3 and 9, 2016 troops moved.\nMarch 2016 to May 2016 was calm.\n2014-2016.",
    "They met on 12th of April.\nThe day before, since 1999, three weeks ago.",
    "TODAY: Sunday Times, September last year, next March, early 2013.",
    "Talks held in\tthe middle of   March 2015 and from 3 -  9 of\u00a0June, 2016 failed.",
    "Since about more than a couple of weeks  later, and the previous-day raid; on Mon. 4 Jan.",
    "A word, then since between 21st and 23rd of December 1999 to 3rd January 2000, it rained.",
])
def test_rules_on_their_anchor_lines_find_what_every_line_gives(text: str,
                                                                monkeypatch) -> None:
    """Running each rule only on the lines holding its anchors (a year too for the rules whose
    year is not optional), tried only at the word starts near the anchors' occurrences, finds
    what running every rule at every offset of every line finds."""
    found = ex._find_date_expressions.__wrapped__(text)
    every_line = tuple(m.span() for m in ex._LINE.finditer(text))
    everywhere = {a: tuple((s, e, tuple(range(s, e))) for s, e in every_line)
                  for a in ex._ANCHORS}
    monkeypatch.setattr(ex, "_lines_with", lambda text, anchor: every_line)
    monkeypatch.setattr(ex, "_anchor_lines", lambda text: everywhere)
    monkeypatch.setattr(ex, "_YEAR_TOO", frozenset())
    assert found == ex._find_date_expressions.__wrapped__(text)
    assert found  # the texts hold dates


def test_month_numbers_are_the_calendar_abbreviations() -> None:
    """The month table read from the lexicon gives what calendar.month_abbr gives."""
    for i, abbr in enumerate(calendar.month_abbr[1:], start=1):
        assert _month_no(abbr) == _month_no(abbr + ".") == _month_no(abbr.upper()) == i
    assert _month_no("Sept.") == _month_no("September") == 9


@pytest.mark.parametrize("text", [
    "Monday, March 3 and xMonday March 4; Sunday 5 May, the_Friday 6 June.",
    "Tuesday  July 7\nWednesday,\u00a08 August 2015 or Thursday 9 Sept.",
])
def test_weekday_date_pattern_finds_what_a_word_boundary_before_it_finds(text: str) -> None:
    """The weekday-and-date pattern tests the word boundary after the weekday's capital: it
    finds what the same pattern with "\\b" before the weekday finds."""
    from syria_deconfliction.extract.dates import publication as pub
    from syria_deconfliction.extract.dates.vocabulary import _WD_FULL

    plain = re.compile(pub._WD_DATE_RE.pattern.replace(pub._WD_FIRST, "")
                       .replace("(?P<wd>)", rf"\b(?P<wd>{_WD_FULL})", 1))
    assert [m.span() for m in pub._WD_DATE_RE.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in plain.finditer(text)]

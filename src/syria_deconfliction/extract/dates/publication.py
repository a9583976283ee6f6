"""The publication date of a story from its printed date and the dates in its text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as du_parser

from ..case import lower_for_ignorecase
from ..document import CRUDE_STOP_RE
from ..lexicon import sequence
from ..patterns import words_after_no
from .expressions import _RULES, _Day, _valid_day, _Weekday, find_date_expressions
from .model import DateExpr, PublicationDate, ResolvedDate
from .resolution import _parse_text, resolve
from .vocabulary import _MONTH_ANY, _S, _WEEKDAYS, _month_no, _weekday_no

# --------------------------------------------------------------------------- publication date

STALE_YEARS = 3
"""Rule 4 of ``infer_publication_date``: how many years the latest explicit date must lie
before the printed year. Two misfires on ordinary stories: a story of August 2020 whose only
explicit date is "February 2018" and which speaks of "Wednesday" is normal news."""

_COPYRIGHT = re.compile(
    r"(?i:copyright|\(c\)|\u00a9)[ \t]*(?:\u00a9[ \t]*)?(?P<y>(?:19|20)\d\d)(?![\d\u2013-])"
    r"[^.\n]{0,60}"
)
_COPYRIGHT_WORDS = ("copyright", "(c)", "\u00a9")  # one opens every match of _COPYRIGHT
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|would|scheduled|planned|plans?|due|expected|upcoming|next|set to)\b", re.I
)
_RECENT_RELATIVE = re.compile(
    r"^(?:yesterday|today|tonight|(?:earlier |early |late |later )?(?:this|last) week)$", re.I
)


def copyright_years(text: str) -> list[tuple[int, str]]:
    """Single-year copyright notices ("Copyright 2015 The Associated Press") with their words.

    Year ranges ("(c) 1998-2024") are site footers that follow the calendar, not the story,
    and are skipped.
    """
    low = lower_for_ignorecase(text)
    if low is not None and not any(w in low for w in _COPYRIGHT_WORDS):
        return []  # no notice: a literal test instead of the case-insensitive pattern
    out = []
    for m in _COPYRIGHT.finditer(text):
        words = m.group(0).rstrip()
        out.append((int(m["y"]), words))
    return out


def _sentence(text: str, start: int, end: int) -> str:
    lo = max((m.end() for m in CRUDE_STOP_RE.finditer(text, 0, start)), default=0)
    m = CRUDE_STOP_RE.search(text, end)
    return text[lo : m.start() if m else len(text)]


def _lead_in(text: str, start: int, end: int, words: int = 2) -> str:
    """The expression with up to ``words`` words before it in its sentence, verbatim."""
    lo = max((m.end() for m in CRUDE_STOP_RE.finditer(text, 0, start)), default=0)
    head = text[lo:start]
    spans = list(re.finditer(r"\S+", head))
    begin = (
        spans[-words].start() + lo
        if len(spans) >= words
        else (spans[0].start() + lo if spans else start)
    )
    return text[begin:end]


def parse_printed_date(line: str) -> dt.date | None:
    """The date of a printed dateline ("Saturday 17 February 2018", "Feb. 17, 2018",
    "2018-02-17T10:00:00Z", "17/02/2018"); None if it holds no full date.

    Written dates are read with this module's patterns. ISO dates and all-numeric dates are
    read with dateutil; an all-numeric date is only accepted when day and month cannot be
    confused (one of the first two numbers is above 12).
    """
    s = " ".join(line.split())
    if s.isupper():  # a dateline set in capitals ("MARCH 9, 2018 / 2:02 PM"): the month rules
        s = s.title()  # read capitalised month names
    iso = re.search(r"(?<!\d)\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", s)
    if iso:
        try:
            return du_parser.isoparse(iso.group(0)).date()
        except ValueError:
            return None
    for rule in _RULES[:2]:
        m = rule.regex.search(s)
        if m:
            spec = rule.parse(m)
            if isinstance(spec, _Day) and spec.year is not None:
                return dt.date(spec.year, spec.month, spec.day)
    num = re.search(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)", s)
    if num:
        a, b = int(num[1]), int(num[2])
        if (a > 12) == (b > 12):
            return None
        try:
            return du_parser.parse(num.group(0), dayfirst=a > 12).date()
        except (ValueError, OverflowError):
            return None
    return None


def _weekday_mismatch(line: str) -> str | None:
    """If ``line`` prints a weekday with a full date and they disagree, say how."""
    for rule in _RULES[:2]:
        m = rule.regex.search(" ".join(line.split()))
        if not m:
            continue
        spec = rule.parse(m)
        if isinstance(spec, _Day) and spec.year is not None and spec.weekday is not None:
            d = dt.date(spec.year, spec.month, spec.day)
            if d.weekday() != spec.weekday:
                return (
                    f"the printed weekday {_WEEKDAYS[spec.weekday].title()} does not match "
                    f"{d.isoformat()}, a {_WEEKDAYS[d.weekday()].title()}"
                )
    return None


@dataclass(frozen=True)
class _Dated:
    expr: DateExpr
    date: ResolvedDate
    future_sentence: bool


def _pub(
    date: dt.date | None,
    precision: str | None,
    method: str,
    evidence: list[str],
    confidence: str,
    note: str,
    contradicted: bool,
) -> PublicationDate:
    return PublicationDate(
        date, precision, method, " | ".join(evidence), confidence, note, contradicted
    )


# "\b" before a weekday (a capital) written so that the search skips to the weekdays' capitals
_WD_FIRST = words_after_no(sequence("dates_weekdays"))
_WD_DATE_RE = re.compile(
    rf"(?P<wd>{_WD_FIRST}),?{_S}(?:(?P<m1>{_MONTH_ANY}){_S}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{_S}(?P<m2>{_MONTH_ANY}))\b(?!\.?,?{_S}?\d{{4}})"
)
EARLIEST_YEAR = 2000


def weekday_pinned_years(body: str, lower: dt.date, upper: dt.date) -> tuple[int, str] | None:
    """The year fixed by year-less dates printed with their weekday ("Wednesday, February 7").

    A weekday and a day of a month recur only every few years, so within [lower, upper] the
    candidates are few; every such date in the body must agree. Returns (year, words): the
    earliest year that fits all of them, or None when none does.
    """
    found: list[tuple[set[int], str]] = []
    for m in _WD_DATE_RE.finditer(body):
        month = _month_no(m["m1"] or m["m2"])
        day = int(m["d1"] or m["d2"])
        wd = _weekday_no(m["wd"])
        years = set()
        for y in range(lower.year, upper.year + 1):
            if _valid_day(month, day, y):
                d = dt.date(y, month, day)
                if lower <= d <= upper and d.weekday() == wd:
                    years.add(y)
        found.append((years, m.group(0)))
    if not found:
        return None
    common = set.intersection(*(y for y, _ in found))
    # Weekday-date pairs recur every five or six years; when several years fit, news stories cite
    # recent events, so the earliest year after the lower bound is taken (the caller says so).
    return (min(common), found[0][1]) if common else None


def infer_publication_date(
    body: str,
    printed: dt.date | None,
    *,
    printed_line: str | None = None,
    copyright_year: int | None = None,
) -> PublicationDate:
    """Decide the publication date of a story.

    ``printed`` is the date printed on the page (it may be a crawl or display date);
    ``printed_line`` its words, if known, for the weekday check; ``copyright_year`` a year
    taken from a copyright line that cleaning removed from ``body`` (copyright lines still in
    ``body`` are read too).

    Evidence collected from the body:
      * single-year copyright notices ("Copyright 2015 The ...": the year of publication;
        several different years make the notices useless);
      * explicit dates that carry their year (day, month, year, ranges); year-less dates and
        ranges ("between September 4 and 15") get the copyright year when there is one;
      * the first weekday word in the body ("Russia on Thursday urged ..."): news ledes report
        the story day's news, so it names the weekday of publication or the day before it.
      Dates in sentences that speak of the future ("will", "scheduled", "next", ...) are
      ignored. "since 2011" only bounds the date from below and phrases like "in September
      last year" need the year of the event, which the text alone does not give, so neither
      fixes a date here; nor do "nine-year long war" and the like.

    The printed date is contradicted when
      1. a copyright year differs from the printed year;
      2. an explicit date with its year is more than a day after the printed date;
      3. the printed weekday disagrees with its own date (``printed_line``, or the same date
         printed with a weekday in the body);
      4. every explicit date in the body (day or month with its year; the copyright year counts
         too) is ``STALE_YEARS`` or more years before the printed year while the body speaks
         of recent days ("on Wednesday", "last week", "yesterday"). Year-only mentions ("in
         2011", "since 2011") are left out: stories cite old years as background.

    Decision
      * printed and not contradicted -> the printed date, precision day, method printed,
        confidence high;
      * otherwise, by rule: the latest explicit full date in the copyright year and the lede
        weekday give the first such weekday on or after that date -> precision day, method
        rule, confidence medium. Without a copyright year this rule is not used: the latest
        date may be background (a dateline, an anniversary) and nothing confirms its year;
      * else a copyright year alone -> 1 January of that year, precision year, method rule,
        confidence medium;
      * else method none, date None, confidence low.
    """
    exprs = find_date_expressions(body)
    yrs = _year_evidence(body, exprs, printed, copyright_year)
    dated = _dated(body, exprs, yrs.year)
    past = [d for d in dated if not d.future_sentence]
    contradictions: list[str] = []
    if printed is not None:
        contradictions = _contradictions(printed, printed_line, exprs, dated, past, yrs)
        if not contradictions:
            words = printed_line.strip() if printed_line else printed.isoformat()
            return _pub(
                printed,
                "day",
                "printed",
                [words],
                "high",
                "Nothing in the body contradicts the printed date (copyright year, "
                "explicit dates, weekday, stale years)." + yrs.disagree_note,
                False,
            )
    why = (
        f"The printed date {printed.isoformat()} is contradicted: {'; '.join(contradictions)}. "
        if printed is not None
        else "No printed date. "
    )
    return _by_rule(body, exprs, past, yrs, why, bool(contradictions))


@dataclass(frozen=True)
class _Years:
    """What fixes the story's year: one copyright year (or one pinned by a weekday), its words,
    and notes on how it was pinned and on disagreeing notices."""

    year: int | None
    evidence: list[str]
    pinned_note: str
    disagree_note: str


def _year_evidence(
    body: str, exprs: list[DateExpr], printed: dt.date | None, copyright_year: int | None
) -> _Years:
    notices = copyright_years(body)
    years = {y for y, _ in notices}
    evidence_cr = [w for _, w in notices]
    if copyright_year is not None:
        years.add(copyright_year)
        if not notices:
            evidence_cr = [f"Copyright {copyright_year}"]
    cy = next(iter(years)) if len(years) == 1 else None
    pinned_note = ""
    if cy is None and not years:
        # No copyright line: a year-less date printed with its weekday may fix the year, between
        # the latest explicit dated past event (or 2000) and the printed (crawl) date or today.
        known = []
        for e in exprs:
            if e.kind in ("explicit_day", "explicit_month", "explicit_year", "range"):
                r = resolve(e.text, dt.date(2099, 12, 31))
                if r is not None and r.method == "explicit":
                    known.append(r.date_start)
        lower = max([dt.date(EARLIEST_YEAR, 1, 1), *known])
        upper = printed or dt.date.today()
        pinned = weekday_pinned_years(body, lower, upper)
        if pinned is not None:
            cy = pinned[0]
            evidence_cr = [pinned[1]]
            pinned_note = (
                f" The year {cy} is the earliest between {lower.isoformat()} and "
                f"{upper.isoformat()} in which '{pinned[1]}' falls on that weekday."
            )
    cr_note = ""
    if len(years) > 1:
        cr_note = f" Copyright notices disagree ({', '.join(map(str, sorted(years)))})."
    return _Years(cy, evidence_cr, pinned_note, cr_note)


def _dated(body: str, exprs: list[DateExpr], cy: int | None) -> list[_Dated]:
    """The explicit dates and ranges of the body, resolved (year-less ones in the copyright
    year), each marked when its sentence speaks of the future."""
    ref_anchor = dt.date(cy, 12, 31) if cy else None
    dated: list[_Dated] = []
    for e in exprs:
        if e.kind not in ("explicit_day", "explicit_month", "explicit_year", "range"):
            continue
        r = resolve(e.text, ref_anchor or dt.date(2099, 12, 31))
        if r is None or (r.method != "explicit" and ref_anchor is None):
            continue
        fut = bool(_FUTURE_WORDS.search(_sentence(body, e.start, e.end)))
        dated.append(_Dated(e, r, fut))
    return dated


def _contradictions(
    printed: dt.date,
    printed_line: str | None,
    exprs: list[DateExpr],
    dated: list[_Dated],
    past: list[_Dated],
    yrs: _Years,
) -> list[str]:
    """Why the printed date cannot be the story's (rules 1-4 of infer_publication_date)."""
    cy = yrs.year
    contradictions: list[str] = []
    if cy is not None and cy != printed.year:
        what = (
            f"the year {cy} fixed by '{yrs.evidence[0]}'"
            if yrs.pinned_note
            else f"the copyright year {cy}"
        )
        contradictions.append(f"{what} differs from the printed year")
    later = [
        d
        for d in past
        if d.date.method == "explicit" and d.date.date_start > printed + dt.timedelta(days=1)
    ]
    if later:
        contradictions.append(f"'{later[0].expr.text}' is later than the printed date")
    mismatch = _weekday_mismatch(printed_line) if printed_line else None
    for e in exprs:
        if mismatch is None and e.kind == "explicit_day":
            wm = _weekday_mismatch(e.text)
            if wm and parse_printed_date(e.text) == printed:
                mismatch = wm
    if mismatch:
        contradictions.append(mismatch)
    # Year-only mentions ("in 2011") are usually background and do not count.
    exp_years = [
        d.date.date_end.year
        for d in dated
        if d.date.method == "explicit" and d.date.precision in ("day", "month")
    ]
    if exp_years and cy is not None:
        exp_years.append(cy)
    recent = [
        e
        for e in exprs
        if (e.kind == "weekday" and not re.match(r"(?i)(last|next|past)\b", e.text))
        or (e.kind == "relative" and _RECENT_RELATIVE.match(e.text))
    ]
    if exp_years and recent and printed.year - max(exp_years) >= STALE_YEARS:
        contradictions.append(
            f"the latest explicit year is {max(exp_years)} while the body speaks of "
            f"'{recent[0].text}'"
        )
    return contradictions


def _by_rule(
    body: str,
    exprs: list[DateExpr],
    past: list[_Dated],
    yrs: _Years,
    why: str,
    contradicted: bool,
) -> PublicationDate:
    """The date from the body alone: the latest explicit full date in the copyright year
    stepped to the lede's weekday, else the copyright year, else none."""
    cy, cr_note, pinned_note = yrs.year, yrs.disagree_note, yrs.pinned_note
    day_dates = [
        d
        for d in past
        if d.date.precision == "day" and cy is not None and d.date.date_end.year == cy
    ]
    latest = max(day_dates, key=lambda d: d.date.date_end, default=None)
    lede = next(
        (
            e
            for e in exprs
            if e.kind == "weekday" and not re.match(r"(?i)(last|next|past)\b", e.text)
        ),
        None,
    )
    parsed = _parse_text(lede.text) if lede is not None else None
    if (
        cy is not None
        and latest is not None
        and lede is not None
        and parsed is not None
        and isinstance(parsed[0], _Weekday)
    ):
        wd = parsed[0].weekday
        base = latest.date.date_end
        pub = base + dt.timedelta(days=(wd - base.weekday()) % 7)
        if pub.year == cy:
            ev = list(
                dict.fromkeys(
                    [yrs.evidence[0], latest.expr.text, _lead_in(body, lede.start, lede.end)]
                )
            )
            source = "the weekday it is printed with" if pinned_note else f"the copyright {cy}"
            note = (
                why + f"The latest explicit date ({base.isoformat()}, year from "
                f"{source}) and the lede's '{lede.text}' give the first "
                f"{_WEEKDAYS[wd].title()} on or after it." + pinned_note + cr_note
            )
            return _pub(
                pub, "day", "rule", ev, "medium" if not pinned_note else "low", note, contradicted
            )
    if cy is not None:
        note = why + f"Only the copyright year {cy} fixes the date." + cr_note
        if latest is not None:
            note = note[:-1] + f"; the latest explicit date is {latest.date.date_end.isoformat()}."
        return _pub(
            dt.date(cy, 1, 1), "year", "rule", yrs.evidence[:1], "medium", note, contradicted
        )
    note = why + "Nothing in the body fixes the date"
    bound = max((d.date.date_end for d in past), default=None)
    note += f"; explicit dates reach {bound.isoformat()}, a lower bound." if bound else "."
    return _pub(None, None, "none", [], "low", note + cr_note, contradicted)

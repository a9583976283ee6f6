"""Resolving an expression against an anchor date, with its precision."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from dateutil.relativedelta import relativedelta

from .expressions import (
    _RULES,
    _Ago,
    _Day,
    _DayWord,
    _Duration,
    _is_since,
    _Month,
    _Range,
    _RelUnit,
    _Since,
    _valid_day,
    _Weekday,
    _Year,
)
from .model import PRECISIONS, ResolvedDate
from .vocabulary import _WEEKDAYS

# --------------------------------------------------------------------------- resolution

_POSSESSIVE = re.compile(r"['\u2019]s$")


@functools.lru_cache(maxsize=1024)  # the same words recur ("on Monday", "last week")
def _parse_text(expr_text: str) -> tuple[object, str] | None:
    """The spec of an expression given on its own, and its normalised text (both immutable)."""
    t = " ".join(expr_text.split()).rstrip(",;:")
    t = _POSSESSIVE.sub("", t)
    for cand in (t, t.rstrip(".")):
        for rule in _RULES:
            m = rule.regex.fullmatch(cand)
            if not m:
                continue
            spec = rule.parse(m)
            if spec is None and rule.name in ("year", "month"):
                # A bare year or "May" is accepted when it is all the caller gives.
                spec = _Year(int(m["y"])) if rule.name == "year" else _Month(5)
            if spec is None:
                continue
            return (_Since(spec) if _is_since(m) else spec), cand
    return None


def _yearless(month: int, day: int, anchor: dt.date, future: bool) -> dt.date | None:
    step = 1 if future else -1
    years = range(anchor.year, anchor.year + 9 * step, step)
    for y in years:
        if not _valid_day(month, day, y):
            continue
        c = dt.date(y, month, day)
        if (c >= anchor) if future else (c <= anchor):
            return c
    return None


def _month_bounds(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(part or "", (1, last))
    return dt.date(year, month, lo), dt.date(year, month, hi)


def _year_bounds(year: int, part: str | None) -> tuple[dt.date, dt.date]:
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part or "", (1, 12))
    return dt.date(year, lo, 1), dt.date(year, hi, 31 if hi == 12 else 30)


def _weekday_date(wd: int, rel: str | None, anchor: dt.date, future: bool) -> dt.date:
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if rel == "last":
        return anchor - dt.timedelta(days=back or 7)
    if rel == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor + dt.timedelta(days=ahead) if future else anchor - dt.timedelta(days=back)


_Resolved = tuple[dt.date, dt.date, str, bool]  # start, end, precision, explicit


def _resolve_spec(spec: object, anchor: dt.date, future: bool) -> _Resolved | None:
    if isinstance(spec, _Day):
        if spec.year is not None:
            d = dt.date(spec.year, spec.month, spec.day)
        else:
            d0 = _yearless(spec.month, spec.day, anchor, future)
            if d0 is None:
                return None
            d = d0
        return d, d, "day", spec.year is not None
    if isinstance(spec, _Month):
        m = spec.month
        if spec.year is not None:
            y = spec.year
        elif spec.year_offset is not None:
            y = anchor.year + spec.year_offset
        elif spec.rel == "last":
            y = anchor.year if m < anchor.month else anchor.year - 1
        elif spec.rel == "next":
            y = anchor.year if m > anchor.month else anchor.year + 1
        elif spec.rel == "this":
            y = anchor.year
        elif future:
            y = anchor.year if m >= anchor.month else anchor.year + 1
        else:
            y = anchor.year if m <= anchor.month else anchor.year - 1
        lo, hi = _month_bounds(y, m, spec.part)
        return lo, hi, "month", spec.year is not None
    if isinstance(spec, _Year):
        lo, hi = _year_bounds(spec.year, spec.part)
        return lo, hi, "year", True
    if isinstance(spec, _Range):
        return _resolve_range(spec, anchor, future)
    if isinstance(spec, _Weekday):
        d = _weekday_date(spec.weekday, spec.rel, anchor, future)
        return d, d, "day", False
    if isinstance(spec, _DayWord):
        d = anchor + dt.timedelta(days=spec.offset)
        return d, d, "day", False
    if isinstance(spec, _RelUnit):
        return _resolve_relunit(spec, anchor)
    if isinstance(spec, _Ago):
        return _resolve_ago(spec, anchor)
    if isinstance(spec, _Since):
        inner = _resolve_spec(spec.inner, anchor, False)
        if inner is None:
            return None
        return inner[0], anchor, inner[2], False
    return None  # durations count from another event: see shift()


def _resolve_range(spec: _Range, anchor: dt.date, future: bool) -> _Resolved | None:
    a, b = spec.start, spec.end
    if isinstance(a, _Day) and isinstance(b, _Day):
        if a.year is not None and b.year is not None:
            lo, hi = dt.date(a.year, a.month, a.day), dt.date(b.year, b.month, b.day)
            return lo, hi, "day", True
        wraps = (b.month, b.day) < (a.month, a.day)  # "December 28 to January 3"
        if future:
            hi0 = _yearless(b.month, b.day, anchor, True)
            if hi0 is None:
                return None
            y1 = hi0.year - 1 if wraps else hi0.year
        else:
            lo0 = _yearless(a.month, a.day, anchor, False)
            if lo0 is None:
                return None
            y1 = lo0.year
        y2 = y1 + 1 if wraps else y1
        if not (_valid_day(a.month, a.day, y1) and _valid_day(b.month, b.day, y2)):
            return None
        return dt.date(y1, a.month, a.day), dt.date(y2, b.month, b.day), "day", False
    if isinstance(a, _Month) and isinstance(b, _Month):
        if a.year is None or b.year is None:
            r = _resolve_spec(b if future else a, anchor, future)
            if r is None:
                return None
            wraps = b.month < a.month
            if future:
                y2 = r[0].year
                y1 = y2 - 1 if wraps else y2
            else:
                y1 = r[0].year
                y2 = y1 + 1 if wraps else y1
        else:
            y1, y2 = a.year, b.year
        return (
            _month_bounds(y1, a.month, None)[0],
            _month_bounds(y2, b.month, None)[1],
            "month",
            a.year is not None,
        )
    if isinstance(a, _Year) and isinstance(b, _Year):
        return dt.date(a.year, 1, 1), dt.date(b.year, 12, 31), "year", True
    return None


def _resolve_relunit(spec: _RelUnit, anchor: dt.date) -> _Resolved:
    off = {"last": -1, "this": 0, "next": 1, "past": 0}[spec.rel]
    part = spec.part
    if spec.unit in ("week", "weekend"):
        if spec.rel == "past" and spec.unit == "week":
            return anchor - dt.timedelta(days=6), anchor, "week", False
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=off)
        if spec.unit == "weekend" or spec.rel == "past":
            lo, hi = monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        else:
            days = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}.get(part or "", (0, 6))
            lo, hi = monday + dt.timedelta(days=days[0]), monday + dt.timedelta(days=days[1])
        return _clip(lo, hi, anchor, part) + ("week", False)
    if spec.unit == "month":
        if spec.rel == "past":
            return anchor - relativedelta(months=1) + dt.timedelta(days=1), anchor, "month", False
        first = anchor.replace(day=1) + relativedelta(months=off)
        lo, hi = _month_bounds(
            first.year, first.month, part if part in ("early", "mid", "late") else None
        )
        return _clip(lo, hi, anchor, part) + ("month", False)
    if spec.rel == "past":
        return anchor - relativedelta(years=1) + dt.timedelta(days=1), anchor, "year", False
    lo, hi = _year_bounds(anchor.year + off, part if part in ("early", "mid", "late") else None)
    return _clip(lo, hi, anchor, part) + ("year", False)


def _clip(lo: dt.date, hi: dt.date, anchor: dt.date, part: str | None) -> tuple[dt.date, dt.date]:
    """ "earlier this month" ends at the anchor; "later this month" starts there."""
    if part == "earlier":
        return lo, min(hi, anchor)
    if part == "later":
        return max(lo, anchor), hi
    return lo, hi


_UNIT_PRECISION = {
    "minute": "day",
    "hour": "day",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "year",
}


def _coarser(a: str, b: str) -> str:
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def _vaguer(p: str) -> str:
    return PRECISIONS[min(PRECISIONS.index(p) + 1, len(PRECISIONS) - 1)]


def _delta(n: float, unit: str) -> relativedelta:
    if unit in ("minute", "hour"):
        hours = n / 60 if unit == "minute" else n
        return relativedelta(days=round(hours / 24))  # nearest whole day, half rounds to even
    if unit == "day":
        return relativedelta(days=round(n))
    if unit == "week":
        return relativedelta(days=round(7 * n))
    if unit == "month":
        return relativedelta(months=round(n))
    return relativedelta(years=round(n * (10 if unit == "decade" else 1)))


def _resolve_ago(spec: _Ago, anchor: dt.date) -> _Resolved:
    d = anchor - _delta(spec.n, spec.unit)
    prec = _UNIT_PRECISION[spec.unit]
    if spec.vague:
        prec = _vaguer(prec)
    return _period(d, prec) + (prec, False)


def _period(d: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    if precision == "week":
        lo = d - dt.timedelta(days=d.weekday())
        return lo, lo + dt.timedelta(days=6)
    if precision == "month":
        return _month_bounds(d.year, d.month, None)
    if precision == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    return d, d


def _plausibility(lo: dt.date, hi: dt.date, anchor: dt.date, explicit: bool, future: bool) -> str:
    notes = []
    if lo.year < 1900:
        notes.append(f"date {lo.isoformat()} is before 1900")
    if explicit and not future and lo > anchor + dt.timedelta(days=1):
        notes.append(f"date {lo.isoformat()} is after the anchor {anchor.isoformat()}")
    if lo > hi:
        notes.append(f"the period starts ({lo.isoformat()}) after it ends ({hi.isoformat()})")
    return "; ".join(notes)


def resolve(expr_text: str, anchor: dt.date, *, future: bool = False) -> ResolvedDate | None:
    """Resolve one date expression against ``anchor`` (the publication date).

    Rules: year-less dates and months, and bare weekdays, take the most recent one on or
    before the anchor (the anchor itself counts), or with ``future=True`` the next one on or
    after it. "last <weekday>" is strictly before the anchor, "next <weekday>" strictly after.
    "last October" is the most recent October strictly before the anchor's month. "last/this/
    next week" are Monday-Sunday weeks; "early/mid/late" split a month into 1-10/11-20/21-end,
    a year into Jan-Apr/May-Aug/Sep-Dec and a week into Mon-Wed/Tue-Thu/Thu-Sun; "earlier this
    X" ends at the anchor, "later this X" starts there; "the past/last week|month|year" is the
    rolling period ending at the anchor. "N days ago" counts back from the
    anchor; weeks, months and years ago give the whole week, month or year. "since X" runs from
    the start of X to the anchor. Durations that count from another event ("24 hours prior")
    give None here: use ``shift``. Unrecognised text gives None.
    """
    parsed = _parse_text(expr_text)
    if parsed is None:
        return None
    spec, _ = parsed
    r = _resolve_spec(spec, anchor, future)
    if r is None:
        return None
    lo, hi, prec, explicit = r
    note = _plausibility(lo, hi, anchor, explicit, future)
    if isinstance(spec, _Day) and spec.weekday is not None and lo.weekday() != spec.weekday:
        wd_note = (
            f"{_WEEKDAYS[spec.weekday].title()} does not match {lo.isoformat()}, "
            f"a {_WEEKDAYS[lo.weekday()].title()}"
        )
        note = "; ".join(n for n in (note, wd_note) if n)
    method = "explicit" if explicit else "relative-resolved"
    return ResolvedDate(lo, hi, prec, method, expr_text, note)


def shift(resolved: ResolvedDate, expr_text: str) -> ResolvedDate:
    """Apply a duration counted from an event ("24 hours prior") to that event's date.

    Hours and minutes are rounded to the nearest whole day (clock times are unknown), so
    "24 hours prior" to June 16 is June 15 and "roughly 90 minutes later" stays on the same
    day. The precision becomes the coarser of the event's and the unit's (weeks -> week,
    months -> month, years -> year), one step coarser again for vague amounts ("a few days
    later"). Raises ValueError if ``expr_text`` is not such a duration.
    """
    parsed = _parse_text(expr_text)
    if parsed is None or not isinstance(parsed[0], _Duration):
        raise ValueError(f"not a duration counted from an event: {expr_text!r}")
    spec = parsed[0]
    delta = _delta(spec.n, spec.unit) * spec.sign
    prec = _coarser(resolved.precision, _UNIT_PRECISION[spec.unit])
    if spec.vague:
        prec = _vaguer(prec)
    lo, hi = resolved.date_start + delta, resolved.date_end + delta
    if prec != resolved.precision and prec != "day":
        lo, hi = _period(lo, prec)[0], _period(hi, prec)[1]
    note = f"{expr_text} counted from {resolved.text!r}"
    return ResolvedDate(lo, hi, prec, "relative-resolved", expr_text, note)



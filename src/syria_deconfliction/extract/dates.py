"""Date expressions in English news text, and the publication date of a story.

Part 1 finds date expressions (``find_date_expressions``) and resolves them against an
anchor, the article's publication date (``resolve``). Expressions that count from another
event rather than from the anchor ("24 hours prior", "roughly 90 minutes later") are found
with kind ``duration_before``/``duration_after`` and applied to an event date with ``shift``.

Part 2 decides the publication date of a story (``infer_publication_date``) from the date
printed on the page and the evidence in the body; the rules are listed in its docstring.

Conventions
-----------
* Spans follow TimeML practice for neutral prepositions: "on", "in", "at", "during" and
  "throughout" before an expression are not part of its span ("on June 16" -> "June 16"),
  while words that change the meaning are ("since 2011", "between September 4 and 15",
  "late on Wednesday", "early this month", "Roughly 90 minutes later"). ``resolve`` accepts
  either form, and a trailing possessive ("last October's").
* Only capitalised month and weekday names are recognised. A bare "May" (no day or year),
  a bare year and bare abbreviations ("Sept.") need a preposition or modifier before them,
  because "may", "2000 people" and "Sun" are more often something else.
* Years 1800-2099 only. Day numbers are checked against the month (February 29 only in leap
  years). A resolved date before 1900, or an explicit date after the anchor when ``future``
  is False, is returned with a ``note`` saying so.
* ``precision`` is the size of the period the words name (day, week, month, year); early/mid/
  late parts narrow ``date_start``/``date_end`` but keep the period's precision
  (mid-September: 11-20 September, precision month).
* ``method`` is "explicit" when the words carry the year, "relative-resolved" when the anchor
  was needed (year-less dates, weekdays, "last week", "since ...").
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil import parser as du_parser
from dateutil.relativedelta import relativedelta

from .document import Document
from .lexicon import sequence

__all__ = [
    "DateExpr",
    "PublicationDate",
    "ResolvedDate",
    "STALE_YEARS",
    "copyright_years",
    "find_date_expressions",
    "infer_publication_date",
    "parse_printed_date",
    "resolve",
    "shift",
]

KINDS = (
    "explicit_day",
    "explicit_month",
    "explicit_year",
    "weekday",
    "relative",
    "range",
    "since",
    "duration_before",
    "duration_after",
)
PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    text: str  # == the searched text[start:end]
    kind: str  # one of KINDS


@dataclass(frozen=True)
class ResolvedDate:
    date_start: dt.date
    date_end: dt.date
    precision: str  # day, week, month, year
    method: str  # explicit, relative-resolved
    text: str  # the words resolved
    note: str = ""  # set when the date is implausible (before 1900, after the anchor, ...)


@dataclass(frozen=True)
class PublicationDate:
    date: dt.date | None
    precision: str | None  # day, month, year
    method: str  # printed, rule, none
    evidence: str  # the words that fix it, joined with " | "
    confidence: str  # high, medium, low
    note: str
    printed_contradicted: bool


# --------------------------------------------------------------------------- vocabulary

_S = r"[ \t\u00a0]+"  # expressions never cross a line break
# Month and weekday names, number words: the lexicon's calendar.yaml and numbers.yaml.
_MONTH_FULL = "|".join(sequence("dates_months"))
_MONTH_ANY = _MONTH_FULL + "|" + "|".join(
    rf"{re.escape(a)}\.?" for a in sequence("dates_month_abbreviations")
)
_WEEKDAYS = tuple(w.lower() for w in sequence("dates_weekdays"))
_WD_FULL = "|".join(sequence("dates_weekdays"))
_WD_ANY = _WD_FULL + "|" + "|".join(sequence("dates_weekday_abbreviations"))

_UNITS_1_9 = "|".join(sequence("dates_number_words")[1:10])
_NUMBER_WORDS = {w: i for i, w in enumerate(sequence("dates_number_words"))}
_TENS = {w: 10 * i for i, w in enumerate(sequence("dates_tens"), start=2)}
_QTY = (
    r"(?P<n>\d+(?:\.\d+)?|(?i:a" + _S + r"couple(?:" + _S + r"of)?|a" + _S + r"few|several|"
    r"half"
    + _S
    + r"an?|(?:"
    + "|".join(_TENS)
    + r")(?:-(?:"
    + _UNITS_1_9
    + r"))?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r"|an|a))"
)
_UNIT = r"(?P<unit>(?i:minute|hour|day|week|month|year|decade))s?(?![A-Za-z])"
_APPROX = (
    r"(?i:roughly|about|around|some|nearly|almost|approximately|just|only|barely|over|under|"
    r"at" + _S + r"least|more" + _S + r"than|less" + _S + r"than|fewer" + _S + r"than|"
    r"up" + _S + "to)"
)
_PART = (
    r"(?:(?P<part>(?i:early|late|mid|(?:the"
    + _S
    + r")?(?:middle|end|beginning|start)"
    + _S
    + r"of))(?:-|"
    + _S
    + r"))?"
)
_CONJ = (
    r"(?:"
    + _S
    + r"(?i:and|to|through|until|till)"
    + _S
    + r"|"
    + r"[ \t\u00a0]*[-\u2013\u2014][ \t\u00a0]*)"
)
_PRE = r"(?:(?P<pre>(?i:between|from))" + _S + r")"

# Neutral prepositions are matched but left out of the span; "since" is kept (kind since).
_PREP = r"(?i:on|in|at|during|throughout|since)"
# Words that make a bare year or a bare "May" a date ("until 2014", "by May").
_CONTEXT_WORDS = {
    "in",
    "on",
    "at",
    "during",
    "throughout",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "from",
    "circa",
}
# "in 2000 villages": a bare year followed by a plural noun is a count, not a year.
_COUNT_NOUN = re.compile(r"[ \t\u00a0]+(?!(?:as|was|is|has|this|his|its|always)\b)[a-z]+s\b")


def _mon(name: str, full_only: bool = False) -> str:
    return rf"(?P<{name}>{_MONTH_FULL if full_only else _MONTH_ANY})(?![A-Za-z])"


def _day(name: str) -> str:
    return rf"(?<![\d.,])(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"


def _year(name: str) -> str:
    return rf"(?<![\d.,$])(?P<{name}>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)"


_WDP = rf"(?:(?P<wd>{_WD_ANY})(?![A-Za-z])\.?,?{_S})?"


def _month_no(token: str) -> int:
    return list(calendar.month_abbr).index(token.rstrip(".")[:3].title())


def _weekday_no(token: str) -> int:
    t = token.lower().rstrip(".")
    return next(i for i, w in enumerate(_WEEKDAYS) if w.startswith(t[:3]))


def _qty(token: str) -> tuple[float, bool]:
    """Number value of a quantity phrase, and whether it is vague ("a few", "several")."""
    t = " ".join(token.lower().split())
    if t[0].isdigit():
        return float(t), False
    if t.startswith("a couple"):
        return 2.0, True
    if t in ("a few", "several"):
        return 3.0, True
    if t.startswith("half"):
        return 0.5, False
    if t in ("a", "an"):
        return 1.0, False
    if "-" in t:
        tens, unit = t.split("-")
        return float(_TENS[tens] + _NUMBER_WORDS[unit]), False
    return float(_TENS.get(t, _NUMBER_WORDS.get(t, 0))), False


# --------------------------------------------------------------------------- specs


@dataclass(frozen=True)
class _Day:
    month: int
    day: int
    year: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class _Month:
    month: int
    year: int | None = None
    part: str | None = None  # early, mid, late
    year_offset: int | None = None  # "September last year" -> -1
    rel: str | None = None  # "last October" -> last


@dataclass(frozen=True)
class _Year:
    year: int
    part: str | None = None


@dataclass(frozen=True)
class _Range:
    start: _Day | _Month | _Year
    end: _Day | _Month | _Year


@dataclass(frozen=True)
class _Weekday:
    weekday: int
    rel: str | None = None  # last, next, this


@dataclass(frozen=True)
class _DayWord:
    offset: int  # yesterday -1, today 0, ...


@dataclass(frozen=True)
class _RelUnit:
    unit: str  # week, weekend, month, year
    rel: str  # last, this, next, past
    part: str | None = None  # early, mid, late, earlier, later


@dataclass(frozen=True)
class _Ago:
    n: float
    unit: str
    vague: bool


@dataclass(frozen=True)
class _Duration:
    n: float
    unit: str
    sign: int  # -1 before, +1 after
    vague: bool


@dataclass(frozen=True)
class _Since:
    inner: object


_Spec = _Day | _Month | _Year | _Range | _Weekday | _DayWord | _RelUnit | _Ago | _Duration


def _part(token: str | None) -> str | None:
    if not token:
        return None
    t = token.lower()
    if "early" in t or "beginning" in t or "start" in t:
        return "early"
    if "mid" in t:
        return "mid"
    return "late"  # late, end of


def _valid_day(month: int, day: int, year: int | None) -> bool:
    last = calendar.monthrange(year if year else 2000, month)[1]  # 2000: leap, Feb 29 ok
    return 1 <= day <= last


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _opt_int(v: str | None) -> int | None:
    return int(v) if v else None


def _has_context(m: re.Match[str]) -> bool:
    """A preposition or modifier stands before the core of the match."""
    if _g(m, "prep") or _g(m, "part"):
        return True
    before = m.string[: m.start("core")].split()
    return bool(before) and before[-1].lower().strip("(,") in _CONTEXT_WORDS


def _p_day(m: re.Match[str]) -> _Spec | None:
    month, day, year = _month_no(m["m"]), int(m["d"]), _opt_int(_g(m, "y"))
    if not _valid_day(month, day, year):
        return None
    wd = _g(m, "wd")
    return _Day(month, day, year, _weekday_no(wd) if wd else None)


def _p_range_days(m: re.Match[str]) -> _Spec | None:
    gd = m.groupdict()
    m1 = _month_no(gd.get("m1") or gd["m"])
    m2 = _month_no(gd.get("m2") or gd["m"])
    y1 = _opt_int(gd.get("y1"))
    y2 = _opt_int(gd.get("y2") or gd.get("y"))
    d1, d2 = int(gd["d1"]), int(gd["d2"])
    if y1 is None and y2 is not None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    if not (_valid_day(m1, d1, y1) and _valid_day(m2, d2, y2)):
        return None
    if y1 is not None and y2 is not None and (y1, m1, d1) >= (y2, m2, d2):
        return None
    if y1 is None and m1 == m2 and d1 >= d2:
        return None
    return _Range(_Day(m1, d1, y1), _Day(m2, d2, y2))


def _p_range_months(m: re.Match[str]) -> _Spec | None:
    m1, m2 = _month_no(m["m1"]), _month_no(m["m2"])
    y1, y2 = _opt_int(m["y1"]), _opt_int(m["y2"])
    if y1 is None and y2 is not None:
        y1 = y2 if m1 <= m2 else y2 - 1
    if y2 is None and y1 is not None:
        y2 = y1 if m2 >= m1 else y1 + 1
    if y1 is not None and y2 is not None and (y1, m1) >= (y2, m2):
        return None
    if y1 is None and m1 == m2:
        return None
    return _Range(_Month(m1, y1), _Month(m2, y2))


def _p_range_years(m: re.Match[str]) -> _Spec | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    return _Range(_Year(y1), _Year(y2)) if y1 < y2 else None


def _p_month_year(m: re.Match[str]) -> _Spec | None:
    return _Month(_month_no(m["m"]), int(m["y"]), _part(_g(m, "part")))


def _p_month_relyear(m: re.Match[str]) -> _Spec | None:
    off = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    return _Month(_month_no(m["m"]), None, _part(_g(m, "part")), year_offset=off)


def _p_relmonth(m: re.Match[str]) -> _Spec | None:
    return _Month(_month_no(m["m"]), rel=m["mrel"].lower())


def _p_month(m: re.Match[str]) -> _Spec | None:
    if m["m"] == "May" and not _has_context(m):
        return None
    return _Month(_month_no(m["m"]), None, _part(_g(m, "part")))


def _p_year(m: re.Match[str]) -> _Spec | None:
    if not _has_context(m) or (not _g(m, "part") and _COUNT_NOUN.match(m.string, m.end())):
        return None
    return _Year(int(m["y"]), _part(_g(m, "part")))


def _p_weekday(m: re.Match[str]) -> _Spec | None:
    before = m.string[: m.start()].split()
    if before and before[-1].lower() in ("every", "each"):
        return None  # a recurring day, not a date
    if (
        before
        and before[-1].lower() == "the"
        and not _g(m, "tod")
        and re.match(r"[ \t\u00a0]+[A-Z]", m.string[m.end() :])
    ):
        return None  # a name: "the Sunday Times"
    rel = (_g(m, "wrel") or "").lower() or None
    return _Weekday(_weekday_no(m["wd"]), "last" if rel == "past" else rel)


def _p_dayword(m: re.Match[str]) -> _Spec | None:
    t = " ".join(m["dw"].lower().split())
    offsets = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }
    return _DayWord(offsets[t])


def _p_relunit(m: re.Match[str]) -> _Spec | None:
    rel = m["rel"].lower()
    rel = {"coming": "next"}.get(rel, rel)
    if rel == "last" and _g(m, "the"):
        rel = "past"  # "in the last year" is the twelve months to the anchor
    mod = (_g(m, "rmod") or "").lower()
    part: str | None
    if mod.startswith("earlier"):
        part = "earlier" if rel == "this" else "early"
    elif mod.startswith("later"):
        part = "later" if rel == "this" else "late"
    else:
        part = _part(mod)
    return _RelUnit(m["unit"].lower(), rel, part)


def _p_ago(m: re.Match[str]) -> _Spec | None:
    n, vague = _qty(m["n"])
    return _Ago(n, m["unit"].lower(), vague) if n > 0 else None


def _p_duration(m: re.Match[str]) -> _Spec | None:
    n, vague = _qty(m["n"])
    if n <= 0:
        return None
    sign = -1 if m["dir"].lower() in ("prior", "earlier", "before", "beforehand") else 1
    return _Duration(n, m["unit"].lower(), sign, vague)


def _p_dayrel(m: re.Match[str]) -> _Spec | None:
    word = m["dr"].lower()
    if word == "same":
        return _Duration(0, m["unit"].lower(), 1, False)
    sign = -1 if word in ("previous", "preceding", "before") else 1
    return _Duration(1, m["unit"].lower(), sign, False)


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    parse: Callable[[re.Match[str]], _Spec | None]


def _rule(name: str, body: str, parse: Callable[[re.Match[str]], _Spec | None]) -> _Rule:
    rx = re.compile(rf"(?<![\w-])(?:(?P<prep>{_PREP}){_S})?(?P<core>{body})")
    return _Rule(name, rx, parse)


_RULES: tuple[_Rule, ...] = (
    _rule(
        "date_dmy",
        rf"{_WDP}(?:the{_S})?{_day('d')}{_S}(?:of{_S})?{_mon('m')},?{_S}{_year('y')}",
        _p_day,
    ),
    _rule("date_mdy", rf"{_WDP}{_mon('m')}{_S}(?:the{_S})?{_day('d')},?{_S}{_year('y')}", _p_day),
    _rule("date_md", rf"{_WDP}{_mon('m')}{_S}{_day('d')}", _p_day),
    _rule("date_dm", rf"{_WDP}(?:the{_S})?{_day('d')}{_S}(?:of{_S})?{_mon('m')}", _p_day),
    _rule(
        "range_md_d",
        rf"{_PRE}?{_mon('m')}{_S}{_day('d1')}{_CONJ}{_day('d2')}(?:,?{_S}{_year('y')})?",
        _p_range_days,
    ),
    _rule(
        "range_d_dm",
        rf"{_PRE}?{_day('d1')}{_CONJ}{_day('d2')}{_S}(?:of{_S})?{_mon('m')}(?:,?{_S}{_year('y')})?",
        _p_range_days,
    ),
    _rule(
        "range_md_md",
        rf"{_PRE}?{_mon('m1')}{_S}{_day('d1')}(?:,?{_S}{_year('y1')})?{_CONJ}"
        rf"{_mon('m2')}{_S}{_day('d2')}(?:,?{_S}{_year('y2')})?",
        _p_range_days,
    ),
    _rule(
        "range_dm_dm",
        rf"{_PRE}?{_day('d1')}{_S}(?:of{_S})?{_mon('m1')}(?:,?{_S}{_year('y1')})?{_CONJ}"
        rf"{_day('d2')}{_S}(?:of{_S})?{_mon('m2')}(?:,?{_S}{_year('y2')})?",
        _p_range_days,
    ),
    _rule(
        "range_m_m",
        rf"{_PRE}{_mon('m1', True)}(?:,?{_S}{_year('y1')})?{_CONJ}"
        rf"{_mon('m2', True)}(?:,?{_S}{_year('y2')})?",
        _p_range_months,
    ),
    _rule("range_y_y", rf"{_PRE}{_year('y1')}{_CONJ}{_year('y2')}", _p_range_years),
    _rule("range_y_dash_y", rf"{_year('y1')}[-\u2013]{_year('y2')}", _p_range_years),
    _rule("month_year", rf"{_PART}{_mon('m')},?{_S}{_year('y')}", _p_month_year),
    _rule(
        "month_relyear",
        rf"{_PART}{_mon('m', True)}{_S}(?:of{_S})?(?P<yrel>(?i:last|this|next)){_S}"
        rf"(?i:year)(?![A-Za-z])",
        _p_month_relyear,
    ),
    _rule("relmonth", rf"(?P<mrel>(?i:last|this|next)){_S}{_mon('m', True)}", _p_relmonth),
    _rule("month", rf"{_PART}{_mon('m', True)}", _p_month),
    _rule("year", rf"{_PART}{_year('y')}", _p_year),
    _rule(
        "weekday",
        rf"(?:(?P<wmod>(?i:late|early|later|earlier)){_S}(?:(?i:on){_S})?|"
        rf"(?P<wrel>(?i:last|next|this|past)){_S})?(?P<wd>{_WD_FULL})(?![A-Za-z])"
        rf"(?:{_S}(?P<tod>(?i:morning|afternoon|evening|night)))?",
        _p_weekday,
    ),
    _rule(
        "dayword",
        rf"(?P<dw>(?i:the{_S}day{_S}before{_S}yesterday|the{_S}day{_S}after{_S}tomorrow|"
        rf"yesterday|today|tonight|tomorrow))(?![A-Za-z])",
        _p_dayword,
    ),
    _rule(
        "relunit",
        rf"(?:(?P<rmod>(?i:earlier|early|later|late|mid|(?:the{_S})?(?:middle|end|beginning|start)"
        rf"{_S}of))(?:-|{_S})|(?P<the>(?i:the)){_S})?(?P<rel>(?i:last|this|next|past|coming))(?:-|{_S})"
        rf"(?P<unit>(?i:week|weekend|month|year))(?![A-Za-z])",
        _p_relunit,
    ),
    _rule("ago", rf"{_QTY}(?:-|{_S}){_UNIT}{_S}(?i:ago)(?![A-Za-z])", _p_ago),
    _rule(
        "duration",
        rf"(?:{_APPROX}{_S})?{_QTY}(?:-|{_S}){_UNIT}{_S}"
        rf"(?P<dir>(?i:prior|earlier|beforehand|before|later|afterwards|afterward|after))"
        rf"(?![A-Za-z])",
        _p_duration,
    ),
    _rule(
        "dayrel",
        rf"(?i:the){_S}(?P<dr>(?i:previous|preceding|next|following|same))(?:{_S}|-)"
        rf"(?P<unit>(?i:day|week|month|year))(?![A-Za-z])",
        _p_dayrel,
    ),
    _rule(
        "dayrel_ba",
        rf"(?i:the){_S}(?P<unit>(?i:day)){_S}(?P<dr>(?i:before|after))(?![A-Za-z])",
        _p_dayrel,
    ),
)


def _kind(spec: object, since: bool) -> str:
    if since:
        return "since"
    if isinstance(spec, _Day):
        return "explicit_day"
    if isinstance(spec, _Month):
        return "relative" if (spec.rel or spec.year_offset is not None) else "explicit_month"
    if isinstance(spec, _Year):
        return "explicit_year"
    if isinstance(spec, _Range):
        return "range"
    if isinstance(spec, _Weekday):
        return "weekday"
    if isinstance(spec, _Duration):
        return "duration_before" if spec.sign < 0 else "duration_after"
    return "relative"


def _is_since(m: re.Match[str]) -> bool:
    return (_g(m, "prep") or "").lower() == "since"


def find_date_expressions(text: str | Document) -> list[DateExpr]:
    """All date expressions in `text` (see the module docstring), longest match first."""
    return list(_find_date_expressions(Document.of(text).text))


@functools.lru_cache(
    maxsize=8
)  # the publication-date rules and the event finder read the same text
def _find_date_expressions(text: str) -> tuple[DateExpr, ...]:
    """All date expressions in ``text``, in order, without overlaps.

    Every rule is run over the text; where matches overlap the longest wins (then the earlier
    rule), so "Saturday 17 February 2018" beats "17 February 2018" and "in September last
    year" yields "September last year", not "last year". Neutral prepositions before an
    expression are left out of its span; "since" is kept and makes the kind ``since``.
    """
    cands: list[tuple[int, int, int, str]] = []  # start, end, rule index, kind
    for i, rule in enumerate(_RULES):
        for m in rule.regex.finditer(text):
            spec = rule.parse(m)
            if spec is None:
                continue
            since = _is_since(m)
            start = m.start() if since else m.start("core")
            cands.append((start, m.end(), i, _kind(spec, since)))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, str]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    taken.sort()
    return tuple(DateExpr(s, e, text[s:e], k) for s, e, _, k in taken)


# --------------------------------------------------------------------------- resolution

_POSSESSIVE = re.compile(r"['\u2019]s$")


def _parse_text(expr_text: str) -> tuple[object, str] | None:
    """The spec of an expression given on its own, and its normalised text."""
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


# --------------------------------------------------------------------------- publication date

STALE_YEARS = 3
"""Rule 4 of ``infer_publication_date``: how many years the latest explicit date must lie
before the printed year. Two misfires on ordinary stories: a story of August 2020 whose only
explicit date is "February 2018" and which speaks of "Wednesday" is normal news."""

_COPYRIGHT = re.compile(
    r"(?i:copyright|\(c\)|\u00a9)[ \t]*(?:\u00a9[ \t]*)?(?P<y>(?:19|20)\d\d)(?![\d\u2013-])"
    r"[^.\n]{0,60}"
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|would|scheduled|planned|plans?|due|expected|upcoming|next|set to)\b", re.I
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_RECENT_RELATIVE = re.compile(
    r"^(?:yesterday|today|tonight|(?:earlier |early |late |later )?(?:this|last) week)$", re.I
)


def copyright_years(text: str) -> list[tuple[int, str]]:
    """Single-year copyright notices ("Copyright 2015 The Associated Press") with their words.

    Year ranges ("(c) 1998-2024") are site footers that follow the calendar, not the story,
    and are skipped.
    """
    out = []
    for m in _COPYRIGHT.finditer(text):
        words = m.group(0).rstrip()
        out.append((int(m["y"]), words))
    return out


def _sentence(text: str, start: int, end: int) -> str:
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    return text[lo : m.start() if m else len(text)]


def _lead_in(text: str, start: int, end: int, words: int = 2) -> str:
    """The expression with up to ``words`` words before it in its sentence, verbatim."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
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


_WD_DATE_RE = re.compile(
    rf"\b(?P<wd>{_WD_FULL}),?{_S}(?:(?P<m1>{_MONTH_ANY}){_S}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
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
    past = [d for d in dated if not d.future_sentence]

    contradictions: list[str] = []
    if printed is not None:
        if cy is not None and cy != printed.year:
            what = (
                f"the year {cy} fixed by '{evidence_cr[0]}'"
                if pinned_note
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
        if not contradictions:
            words = printed_line.strip() if printed_line else printed.isoformat()
            return _pub(
                printed,
                "day",
                "printed",
                [words],
                "high",
                "Nothing in the body contradicts the printed date (copyright year, "
                "explicit dates, weekday, stale years)." + cr_note,
                False,
            )
    contradicted = bool(contradictions)
    why = (
        (
            "The printed date "
            + printed.isoformat()
            + " is contradicted: "
            + "; ".join(contradictions)
            + ". "
        )
        if printed is not None
        else "No printed date. "
    )

    # Latest explicit full date in the copyright year, stepped to the lede's weekday.
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
                    [evidence_cr[0], latest.expr.text, _lead_in(body, lede.start, lede.end)]
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
            dt.date(cy, 1, 1), "year", "rule", evidence_cr[:1], "medium", note, contradicted
        )
    note = why + "Nothing in the body fixes the date"
    bound = max((d.date.date_end for d in past), default=None)
    note += f"; explicit dates reach {bound.isoformat()}, a lower bound." if bound else "."
    return _pub(None, None, "none", [], "low", note + cr_note, contradicted)

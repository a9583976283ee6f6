"""Date expressions: the rules (one regex each) and what each match means."""

from __future__ import annotations

import calendar
import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..case import lower_for_ignorecase
from ..document import Document
from ..patterns import literal_starts
from .model import DateExpr
from .vocabulary import (
    _APPROX,
    _CONJ,
    _CONTEXT_WORDS,
    _COUNT_NOUN,
    _MONTH_ANY,
    _PART,
    _PRE,
    _PREP,
    _QTY,
    _S,
    _UNIT,
    _WD_FULL,
    _WDP,
    _day,
    _mon,
    _month_no,
    _qty,
    _weekday_no,
    _year,
)

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


def _last_word(text: str, pos: int) -> str | None:
    """The whitespace-separated word that ends last before `pos`, reading back only as far as
    needed (slicing the whole prefix made long lines quadratic)."""
    window = 64
    while True:
        lo = max(0, pos - window)
        chunk = text[lo:pos]
        words = chunk.split()
        if lo == 0:
            return words[-1] if words else None
        if len(words) > 1 or (words and (chunk[0].isspace() or text[lo - 1].isspace())):
            return words[-1]  # it starts inside the window, so it is whole
        window *= 2


def _has_context(m: re.Match[str]) -> bool:
    """A preposition or modifier stands before the core of the match."""
    if _g(m, "prep") or _g(m, "part"):
        return True
    last = _last_word(m.string, m.start("core"))
    return last is not None and last.lower().strip("(,") in _CONTEXT_WORDS


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


_CAPITAL_NEXT = re.compile(r"[ \t\u00a0]+[A-Z]")


def _p_weekday(m: re.Match[str]) -> _Spec | None:
    last = (_last_word(m.string, m.start()) or "").lower()
    if last in ("every", "each"):
        return None  # a recurring day, not a date
    if (
        last == "the"
        and not _g(m, "tod")
        and _CAPITAL_NEXT.match(m.string, m.end()) is not None
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


# What every match of a rule contains, written as in the rule: the rule only runs on the lines
# holding it (a match never crosses a line break: white space inside an expression is
# [ \t\u00a0]), so most lines are never scanned by most rules.
_UNITS = r"(?i:minute|hour|day|week|month|year|decade)s?"
_ANCHORS = {
    "month": re.compile(rf"(?:{_MONTH_ANY})(?![A-Za-z])"),
    "year": re.compile(r"(?:1[89]|20)\d\d"),
    "weekday": re.compile(rf"(?:{_WD_FULL})(?![A-Za-z])"),
    "dayword": re.compile(r"(?i:yesterday|today|tonight|tomorrow)"),
    "relunit": re.compile(
        rf"(?i:last|this|next|past|coming)(?:-|{_S})(?i:week|weekend|month|year)"),
    "ago": re.compile(rf"{_UNITS}{_S}(?i:ago)"),
    "duration": re.compile(
        rf"{_UNITS}{_S}(?i:prior|earlier|beforehand|before|later|afterwards|afterward|after)"),
    "dayrel": re.compile(
        rf"(?i:the){_S}(?i:previous|preceding|next|following|same)(?:{_S}|-)"
        rf"(?i:day|week|month|year)"),
    "day": re.compile(rf"(?i:the){_S}(?i:day){_S}(?i:before|after)"),
}
# A case-insensitive alternation is tried at every character, which is slow; so a line is only
# searched for such an anchor when its lower case holds a word of each of these groups (every
# match of the anchor does). Lower-casing keeps the words of a (?i:...) match except in a text
# holding one of three irregular letters (extract/case.py), which is searched line by line.
_UNIT_WORDS = ("minute", "hour", "day", "week", "month", "year", "decade")
_KEYWORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "dayword": (("yesterday", "today", "tonight", "tomorrow"),),
    "relunit": (("last", "this", "next", "past", "coming"), ("week", "month", "year")),
    "ago": (("ago",), _UNIT_WORDS),
    "duration": (("prior", "earlier", "before", "later", "after"), _UNIT_WORDS),
    "dayrel": (("previous", "preceding", "next", "following", "same"),
               ("day", "week", "month", "year")),
    "day": (("day",), ("before", "after")),
}
_ANCHOR_OF = {
    **{r.name: "month" for r in _RULES if r.name.startswith(("date_", "range_m", "range_d"))},
    "month_year": "month", "month_relyear": "month", "relmonth": "month", "month": "month",
    "range_y_y": "year", "range_y_dash_y": "year", "year": "year",
    "weekday": "weekday", "dayword": "dayword", "relunit": "relunit", "ago": "ago",
    "duration": "duration", "dayrel": "dayrel", "dayrel_ba": "day",
}
# Rules whose every match also holds a year (their year is not optional): they run only on the
# lines that hold both anchors.
_YEAR_TOO = frozenset({"date_dmy", "date_mdy", "month_year"})
assert set(_ANCHOR_OF) == {r.name for r in _RULES}, "every date rule needs its anchor"
_LINE = re.compile(r"[^\n]+")


_ALL_KEYWORDS = tuple(sorted({w for groups in _KEYWORDS.values() for g in groups for w in g}))
_KEYWORD_SETS = {a: tuple(frozenset(g) for g in groups) for a, groups in _KEYWORDS.items()}
# The words every occurrence of a keyword anchor opens with, case aside ("the" is too common).
_OPENERS = {"dayword": _KEYWORDS["dayword"][0], "relunit": _KEYWORDS["relunit"][0],
            "ago": _UNIT_WORDS, "duration": _UNIT_WORDS}
# A rule's match holds an occurrence of its anchor after at most this many runs of white space
# ([ \t\u00a0]+) from its start: at most six in the rules (range_d_dm: "<prep> between <day> and
# <day> of <Month>"; duration: "<prep> more than a couple of <unit> later"), two more for safety.
_GAPS_BEFORE_ANCHOR = 8
_WORD_START = re.compile(r"(?<![\w-])\w")


class _Lines:
    """The lines of one text, with what the anchors ask of them, each read once."""

    def __init__(self, text: str) -> None:
        self.text = text
        # the lower case, None if the text holds an irregular letter (extract/case.py); without
        # one, lower case keeps every offset, so a line's lower case is its slice of it and
        # (?i) matches an ASCII word where the lower case holds it
        self.low = low = lower_for_ignorecase(text)
        self.spans = [m.span() for m in _LINE.finditer(text)]
        self.starts = [s for s, _ in self.spans]
        self.in_text = frozenset(w for w in _ALL_KEYWORDS if low is None or w in low)

    @functools.cached_property
    def held(self) -> list[frozenset[str]]:
        """The keywords each line holds (a keyword a line holds is one the text holds)."""
        low, words = self.low, self.in_text
        return [words if low is None else frozenset(w for w in words if low.find(w, s, e) >= 0)
                for s, e in self.spans]

    def match_starts(self, i: int, found: list[tuple[int, int]]) -> tuple[int, ...]:
        """Where on line i a rule's match holding one of the anchor's occurrences ``found``
        can start: a word start ("(?<![\\w-])" and a word character, as every rule's match
        opens) from _GAPS_BEFORE_ANCHOR runs of white space before an occurrence to its end."""
        text, out = self.text, set()
        for a, b in found:
            out.update(m.start() for m in _WORD_START.finditer(
                text, _window_start(text, self.spans[i][0], a), b))
        return tuple(sorted(out))

    def occurrences(self, i: int, rx: re.Pattern[str], openers: tuple[str, ...]
                    ) -> list[tuple[int, int]]:
        """Every occurrence (start, end) of the anchor ``rx`` on line i, overlapping ones too:
        tried only where the lower case holds one of the words every occurrence opens with
        (``str.find`` instead of a case-insensitive search at every offset)."""
        s, e = self.spans[i]
        low = self.low
        if low is None or not openers:
            return [m.span() for m in rx.finditer(self.text, s, e)]
        return [m.span() for p in literal_starts(low, openers, s, e)
                if (m := rx.match(self.text, p, e))]


_BACK = re.compile(rf"[^ \t\u00a0]*(?:[ \t\u00a0]+[^ \t\u00a0]+){{0,{_GAPS_BEFORE_ANCHOR}}}")


def _window_start(text: str, line_start: int, at: int) -> int:
    """The start of the run of non-white space _GAPS_BEFORE_ANCHOR runs before the one holding
    ``at`` (or the line's first): matched backwards over the reversed text before ``at``, read
    in growing pieces (a long line is not reversed whole for each occurrence)."""
    size = 256
    while True:
        lo = max(line_start, at - size)
        back = _BACK.match(text[lo:at][::-1]).end()  # type: ignore[union-attr]
        if lo == line_start or back < at - lo:
            return at - back
        size *= 4


@functools.lru_cache(maxsize=8)
def _anchor_lines(text: str) -> dict[str, tuple[tuple[int, int, tuple[int, ...]], ...]]:
    """For every anchor, the lines of ``text`` that hold it, in order: (start, end, the offsets
    where a match of a rule of that anchor can start).

    The anchors without keywords (month, year, weekday) open with a literal, so one search of
    the whole text finds their occurrences fast: none crosses a line break and nothing matches
    at one, so each line's are those a search of the line alone finds. The others are searched
    on the lines that hold their keywords: a line holds a word of each group iff the keywords
    it holds meet every group."""
    lines = _Lines(text)
    out: dict[str, tuple[tuple[int, int, tuple[int, ...]], ...]] = {}
    for anchor, rx in _ANCHORS.items():
        groups = _KEYWORD_SETS.get(anchor, ())
        by_line: dict[int, list[tuple[int, int]]] = {}
        if not groups:
            for m in rx.finditer(text):
                by_line.setdefault(bisect_right(lines.starts, m.start()) - 1, []).append(m.span())
        elif all(lines.in_text & g for g in groups):
            for i, held in enumerate(lines.held):
                if all(held & g for g in groups):
                    found = lines.occurrences(i, rx, _OPENERS.get(anchor, ()))
                    if found:
                        by_line[i] = found
        out[anchor] = tuple((*lines.spans[i], lines.match_starts(i, found))
                            for i, found in sorted(by_line.items()))
    return out


def _lines_with(text: str, anchor: str) -> tuple[tuple[int, int], ...]:
    """The lines of ``text`` (start, end) that hold the anchor, in order."""
    return tuple((s, e) for s, e, _ in _anchor_lines(text)[anchor])


def _rule_matches(rx: re.Pattern[str], text: str, end: int, starts: tuple[int, ...]
                  ) -> Iterator[re.Match[str]]:
    """What ``rx.finditer(text, <line start>, end)`` finds, tried only at ``starts`` (where a
    match can start, ascending): the first match at or after the end of the last one is the
    one at the first start there that matches."""
    pos = -1
    for p in starts:
        if p >= pos and (m := rx.match(text, p, end)) is not None:
            yield m
            pos = m.end()


def _and(lines: tuple[tuple[int, int], ...], others: tuple[tuple[int, int], ...]
         ) -> tuple[tuple[int, int], ...]:
    """The lines of ``lines`` that are also in ``others`` (both in text order)."""
    keep = set(others)
    return tuple(ln for ln in lines if ln in keep)


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
    # per anchor, its lines -> where a match of one of its rules can start on them
    starts_of = {a: {(s, e): w for s, e, w in lines} for a, lines in _anchor_lines(text).items()}
    for i, rule in enumerate(_RULES):
        anchor = _ANCHOR_OF[rule.name]
        starts = starts_of[anchor]
        lines = tuple(starts)
        if rule.name in _YEAR_TOO:
            lines = _and(lines, tuple(starts_of["year"]))
        for ls, le in lines:
            for m in _rule_matches(rule.regex, text, le, starts.get((ls, le), ())):
                spec = rule.parse(m)
                if spec is None:
                    continue
                since = _is_since(m)
                start = m.start() if since else m.start("core")
                cands.append((start, m.end(), i, _kind(spec, since)))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    # keep a candidate unless it overlaps one kept before (kept spans sorted, by bisection)
    starts: list[int] = []
    taken: list[tuple[int, int, int, str]] = []
    for c in cands:
        k = bisect_right(starts, c[0])
        if k and taken[k - 1][1] > c[0]:
            continue  # the kept span starting at or before c runs into it
        if k < len(taken) and taken[k][0] < c[1]:
            continue  # the next kept span starts inside c
        starts.insert(k, c[0])
        taken.insert(k, c)
    return tuple(DateExpr(s, e, text[s:e], k) for s, e, _, k in taken)



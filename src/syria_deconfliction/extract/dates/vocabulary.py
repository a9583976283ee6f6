"""Month, weekday and number words (from the lexicon) and the regex pieces built from them."""

from __future__ import annotations

import re

from ..lexicon import sequence

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


# "Jan" -> 1 ... "Dec" -> 12: the first three letters of the lexicon's month names (what
# calendar.month_abbr gives in the C locale, without building that list per call)
_MONTH_NUMBERS = {m[:3].title(): i for i, m in enumerate(sequence("dates_months"), start=1)}


def _month_no(token: str) -> int:
    return _MONTH_NUMBERS[token.rstrip(".")[:3].title()]


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



"""Datelines: 'CITY (Agency) — Body ...' at the start of a line names where the story was filed.

The capitalised place words of a wire dateline are no actor and no subject of the first
sentence. The shape is typographic (a run of upper-case words at a line start, optionally
", Country", "(Agency)" and a dash, then the capitalised body), so it is a pattern, not a word list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..mentions import Mention

_DATELINE = re.compile(
    r"(?m)^(?P<place>[A-Z][A-Z'’.-]{3,}(?:[ /][A-Z][A-Z'’.-]+)*)"
    r"(?P<country>,(?: [A-Z][a-z]+)+)?"
    r"(?P<agency> \([^()\n]{1,40}\))?"
    r"(?P<dash> ?[—–-])?"
    r" (?=[A-Z“\"‘'])"
)


def dateline_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end of the place words, marked) of every line-initial dateline; ``marked``
    when a country, agency or dash sets it off (a bare 'CITY Body' is only a dateline for
    names the registry lacks)."""
    return [(m.start(), m.end("place"),
             bool(m.group("country") or m.group("agency") or m.group("dash")))
            for m in _datelines(text)]


def agency_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the agency credit in brackets of every line-initial dateline."""
    return [m.span("agency") for m in _datelines(text) if m.group("agency")]


def _datelines(text: str) -> Iterator[re.Match[str]]:
    """The matches of _DATELINE in the text, in order (as its ``finditer``): the pattern opens
    at a line start and holds no line break, so it is tried at the line starts only."""
    at = 0
    while at >= 0:
        m = _DATELINE.match(text, at)
        if m is not None:
            yield m
        at = text.find("\n", at)
        if at >= 0:
            at += 1


def without_datelines(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that are not the place words of a dateline (an unknown name that runs on
    into the body, "CITY Air", starts in them and goes too), nor its agency credit: the wire
    that filed the story takes no part in its events."""
    spans = dateline_spans(text)
    if not spans:  # most texts have no dateline: every mention stays
        return list(mentions)
    agencies = agency_spans(text)
    return [m for m in mentions if not any(
        a <= m.start < b and (m.rule == "candidate" or marked and m.end <= b)
        for a, b, marked in spans
    ) and not any(a <= m.start and m.end <= b for a, b in agencies)]

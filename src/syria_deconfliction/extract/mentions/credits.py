"""People named in a wire's credit line.

The cleaner keeps the credit lines a wire writes into its copy ("(Reporting by <Name> in
<City> and <Name>; Editing by <Name>)", "<Agency> writers <Name> in <City> and <Name>
contributed to this report.") as segments of role ``credit``. Every name there is a person who
made the story, so each run of two or more capitalised words in such a line is a person, except:
a run after a place preposition ("in Beirut") or continuing one after a comma ("in Damascus,
Syria") is the place the journalist filed from; a run already read as an actor (the agency) is
that actor; the role words ("Reporting", "Editing by") separate names and are never part of one.
Word lists: the lexicon's ``mentions_credit_*`` keys and the name particles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import words
from .model import Mention

__all__ = ["credit_names"]

Span = tuple[int, int, str]

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\S")


def credit_names(text: str, credits: Sequence[tuple[int, int]],
                 mentions: Sequence[Mention]) -> list[Span]:
    """(start, end, name) of each person named in the credit segments ``credits``."""
    out: list[Span] = []
    taken = [(m.start, m.end) for m in mentions]
    for start, end in credits:
        for s, e in _name_runs(text, start, end):
            if not any(a < e and s < b for a, b in taken):
                out.append((s, e, text[s:e]))
    return out


def _name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    roles = words("mentions_credit_role_words")
    preps = words("mentions_credit_place_prepositions")
    particles = words("quotes_particles")
    runs: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    is_place = False  # the run being read is a place
    prep = False  # a place preposition came last
    prev_place = False  # the last run was a place, and only a comma came since

    for m in _WORD.finditer(text, start, end):
        w = m.group()
        low = w.lower()
        if w[0].isupper() and low not in roles:
            if not run:
                is_place = prep or (prev_place and text[m.start() - 2:m.start()] == ", ")
                prep = False
            run.append(m)
            continue
        if run and not w[0].isupper() and low.split("-")[0] in particles:
            run.append(m)  # "Ahmed al-Khatib", "Pieter de Vries"
            continue
        if run:
            _close(run, is_place, particles, runs)
            prev_place, run = is_place, []
        if low in preps:
            prep, prev_place = True, False
        elif w != ",":
            prep = prev_place = False
    if run:
        _close(run, is_place, particles, runs)
    return runs


def _close(run: list[re.Match[str]], is_place: bool, particles: frozenset[str],
           runs: list[tuple[int, int]]) -> None:
    """Add a finished run of words to ``runs`` when it is a person's name."""
    while run[-1].group().lower() in particles:
        run.pop()  # a particle ends no name
    if not is_place and len(run) >= 2:
        runs.append((run[0].start(), run[-1].end()))

"""People named in a wire's credit line or an author's note.

The cleaner keeps the credit lines a wire writes into its copy ("(Reporting by <Name> in
<City> and <Name>; Editing by <Name>)", "<Agency> writers <Name> in <City> and <Name>
contributed to this report.") and author notes ("<Name> is a correspondent for <Outlet>.") as
segments of role ``credit``. A name there is a run of two or more capitalised words; it is a
person who made the story when it stands in a name slot: at the start of the line, or after a
role word ("by", "Reporting"), a journalist noun ("writers"), or a list separator (",", ";",
"and"). Not in a slot: the place a journalist filed from ("in Beirut") and the country after it
("in Damascus, Syria"), an outlet after "for", opening with an article ("The Ledger") or before
a journalist noun ("<Agency> writers"), and a run already read as an actor. Role words are
never part of a name. Word lists: the lexicon's ``mentions_credit_*`` keys and the particles.
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
    nouns = words("mentions_credit_person_nouns")
    openers = roles | nouns | words("mentions_credit_separators")
    articles = words("mentions_credit_articles")
    particles = words("quotes_particles")
    runs: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    before: str | None = None  # the word before the run being read (None: the line start)
    slot = True  # the run being read stands in a name slot
    last: str | None = None  # the last word read outside a run
    last_place = False  # the last run stood in no slot and only a comma came since

    for m in _WORD.finditer(text, start, end):
        w = m.group()
        low = w.lower()
        if w[0].isupper() and low not in roles:
            if not run:
                before = last
                # "in Damascus, Syria": a comma after a place continues it
                continued = last == "," and last_place
                slot = (before is None or before in openers) and not continued \
                    and low not in articles
            run.append(m)
            continue
        if run and not w[0].isupper() and low.split("-")[0] in particles:
            run.append(m)  # "Ahmed al-Khatib", "Pieter de Vries"
            continue
        if run:
            # "<Agency> writers <Name>": the run before a journalist noun is the outlet
            _close(run, slot and low not in nouns, particles, runs)
            last_place, run = not slot, []
        elif w != ",":
            last_place = False
        last = low
    if run:
        _close(run, slot, particles, runs)
    return runs


def _close(run: list[re.Match[str]], slot: bool, particles: frozenset[str],
           runs: list[tuple[int, int]]) -> None:
    """Add a finished run of words to ``runs`` when it is a person's name."""
    while run[-1].group().lower() in particles:
        run.pop()  # a particle ends no name
    if slot and len(run) >= 2:
        runs.append((run[0].start(), run[-1].end()))

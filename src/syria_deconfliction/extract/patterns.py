"""Regular-expression pieces shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["literal_starts", "words_after_no"]


def words_after_no(words: Iterable[str], before: str = r"\w") -> str:
    """An alternation of ``words`` (longest first) that match only where no ``before``
    character (a character class) stands before them: "(?<!before)(?:words)" for a search.

    Written that way, the search tries the look-behind at every offset of the text. Here the
    words are grouped by their first character and each group opens with it, testing the
    look-behind after it ("c(?<!<before>c)"), so the search skips ahead to those characters."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(
        f"{re.escape(c)}(?<!{before}{re.escape(c)})(?:{'|'.join(map(re.escape, tails))})"
        for c, tails in by_first.items()
    )


def literal_starts(text: str, words: Iterable[str], start: int = 0, end: int | None = None
                   ) -> list[int]:
    """Every offset in [start, end), ascending, where one of ``words`` (plain strings) opens
    in ``text``, overlaps included: found by str.find, a scan in C, where a pattern opening
    with the words' first letters would stop at every such letter of the text."""
    stop = len(text) if end is None else end
    found: set[int] = set()
    for w in words:
        i = text.find(w, start, stop)
        while i >= 0:
            found.add(i)
            i = text.find(w, i + 1, stop)
    return sorted(found)

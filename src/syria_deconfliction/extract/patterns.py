"""Regular-expression pieces shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["words_after_no"]


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

"""Case-insensitive patterns run as case-sensitive ones over lower-cased text.

The regex engine skips a position quickly when a pattern's next item is a plain literal, not
when it is a letter to compare case aside; so a pattern over a whole article is cheaper as a
case-sensitive pattern over the lower-cased article. Both find the same spans when lower-casing
keeps every offset (no "İ", which becomes two characters) and the text has no letter that
IGNORECASE equates with an ASCII letter of another lower case ("ı" with i, "ſ" with s); for
such a text the IGNORECASE pattern runs as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CODED_CHAR = re.compile(r"\\[0-9xuUN]")  # a character written by its number or name


class Caseless:
    """An IGNORECASE pattern and, when its source is all lower case (its words and escapes:
    ``\\w``, not ``\\W``) and writes no character by number, the same pattern without the
    flag for lower-cased text."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.ignore = re.compile(pattern, flags | re.IGNORECASE)
        plain = pattern == pattern.lower() and _CODED_CHAR.search(pattern) is None
        self.lower = re.compile(pattern, flags) if plain else None

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """The matches in ``text`` (read their spans: with ``low`` they hold its letters)."""
        if self.lower is not None and low is not None:
            return self.lower.finditer(low)
        return self.ignore.finditer(text)

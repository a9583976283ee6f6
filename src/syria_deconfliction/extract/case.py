"""Lower case as a stand-in for case-insensitive regular expressions, to test cheaply whether a
text can hold a match at all.

Where a pattern matches an ASCII word with ``(?i)``, the lower-cased text holds that word in
lower case, except for three letters the regex engine equates with ASCII letters although their
lower case differs: İ (U+0130) and ı (U+0131) match "i", ſ (U+017F) matches "s". A text holding
one of them gets no lower case here, and the caller searches it as before.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["irregular_case", "lower_for_ignorecase", "lowered"]


def irregular_case(text: str) -> bool:
    """Whether ``text`` holds İ, ı or ſ (see the module docstring). Three substring tests:
    a character-class search costs far more on a text with characters beyond Latin-1."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text


def lower_for_ignorecase(text: str) -> str | None:
    """``text.lower()``, or None when the text holds İ, ı or ſ (see the module docstring)."""
    return None if irregular_case(text) else text.lower()


@lru_cache(maxsize=2)
def lowered(text: str) -> str | None:
    """``lower_for_ignorecase(text)`` once per text: the mention and event rules each ask it of
    the same article."""
    return lower_for_ignorecase(text)

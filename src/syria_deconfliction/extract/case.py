"""Lower case as a stand-in for case-insensitive regular expressions, to test cheaply whether a
text can hold a match at all.

Where a pattern matches an ASCII word with ``(?i)``, the lower-cased text holds that word in
lower case, except for three letters the regex engine equates with ASCII letters although their
lower case differs: İ (U+0130) and ı (U+0131) match "i", ſ (U+017F) matches "s". A text holding
one of them gets no lower case here, and the caller searches it as before.
"""

from __future__ import annotations

import re

__all__ = ["irregular_case", "lower_for_ignorecase"]

_IRREGULAR_CASE = re.compile("[\u0130\u0131\u017f]")


def irregular_case(text: str) -> bool:
    """Whether ``text`` holds İ, ı or ſ (see the module docstring)."""
    return _IRREGULAR_CASE.search(text) is not None


def lower_for_ignorecase(text: str) -> str | None:
    """``text.lower()``, or None when the text holds İ, ı or ſ (see the module docstring)."""
    return None if irregular_case(text) else text.lower()

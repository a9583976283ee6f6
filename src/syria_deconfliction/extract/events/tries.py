"""Alternations of many words written as tries, for the regex engine.

An alternation ``a|b|c`` makes the engine try every word in turn at each position of the text;
the same words nested by their shared leading letters (``ab(?:le|out)|c``) make it follow one
branch per letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def longest_first(forms: Iterable[str], end: str, not_after: str | None = None) -> str:
    """A regex matching the longest of ``forms`` after which ``end`` (a look-ahead) holds,
    as the alternation of the forms longest first does: the engine follows the text's letters
    as deep as the trie goes, then backs up through the forms it passed, longest first.

    With ``not_after`` (a character class) the form must not follow such a character, as
    with the look-behind ``(?<!not_after)`` before the trie; the test is written after each
    form instead (a look-behind of the form's fixed width), so that the pattern opens with the
    forms' first letters, which the engine skips to quickly (a pattern that opens with a
    look-behind is tried at every position of the text)."""
    root: dict[str, Any] = {}
    for f in forms:
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = f

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:  # a form ends here: tried after every longer one
            behind = f"(?<!{not_after}{re.escape(node[''])})" if not_after else ""
            alts.append(end + behind)
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return emit(root) if root else "(?!)"


def word_or_prefix(words: Iterable[str], prefixes: Iterable[str]) -> str:
    """A regex matching one of ``words`` not followed by a word character, or the opening of
    any text that starts with one of ``prefixes``."""
    root: dict[str, Any] = {}
    for w, kind in [*((w, "word") for w in words), *((p, "prefix") for p in prefixes)]:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = "prefix" if node.get("") == "prefix" else kind

    def emit(node: dict[str, Any]) -> str:
        if node.get("") == "prefix":
            return ""  # any continuation matches
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if node.get("") == "word":
            alts.append(r"(?!\w)")
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return emit(root) if root else "(?!)"


def first_letters(forms: Iterable[str]) -> str:
    """A character class of the forms' first characters (a cheap test before the rest)."""
    return "[" + "".join(sorted({re.escape(f[0]) for f in forms if f})) + "]"

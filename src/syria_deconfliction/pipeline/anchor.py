"""Find curated annotations in the clean text by their words, never by offsets typed by hand.

A curated record names its words (`text`) and, when those words occur more than once, either a
longer passage that contains them exactly once (`context`) or which occurrence it means
(`occurrence`, from 1). Ambiguity or absence stops the build with the fix.
"""

from __future__ import annotations

from ..errors import InputError


def occurrences(haystack: str, needle: str) -> list[int]:
    out, i = [], haystack.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def anchor(text: str, words: str, *, file: str, record: str, context: str | None = None,
           occurrence: int | None = None, near: int | None = None) -> tuple[int, int]:
    """(start, end) of `words` in `text`.

    `context` narrows the search to one passage; `near` picks the occurrence closest to an
    offset (used for date words near their event's evidence) when nothing else decides.
    """
    if not isinstance(words, str) or not words:
        raise InputError(file, record, "empty text to anchor", "quote the article's words")
    base = 0
    if context:
        hits = occurrences(text, context)
        if len(hits) != 1:
            raise InputError(file, record, f"context {_short(context)} occurs {len(hits)} times "
                             "in the article", "quote a passage that occurs exactly once")
        base = hits[0]
        text = context
    hits = occurrences(text, words)
    if not hits:
        raise InputError(file, record, f"{_short(words)} is not in the article's clean text",
                         "quote the words exactly as printed (curly quotes and apostrophes too)")
    if occurrence is not None:
        if not 1 <= occurrence <= len(hits):
            raise InputError(file, record, f"occurrence {occurrence} of {_short(words)} requested, "
                             f"the text has {len(hits)}", "correct the occurrence number")
        start = hits[occurrence - 1]
    elif len(hits) == 1:
        start = hits[0]
    elif near is not None:
        start = min(hits, key=lambda h: (abs(base + h - near), h))
    else:
        raise InputError(file, record, f"{_short(words)} occurs {len(hits)} times in the article",
                         "add `occurrence: N` or a `context` passage that occurs once")
    return base + start, base + start + len(words)


def _short(s: str, n: int = 60) -> str:
    return repr(s if len(s) <= n else s[: n - 1] + "…")

"""The completeness guard: capitalised names no mention or curated list accounts for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..document import Document
from .model import _UP, DEFAULT_LEXICON, Lexicon, Mention
from .registry import (
    _DOTTED_RE,
    MentionRegistry,
    _fingerprint,
    _plain_re,
    _registry,
    _variants,
)

# --------------------------------------------------------------------------- completeness guard

_NAME_TOKEN_RE = re.compile(
    rf"(?<![\w.-])(?<!\w['’])(?:(?:[{_UP}]\.){{2,}}|(?:[a-z]{{1,3}}-)?[{_UP}][\w]*"
    rf"(?:-(?:[a-z]{{1,2}}-)?[{_UP}0-9][\w]*)*\.?)"
)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")
_SENT_START_RE = re.compile(r"(?:[.!?:;…\n]|—|--)[\s\"“‘'(\[—-]*$")
_OPENERS_RE = re.compile(r"[\s\"“‘'(\[—-]*")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    w = word.lower().strip("'’")
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): most longer words capitalised, no final stop."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        words = re.findall(r"[A-Za-z][\w'’.-]*", line)
        long_words = [w for w in words if len(w) > 3]
        if len(words) >= 3 and long_words and not line.rstrip().endswith("."):
            upper = sum(1 for w in long_words if w[0].isupper())
            if upper / len(long_words) >= 0.7:
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_NA_CACHE: dict[str, re.Pattern[str]] = {}


def _not_actor_re(not_actors: Sequence[Any]) -> re.Pattern[str]:
    texts: set[str] = set()
    for na in not_actors or []:
        t = na.get("text") if isinstance(na, Mapping) else na
        if t:
            texts |= _variants(str(t), acronyms=False)
    key = _fingerprint(sorted(texts))
    pat = _NA_CACHE.get(key)
    if pat is None:
        pat = _plain_re(texts)
        _NA_CACHE[key] = pat
    return pat


def find_unaccounted_names(text: str | Document, mentions: list[Mention], actors: list[dict],
                           places: list[dict], not_actors: list[dict], *,
                           lexicon: Lexicon = DEFAULT_LEXICON,
                           extra_common_words: Iterable[str] = (),
                           compiled: MentionRegistry | None = None
                           ) -> list[tuple[int, int, str]]:
    """Capitalised name-like spans not accounted for by mentions or curated lists.

    Returns ``(start, end, text)`` triples in text order.
    """
    text = Document.of(text).text
    reg = compiled or _registry(actors, places, lexicon)
    lex = lexicon
    covered = bytearray(len(text))

    def cover(s: int, e: int) -> None:
        covered[s:e] = b"\x01" * (e - s)

    for mt in mentions:
        cover(mt.start, mt.end)
    for s, e in reg.known_index.plain(text):
        cover(s, e)
    for m in _not_actor_re(not_actors).finditer(text):
        cover(m.start(), m.end())

    extra = {w.lower() for w in extra_common_words}
    common = lex.vocabulary() | extra if extra else lex.vocabulary()
    lower_words = set(_LOWER_WORD_RE.findall(text))
    lower_stems = {_stem(w) for w in lower_words}
    headline_spans = _title_case_lines(text)

    def in_headline(pos: int) -> bool:
        return any(a <= pos < b for a, b in headline_spans)

    # classify tokens: 0 = covered, 1 = weak (title/month/stopword), 2 = name
    tokens: list[tuple[int, int, int, bool]] = []  # start, end, class, is_title
    for m in _NAME_TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        tok = m.group(0)
        if tok.endswith(".") and not _DOTTED_RE.fullmatch(tok) and tok not in lex.honorifics \
                and tok not in lex.title_words and tok not in lex.months_weekdays:
            e -= 1
            tok = tok[:-1]
        first_upper = s if text[s].isupper() else next(
            (i for i in range(s, e) if text[i].isupper()), s)
        if covered.find(0, first_upper, e) < 0 or all(
            covered[i] for i in range(first_upper, e) if text[i].isalnum()
        ):
            tokens.append((s, e, 0, False))
            continue
        is_title = tok in lex.title_words or tok in lex.honorifics
        weak = is_title or tok in lex.months_weekdays or tok in ("The", "A", "An", "I")
        if not weak:
            before = text[max(0, s - 8) : s]
            initial = (
                bool(_SENT_START_RE.search(before))
                or (s <= 8 and _OPENERS_RE.fullmatch(before) is not None)
                or in_headline(s)
            )
            low = tok.lower()
            if initial and (low in common or low in lower_words or _stem(low) in lower_stems):
                weak = True
        tokens.append((s, e, 1 if weak else 2, is_title))

    connectors = lex.name_connectors
    out: list[tuple[int, int, str]] = []
    segment: list[tuple[int, int, int, bool]] = []

    def flush() -> None:
        seg = list(segment)
        segment.clear()
        while seg and seg[0][2] == 1 and not seg[0][3]:
            seg.pop(0)
        while seg and seg[-1][2] == 1 and not seg[-1][3]:
            seg.pop()
        if any(t[2] == 2 for t in seg):
            out.append((seg[0][0], seg[-1][1], text[seg[0][0] : seg[-1][1]]))

    prev_end: int | None = None
    for tok in tokens:
        s, e, cls, _ = tok
        joined = False
        if prev_end is not None and segment:
            gap = text[prev_end:s]
            words = gap.split()
            joined = gap in (" ", "\u00a0", "'s ", "’s ") or (
                gap.startswith(" ") and gap.endswith(" ") and 0 < len(words) <= 2
                and all(w in connectors for w in words)
            )
        if not joined or cls == 0:
            flush()
        if cls != 0:
            segment.append(tok)
        prev_end = e
    flush()
    return out

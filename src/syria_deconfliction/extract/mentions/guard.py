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
    _plain_literal_first_re,
    _registry,
    _variants,
)

# --------------------------------------------------------------------------- completeness guard

# A capital and an apostrophe before a capital are one name ("O'Brien", "D'Souza"); a
# possessive ("Obama's") is not.
_NAME_TOKEN_RE = re.compile(
    rf"(?<![\w.-])(?<!\w['’])(?:(?:[{_UP}]\.){{2,}}|(?:[a-z]{{1,3}}-)?[{_UP}](?:['’][{_UP}])?[\w]*"
    rf"(?:-(?:[a-z]{{1,2}}-)?[{_UP}0-9][\w]*)*\.?)"
)
# _NAME_TOKEN_RE in two parts, for speed. The tokens opening with a capital: the look-behinds
# are tested after the capital, so the search skips to capitals instead of trying every offset.
# Those opening with a particle ("al-<Name>"): tried only before a hyphen and a capital, where
# each holds one. Neither kind starts inside a token of the other (a character before it is a
# word character, a hyphen or a full stop, or a word character and an apostrophe), so the two
# lists, merged by start, are what the one pattern finds.
_NAME_TAIL = rf"(?:['’][{_UP}])?[\w]*(?:-(?:[a-z]{{1,2}}-)?[{_UP}0-9][\w]*)*\.?"
_CAPITAL_TOKEN_RE = re.compile(
    rf"[{_UP}](?<![\w.-][{_UP}])(?<!\w['’][{_UP}])(?:\.(?:[{_UP}]\.)+|{_NAME_TAIL})")
_PARTICLE_TOKEN_RE = re.compile(rf"(?<![\w.-])(?<!\w['’])[a-z]{{1,3}}-[{_UP}]{_NAME_TAIL}")
_HYPHEN_CAPITAL_RE = re.compile(rf"-[{_UP}]")


def _name_tokens(text: str) -> list[re.Match[str]]:
    """What ``_NAME_TOKEN_RE.finditer(text)`` finds (see above)."""
    out = list(_CAPITAL_TOKEN_RE.finditer(text))
    particles = []
    for h in _HYPHEN_CAPITAL_RE.finditer(text):
        p = h.start()
        for q in (p - 3, p - 2, p - 1):  # the particle's start, if any: [a-z]{1,3} before "-"
            if q >= 0 and (m := _PARTICLE_TOKEN_RE.match(text, q)) is not None:
                particles.append(m)
                break
    if particles:
        out = sorted([*out, *particles], key=lambda m: m.start())
    return out
_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")
_SENT_START_RE = re.compile(r"(?:[.!?:;…\n]|—|--)[\s\"“‘'(\[—-]*$")
_OPENERS_RE = re.compile(r"[\s\"“‘'(\[—-]*")
_TITLE_CASE_WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")


_SUFFIXES = ("ing", "ed", "es", "s")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    w = word.lower().strip("'’")
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): most longer words capitalised, no final stop."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.rstrip().endswith("."):  # most lines: no words to count
            pos += len(line) + 1
            continue
        words = _TITLE_CASE_WORD_RE.findall(line)
        long_words = [w for w in words if len(w) > 3]
        if len(words) >= 3 and long_words:
            upper = sum(1 for w in long_words if w[0].isupper())
            if upper / len(long_words) >= 0.7:
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_NA_CACHE: dict[str, re.Pattern[str]] = {}
# not_actors lists (by identity) -> their pattern; the lists are kept alive (so no id is
# reused) and are not to be edited in place: a corpus run passes the same list per article.
_NA_PINNED: dict[int, tuple[Sequence[Any], re.Pattern[str]]] = {}


def _not_actor_re(not_actors: Sequence[Any]) -> re.Pattern[str]:
    pinned = _NA_PINNED.get(id(not_actors))
    if pinned is not None and pinned[0] is not_actors:
        return pinned[1]
    texts: set[str] = set()
    for na in not_actors or []:
        t = na.get("text") if isinstance(na, Mapping) else na
        if t:
            texts |= _variants(str(t), acronyms=False)
    key = _fingerprint(sorted(texts))
    pat = _NA_CACHE.get(key)
    if pat is None:
        pat = _plain_literal_first_re(texts)
        _NA_CACHE[key] = pat
    if len(_NA_PINNED) >= 8:
        _NA_PINNED.pop(next(iter(_NA_PINNED)))
    _NA_PINNED[id(not_actors)] = (not_actors, pat)
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
    covered = bytearray(len(text))
    for mt in mentions:
        covered[mt.start : mt.end] = b"\x01" * (mt.end - mt.start)
    for s, e in reg.known_spans(text):
        covered[s:e] = b"\x01" * (e - s)
    for m in _not_actor_re(not_actors).finditer(text):
        covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    extra = {w.lower() for w in extra_common_words}
    common = lexicon.vocabulary() | extra if extra else lexicon.vocabulary()
    tokens = _classify(text, covered, lexicon, common)
    return _name_spans(text, tokens, lexicon.name_connectors)


# A token of the guard: start, end, class (0 covered, 1 weak: a title, month or a common word
# opening a sentence or headline, 2 name) and whether it is a title word.
_Tok = tuple[int, int, int, bool]


# Texts up to this long are scanned for each word asked about (a few ``str.find`` scans of an
# article of common length cost less than listing its words); longer ones list their words once.
_SCAN_UP_TO = 20_000
_LOWER_RUN = frozenset("abcdefghijklmnopqrstuvwxyz'’-")  # what a lower-case word holds
_LOWER_WORD_FULL_RE = re.compile(r"[a-z][a-z'’-]*")


class _LowerWords:
    """The text's lower-case words (``_LOWER_WORD_RE``'s matches) and their stems, asked about
    one word at a time: the occurrences of the word in the text are tested where
    ``str.find`` finds them, instead of listing every word of the text (most articles ask
    about none or a few words)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._memo: dict[tuple[str, bool], bool] = {}
        self._words: set[str] | None = None
        self._stems: set[str] | None = None

    def words(self) -> set[str]:
        """Every lower-case word of the text."""
        if self._words is None:
            self._words = set(_LOWER_WORD_RE.findall(self.text))
        return self._words

    def _listed(self, word: str, apostrophes: bool) -> bool:
        """``_find`` by listing every word once: a long text, where a scan per word asked
        about would cost time quadratic in its length."""
        if not apostrophes:
            return word in self.words()
        if self._stems is None:
            self._stems = {w.strip("'’") for w in self.words()}
        return word in self._stems

    def _word_end(self, i: int) -> int:
        """The end of the lower-case word that ``_LOWER_WORD_RE.finditer`` finds starting at
        ``i`` (a letter a-z there), or -1 when none starts there: a word character or an
        apostrophe before it, or a hyphen inside a word that began earlier ("ab-cd")."""
        text = self.text
        if i > 0:
            c = text[i - 1]
            if c.isalnum() or c in "_'’":
                return -1
            if c == "-":  # the finditer word covering the hyphen, if any, runs on over i
                q = i - 1
                while q > 0 and text[q - 1] in _LOWER_RUN:
                    q -= 1
                for p in range(q, i - 1):
                    if "a" <= text[p] <= "z" and (p == 0 or not (
                            (b := text[p - 1]).isalnum() or b in "_'’")):
                        return -1
        end = i + 1
        while end < len(text) and text[end] in _LOWER_RUN:
            end += 1
        return end

    def _has(self, word: str, apostrophes: bool) -> bool:
        """Whether ``word`` is a lower-case word of the text; with ``apostrophes``, one after
        stripping apostrophes from its ends."""
        key = (word, apostrophes)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._find(word, apostrophes) \
                if len(self.text) <= _SCAN_UP_TO else self._listed(word, apostrophes)
        return hit

    def _find(self, word: str, apostrophes: bool) -> bool:
        if not _LOWER_WORD_FULL_RE.fullmatch(word) or (apostrophes and word[-1] in "'’"):
            return False
        text, n = self.text, len(word)
        i = text.find(word)
        while i >= 0:
            end = self._word_end(i)
            if end == i + n or (apostrophes and end > i + n
                                and not text[i + n : end].strip("'’")):
                return True
            i = text.find(word, i + 1)
        return False

    def has_word(self, word: str) -> bool:
        return self._has(word, False)

    def has_stem(self, stem: str) -> bool:
        """Whether a word of the text has the stem ``stem`` (one of ``_stem``'s results):
        only the word itself and it with one of the suffixes ``_stem`` strips can, so those
        few are looked up instead of stemming every word of the text."""
        # _stem lower-cases (the words are) and strips apostrophes first
        return any(self._has(f, True) and _stem(f) == stem
                   for f in (stem, *(stem + suf for suf in _SUFFIXES)))


def _classify(text: str, covered: bytearray, lex: Lexicon, common: frozenset[str]
              ) -> list[_Tok]:
    """The capitalised tokens of ``text`` with their class."""
    lower = _LowerWords(text)
    headline_spans: list[tuple[int, int]] | None = None  # read when first asked about
    tokens: list[_Tok] = []
    for m in _name_tokens(text):
        s, e = m.span()
        tok = ""  # read only when needed: most tokens end in no full stop and are covered
        if text[e - 1] == ".":
            tok = m.group()
            if not _DOTTED_RE.fullmatch(tok) and tok not in lex.honorifics \
                    and tok not in lex.title_words and tok not in lex.months_weekdays:
                e -= 1
                tok = tok[:-1]
        if covered.find(0, s, e) < 0:  # covered whole (most tokens): so from its capital on
            tokens.append((s, e, 0, False))
            continue
        tok = tok or m.group()
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
            initial = bool(_SENT_START_RE.search(before)) \
                or (s <= 8 and _OPENERS_RE.fullmatch(before) is not None)
            if not initial:
                if headline_spans is None:
                    headline_spans = _title_case_lines(text)
                initial = any(a <= s < b for a, b in headline_spans)
            low = tok.lower()
            if initial and (low in common or lower.has_word(low)
                            or lower.has_stem(_stem(low))):
                weak = True
        tokens.append((s, e, 1 if weak else 2, is_title))
    return tokens


def _name_spans(text: str, tokens: list[_Tok], connectors: frozenset[str]
                ) -> list[tuple[int, int, str]]:
    """Runs of uncovered tokens joined by a space, a possessive or connectors ("of the"),
    without weak tokens at their ends, that hold a name token."""
    out: list[tuple[int, int, str]] = []
    segment: list[_Tok] = []

    def flush() -> None:
        if not segment:
            return
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
        if segment and (not joined or cls == 0):
            flush()
        if cls != 0:
            segment.append(tok)
        prev_end = e
    flush()
    return out

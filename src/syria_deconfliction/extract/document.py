"""One article's clean text, analysed once: paragraphs, tokens, sentences, lookup by offset.

Every extractor (dates, mentions, quotes, events) takes a ``Document``; none tokenises or
splits sentences itself. Everything here is built in time linear in the text length: the
scanners move forward through the text with compiled patterns and positions, never re-slicing a
prefix or the rest of a line, so a single 5 MB line costs what five thousand short lines cost.

Tokens: one pattern (``TOKEN_RE``) over each paragraph. Its tokens keep a kind: ``ell`` (an
ellipsis, spaced or not), ``acr`` (a dotted acronym, with a hyphenated tail: "U.S.-led"),
``word`` (letters/digits joined by hyphens, apostrophes or inner full stops, with a trailing
possessive apostrophe), ``dash`` and ``punct`` (any other character). Clause rules that want the
parts of a compound ("U.S." and "led", "3" "." "5") read ``parts``: the same tokens with those
compounds divided, derived from the tokens (not a second pass over the text).

Sentences: a full stop, question or exclamation mark (with closing quotes or brackets) followed
by white space ends a sentence when the next word starts with a capital, a digit, a quotation
mark or a bracket, unless the stop belongs to an abbreviation ("Gen.", "Jan."), an initial
("J. Smith") or a dotted acronym followed by a word that cannot open a sentence. A line break
always ends one. The word lists are the lexicon's ``events_abbreviations`` and
``events_sentence_openers``.

Word runs: ``word_runs(text)`` lists every run of word characters with its offset, once per
text, for the lookups by first word (registry forms, surnames, candidate names).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .lexicon import words

__all__ = ["CRUDE_STOP_RE", "Document", "Token", "TOKEN_RE", "word_runs"]

# (every kind starts at a non-space character: the lookahead only rejects white space at once,
# where the engine would try each kind in turn)
TOKEN_RE = re.compile(
    r"(?=\S)(?:"
    r"(?P<ell>\.(?:[ \u00a0]?\.){2}|…)"
    r"|(?P<acr>(?:[A-Za-z]\.){2,}(?:-[A-Za-z]+)*)"
    r"|(?P<word>[^\W_]+(?:[-'’.][^\W_]+)*(?:['’](?![^\W_]))?)"
    r"|(?P<dash>--|—|–)"
    r"|(?P<punct>\S))"
)
# The parts of a compound token: dotted acronym, word (no inner full stop), any other character.
_PART_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*|[^\w\s]")
_LINE_RE = re.compile(r"[^\n]+")
# (each pattern opens with a character class, not a repeat or alternatives, so that the search
# skips to those characters instead of trying every offset)
_END_RE = re.compile(r"[.!?][.!?]*[\"”’')\]]*(?=\s+)")
_NON_SPACE = re.compile(r"\S")
_NEXT_WORD_RE = re.compile(r"[\"“‘'(]*([\w’']+)")
_DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Za-z]\.){2,}$")
_WORD_STOPS = "([\"“‘"  # with white space: what ends the word before a full stop
# a crude sentence stop: "[.!?](?=\s)|\n" (also read by the publication-date rules)
CRUDE_STOP_RE = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s))")


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and tokens are many
class Token:
    start: int
    end: int
    text: str
    low: str  # lower case, curly apostrophe as straight
    kind: str  # ell acr word dash punct
    para: int


class Document:
    """The clean text of one article and its analysis (built once, shared by the extractors)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @classmethod
    def of(cls, text_or_doc: str | Document) -> Document:
        return text_or_doc if isinstance(text_or_doc, Document) else cls(text_or_doc)

    # ------------------------------------------------------------------ paragraphs and tokens

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Non-blank lines without their surrounding white space, as (start, end)."""
        out = []
        text = self.text
        for m in _LINE_RE.finditer(text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
        return out

    @cached_property
    def tokens(self) -> list[Token]:
        text = self.text
        out: list[Token] = []
        # one comprehension per paragraph, no function call per token (tokens are many); the
        # curly apostrophe is replaced only in the paragraphs that hold one
        for pi, (ps, pe) in enumerate(self.paragraphs):
            if text.find("’", ps, pe) < 0:
                out += [Token(m.start(), m.end(), t := m.group(), t.lower(), m.lastgroup, pi)
                        for m in TOKEN_RE.finditer(text, ps, pe)]
            else:
                out += [Token(m.start(), m.end(), t := m.group(), t.lower().replace("’", "'"),
                              m.lastgroup, pi)
                        for m in TOKEN_RE.finditer(text, ps, pe)]
        return out

    @cached_property
    def token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def parts(self) -> list[Token]:
        """The tokens with compounds divided ("U.S.-led" -> "U.S.", "-", "led")."""
        out: list[Token] = []
        for t in self.tokens:
            # a plain word (letters and digits only: one \w+ part) needs no pattern
            if t.kind == "punct" or t.text.isalnum() or _PART_RE.fullmatch(t.text):
                out.append(t)
                continue
            for m in _PART_RE.finditer(t.text):
                s = t.start + m.start()
                out.append(Token(s, s + len(m.group()), m.group(),
                                 m.group().lower().replace("’", "'"), "part", t.para))
        return out

    @cached_property
    def part_starts(self) -> list[int]:
        return [t.start for t in self.parts]

    def parts_in(self, start: int, end: int) -> list[Token]:
        """The parts that start in [start, end)."""
        starts = self.part_starts
        return self.parts[bisect_left(starts, start) : bisect_left(starts, end)]

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.token_starts, offset)

    # ------------------------------------------------------------------ sentences

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans (start, end), white space trimmed, in text order."""
        text = self.text
        spans: list[tuple[int, int]] = []
        for m in _LINE_RE.finditer(text):
            ls, le = m.start(), m.end()
            cut = ls
            for e in _END_RE.finditer(text, ls, le):
                nxt = _NON_SPACE.search(text, e.end(), le)
                if nxt is None:
                    continue
                if not self._is_boundary(ls, e.start(), e.group(), nxt.start(), le):
                    continue
                spans.append(_trim(text, cut, e.end()))
                cut = e.end()
            spans.append(_trim(text, cut, le))
        return [s for s in spans if s[1] > s[0]]

    def _is_boundary(self, line_start: int, punct_at: int, punct: str, nxt: int,
                     line_end: int) -> bool:
        text = self.text
        first = text[nxt]
        if first.islower():
            return False
        if not (first.isupper() or first.isdigit() or first in "\"“‘'([—"):
            return False
        closing = punct.rstrip(".!?") != ""
        if punct.startswith(".") and not closing and not punct.startswith(".."):
            # the word before the stop, back to white space, a bracket or an opening quote
            w0 = punct_at
            while w0 > line_start and not (text[w0 - 1].isspace() or text[w0 - 1] in _WORD_STOPS):
                w0 -= 1
            word = text[w0 : punct_at + 1]
            bare = word.rstrip(".").lower()
            m = _NEXT_WORD_RE.match(text, nxt, line_end)
            nw = m.group(1).lower() if m else ""
            if _DOTTED_ACRONYM_RE.search(word):
                return nw in words("events_sentence_openers")
            stem = word.rstrip(".")
            if len(stem) == 1 and "A" <= stem <= "Z":
                return False  # an initial
            if bare in words("events_abbreviations"):
                return bare == "no" and not first.isdigit()
        return True

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the last one starting before it)."""
        return max(0, bisect_left(self._sentence_starts, offset + 1) - 1)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _e in self.sentences]

    # ------------------------------------------------------------------ crude stops

    @cached_property
    def stops(self) -> list[int]:
        """Ends of any [.!?] before white space and of every line: the crude sentence limits
        the publication-date rules use (no abbreviation handling, by design)."""
        return [m.end() for m in CRUDE_STOP_RE.finditer(self.text)]


_WORD_RUN_RE = re.compile(r"\w+")


@lru_cache(maxsize=2)
def word_runs(text: str) -> tuple[tuple[int, str], ...]:
    """(start, run) of every run of word characters (``\\w+``) in ``text``: read once per text
    for the indexes that look names up by their first word (the mention rules, the guard and
    the candidate rules read the same article one after the other)."""
    return tuple([(m.start(), m.group()) for m in _WORD_RUN_RE.finditer(text)])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

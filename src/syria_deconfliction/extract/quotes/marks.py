"""Structure: paragraphs, quotation marks (open/close by context) and token sentences."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..document import Token
from .model import _MarkQuote
from .vocabulary import (
    _ABBREV,
    _BE,
    _CLOSE_MARKS,
    _DETERMINERS,
    _ELISIONS,
    _OPEN_MARKS,
    _PLACE_TITLE_ABBREV,
    _PREPOSITIONS,
    _PRONOUNS,
    _SENTENCE_STARTERS,
    _STRAIGHT,
    _SUBORD,
)

_WORD_RE = re.compile(r"[^\W_]+")
# where a double mark may stand (a doubled apostrophe first) and where a single one may: the
# scans jump from one to the next instead of stepping through every character in Python
_DOUBLE_CHARS = _OPEN_MARKS + _CLOSE_MARKS + _STRAIGHT
_SINGLE_CHARS = "'‘’"
# ''|[double marks], written to open with a character class: the engine then skips to the
# next candidate character instead of trying the pattern at every position
_DOUBLE_RE = re.compile(f"[{re.escape(_DOUBLE_CHARS)}'](?:(?<=[{re.escape(_DOUBLE_CHARS)}])|')")
_SINGLE_RE = re.compile(f"[{_SINGLE_CHARS}]")
# a single closing mark right after a stop or comma, before white space or the end
_SLIP_CLOSE_RE = re.compile(r"[,.?!]['’](?=\s|$)")
# words that cannot be the noun a plural possessive modifies
_NON_NOUN = _PREPOSITIONS | _DETERMINERS | _PRONOUNS | _SUBORD | _BE | frozenset(
    ["and", "or", "but", "nor", "to", "who", "which", "that"])


class _Cover:
    """Is a position inside one of some closed intervals [a, b]? The intervals merged once,
    then a bisection per position instead of a scan over all of them (a long paragraph with
    many quotations made that quadratic)."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(intervals):
            if b < a:
                continue
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def __call__(self, i: int) -> bool:
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and i <= self.ends[k]


class _Marks:
    """Paragraphs, quotation marks and the extractor's tokens and sentences."""

    # ------------------------------------------------------------------ structure

    def _paragraphs(self) -> list[tuple[int, int]]:
        return self.doc.paragraphs

    def _marks_in(self, s: int, e: int) -> list[tuple[int, str]]:
        """Quotation marks in body[s:e] as (pos, 'o'|'c'): double marks first (a doubled
        apostrophe ``''`` is one double mark), then single-mark pairs outside them."""
        # which mark characters the paragraph holds (str.find: quicker than a pattern scan):
        # none, no marks; no single mark, no pairs of them and no doubled apostrophe either
        held = [c for c in self._mark_chars if self.body.find(c, s, e) >= 0]
        if not held:
            return []
        if not any(c in _SINGLE_CHARS for c in held):
            return self._double_marks(s, e)
        # a double mark is one of the double characters or a doubled apostrophe: without
        # either in the paragraph (only single marks held) there is none to scan for
        doubles = self._double_marks(s, e) if any(c in _DOUBLE_CHARS for c in held) or (
            "'" in held and self.body.find("''", s, e) >= 0) else []
        if doubles and doubles[-1][1] == "o" and self._mark_width.get(doubles[-1][0]) == 2:
            # a doubled apostrophe left open but closed by a single mark after a stop or comma
            # ("''we will stay,' she said": a slip of the keyboard) is one quotation
            o = doubles[-1][0]
            m = _SLIP_CLOSE_RE.search(self.body, o + 2, e)
            if m is not None:
                self._mark_width[m.start() + 1] = 1
                return [*doubles, (m.start() + 1, "c")]
        regions: list[tuple[int, int]] = []
        for j, (pos, kind) in enumerate(doubles):
            if kind == "o":
                end = doubles[j + 1][0] if j + 1 < len(doubles) else e
                regions.append((pos, end))
        singles = self._single_pairs(s, e, regions)
        return sorted(doubles + singles)

    def _double_marks(self, s: int, e: int) -> list[tuple[int, str]]:
        body = self.body
        out: list[tuple[int, str]] = []
        is_open = False
        # style of the open quotation's mark and of a nested one in the other style (a
        # transcript in straight marks quoting a “title” in curly ones): the nested pair is
        # literal text and does not close the outer quotation
        outer, nested = "", ""
        for found in _DOUBLE_RE.finditer(body, s, e):  # each search goes on after the last
            i = found.start()
            ch = body[i]
            width = len(found.group())
            prev = body[i - 1] if i > s else " "
            nxt = body[i + width] if i + width < e else " "
            open_ctx = prev.isspace() or prev in "([{—–-/:"
            close_ctx = nxt.isspace() or nxt in ".,;:!?)]}—–-'’" or nxt in _CLOSE_MARKS
            if width == 2:
                # a doubled apostrophe: a mark only in the context a straight mark needs
                if open_ctx == close_ctx:
                    continue
                kind = "o" if open_ctx else "c"
            elif ch in _OPEN_MARKS:
                kind = "c" if (is_open and close_ctx and not open_ctx) else "o"
            elif ch in _CLOSE_MARKS:
                kind = "o" if (not is_open and open_ctx and not close_ctx) else "c"
            elif open_ctx and not close_ctx:
                kind = "o"
            elif close_ctx and not open_ctx:
                kind = "c"
            else:
                kind = "c" if is_open else "o"
            i += width
            style = "straight" if width == 2 or ch in _STRAIGHT else "curly"
            if kind == "o" and is_open:
                if not nested and style != outer:
                    nested = style
                continue  # a nested double mark: literal
            if kind == "c" and not is_open:
                continue  # stray closing mark
            if kind == "c" and nested:
                closes_nested = style == nested
                nested = ""
                if closes_nested:
                    continue
            is_open = kind == "o"
            outer = style
            out.append((i - width, kind))
            self._mark_width[i - width] = width
        return out

    def _single_pairs(self, s: int, e: int, regions: list[tuple[int, int]]
                      ) -> list[tuple[int, str]]:
        """Single quotation marks ('...' and ‘...’) outside double-marked quotations, paired
        left to right within the paragraph. An apostrophe is not a mark: an opener must follow
        white space or an opening bracket and precede a letter or digit that does not start an
        elision ('em, 'n', '90s); a closer must follow a non-space and precede white space or
        punctuation; an opener left unclosed is no quotation (unlike a double mark)."""
        body = self.body
        opens: list[int] = []
        closes: list[int] = []
        inside = _Cover(regions)
        for found in _SINGLE_RE.finditer(body, s, e):
            i = found.start()
            ch = body[i]
            if inside(i):
                continue
            prev = body[i - 1] if i > s else " "
            nxt = body[i + 1] if i + 1 < e else " "
            if ch in "'‘" and (prev.isspace() or prev in "([{“\"—–/-") and (
                    nxt.isalnum() or nxt in "…$£€") and not self._elision(i + 1, e):
                opens.append(i)
            elif ch in "'’" and not prev.isspace() and not self._elision_end(i, s) and (
                    nxt.isspace() or nxt in ".,;:!?)]}—–-\"”"):
                closes.append(i)
        out: list[tuple[int, str]] = []
        ci = 0
        last_close = -1
        for oi, o in enumerate(opens):
            if o < last_close:
                continue
            while ci < len(closes) and closes[ci] <= o:
                ci += 1
            if ci >= len(closes):
                break
            c = ci
            # a plural possessive ("the Bradleys' house") is an apostrophe when another
            # closer follows before the next opener
            nxt_open = opens[oi + 1] if oi + 1 < len(opens) else e  # opens ascend
            while c + 1 < len(closes) and closes[c + 1] < nxt_open and self._possessive(closes[c]):
                c += 1
            inner = body[o + 1:closes[c]]
            if sum(ch.isalnum() for ch in inner) > 2:
                out += [(o, "o"), (closes[c], "c")]
                self._mark_width[o] = self._mark_width[closes[c]] = 1
                last_close = closes[c]
            ci = c + 1
        return out

    def _elision(self, i: int, e: int) -> bool:
        """Does body[i:] start an elided word ('em, 'n', 'til) or a year ('90s)?"""
        m = _WORD_RE.match(self.body, i, e)
        if m is None:
            return False
        w = m.group().lower()
        return w in _ELISIONS or (len(w) >= 2 and w[:2].isdigit() and (len(w) == 2 or w[2:] == "s"))

    def _possessive(self, c: int) -> bool:
        """An apostrophe after a plural "s" followed by a lower-case content word ("the
        Bradleys' house"; not "the farmers' in", where a function word follows)."""
        body = self.body
        if not (body[c - 1] == "s" and c + 2 < len(body) and body[c + 1] == " " and
                body[c + 2].islower()):
            return False
        m = _WORD_RE.match(body, c + 2)
        return m is not None and m.group() not in _NON_NOUN

    def _elision_end(self, c: int, s: int) -> bool:
        """Is the apostrophe at ``c`` the second one of an elision ("rock 'n' roll")?"""
        w = c
        while w > s and self.body[w - 1].isalnum():
            w -= 1
        return w > s and self.body[w - 1] in "'‘’" and self._elision(w, c)

    def _mark_quotes(self) -> list[_MarkQuote]:
        self._mark_width: dict[int, int] = {}
        self._mark_chars = [c for c in _DOUBLE_CHARS + _SINGLE_CHARS if c in self.body]
        out: list[_MarkQuote] = []
        # one quotation per paragraph: a mark left open runs to its paragraph end; when the
        # next paragraph opens with a mark, that paragraph's quotation continues it (news style
        # for a quotation over several paragraphs) and is a row of its own
        self._continues: dict[int, int] = {}  # open mark of a continuation -> the one it continues
        pending: tuple[int, int] | None = None  # (open_pos, para) of an unclosed quote
        for pi, (ps, pe) in enumerate(self.paras):
            marks = self._marks_in(ps, pe)
            if pending is not None:
                prev_end = self.paras[pi - 1][1]
                out.append(self._mq(pending[0], None, pending[1], pi - 1, prev_end))
                if marks and marks[0] == (ps, "o"):
                    self._continues[ps] = pending[0]
                pending = None
            j = 0
            while j < len(marks):
                pos, kind = marks[j]
                if kind == "o" and j + 1 < len(marks):
                    out.append(self._mq(pos, marks[j + 1][0], pi, pi))
                    j += 2
                elif kind == "o":
                    pending = (pos, pi)
                    j += 1
                else:
                    j += 1
        if pending is not None:
            out.append(self._mq(pending[0], None, pending[1], len(self.paras) - 1,
                                self.paras[-1][1]))
        return [q for q in out if q.inner_end > q.inner_start]

    def _mq(self, open_pos: int, close_pos: int | None, p0: int, p1: int,
            region_end: int | None = None) -> _MarkQuote:
        body = self.body
        end = close_pos if close_pos is not None else (region_end or self.paras[p1][1])
        s, e = open_pos + self._mark_width.get(open_pos, 1), end
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e - s > 1 and body[e - 1] in ".," and body[e - 2] != "." and not (
                body[e - 1] == "." and re.search(r"\.\s?\.\s?\.$", body[s:e])):
            e -= 1
            while e > s and body[e - 1].isspace():
                e -= 1
        return _MarkQuote(open_pos, close_pos, end, s, e, p0, p1)

    def _tokenize(self) -> tuple[list[Token], list[int], list[int]]:
        """The Document's tokens, with every quotation mark a token of its own (kind ``qo`` or
        ``qc``): a closing single mark glued to a word ("farmers'") is cut off and a doubled
        apostrophe ``''`` is one token. Returns the tokens, their starts and for each the index
        of the quotation whose region holds it (``qids``; -1 outside, and for the marks).
        Only the few tokens that hold a mark are rebuilt: the runs between them are the
        Document's own token objects, copied by slices (the Document is the one tokeniser)."""
        dt, ds = self.doc.tokens, self.doc.token_starts
        mark_kind: dict[int, str] = {}
        for q in self.mquotes:
            mark_kind[q.open_pos] = "qo"
            if q.close_pos is not None:
                mark_kind[q.close_pos] = "qc"
        mark_pos = sorted(mark_kind)
        toks: list[Token] = []
        starts: list[int] = []
        done, skip_to, n = 0, -1, len(mark_pos)
        for j in self._tokens_at_marks(mark_pos):
            toks += dt[done:j]
            starts += ds[done:j]
            done = j + 1
            d = dt[j]
            if d.end <= skip_to:
                continue  # taken by a doubled apostrophe that began in the token before
            k = bisect_left(mark_pos, d.start)  # the first mark at or after the token
            if not ((k < n and mark_pos[k] < d.end) or d.start < skip_to):
                toks.append(d)
                starts.append(d.start)
                continue
            pieces, skip_to = self._cut_at_marks(d, mark_pos[k:k + 3], skip_to)
            for s, e, text, low, kind in pieces:
                toks.append(Token(s, e, text, low, mark_kind.get(s, kind), d.para))
                starts.append(s)
        toks += dt[done:]
        starts += ds[done:]
        return toks, starts, self._quote_ids(starts, mark_pos)

    def _tokens_at_marks(self, mark_pos: list[int]) -> list[int]:
        """Indices of the Document's tokens that a mark touches: the token holding it and any
        the mark's width reaches into (a doubled apostrophe over a word's end and a stop)."""
        dt, ds = self.doc.tokens, self.doc.token_starts
        out: set[int] = set()
        for p in mark_pos:
            j = bisect_right(ds, p) - 1
            if j < 0 or dt[j].end <= p:
                j += 1
            out.update(range(j, bisect_left(ds, p + self._mark_width.get(p, 1))))
        return sorted(out)

    def _quote_ids(self, starts: list[int], mark_pos: list[int]) -> list[int]:
        """For each token start, the index of the quotation region it lies strictly inside
        (the last region opening before it; -1 when it has closed), marks excluded. Also sets
        ``_free_at``, _free of every token: outside every region and no mark (by slices over
        the regions, which are runs of the token list, not a test per token)."""
        qids = [-1] * len(starts)
        free = [True] * len(starts)
        regions = sorted((q.open_pos, q.region_end, i) for i, q in enumerate(self.mquotes))
        for r, (o, end, qi) in enumerate(regions):
            lo = bisect_right(starts, o)
            hi = bisect_left(starts, end)
            if r + 1 < len(regions):  # the next region takes over after its opening
                hi = min(hi, bisect_right(starts, regions[r + 1][0]))
            if hi > lo:
                qids[lo:hi] = [qi] * (hi - lo)
                free[lo:hi] = [False] * (hi - lo)
        self._mark_toks: list[int] = []  # the marks' own tokens (kind qo or qc)
        for p in mark_pos:
            k = bisect_left(starts, p)
            if k < len(starts) and starts[k] == p:
                qids[k] = -1
                free[k] = False
                self._mark_toks.append(k)
        self._free_at = free
        return qids

    def _cut_at_marks(self, d: Token, marks: list[int], skip_to: int
                      ) -> tuple[list[tuple[int, int, str, str, str]], int]:
        """Token d cut at the marks among ``marks`` inside it (each mark a piece of its own),
        from ``skip_to`` on (an earlier doubled apostrophe may have taken its start); the
        pieces and the new ``skip_to``."""
        body, width = self.body, self._mark_width
        out: list[tuple[int, int, str, str, str]] = []
        cur = max(d.start, skip_to)
        for p in [p for p in marks if p < d.end]:
            if p > cur:
                piece = body[cur:p]
                out.append((cur, p, piece, piece.lower().replace("’", "'"),
                            "word" if piece[:1].isalnum() else "punct"))
            w = width.get(p, 1)
            out.append((p, p + w, body[p:p + w], body[p:p + w], "punct"))
            cur = p + w
        skip_to = max(skip_to, cur)
        if cur < d.end:
            piece = body[cur:d.end]
            out.append((cur, d.end, piece, piece.lower().replace("’", "'"),
                        "word" if piece[:1].isalnum() else "punct"))
            skip_to = d.end
        return out, skip_to

    def _sentences(self) -> list[tuple[int, int, int]]:
        """Token sentences (a, b, para): a paragraph ends one, and a stop (".", "?", "!", or an
        acronym's) that is no abbreviation's, with its closers, before an opener or a capital.
        Only the stops are visited (listed once), a paragraph's tokens being one run."""
        toks = self.toks
        out: list[tuple[int, int, int]] = []
        stops = self._stop_tokens()
        si, ns = 0, len(stops)
        pa = 0
        for para, (_ps, pe) in enumerate(self.paras):
            pb = bisect_left(self._tok_starts, pe, pa)  # the paragraph's tokens: pa .. pb
            a = pa
            while si < ns and stops[si] < pb:
                c = stops[si]
                si += 1
                if not self._stop_ends_sentence(c):
                    continue
                i = c + 1
                while i < pb and (toks[i].kind == "qc" or (
                        toks[i].kind != "qo" and toks[i].text in ")]'’")):
                    i += 1  # closers after the stop; an opening single mark starts the next
                if i >= pb:
                    break
                nxt = toks[i]
                if nxt.kind == "qo" or nxt.text in "([" or nxt.text[:1].isupper() or \
                        nxt.text[:1].isdigit():
                    out.append((a, i, para))
                    a = i
            while si < ns and stops[si] < pb:
                si += 1  # (stops among the closers of the paragraph's last one)
            if pb > a:
                out.append((a, pb, para))
            pa = pb
        return out

    def _stop_tokens(self) -> list[int]:
        """The indices of the tokens that are a stop (".", "?" or "!") or an acronym, in order.
        Every such token holds one of those characters, so only the tokens at the few
        characters str.find lists are asked (not every token of the article)."""
        toks, starts, body = self.toks, self._tok_starts, self.body
        found: set[int] = set()
        for ch in ".?!":
            pos = body.find(ch)
            while pos >= 0:
                k = bisect_right(starts, pos) - 1  # the token holding the character, if any
                if k >= 0:
                    t = toks[k]
                    if t.kind == "acr" or (t.kind == "punct" and t.text in ".?!"):
                        found.add(k)
                pos = body.find(ch, pos + 1)
        return sorted(found)

    def _stop_ends_sentence(self, c: int) -> bool:
        """Can the stop token c end a sentence (no abbreviation's or initial's full stop, an
        acronym only before a sentence opener)?"""
        toks = self.toks
        t = toks[c]
        i = c + 1
        if t.kind == "acr":
            return self._acr_ends_sentence(i)
        if t.text == "." and i >= 2:
            prev = toks[i - 2]
            if prev.end == t.start and (prev.low in _ABBREV or (
                    len(prev.text) == 1 and prev.text.isupper()) or (
                    prev.low in _PLACE_TITLE_ABBREV and i >= 3
                    and toks[i - 3].text != ",")):
                return False
        return True

    def _acr_ends_sentence(self, i: int) -> bool:
        toks = self.toks
        if i >= len(toks) or toks[i].para != toks[i - 1].para:
            return True
        nxt = toks[i]
        return nxt.kind == "qo" or nxt.low in _SENTENCE_STARTERS and nxt.text[:1].isupper()


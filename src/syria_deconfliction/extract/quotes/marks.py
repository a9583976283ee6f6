"""Structure: paragraphs, quotation marks (open/close by context) and token sentences."""

from __future__ import annotations

import re
from bisect import bisect_left

from .model import _KIND, _MarkQuote, _Tok
from .vocabulary import _ABBREV, _CLOSE_MARKS, _OPEN_MARKS, _SENTENCE_STARTERS, _STRAIGHT


class _Marks:
    """Paragraphs, quotation marks and the extractor's tokens and sentences."""

    # ------------------------------------------------------------------ structure

    def _paragraphs(self) -> list[tuple[int, int]]:
        return self.doc.paragraphs

    def _marks_in(self, s: int, e: int) -> list[tuple[int, str]]:
        """Quotation marks in body[s:e] as (pos, 'o'|'c')."""
        body = self.body
        out: list[tuple[int, str]] = []
        is_open = False
        for i in range(s, e):
            ch = body[i]
            if ch not in _OPEN_MARKS and ch not in _CLOSE_MARKS and ch != _STRAIGHT:
                continue
            prev = body[i - 1] if i > s else " "
            nxt = body[i + 1] if i + 1 < e else " "
            open_ctx = prev.isspace() or prev in "([{—–-/:"
            close_ctx = nxt.isspace() or nxt in ".,;:!?)]}—–-'’" or nxt in _CLOSE_MARKS
            if ch in _OPEN_MARKS:
                kind = "c" if (is_open and close_ctx and not open_ctx) else "o"
            elif ch in _CLOSE_MARKS:
                kind = "o" if (not is_open and open_ctx and not close_ctx) else "c"
            elif open_ctx and not close_ctx:
                kind = "o"
            elif close_ctx and not open_ctx:
                kind = "c"
            else:
                kind = "c" if is_open else "o"
            if kind == "o" and is_open:
                continue  # a nested double mark: literal
            if kind == "c" and not is_open:
                continue  # stray closing mark
            is_open = kind == "o"
            out.append((i, kind))
        return out

    def _mark_quotes(self) -> list[_MarkQuote]:
        out: list[_MarkQuote] = []
        pending: tuple[int, int] | None = None  # (open_pos, first_para) of an unclosed quote
        for pi, (ps, pe) in enumerate(self.paras):
            marks = self._marks_in(ps, pe)
            if pending is not None:
                if marks and marks[0] == (ps, "o"):
                    marks = marks[1:]  # continuation mark
                    if marks and marks[0][1] == "c":
                        out.append(self._mq(pending[0], marks[0][0], pending[1], pi))
                        marks = marks[1:]
                        pending = None
                    else:
                        continue  # still open through this paragraph
                else:
                    prev_end = self.paras[pi - 1][1]
                    out.append(self._mq(pending[0], None, pending[1], pi - 1, prev_end))
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
        s, e = open_pos + 1, end
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

    def _tokenize(self) -> list[_Tok]:
        toks: list[_Tok] = []
        mark_kind: dict[int, str] = {}
        for q in self.mquotes:
            mark_kind[q.open_pos] = "qo"
            if q.close_pos is not None:
                mark_kind[q.close_pos] = "qc"
        regions = sorted((q.open_pos, q.region_end, i) for i, q in enumerate(self.mquotes))
        region_starts = [r[0] for r in regions]
        for d in self.doc.tokens:
            kind = _KIND.get(d.kind, d.kind)
            s = d.start
            if s in mark_kind:
                kind = mark_kind[s]
            t = _Tok(s, d.end, d.text, d.low, kind, d.para)
            if kind not in ("qo", "qc"):
                ri = bisect_left(region_starts, s) - 1
                if ri >= 0 and regions[ri][0] < s < regions[ri][1]:
                    t.qid = regions[ri][2]
            toks.append(t)
        return toks

    def _sentences(self) -> list[tuple[int, int, int]]:
        toks = self.toks
        out: list[tuple[int, int, int]] = []
        i = 0
        n = len(toks)
        while i < n:
            a = i
            para = toks[i].para
            while i < n and toks[i].para == para:
                t = toks[i]
                i += 1
                if t.kind not in ("p", "acr") or (t.kind == "p" and t.text not in ".?!"):
                    continue
                if t.kind == "acr" and not self._acr_ends_sentence(i):
                    continue
                if t.kind == "p" and t.text == "." and i >= 2:
                    prev = toks[i - 2]
                    if prev.end == t.start and (prev.low in _ABBREV or (
                            len(prev.text) == 1 and prev.text.isupper())):
                        continue
                while i < n and toks[i].para == para and (
                        toks[i].kind == "qc" or toks[i].text in ")]'’"):
                    i += 1
                if i >= n or toks[i].para != para:
                    break
                nxt = toks[i]
                if nxt.kind == "qo" or nxt.text in "([" or nxt.text[:1].isupper() or \
                        nxt.text[:1].isdigit():
                    break
            out.append((a, i, para))
        return out

    def _acr_ends_sentence(self, i: int) -> bool:
        toks = self.toks
        if i >= len(toks) or toks[i].para != toks[i - 1].para:
            return True
        nxt = toks[i]
        return nxt.kind == "qo" or nxt.low in _SENTENCE_STARTERS and nxt.text[:1].isupper()


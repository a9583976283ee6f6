"""The subject of a sentence before its verb, for the speaker rules: past an opening phrase, a
dateline, a short adverbial, a quoted title set off by commas, or a role phrase before a name."""

from __future__ import annotations

from .vocabulary import (
    _DETERMINERS,
    _INTRO_START,
    _LEAD_STRIP,
    _LEMMA_OF,
    _PRONOUNS,
    _SUBORD,
)


class _Subjects:
    """Mixin of the quote extractor (extractor.py): reads its tokens and word tests."""

    def _main_subject(self, a: int, e: int) -> tuple[int, int] | None:
        toks = self.toks
        k = self._skip_dateline(a, e)
        while k < e and (toks[k].low in _LEAD_STRIP or toks[k].text == ","):
            k += 1
        if k < e and (toks[k].low in _INTRO_START or (
                toks[k].low.endswith(("ing", "ed")) and self._is_cap(toks[k]))):
            while k < e and not (toks[k].text == "," and (self._free(k) or (
                    k + 1 < e and toks[k + 1].kind == "qc"))):
                k += 1  # (the comma may stand inside marks: 'On “The Morning Show,” X ...')
            k += 1
            if k < e and toks[k].kind == "qc":
                k += 1
            k = self._past_quoted_apposition(k, e)
            if k + 1 < e and toks[k].text.isdigit() and toks[k + 1].text == ",":
                k += 2  # the year of a date: "On July 6, 2015, X ..."
            c = next((m for m in range(k, min(e, k + 6)) if toks[m].text == ","), None)
            if c is not None and c + 1 < e and toks[k].text.islower() and \
                    toks[k].low not in _DETERMINERS and toks[c + 1].low in ("the", "a", "an") \
                    and not any(self._finite_like(m) for m in range(k, c)):
                k = c + 1  # "Following a swiftly called, late-night meeting, the council ..."
        c = None  # the first comma of the next four tokens
        for x in range(k, min(e, k + 4)):
            if toks[x].text == ",":
                c = x
                break
        if c is not None and c > k and c + 1 < e and self._free(c) and (
                toks[c + 1].low in _PRONOUNS or self._is_name_tok(toks[c + 1])) and all(
                toks[x].kind == "word" and not self._finite_like(x) and toks[x].low not in
                _DETERMINERS and (toks[x].text.islower() or toks[x].low.endswith("ly"))
                for x in range(k, c)):
            # "But right now, he is ...", "Ultimately, Mr. X hopes ...": a short adverbial
            # phrase (lower-case words, or an adverb in -ly) before the subject
            k = c + 1
        m = k
        free = self._free_at
        while m < e and m - k < 14:
            t = toks[m]
            if t.text in ",;:" or t.kind in ("qo", "qc", "dash") or not free[m]:
                break
            # (the word test first: _finite_like is pure, the order changes nothing)
            if m > k and (t.low in _LEMMA_OF and t.text.islower() or self._finite_like(m)):
                break
            if t.low in _SUBORD and m > k:
                break
            m += 1
        if m > k and m + 1 < e and toks[m].text == "," and self._free(m):
            # "The city's top prosecutor, Ana Ruiz said ...", "In her book, Harbour Days, Ruiz
            # noted ...": a name right before the finite verb after the comma is the subject
            r = m + 1
            while r < e and r - m <= 4 and self._is_name_tok(toks[r]):
                r += 1
            if r > m + 1 and r < e and self._finite_like(r):
                return m + 1, r
            named = self._set_off_name(m + 1, e)
            if named is not None:
                return named
        return (k, m) if m > k else None

    def _set_off_name(self, a: int, e: int) -> tuple[int, int] | None:
        """'Her rival, businessman Ann Roe, said ...': a name set off by commas after a role
        phrase, with up to three lower-case role words before it, is the subject."""
        toks = self.toks
        n = a
        while n < e and n - a < 3 and toks[n].kind == "word" and toks[n].text.islower() and \
                toks[n].low not in _DETERMINERS and toks[n].low not in _PRONOUNS and \
                toks[n].low not in _SUBORD and not self._finite_like(n):
            n += 1
        r = n
        while r < e and r - n < 4 and self._is_name_tok(toks[r]):
            r += 1
        if r - n >= 2 and r + 1 < e and toks[r].text == "," and self._free(r) and \
                self._finite_like(r + 1):
            return n, r
        return None

    def _past_quoted_apposition(self, k: int, e: int) -> int:
        """'In his book, “Title,” X argued ...': past a quoted apposition (a title set off by
        commas) after the opening phrase, where the subject starts."""
        toks = self.toks
        if k >= e or toks[k].kind != "qo":
            return k
        c = next((m for m in range(k + 1, min(e, k + 14)) if toks[m].kind in ("qo", "qc")), None)
        if c is None or toks[c].kind != "qc":
            return k
        if toks[c - 1].text == ",":
            return c + 1
        return c + 2 if c + 1 < e and toks[c + 1].text == "," else k

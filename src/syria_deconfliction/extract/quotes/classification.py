"""Classification of quotations: designation/scare quote, direct or partial, who governs it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .model import _NP, _Rec, _Speaker
from .vocabulary import (
    _AFTER_QUOTE_ONLY,
    _AS_SPEECH,
    _CLAUSE_VERBS,
    _DESIGNATION_MODIFIERS,
    _DESIGNATION_WORDS,
    _FINITE,
    _FORM_OF,
    _HEADLINE_RUBRICS,
    _LEAD_STRIP,
    _LEMMA_OF,
    _MANNER_VERBS,
    _NAMING_NOUNS,
    _PREPOSITIONS,
)


class _Classification:
    """Quotations in marks: designation or speech, direct or partial, governing record."""

    # ------------------------------------------------------------------ quotations

    def _quote_sent(self, pos: int) -> int:
        """Index of the sentence holding character position ``pos`` (or the one before it)."""
        return max(bisect_right(self._sent_starts, pos) - 1, 0)

    def _tok_at(self, pos: int) -> int:
        """Index of the token starting at ``pos``, else -1."""
        k = bisect_left(self._tok_starts, pos)
        return k if k < len(self._tok_starts) and self._tok_starts[k] == pos else -1

    def _is_designation(self, qi: int, si: int) -> bool:
        q = self.mquotes[qi]
        toks = self.toks
        k = self._tok_at(q.open_pos)
        a = self.sents[si][0]
        prev = [x for x in range(a, k)]
        if not prev:
            return False
        if self._tail_title(k) and any(r.verb < k for r in self.recs[si]):
            # '“...,” X said on Radio Zenda's “Harbour Hour.”', "X told a station's “Morning Show”
            # that ...": a programme's title after the speech verb
            return True
        p1 = toks[prev[-1]]
        if p1.low in _DESIGNATION_WORDS or p1.low in ("as",) and len(prev) >= 2 and \
                toks[prev[-2]].low == "known":
            return True
        if p1.low in _NAMING_NOUNS and len(prev) >= 2 and toks[prev[-2]].low in ("the", "a"):
            return True
        m = len(prev) - 1
        if toks[prev[m]].low in ("a", "an", "the"):
            m -= 1
        if m >= 0 and toks[prev[m]].low == "as":
            # "as a “...”" under a speech act verb of the same clause is the subject's word
            # ("urged X to engage Y as a “partner”"); otherwise it is a designation
            for x in range(m - 1, -1, -1):
                t = toks[prev[x]]
                if t.text in ",;:" or t.kind in ("qo", "qc"):
                    break
                if t.low in _DESIGNATION_WORDS and t.low not in _DESIGNATION_MODIFIERS:
                    # ("described the so-called pact as “...”": "so-called" names the object)
                    return True
                lem = _LEMMA_OF.get(t.low)
                if lem in _AS_SPEECH or (lem is not None and self._verb(prev[x]) is not None):
                    return False
            return True
        return m >= 0 and toks[prev[m]].low in _DESIGNATION_WORDS

    def _closing_attribution(self, qi: int) -> tuple[_Rec, str] | None:
        """A trailing attribution after the quotation, in the sentence holding its closing
        mark ('“...,” X said', '..., according to X')."""
        q = self.mquotes[qi]
        end_si = self._quote_sent(max(q.region_end - 1, q.open_pos))
        for r in self.recs[end_si]:
            if r.kind in ("trailing", "inverted", "according_to") and r.pieces:
                s, e = r.pieces[0]
                how = "according_to" if r.kind == "according_to" else "said_after"
                if self.toks[s].start <= q.open_pos + 1 and q.inner_end <= self.toks[e - 1].end \
                        or (r.boundary is not None and self._quote_before(r.boundary)
                            and self._boundary_quote(r.boundary) == qi):
                    return r, how
                if self.toks[s].start <= q.open_pos < self.toks[e - 1].end:
                    return r, how
        return None

    def _governing(self, qi: int, si: int, kopen: int) -> tuple[_Rec | None, str]:
        q = self.mquotes[qi]
        recs = self.recs[si]
        cands = [r for r in recs if r.verb < kopen and r.scope is not None
                 and r.scope[0] <= kopen < r.scope[1] + 1 and not r.source_only
                 and r.kind not in ("trailing", "inverted", "bare")]
        # an inner verb whose subject cannot speak ("X said the protests demand “...”") does
        # not take the quotation from the speaker whose clause holds it
        speaking = [r for r in cands if r.np is None or r.kind != "governing"
                    or self._can_speak(*r.np)]
        cands = speaking or cands
        if cands:
            best = max(cands, key=lambda r: (r.scope[0] if r.scope else 0, r.verb))
            prev = self.toks[kopen - 1] if kopen > 0 else None
            if prev is not None and prev.text == ":" and \
                    (after := self._closing_attribution(qi)) is not None:
                # 'The statement noted what it said ...: “...,” the union wrote.': the
                # attribution closing the quotation names its speaker
                return after
            how = "colon" if prev is not None and prev.text == ":" else (
                "parenthetical" if best.kind == "parenthetical" else "said_before")
            if best.kind == "according_to":
                how = "according_to"
            if best.kind in ("what_said", "passive"):
                how = best.kind
            return best, how
        # after the quote, in the sentence holding the closing mark
        after = self._closing_attribution(qi)
        if after is not None:
            return after
        end_si = self._quote_sent(max(q.region_end - 1, q.open_pos))
        # '“A,” X said during a rally, “B.”': the record introducing B also closes A
        kclose = self._tok_at(q.close_pos) if q.close_pos is not None else -1
        if kclose >= 0:
            for r in self.recs[end_si]:
                if r.intro in ("comma_quote", "colon") and r.np is not None and \
                        r.np[0] > kclose and all(t.text == "," for t in
                                                  self.toks[kclose + 1:r.np[0]]):
                    return r, "said_after"
        # split quotation: '“A,” he said, “B.”'
        for r in reversed(recs):
            if r.verb < kopen and r.kind in ("trailing", "inverted", "bare") and \
                    not self._tail_title(kopen):
                # (a conjunction or adverb may join the halves: '“A,” X said, and still “B”')
                gap = [t for t in self.toks[(r.tail_end or r.verb + 1):kopen]
                       if t.text not in "," and t.low not in _LEAD_STRIP]
                if not gap:
                    return r, "said_before"
        # 'X said:' closing the previous paragraph introduces a quotation opening this one
        a = self.sents[si][0]
        if kopen == a and si > 0 and self.sents[si - 1][2] != self.sents[si][2]:
            pa, pb, _ = self.sents[si - 1]
            if self.toks[pb - 1].text == ":":
                prev = [r for r in self.recs[si - 1] if (
                    r.lemma in _CLAUSE_VERBS or r.lemma in _MANNER_VERBS
                    or r.lemma in _AFTER_QUOTE_ONLY)
                        and not r.source_only and r.verb < pb - 1]
                if prev:
                    return prev[-1], "colon"
                subj = self._colon_subject(si - 1, pb - 1)
                if subj is not None:
                    return subj, "colon"
        dash = self._dash_name(si, kopen)
        if dash is not None:
            return dash, "colon"
        if kopen > a and self.toks[kopen - 1].text == ":" and not any(
                r.verb < kopen for r in recs):
            subj = self._colon_subject(si, kopen - 1)
            if subj is not None:
                return subj, "colon"
        return None, ""

    def _dash_name(self, si: int, kopen: int) -> _Rec | None:
        """'... including X -- “...” -- and Y': words in marks set off by dashes right after
        a named person are that person's."""
        toks = self.toks
        a = self.sents[si][0]
        d = kopen - 1
        if d <= a or not (toks[d].kind == "dash" or toks[d].text in ("--", "―", "—", "–")):
            return None
        k = d
        while k > a and self._is_name_tok(toks[k - 1]):
            k -= 1
        if k == d:
            return None
        np = self._analyze_np(k, d)
        if np is None or not (np.is_named and np.is_person):
            return None
        return _Rec(si, d, None, "forward", np=(k, d))

    def _colon_subject(self, si: int, colon: int) -> _Rec | None:
        """A sentence that introduces a quotation with a colon but no speech verb ("X made
        the following comment:", "X posted this on Twitter:"): its main subject speaks when it
        is a named person or he/she."""
        a = self.sents[si][0]
        ms = self._main_subject(a, colon)
        if ms is None:
            return None
        np = self._analyze_np(*ms)
        if np is None or not (np.is_named and np.is_person or np.pronoun in ("he", "she")):
            return None
        return _Rec(si, ms[1], None, "forward", np=ms)

    def _tail_title(self, kopen: int) -> bool:
        """Is the quotation a title after a preposition or possessive ("said on Radio
        Zenda's “Harbour Hour”"), part of an attribution's tail rather than a split quote?"""
        prev = self.toks[kopen - 1].low if kopen > 0 else ""
        q = self.mquotes[self._quote_at(self.toks[kopen].start)]
        return (prev in _PREPOSITIONS or prev.endswith(("'s", "’s"))) and \
            self._work_title(q.inner_start, q.inner_end)

    def _boundary_quote(self, bidx: int) -> int:
        t = self.toks[bidx]
        if t.kind != "qc":
            t = self.toks[bidx - 1]
        for qi, q in enumerate(self.mquotes):
            if q.close_pos == t.start:
                return qi
        return -1

    def _colon_np(self, si: int, kopen: int) -> _NP | None:
        a = self.sents[si][0]
        if self._headline(self.sents[si][2]):
            # a headline "X: ... ‘...’": the name before the colon opening it speaks
            c = next((k for k in range(a + 1, min(kopen, a + 5)) if self.toks[k].text == ":"),
                     None)
            if c is not None and c < kopen - 1:
                np = self._analyze_np(a, c)
                # (not a rubric such as "Analysis:" or "Update:")
                if np is not None and not np.role and np.text.lower() not in _HEADLINE_RUBRICS:
                    return np
            if (after := self._headline_name_after(si, kopen)) is not None:
                return after
        if kopen - 1 <= a or self.toks[kopen - 1].text != ":":
            return None
        if kopen - 1 - a > 6:
            return None
        return self._analyze_np(a, kopen - 1)

    def _interrupted(self, qi: int, si: int) -> bool:
        """Is the quotation one part of an utterance an attribution interrupts ("“A,” X
        said, “B.”", "“A,” said X, “B.”"): the first part opens the sentence, a speech
        verb stands between the parts, a comma before the second?"""
        toks = self.toks
        a, b, _ = self.sents[si]
        for j in (qi - 1, qi + 1):
            if not 0 <= j < len(self.mquotes):
                continue
            first, second = sorted((self.mquotes[j], self.mquotes[qi]), key=lambda m: m.open_pos)
            if first.close_pos is None:
                continue
            k_open, kc, ko = (self._tok_at(first.open_pos), self._tok_at(first.close_pos),
                              self._tok_at(second.open_pos))
            if not (a <= k_open and kc < ko < b and 3 <= ko - kc <= 10) or \
                    toks[ko - 1].text != "," or \
                    any(toks[x].kind != "punct" for x in range(a, k_open)):
                continue
            if any(kc < r.verb < ko for r in self.recs[si]):
                return True
        return False

    def _headline_name_after(self, si: int, kopen: int) -> _NP | None:
        """A headline "‘...’: X vows ..." or "“...”: X": the quotation opens the headline and
        the named subject after its colon speaks."""
        a, b, _ = self.sents[si]
        qi = self._quote_by_open.get(self.toks[kopen].start)
        if kopen != a or qi is None or self.mquotes[qi].close_pos is None:
            return None
        c = self._tok_at(self.mquotes[qi].close_pos) + 1
        if c >= b or self.toks[c].text != ":":
            return None
        e = next((k for k in range(c + 2, b) if self._finite_like(k)
                  or self.toks[k].text in ",;:" or self.toks[k].kind in ("qo", "dash")), b)
        np = self._analyze_np(c + 1, e) if e > c + 1 else None
        return np if np is not None and np.is_named else None

    def _quote_type(self, qi: int, si: int, kopen: int, rec: _Rec | None) -> str:
        q = self.mquotes[qi]
        toks = self.toks
        a, b, _ = self.sents[si]
        k0 = bisect_left(self._tok_starts, q.inner_start)
        k1 = bisect_left(self._tok_starts, q.inner_end)
        # words in more than one sentence: the first and the last word's sentences differ
        # (sent_of_tok ascends with the tokens)
        first = next((k for k in range(k0, k1) if toks[k].kind == "word"), None)
        if first is not None:
            last = next(k for k in range(k1 - 1, first - 1, -1) if toks[k].kind == "word")
            if self.sent_of_tok[first] != self.sent_of_tok[last]:
                return "direct"
        if self._interrupted(qi, si):
            return "direct"
        before = [toks[x] for x in range(a, kopen)]
        starts = not before or (before[-1].text == ":") or (
            before[-1].text == "," and len(before) >= 2 and (_LEMMA_OF.get(before[-2].low)
                                                             in _CLAUSE_VERBS | _AFTER_QUOTE_ONLY))
        if not starts and before and before[-1].text == "," and len(before) <= 6 and not any(
                self._finite_like(x) for x in range(a, kopen)) and before[0].low not in ("and",):
            starts = rec is None or rec.kind in ("trailing", "inverted") or rec.verb > kopen
        if not starts and not self._that_clause_quote(kopen, k0):
            return "partial"
        end_si = self._quote_sent(max(q.region_end - 1, q.open_pos))
        ea, eb, _ = self.sents[end_si]
        kclose = bisect_left(self._tok_starts, q.region_end, ea, eb)  # (eb when none)
        rest = [t for t in toks[kclose:eb] if t.kind != "qc"]
        if all(t.kind == "punct" and t.text in ".,?!;" for t in rest):
            return "direct"
        lows = [t.low for t in rest[:3]]
        if lows[:1] == [":"] and self._headline_name_after(si, kopen) is not None:
            return "direct"  # a headline "‘...’: X vows ...": the words stand as X's
        if lows[:2] == ["and", "that"] or lows == [",", "and", "that"]:
            return "direct"  # 'said that “A” and that ...': the next reported clause follows
        for r in self.recs[end_si]:
            if r.kind in ("trailing", "inverted") and r.boundary is not None and \
                    r.boundary >= kclose - 1 and r.boundary <= kclose + 1:
                return "direct"
        return "partial"

    def _that_clause_quote(self, kopen: int, k0: int) -> bool:
        """Do the marks open the reported clause right after "that" ('said that “...”'), so
        that they hold its subject and finite verb (a whole utterance, not a fragment)?"""
        toks = self.toks
        if kopen < 2 or toks[kopen - 1].low != "that" or not self._free(kopen - 1):
            return False
        if k0 >= len(toks) or toks[k0].kind != "word":
            return k0 < len(toks) and toks[k0].text == "["  # "[the US] was notified ..."
        first = toks[k0].low
        return not (first in _FINITE or first in ("not", "never") or first.endswith("n't")
                    or _FORM_OF.get(first) is not None)

    def _next_bare(self, qi: int) -> _Rec | None:
        q = self.mquotes[qi]
        end_si = self._quote_sent(max(q.region_end - 1, q.open_pos))
        nsi = end_si + 1
        if nsi >= len(self.sents):
            return None
        if self.sents[nsi][2] != self.sents[end_si][2] and \
                self.toks[self.sents[end_si][1] - 1].end < self.paras[self.sents[end_si][2]][1]:
            return None
        if self.sents[nsi][2] != self.sents[end_si][2] and end_si > 0 and \
                self.sents[end_si - 1][2] == self.sents[end_si][2] and any(
                h.sent == end_si - 1 and h.kind == "speaker" for h in self.hist):
            return None  # '“A,” said X. “B.” ¶ Y said ...': B goes on X's turn
        bares = [r for r in self.recs[nsi] if r.kind == "bare"]
        return bares[0] if bares else None

    def _previous_speaker(self, si: int, kopen: int) -> _Speaker | None:
        a, _b, para = self.sents[si]
        if si == 0:
            return None
        psi = si - 1
        # a quotation opening its paragraph (after at most a short introduction) takes the
        # speaker of the last sentence of the previous paragraph
        if self.sents[psi][2] != para and kopen - a > 6:
            return None
        cands = [h for h in self.hist if h.sent == psi and h.kind == "speaker"]
        if cands:
            return cands[-1].sp
        # '“A,” X said. He gave no details. “B.”': across one sentence of the same paragraph
        # whose subject is that speaker (or none), the speaker goes on
        if psi == 0 or self.sents[psi][2] != para or self.sents[psi - 1][2] != para:
            return None
        earlier = [h for h in self.hist if h.sent == psi - 1 and h.kind == "speaker"]
        if not earlier:
            return None
        sp = earlier[-1].sp
        subj = [h.sp for h in self.hist if h.sent == psi and h.kind == "subject"]
        if subj and (subj[-1].mention is None or sp.mention is None or
                     subj[-1].mention.split()[-1] != sp.mention.split()[-1]):
            return None
        return sp


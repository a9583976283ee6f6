"""Attribution: speech-verb records, their subjects and reported content spans."""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress, count

from .model import _Rec
from .vocabulary import (
    _ADVERBIAL_SUBORD,
    _AFTER_QUOTE_ONLY,
    _AS_IDIOM_VERBS,
    _AS_SPEECH,
    _BARE_VERBS,
    _BE,
    _CLAIM_NOUNS,
    _CLAUSE_VERBS,
    _CUT_AFTER_CONJ,
    _CUT_NEG_VERBS,
    _DETERMINERS,
    _FINITE,
    _FORM_OF,
    _GOVERNING_VERBS,
    _HEAD_TYPES,
    _INTRO_START,
    _INVERTED_VERBS,
    _LEAD_STRIP,
    _LEMMA_OF,
    _MANNER_VERBS,
    _NON_CLAUSE_START,
    _OBJ_VERBS,
    _PARTICLE_OF,
    _PASSIVE_SPEECH,
    _PERSON_ROLE_NOUNS,
    _PRE_VERB_SKIP,
    _PREPOSITIONS,
    _PRONOUNS,
    _TAIL_SUBORD,
    _TIME_LEAD,
    _TIME_WORDS,
    _TRAILING_VERBS,
)

# the words a record can start at: a speech verb's form and the idioms' first words
_CUES = frozenset(_LEMMA_OF) | {"according", "as", "what"}
# the cue words of the idiom rules (_according_to, _as_put_it, _what_said, _passive): the
# only cues those rules act on
_RULE_CUES = frozenset({"according", "as", "what"} | {
    w for w, lemma in _LEMMA_OF.items() if lemma in _PASSIVE_SPEECH and _FORM_OF[w] == "past"})
# the words _cut tests (a conjunction before a new clause, "while" before a new subject)
_CUT_WORDS = frozenset(["and", "but", "while", "whereas"])


class _Attribution:
    """Speech verbs as records: who says, what is said (content spans), nested reports."""

    # ------------------------------------------------------------------ records

    def find_records(self) -> None:
        toks = self.toks
        # every record starts at a cue word (a speech verb's form, "according", "as",
        # "what"): listed once, so the rules below visit those tokens only, in text order
        lows = self._lows
        cue_at = list(compress(count(), map(_CUES.__contains__, lows)))
        # the cues the four idiom rules act on ("according", "as", "what", a past form of a
        # passive speech verb): each rule visits those only, so a sentence without one
        # skips them all
        rule_at = [i for i in cue_at if lows[i] in _RULE_CUES]
        for si, (a, b, _p) in enumerate(self.sents):
            e = self._sent_end(a, b)
            cues = cue_at[bisect_left(cue_at, a):bisect_left(cue_at, e)]
            if not cues:
                continue  # every rule below starts at a cue (self.recs[si] stays empty)
            recs: list[_Rec] = []
            used: set[int] = set()
            rcues = rule_at[bisect_left(rule_at, a):bisect_left(rule_at, e)]
            if rcues:
                self._according_to(si, a, e, recs, used, rcues)
                self._as_put_it(si, a, e, recs, used, rcues)
                self._what_said(si, a, e, recs, used, rcues)
                self._passive(si, a, e, recs, used, rcues)
            for i in cues:
                # only a speech verb's form can be one (the test _verb starts with, first)
                if toks[i].low not in _LEMMA_OF or i in used:
                    continue
                v = self._verb(i)
                if v is None:
                    continue
                rec = self._record(si, a, e, i, v[0], v[1])
                if rec is not None:
                    recs.append(rec)
            recs.sort(key=lambda r: r.verb)
            self.recs[si] = recs
            self._contents(si, a, e)

    def _sent_end(self, a: int, b: int) -> int:
        """End token index without final punctuation (keeps closing marks)."""
        e = b
        while e > a and self.toks[e - 1].kind in ("punct",) and self.toks[e - 1].text in ".?!)]":
            e -= 1
        return e

    def _according_to(self, si: int, a: int, e: int, recs: list[_Rec], used: set[int],
                      cues: list[int]) -> None:
        toks = self.toks
        for i in cues:  # the cue words of a..e
            if i < e - 1 and toks[i].low == "according" and toks[i + 1].low == "to" \
                    and self._free(i):
                k = i + 2
                while k < e and toks[k].text not in ",;" and toks[k].kind not in ("qo", "qc"):
                    k += 1
                rec = _Rec(si, i, None, "according_to", np=(i + 2, k))
                if i > a and toks[i - 1].text == ",":
                    rec.pieces = [(a, i - 1)]
                elif k + 1 < e and toks[k].text == ",":
                    c = k + 1
                    if toks[c].low in ("a", "an", "the"):
                        # "According to X, a monitoring group, ...": X's apposition
                        m = c
                        while m < e and toks[m].text not in ",;" and toks[m].kind != "qo" \
                                and not self._finite_like(m):
                            m += 1
                        if m + 1 < e and toks[m].text == ",":
                            c = m + 1
                    rec.pieces = [(c, e)]
                    rec.scope = (c, e)
                else:
                    continue
                if rec.scope is None:
                    rec.scope = rec.pieces[0]
                recs.append(rec)
                used.update((i, i + 1))

    def _as_put_it(self, si: int, a: int, e: int, recs: list[_Rec], used: set[int],
                   cues: list[int]) -> None:
        """'As X put it, “...”', 'As X, a tax lawyer, recently put it in a statement, ...': the
        idiom names X as the speaker of the words in marks after it (or before it, when it
        closes the sentence)."""
        toks = self.toks
        for i in cues:  # the cue words of a..e
            if i >= e - 2 or toks[i].low != "as" or not self._free(i):
                continue
            put = next((k for k in range(i + 2, min(e - 1, i + 30))
                        if toks[k].low == "put" and toks[k + 1].low == "it"
                        or self._as_idiom_verb(i, k)), None)
            if put is None or any(toks[k].kind in ("qo", "qc") or self._finite_like(k)
                                  for k in range(i + 1, put)):
                continue
            comma = next((k for k in range(put + 1, e) if toks[k].text in ",:"), None)
            # '... a “...,” as X put it.': the idiom closing the sentence, the marks before it
            closing = toks[put].low == "put" and i > a and (
                toks[i - 1].text == "," or toks[i - 1].kind == "qc") and all(
                toks[k].kind != "word" for k in range(put + 2, e))
            if comma is None and not closing:
                continue
            # the name before an apposition ("As X, a tax lawyer, recently put it")
            end = next((k for k in range(i + 1, put) if toks[k].text == ","), put)
            np = (i + 1, end)
            if comma is None:
                recs.append(_Rec(si, put, "put", "trailing", np=np, pieces=[(a, i)],
                                 boundary=i - 1))
            else:
                recs.append(_Rec(si, put, "put", "governing", np=np, scope=(comma + 1, e)))
            used.update((put, put + 1))

    def _as_idiom_verb(self, i: int, k: int) -> bool:
        """'Yet, as X observed, ...': token k a past or present speech verb of the idiom
        (lexicon quotes_as_idiom_verbs) right before a comma, its "as" (token i) opening a
        clause (not "such as", "as well as")."""
        toks = self.toks
        return toks[k].text.islower() and _FORM_OF.get(toks[k].low) in ("past", "3sg") and \
            _LEMMA_OF.get(toks[k].low) in _AS_IDIOM_VERBS and k + 1 < len(toks) and \
            toks[k + 1].text == "," and (i == self.sents[self.sent_of_tok[i]][0] or toks[
                i - 1].text == "," or toks[i - 1].low in ("and", "but", "yet", "so")) and \
            toks[i + 1].low not in _PREPOSITIONS and all(
                toks[x].text != "," for x in range(i + 1, k))  # not "As for X, he said,"

    def _passive(self, si: int, a: int, e: int, recs: list[_Rec], used: set[int],
                 cues: list[int]) -> None:
        """'The talks were described as ...': a characterisation reported in the passive.

        The content is the phrase after "as" up to the next comma; the speaker is the agent
        of "by X" when there is one, else nobody."""
        toks = self.toks
        for i in cues:  # the cue words of a..e
            if not a < i < e - 1:
                continue
            t = toks[i]
            lemma = _LEMMA_OF.get(t.low)
            if lemma not in _PASSIVE_SPEECH or _FORM_OF[t.low] != "past" or not self._free(i):
                continue
            j = i - 1
            while j > a and toks[j].low in _PRE_VERB_SKIP:
                j -= 1
            if toks[j].low not in _BE:
                continue
            k = i + 1
            agent = None
            if toks[k].low == "by":
                m = k + 1
                while m < e and toks[m].low != "as" and toks[m].text not in ",;" and m - k < 10:
                    m += 1
                if m >= e or toks[m].low != "as":
                    continue
                agent, k = (k + 1, m), m
            if toks[k].low != "as" or k + 1 >= e:
                continue
            pieces = self._cut(k + 1, e, set(), set(), True)
            if not pieces:
                continue
            ps, pe = pieces[0]
            if agent is None:
                # "... as “a disaster” by aid workers": an agent closing the phrase
                by = [m for m in range(ps + 1, pe) if toks[m].low == "by" and self._free(m)]
                if by and by[-1] + 1 < pe and not toks[by[-1] - 1].low.endswith(("ed", "en")) \
                        and not any(self._finite_like(m) for m in range(by[-1] + 1, pe)):
                    agent, pe = (by[-1] + 1, pe), by[-1]
            recs.append(_Rec(si, i, lemma, "passive", np=agent, pieces=[(ps, pe)],
                             scope=(ps, pe)))
            used.add(i)

    def _what_said(self, si: int, a: int, e: int, recs: list[_Rec], used: set[int],
                   cues: list[int]) -> None:
        toks = self.toks
        for i in cues:  # the cue words of a..e
            if toks[i].low != "what" or not self._free(i):
                continue
            for k in range(i + 2, min(i + 6, e)):
                low = toks[k].low
                lemma = _LEMMA_OF.get(low)
                if lemma is None or _FORM_OF[low] not in ("past", "3sg"):
                    continue
                if lemma not in _CLAUSE_VERBS and lemma not in _AS_SPEECH:
                    break
                c = k + 1
                if c < e and toks[c].low == "as":
                    c += 1
                if c < e and toks[c].low in _BE:
                    c += 1
                end = c
                while end < e and not (toks[end].text in ",;" and self._free(end)):
                    end += 1
                cut = self._cut(c, end, set(), set(), False) if end > c else []
                end = cut[0][1] if cut else c
                if end > c:
                    rec = _Rec(si, k, lemma, "what_said", np=(i + 1, k), pieces=[(c, end)],
                               scope=(c, end))
                    recs.append(rec)
                    used.add(k)
                break

    def _record(self, si: int, a: int, e: int, i: int, lemma: str, form: str) -> _Rec | None:
        toks = self.toks
        if form == "ing":
            if toks[i - 1].low == "as":  # "X was quoted as saying", "X quoted Y as saying"
                q = i - 2
                while q > a and toks[q].low != "quoted":
                    q -= 1
                if q > a and toks[q - 1].low in _BE:
                    st, np = self._left_np(q - 1, a)
                    np = np if st == "np" else None
                    rec = _Rec(si, i, lemma, "participle", np=np)
                    return self._quoted_as_trailing(rec, np, a, e)
                st, src = self._left_np(q, a)
                rec = _Rec(si, i, lemma, "participle", np=(q + 1, i - 1) if i - 1 > q + 1
                           else None)
                rec.source = src if st == "np" else None
                return self._quoted_as_trailing(rec, rec.source, a, e)
            if i - 1 > a and self._named_before_participle(i):
                # "footage of X asking, “...”": the name before the participle speaks
                k = i - 1
                while k - 1 >= a and self._is_name_tok(toks[k - 1]):
                    k -= 1
                return _Rec(si, i, lemma, "participle", np=(k, i))
            return _Rec(si, i, lemma, "participle")
        state, np = self._left_np(i, a)
        if state == "relative" and np is not None:
            # "The pilot, who said he had ejected, appeared ...": the relative clause's antecedent
            st2, np2 = self._left_np(np[0], a)
            if st2 != "np" or np2 is None:
                return None
            return _Rec(si, i, lemma, "forward", np=self._appositive_head(np2, a),
                        relative=True)
        if state == "coord":
            return _Rec(si, i, lemma, "coord")
        if state == "comma":
            bidx = np[0] if np else i - 1
            rn = self._right_np(i + 1, e)
            content_before = bidx > a
            if rn is not None and content_before and lemma in _INVERTED_VERBS and \
                    (lemma == "say" or self._can_speak(*rn[0]) or rn[1] is not None) and \
                    self._content_before_ok(a, bidx):
                if lemma in _AFTER_QUOTE_ONLY and not self._quote_before(bidx):
                    return None
                rec = _Rec(si, i, lemma, "inverted", np=rn[0], appos=rn[1], boundary=bidx)
                rec.tail_end = e
                return rec
            # appositive: "X, chief of ..., told"
            subj, appos = self._appositive_subject(a, bidx)
            if subj is None:
                return None
            sb = subj[0] - 1
            tail_ok, tail_end = self._is_tail(i + 1, e)
            if sb >= a and (toks[sb].text == "," or toks[sb].kind == "qc") and tail_ok and \
                    lemma in _TRAILING_VERBS and self._content_before_ok(a, sb) and \
                    self._forward_start(i, lemma, e) is None:
                # '“...,” the envoy, Geir Pedersen, told the BBC.'
                return _Rec(si, i, lemma, "trailing", np=subj, appos=appos, boundary=sb,
                            tail_end=tail_end)
            if sb < a and tail_ok and lemma in _TRAILING_VERBS and self._bare_tail(i + 1, e) \
                    and self._forward_start(i, lemma, e) is None:
                # '“...!” Her aide, Ana Ruiz, shouted to the crowd.': an appositive subject
                # and its verb alone in the sentence after the quotation
                return _Rec(si, i, lemma, "bare", np=subj, appos=appos, tail_end=tail_end)
            return _Rec(si, i, lemma, "forward", np=subj, appos=appos)
        if state != "np" or np is None:
            return None
        k0 = np[0]
        bidx = k0 - 1
        tail_ok, tail_end = self._is_tail(i + 1, e)
        has_boundary = bidx >= a and (toks[bidx].text == "," or toks[bidx].kind == "qc")
        if has_boundary and tail_ok and lemma in _TRAILING_VERBS and self._content_before_ok(a,
                                                                                    bidx):
            if lemma in _AFTER_QUOTE_ONLY and not self._quote_before(bidx):
                return None
            rec = _Rec(si, i, lemma, "trailing", np=np, boundary=bidx, tail_end=tail_end)
            return rec
        if has_boundary and toks[bidx].text == "," and i + 1 < e and toks[i + 1].text == "," \
                and not (i + 2 < e and (toks[i + 2].kind == "qo" or self._speech_participle(i + 2)
                                        or toks[i + 2].low.endswith("ing"))) \
                and self._left_is_subject(a, bidx):
            return _Rec(si, i, lemma, "parenthetical", np=np, boundary=bidx)
        if bidx < a and tail_ok and lemma in _TRAILING_VERBS and \
                self._forward_start(i, lemma, e) is None:
            return _Rec(si, i, lemma, "bare", np=np, tail_end=tail_end)
        if lemma == "continue" and self._forward_start(i, lemma, e) is None:
            return None  # "we must continue to push ...": no speech without words in marks
        return _Rec(si, i, lemma, "forward", np=np)

    def _quoted_as_trailing(self, rec: _Rec, first: tuple[int, int] | None, a: int,
                            e: int) -> _Rec:
        """'“...,” the minister was quoted as saying.', '“...,” Tass quoted X as saying.':
        after the quotation, the attribution that begins at ``first`` trails it."""
        if first is None:
            return rec
        sb = first[0] - 1
        tail_ok, tail_end = self._is_tail(rec.verb + 1, e)
        if sb >= a and (self.toks[sb].text == "," or self.toks[sb].kind == "qc") and tail_ok \
                and self._content_before_ok(a, sb):
            rec.kind, rec.boundary, rec.tail_end = "trailing", sb, tail_end
        return rec

    def _bare_tail(self, s: int, e: int) -> bool:
        """Does the sentence end at token s, or go on with a prepositional phrase only ("to
        the crowd")? (Not a clause without "that": "said parents want ...".)"""
        toks = self.toks
        if s >= e or toks[s].kind != "word":
            return True
        return toks[s].low in _PREPOSITIONS and not any(
            self._finite_like(k) for k in range(s + 1, e))

    def _appositive_head(self, np: tuple[int, int], a: int) -> tuple[int, int]:
        """'X, now the majority leader, who said ...': when the antecedent of "who" is an
        unnamed description in apposition to a named person, the person is the speaker."""
        toks = self.toks
        s, e = np
        while s < e and toks[s].low in _LEAD_STRIP:
            s += 1
        desc = self._analyze_np(s, e)
        if desc is None or desc.is_named or not desc.role or np[0] - 1 <= a or \
                toks[np[0] - 1].text != ",":
            return np
        c = np[0] - 1
        k = c
        while k > a and not (self._finite_like(k - 1) or toks[k - 1].low in _PREPOSITIONS
                             or toks[k - 1].text in ",;:" or toks[k - 1].kind in ("qo", "qc")):
            k -= 1
        name = self._analyze_np(k, c) if k < c else None
        return (k, c) if name is not None and name.is_named and name.is_person else np

    def _can_speak(self, a: int, b: int) -> bool:
        np = self._analyze_np(a, b)
        if np is None:
            return False
        if np.pronoun or np.is_person or not np.role:
            return True
        return np.head in _PERSON_ROLE_NOUNS or np.head in _HEAD_TYPES

    def _quote_before(self, bidx: int) -> bool:
        t = self.toks[bidx]
        return t.kind == "qc" or (bidx > 0 and self.toks[bidx - 1].kind == "qc")

    def _content_before_ok(self, a: int, bidx: int) -> bool:
        if self._quote_before(bidx):
            return True
        if self.toks[a].kind == "qo":
            # '“...” for criminal behavior, she said.': a quotation opening the sentence and a
            # few words of the writer's (no comma) before the attribution's comma
            close = next((k for k in range(a + 1, bidx) if self.toks[k].kind == "qc"), None)
            if close is not None and 0 < bidx - close - 1 <= 6 and not any(
                    self.toks[k].text in ",;:" for k in range(close + 1, bidx)):
                return True
        words = [k for k in range(a, bidx) if self.toks[k].kind == "word"]
        return len(words) >= 3 and any(self._finite_like(k) for k in range(a, bidx))

    def _left_is_subject(self, a: int, bidx: int) -> bool:
        k = a
        while k < bidx and self.toks[k].low in _LEAD_STRIP:
            k += 1
        # the subject of the main clause ("The US, Mr Carter said, is ..."), or a leading
        # prepositional phrase ("During his years in office, X said, ...")
        limit = 14 if self.toks[k].low in _PREPOSITIONS else 8
        return 0 < bidx - k <= limit and not any(self._finite_like(x) for x in range(k, bidx))

    def _appositive_subject(self, a: int, bidx: int
                            ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        toks = self.toks
        commas = [k for k in range(bidx - 1, a - 1, -1) if toks[k].text == "," and self._free(k)]
        for c in commas[:3]:
            st, np = self._left_np(c, a)
            if st != "np" or np is None:
                continue
            if self._analyze_np(*np) is None:
                continue
            first = toks[c + 1] if c + 1 < bidx else None
            if first is None:
                continue
            appos = None
            if first.low in ("a", "an", "the") or (first.text.islower() and first.low not in (
                    "who", "which", "whose") and not first.low.endswith(("ing", "ed"))) or (
                    self._is_cap(first) and first.low not in _INTRO_START):
                appos = (c + 1, bidx)
            return np, appos
        return None, None

    def _forward_start(self, i: int, lemma: str, e: int) -> tuple[str, int] | None:
        toks = self.toks
        j = i + 2 if lemma in _PARTICLE_OF else i + 1  # past the particle: "pointed out"
        if j >= e:
            return None
        if lemma not in _CLAUSE_VERBS and lemma not in _MANNER_VERBS:
            # "X continued, “...”", "X asked: “...”": words in marks after a comma or colon
            if lemma in _AFTER_QUOTE_ONLY and j + 1 < e and toks[j + 1].kind == "qo" and \
                    toks[j].text in ",:":
                return ("colon" if toks[j].text == ":" else "comma_quote"), j + 1
            return None
        if toks[j].text == ":":
            return ("colon", j + 1) if j + 1 < e else None
        if toks[j].text == "," and j + 1 < e and toks[j + 1].kind == "qo":
            return "comma_quote", j + 1
        tail = self._tail_to_quote(j, e)
        if tail is not None:
            return tail  # "X said during a rally in Y, “...”", "X says of Y: “...”"
        if lemma in _MANNER_VERBS:
            return None  # words in marks only, introduced by a colon or a comma
        if lemma in _OBJ_VERBS:
            for k in range(j, min(e, j + 30)):
                t = toks[k]
                if not self._free(k) and t.kind != "qo":
                    break
                if t.low == "that" and k > j - 1:
                    return "that", k + 1
                if t.text == ":":
                    return "colon", k + 1
                if t.text == "," and k + 1 < e and toks[k + 1].kind == "qo" and k > j:
                    return "comma_quote", k + 1
                if t.text == ";" or t.kind == "qo":
                    break
            if lemma == "tell":
                k = self._audience(j, e)
                if k is not None:
                    k = self._skip_time(k, e)
                    if k < e and toks[k].low not in _NON_CLAUSE_START and self._clause_ok(k, e):
                        return "bare", k
            return None
        k = self._skip_time(j, e)
        if k >= e:
            return None
        if toks[k].low == "that":
            return "that", k + 1
        if toks[k].text == ":":
            return "colon", k + 1
        at_least = toks[k].low == "at" and k + 1 < e and toks[k + 1].low in ("least", "most")
        if toks[k].low in _PREPOSITIONS and not at_least:
            for m in range(k, min(e, k + 14)):
                if toks[m].text in ",;" or toks[m].kind in ("qo", "qc"):
                    break
                if toks[m].low == "that":
                    return "that", m + 1
                if toks[m].text == ":":
                    return "colon", m + 1
            return None
        if lemma in _BARE_VERBS and (toks[k].low not in _NON_CLAUSE_START or at_least) and \
                toks[k].text not in ",;:" and self._clause_ok(k, e):
            return "bare", k
        return None

    def _tail_to_quote(self, j: int, e: int) -> tuple[str, int] | None:
        """A short adverbial tail after the verb (a preposition and its phrase, a time) that
        ends in a comma or colon right before a quotation."""
        toks = self.toks
        if j >= e or not (toks[j].low in _PREPOSITIONS or toks[j].low in _TIME_WORDS):
            return None
        for k in range(j + 1, min(e - 1, j + 14)):
            t = toks[k]
            if t.kind in ("qo", "qc") or t.text == ";" or t.low == "that" or \
                    self._finite_like(k):
                return None
            if t.text in ",:" and toks[k + 1].kind == "qo":
                return ("colon" if t.text == ":" else "comma_quote"), k + 1
        return None

    def _audience(self, j: int, e: int) -> int | None:
        toks = self.toks
        if j >= e:
            return None
        if toks[j].low in ("reporters", "journalists", "lawmakers", "parliament", "legislators"):
            return j + 1
        if toks[j].low in _DETERMINERS:
            # "told the forum he was ...": a short common-noun audience, then the clause's
            # subject pronoun
            for m in range(j + 1, min(e, j + 4)):
                if toks[m].low in _PRONOUNS and m > j + 1:
                    return m
                if toks[m].kind != "word" or not toks[m].text.islower():
                    break
        k = j
        if toks[k].low == "the" and k + 1 < e:
            k += 1
        m = k
        while m < e and m - k < 4 and self._is_cap(toks[m]):
            m += 1
        return m if m > k else None

    def _skip_time(self, k: int, e: int) -> int:
        toks = self.toks
        while k < e:
            low = toks[k].low
            lead = low in _TIME_LEAD and k + 1 < e and (toks[k + 1].low in _TIME_WORDS or (
                toks[k + 1].low in _TIME_LEAD and k + 2 < e and toks[k + 2].low in _TIME_WORDS))
            if low in _TIME_WORDS or lead:
                k += 1
            else:
                break
        return k

    def _clause_ok(self, k: int, e: int) -> bool:
        words = 0
        for m in range(k, min(e, k + 25)):
            if self.toks[m].kind == "qo":
                # the predicate is quoted: 'claim our work “discredits...”', 'said the tax
                # breaks used by the rich “do nothing ...”' (a subject opening with a
                # determiner may hold a prepositional phrase)
                nxt = self.toks[m + 1].low if m + 1 < len(self.toks) else ""
                det = self.toks[k].low in _DETERMINERS and (nxt in _FINITE or nxt.endswith(
                    "n't"))  # ... and the quotation opens with a finite verb
                return 1 <= words <= (10 if det else 5) and (det or not any(
                    self.toks[x].low in _PREPOSITIONS for x in range(k, m)))
            if self.toks[m].text in ";":
                break
            if self.toks[m].kind == "word":
                words += 1
            if m > k and self._finite_like(m):
                return words >= 2
        return False

    # ------------------------------------------------------------------ content spans

    def _contents(self, si: int, a: int, e: int) -> None:
        toks = self.toks
        recs = self.recs[si]
        if not recs:
            return  # (every step below is about a record)
        trailing_bounds = {r.boundary for r in recs if r.kind in ("trailing", "inverted")
                           and r.boundary is not None}
        np_starts = {r.np[0] for r in recs if r.np is not None}
        for r in recs:
            if r.kind in ("trailing", "inverted"):
                assert r.boundary is not None
                s = self._skip_dateline(a, r.boundary)
                while s < r.boundary and (toks[s].low in _LEAD_STRIP or toks[s].text == ","):
                    s += 1
                r.pieces = [(s, r.boundary)]
                r.scope = (a, r.boundary + 1)
                r.statement = self._mentions_statement(r.verb, r.tail_end or e)
                continue
            if r.kind == "parenthetical":
                assert r.np is not None
                r.pieces = [(a, e)]
                r.scope = (a, e)
                continue
            if r.kind in ("according_to", "what_said", "bare", "passive"):
                continue
            fs = self._forward_start(r.verb, r.lemma or "", e)
            subordinate = r.relative or (r.np is not None and r.np[0] > a and toks[
                r.np[0] - 1].low in ("while", "whereas", "although", "though", "because", "if",
                                     "since", "as"))
            if fs is None:
                if r.lemma in _GOVERNING_VERBS:
                    if r.kind == "forward":
                        r.kind = "governing"
                    end = self._cut(r.verb + 1, e, trailing_bounds, np_starts, subordinate)
                    r.scope = (r.verb + 1, end[-1][1] if end else e)
                continue
            r.intro, start = fs
            if r.intro == "comma_quote":
                q = toks[start]
                qi = self._quote_at(q.start)
                r.pieces = []
                r.scope = (start, self._quote_end_tok(qi, e))
                continue
            self._direct_after = -1
            pieces = self._cut(start, e, trailing_bounds, np_starts, subordinate)
            r.pieces = pieces
            r.scope = (start, pieces[-1][1]) if pieces else (start, start)
            if self._direct_after >= 0:
                qi = self._quote_at(toks[self._direct_after].start)
                r.scope = (start, self._quote_end_tok(qi, e))
            r.statement = self._mentions_statement(a, r.verb + 1) or self._mentions_statement(
                r.verb, start)

    def _skip_dateline(self, a: int, e: int) -> int:
        """'WASHINGTON (AP) — ...' at a paragraph start: the dateline is not reported speech."""
        toks = self.toks
        if a == 0 or toks[a - 1].para != toks[a].para:
            for k in range(a, min(e, a + 10)):
                t = toks[k]
                if t.kind == "dash" or t.text == "-":
                    return k + 1 if k > a else a
                if t.kind == "word" and not (
                        t.text.isupper() or t.text in ("AP", "Reuters", "AFP")) \
                        and not (k > a and toks[k - 1].text in "(,") :
                    break
        return a

    def _mentions_statement(self, s: int, e: int) -> bool:
        if "statement" not in self._lows[s:e]:
            return False  # (the word at all first: a list search in C)
        return any(self.toks[k].low == "statement" and self._free(k) for k in range(s, e))

    def _quote_at(self, pos: int) -> int:
        return self._quote_by_open.get(pos, -1)

    def _quote_end_tok(self, qi: int, e: int) -> int:
        q = self.mquotes[qi]
        k = bisect_left(self._tok_starts, q.region_end)
        if k >= len(self.toks):
            return e
        return k + 1 if self.toks[k].kind == "qc" else k

    def _cut(self, s: int, e: int, trailing_bounds: set[int | None], np_starts: set[int],
             subordinate: bool) -> list[tuple[int, int]]:
        toks = self.toks
        free = self._free_at
        pieces: list[tuple[int, int]] = []
        cur = s
        end = e
        k = s
        while k < e:
            t = toks[k]
            if t.kind == "word" and t.low not in _CUT_WORDS and k not in trailing_bounds:
                k += 1  # a plain word: every test below is about a mark, punctuation or
                continue  # one of _CUT_WORDS
            if t.kind == "qo":
                prev = toks[k - 1] if k > 0 else None
                if prev is not None and k > cur and (prev.text == ":" or (
                        prev.text == "," and k >= 2 and _LEMMA_OF.get(toks[k - 2].low)
                        in _CLAUSE_VERBS)):
                    end = k - 1
                    self._direct_after = k
                    break
            if k in trailing_bounds:
                end = k + 1 if t.kind == "qc" else k
                break
            if not free[k]:
                k += 1
                continue
            if t.text == ";":
                end = k
                break
            if t.text == "," and k + 2 < e and toks[k + 1].low in ("and", "but") and \
                    toks[k + 2].low == "that" and k > cur:
                pieces.append((cur, k))  # ", and that ...": the next reported clause
                cur = k = k + 3
                continue
            if t.kind == "dash" and k > cur and k + 1 < e and toks[k + 1].low in ("a", "an"):
                end = k  # "... – a figure that could not be verified": the writer's comment
                break
            if t.text == "," and k + 1 < e and self._speech_participle(k + 1):
                end = k
                break
            if t.text == "," and k + 2 < e and toks[k + 1].low in ("a", "an") and \
                    toks[k + 2].low in _CLAIM_NOUNS:
                end = k  # "..., a claim denied by state media"
                break
            if subordinate and t.text == "," and k > cur:
                end = k
                break
            if t.low in ("and", "but") and k > cur:
                look = k + 1
                while look < e and toks[look].low in ("also", "then", "later", ","):
                    look += 1
                if look < e:
                    nl = toks[look].low
                    lem = _LEMMA_OF.get(nl)
                    if (lem is not None and _FORM_OF[nl] in ("past", "3sg")) or \
                            nl in _CUT_AFTER_CONJ or (
                            nl in ("did", "would", "could", "does", "didn't", "wouldn't")
                            and self._neg_behaviour(look, e)):
                        end = k
                        break
            if t.low in ("while", "whereas") and k > cur and k + 1 in np_starts:
                end = k
                break
            k += 1
        pieces.append((cur, end))
        out = []
        for ps, pe in pieces:
            while pe > ps and (toks[pe - 1].text in ",;:.—–-" or toks[pe - 1].kind == "dash"
                               or toks[pe - 1].low in ("and", "but", "or")):
                pe -= 1
            while ps < pe and toks[ps].low == "that":
                ps += 1
            if pe > ps:
                out.append((ps, pe))
        return out

    def _clause_subject_before(self, r: _Rec, floor: int | None) -> tuple[int, int] | None:
        """'X called Y a “...” after she attacked ... and blamed it on “...”': a speech verb
        coordinated inside an adverbial clause (after, because, when ...) shares that clause's
        subject, a pronoun or name right after the subordinator, not the main clause's."""
        toks = self.toks
        a = self.sents[r.sent][0]
        lo = max(a, floor + 1) if floor is not None else a
        for k in range(r.verb - 2, lo - 1, -1):
            t = toks[k]
            if t.kind in ("qo", "qc") or t.text in ";:":
                return None
            if t.low in _ADVERBIAL_SUBORD or t.low in _TAIL_SUBORD:
                s = k + 1
                if s < r.verb and toks[s].low in _PRONOUNS and toks[s].low not in ("it", "that"):
                    return s, s + 1
                n = s
                while n < r.verb and self._is_name_tok(toks[n]):
                    n += 1
                return (s, n) if n > s and n < r.verb and self._finite_like(n) else None
        return None

    def _neg_behaviour(self, look: int, e: int) -> bool:
        toks = self.toks
        m = look + 1
        if toks[look].low in ("did", "would", "could", "does"):
            if m >= e or toks[m].low not in ("not", "n't"):
                return False
            m += 1
        return m < e and toks[m].low in _CUT_NEG_VERBS

    # ------------------------------------------------------------------ nesting / sources

    def link_records(self) -> None:
        for recs in self.recs:
            content = [r for r in recs if r.pieces]
            for outer in recs:
                if outer.kind not in ("trailing", "inverted", "according_to") or not outer.pieces:
                    continue
                s, e = outer.pieces[0]
                inner = [r for r in recs if r is not outer and s <= r.verb < e
                         and r.kind not in ("bare",) and (r.pieces or self._scope_has_quote(r))]
                if inner:
                    outer.source_only = True
                    for r in inner:
                        r.source = outer.np
            for r in content:
                if r.source_only:
                    continue
                for o in content:
                    if o is r or o.source_only or o.kind not in ("forward", "coord", "participle",
                                                               "parenthetical"):
                        continue
                    if any(ps <= r.verb < pe for ps, pe in o.pieces) and o.verb < r.verb:
                        r.nested = True
            for r in recs:
                if r.kind in ("participle", "coord"):
                    prev = [o for o in recs if o.verb < r.verb
                            and o.kind not in ("bare", "what_said") and not o.relative
                            and (o.np is not None or o.parent is not None)]
                    if not prev:
                        prev = [o for o in recs if o.kind in ("trailing", "inverted")
                                and o.verb < r.verb]
                    if prev:
                        r.parent = prev[-1]
                    if r.kind == "coord" and r.np is None:
                        r.np = self._clause_subject_before(r, prev[-1].verb if prev else None)


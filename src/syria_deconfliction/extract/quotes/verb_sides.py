"""The phrases either side of a speech verb: its subject to the left, its speaker to the
right, and whether the words after a quotation are only an attribution's tail."""

from __future__ import annotations

from bisect import bisect_left

from .phrases import _FINITE_BE, _NAME_WORD
from .vocabulary import (
    _CLAIM_NOUNS,
    _DETERMINERS,
    _FINITE,
    _FORM_OF,
    _LEMMA_OF,
    _NON_CLAUSE_START,
    _PERSON_ROLE_NOUNS,
    _PRE_VERB_SKIP,
    _PREPOSITIONS,
    _PRONOUNS,
    _SUBORD,
    _TAIL_SUBORD,
    _TRAILING_VERBS,
)

# the words _is_tail tests (besides a participle in -ing): "that", a subordinator, a finite
# verb, a speech verb's form
_TAIL_TESTED = frozenset(["that"]) | _TAIL_SUBORD | _FINITE | frozenset(_FORM_OF)


class _VerbSides:
    """Left and right noun phrases of speech verbs (a mixin of _Extractor)."""

    def _left_np(self, i: int, a: int) -> tuple[str, tuple[int, int] | None]:
        """Subject of the verb at token i within sentence starting at token a."""
        toks = self.toks
        j = i - 1
        if _FORM_OF.get(toks[i].low) == "ing" and j >= a and toks[j].low in _FINITE_BE:
            j -= 1  # progressive: "X is telling"
        while j >= a and ((toks[j].low in _PRE_VERB_SKIP and not self._given_name_surname(j)) or (
                toks[j].kind == "word" and toks[j].text.islower() and toks[j].low.endswith("ly")
                and len(toks[j].low) > 4) or (
                toks[j].low == "since" and j > a and toks[j - 1].low in ("has", "have", "had"))):
            j -= 1
        if j < a:
            return "start", None
        j = self._skip_aside(j, a)
        w = next((x for x in range(j - 1, max(a, j - 4) - 1, -1)
                  if toks[x].low in ("who", "which")), None)
        if w is not None and self._strip_time_tail(w + 1, j + 1) == w + 1:
            j = w  # "X, who in 2010 said ...": a time phrase between the relative and its verb
        t = toks[j]
        if t.low in ("and", "but", "or"):
            return "coord", None
        if t.kind == "qc" or t.text == ",":
            return "comma", (j, j)
        if t.low in ("who", "which") and j - 1 >= a and toks[j - 1].text == ",":
            return "relative", (j - 1, j - 1)
        if t.kind in ("punct", "dash", "qo", "ell") or t.low in _SUBORD or not self._free(j):
            return "none", None
        if t.low in _PRONOUNS or self._bare(t.low) in _PRONOUNS:
            return "np", (j, j + 1)  # "a goal they describe as ...": the pronoun is the subject
        k = j
        while k - 1 >= a:
            u = toks[k - 1]
            if u.kind in ("qo", "qc", "dash", "ell") or u.text in ",;:()[]―" or \
                    u.low in _SUBORD or not self._free(k - 1):
                break  # (a horizontal bar "―" is a dash the tokenizer leaves as punctuation)
            if u.low in ("and", "or", "but") and self._segment_finite(a, k - 1):
                break
            k -= 1
            if j - k > 16:
                return "none", None
        return "np", (k, j + 1)

    def _skip_aside(self, j: int, a: int) -> int:
        """Step back over an aside between a name and its verb: a short bracket
        ("X (D-Ore.) said", "X (R) said") or an age between commas ("X, 25, said")."""
        toks = self.toks
        if toks[j].text == ")":
            o = next((x for x in range(j - 1, max(a, j - 6) - 1, -1) if toks[x].text == "("), -1)
            if o > a and self._is_cap(toks[o - 1]):
                return o - 1
        if toks[j].text == "," and j - 2 > a and toks[j - 1].text.isdigit() and \
                toks[j - 2].text == "," and self._is_cap(toks[j - 3]):
            return j - 3
        return j

    def _segment_finite(self, a: int, e: int) -> bool:
        k = e - 1
        while k >= a and self.toks[k].text not in ",;:" and self.toks[k].low not in _SUBORD:
            if self._finite_like(k) or _FORM_OF.get(self.toks[k].low) in ("past", "3sg"):
                return True
            k -= 1
        return False

    def _right_np(self, s: int, e: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """An inverted subject after the verb: 'said NP' or 'said NP, APPOSITIVE'."""
        toks = self.toks
        if s >= e:
            return None
        k = s
        while k < e and toks[k].text not in ",;:" and toks[k].kind not in ("qo", "qc"):
            k += 1
        # a bracketed party, state or other aside after the name: "said X (D-Ore.)"
        np_end = next((x for x in range(s + 1, k) if toks[x].text == "("), k)
        if k == s or np_end - s > 10 or toks[s].low in _NON_CLAUSE_START or \
                toks[s].low == "that":
            return None
        if any(self._finite_like(x) or toks[x].low == "that" for x in range(s, np_end)):
            return None
        first = toks[s]
        if not (self._is_cap(first) or first.low in _DETERMINERS or first.low in _PRONOUNS):
            # "said former mayor X", "said one union source": a lower-case modifier first
            np = self._analyze_np(s, np_end)
            if np is None or not (np.is_person and (np.is_named or np.head in
                                                    _PERSON_ROLE_NOUNS)):
                return None
        if k >= e or toks[k].text != ",":
            return ((s, np_end), None) if k >= e or toks[k].text in ";:" else None
        m = k + 1
        while m < e and toks[m].text not in ";" and toks[m].kind not in ("qo",):
            m += 1
        if m > k + 1 and (toks[k + 1].low in ("who", "which", "whose") or (
                toks[k + 1].text.islower() and toks[k + 1].low.endswith("ing"))):
            # "said X, who met ...", "said X, summing up ...": a clause, no description
            return (s, np_end), None
        # an appositive may end in a relative clause: "said X, a farmer who chairs ..."
        rel = next((x for x in range(k + 2, m) if toks[x].low in ("who", "which", "whose",
                                                                   "whom")), m)
        if any(self._finite_like(x) or toks[x].low == "that" for x in range(k + 1, rel)):
            return (s, np_end), None  # a clause after the comma, no description
        return (s, np_end), (k + 1, rel) if rel > k + 1 else None

    def _work_title(self, s: int, e: int) -> bool:
        """Are body[s:e] the words of a title in title case (up to eight words, the first and
        every word of four letters or more capitalised: "Lights of the Harbour")?"""
        ws = _NAME_WORD.findall(self.body[s:e])
        return 0 < len(ws) <= 8 and ws[0][0].isupper() and all(
            w[0].isupper() for w in ws if len(w) >= 4)

    def _is_tail(self, s: int, e: int) -> tuple[bool, int]:
        """Is toks[s:e] only the rest of an attribution (PPs, times, object, participle)?"""
        toks = self.toks
        k = s
        while k < e:
            t = toks[k]
            if t.kind == "word" and t.low not in _TAIL_TESTED and not t.low.endswith("ing"):
                k += 1  # a plain word: every test below is about punctuation, a mark, a
                continue  # participle in -ing or a word of _TAIL_TESTED
            n = k + 1
            while t.text == "," and n < e - 1 and toks[n].low in ("not", "never", "even"):
                n += 1  # "..., X said, not even needing to ..."
            if t.text == "," and n < e and (toks[n].low.endswith("ing") and toks[
                    n].text.islower() or toks[n].low in ("and", "but")):
                return True, k  # "..., X said, adding ...", "..., X said, and still “...”"
            if t.text == "," and k + 2 < e and toks[k + 1].low in ("a", "an") and \
                    toks[k + 2].low in _CLAIM_NOUNS:
                return True, k  # "..., X said, a claim denied by ..."
            if t.text == "," and k + 1 < e and (toks[k + 1].low in ("who", "which", "where") or (
                    k + 2 < e and toks[k + 1].low in _PREPOSITIONS
                    and toks[k + 2].low in ("which", "whom"))):
                return True, k  # "..., she said of the vote, in which ...": a relative clause
            if t.kind == "qo" and k > s and (toks[k - 1].low in _PREPOSITIONS or toks[
                    k - 1].low.endswith(("'s", "’s"))):
                # a title in marks after a preposition or possessive ("said on Radio Zenda's
                # “Harbour Hour”"): part of the attribution's tail
                q = self.mquotes[self._quote_at(t.start)]
                if q.close_pos is not None and self._work_title(q.inner_start, q.inner_end):
                    k = bisect_left(self._tok_starts, q.close_pos) + 1
                    continue
            if t.kind in ("qo",) or t.text in ";:":
                return False, k
            if k > s and k + 1 < e and toks[k + 1].low == "that" and t.text.islower() and \
                    t.low.endswith("ing") and toks[k - 1].kind == "word" and \
                    toks[k - 1].low not in _PREPOSITIONS and toks[k - 1].low not in _DETERMINERS:
                return True, k  # "she said at a briefing announcing that ...": the noun's own
            if t.low == "that":
                return False, k
            if t.low in _TAIL_SUBORD:
                return True, e  # "he said when asked about ..."
            if t.kind == "word" and (t.low in _FINITE or (
                    _FORM_OF.get(t.low) in ("past", "3sg") and t.text.islower()
                    and t.low in _LEMMA_OF and _LEMMA_OF[t.low] in _TRAILING_VERBS
                    # after a preposition or determiner it is a noun ("in remarks carried by")
                    and toks[k - 1].low not in _PREPOSITIONS
                    and toks[k - 1].low not in _DETERMINERS)):
                return False, k
            k += 1
        return True, e

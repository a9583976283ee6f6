"""Word classes, person names and noun phrases (the speaker candidates)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import compress
from operator import attrgetter
from typing import TypeVar

from ..document import Token
from .model import _NP, SpeakerHint
from .vocabulary import (
    _ADDRESSEES,
    _AS_SPEECH,
    _BE,
    _CLAIM_NOUNS,
    _CLAUSE_VERBS,
    _DETERMINERS,
    _DOC_NOUNS,
    _FEMALE_FIRST_NAMES,
    _FINITE,
    _FORM_OF,
    _HEAD_TYPES,
    _HONORIFICS,
    _IRREGULAR_PAST,
    _LEAD_STRIP,
    _LEMMA_OF,
    _MALE_FIRST_NAMES,
    _ORG_WORDS,
    _PARTICIPLE_LEADS,
    _PARTICLE_OF,
    _PARTICLES,
    _PERSON_ROLE_NOUNS,
    _PLURAL_COLLECTIVES,
    _PRE_VERB_SKIP,
    _PREPOSITIONS,
    _PRONOUNS,
    _SUBORD,
    _TIME_LEAD,
    _TIME_WORDS,
    _TITLE_MODIFIERS,
    _TITLE_WORDS,
)

_V = TypeVar("_V")
_PARTICLE_CAP = re.compile(r"[a-z]{1,3}-[A-Z]")  # "al-Assad": a lower-case particle, a name
_POSSESSIVE_ENDS = ("'s", "’s")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SHORT_HONORIFICS = ("mr", "mrs", "ms", "dr")  # before a name, they make it a surname
# finite forms of "be" that make a progressive speech verb ("is telling", "were claiming")
_FINITE_BE = _BE - frozenset(["be", "been", "being"])


class _TextTest(dict[str, _V]):
    """A pure function of a token's text, kept per distinct text (the same words recur in
    every article): a dict lookup per token instead of string methods. The lookups give what
    the function gives; ``bound`` empties a table grown too big (memory stays flat on any
    corpus)."""

    LIMIT = 200_000

    def __init__(self, test: Callable[[str], _V]) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, text: str) -> _V:
        value = self[text] = self.test(text)
        return value

    def bound(self) -> None:
        if len(self) > self.LIMIT:
            self.clear()


def _name_text(text: str) -> bool:
    """Is a word of this text a name token (capitalised, or "al-Assad"; not an acronym of up
    to five capitals, no digits unless all letters)?"""
    if not (text[:1].isupper() or _PARTICLE_CAP.match(text)):
        return False
    bare = text[:-2] if text.endswith(_POSSESSIVE_ENDS) else text
    if bare.isupper() and len(bare) <= 5:
        return False
    return bare.isalpha() or not any(ch.isdigit() for ch in bare)


def _cap_text(text: str) -> bool:
    """Does a word or acronym of this text read as capitalised ("al-Assad" too)?"""
    return text[:1].isupper() or bool(_PARTICLE_CAP.match(text))


def _bare_text(text: str) -> str:
    # tokens and words hold no line break, so this is re.sub(r"['’]s$", "", text)
    return text[:-2] if text.endswith(_POSSESSIVE_ENDS) else text


_NAME_TEXT = _TextTest(_name_text)


# _finite_like's tests of a word's own lower-case text, as bits
_F_FINITE = 1  # a finite word or a negated one ("n't")
_F_PAST = 2  # finite unless after a determiner: irregular past, past or 3sg form, -ed past
_F_AFTER_PRON = 4  # finite right after they/we/I/you ("they hold")
_F_3SG_S = 8  # a present tense in -s, finite after he/she/it or a name


def _finite_class(low: str) -> int:
    if low in _FINITE or low.endswith("n't"):
        return _F_FINITE
    cls = 0
    if low in _IRREGULAR_PAST or _FORM_OF.get(low) in ("past", "3sg") or (
            len(low) > 4 and low.endswith("ed") and low not in (
                "need", "speed", "indeed", "hundred", "armed")):
        cls |= _F_PAST
    if low.isalpha() and not low.endswith("ly") and low not in _PREPOSITIONS \
            and low not in _DETERMINERS and low not in _SUBORD and low not in _PRE_VERB_SKIP \
            and low not in ("and", "or", "but", "all", "both"):
        cls |= _F_AFTER_PRON
    if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
        cls |= _F_3SG_S
    return cls


# _finite_like's tests of the lower-case text of the word before, as bits
_P_DET = 1  # a determiner or a possessive: the word after it is no verb
_P_PLURAL_PRON = 2  # they, we, I, you
_P_SINGULAR_PRON = 4  # he, she, it, who, which


def _prev_class(low: str) -> int:
    return (_P_DET if low in _DETERMINERS or low.endswith("'s") else 0) | (
        _P_PLURAL_PRON if low in ("they", "we", "i", "you") else 0) | (
        _P_SINGULAR_PRON if low in ("he", "she", "it", "who", "which") else 0)


_FINITE_CLASS = _TextTest(_finite_class)
_PREV_CLASS = _TextTest(_prev_class)
# is a token of this low text a title word, its stops aside ("sen." -> "sen")?
_TITLE_LOW = _TextTest(lambda low: low.rstrip(".") in _TITLE_WORDS)
# may a token of this low text lead a name (a particle "al", an honorific "Mr" before one)?
_NAME_LEAD_LOW = _TextTest(lambda low: low in _PARTICLES or low.rstrip(".") in _SHORT_HONORIFICS)
_CAP_TEXT = _TextTest(_cap_text)
_BARE_TEXT = _TextTest(_bare_text)


class _Phrases:
    """Word classes, person names and noun phrases."""

    # ------------------------------------------------------------------ word classes

    def _free(self, i: int) -> bool:
        """Is token i outside every quotation and no mark? (Read from the list made once.)"""
        return self._free_at[i]

    def _is_cap(self, t: Token) -> bool:
        return t.kind in ("word", "acr") and _CAP_TEXT[t.text]

    def _is_name_tok(self, t: Token) -> bool:
        return t.kind == "word" and _NAME_TEXT[t.text]

    def _given_name_surname(self, k: int) -> bool:
        """Is token k a capitalised word right after a common given name ("Theresa May",
        "Ann March")? It is a surname, not the modal or month its lower case would be."""
        t = self.toks[k]
        if k == 0 or t.kind != "word" or not t.text[:1].isupper() or t.text.isupper():
            return False
        prev = self.toks[k - 1]
        return prev.kind == "word" and prev.end < t.start and prev.text[:1].isupper() and (
            prev.low in _MALE_FIRST_NAMES or prev.low in _FEMALE_FIRST_NAMES)

    def _finite_like(self, i: int) -> bool:
        """Is token i a finite verb by its form and the word before it? (The tests of a word's
        own text are read once per distinct text from _FINITE_CLASS, those of the word before
        from _PREV_CLASS: the rule is the plain one in _finite_class and _prev_class.)"""
        t = self.toks[i]
        if t.kind != "word" or self.qids[i] >= 0:
            return False
        cls = _FINITE_CLASS[t.low]
        if cls & _F_FINITE:
            return t.text.islower() or not self._given_name_surname(i)
        if not cls or not t.text.islower():
            return False  # (no rule below holds of this word)
        if i == 0:
            return bool(cls & _F_PAST)  # (no word before: not after a determiner)
        prev = self.toks[i - 1]
        pcls = _PREV_CLASS[prev.low]
        after_det = pcls & _P_DET
        if cls & _F_PAST and not after_det:
            return True  # an irregular past, a past or 3sg form, or a regular past in -ed
        if cls & _F_AFTER_PRON and pcls & _P_PLURAL_PRON and self.qids[i - 1] < 0:
            return True  # "they hold": a present tense verb after a subject pronoun
        # (qids[i] is -1 here: "the same quotation region" is outside every one)
        return bool(cls & _F_3SG_S and (pcls & _P_SINGULAR_PRON or (
            not after_det and self._is_name_tok(prev) and not self._sentence_initial(i - 1))))

    def _sentence_initial(self, k: int) -> bool:
        if not getattr(self, "sent_of_tok", None):
            return self.toks[k].start == self.paras[self.toks[k].para][0]
        return self.sents[self.sent_of_tok[k]][0] == k

    def _strict_finite(self, k: int) -> bool:
        low = self.toks[k].low
        return self.toks[k].kind == "word" and (low in _FINITE or low.endswith("n't")) and (
            self.toks[k].text.islower() or not self._given_name_surname(k))

    def _verb(self, i: int) -> tuple[str, str] | None:
        """(lemma, form) when token i is used as a speech verb here."""
        t = self.toks[i]
        if t.kind != "word" or not self._free(i) or not t.text.islower():
            return None
        lemma = _LEMMA_OF.get(t.low)
        if lemma is None:
            return None
        if lemma in _PARTICLE_OF and (i + 1 >= len(self.toks)
                                      or self.toks[i + 1].low != _PARTICLE_OF[lemma]):
            return None  # "pointed to the map": no speech without the particle
        form = _FORM_OF[t.low]
        j = i - 1
        while j >= 0 and self.toks[j].para == t.para and (
                self.toks[j].low in _PRE_VERB_SKIP or (
                    self.toks[j].low == "since" and j > 0
                    and self.toks[j - 1].low in ("has", "have", "had"))):
            j -= 1
        prev = self.toks[j] if j >= 0 and self.toks[j].para == t.para else None
        plow = prev.low if prev else ""
        if plow in _BE and form in ("past", "base"):
            return None  # passive ("were described as"), or infinitive after "be"
        if form == "ing" and plow not in _PRONOUNS and self._bare(plow) in _PRONOUNS:
            return lemma, "prog"  # "he's claiming": a contracted "is" before the participle
        if plow == "to" or plow.endswith("'s"):
            return None
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if form == "past" and nxt is not None and nxt.low == "to" and lemma == "say":
            # "said to be" is hearsay; "said to the crowd", "said to reporters" is speech
            after = self.toks[i + 2] if i + 2 < len(self.toks) else None
            if after is None or not (after.low in _DETERMINERS or after.low in _ADDRESSEES
                                     or self._is_cap(after)):
                return None
        if form == "past" and nxt is not None and nxt.low == "by":
            return None  # reduced passive: "a claim denied by state media"
        if form == "ing" and plow in _FINITE_BE and prev is not None and prev.text.islower():
            return lemma, "prog"  # progressive "X is telling Y that ...": a finite speech verb
        if form == "ing":
            quoted_as = plow == "as" and any(
                self.toks[x].low == "quoted" for x in range(max(0, j - 8), j))
            if (prev is None or prev.text != ",") and not quoted_as and plow not in \
                    _PARTICIPLE_LEADS and not self._coordinated_participle(i, j) and \
                    not self._named_before_participle(i) and not self._adverbial_participle(i):
                return None
            return lemma, form
        if prev is None:
            return None
        if plow in _DETERMINERS or plow in _PREPOSITIONS and plow not in ("as",):
            return None
        if prev.kind == "word" and prev.text.islower() and prev.low.endswith("ing") and \
                plow not in _PRE_VERB_SKIP:
            return None
        if form == "past" and plow.endswith("ly") and j > 0 and self.toks[j - 1].low in \
                _DETERMINERS:
            return None  # "a swiftly called meeting": an adjective
        if form == "base":
            ok = plow in ("they", "we", "i", "you") or plow in _FINITE or plow == "not" or (
                prev.kind in ("word", "acr") and plow.endswith("s") and not plow.endswith("ss")) \
                or plow in _PLURAL_COLLECTIVES or self._coordinated_names(j)
            if not ok:
                return None
        return lemma, form

    def _coordinated_names(self, j: int) -> bool:
        """Does token j end a subject of names joined by "and" ("Ruiz and Bell call ...": a
        plural subject, so a base-form verb after it is finite)?"""
        toks = self.toks
        k = j
        while k > 0 and self._is_name_tok(toks[k]) and j - k < 4:
            k -= 1
        return k < j and toks[k].low == "and" and k > 0 and self._is_name_tok(toks[k - 1])

    def _adverbial_participle(self, i: int) -> bool:
        """'X left the meeting touting that “...”', 'X went off on Y calling him a “...”': a
        speech participle without a comma that takes a that-clause, or a characterising one
        with words in marks right after its object; not after a document noun ("reports
        saying that ...": the document speaks)."""
        toks = self.toks
        lemma = _LEMMA_OF.get(toks[i].low)
        doc = self._bare(toks[i - 1].low) in _CLAIM_NOUNS or toks[i - 1].low in _DOC_NOUNS
        if doc and i >= 2 and toks[i - 2].low in ("a", "an") and toks[i - 1].low == "statement":
            doc = False  # "X issued a statement calling ...": the issuer speaks
        if i == 0 or lemma is None or doc or not toks[i - 1].text.isalpha():
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.low == "that" and (lemma in _CLAUSE_VERBS
                                                      or lemma in _AS_SPEECH):
            return True
        return lemma in _AS_SPEECH and any(
            toks[k].kind == "qo" for k in range(i + 2, min(len(toks), i + 6))
            if toks[k].para == toks[i].para)

    def _named_before_participle(self, i: int) -> bool:
        """'footage of X asking, “...”': a person's name right before a speech participle that
        a comma or colon joins to a quotation."""
        toks = self.toks
        if not (i > 0 and i + 2 < len(toks) and self._is_name_tok(toks[i - 1])
                and toks[i - 1].para == toks[i].para):
            return False
        c = i + 1
        if toks[c].low in _PREPOSITIONS:
            # "X saying at the fair last spring, “...”": a short phrase of time or place
            while c < min(len(toks) - 1, i + 9) and toks[c].kind == "word" and \
                    toks[c].para == toks[i].para and not self._finite_like(c):
                c += 1
        return c + 1 < len(toks) and toks[c].text in ",:" and toks[c + 1].kind == "qo"

    def _coordinated_participle(self, i: int, j: int) -> bool:
        """'..., describing X as “...” and saying ...': a participle coordinated with an
        earlier speech participle of the sentence (j is the token before it)."""
        if j < 0 or self.toks[j].low not in ("and", "or"):
            return False
        a = self.sents[self.sent_of_tok[i]][0]
        return any(self.toks[k - 1].text == "," and _FORM_OF.get(self.toks[k].low) == "ing"
                   and self._free(k) for k in range(a + 1, j))

    def _speech_participle(self, i: int) -> bool:
        t = self.toks[i]
        lemma = _LEMMA_OF.get(t.low)
        return (t.kind == "word" and self._free(i) and _FORM_OF.get(t.low) == "ing"
                and lemma in _CLAUSE_VERBS)

    # ------------------------------------------------------------------ names

    def _surnames(self) -> set[str]:
        names: set[str] = set()
        toks = self.toks
        n = len(toks)
        # pure in the token: computed once (_is_name_tok, written out: one lookup per word)
        for table in (_NAME_TEXT, _CAP_TEXT, _BARE_TEXT, _TITLE_LOW, _NAME_LEAD_LOW, _FINITE_CLASS,
                      _PREV_CLASS):
            table.bound()
        name_text = _NAME_TEXT
        # (the table over every text in C, then the kind of the few names only)
        is_name = list(map(name_text.__getitem__, map(attrgetter("text"), toks)))
        cands = list(compress(range(n), is_name))
        name_at = [k for k in cands if toks[k].kind == "word"]
        if len(name_at) < len(cands):
            for k in set(cands).difference(name_at):
                is_name[k] = False
        self._name_flags = is_name  # and read again by the gender and phrase rules
        self._name_at = name_at
        headline = 0 if self._title_case_para(0) else -1
        # every rule below needs a name token at i, or at i + 1 after a particle or honorific
        # ("al", "Mr"), or at i + 2 after an honorific and its stop ("Mr" "."): only those
        # positions are visited, in text order. (A token's low is "." exactly when its text
        # is: the lows stand for the texts in the stop tests.)
        near = set(name_at)
        lows = self._lows
        lead, title_low = _NAME_LEAD_LOW, _TITLE_LOW
        near.update([k - 1 for k in name_at if k and lead[lows[k - 1]]])
        near.update([k - 2 for k in name_at if k >= 2 and lows[k - 1] == "."
                     and lows[k - 2] in _HONORIFICS])
        bare_of = self._bare
        nxt = 0  # tokens before it belong to a name run already read
        for i in sorted(near):
            if i < nxt:
                continue
            t = toks[i]
            para = t.para
            if para == headline:
                continue
            if i + 1 < n and is_name[i + 1]:
                if lows[i].rstrip(".") in _SHORT_HONORIFICS:
                    names.add(bare_of(toks[i + 1].text))
            elif i + 2 < n and is_name[i + 2] and lows[i + 1] == "." and \
                    self._dotted_honorific(i + 2):
                # (a name at i + 1 is no stop: the test of "Mr. Holm" is the second one)
                names.add(bare_of(toks[i + 2].text))  # "Mr. Holm": the stop is a token
            if not is_name[i] and lows[i] not in _PARTICLES:
                continue  # no name run starts here
            j = i
            while j < n and (is_name[j] or (lows[j] in _PARTICLES and j + 1 < n
                                            and is_name[j + 1])):
                tj = toks[j]
                if tj.para != para:
                    break
                j += 1
                if tj.text.endswith(_POSSESSIVE_ENDS):
                    break
            if j - i >= 2:
                k = i - 1  # the last title word of the run, if any
                for r in range(i, j):
                    if title_low[lows[r]]:
                        k = r
                core = list(range(k + 1, j))
                if self._person_tokens(core) or self._titled_name(k, core):
                    names.add(bare_of(toks[core[-1]].text))
            elif j - i == 1 and i >= 1 and (title_low[lows[i - 1]] or (
                    i >= 2 and lows[i - 1] == "." and title_low[lows[i - 2]])) and \
                    self._titled_name(i - 1, [i]):
                # (a title word, or one and its stop, before the name: what _titled_name
                # needs first)
                names.add(bare_of(t.text))  # "Sen. Holm": the stop is a token
            nxt = j
        return names

    def _titled_name(self, k: int, core: list[int]) -> bool:
        """Is the single name token ``core`` a person's surname by the title before it, at
        token k or abbreviated with its stop at k - 1 and k ("President Holm", "Sen. Holm";
        not "Foreign Holm": a modifier is no title of its own)?"""
        toks = self.toks
        if len(core) != 1 or k < 0 or core[0] != k + 1:
            return False
        if toks[k].text == "." and k >= 1 and toks[k - 1].end == toks[k].start:
            k -= 1
        title = toks[k].low.rstrip(".")
        if not self._is_cap(toks[k]) or title not in _TITLE_WORDS or title in _TITLE_MODIFIERS:
            return False
        w = toks[core[0]]
        bare = self._bare(w.low)
        return self._is_name_tok(w) and bare not in _ORG_WORDS and bare not in _TITLE_WORDS \
            and w.low not in _TIME_WORDS and w.low not in _PARTICLES

    def _dotted_honorific(self, r: int) -> bool:
        """Do the two tokens before token r make an honorific with its stop ("Mr" "." before
        "Holm" in "Mr. Holm": the tokenizer splits the stop off)?"""
        toks = self.toks
        return 2 <= r <= len(toks) and toks[r - 1].text == "." and \
            toks[r - 2].low in _HONORIFICS and toks[r - 2].end == toks[r - 1].start

    def _title_case_para(self, pi: int) -> bool:
        ps, pe = self.paras[pi]  # the paragraph's tokens are one run of the list
        starts = self._tok_starts
        words = [t for t in self.toks[bisect_left(starts, ps):bisect_left(starts, pe)]
                 if t.kind == "word" and len(t.text) > 3]
        if len(words) < 3:
            return False
        return sum(1 for t in words if t.text[:1].isupper()) / len(words) > 0.6

    # the text without a possessive "'s" (_bare_text): the table's own lookup, no Python call
    _bare = staticmethod(_BARE_TEXT.__getitem__)

    def _person_tokens(self, idx: list[int]) -> bool:
        toks = self.toks
        if not idx:
            return False
        # (a surname after a given name, "Theresa May", is no month: left out of the tests)
        words = [toks[r] for r in idx if toks[r].low not in _PARTICLES and not (
            toks[r].low in _TIME_WORDS and self._given_name_surname(r))]
        if not words:
            return False
        bare_of = self._bare
        for w in words:  # (a loop, not two generators: asked of every name run)
            bare = bare_of(w.low)
            if bare in _ORG_WORDS or bare in _TITLE_WORDS or w.low in _TIME_WORDS \
                    or not (w.kind == "word" and _NAME_TEXT[w.text]):
                return False  # (the last test: _is_name_tok)
        if words[0].low in _DETERMINERS:
            return False  # "The Atlantic": a determiner opens no person's name
        if len(idx) == 1:
            # a surname of the text, or a common given name used alone ("Melanie said", a
            # person the story calls by her first name; lexicon first_names.yaml)
            bare = self._bare(words[0].text)
            return bare in self.surnames or bare.lower() in _MALE_FIRST_NAMES \
                or bare.lower() in _FEMALE_FIRST_NAMES
        return 2 <= len(idx) <= 5 and len(words) <= 4

    def _hints_starting_in(self, s: int, e: int) -> list[SpeakerHint]:
        """The hints that start in [s, e), in order (hints are sorted by start)."""
        return self.hints[bisect_left(self._hint_starts, s):bisect_left(self._hint_starts, e)]

    def _hints_overlapping(self, s: int, e: int) -> list[SpeakerHint]:
        """The hints overlapping [s, e), in order."""
        return [h for h in self._hints_starting_in(s - self._longest_hint, e)
                if h.start < e and s < h.end]

    def _hint_type(self, s: int, e: int) -> str | None:
        best = None
        # only hints starting after s - (longest hint) can reach into [s, e)
        for h in self._hints_starting_in(s - self._longest_hint, e):
            if h.start < e and s < h.end and (
                    best is None or (h.end - h.start) > (best.end - best.start)):
                best = h
        if best is None or best.actor_type == "other":
            return None  # "other" is an uninformative guess: the text decides
        if best.actor_type == "person" and self.body[best.start:best.end].split()[0].lower() \
                in _DETERMINERS:
            return None  # "The Atlantic" guessed a person: the text decides
        return best.actor_type

    def _head_index(self, a: int, b: int) -> int:
        """Head noun of a phrase: the word before its first preposition or participle."""
        toks = self.toks
        for k in range(a + 1, b):
            t = toks[k]
            if t.low in _PREPOSITIONS and t.low not in ("as",):
                return k - 1
            if k > a + 1 and t.kind == "word" and t.text.islower() \
                    and t.low.endswith(("ed", "ing")) and toks[k - 1].low not in _DETERMINERS:
                return k - 1
        return b - 1

    def _analyze_np(self, a: int, b: int) -> _NP | None:
        """The noun phrase of tokens a..b (trimmed): a pronoun, a named person (core and
        description), names joined by "and", a name with an affiliation, or a role noun.
        Pure in (a, b) once the surnames are known, and asked again for the same phrase by the
        subject, speaker and pronoun rules: read once and shared, so callers must not change
        the phrase they get (_rec_np, which completes one, changes a copy)."""
        memo = self._np_memo
        if (a, b) in memo:
            return memo[a, b]
        np = memo[a, b] = self._read_np(a, b)
        return np

    def _read_np(self, a: int, b: int) -> _NP | None:
        span = self._trim_np(a, b)
        if span is None:
            return None
        a, b = span
        toks = self.toks
        last = toks[b - 1]
        np = _NP(toks[a].start, toks[b - 1].end, self.body[toks[a].start:toks[b - 1].end], a, b)
        np.head = self._bare(last.low)
        if b - a == 1 and (last.low in _PRONOUNS or self._bare(last.low) in _PRONOUNS):
            return self._pronoun_np(np, last, a, b)
        core = self._name_core(a, b)
        if core is None and "and" in self._lows[a:b]:
            return self._coordinated_np(np, a, b)
        if core is not None:
            return self._named_np(np, a, core)
        return self._common_np(np, a, b)

    def _trim_np(self, a: int, b: int) -> tuple[int, int] | None:
        """Tokens a..b without leading fillers, a time tail and closing punctuation; None when
        nothing is left, the phrase ends in a function word, or holds a verb or a mark."""
        toks = self.toks
        while a < b and (toks[a].low in _LEAD_STRIP or toks[a].text in ",—–-"):
            a += 1
        b = self._strip_time_tail(a, b)
        while b > a and toks[b - 1].text in ",;:—–-":
            b -= 1
        if b <= a:
            return None
        last = toks[b - 1]
        if last.low in _DETERMINERS or last.low in _PREPOSITIONS or last.low in ("and", "or"):
            return None
        for k in range(a, b):  # (a loop: asked of every phrase)
            t = toks[k]
            kind = t.kind
            if kind == "word":
                # the finite words only go on to _strict_finite, which holds the exceptions
                if _FINITE_CLASS[t.low] & _F_FINITE and self._strict_finite(k):
                    return None
            elif kind == "qo" or kind == "qc":
                return None
        return a, b

    def _pronoun_np(self, np: _NP, last: Token, a: int, b: int) -> _NP:
        if last.low not in _PRONOUNS:
            # "He's claiming": the pronoun of a contracted "is/has", without the "'s"
            np = _NP(last.start, last.end - 2, self.body[last.start:last.end - 2], a, b)
            np.head = np.pronoun = self._bare(last.low)
        else:
            np.pronoun = last.low
        np.is_plural = np.pronoun == "they"
        np.is_person = np.pronoun in ("he", "she")
        return np

    def _name_core(self, a: int, b: int) -> tuple[int, int] | None:
        """Tokens (start, end) of the person's name that ends the phrase, if it ends in one:
        after any title, from an honorific on ("Mr. Holm"), not inside a prepositional phrase."""
        toks = self.toks
        r = b
        while r > a and (self._is_name_tok(toks[r - 1]) or (
                toks[r - 1].low in _PARTICLES and r < b)):
            r -= 1
        if r < b and toks[b - 1].text.endswith(("'s", "’s")):
            r = b  # "Russia's" ends a noun phrase only as a modifier
        # a name after a preposition belongs to a prepositional phrase ("a spokesman for
        # President X"), unless the preposition is inside a title ("Secretary of State X")
        in_pp = r > a and toks[r - 1].low in _PREPOSITIONS and not (
            r - 2 >= a and self._is_cap(toks[r - 2])
            and self._bare(toks[r - 2].low) in _TITLE_WORDS)
        if r >= b or in_pp:
            return None
        k = r - 1  # the last title word of the run, if any
        bare_of = self._bare
        for x in range(r, b):
            if bare_of(toks[x].low).rstrip(".") in _TITLE_WORDS:
                k = x
        cands = list(range(k + 1, b))
        hon = r > a and toks[r - 1].low.rstrip(".") in ("mr", "mrs", "ms", "dr")
        dotted = r - 1 > a and self._dotted_honorific(r)  # "Mr. Holm"
        if k >= r and toks[k].low.rstrip(".") in _HONORIFICS:
            hon = True
        htype = self._hint_type(toks[cands[0]].start, toks[cands[-1]].end) if cands else None
        titled = self._titled_name(cands[0] - 1, cands) if cands and cands[0] - 1 >= a \
            else False
        if not (cands and (htype == "person" or (htype is None and (
                self._person_tokens(cands) or ((hon or dotted) and len(cands) <= 2)
                or titled)))):
            return None
        cs = cands[0]
        if dotted and k < r:
            cs = r - 2
        elif hon:
            cs = k if k >= r and toks[k].low.rstrip(".") in _HONORIFICS else r - 1
        return cs, b

    def _coordinated_np(self, np: _NP, a: int, b: int) -> _NP:
        """"President X and other officials": plural, a person when a name in it is one."""
        toks = self.toks
        for k in range(a, b):
            if self._is_name_tok(toks[k]):
                e = k
                while e < b and self._is_name_tok(toks[e]):
                    e += 1
                run = list(range(k, e))
                t2 = max((x for x in run if toks[x].low in _TITLE_WORDS), default=k - 1)
                c2 = [x for x in run if x > t2]
                if self._person_tokens(c2):
                    np.is_person = np.is_named = True
                    np.core = (toks[c2[0]].start, toks[c2[-1]].end)
                    break
        np.is_plural = True
        np.role = not self._is_cap(toks[b - 1])
        return np

    def _named_np(self, np: _NP, a: int, core: tuple[int, int]) -> _NP:
        """A phrase ending in a person's name: the name is its core, the words before it (no
        determiner, no honorific) its description."""
        toks = self.toks
        cs, ce = core
        np.core = (toks[cs].start, toks[ce - 1].end)
        np.is_person = np.is_named = True
        da = a
        while da < cs and toks[da].low in _DETERMINERS:
            da += 1
        de = cs
        while de > da and toks[de - 1].low.rstrip(".") in _HONORIFICS:
            de -= 1
        if de > da:
            np.desc = (toks[da].start, toks[de - 1].end)
        return np

    def _common_np(self, np: _NP, a: int, b: int) -> _NP:
        """A phrase with no trailing name: a leading name with an affiliation, a role noun
        ("the spokesman"), or a name the hints call a person."""
        toks = self.toks
        htype = self._hint_type(np.start, np.end)
        hd = self._head_index(a, b)
        head = toks[hd]
        np.head = self._bare(head.low)
        if hd < b - 1 and toks[hd + 1].low in _PREPOSITIONS and self._affiliated(np, a, b, hd):
            return np
        sentence_initial_noun = (
            toks[a].start == self._sent_start(a) and hd == a
            and (np.head in _PERSON_ROLE_NOUNS or np.head in _HEAD_TYPES))
        if not self._is_cap(head) or head.text.islower() or sentence_initial_noun:
            np.role = True
            np.is_person = np.head in _PERSON_ROLE_NOUNS
            np.is_plural = np.head.endswith("s") and not np.head.endswith("ss")
            da = a
            while da < b - 1 and toks[da].low in _DETERMINERS:
                da += 1
            np.desc = (toks[da].start, np.end)
        elif htype == "person" and not any(self._bare(toks[k].low) in _ORG_WORDS
                                           for k in range(a, b)):
            # (a person hint inside "the Commission on X" does not make the phrase a person)
            np.is_person = np.is_named = True
            np.core = (np.start, np.end)
        return np

    def _affiliated(self, np: _NP, a: int, b: int, hd: int) -> bool:
        """"Jennifer Doe of the Institute for X": a leading name with an affiliation; sets the
        name as core and the affiliation as description."""
        toks = self.toks
        lead = [x for x in range(a, hd + 1) if toks[x].low not in _DETERMINERS]
        k = max((x for x in lead if self._bare(toks[x].low).rstrip(".") in _TITLE_WORDS),
                default=a - 1)
        cands = [x for x in lead if x > k]
        if not (cands and self._person_tokens(cands) and self._hint_type(
                toks[cands[0]].start, toks[cands[-1]].end) in (None, "person")):
            return False
        np.core = (toks[cands[0]].start, toks[cands[-1]].end)
        np.is_person = np.is_named = True
        da = hd + 2
        while da < b - 1 and toks[da].low in _DETERMINERS:
            da += 1
        np.desc = (toks[da].start, np.end)
        return True

    def _sent_start(self, k: int) -> int:
        return self.toks[self.sents[self.sent_of_tok[k]][0]].start

    def _strip_time_tail(self, a: int, b: int) -> int:
        toks = self.toks
        while b > a:
            low = toks[b - 1].low
            if (low in _TIME_WORDS and not self._given_name_surname(b - 1)) or (
                    low.isdigit() and b - 1 > a):
                b -= 1
                while b > a and toks[b - 1].low in _TIME_LEAD:
                    b -= 1
                continue
            break
        return b

    # ------------------------------------------------------------------ noun phrases


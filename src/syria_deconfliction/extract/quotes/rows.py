"""Row assembly: each accepted or rejected quotation and indirect clause as a Quote."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate, islice

from .model import _NP, Quote, _MarkQuote, _Rec, _Speaker
from .phrases import _NAME_WORD
from .vocabulary import (
    _ADVERBIAL_SUBORD,
    _AS_SPEECH,
    _CLAIM_NOUNS,
    _COMMISSIVE_VERBS,
    _OTHER_SENSES,
    _POSSESSIVE_PRONOUNS,
    _PREPOSITIONS,
    _SPEECH_ACTS,
    _SPELLING,
    _WORK_NOUNS,
)

# a transcript turn: a name in capitals and a colon open the quoted words ("PEREZ: We ...")
# words in marks that are one bracketed note ("(CROSSTALK.)", "[inaudible]")
_NOTE_RE = re.compile(r"\([^()]*\)[.,]?|\[[^\[\]]*\][.,]?")
_TURN_RE = re.compile(r"([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?):\s")

_WORD_RUN = re.compile(r"[^\W_]+")
_QUOTE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _norm(text: str) -> str:
    """Words only, lower case: a headline's quoted words as the body prints them."""
    return " ".join(_WORD_RUN.findall(text.casefold()))


# a signature closing a quotation's paragraph: a dash and a name of one to four words
_BYLINE_RE = re.compile(r"[ \t]*[―—–][ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})[ \t]*$")

# the position rule of an indirect report by the kind of its record
_POSITION_OF_KIND = {
    "forward": "said_before", "coord": "said_before", "participle": "said_before",
    "trailing": "said_after", "inverted": "said_after", "parenthetical": "parenthetical",
    "according_to": "according_to", "what_said": "what_said", "passive": "passive"}
# the confidence a row starts from, by its position rule (0.6 for the others)
_CONFIDENCE = {"said_after": 0.95, "said_before": 0.93, "colon": 0.93, "according_to": 0.9,
               "parenthetical": 0.9, "what_said": 0.8, "next_sentence": 0.8,
               "previous_sentence": 0.7, "none": 0.3}


class _QuoteSpans:
    """The quotations in marks indexed for the questions asked of every piece of an indirect
    report (by bisection, not a scan over all quotations per piece: quadratic on a long
    article full of quotations)."""

    def __init__(self, mquotes: Sequence[_MarkQuote]) -> None:
        by_open = sorted((q.open_pos, q.region_end) for q in mquotes)
        self.opens = [o for o, _ in by_open]
        self.region_ends = [r for _, r in by_open]
        by_inner = sorted((q.inner_start, q.inner_end) for q in mquotes)
        self.inner_starts = [a for a, _ in by_inner]
        # the furthest inner end among the quotations whose words start at or before each one
        self.reach = list(accumulate((b for _, b in by_inner), max))

    def one_quote(self, s: int, e: int) -> bool:
        """Is [s, e) one quotation with its marks, give or take a character at either end?"""
        lo, hi = bisect_left(self.opens, s - 1), bisect_right(self.opens, s + 1)
        return any(abs(self.region_ends[k] + 1 - e) <= 1 for k in range(lo, hi))

    def inside_one(self, s: int, e: int) -> bool:
        """Does one quotation's words hold all of [s, e)?"""
        k = bisect_right(self.inner_starts, s)
        return k > 0 and self.reach[k - 1] >= e

    def opens_in(self, s: int, e: int) -> bool:
        """Does a quotation open in [s, e)?"""
        return bisect_left(self.opens, s) < bisect_left(self.opens, e)


class _Rows:
    """Assembly: the Quote objects (direct, partial, indirect, rejected) in text order."""

    # ------------------------------------------------------------------ assembly

    def run(self) -> list[Quote]:
        self.find_records()
        self.link_records()
        self._quote_spans = _QuoteSpans(self.mquotes)
        out: list[Quote] = []
        self._indirect_starts: set[int] = set()  # starts of indirect rows in `out`
        by_sent: dict[int, list[int]] = {}
        for qi, q in enumerate(self.mquotes):
            by_sent.setdefault(self._quote_sent(q.open_pos), []).append(qi)
        for si, (a, b, _p) in enumerate(self.sents):
            ms = self._main_subject(a, b)
            if ms:
                self._push_subject(ms, si)
            events: list[tuple[int, int, object]] = []
            for r in self.recs[si]:
                events.append((r.verb, 0, r))
            for qi in by_sent.get(si, []):
                events.append((self._tok_at(self.mquotes[qi].open_pos), 1, qi))
            events.sort(key=lambda x: (x[0], x[1]))
            for _k, typ, obj in events:
                if typ == 0:
                    assert isinstance(obj, _Rec)
                    self._emit_indirect(obj, out)
                else:
                    assert isinstance(obj, int)
                    self._emit_mark(obj, si, out)
        out.sort(key=lambda q: (q.start, q.end))
        self._headline_echoes(out)
        return out

    def _headline_echoes(self, out: list[Quote]) -> None:
        """A headline quotes the story: words in marks in the headline that a body quotation
        holds are that speaker's words (attribution ``inferred``), however short. So does a
        subheading, for the quotations of the paragraphs after it."""
        heads = [0] if self._headline(0) else []
        heads += [pi for pi in range(1, len(self.paras) - 1) if self._subheading(pi)]
        for pi in heads:
            self._echo_heading(out, pi)

    def _subheading(self, pi: int) -> bool:
        """A short paragraph in capitals without a closing stop ("STRIKE 'CHAOS' FEARED")."""
        ps, pe = self.paras[pi]
        text = self.body[ps:pe].rstrip()
        # the cheap tests first: most paragraphs are long, or end with a stop
        if not 0 < len(text.split()) <= 12 or text[-1:] in ".!?" or \
                text.rstrip("'’\"”")[-1:] in ".!?":
            return False
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 4 and all(c.isupper() for c in letters)

    def _echo_heading(self, out: list[Quote], pi: int) -> None:
        hs, he = self.paras[pi]
        body_rows = [q for q in out if q.start >= he and q.status == "accepted"
                     and q.quote_type != "indirect" and q.speaker_start is not None]
        for q in out:
            if not (hs <= q.start < he) or q.quote_type == "indirect" or \
                    q.speaker_start is not None:
                continue
            key = _norm(q.text)
            if len(key) < 3:
                continue
            src = next((b for b in body_rows if key in _norm(b.text)), None)
            if src is None:
                continue
            for f in ("speaker_start", "speaker_end", "speaker_mention", "speaker_actor_id",
                      "speaker_description", "speaker_pronoun", "speaker_pronoun_start",
                      "speaker_pronoun_end"):
                setattr(q, f, getattr(src, f))
            q.quote_type, q.status, q.attribution = "partial", "accepted", "inferred"
            q.confidence, q.reason = 0.7, "headline words quoted in the body"

    def _emit_indirect(self, r: _Rec, out: list[Quote]) -> None:
        if not r.pieces and not self._scope_has_quote(r) and r.kind not in (
                "trailing", "inverted", "bare"):
            if r.kind == "governing" and r.lemma in _SPEECH_ACTS:
                # "X accused Y of ...": a speech act without quoted words; X is a speaker
                self._push(self.toks[r.verb].start, r.sent, self._speaker_of(r))
            return  # a speech verb without reported content ("the city continues to warn")
        if r.kind in ("governing", "bare") or r.source_only:
            if not r.source_only:
                self._push(self.toks[r.verb].start, r.sent, self._speaker_of(r))
            return
        sp = self._speaker_of(r)
        self._push(self.toks[r.verb].start, r.sent, sp)
        if r.nested and not self._adverbial_report(r):
            return
        if self._headline(self.sents[r.sent][2]):
            return  # a headline's telegraphic report restates a statement of the story
        toks = self.toks
        for ps, pe in r.pieces:
            if pe <= ps:
                continue
            s, e = toks[ps].start, toks[pe - 1].end
            if self._is_one_quote(s, e):
                continue
            free = self._free_at
            free_words = 0  # counted up to 3: the test below asks no more
            for k in range(ps, pe):
                if free[k] and toks[k].kind == "word":
                    free_words += 1
                    if free_words == 3:
                        break
            if free_words < 3:
                continue
            if self._quote_spans.inside_one(s, e):
                continue
            if self._quote_spans.opens_in(s, e):
                continue  # one statement, one row: the quotation in marks carries it
            if s in self._indirect_starts:
                continue  # two speech verbs over one clause ("said ... announcing that ...")
            pos = _POSITION_OF_KIND[r.kind]
            quote = self._make(s, e, "indirect", sp, r, pos, indirect=True)
            if r.kind == "passive" and sp is None:
                quote.reason = "agentless passive: the text names no speaker"
            self._indirect_starts.add(s)
            out.append(quote)

    def _headline(self, para: int) -> bool:
        """Is paragraph ``para`` the headline (the first of several, without a final stop)?"""
        if para != 0 or len(self.paras) < 2:
            return False
        return self.body[self.paras[0][1] - 1] not in ".!?\"”"

    def _adverbial_report(self, r: _Rec) -> bool:
        """A report nested in another one as an adverbial clause ("while X say ...")."""
        if r.np is None or r.np[0] == 0:
            return False
        return self.toks[r.np[0] - 1].low in _ADVERBIAL_SUBORD

    def _is_one_quote(self, s: int, e: int) -> bool:
        """Is body[s:e] one quotation with its marks (give or take a punctuation mark)?"""
        return self._quote_spans.one_quote(s, e)

    def _emit_mark(self, qi: int, si: int, out: list[Quote]) -> None:
        q = self.mquotes[qi]
        kopen = self._tok_at(q.open_pos)
        # the quotation's words, counted up to 9 (the rules below ask "at most 8" at most)
        nwords = sum(1 for _ in islice(_QUOTE_WORD.finditer(self.body, q.inner_start,
                                                            q.inner_end), 9))
        if _NOTE_RE.fullmatch(self.body[q.inner_start:q.inner_end].strip()):
            # "“(CROSSTALK.)”", "[inaudible]": a bracketed editorial note, not anyone's words
            out.append(self._rejected(q, "editorial note"))
            return
        if nwords <= 6 and self._is_designation(qi, si):
            out.append(self._rejected(q, "scare quote/designation"))
            return
        if nwords <= 8 and self._after_work_noun(q, kopen):
            out.append(self._rejected(q, "title"))
            return
        rec, how = self._governing(qi, si, kopen)
        if 2 <= nwords <= 8 and (why := self._title_reason(q, si, kopen, rec)) is not None:
            out.append(self._rejected(q, why))
            return
        sp: _Speaker | None = None
        reason = None
        if rec is not None:
            sp = self._speaker_of(rec)
        elif (cnp := self._colon_np(si, kopen)) is not None:
            sp = self._resolve(cnp, _Rec(si, kopen, None, "forward"))
            how = "colon"
        first = self._continues.get(q.open_pos)
        turn = self._transcript_turn(q)
        if turn is not None:
            rec, sp, how = None, turn, "transcript"
        elif rec is None and sp is None and not self._headline(q.first_para):
            # (a headline's "... – Outlet" names the site, not a signer)
            sp = self._dash_byline(q)
            how = "byline" if sp is not None else how
        if rec is None and sp is None and first is not None and first in self._row_of:
            # a paragraph continuing a quotation: the same speaker
            prev = self._row_of[first]
            if prev.speaker_start is not None:
                sp, how = self._row_speaker[first], "continuation"
        if rec is None and sp is None and nwords <= 3 and turn is None and \
                not self._title_like(q.inner_start, q.inner_end):
            # a short quotation inside someone's reported speech is their word, not a scare
            # quote: the speech record of the same sentence
            rec = self._sentence_speech(si, kopen)
            if rec is not None:
                sp = self._speaker_of(rec)
                how = "said_before" if rec.verb < kopen else "said_after"
                if sp is None or sp.start is None:
                    rec, sp = None, None
        if rec is None and sp is None and (cv := self._commissive_before(si, kopen)) is not None:
            # "X vowed to punish “...”": words in marks inside the infinitive of a promise
            rec, sp, how = cv, self._speaker_of(cv), "said_before"
        owner_only = False  # a claim's owner speaks these words only, not the next sentences
        if rec is None and sp is None and (cn := self._claim_owner(si, kopen)) is not None:
            # "X's claim that there were “...”": the words of the claim's owner
            rec, sp, how = cn, self._speaker_of(cn), "said_before"
            owner_only = True
        if rec is None and sp is None and (co := self._coordinated_with(qi, si, kopen)):
            # "... as a “...” and a “...”": the second words in marks share the first's speaker
            sp, how = co
        if rec is None and sp is None and nwords <= 3 and not self._whole_sentence(qi, si, kopen):
            out.append(self._rejected(q, "scare quote/designation"))
            return
        if rec is None and sp is None:
            rec, sp, how, reason = self._unattributed_speaker(qi, si, kopen)
        qtype = "direct" if how == "byline" else self._quote_type(qi, si, kopen, rec)
        quote = self._make(q.inner_start, q.inner_end, qtype, sp, rec, how)
        if reason:
            quote.reason = reason
        out.append(quote)
        if not owner_only:
            self._push(q.open_pos, si, sp)
        self._row_of[q.open_pos] = quote
        self._row_speaker[q.open_pos] = sp
        if first is not None and first in self._row_of and sp is not None and \
                sp.start is not None and how != "continuation":
            self._lend_speaker(self._row_of[first], quote)

    def _unattributed_speaker(
        self, qi: int, si: int, kopen: int
    ) -> tuple[_Rec | None, _Speaker | None, str, str | None]:
        """(record, speaker, attribution, reason) of a quotation no frame of its own governs:
        a bare speech sentence after it, the speaker or subject of the sentence before, or the
        subject of its own sentence; else none, with the reason."""
        q = self.mquotes[qi]
        nb = self._next_bare(qi)
        if nb is not None:
            return nb, self._speaker_of(nb), "next_sentence", None
        sp = self._previous_speaker(si, kopen)
        if sp is None and self._whole_sentence(qi, si, kopen):
            sp = self._previous_subject(si)
        if sp is not None:
            return None, sp, "previous_sentence", None
        if (sp := self._own_subject(si, q.open_pos)) is not None:
            return None, sp, "sentence_subject", None
        return None, None, "none", "no attribution found"

    @staticmethod
    def _lend_speaker(prev: Quote, quote: Quote) -> None:
        """"“A ... ¶ “B,” she said": the attribution after the continuation names the speaker
        of the paragraphs it continues (when that row has none)."""
        if prev.speaker_start is None and prev.status == "accepted":
            for f in ("speaker_start", "speaker_end", "speaker_mention", "speaker_actor_id",
                      "speaker_description", "speaker_pronoun", "speaker_pronoun_start",
                      "speaker_pronoun_end"):
                setattr(prev, f, getattr(quote, f))
            prev.attribution, prev.reason = "continuation", None
            prev.confidence = min(quote.confidence, 0.8)

    def _previous_subject(self, si: int) -> _Speaker | None:
        """'X, a senator, identified ... as a reason. “...”': a quotation standing as its own
        sentence after a sentence of the same paragraph whose subject is a named person, with
        no speaker of its own, is that person's."""
        if si == 0 or self.sents[si - 1][2] != self.sents[si][2]:
            return None
        for h in reversed(self.hist):
            if h.sent < si - 1:
                break
            if h.sent == si - 1 and h.kind == "subject":
                return h.sp if h.sp.is_person and h.sp.is_named else None
        return None

    def _own_subject(self, si: int, open_pos: int) -> _Speaker | None:
        """'X attacked “the ideology of ...”', 'X has gone after Y as a “...”': words in marks
        after the verb of a sentence whose subject is a named person or body, with no
        attribution found, are that subject's."""
        for h in reversed(self.hist):
            if h.sent < si:
                break
            if h.sent == si and h.kind == "subject" and h.pos < open_pos:
                # a body's definite description that resolved to an actor ("the group"
                # after the group is named) speaks like its name
                return h.sp if h.sp.is_named or (
                    h.sp.actor is not None and not h.sp.is_person and not h.sp.pronoun
                    and len((h.sp.mention or "").split()) <= 4) else None
        return None

    def _title_reason(self, q: _MarkQuote, si: int, kopen: int, rec: _Rec | None) -> str | None:
        """Words in marks in title case outside a headline name a work, show or slogan, not
        speech: inside the writer's sentence ('an episode of “The Late Morning Show,”', 'in
        his book ''Raise a Rich Kid,''') unless a naming speech verb governs them ('called
        her “Little Miss Sunshine”'), or alone as a paragraph without attribution (a
        subheading: ''A Town Holds Its Breath.'')."""
        words = _NAME_WORD.findall(self.body[q.inner_start:q.inner_end])
        long = [w for w in words if len(w) >= 4]
        capped = all(w[0].isupper() for w in words)  # every word: "All Bets Are Off"
        if self._headline(q.first_para) or self._transcript_turn(q) is not None \
                or not self._work_title(q.inner_start, q.inner_end) \
                or len(long) < 2 and not capped:
            return None  # (two words of four letters at least: "Don't you do it" is speech)
        a, b, _ = self.sents[si]
        opens = all(self.toks[x].kind == "punct" for x in range(a, kopen))
        if opens:
            rest = [t for t in self.toks[a:b] if t.start >= q.region_end]
            para = self.sents[si][2]
            alone = rec is None and all(t.kind in ("punct", "qc") for t in rest) and (
                si == 0 or self.sents[si - 1][2] != para) and (
                si + 1 == len(self.sents) or self.sents[si + 1][2] != para)
            return "subheading" if alone else None
        if rec is not None and rec.verb < kopen and (
                rec.lemma in _AS_SPEECH or self.toks[kopen - 1].text in ",:"):
            return None  # ('she added the words, “Ana Ruiz.”': set off after the speech verb)
        return "title"

    def _title_like(self, s: int, e: int) -> bool:
        """Title Case words ("Fire and Fury", "Morning Show") name a work or a thing; a
        speaker's words in capitals throughout ("NEVER") are not a title."""
        ws = _NAME_WORD.findall(self.body[s:e])
        long = [w for w in ws if len(w) >= 3]
        return bool(long) and all(w[0].isupper() for w in long) and not all(
            w.isupper() for w in long)

    def _commissive_before(self, si: int, kopen: int) -> _Rec | None:
        """The record of a promise verb with an infinitive or a short object ("vowed to ...",
        "pledged cheaper ferries and “...”"; lexicon quotes_commissive_verbs) in sentence
        ``si`` before the marks, its clause unbroken up to them, when it names a speaker."""
        toks = self.toks
        for r in reversed(self.recs[si]):
            if r.verb >= kopen or r.lemma not in _COMMISSIVE_VERBS or r.verb + 1 >= kopen:
                continue
            if toks[r.verb + 1].low != "to" and (kopen - r.verb > 7 or any(
                    self._finite_like(k) or toks[k].low == "that" or toks[k].low in _PREPOSITIONS
                    for k in range(r.verb + 1, kopen))):
                continue  # (the object of the promise: "pledged cheaper ferries and “...”")
            if any(toks[k].text in ",;:" or toks[k].kind in ("qo", "qc", "dash")
                   for k in range(r.verb + 1, kopen)):
                return None
            sp = self._speaker_of(r)
            return r if sp is not None and sp.start is not None else None
        return None

    def _after_work_noun(self, q: _MarkQuote, kopen: int) -> bool:
        """Do the words in marks, in title case or opening with a digit, follow a noun of a work
        (lexicon quotes_work_nouns), with or without a comma and a short phrase after the noun
        ("the book 'Tides,'", "her documentary “Salt.”", "his book on the war, 'Dust,'")? They
        are its title."""
        toks = self.toks
        first = self.body[q.inner_start:q.inner_start + 1]
        if not (first.isdigit() or self._work_title(q.inner_start, q.inner_end)):
            return False  # (not 'said on his show, “We are winning”': no title case)
        k = kopen - 1
        if k >= 0 and toks[k].text == ",":
            if self._ends_sentence_at(q.region_end):
                return False  # 'said on his show, “Never.”': set off and closing, an utterance
            k -= 1
        for w in range(k, max(-1, k - 5), -1):
            t = toks[w]
            if t.kind != "word" or t.para != toks[kopen].para:
                return False
            if t.low in _WORK_NOUNS:
                return w == k or toks[w + 1].low in _PREPOSITIONS
        return False

    def _ends_sentence_at(self, pos: int) -> bool:
        """Is there nothing but punctuation and closing marks from ``pos`` to the end of its
        sentence?"""
        k = bisect_left(self._tok_starts, pos)
        if k >= len(self.toks):
            return True
        _a, b, _p = self.sents[self.sent_of_tok[k]]
        return all(t.kind in ("punct", "qc") for t in self.toks[k:b])

    def _coordinated_with(self, qi: int, si: int, kopen: int) -> tuple[_Speaker, str] | None:
        """The speaker and position rule of the quotation right before in the same sentence
        when "and"/"or" (and an article) joins the two ("a “...” and a “...”"), that one
        having a speaker."""
        if qi == 0:
            return None
        prev = self.mquotes[qi - 1]
        row = self._row_of.get(prev.open_pos)
        sp = self._row_speaker.get(prev.open_pos)
        if prev.close_pos is None or row is None or sp is None or sp.start is None or \
                row.status != "accepted" or row.quote_type == "indirect":
            return None
        kc = self._tok_at(prev.close_pos)
        if self.sent_of_tok[kc] != si:
            return None
        between = [t.low for t in self.toks[kc + 1:kopen] if t.text != ","]
        if not between or between[0] not in ("and", "or") or len(between) > 2 or (
                len(between) == 2 and between[1] not in ("a", "an", "the")):
            return None
        return sp, row.attribution.split("+")[0]

    def _claim_owner(self, si: int, kopen: int) -> _Rec | None:
        """A record for "X's claim that ... “...”" / "his assertion that “...”": a claim noun
        (lexicon quotes_claim_nouns) after a possessive, whose that-clause runs unbroken to
        the marks; the possessor speaks."""
        toks = self.toks
        a = self.sents[si][0]
        for k in range(kopen - 1, max(a + 1, kopen - 14), -1):
            t = toks[k]
            if t.text in ";:" or t.kind in ("qo", "qc", "dash") or not self._free(k):
                return None
            if t.low != "that" or k - 2 < a:
                continue
            noun = toks[k - 1].low
            if noun not in _CLAIM_NOUNS and not (noun[-1:] == "s" and noun[:-1] in _CLAIM_NOUNS):
                return None
            p = k - 2
            own = toks[p]
            r = _Rec(si, k - 1, "claim", "forward")
            if own.low in _POSSESSIVE_PRONOUNS:
                # "his claim": the pronoun he, resolved as a subject pronoun is
                pron = _NP(own.start, own.end, own.text, p, p + 1,
                           pronoun=_POSSESSIVE_PRONOUNS[own.low], head=own.low)
                pron.is_plural = pron.pronoun == "they"
                pron.is_person = pron.pronoun in ("he", "she")
                sp = self._resolve(pron, r)
                r.speaker = sp
            elif own.low.endswith(("'s", "’s")) and self._is_name_tok(own):
                b = p
                while b - 1 >= a and self._is_name_tok(toks[b - 1]) and p - b < 3:
                    b -= 1
                r.np = (b, p + 1)
                sp = self._speaker_of(r)
                if sp is not None and sp.end is not None and sp.mention is not None and \
                        sp.mention[-2:] in ("'s", "’s"):
                    # the name without its possessive ending
                    sp = r.speaker = replace(sp, end=sp.end - 2, mention=sp.mention[:-2])
            else:
                return None
            return r if sp is not None and sp.start is not None else None
        return None

    def _sentence_speech(self, si: int, kopen: int) -> _Rec | None:
        """The speech record of sentence ``si`` nearest before the quotation (else the first
        after it) that names a speaker; reports of sources only do not count."""
        # a verb with reported content or an attribution frame, or one that has no common sense
        # other than speech ("The ministry added the charity to ..." is no speech)
        recs = [r for r in self.recs[si] if not r.source_only and r.kind != "passive"
                and (r.np is not None or r.kind in ("according_to", "coord", "participle"))
                and (r.scope is not None or r.pieces or r.kind in (
                    "trailing", "inverted", "bare", "according_to", "parenthetical")
                    or r.lemma not in _OTHER_SENSES)]
        before = [r for r in recs if r.verb < kopen]
        if before:
            return before[-1]
        return recs[0] if recs else None

    def _dash_byline(self, q: _MarkQuote) -> _Speaker | None:
        """A quotation signed with a dash and a name closing its paragraph ("“...” ― Ana Ruiz",
        vox-pop and reader-comment lists): the name is the speaker."""
        if q.close_pos is None:
            return None
        pe = self.paras[q.last_para][1]
        m = _BYLINE_RE.match(self.body, q.close_pos + self._mark_width.get(q.close_pos, 1), pe)
        if m is None:
            return None
        s, e = m.span(1)
        words = self.body[s:e].split()
        actor = next((h.actor_id for h in self._hints_overlapping(s, e)
                      if h.actor_type == "person"), None)
        return _Speaker(s, e, self.body[s:e], actor, None, True, len(words) >= 2, False, False)

    def _transcript_turn(self, q: _MarkQuote) -> _Speaker | None:
        """An interview transcript's turn in marks, "“NAME: ...”": NAME (a surname in capitals
        before a colon) is the speaker."""
        m = _TURN_RE.match(self.body, q.inner_start, q.inner_end)
        if m is None:
            return None
        s, e = m.span(1)
        surname = m.group(1).split()[-1].title()
        actor = next((h.actor_id for h in self.hints if h.actor_type == "person"
                      and self.body[h.start:h.end].split()[-1] == surname), None)
        return _Speaker(s, e, self.body[s:e], actor, None, True, True, False, False)

    def _whole_sentence(self, qi: int, si: int, kopen: int) -> bool:
        """Does the quotation make up its sentence on its own ('“Never.”')?"""
        q = self.mquotes[qi]
        a, b, _ = self.sents[si]
        if any(self.toks[x].kind != "punct" for x in range(a, kopen)):
            return False
        rest = [t for t in self.toks[a:b] if t.start >= q.region_end]
        return all(t.kind in ("punct", "qc") for t in rest)

    def _rejected(self, q: _MarkQuote, reason: str) -> Quote:
        return Quote(q.inner_start, q.inner_end, self.body[q.inner_start:q.inner_end], "partial",
                     None, None, None, None, None, None, "none", 0.9, reason, "rejected")

    def _make(self, s: int, e: int, qtype: str, sp: _Speaker | None, r: _Rec | None, how: str,
              indirect: bool = False) -> Quote:
        labels = [how]
        conf = _CONFIDENCE.get(how, 0.6)
        reasons: list[str] = []
        if how == "previous_sentence":
            reasons.append("speaker carried over from the previous sentence")
        if sp is not None and sp.pronoun is not None:
            labels.append("pronoun")
            conf *= 0.85
            if sp.start is not None:
                reasons.append(f"speaker resolved from the pronoun '{sp.pronoun[2]}'")
        if r is not None and r.statement:
            labels.append("in_statement")
        if sp is not None and sp.role:
            labels.append("role")
        if sp is None or sp.start is None:
            conf = min(conf, 0.3)
        if indirect:
            conf *= 0.9
        if sp is not None and sp.reason:
            reasons.append(sp.reason)
        verb = r.lemma if r is not None else None
        if verb is not None:
            verb = _SPELLING.get(verb, verb)
        quote = Quote(
            s, e, self.body[s:e], qtype,
            sp.start if sp else None, sp.end if sp else None, sp.mention if sp else None,
            sp.actor if sp else None, sp.desc if sp else None, verb, "+".join(labels),
            round(conf, 2), "; ".join(reasons) or None, "accepted")
        if sp is not None and sp.pronoun is not None:
            quote.speaker_pronoun_start, quote.speaker_pronoun_end, quote.speaker_pronoun = \
                sp.pronoun
        src = r.source if r is not None else None
        if src is None and r is not None:
            src = self._tail_source(r)
        if src is not None:
            snp = self._analyze_np(*src)
            if snp is not None:
                quote.source_start, quote.source_end = snp.start, snp.end
                quote.source_mention = snp.text
        return quote

    def _tail_source(self, r: _Rec) -> tuple[int, int] | None:
        """'... he said in remarks carried by the news agency TASS' -> the agency."""
        toks = self.toks
        a, b, _ = self.sents[r.sent]
        e = self._sent_end(a, b)
        for k in range(r.verb + 1, min(e, r.verb + 12) - 1):
            if toks[k].low in ("carried", "reported", "quoted", "cited", "published") and \
                    toks[k + 1].low == "by":
                m = k + 2
                while m < e and toks[m].text not in ",;" and toks[m].kind not in ("qo", "qc"):
                    m += 1
                return (k + 2, m) if m > k + 2 else None
        return None



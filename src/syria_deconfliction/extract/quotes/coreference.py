"""Coreference: the speaker of a record, from names, descriptions, pronouns and roles."""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Callable

from .gender import _LETTERS
from .model import _NP, SpeakerHint, _Hist, _Rec, _Speaker
from .vocabulary import (
    _AUTHOR_LINE_WORDS,
    _DETERMINERS,
    _DOC_NOUNS,
    _HEAD_TYPES,
    _HONORIFICS,
    _ORG_WORDS,
    _PAIR_TYPES,
    _PERSON_ROLE_NOUNS,
    _PRE_VERB_SKIP,
    _PREPOSITIONS,
    _RANK_WORDS,
    _ROLE_CLASS,
    _TITLE_WORDS,
)


class _SubjectSpeaker(_Speaker):
    """The speaker of a sentence's subject (_push_subject) whose actor and reason, most of its
    cost (hints, role holders, descriptions), are read only when first asked: most subjects
    never speak. They are what _speaker_from_np gave at the push: the rules that give them are
    pure in the document but for the speaker history (_earlier_description), which is read as
    it stood then (its length then: the history only grows, its entries never change)."""

    _pending: tuple[_Coreference, _NP, int, int, int] | None

    def _settle(self) -> None:
        pending = self._pending
        if pending is None:
            return
        ex, np, s, e, upto = pending
        self._pending = None
        saved, ex._hist_upto = ex._hist_upto, upto
        try:
            actor, why = ex._np_actor(np, s, e)
        finally:
            ex._hist_upto = saved
        self.__dict__["actor"], self.__dict__["reason"] = actor, why

    @property  # type: ignore[override]
    def actor(self) -> str | None:
        self._settle()
        return self.__dict__["actor"]  # type: ignore[no-any-return]

    @property  # type: ignore[override]
    def reason(self) -> str | None:
        self._settle()
        return self.__dict__["reason"]  # type: ignore[no-any-return]


class _Coreference:
    """Speakers of records: names, descriptions, pronouns and role holders."""

    # ------------------------------------------------------------------ speakers

    def _scope_has_quote(self, r: _Rec) -> bool:
        if r.scope is None:
            return False
        return any(self.toks[k].kind == "qo" for k in range(r.scope[0], r.scope[1]))

    def _speaker_from_np(self, np: _NP) -> _Speaker:
        if np.tok_b - np.tok_a == 1 and self.toks[np.tok_a].text == "I":
            author = self._closing_author()
            if author is not None:
                # the narrator of a first-person piece: the author its closing line names
                return _Speaker(author.start, author.end, author.mention, author.actor, None,
                                True, True, False, False, (np.start, np.end, "I"), author.reason)
        if np.core is not None and not np.role:
            s, e = np.core
        else:
            s, e = np.start, np.end
        desc = self.body[np.desc[0]:np.desc[1]] if np.desc else None
        actor, why = self._np_actor(np, s, e)
        core = np.core if (np.core is not None and np.role) else None
        return _Speaker(s, e, self.body[s:e], actor, desc, np.is_person, np.is_named,
                        np.is_plural, np.role, reason=why, core=core)

    def _np_actor(self, np: _NP, s: int, e: int) -> tuple[str | None, str | None]:
        """(actor id, reason) of the speaker phrase np named at s..e."""
        actor, why = self._actor_for(np, s, e)
        if np.role and np.is_person and np.core is None:
            holder = self._role_holder(np)
            if holder is not None:
                actor, why = holder
        return actor, why

    def _subject_speaker(self, np: _NP) -> _Speaker:
        """_speaker_from_np of a sentence's subject, its actor and reason read when first
        asked (_SubjectSpeaker): most subjects never speak."""
        if np.core is not None and not np.role:
            s, e = np.core
        else:
            s, e = np.start, np.end
        sp = object.__new__(_SubjectSpeaker)
        sp.__dict__.update(
            start=s, end=e, mention=self.body[s:e],
            desc=self.body[np.desc[0]:np.desc[1]] if np.desc else None,
            is_person=np.is_person, is_named=np.is_named, is_plural=np.is_plural,
            role=np.role, pronoun=None, core=np.core if (np.core is not None and np.role)
            else None, _pending=(self, np, s, e, len(self.hist)))
        return sp

    def _closing_author(self) -> _Speaker | None:
        """The author an op-ed's closing line names ("Ana Ruiz is a professor of history at
        ..."): one of the last two paragraphs opens with a full name, "is" and, within six
        words, a word of its role phrase (lexicon quotes_author_line_words: at, of, for)."""
        if self._author is not False:
            return self._author
        self._author = None
        toks = self.toks
        for ps, _pe in self.paras[-2:][::-1]:
            k = bisect_left(self._tok_starts, ps)
            n = k
            while n < len(toks) and n - k < 4 and self._is_name_tok(toks[n]):
                n += 1
            if n - k < 2 or n >= len(toks) or toks[n].low != "is" or \
                    not self._person_tokens(list(range(k, n))):
                continue
            if any(t.low in _AUTHOR_LINE_WORDS and t.para == toks[k].para
                   for t in toks[n + 1:n + 7]):
                s, e = toks[k].start, toks[n - 1].end
                self._author = _Speaker(s, e, self.body[s:e], self._person_actor(s, e), None,
                                        True, True, False, False,
                                        reason="first person: the author of the closing line")
                break
        return self._author

    def _actor_for(self, np: _NP, s: int, e: int) -> tuple[str | None, str | None]:
        toks = self.toks
        if np.core is not None:
            cs, ce = np.core
            actor = self._person_actor(cs, ce)
            if actor is not None:
                return actor, None
        pool = self._hints_overlapping(np.start, np.end)
        if np.head in _DOC_NOUNS:
            # a document speaks for its issuer ("a strike list issued by X", "an army
            # statement"); a phrase after the head word ("Reports in local media") is no actor
            by = [k for k in range(np.tok_a, np.tok_b) if toks[k].low in ("by", "from")]
            hd = next((k for k in range(np.tok_a, np.tok_b)
                       if self._bare(toks[k].low) == np.head), np.tok_b - 1)
            pool = [h for h in pool if (by and h.start >= toks[by[0]].end)
                    or h.end <= toks[hd].start]
        if pool:
            if np.is_plural and " and " in np.text:
                return pool[0].actor_id, "several speakers; actor of the first one"
            last = toks[np.tok_b - 1]
            head = [h for h in pool if h.start <= last.start < h.end]
            if head and not np.role:
                # "Norway's state broadcaster NRK": the name at the head, not the possessor
                return head[0].actor_id, None
            best = max(pool, key=lambda h: (h.end - h.start, -h.start))
            return best.actor_id, None
        if np.role and (toks[np.tok_a].low == "both" or (
                toks[np.tok_a].low == "the" and np.tok_a + 1 < np.tok_b
                and toks[np.tok_a + 1].low == "two")):
            return self._pair_actor(np)
        if np.role and self.hints and self.body[np.start:np.start + 4].lower() in (
                "the ", "this"):
            if np.head in _PERSON_ROLE_NOUNS and not np.is_plural:
                earlier = self._earlier_description(np)
                if earlier is not None:
                    return earlier
            found = self._description_actor(np, _HEAD_TYPES.get(np.head, frozenset()))
            if found[0] is None and not np.is_plural:
                # a text ("a Times article hailed ... . “...,” the article read.")
                return self._earlier_description(np) or found
            return found
        return None, None

    def _earlier_description(self, np: _NP) -> tuple[str, str] | None:
        """'the source', 'the official', 'the article': the last speaker described with the
        same head noun in the previous ten sentences ("A Syrian army source said ... . “...,”
        the source said.") and that speaker's actor."""
        si = self.sent_of_tok[np.tok_a]
        # (a subject's actor read late reads the history as it stood at its push)
        upto = self._hist_upto
        for h in reversed(self.hist if upto is None else self.hist[:upto]):
            if si - h.sent > 10:
                break
            sp = h.sp
            if h.kind != "speaker" or not sp.role or sp.actor is None or sp.mention is None \
                    or h.pos >= np.start:
                continue
            words = _LETTERS.findall(sp.mention.lower())
            if words and words[-1] == np.head and sp.start != np.start:
                return sp.actor, f"description resolved to the earlier '{sp.mention}'"
        return None

    def _person_actor(self, cs: int, ce: int) -> str | None:
        """Actor id of a person's name; a bare surname takes the id of the full name."""
        hits = self._hints_overlapping(cs, ce)
        name = self.body[cs:ce].split()
        surname = self._bare(name[-1]) if name else ""
        if len(name) == 1 or (len(name) == 2 and name[0].rstrip(".").lower() in _HONORIFICS):
            full = self._full_names().get(surname, [])
            if full:
                near = min(full, key=lambda h: abs(h.start - cs))
                return near.actor_id
        if hits:
            return max(hits, key=lambda h: h.end - h.start).actor_id
        return None

    def _pair_actor(self, np: _NP) -> tuple[str | None, str | None]:
        """'Both countries say ...': the first of the two actors the previous sentence names."""
        types = _PAIR_TYPES.get(np.head)
        si = self.sent_of_tok[np.tok_a]
        if types is None or si == 0:
            return None, None
        a, b, _ = self.sents[si - 1]
        s0, e0 = self.toks[a].start, self.toks[b - 1].end
        found: list[SpeakerHint] = []
        for h in self.hints:
            if s0 <= h.start < e0 and h.actor_type in types and \
                    h.actor_id not in {f.actor_id for f in found}:
                found.append(h)
        if len(found) != 2:
            return None, None
        names = " and ".join(self.body[h.start:h.end] for h in found)
        return found[0].actor_id, f"'{np.text}' are {names} (previous sentence); the first named"

    def _description_actor(self, np: _NP, types: frozenset[str]
                           ) -> tuple[str | None, str | None]:
        """'the coalition', 'the paper': the last earlier mention with the same head noun, else
        the last mention of a fitting actor type within three sentences that agrees in number."""
        si = self.sent_of_tok[np.tok_a]
        before = [h for h in self.hints if h.end <= np.start]
        head = re.compile(rf"\b{re.escape(np.head)}\b")  # once per phrase, not per mention
        same = [h for h in before if head.search(self.body[h.start:h.end].lower())]
        if same:
            h = same[-1]
            return h.actor_id, (f"definite description resolved to the last mention with the "
                                f"same head noun ({self.body[h.start:h.end]})")
        for h in reversed(before):
            hs = self._quote_sent(h.start)
            if si - hs > 3:
                break
            if h.actor_type not in types:
                continue
            word = self.body[h.start:h.end].split()[-1]
            if word.islower() and word.endswith("s") and not word.endswith("ss") and \
                    not np.is_plural:
                continue  # "the group" does not take up "Rebel groups"
            return h.actor_id, (f"definite description resolved to the last "
                                f"{h.actor_type} mentioned ({self.body[h.start:h.end]})")
        return None, None

    def _speaker_of(self, r: _Rec, depth: int = 0) -> _Speaker | None:
        if r.speaker is not None:
            return r.speaker
        sp: _Speaker | None = None
        if r.kind in ("participle", "coord") and r.np is None:
            rel = self._relative_antecedent(r) if r.kind == "coord" else None
            if rel is not None and r.parent is not None and rel[0] < r.parent.verb:
                rel = None  # the relative clause holds the earlier speech verb too
            if r.parent is not None and depth < 5 and rel is None:
                sp = self._speaker_of(r.parent, depth + 1)
            elif rel is not None:
                np = self._analyze_np(*rel)
                if np is not None:
                    sp = self._resolve(np, r)
            else:
                a, b, _ = self.sents[r.sent]
                # a participle in a leading clause ("After saying ..., she was ...") takes the
                # subject of the main clause after it
                ms = self._main_subject(a, r.verb) or self._leading_clause_subject(r.verb, b)
                if ms:
                    np = self._analyze_np(*self._subject_core(*ms))
                    if np is not None:
                        sp = self._resolve(np, r)
        elif r.np is not None:
            np = self._rec_np(r)
            if np is not None:
                sp = self._resolve(np, r)
        r.speaker = sp
        return sp

    def _leading_clause_subject(self, k: int, b: int) -> tuple[int, int] | None:
        """The subject of the main clause after a leading participle clause ending in a comma
        or a closing mark ("After saying her foot was “swollen,” she was ...")."""
        toks = self.toks
        for m in range(k + 1, b - 1):
            if toks[m].kind == "qc" or (toks[m].text == "," and self._free(m)):
                nxt = toks[m + 1]
                if nxt.low in ("he", "she", "they") or self._is_name_tok(nxt):
                    return self._main_subject(m + 1, b)
        return None

    def _lone_name(self, k: int) -> bool:
        """Is token k a capitalised word that is no organisation, title or place word and no
        mention of a non-person actor (a lone given name or surname)?"""
        t = self.toks[k]
        bare = self._bare(t.low)
        if not self._is_name_tok(t) or self._sentence_initial(k) and \
                self._first_name_gender(t.text) is None and bare not in self.surnames:
            return False  # a sentence-initial capital proves nothing
        if bare in _ORG_WORDS or bare in _TITLE_WORDS or bare in _DETERMINERS:
            return False
        hits = self._hints_overlapping(t.start, t.end)
        return all(h.actor_type in ("person", "other") for h in hits)

    def _relative_antecedent(self, r: _Rec) -> tuple[int, int] | None:
        """'X, who talked to Y and said that ...': a speech verb coordinated inside a relative
        clause (no comma between "who" and it) speaks for the relative's antecedent X."""
        toks = self.toks
        a = self.sents[r.sent][0]
        for k in range(r.verb - 1, a, -1):
            t = toks[k]
            if t.text in ",;:" or t.kind in ("qo", "qc", "dash"):
                if t.text == "," and k + 1 < r.verb and toks[k + 1].low == "who":
                    st = k  # the antecedent: back to a verb or preposition
                    while st > a and not (self._finite_like(st - 1) or toks[
                            st - 1].low in _PREPOSITIONS or toks[st - 1].text in ",;:"):
                        st -= 1
                    return (st, k) if st < k else None
                return None
        return None

    def _rec_np(self, r: _Rec) -> _NP | None:
        """The speaker phrase of a record, with its appositive folded in."""
        if r.np is None:
            return None
        toks = self.toks
        np = self._analyze_np(*r.np)
        if np is not None and not np.is_person and np.pronoun is None and \
                r.np[1] - r.np[0] == 1 and self._lone_name(r.np[0]):
            # "Melanie said": a lone capitalised word that is no known body speaks as a person
            np = np.copy()  # (the memo's phrase is shared: completed in a copy)
            np.is_person = np.is_named = True
            np.role = False
            np.core = (np.start, np.end)
        if np is not None and r.appos is not None:
            apnp = self._analyze_np(*r.appos)
            if np.role and apnp is not None and apnp.is_named and apnp.core:
                # "said the ministry's spokesman, Igor Ivanov"
                apnp = apnp.copy()
                apnp.desc = np.desc
                np = apnp
            elif apnp is not None and np.core is not None:
                da = r.appos[0]
                while da < r.appos[1] and toks[da].low in ("a", "an", "the"):
                    da += 1
                if da < r.appos[1]:
                    np = np.copy()
                    np.desc = (toks[da].start, toks[r.appos[1] - 1].end)
        return np

    # ------------------------------------------------------------------ role coreference

    def _named_speakers(self) -> list[tuple[int, int, _NP]]:
        """Named people who speak in the article: (sentence, token, phrase), in text order."""
        if self._holders is None:
            self._holders = []
            for si, recs in enumerate(self.recs):
                for r in recs:
                    np = self._rec_np(r)
                    if np is not None and np.is_named and np.core is not None and \
                            np.pronoun is None:
                        self._holders.append((si, r.verb, np))
        return self._holders

    def _full_names(self) -> dict[str, list[SpeakerHint]]:
        """Person hints of two or more words by their surname, in text order (once)."""
        if self._full_name_index is None:
            index: dict[str, list[SpeakerHint]] = {}
            for h in self.hints:
                words = self.body[h.start:h.end].split()
                if h.actor_type == "person" and len(words) >= 2:
                    index.setdefault(self._bare(words[-1]), []).append(h)
            self._full_name_index = index
        return self._full_name_index

    def _state_forms(self) -> list[tuple[str, str]]:
        """Each distinct (surface form, actor id) of the state hints, once per document."""
        if self._state_form_list is None:
            seen = dict.fromkeys((self.body[h.start:h.end], h.actor_id) for h in self.hints
                                 if h.actor_type == "state")
            self._state_form_list = list(seen)
        return self._state_form_list

    def _org_keys(self, a: int, b: int) -> tuple[frozenset[str], frozenset[str]]:
        """(states, other keys) of the words toks[a:b] outside role nouns: actor ids of the hints
        there (a demonym or possessive also names the state whose mention it begins with) and
        the content words. Pure in (a, b): read once per span (each role description asks
        them of every named speaker's description)."""
        if (a, b) not in self._org_keys_of:
            states, keys = self._read_org_keys(a, b)
            self._org_keys_of[a, b] = frozenset(states), frozenset(keys)
        return self._org_keys_of[a, b]

    def _read_org_keys(self, a: int, b: int) -> tuple[set[str], set[str]]:
        toks = self.toks
        s0, e0 = toks[a].start, toks[b - 1].end
        states: set[str] = set()
        keys: set[str] = set()
        state_forms = self._state_forms()
        for h in self._hints_starting_in(s0, e0):
            (states if h.actor_type == "state" else keys).add(h.actor_id)
        for k in range(a, b):
            t = toks[k]
            low = self._bare(t.low)
            if t.kind != "word" or low in _DETERMINERS or low in _PREPOSITIONS or \
                    low in _ROLE_CLASS or low in _HONORIFICS or low in ("and", "of"):
                continue
            keys.add(low)
            if self._is_cap(t):
                word = self._bare(t.text)
                for form, actor in state_forms:
                    if word[:4] != form[:4]:
                        continue  # (a shared prefix of four letters at least is asked)
                    n = len(os.path.commonprefix([word, form]))
                    if n >= 4 and n >= min(len(word), len(form)) - 2:
                        states.add(actor)
        return states, keys

    def _role_holder(self, np: _NP) -> tuple[str, str] | None:
        """The named person an unnamed one-holder role description refers to.

        (1) A person the article names with the same role noun (spokesman, ambassador,
        head/chief ...) and the same organisation or country in the title or apposition
        ("a spokeswoman for the prime minister" ... "government spokeswoman X"); (2) delayed
        identification: a person first named, without any description, as the speaker of the
        next sentence ("Britain's envoy said ... . Jane Doe told ...")."""
        toks = self.toks
        roles = {_ROLE_CLASS[self._bare(toks[k].low)] for k in range(np.tok_a, np.tok_b)
                 if self._bare(toks[k].low) in _ROLE_CLASS}
        if not roles or np.is_plural or np.core is not None:
            return None
        states, keys = self._org_keys(np.tok_a, np.tok_b)
        rank = keys & _RANK_WORDS
        si = self.sent_of_tok[np.tok_a]
        found: dict[str, tuple[int, int, str]] = {}
        for hs, _k, hnp in self._named_speakers():
            if hnp.desc is None or hnp.core is None:
                continue
            da = bisect_left(self._tok_starts, hnp.desc[0])
            db = bisect_left(self._tok_starts, hnp.desc[1])
            hroles = {_ROLE_CLASS[self._bare(toks[x].low)] for x in range(da, db)
                      if self._bare(toks[x].low) in _ROLE_CLASS}
            if not roles & hroles:
                continue
            hstates, hkeys = self._org_keys(da, db)
            if (states and hstates and not states & hstates) or (hkeys & _RANK_WORDS) != rank:
                continue  # another country, or another rank ("deputy ambassador")
            overlap = len((states | keys) & (hstates | hkeys))
            if overlap == 0:
                continue
            actor = self._person_actor(*hnp.core)
            if actor is None:
                continue
            score = (overlap, -abs(hs - si))
            if actor not in found or score > found[actor][:2]:
                found[actor] = (score[0], score[1], self.body[hnp.core[0]:hnp.core[1]])
        if found:
            ranked = sorted(found.items(), key=lambda x: x[1][:2], reverse=True)
            if len(ranked) > 1 and ranked[0][1][:2] == ranked[1][1][:2]:
                return None
            actor, (_o, _d, name) = ranked[0]
            return actor, f"role description resolved to {name}, named with the same role"
        titled = self._titled_holder(np, roles, keys - rank)
        if titled is not None:
            return titled
        for hs, _k, hnp in self._named_speakers():
            if hs != si + 1 or hnp.desc is not None or hnp.core is None:
                continue
            if self.toks[self.sents[hs][0]].start != hnp.start:
                continue  # the name opens the next sentence
            surname = self.body[hnp.core[0]:hnp.core[1]].split()[-1]
            if self.body.find(surname) < hnp.core[0]:
                continue  # named before: not an identification
            actor = self._person_actor(*hnp.core)
            if actor is not None:
                name = self.body[hnp.core[0]:hnp.core[1]]
                return actor, f"role description resolved to {name}, named in the next sentence"
        return None

    def _titled_holder(self, np: _NP, roles: set[str], keys: frozenset[str]
                       ) -> tuple[str, str] | None:
        """'the president', 'the former general': a definite role description with no other
        words is the last person named before it with that role as a title ("President
        Holm", "Gen. Holm") when the article has one."""
        toks = self.toks
        if toks[np.tok_a].low != "the" or keys - {self._bare(toks[k].low)
                                                   for k in range(np.tok_a, np.tok_b)
                                                   if self._bare(toks[k].low) in _ROLE_CLASS}:
            return None
        for k in range(np.tok_a - 1, -1, -1):
            t = toks[k]
            if not self._is_cap(t) or _ROLE_CLASS.get(self._bare(t.low).rstrip(".")) not in roles:
                continue
            n = k + 2 if k + 2 < len(toks) and toks[k + 1].text == "." else k + 1
            end = self._surname_from(n) if n < len(toks) else None
            if end is None or not self._is_name_tok(toks[n]):
                continue
            actor = self._person_actor(toks[n].start, toks[end].end)
            if actor is not None:
                name = self.body[toks[n].start:toks[end].end]
                return actor, f"role description resolved to {name}, named with that title"
        return None

    def _resolve(self, np: _NP, r: _Rec) -> _Speaker:
        if np.pronoun is None:
            return self._speaker_from_np(np)
        ante = self._antecedent(np.pronoun, np.start, r.sent)
        pron = (np.start, np.end, self.body[np.start:np.end])
        if ante is not None and ante.core is not None and np.pronoun in ("he", "she"):
            cs, ce = ante.core
            actor = self._person_actor(cs, ce)
            ante = _Speaker(cs, ce, self.body[cs:ce], actor, None, True, True, False, False)
        if ante is not None and np.pronoun in ("he", "she"):
            key = self._gender_key(ante)
            if key:
                self._gender.setdefault(key, "m" if np.pronoun == "he" else "f")
        if ante is None:
            return _Speaker(None, None, None, None, None, np.is_person, False, np.is_plural,
                            False, pron, f"pronoun '{pron[2]}' without a resolvable antecedent")
        return _Speaker(ante.start, ante.end, ante.mention, ante.actor, ante.desc,
                        ante.is_person, ante.is_named, ante.is_plural, ante.role, pron,
                        ante.reason)

    def _antecedent(self, pron: str, pos: int, si: int) -> _Speaker | None:
        para = self.sents[si][2]
        # the history before the pronoun, latest first: each rule takes the latest entry that
        # fits it (the last of the entries it would list), so the entries are read back only
        # until one fits, and agreement is asked only of the people read (once each: it is
        # pure in the speaker while the rules run)
        back = [h for h in reversed(self.hist) if h.pos < pos and h.sp.start is not None]
        if pron in ("he", "she"):
            people = [h for h in back if h.sp.is_person]
            agreed: dict[int, bool] = {}

            def latest(test: Callable[[_Hist], bool]) -> _Speaker | None:
                for n, h in enumerate(people):
                    if test(h):
                        ok = agreed.get(n)
                        if ok is None:
                            ok = agreed[n] = self._agrees(h.sp, pron)
                        if ok:
                            return h.sp
                return None

            local = latest(lambda h: h.kind == "speaker" and (
                h.sent == si or (h.sent == si - 1 and h.para == para)))
            if local is not None:
                return local
            same = self._sentence_person(si, pos, pron)
            if same is not None:
                return same
            intro = self._introduced_person(si, pron)
            if intro is not None:
                return intro
            # a named person who is the subject of the previous sentence of the paragraph
            # ("X, chairman of ..., was more measured. Speaking ..., he said:"), or of the
            # last sentence of the previous paragraph when the pronoun's sentence opens its
            # own ("X had a question for the mayor. ¶ “...,” she said.")
            lead = self._quoted_lead(si)
            opens = lead > 0 and self.sents[lead - 1][2] != para
            local = latest(lambda h: h.kind == "subject" and h.sp.is_named and (
                h.sent == si or (h.sent == si - 1 and h.para == para)
                or (opens and h.sent == lead - 1)))
            if local is not None:
                return local
            named = latest(lambda h: h.kind == "speaker" and h.sp.is_named and si - h.sent <= 6)
            if named is not None:
                return named
            roles = latest(lambda h: h.kind == "speaker" and si - h.sent <= 6)
            if roles is not None:
                return roles
            return latest(lambda h: h.kind == "subject" and h.sp.is_named and si - h.sent <= 2)
        spk = [h for h in back if h.kind == "speaker"]
        subj = [h for h in back if h.kind == "subject"]
        if pron == "it":
            own = next((h.sp for h in subj if h.sent == si and not h.sp.is_person), None)
            if own is not None:
                return own
            sp2 = next((h.sp for h in spk if not h.sp.is_person and not h.sp.is_plural
                        and si - h.sent <= 3), None)
            if sp2 is not None:
                return sp2
            return next((h.sp for h in subj if not h.sp.is_person and si - h.sent <= 2), None)
        plural = next((h.sp for h in spk if (h.sp.is_plural or not h.sp.is_person)
                       and si - h.sent <= 3), None)
        if plural is not None:
            return plural
        return next((h.sp for h in subj if h.sp.is_plural and si - h.sent <= 2), None)

    def _sentence_person(self, si: int, pos: int, pron: str) -> _Speaker | None:
        """'X described Ruth Calder as ... after she ...': the one named person earlier in the
        pronoun's own sentence whose gender the text tells and agrees (no speaker of the
        sentence agreeing); None when another person there may be meant."""
        a = self.sents[si][0]
        found: dict[str, _Speaker] = {}
        for h in self._hints_overlapping(self.toks[a].start, pos):
            ka = self._tok_at(h.start)
            if h.actor_type != "person" or ka < 0 or h.end > pos or not self._free(ka):
                continue  # (a name inside the quotation is no antecedent of its attribution)
            kb = next((x for x in range(ka, len(self.toks)) if self.toks[x].end >= h.end), ka)
            np = self._analyze_np(ka, kb + 1)
            if np is None or not (np.is_person and np.is_named) or np.pronoun is not None:
                continue
            sp = self._speaker_from_np(np)
            g = self._told_gender(sp)
            if g is not None and g != ("m" if pron == "he" else "f"):
                continue
            found.setdefault(sp.actor or sp.mention or "", sp)
            if len(found) > 1 or g is None:
                return None
        return next(iter(found.values()), None)

    def _introduced_person(self, si: int, pron: str) -> _Speaker | None:
        """'... concerns X, president of Y. ¶ “...,” he said': a person introduced with an
        apposition at the end of the previous paragraph's last sentence, when the pronoun's
        sentence opens the next paragraph."""
        toks = self.toks
        si = self._quoted_lead(si)
        if si == 0 or self.sents[si - 1][2] == self.sents[si][2]:
            return None
        a, b, _ = self.sents[si - 1]
        e = self._sent_end(a, b)
        for c in range(e - 2, a, -1):
            if toks[c].text != "," or not self._free(c) or any(
                    self._finite_like(x) or toks[x].text in ",;:" for x in range(c + 1, e)):
                continue
            if c + 1 < e and (toks[c + 1].low == "to" or toks[c + 1].low.endswith("ing")):
                return None  # "..., overseen by X, to make ...": a purpose clause, no apposition
            k = c
            while k > a and self._is_name_tok(toks[k - 1]):
                k -= 1
            np = self._analyze_np(k, c) if k < c else None
            if np is None or not (np.is_named and np.is_person) or np.core is None:
                return None
            sp = self._speaker_from_np(np)
            return sp if self._agrees(sp, pron) else None
        return None

    def _quoted_lead(self, si: int) -> int:
        """The first sentence of a quotation of several sentences that ends in sentence si
        ('“A. B,” he said': the attribution's sentence starts where the quotation does)."""
        para = self.sents[si][2]
        while si > 0 and self.sents[si - 1][2] == para and all(
                not self._free(k) for k in range(*self.sents[si - 1][:2])):
            si -= 1
        return si

    def _push_subject(self, ms: tuple[int, int], si: int) -> None:
        """Record the main subject ``ms`` (token range) of sentence ``si``. A he/she subject
        records the person it takes up, who stays the topic ("Mr. Holm hopes to ... . He
        doubts it. “...,” he said": the second "he" is still Holm)."""
        np = self._analyze_np(*self._subject_core(*ms))
        if np is None:
            return
        if np.pronoun is None:
            self._push(np.start, si, self._subject_speaker(np), "subject")
        elif np.pronoun in ("he", "she"):
            ante = self._antecedent(np.pronoun, np.start, si)
            if ante is not None and ante.is_person:
                self._push(np.start, si, ante, "subject")

    def _subject_core(self, a: int, b: int) -> tuple[int, int]:
        """The subject phrase without an adverb before the verb ("Holm largely agreed", "She
        then said") and, for a person's name opening the sentence, without a present-tense
        verb after it ("Holm bristles at ...")."""
        toks = self.toks
        if b - a >= 3 and toks[b - 1].text == ")":
            # "Sen. X (Vt.)": a short bracket after the name is no part of the subject
            o = next((x for x in range(b - 2, max(a, b - 7), -1) if toks[x].text == "("), None)
            if o is not None and o > a:
                b = o
        if b - a >= 2 and self._is_name_tok(toks[a]) and (
                self._bare(toks[a].text) in self.surnames
                or self._hint_type(toks[a].start, toks[a].end) == "person"):
            w = toks[a + 1]
            if w.kind == "word" and w.text.islower() and w.low.endswith("s") and \
                    not w.low.endswith(("ss", "us", "is")) and w.low not in _PREPOSITIONS:
                return a, a + 1
        while b - a >= 2 and toks[b - 1].kind == "word" and toks[b - 1].text.islower() and (
                toks[b - 1].low in _PRE_VERB_SKIP or (toks[b - 1].low.endswith("ly")
                                                       and len(toks[b - 1].low) > 4)):
            b -= 1
        return a, b

    def _push(self, pos: int, si: int, sp: _Speaker | None, kind: str = "speaker") -> None:
        if sp is None or sp.start is None or (sp.pronoun is not None and sp.pronoun[2] == "I"):
            return  # (the first-person narrator is no antecedent of he or she)
        self._note_gender(sp)
        self.hist.append(_Hist(pos, si, self.sents[si][2], kind, sp))


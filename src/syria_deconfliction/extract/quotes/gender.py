"""Gender: what a speaker's name, title and the text say of their gender, and whether a
pronoun agrees with a speaker."""

from __future__ import annotations

import re
from itertools import compress, count

from .model import _Speaker
from .phrases import _NAME_WORD, _TextTest
from .vocabulary import (
    _FEMALE_FIRST_NAMES,
    _FEMALE_WORDS,
    _HONORIFICS,
    _MALE_FIRST_NAMES,
    _MALE_WORDS,
)

# compiled once: these are asked per speaker and per pronoun
_LETTERS = re.compile(r"[^\W\d_]+")
_LETTERS_DOT = re.compile(r"[^\W\d_]+\.?")
# honorifics that tell a gender ("Mrs"): where the gender rules look for one
_GENDERED_HONORIFICS = _HONORIFICS & (_MALE_WORDS | _FEMALE_WORDS)
# is a token of this low text an honorific of known gender (its stops aside)?
_GENDERED_HONORIFIC_LOW = _TextTest(lambda low: low.rstrip(".") in _GENDERED_HONORIFICS)


class _Gender:
    """The gender rules of the quote extractor (a mixin of _Extractor)."""

    def _name_facts(self, sp: _Speaker) -> tuple[str, str | None, bool]:
        """(_gender_key, _own_gender, _has_given_name) of a speaker: pure in the name's span,
        so read once per span (the pronoun rules ask them of every earlier speaker)."""
        if not sp.is_person or sp.start is None:
            return "", None, False
        span = sp.core if sp.core is not None else (sp.start, sp.end or sp.start)
        facts = self._facts_of_span.get(span)
        if facts is None:
            facts = self._facts_of_span[span] = (
                self._gender_key(sp), self._own_gender(sp), self._has_given_name(sp))
        return facts

    def _gender_key(self, sp: _Speaker) -> str:
        """A person's surname, the key of what the text tells about their gender."""
        if not sp.is_person or sp.start is None:
            return ""
        s, e = sp.core if sp.core is not None else (sp.start, sp.end or sp.start)
        words = _LETTERS.findall(self.body[s:e])
        return words[-1].lower() if words else ""

    def _note_gender(self, sp: _Speaker) -> None:
        """Record a gender the speaker phrase states (an honorific, "spokeswoman")."""
        key = self._name_facts(sp)[0]
        if not key or sp.start is None:
            return
        told = (sp.start, sp.end, sp.desc)  # what the phrase states is pure in these
        if told not in self._stated_gender:
            self._stated_gender[told] = self._phrase_gender(sp.start, sp.end, sp.desc)
        g = self._stated_gender[told]
        if g is not None:
            self._gender[key] = g

    def _phrase_gender(self, s: int, end: int | None, desc: str | None) -> str | None:
        """The gender a speaker phrase at s..end with description desc states, if one."""
        lows = [w.lower() for w in _LETTERS_DOT.findall(self.body[s:end or s])]
        lows += [w.lower() for w in _LETTERS_DOT.findall(desc or "")]
        # the word before the mention ("Mrs. Holm" where only "Holm" is the mention)
        before = _LETTERS_DOT.findall(self.body[max(0, s - 12):s])
        if before:
            lows.append(before[-1].lower())
        male = any(w in _MALE_WORDS for w in lows)
        female = any(w in _FEMALE_WORDS for w in lows)
        return ("m" if male else "f") if male != female else None

    def _agrees(self, sp: _Speaker, pron: str) -> bool:
        key, g, given = self._name_facts(sp)
        if g is None and not given:
            # a bare surname: what the text tells of that surname (a full name with an
            # unknown given name may be a relative of another bearer of the surname)
            g = self._text_genders().get(key)
        g = g or self._gender.get(key)
        return g is None or g == ("m" if pron == "he" else "f")

    @staticmethod
    def _first_name_gender(word: str) -> str | None:
        low = word.lower()
        return "m" if low in _MALE_FIRST_NAMES else "f" if low in _FEMALE_FIRST_NAMES else None

    def _name_words(self, sp: _Speaker) -> list[str]:
        """The words of a person speaker's name without honorifics."""
        if not sp.is_person or sp.start is None:
            return []
        s, e = sp.core if sp.core is not None else (sp.start, sp.end or sp.start)
        words = _NAME_WORD.findall(self.body[s:e])
        return [w for w in words if w.lower() not in _HONORIFICS]

    def _has_given_name(self, sp: _Speaker) -> bool:
        return len(self._name_words(sp)) >= 2

    def _own_gender(self, sp: _Speaker) -> str | None:
        """The gender a person's own full name tells by its given name ("Ruth Calder")."""
        words = self._name_words(sp)
        if len(words) == 1 and words[0] not in self.surnames:
            return self._first_name_gender(words[0])  # a person named by a given name only
        return self._first_name_gender(words[0]) if len(words) >= 2 else None

    def _surname_from(self, n: int) -> int | None:
        """The last name token of the name run from token n, over initials ("J." in
        "Robert J. Hale"); None when no name token follows."""
        toks = self.toks
        k = None
        while n < len(toks):
            t = toks[n]
            if self._is_name_tok(t):
                k, n = n, n + 1
            elif len(t.text) == 1 and t.text.isupper() and n + 1 < len(toks) and \
                    toks[n + 1].text == ".":
                n += 2
            else:
                break
        return k

    def _text_genders(self) -> dict[str, str]:
        """Surname -> gender, from every full name with a known given name ("Ruth Calder") and
        every honorific ("Mrs. Calder") in the text; a surname told both ways (a married
        couple) is left out. Computed once."""
        if self._genders is None:
            toks = self.toks
            is_name = self._name_flags
            seen: dict[str, set[str]] = {}
            # only an honorific of known gender or the first token of a name run tells one
            # (the rest of the tokens need no visit)
            # (the honorific test is a table per distinct text, the name test on name tokens)
            _GENDERED_HONORIFIC_LOW.bound()
            told = set(compress(count(), map(_GENDERED_HONORIFIC_LOW.__getitem__, self._lows)))
            told.update(i for i in self._name_at if i == 0 or not is_name[i - 1])
            for i in sorted(told):
                t = toks[i]
                g = None
                low = t.low.rstrip(".")
                j = i + 1
                if low in _HONORIFICS and (low in _MALE_WORDS or low in _FEMALE_WORDS):
                    g = "m" if low in _MALE_WORDS else "f"
                    if j < len(toks) and toks[j].text == "." and toks[j].start == t.end:
                        j += 1  # "Mrs. Calder": the stop is a token of its own
                elif is_name[i] and (i == 0 or not is_name[i - 1]):
                    g = self._first_name_gender(t.text)
                k = self._surname_from(j) if g is not None else None
                if k is None:
                    continue
                seen.setdefault(self._bare(toks[k].text).lower(), set()).add(g)
            self._genders = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._genders

    def _told_gender(self, sp: _Speaker) -> str | None:
        """The gender the text tells of a person speaker (None when it tells none)."""
        key, g, given = self._name_facts(sp)
        if g is None and not given:
            g = self._text_genders().get(key)
        return g or self._gender.get(key)

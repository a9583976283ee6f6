"""Finding mentions: candidates from the compiled registry and the context rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..case import irregular_case
from ..document import Document
from .model import _APOS, DEFAULT_LEXICON, Lexicon, Mention, may_end_with
from .registry import MentionRegistry, _Entry, _Registry, _registry

# --------------------------------------------------------------------------- context rules


@lru_cache(maxsize=8)
def _context_res(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    def alt(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    adj = rf"(?:(?:{alt(lex.compass_words)}|\w+-(?:held|controlled))\s+)?"
    # A compass adjective alone also names a region of the state: "northern Iraq".
    regional = rf"|\b(?:{alt(w for w in lex.compass_words if w.endswith('ern'))})\s+"
    locative = (
        rf"(?:\b(?:{alt(lex.locative_prepositions)})\s+(?:the\s+)?{adj}{regional}"
        rf"|\b(?:{alt(lex.compass_words)}|{alt(lex.area_nouns_before_of)})\s+of\s+(?:the\s+)?{adj}"
        rf"|\bborders?\s+with\s+(?:the\s+)?)$"
    )
    return {
        "locative": re.compile(locative, re.IGNORECASE),
        "place_suffix": re.compile(rf"-(?:{alt(lex.place_hyphen_suffixes)})\b"),
        "agent_suffix": re.compile(rf"-(?:{alt(lex.agent_hyphen_suffixes)})\b"),
        "attitude": re.compile(rf"\b(?:{alt(lex.attitude_prefixes)})-$", re.IGNORECASE),
        "honorific": re.compile(rf"(?<![\w.])(?:{alt(lex.honorifics | lex.title_words)})\s+$"),
    }


@lru_cache(maxsize=8)
def _locative_heads(lex: Lexicon) -> frozenset[str]:
    """The first word runs, lower case, of the words that open a "locative" context match."""
    words = lex.locative_prepositions | lex.compass_words | lex.area_nouns_before_of | {"borders"}
    return frozenset(m.group().lower() for w in words if (m := _WORD_RUN_RE.match(w)))


_WORD_RUN_RE = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _locative_heads_re(lex: Lexicon) -> re.Pattern[str]:
    """The whole word runs of a lower-cased text that are one of ``_locative_heads(lex)``. Each
    alternative opens with its first letter and tests the look-behind after it ("(?<!\\w<c>)":
    no word character before it), so the search skips to those letters."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(_locative_heads(lex), key=lambda w: (-len(w), w)):
        by_first.setdefault(w[0], []).append(w[1:])
    alt = "|".join(re.escape(c) + r"(?<!\w" + re.escape(c) + ")(?:"
                   + "|".join(map(re.escape, tails)) + ")" for c, tails in by_first.items())
    return re.compile(rf"(?:{alt or '(?!x)x'})(?!\w)")


def _locative_before(lex: Lexicon, text: str, start: int, regular: bool = False) -> bool:
    """Whether the 60 characters before ``start`` end in a locative context ("in northern",
    "south of the"): what ``_context_res(lex)["locative"].search`` of them finds.

    Every match opens with one of the context words at a word start, so the pattern is only
    tried at the words that are one (case aside); a window holding a letter whose lower case
    differs from what (?i) equates it with (extract/case.py) is searched at every character.
    ``regular``: the caller knows the whole text holds no such letter."""
    return _locative_in(_context_res(lex)["locative"], _locative_heads_re(lex), text, start,
                        regular, _locative_enders(lex))


def _locative_in(rx: re.Pattern[str], heads_re: re.Pattern[str], text: str, start: int,
                 regular: bool, enders: tuple[str, ...]) -> bool:
    """``_locative_before`` with the lexicon's pattern, ``_locative_heads_re`` and
    ``_locative_enders`` given."""
    window = text[max(0, start - 60) : start]
    if not regular and irregular_case(window):
        return rx.search(window) is not None
    # Without those letters lower case keeps every offset and word run: the runs whose lower
    # case is a context word are where the lower-cased window holds that word as a run; and
    # a match, which ends in white space at the window's end, ends its last word with one of
    # ``enders`` (most windows do not: no run is tried).
    low = window.lower()
    return may_end_with(low, enders) \
        and any(rx.match(window, m.start()) is not None for m in heads_re.finditer(low))


@lru_cache(maxsize=8)
def _locative_enders(lex: Lexicon) -> tuple[str, ...]:
    """What the last word of a "locative" context match ends with, in lower case: every match
    ends "<word><white space>", the word the last of a preposition, "the", a compass word,
    "of", "with" or "<word>-held"/"-controlled" (see _context_res)."""
    words = {"the", "of", "with", "held", "controlled"}
    words |= {w.split()[-1].lower() for w in lex.locative_prepositions | lex.compass_words
              if w.split()}
    return tuple(sorted(words))


_COORD_RE = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_AND_OTHER_RE = re.compile(r",?\s+(?:and|or)\s+other\b")
_NEXT_WORD_RE = re.compile(r"[ \t]+([\w][\w'’.-]*)")
# "al-"/"el-" right before an alias joins its span (rule 2): the three characters before it
_PARTICLES_BEFORE = frozenset({"Al-", "al-", "El-", "el-"})
_COORD_GAP_RE = re.compile(r"\s+(?:and|or)\s+|,\s*(?:and|or)\s+")
_COMMA_GAP_RE = re.compile(r",\s*")
_APOSTROPHE_RE = re.compile(r"['’]")
# A surname that is also a month or weekday ("May") is the calendar word after a lower-case
# or function word ("since May", "In May") or before a day number ("May 5").
_CALENDAR_BEFORE_RE = re.compile(r"\b([A-Za-z]+)[ \t]+$")
_CALENDAR_AFTER_RE = re.compile(r"[ \t]+\d")


def _in_set(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    if word.endswith("es") and word[:-2] in words:
        return True
    return word.endswith("s") and word[:-1] in words


def _head_noun_class(lex: Lexicon, word: str) -> str | None:
    """The class of a lower-case head noun after a demonym or state name, None for none."""
    for cls, words in (
        ("irregular", lex.irregular_force_nouns),
        ("military", lex.military_nouns),
        ("government", lex.government_nouns),
        ("role", lex.role_nouns),
        ("agency", lex.agency_nouns),
        ("non_actor", lex.non_actor_nouns),
    ):
        if _in_set(word, words):
            return cls
    return None


@lru_cache(maxsize=8)
def _head_noun_classes(lex: Lexicon) -> dict[str, str | None]:
    """A memo of ``_head_noun_class`` per lexicon, filled as words are met (a pure function of
    the word: the same for every article)."""
    return {}


def _title_before(window: str, titles: frozenset[str]) -> bool:
    """Whether ``_context_res(lex)["honorific"].search(window)`` finds a title or honorific
    (``titles``: none holds white space) followed by white space to the window's end: the
    title is a tail of the window's last token (before its trailing white space) that no
    word character nor full stop precedes within the token."""
    head = window.rstrip()
    if len(head) == len(window) or not head:
        return False
    token = head.split()[-1]
    return any(token[i:] in titles for i in range(len(token))
               if i == 0 or not (token[i - 1].isalnum() or token[i - 1] in "_."))


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    form: str
    entry: _Entry | None = None  # chosen actor entry; None for a gazetteer-only name
    place_reading: bool = False
    possessive: bool = False
    state_like: bool = False
    actor_id: str | None = None
    rule: str | None = None


def _is_possessive(text: str, end: int) -> bool:
    if end < len(text) and text[end] in _APOS:
        nxt = text[end + 1 : end + 2]
        if nxt == "s" and not text[end + 2 : end + 3].isalpha():
            return True
        if text[end - 1] == "s" and not nxt.isalpha():
            return True
    return False


def _after_possessive(text: str, c: _Cand) -> int:
    if not c.possessive:
        return c.end
    return c.end + (2 if text[c.end + 1 : c.end + 2] == "s" else 1)


class _Matcher:
    def __init__(self, reg: _Registry) -> None:
        self.reg = reg
        self.lex = reg.lex
        self.res = _context_res(reg.lex)
        self.classes = _head_noun_classes(reg.lex)
        self.locative_heads = _locative_heads_re(reg.lex)
        self.locative_enders = _locative_enders(reg.lex)
        self.titles = reg.lex.honorifics | reg.lex.title_words
        self.regular = False  # the text read holds no letter of irregular case (find sets it)

    # ---- longest-match-first candidate selection
    def _select(self, text: str) -> list[_Cand]:
        """The longest forms first, none overlapping one chosen before, in text order. Forms
        that overlap no other (most) are chosen whatever the order: only each cluster of
        overlapping forms, with the shorter forms at their starts, goes through the sort."""
        found = self.reg.main_index.overlapping(text)
        chosen: list[_Cand] = []
        i, n = 0, len(found)
        while i < n:
            s, form = found[i]
            end = s + len(form)
            j = i + 1
            while j < n and found[j][0] < end:  # the cluster: starts inside its reach
                end = max(end, found[j][0] + len(found[j][1]))
                j += 1
            if j == i + 1:  # alone: the longest form at its start, nothing overlaps it
                chosen.append(_Cand(s, s + len(form), form))
            else:
                chosen += self._select_cluster(text, found[i:j])
            i = j
        return chosen

    def _select_cluster(self, text: str, found: Sequence[tuple[int, str]]) -> list[_Cand]:
        """Longest first (ties: leftmost), each form or shorter form at a start taken unless it
        overlaps one taken before; the taken in text order."""
        reg = self.reg
        cands: list[tuple[int, int, str]] = []
        for s, form in found:
            cands.append((s, s + len(form), form))
            for shorter in reg.prefixes.get(form, ()):
                e = s + len(shorter)
                if e >= len(text) or not (text[e].isalnum() or text[e] == "_"):
                    cands.append((s, e, shorter))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        chosen: list[_Cand] = []
        for s, e, form in cands:
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            chosen.append(_Cand(s, e, form))
        chosen.sort(key=lambda c: c.start)
        return chosen

    # ---- place reading
    def _is_locative(self, text: str, c: _Cand, prev: _Cand | None) -> bool:
        if self.res["place_suffix"].match(text, c.end):
            return True
        if _locative_in(self.res["locative"], self.locative_heads, text, c.start, self.regular,
                        self.locative_enders):
            return True
        if prev is None:
            return False
        gap = text[_after_possessive(text, prev) : c.start]
        if _COORD_GAP_RE.fullmatch(gap):
            return True
        # "Damascus, Syria": a place followed by the country it lies in.
        if _COMMA_GAP_RE.fullmatch(gap) and c.entry is not None:
            country = self.reg.actors.get(c.entry.ident, {}).get("country_iso3")
            return bool(country) and country == self.reg.name_country.get(prev.form)
        return False

    def _before_title(self, text: str, c: _Cand) -> bool:
        """A state name before a title word is the actor even after a preposition ("a letter
        from U.S. Secretary of State <Name>"): it qualifies the office, not a location."""
        if c.possessive:
            return False
        m = _NEXT_WORD_RE.match(text, c.end)
        return m is not None and m.group(1).rstrip(".") in self.lex.title_words

    # ---- head-noun classification for demonyms and attributive state names
    def _head_class(self, text: str, pos: int, places_at: dict[int, int],
                    free_modifier: bool) -> str | None:
        lex = self.lex
        m = _AND_OTHER_RE.match(text, pos)
        if m:
            pos = m.end()
        modifiers = 0
        while True:
            m = _NEXT_WORD_RE.match(text, pos)
            if not m:
                return None
            if m.start(1) in places_at:  # a name between demonym and noun: "Russian Black Sea"
                pos = places_at[m.start(1)]
                continue
            raw = m.group(1)
            word = _APOSTROPHE_RE.split(raw.rstrip("."))[0]
            if not word:
                return None
            if word[0].isupper():
                return "title" if (word in lex.title_words or word in lex.honorifics) else None
            lw = word.lower()
            cls = self.classes.get(lw, "")
            if cls == "":
                cls = _head_noun_class(lex, lw)
                if len(self.classes) < 1 << 16:
                    self.classes[lw] = cls
            if cls is not None:
                return cls
            plain_modifier = raw == word and lw not in lex.common_words
            allowed = lw in lex.modifier_words or (
                free_modifier and plain_modifier and not lw.endswith("ing")
            )
            if modifiers >= 1 or not allowed:
                return None
            modifiers += 1
            pos = m.end()

    def _child(self, actor_id: str, kind: str) -> str:
        return self.reg.children.get((actor_id, kind), actor_id)

    def find(self, text: str) -> list[Mention]:
        reg = self.reg
        self.regular = not irregular_case(text)
        chosen = self._select(text)
        places_at = {c.start: c.end for c in chosen}
        prev_place: _Cand | None = None
        readings = reg.readings
        for c in chosen:
            entry, is_state, in_gazetteer = readings[c.form]
            c.possessive = _is_possessive(text, c.end)
            if entry is None:
                c.place_reading = True
                prev_place = c
                continue
            c.entry = entry
            if (
                entry.kind in ("alias", "metonym")
                and (is_state or entry.kind == "metonym" or in_gazetteer)
                and not self._before_title(text, c)
                and self._is_locative(text, c, prev_place)
            ):
                c.place_reading = True
                prev_place = c
                continue
            c.state_like = entry.kind == "demonym" or (entry.kind == "alias" and is_state)
            prev_place = None
        live = [c for c in chosen if c.entry is not None and not c.place_reading]
        self._resolve(text, live, places_at)
        self._stacked_irregular(text, live)
        self._elliptical(text, live)
        mentions: list[Mention] = []
        for c in live:
            if c.rule is None or c.actor_id is None:
                continue
            start = c.start
            if c.entry is not None and c.entry.kind == "alias" and start >= 3 \
                    and text[start - 3 : start] in _PARTICLES_BEFORE:
                start -= 3
            mentions.append(
                Mention(start, c.end, text[start : c.end], c.actor_id, c.rule, c.possessive)
            )
        mentions.extend(self._surnames(text, mentions, chosen))
        mentions.sort(key=lambda mt: mt.start)
        return mentions

    def _stacked_irregular(self, text: str, live: list[_Cand]) -> None:
        """"<State demonym> Kurdish fighters": the state's demonym qualifies the people right
        after it (one space between), so it joins that force's span; a state's demonym alone
        before "fighters" names no actor."""
        for c1, c2 in zip(live, live[1:], strict=False):
            if c1.entry is None or c2.entry is None or c1.rule is not None:
                continue
            if c1.entry.kind == "demonym" and c2.rule == "demonym_military" \
                    and c2.actor_id == c2.entry.ident and text[c1.end : c2.start] == " ":
                c1.actor_id, c1.rule = c1.entry.ident, "demonym"

    def _elliptical(self, text: str, live: list[_Cand]) -> None:
        """Rule 5b: a state name coordinated with a longer alias shares its tail.

        In "U.S. and U.K. special forces" the second conjunct is the alias "U.K. special
        forces"; the first means "U.S. special forces" when the registry knows that form."""
        for c1, c2 in zip(live, live[1:], strict=False):
            gap = _COORD_RE.match(text, c1.end)
            if not c1.state_like or c2.state_like or not gap or gap.end() != c2.start:
                continue
            for cut in range(len(c2.form) - 1, 0, -1):
                head, tail = c2.form[:cut], c2.form[cut:]
                if not tail.startswith(" ") or not any(
                        e.kind in ("alias", "demonym") for e in self.reg.forms.get(head, ())):
                    continue
                entries = [e for e in self.reg.forms.get(c1.form + tail, ()) if e.kind == "alias"]
                if entries and entries[0].ident != c1.actor_id:
                    c1.actor_id, c1.rule = entries[0].ident, "alias"
                break

    def _resolve(self, text: str, live: list[_Cand], places_at: dict[int, int]) -> None:
        by_start = {c.start: c for c in live}
        done: set[int] = set()
        for c in live:
            assert c.entry is not None
            if c.start in done:
                continue
            if not c.state_like:
                c.actor_id, c.rule = c.entry.ident, c.entry.kind
                continue
            chain = [c]  # coordinated demonyms / state names share one head noun
            while not chain[-1].possessive and not _AND_OTHER_RE.match(text, chain[-1].end):
                m = _COORD_RE.match(text, chain[-1].end)
                nxt = by_start.get(m.end()) if m else None
                if nxt is None or not nxt.state_like:
                    break
                chain.append(nxt)
            last = chain[-1]
            assert last.entry is not None
            head = self._head_class(text, _after_possessive(text, last), places_at,
                                    free_modifier=last.entry.kind == "demonym")
            for member in chain:
                done.add(member.start)
                self._apply(text, member, head)

    def _apply(self, text: str, c: _Cand, head: str | None) -> None:
        assert c.entry is not None
        aid = c.entry.ident
        if c.entry.kind == "alias":
            c.actor_id, c.rule = aid, "alias"
            if head == "military":
                c.actor_id, c.rule = self._child(aid, "military"), "alias_military"
            elif head == "government":
                c.actor_id, c.rule = self._child(aid, "government"), "alias_government"
            return
        if self.res["attitude"].search(text[max(0, c.start - 6) : c.start]):
            return  # "pro-Russian": an attitude, not an actor
        if c.entry.plural:
            c.actor_id, c.rule = aid, "demonym_plural"
        elif self.res["agent_suffix"].match(text, c.end) or head == "agency":
            c.actor_id, c.rule = aid, "demonym"
        elif head == "military":
            c.actor_id, c.rule = self._child(aid, "military"), "demonym_military"
        elif head == "irregular" and (aid, "military") not in self.reg.children \
                and self.reg.actors.get(aid, {}).get("type") != "state":
            # "Kurdish fighters": a people with no armed forces of its own, as a force
            c.actor_id, c.rule = aid, "demonym_military"
        elif head == "government":
            c.actor_id, c.rule = self._child(aid, "government"), "demonym_government"
            body = self._body_in_lower_case(text, c, aid)
            if body is not None:
                c.actor_id = body

    def _body_in_lower_case(self, text: str, c: _Cand, state: str) -> str | None:
        """"the Russian defence ministry": a body of the state whose alias the demonym and the
        next words spell in lower case ("Russian Defence Ministry"); aliases are matched with
        their case, but news text often writes a body's name in lower case."""
        words = re.match(r"(?:\s+[a-z]+){1,3}", text[c.end:c.end + 40])
        if words is None:
            return None
        tail = words.group(0).split()
        for n in range(len(tail), 0, -1):
            ident = self.reg.lower_bodies.get(" ".join([text[c.start:c.end], *tail[:n]]).lower())
            if ident is not None and self.reg.actors.get(ident, {}).get("parent") == state:
                return ident
        return None

    # ---- surnames and honorific + surname
    def _surnames(self, text: str, mentions: list[Mention], chosen: list[_Cand]) -> list[Mention]:
        reg = self.reg
        if not reg.surnames:
            return []
        taken = bytearray(len(text))
        for c in chosen:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        for mt in mentions:
            taken[mt.start : mt.end] = b"\x01" * (mt.end - mt.start)
        named: list[tuple[int, str]] = [
            (mt.start, mt.actor_id) for mt in mentions
            if mt.rule == "alias" and reg.actors.get(mt.actor_id, {}).get("type") == "person"
        ]
        out: list[Mention] = []
        for s, form in reg.surname_index.overlapping(text):
            e = s + len(form)
            if taken.find(1, s, e) >= 0:  # any(taken[s:e]): the bytes are 0 or 1
                continue
            persons = reg.surnames[form]
            earlier = [(pos, aid) for pos, aid in named if pos < s and aid in persons]
            honor = _title_before(text[max(0, s - 40) : s], self.titles)
            if not honor and form in reg.lex.months_weekdays \
                    and _calendar_use(text, s, e, reg.lex.common_words):
                continue
            aid: str | None = None
            if earlier:
                aid = max(earlier)[1]
            elif honor and len(reg.surname_owners.get(reg.surname_key[form], ())) == 1:
                aid = persons[0]
            if aid is None:
                continue
            taken[s:e] = b"\x01" * (e - s)
            named.append((s, aid))
            out.append(Mention(s, e, form, aid, "honorific" if honor else "surname",
                               _is_possessive(text, e)))
        return out


def _calendar_use(text: str, start: int, end: int, function_words: frozenset[str]) -> bool:
    """A month or weekday name used as such, not as a surname: "in May", "May 5"."""
    before = _CALENDAR_BEFORE_RE.search(text, max(0, start - 30), start)
    if before and (before.group(1).islower() or before.group(1).lower() in function_words):
        return True
    return bool(_CALENDAR_AFTER_RE.match(text, end))


def find_mentions(text: str | Document, actors: list[dict], places: list[dict] | None = None, *,
                  lexicon: Lexicon = DEFAULT_LEXICON,
                  compiled: MentionRegistry | None = None) -> list[Mention]:
    """All actor mentions in ``text`` under the rules of the module docstring, in text order.

    ``actors`` and ``places`` are the registry and gazetteer as loaded from YAML. Everything
    derived from them (an index of surface forms per registry) is compiled once and cached;
    ``compiled`` (from ``compile_registry``) skips the cache lookup.
    """
    reg = compiled or _registry(actors, places, lexicon)
    return _Matcher(reg).find(Document.of(text).text)



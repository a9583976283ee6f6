"""Rule-based actor-mention finder and completeness guard.

The matcher works on plain Python structures (the registry and gazetteer as loaded from YAML),
never on files. Knowledge about particular actors lives only in that data; this module holds
general rules of English news text. Its word lists are collected in :class:`Lexicon`, which a
caller may replace. Everything derived from a registry (one regular expression) is compiled once
and cached under a fingerprint of the registry's content, so an edited registry is recompiled.

Rules (the same text is in docs/CODEBOOK.md, "Actor mentions"):

1. Surface forms: an actor's name, aliases, metonyms and demonyms, matched case-sensitively
   with word boundaries. Variants are generated, not listed: a leading article is optional
   and never in the span ("the Kremlin" -> "Kremlin"); dotted = undotted acronyms, also inside
   compounds ("U.S." ~ "US", "U.S.-led coalition" ~ "US-led coalition"); ' = ’; "al-X" ~
   "Al-X" ~ "Al X"; people's "Bashar al-Assad" also gives "Bashar Assad"; a state body's
   alias "Russian X" also gives "Russia's X".
2. Longest match first, no overlaps. Gazetteer names compete too ("Basel Assad International
   Airport" holds no mention of Assad). An "al-"/"el-" just before a match joins its span.
3. Possessive "Russia's"/"Assad’s": the span is the name without 's; ``possessive`` is True.
4. Place reading: a state's name, a metonym, or an alias that is also a gazetteer name is a
   place (no mention) after a locative preposition (in, at, near, outside, inside, from, into,
   over, across, around, through, throughout, within, towards, via; "the" and a compass or
   "-held" adjective may intervene), after "<compass word|parts|areas|outskirts...> of", after
   "border(s) with", in "X-based/-born/-headquartered", after "and"/"or" following a place
   reading, and after "<place>, " when the place lies in that state ("Damascus, Syria").
   Otherwise it is the actor: "Moscow said", "warned Moscow", "the blessing of Damascus",
   "supplies to Damascus" ("to" is not locative), "Moscow-affiliated", "Kremlin spokesman".
5. Demonyms, and state names used as modifiers, take their reading from the head noun that
   follows (coordinated ones share it: "Russian and U.S. forces", "U.S., Israeli and other
   officials"; one modifier may intervene, any word after a demonym, a small military/official
   adjective list after a name: "Russian transport aircraft", "U.S. special forces"):
   military noun (forces, troops, aircraft, jets, warships, patrol, convoy, vehicles, strike,
   airpower, offensive...) -> the actor's military child (type military, parent = actor; one
   named "armed forces"/"military" first), rules demonym_military / alias_military;
   government noun (government, officials, leadership, regime, authorities, embassy...) -> the
   government child (type government_body named "government"/"regime"), rules
   demonym_government / alias_government; without such a child, the actor itself.
   Agency noun (action, efforts, policy, intentions, side, campaign...) or "-led/-backed..."
   compound -> the actor, rule demonym. A plural demonym as a noun ("the Russians") -> the
   actor, rule demonym_plural. Anything else gives no demonym mention: titles and role nouns
   ("Syrian President Bashar Assad", "his Russian counterpart"), non-actor nouns ("Russian
   mercenaries", "Syrian crisis", "Russian Black Sea resort"), "pro-/anti-Russian". A state
   name itself stays a mention (rule alias) in titles ("U.S. Secretary of State John Kerry").
6. People: spans hold the name only, never titles or honorifics. After a full-name mention,
   the bare surname (last token; both "al-X" and "X") is that person, rule surname (several
   people with that surname: the most recently named). Honorific or title + surname ("Mr
   Shoigu", "President Putin") is the person, rule honorific, even before a full mention when
   exactly one registry person has that surname. Surnames listed as aliases match anywhere.
7. Completeness guard: a capitalised word sequence (joined by spaces, "'s" or of/for/the...)
   is reported unless every word is covered by a mention, a registry surface form or
   surname, a gazetteer name, a not_actors entry, a title/honorific, a month or weekday, or
   is a common word at sentence start or in a Title Case headline (lexicon stoplist, or the
   word occurs in lower case in the same text). Leading/trailing stopwords are trimmed;
   titles are kept so "Colonel Ivan Petrenko" is reported whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .document import Document
from .lexicon import words as lexicon_words

__all__ = [
    "DEFAULT_LEXICON",
    "Lexicon",
    "Mention",
    "find_mentions",
    "find_unaccounted_names",
    "surface_form_conflicts",
]

_UP = "A-ZÀ-ÖØ-Þ"
_APOS = "'’"


@dataclass(frozen=True)
class Mention:
    """One actor mention; ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str
    actor_id: str
    rule: str
    possessive: bool = False


def _ws(words: str) -> frozenset[str]:
    return frozenset(words.split())


@dataclass(frozen=True)
class Lexicon:
    """General English word lists used by the rules (lower case unless noted)."""

    military_nouns: frozenset[str] = lexicon_words("mentions_military_nouns")
    # Modifiers allowed between a state *name* and its head noun ("U.S. special forces");
    # after a demonym any one plain lower-case word may intervene ("Russian transport aircraft").
    modifier_words: frozenset[str] = lexicon_words("mentions_modifier_words")
    government_nouns: frozenset[str] = lexicon_words("mentions_government_nouns")
    agency_nouns: frozenset[str] = lexicon_words("mentions_agency_nouns")
    role_nouns: frozenset[str] = lexicon_words("mentions_role_nouns")
    non_actor_nouns: frozenset[str] = lexicon_words("mentions_non_actor_nouns")
    # Capitalised title words and honorifics (written as in text, case-sensitive).
    honorifics: frozenset[str] = lexicon_words("mentions_honorifics")
    title_words: frozenset[str] = lexicon_words("mentions_title_words")
    months_weekdays: frozenset[str] = lexicon_words("mentions_months_weekdays")
    # Function words and frequent sentence starters; weak at sentence start / in headlines.
    common_words: frozenset[str] = lexicon_words("mentions_common_words")
    locative_prepositions: frozenset[str] = lexicon_words("mentions_locative_prepositions")
    compass_words: frozenset[str] = lexicon_words("mentions_compass_words")
    area_nouns_before_of: frozenset[str] = lexicon_words("mentions_area_nouns_before_of")
    place_hyphen_suffixes: frozenset[str] = lexicon_words("mentions_place_hyphen_suffixes")
    agent_hyphen_suffixes: frozenset[str] = lexicon_words("mentions_agent_hyphen_suffixes")
    attitude_prefixes: frozenset[str] = lexicon_words("mentions_attitude_prefixes")
    name_particles: frozenset[str] = lexicon_words("mentions_name_particles")
    name_connectors: frozenset[str] = lexicon_words("mentions_name_connectors")
    name_suffixes: frozenset[str] = lexicon_words("mentions_name_suffixes")
    government_markers: tuple[str, ...] = ("government", "regime")
    military_markers: tuple[str, ...] = ("armed forces", "military")


    def vocabulary(self) -> frozenset[str]:
        """Every lower-case English word the lexicon knows (for the guard's stoplist)."""
        return _lexicon_vocabulary(self)


@lru_cache(maxsize=8)
def _lexicon_vocabulary(lex: Lexicon) -> frozenset[str]:
    words: set[str] = set()
    for value in vars(lex).values():
        if isinstance(value, frozenset):
            words |= {w.lower().rstrip(".") for w in value if w.islower()}
    return frozenset(words)


DEFAULT_LEXICON = Lexicon()


# --------------------------------------------------------------------------- registry compile


@dataclass(frozen=True)
class _Entry:
    ident: str
    kind: str  # alias, metonym, demonym, place
    plural: bool = False


_KIND_PRIORITY = {"alias": 0, "metonym": 1, "demonym": 2, "place": 3}
_ARTICLE_RE = re.compile(r"^(?:the|The)\s+")
_PARTICLE_RE = re.compile(rf"(?<![\w])([AaEe]l)[- ](?=[{_UP}])")
_INNER_PARTICLE_RE = re.compile(rf"(?<=\s)[AaEe]l-(?=[{_UP}])")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,4}")
_ACRONYM_RE = re.compile(r"[A-Z]{2,4}")
_MAX_VARIANTS = 64


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v]


def _token_variants(tok: str) -> set[str]:
    out = {tok}
    if _ACRONYM_RE.fullmatch(tok):
        out.add(".".join(tok) + ".")
    elif _DOTTED_RE.fullmatch(tok):
        out.add(tok.replace(".", ""))
    return out


def _particle_variants(form: str) -> set[str]:
    spots = list(_PARTICLE_RE.finditer(form))
    if not spots:
        return {form}
    options: list[list[str]] = []
    pieces: list[str] = []
    last = 0
    for m in spots:
        pieces.append(form[last : m.start()])
        p = m.group(1).lower()
        options.append([p + "-", p.capitalize() + "-", p.capitalize() + " "])
        last = m.end()
    pieces.append(form[last:])
    out: set[str] = set()
    for combo in itertools.islice(itertools.product(*options), _MAX_VARIANTS):
        s = pieces[0]
        for opt, piece in zip(combo, pieces[1:], strict=True):
            s += opt + piece
        out.add(s)
    return out


def _variants(surface: str, *, acronyms: bool = True) -> set[str]:
    core = re.sub(r"\s+", " ", _ARTICLE_RE.sub("", surface.strip()))
    if not core:
        return set()
    forms = {core}
    if acronyms:
        parts = re.split(r"([ -])", core)
        options = [_token_variants(p) if i % 2 == 0 else {p} for i, p in enumerate(parts)]
        forms = {"".join(c) for c in itertools.islice(itertools.product(*options), _MAX_VARIANTS)}
    expanded: set[str] = set()
    for f in forms:
        expanded |= _particle_variants(f)
    final: set[str] = set()
    for f in expanded:
        final.update({f, f.replace("'", "’"), f.replace("’", "'")})
    return final


def _alternation(forms: Iterable[str]) -> str:
    ordered = sorted(set(forms), key=lambda s: (-len(s), s))
    return "|".join(re.escape(f) for f in ordered) or r"(?!x)x"


def _overlapping_re(forms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?=({_alternation(forms)})(?![\w]))")


def _plain_re(forms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{_alternation(forms)})(?![\w])")


class _Registry:
    """Everything precompiled for one (actors, places) pair."""

    def __init__(self, actors: Sequence[Mapping[str, Any]], places: Sequence[Mapping[str, Any]],
                 lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.actors: dict[str, Mapping[str, Any]] = {}
        self.order: dict[str, int] = {}
        for i, a in enumerate(actors):
            aid = str(a["id"])
            self.actors.setdefault(aid, a)
            self.order.setdefault(aid, i)
        self.forms: dict[str, list[_Entry]] = {}
        self.name_country: dict[str, str] = {}  # gazetteer form -> ISO3 of the place
        for a in actors:
            self._add_actor(a)
        for p in places or []:
            for n in [p.get("name"), *_list(p.get("alternate_names")), *_list(p.get("aliases"))]:
                if n:
                    for v in _variants(str(n), acronyms=False):
                        self._add(v, _Entry(str(p.get("id", n)), "place"))
                        if p.get("country_iso3"):
                            self.name_country.setdefault(v, str(p["country_iso3"]))
        self._add_possessive_children(actors)
        for entries in self.forms.values():
            entries.sort(key=lambda e: (_KIND_PRIORITY[e.kind], self.order.get(e.ident, 10**9)))
        self.main_re = _overlapping_re(self.forms)
        self.prefixes = self._prefix_index()
        self._build_surnames(actors)
        self.surname_re = _overlapping_re(self.surnames)
        known = set(self.forms) | set(self.surnames)
        self.known_re = _plain_re(known)
        self.children = self._children(actors)

    def _add(self, form: str, entry: _Entry) -> None:
        lst = self.forms.setdefault(form, [])
        if entry not in lst:
            lst.append(entry)

    def _add_actor(self, a: Mapping[str, Any]) -> None:
        aid = str(a["id"])
        is_person = a.get("type") == "person"
        names = [n for n in [a.get("name"), *_list(a.get("aliases"))] if n]
        for n in names:
            base = {str(n)}
            if is_person:  # "Bashar al-Assad" -> "Bashar Assad"
                base.add(_INNER_PARTICLE_RE.sub("", str(n)))
            for b in base:
                for v in _variants(b):
                    self._add(v, _Entry(aid, "alias"))
        for n in _list(a.get("metonyms")):
            for v in _variants(n):
                self._add(v, _Entry(aid, "metonym"))
        dems = _list(a.get("demonyms"))
        for d in dems:
            plural = d.endswith("s") and not d.endswith("ss")
            for v in _variants(d, acronyms=False):
                self._add(v, _Entry(aid, "demonym", plural=plural))

    def _add_possessive_children(self, actors: Sequence[Mapping[str, Any]]) -> None:
        """Possessive forms of a state's bodies: "Russian X" also as "Russia's X"."""
        for a in actors:
            parent = self.actors.get(str(a.get("parent"))) if a.get("parent") else None
            if parent is None or parent.get("type") != "state":
                continue
            singular = [d for d in _list(parent.get("demonyms")) if not d.endswith("s")]
            owners = [str(n) for n in [parent.get("name"), *_list(parent.get("aliases"))] if n]
            for alias in [a.get("name"), *_list(a.get("aliases"))]:
                if not alias:
                    continue
                core = _ARTICLE_RE.sub("", str(alias))
                rest = next((core[len(d) + 1 :] for d in singular if core.startswith(d + " ")),
                            None)
                if rest is None:
                    continue
                for owner in owners:
                    for v in _variants(f"{owner}'s {rest}"):
                        self._add(v, _Entry(str(a["id"]), "alias"))

    def _prefix_index(self) -> dict[str, list[str]]:
        """For each form, the shorter forms that are a prefix of it ending at a word boundary."""
        out: dict[str, list[str]] = {}
        by_first: dict[str, list[str]] = {}
        for f in self.forms:
            by_first.setdefault(f[:2], []).append(f)
        for f in self.forms:
            shorter = [
                g for g in by_first.get(f[:2], [])
                if len(g) < len(f) and f.startswith(g) and not (f[len(g)].isalnum()
                                                               and g[-1].isalnum())
            ]
            if shorter:
                out[f] = sorted(shorter, key=len, reverse=True)
        return out

    def _build_surnames(self, actors: Sequence[Mapping[str, Any]]) -> None:
        self.surnames: dict[str, list[str]] = {}
        self.surname_key: dict[str, str] = {}
        owners: dict[str, set[str]] = {}
        for a in actors:
            if a.get("type") != "person":
                continue
            aid = str(a["id"])
            for n in [a.get("name"), *_list(a.get("aliases"))]:
                toks = str(n or "").split()
                while toks and toks[-1] in self.lex.name_suffixes:
                    toks.pop()
                if len(toks) < 2:
                    continue
                last = toks[-1]
                m = re.fullmatch(rf"([AaEe]l)-([{_UP}].*)", last)
                key = m.group(2) if m else last
                forms = {last}
                if m:
                    p = m.group(1).lower()
                    forms |= {f"{p}-{key}", f"{p.capitalize()}-{key}", key}
                owners.setdefault(key, set()).add(aid)
                for f in forms:
                    for v in _variants(f, acronyms=False):
                        self.surname_key[v] = key
                        lst = self.surnames.setdefault(v, [])
                        if aid not in lst:
                            lst.append(aid)
        self.surname_owners = owners

    def _children(self, actors: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], str]:
        """(parent id, 'military'|'government') -> the preferred child actor id."""
        out: dict[tuple[str, str], str] = {}
        lex = self.lex
        for kind, wanted_type, markers, strict in (
            ("military", "military", lex.military_markers, False),
            ("government", "government_body", lex.government_markers, True),
        ):
            best: dict[str, tuple[int, int, str]] = {}
            for i, a in enumerate(actors):
                if a.get("type") != wanted_type or not a.get("parent"):
                    continue
                names = " | ".join(
                    str(n) for n in [a.get("name"), *_list(a.get("aliases"))] if n
                ).lower()
                marked = any(mk in names for mk in markers)
                if strict and not marked:
                    continue
                score = (0 if marked else 1, i, str(a["id"]))
                parent = str(a["parent"])
                if parent not in best or score < best[parent]:
                    best[parent] = score
            for parent, (_, _, aid) in best.items():
                out[(parent, kind)] = aid
        return out


_CACHE: dict[str, _Registry] = {}


def _fingerprint(*parts: Any) -> str:
    # repr is exact for the plain YAML data (dicts keep their order) and much cheaper than JSON;
    # the registry is fingerprinted for every article.
    return repr(parts)


def _registry(actors: Sequence[Mapping[str, Any]], places: Sequence[Mapping[str, Any]] | None,
              lexicon: Lexicon) -> _Registry:
    key = _fingerprint(actors, places or [], lexicon)
    reg = _CACHE.get(key)
    if reg is None:
        if len(_CACHE) >= 8:
            _CACHE.pop(next(iter(_CACHE)))
        reg = _Registry(actors, places or [], lexicon)
        _CACHE[key] = reg
    return reg


def surface_form_conflicts(actors: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Surface forms (after variant generation) claimed by more than one actor."""
    reg = _registry(actors, [], DEFAULT_LEXICON)
    out: dict[str, list[str]] = {}
    for form, entries in reg.forms.items():
        ids = sorted({e.ident for e in entries if e.kind != "place"})
        if len(ids) > 1:
            out[form] = ids
    return out


# --------------------------------------------------------------------------- context rules


@lru_cache(maxsize=8)
def _context_res(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    def alt(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    adj = rf"(?:(?:{alt(lex.compass_words)}|\w+-(?:held|controlled))\s+)?"
    locative = (
        rf"(?:\b(?:{alt(lex.locative_prepositions)})\s+(?:the\s+)?{adj}"
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


_COORD_RE = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_AND_OTHER_RE = re.compile(r",?\s+(?:and|or)\s+other\b")
_NEXT_WORD_RE = re.compile(r"[ \t]+([\w][\w'’.-]*)")
_PARTICLE_BEFORE_RE = re.compile(r"(?<![\w])[AaEe]l-$")


def _in_set(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    if word.endswith("es") and word[:-2] in words:
        return True
    return word.endswith("s") and word[:-1] in words


@dataclass
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

    # ---- longest-match-first candidate selection
    def _select(self, text: str) -> list[_Cand]:
        reg = self.reg
        cands: list[tuple[int, int, str]] = []
        for m in reg.main_re.finditer(text):
            form = m.group(1)
            s = m.start()
            cands.append((s, s + len(form), form))
            for shorter in reg.prefixes.get(form, ()):
                e = s + len(shorter)
                if e >= len(text) or not (text[e].isalnum() or text[e] == "_"):
                    cands.append((s, e, shorter))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken = bytearray(len(text))
        chosen: list[_Cand] = []
        for s, e, form in cands:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(_Cand(s, e, form))
        chosen.sort(key=lambda c: c.start)
        return chosen

    # ---- place reading
    def _is_locative(self, text: str, c: _Cand, prev: _Cand | None) -> bool:
        if self.res["place_suffix"].match(text, c.end):
            return True
        if self.res["locative"].search(text[max(0, c.start - 60) : c.start]):
            return True
        if prev is None:
            return False
        gap = text[_after_possessive(text, prev) : c.start]
        if re.fullmatch(r"\s+(?:and|or)\s+|,\s*(?:and|or)\s+", gap):
            return True
        # "Damascus, Syria": a place followed by the country it lies in.
        if re.fullmatch(r",\s*", gap) and c.entry is not None:
            country = self.reg.actors.get(c.entry.ident, {}).get("country_iso3")
            return bool(country) and country == self.reg.name_country.get(prev.form)
        return False

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
            word = re.split(r"['’]", raw.rstrip("."))[0]
            if not word:
                return None
            if word[0].isupper():
                return "title" if (word in lex.title_words or word in lex.honorifics) else None
            lw = word.lower()
            for cls, words in (
                ("military", lex.military_nouns),
                ("government", lex.government_nouns),
                ("role", lex.role_nouns),
                ("agency", lex.agency_nouns),
                ("non_actor", lex.non_actor_nouns),
            ):
                if _in_set(lw, words):
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
        chosen = self._select(text)
        places_at = {c.start: c.end for c in chosen}
        prev_place: _Cand | None = None
        for c in chosen:
            entries = reg.forms[c.form]
            actor_entries = [e for e in entries if e.kind != "place"]
            c.possessive = _is_possessive(text, c.end)
            if not actor_entries:
                c.place_reading = True
                prev_place = c
                continue
            c.entry = entry = actor_entries[0]
            is_state = reg.actors.get(entry.ident, {}).get("type") == "state"
            in_gazetteer = len(actor_entries) < len(entries)
            if (
                entry.kind in ("alias", "metonym")
                and (is_state or entry.kind == "metonym" or in_gazetteer)
                and self._is_locative(text, c, prev_place)
            ):
                c.place_reading = True
                prev_place = c
                continue
            c.state_like = entry.kind == "demonym" or (entry.kind == "alias" and is_state)
            prev_place = None
        live = [c for c in chosen if c.entry is not None and not c.place_reading]
        self._resolve(text, live, places_at)
        self._elliptical(text, live)
        mentions: list[Mention] = []
        for c in live:
            if c.rule is None or c.actor_id is None:
                continue
            start = c.start
            if c.entry is not None and c.entry.kind == "alias" and _PARTICLE_BEFORE_RE.search(
                text[max(0, start - 3) : start]
            ):
                start -= 3
            mentions.append(
                Mention(start, c.end, text[start : c.end], c.actor_id, c.rule, c.possessive)
            )
        mentions.extend(self._surnames(text, mentions, chosen))
        mentions.sort(key=lambda mt: mt.start)
        return mentions

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
        elif head == "government":
            c.actor_id, c.rule = self._child(aid, "government"), "demonym_government"

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
        for m in reg.surname_re.finditer(text):
            form = m.group(1)
            s, e = m.start(), m.start() + len(form)
            if any(taken[s:e]):
                continue
            persons = reg.surnames[form]
            earlier = [(pos, aid) for pos, aid in named if pos < s and aid in persons]
            honor = bool(self.res["honorific"].search(text[max(0, s - 40) : s]))
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


def find_mentions(text: str | Document, actors: list[dict], places: list[dict] | None = None, *,
                  lexicon: Lexicon = DEFAULT_LEXICON) -> list[Mention]:
    """All actor mentions in ``text`` under the rules of the module docstring, in text order.

    ``actors`` and ``places`` are the registry and gazetteer as loaded from YAML. Everything
    derived from them (one regular expression per registry) is compiled once and cached.
    """
    return _Matcher(_registry(actors, places, lexicon)).find(Document.of(text).text)


# --------------------------------------------------------------------------- completeness guard

_NAME_TOKEN_RE = re.compile(
    rf"(?<![\w'’.-])(?:(?:[{_UP}]\.){{2,}}|(?:[a-z]{{1,3}}-)?[{_UP}][\w]*"
    rf"(?:-[{_UP}0-9][\w]*)*\.?)"
)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")
_SENT_START_RE = re.compile(r"(?:[.!?:;…\n]|—|--)[\s\"“‘'(\[—-]*$")
_OPENERS_RE = re.compile(r"[\s\"“‘'(\[—-]*")


def _stem(word: str) -> str:
    w = word.lower().strip("'’")
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): most longer words capitalised, no final stop."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        words = re.findall(r"[A-Za-z][\w'’.-]*", line)
        long_words = [w for w in words if len(w) > 3]
        if len(words) >= 3 and long_words and not line.rstrip().endswith("."):
            upper = sum(1 for w in long_words if w[0].isupper())
            if upper / len(long_words) >= 0.7:
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_NA_CACHE: dict[str, re.Pattern[str]] = {}


def _not_actor_re(not_actors: Sequence[Any]) -> re.Pattern[str]:
    texts: set[str] = set()
    for na in not_actors or []:
        t = na.get("text") if isinstance(na, Mapping) else na
        if t:
            texts |= _variants(str(t), acronyms=False)
    key = _fingerprint(sorted(texts))
    pat = _NA_CACHE.get(key)
    if pat is None:
        pat = _plain_re(texts)
        _NA_CACHE[key] = pat
    return pat


def find_unaccounted_names(text: str | Document, mentions: list[Mention], actors: list[dict],
                           places: list[dict], not_actors: list[dict], *,
                           lexicon: Lexicon = DEFAULT_LEXICON,
                           extra_common_words: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """Capitalised name-like spans not accounted for by mentions or curated lists.

    Returns ``(start, end, text)`` triples in text order.
    """
    text = Document.of(text).text
    reg = _registry(actors, places, lexicon)
    lex = lexicon
    covered = bytearray(len(text))

    def cover(s: int, e: int) -> None:
        covered[s:e] = b"\x01" * (e - s)

    for mt in mentions:
        cover(mt.start, mt.end)
    for m in reg.known_re.finditer(text):
        cover(m.start(), m.end())
    for m in _not_actor_re(not_actors).finditer(text):
        cover(m.start(), m.end())

    common = lex.vocabulary() | {w.lower() for w in extra_common_words}
    lower_stems = {_stem(w) for w in _LOWER_WORD_RE.findall(text)}
    lower_words = set(_LOWER_WORD_RE.findall(text))
    headline_spans = _title_case_lines(text)

    def in_headline(pos: int) -> bool:
        return any(a <= pos < b for a, b in headline_spans)

    # classify tokens: 0 = covered, 1 = weak (title/month/stopword), 2 = name
    tokens: list[tuple[int, int, int, bool]] = []  # start, end, class, is_title
    for m in _NAME_TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        tok = m.group(0)
        if tok.endswith(".") and not _DOTTED_RE.fullmatch(tok) and tok not in lex.honorifics \
                and tok not in lex.title_words and tok not in lex.months_weekdays:
            e -= 1
            tok = tok[:-1]
        first_upper = next((i for i in range(s, e) if text[i].isupper()), s)
        alnum = [i for i in range(first_upper, e) if text[i].isalnum()]
        if alnum and all(covered[i] for i in alnum):
            tokens.append((s, e, 0, False))
            continue
        is_title = tok in lex.title_words or tok in lex.honorifics
        weak = is_title or tok in lex.months_weekdays or tok in ("The", "A", "An", "I")
        if not weak:
            before = text[max(0, s - 8) : s]
            initial = (
                bool(_SENT_START_RE.search(before))
                or (s <= 8 and _OPENERS_RE.fullmatch(before) is not None)
                or in_headline(s)
            )
            low = tok.lower()
            if initial and (low in common or low in lower_words or _stem(low) in lower_stems):
                weak = True
        tokens.append((s, e, 1 if weak else 2, is_title))

    connectors = lex.name_connectors
    out: list[tuple[int, int, str]] = []
    segment: list[tuple[int, int, int, bool]] = []

    def flush() -> None:
        seg = list(segment)
        segment.clear()
        while seg and seg[0][2] == 1 and not seg[0][3]:
            seg.pop(0)
        while seg and seg[-1][2] == 1 and not seg[-1][3]:
            seg.pop()
        if any(t[2] == 2 for t in seg):
            out.append((seg[0][0], seg[-1][1], text[seg[0][0] : seg[-1][1]]))

    prev_end: int | None = None
    for tok in tokens:
        s, e, cls, _ = tok
        joined = False
        if prev_end is not None and segment:
            gap = text[prev_end:s]
            words = gap.split()
            joined = gap in (" ", "\u00a0", "'s ", "’s ") or (
                gap.startswith(" ") and gap.endswith(" ") and 0 < len(words) <= 2
                and all(w in connectors for w in words)
            )
        if not joined or cls == 0:
            flush()
        if cls != 0:
            segment.append(tok)
        prev_end = e
    flush()
    return out

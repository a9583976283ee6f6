"""Bare definite descriptions as mentions: "the government", "the coalition", "the ministry".

A description names an actor only when a rule can resolve it safely:

1. the most recent actor mentioned before it whose name, an alias or its title holds the noun
   ("... the Government of Varnia ... the government said"); for a title noun ("the
   president"), among the actors the text itself calls so ("President X"), if it calls any;
2. otherwise, for a government or military noun, that body of the state the article mentions
   most (the registry's government/military child of that state);
3. otherwise no mention. A description followed by "of" ("the government of X") or already
   inside a mention is left to the other rules. The span is the noun, never "the".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..case import lowered
from ..lexicon import table, words
from ..patterns import literal_starts, words_after_no
from .model import (
    DEFAULT_LEXICON,
    Lexicon,
    Mention,
    actors_by_id,
    by_identity,
    matches_from,
    may_end_with,
    mention_owners,
    plain_words,
    word_starts_before,
)
from .registry import _list, _registry


@lru_cache(maxsize=2)
def _nouns() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return (words("candidates_description_nouns"),
            words("candidates_description_government_nouns"),
            words("candidates_description_military_nouns"))


@lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    """Description nouns that are also titles written before a name ("President X")."""
    return words("candidates_description_title_nouns")


@lru_cache(maxsize=64)
def _noun_pattern(noun: str) -> re.Pattern[str]:
    """The noun or a synonym of its group ("the alliance" ~ "the coalition")."""
    group = next((row for row in table("candidates_description_synonyms") if noun in row),
                 (noun,))
    alt = "|".join(re.escape(w).replace("\\-", "[ -]") for w in group)  # "task-force"
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


def _holds(actor: Mapping[str, Any] | None, noun: str) -> bool:
    if actor is None:
        return False
    return _texts_hold((actor.get("name"), actor.get("title"), *_list(actor.get("aliases"))),
                       noun)


@lru_cache(maxsize=4096)
def _texts_hold(texts: tuple[Any, ...], noun: str) -> bool:
    """Whether one of an actor's name, title and aliases holds the noun (by their values: the
    same actors are asked about for every article)."""
    pat = _noun_pattern(noun)
    return any(t and pat.search(str(t)) for t in texts)


def _last_word(window: str) -> str | None:
    """The last run of non-space before white space ending ``window`` (what
    ``re.search(r"(\\S+)\\s+$", window).group(1)`` finds), or None: split off, not searched for
    at every offset."""
    if not window[-1:].isspace():
        return None
    last = window.rsplit(None, 1)
    return last[-1] if last else None


class _Recent:
    """For rule 1: the latest-starting mention that ends before a position and whose actor
    holds a noun, found by bisection instead of a scan back over every earlier mention (which
    made a long article quadratic). Per noun, the holding mentions sorted by end, each with
    the latest in text order of its prefix; built once per noun."""

    def __init__(self, mentions: Sequence[Mention],
                 by_id: Mapping[str, Mapping[str, Any]], text: str = "") -> None:
        # Text order as the scan saw it: by start, ties in input order (stable sort).
        self.ordered = sorted(mentions, key=lambda m: m.start)
        self.by_id = by_id
        self.text = text
        self.tables: dict[str, tuple[list[int], list[str]]] = {}
        self.held: dict[str, set[str]] = {}

    def _titled(self, noun: str) -> set[str]:
        """Actors the text itself calls by the noun, as a title right before one of their
        mentions ("President Ana Kova"): of two presidents, "the president" is the one the
        article calls so, not one it only names ("the dictator Bo Rin")."""
        pat = _noun_pattern(noun)
        out = set()
        for x in self.ordered:
            before = _last_word(self.text[max(0, x.start - 40):x.start])
            if before and pat.fullmatch(before):
                out.add(x.actor_id)
        return out

    def _table(self, noun: str) -> tuple[list[int], list[str]]:
        holds: dict[str, bool] = {}
        titled = self._titled(noun) if noun in _title_nouns() else set()
        rows: list[tuple[int, int, Mention]] = []
        for rank, x in enumerate(self.ordered):
            if x.actor_id not in holds:
                holds[x.actor_id] = _holds(self.by_id.get(x.actor_id), noun) and (
                    not titled or x.actor_id in titled)
            if holds[x.actor_id]:
                rows.append((x.end, rank, x))
        rows.sort(key=lambda r: r[0])
        self.held[noun] = {x.actor_id for _, _, x in rows}
        ends, best, top = [], [], (-1, "")
        for end, rank, x in rows:
            top = max(top, (rank, x.actor_id))
            ends.append(end)
            best.append(top[1])
        return ends, best

    def only(self, noun: str) -> str | None:
        """The one actor mentioned anywhere in the text that holds the noun ("the coalition's
        members ... the U.S.-led coalition": named after its description); two -> None."""
        if noun not in self.tables:
            self.tables[noun] = self._table(noun)
        held = self.held[noun]
        return next(iter(held)) if len(held) == 1 else None

    def before(self, noun: str, pos: int) -> str | None:
        if noun not in self.tables:
            self.tables[noun] = self._table(noun)
        ends, best = self.tables[noun]
        i = bisect_right(ends, pos)
        return best[i - 1] if i else None


@lru_cache(maxsize=1)
def _description_re() -> re.Pattern[str]:
    """"the <modifiers> <noun> <group head>" not followed by "of", a hyphen or a name."""
    alt = "|".join(re.escape(n).replace("\\-", "[ -]")  # "task-force" ~ "task force"
                   for n in sorted(_nouns()[0], key=len, reverse=True))
    heads = "|".join(words("candidates_description_group_heads"))
    # "\b" before "the" is tested after its "t" (no word character before it): the search then
    # skips to t's and T's instead of trying every offset.
    return re.compile(rf"[Tt](?<!\w[Tt])he\s+((?:{_modifier_re()}\s+){{0,3}}?)({alt})\b"
                      rf"(?:\s+(?:{heads})\b)?(?!\s+of\b)(?!-|\s+[A-Z])")


def description_mentions(text: str, mentions: Sequence[Mention],
                         actors: Sequence[Mapping[str, Any]],
                         places: Sequence[Mapping[str, Any]] | None = None, *,
                         lexicon: Lexicon = DEFAULT_LEXICON,
                         persons: frozenset[str] | None = None,
                         others: Sequence[Mapping[str, Any]] = ()) -> list[Mention]:
    """Mentions for "the <noun>" under the module's rules, in text order. ``persons``: the
    ids of people (candidates included); by default the registry's. ``others``: actors the
    registry lacks (candidates, with "id" and "name"), whose names may hold a noun too."""
    if persons is None:
        persons = frozenset(str(a["id"]) for a in actors if a.get("type") == "person")
    nouns, government, military = _nouns()
    reg = _registry(actors, places, lexicon)
    by_id = actors_by_id(actors)
    busy = bytearray(len(text) + 1)
    for m in mentions:
        busy[m.start : m.end] = b"\x01" * (m.end - m.start)
    states = Counter(m.actor_id for m in mentions
                     if by_id.get(m.actor_id, {}).get("type") == "state")
    # Rule 1 reads candidates' names too; the pronoun rules need registry facts (states).
    recent = _Recent(mentions, {**{str(a["id"]): a for a in others}, **by_id} if others
                     else by_id, text)
    fixed = government | military | _title_nouns()  # nouns that take no modifiers here
    out: list[Mention] = []
    for m in _description_re().finditer(text):
        s, e, noun = m.start(2), m.end(2), re.sub(r"[ -]+", "-", m.group(2))
        if re.match(r"['’](?!s\b)", text[e : e + 2]):
            continue
        e = m.end()
        if any(busy[s:e]):
            continue
        if m.group(1) and (noun in fixed or any(
                o.start < s and o.end > m.start(1) and not _modifier_mention(o, text)
                for o in mentions)):
            # "the <Demonym>-backed government", "the <Demonym> president" are another
            # state's body or left to the epithets; "the <Person> administration" is a name.
            continue
        aid = recent.before(noun, s)
        if aid is None and _head(text, e, lexicon):
            aid = recent.only(noun)
        if aid is None and noun in government | military:
            kind = "government" if noun in government else "military"
            aid = next((reg.children[(st, kind)] for st, _ in states.most_common()
                        if (st, kind) in reg.children), None)
        if aid is not None:
            start, end = m.start(1) if m.group(1) else s, m.end()
            possessive = re.match(r"['’]s\b", text[end : end + 3]) is not None
            out.append(Mention(start, end, text[start:end], aid, "description", possessive))
    out += _before_agency(text, busy, recent, nouns, lexicon)
    out += _owned(text, mentions, actors, reg, by_id, nouns, government | military)
    out += _pronoun_owned(text, [*mentions, *out], actors, reg, by_id, busy, persons, lexicon)
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=4)
def _before_agency_re(nouns: frozenset[str], lexicon: Lexicon
                      ) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """The pattern of _before_agency, its noun and agency noun alone, and the words that make
    its noun no description."""
    alt = "|".join(sorted(nouns, key=len, reverse=True))
    agency = "|".join(sorted(lexicon.agency_nouns, key=len, reverse=True))
    owners = words("candidates_description_person_pronouns") \
        | words("candidates_description_thing_pronouns") | {"the", "a", "an"}
    return (re.compile(rf"(?<![\w-])([\w'’-]+)[ \t]+({alt})[ \t]+(?:{agency})\b(?![\w-])"),
            re.compile(rf"(?:{alt})[ \t]+(?:{agency})\b(?![\w-])"), owners)


def _agency_word(c: str) -> bool:
    """A character of the word before the noun: ``[\\w'’-]`` (\\w is str.isalnum or "_")."""
    return c.isalnum() or c in "_'’-"


def _agency_starts(text: str, tail: re.Pattern[str], nouns: frozenset[str] = frozenset()
                   ) -> Iterator[int]:
    """Every offset a match of _before_agency's pattern can start at, ascending: the word
    before each noun that ``tail`` (the pattern's noun and agency noun) finds after spaces or
    tabs, at its start or after an apostrophe in it (where "(?<![\\w-])" holds). ``nouns``:
    the pattern's nouns, every tail opening with one; plain words, they are found by str.find
    and the tail tried there (searched for, it stops at most letters of the text)."""
    plain = plain_words(nouns) if nouns else None
    return word_starts_before(text, tail, " \t".__contains__, _agency_word, "'’",
                              at=None if plain is None else literal_starts(text, plain))


def _before_agency(text: str, busy: bytearray, recent: _Recent, nouns: frozenset[str],
                   lexicon: Lexicon) -> list[Mention]:
    """A description noun with no article before an agency noun ("refused opposition
    demands", "backed coalition efforts": `mentions_agency_nouns`) stands for its actor like
    "the <noun>'s": the last actor named before it holding the noun (rule 1 only). After an
    article, a possessive, a capitalised word or inside a mention it is left to the other
    rules. The span is the noun."""
    rx, tail, owners = _before_agency_re(nouns, lexicon)
    out: list[Mention] = []
    for g in matches_from(rx, text, _agency_starts(text, tail, nouns)):
        word, s, e = g.group(1), g.start(2), g.end(2)
        if word[0].isupper() or word.lower() in owners or re.search(r"['’]s?$", word) \
                or any(busy[s:e]):
            continue
        aid = recent.before(g.group(2), s)
        if aid is not None:
            out.append(Mention(s, e, g.group(2), aid, "description"))
    return out


# What "its"/"their" may point back to for a state's body: the state or one of its bodies
# ("the rebels and their commanders" is no state's).
_STATE_LIKE = frozenset({"state", "government_body", "military"})


# "(?:[.!?][\"”’']?[ \t]+|\n+)" opening with one character class (the alternative chosen by
# the look-behind on it): the search skips to those characters instead of trying every offset
_SENTENCE_END_RE = re.compile(
    r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[\"”’']?[ \t]+)(?=[\"“‘']?[A-Z])")
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z]+)\b")


@lru_cache(maxsize=2)
def sentence_starts(text: str) -> list[int]:
    """The offsets where the text's sentences start, in order (read once per text: several
    rules ask; the list is shared, not to be edited)."""
    return [0, *(m.end() for m in _SENTENCE_END_RE.finditer(text))]


@by_identity
def state_index(actors: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """States by their ISO3 code and by each of their demonyms (built once per actor list)."""
    states = {str(a.get("country_iso3")): str(a["id"]) for a in actors
              if a.get("type") == "state" and a.get("country_iso3")}
    return states | {str(d): str(a["id"]) for a in actors if a.get("type") == "state"
                     for d in _list(a.get("demonyms"))}


def _head(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether the noun ending at ``end`` heads its phrase: not followed by a lower-case word
    it modifies ("its military supplies", "the coalition patrol"); a function word or a verb
    in -ed may follow ("its army seized", "his government would")."""
    nxt = _NEXT_WORD_RE.match(text, end)
    return nxt is None or nxt.group(1) in lexicon.common_words or nxt.group(1).endswith("ed")


def _other_relative_head(text: str, end: int, pos: int) -> bool:
    """Whether a relative pronoun between a mention (ending at ``end``, or the pronoun's
    sentence start if later) and a possessive pronoun (at ``pos``) follows some other words:
    "powers who sent their troops" points to "powers"; "Russia, which sent its jets" still to
    the mention."""
    rels = list(_relative_re().finditer(text, end, pos))
    return bool(rels) and bool(text[end : rels[-1].start()].strip(" ,"))


@lru_cache(maxsize=1)
def _relative_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(words('candidates_relative_pronouns'))})\b")


def antecedent_floor(text: str, starts: Sequence[int], pos: int) -> int:
    """Where a pronoun's antecedent may start: its own sentence, or the one before when the
    pronoun opens its sentence ("... Assad ... . His government")."""
    i = bisect_right(starts, pos) - 1
    if i > 0 and not text[starts[i] : pos].strip(" \"“‘'"):
        i -= 1
    return starts[i]


class Latest:
    """The latest-starting mention ending at or before a position, among those a test keeps,
    by bisection (rows sorted by end, each with the latest start of its prefix)."""

    def __init__(self, mentions: Sequence[Mention], keep: Any) -> None:
        rows = sorted((m for m in mentions if keep(m)), key=lambda m: m.end)
        self.rows = rows
        self.ends = [m.end for m in rows]
        self.best: list[Mention] = []
        for m in rows:
            self.best.append(m if not self.best or m.start >= self.best[-1].start
                             else self.best[-1])

    def before(self, pos: int) -> Mention | None:
        i = bisect_right(self.ends, pos)
        return self.best[i - 1] if i else None

    def between(self, floor: int, pos: int) -> dict[str, Mention]:
        """One kept mention per actor among those starting at ``floor`` or later and ending at
        or before ``pos`` (a walk back over that stretch only)."""
        out: dict[str, Mention] = {}
        i = bisect_right(self.ends, pos) - 1
        while i >= 0 and self.rows[i].end > floor:
            if self.rows[i].start >= floor:
                out.setdefault(self.rows[i].actor_id, self.rows[i])
            i -= 1
        return out


_SUBJECT_GAP_RE = re.compile(r"\s+[a-z]+\s+")


def one_state(text: str, ante: Mention, people: Mapping[str, Mention], pos: int,
              by_id: Mapping[str, Mapping[str, Any]], states: Mapping[str, str],
              lexicon: Lexicon) -> str | None:
    """Guard for a possessive pronoun at ``pos``: the state of the persons (his/her) or states
    and bodies (its/their) it may point back to, when they all belong to one known state
    ("Lavrov told Kerry his government ..." -> none). An antecedent just one verb before the
    pronoun is its subject and alone counts ("... Assad sent his")."""
    if _SUBJECT_GAP_RE.fullmatch(text, ante.end, pos):
        people = {ante.actor_id: ante}
    found = {state_of(text, m, by_id, states, lexicon) for m in people.values()}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _pronoun_body_re() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """A possessive pronoun before a body noun ("his government", "its country's army"), the
    pronouns alone in lower case, and the pronouns' lower-case words."""
    nouns, government, military = _nouns()
    mine, other = words("candidates_description_person_pronouns"), \
        words("candidates_description_thing_pronouns")
    bodies = sorted(nouns | government | military, key=len, reverse=True)
    alt = "|".join(re.escape(n).replace("\\-", "[ -]") for n in bodies)
    owners = "|".join(words("candidates_description_owner_nouns"))
    pron = "|".join(mine | other)
    # the pronouns as whole words before white space, in the lower case, where every match
    # opens (not "this")
    lows = tuple(sorted({p.lower() for p in mine | other}))
    return (re.compile(rf"\b((?i:{pron}))\s+(?:(?:{owners})['’]s\s+)?({alt})\b(?!\s+of\b)"
                       r"(?!-|\s+[A-Z])"),
            re.compile(rf"(?:{words_after_no(lows)})(?=\s)"), lows)


def _pronoun_starts(low: str) -> list[int]:
    """Where the pronoun pattern matches in the lower-cased text (what its finditer finds: a
    pronoun's letters hold no other match), tried only where str.find finds a pronoun's
    letters: searched for, the pattern stops at every "t", "h" and "i" of the text."""
    _, pronoun, pronouns = _pronoun_body_re()
    return [p for p in literal_starts(low, pronouns) if pronoun.match(low, p)]


def _pronoun_owned(text: str, mentions: Sequence[Mention], actors: Sequence[Mapping[str, Any]],
                   reg: Any, by_id: Mapping[str, Mapping[str, Any]], busy: bytearray,
                   persons: frozenset[str], lexicon: Lexicon) -> list[Mention]:
    """"his government", "its air force", "his country's military": a possessive pronoun
    before a body noun names that body of the antecedent's state. The antecedent is the latest
    mention before the pronoun: a person's for his/her, any other's for its/their (a person
    without a known country, or an unknown actor, gives no mention). The state is the
    antecedent itself or the state of its country; a government/military noun names that
    state's government/military child, another noun ("its opposition") the one non-state
    actor of that country holding it (two -> none). The span is the noun."""
    nouns, government, military = _nouns()
    mine, other = words("candidates_description_person_pronouns"), \
        words("candidates_description_thing_pronouns")
    out: list[Mention] = []
    first = True
    rx = _pronoun_body_re()[0]
    low = lowered(text)
    # A match opens with a pronoun, case aside: where the lower-cased text holds one (a
    # pronoun's letters hold no other match's start, so non-overlapping finds serve).
    found = rx.finditer(text) if low is None else matches_from(rx, text, _pronoun_starts(low))
    for g in found:
        s, e = g.start(2), g.end(2)
        if any(busy[s:e]) or g.group(2)[0].isupper() or not _head(text, e, lexicon):
            continue
        if first:  # built at the first phrase only: most articles hold none
            first = False
            starts = sentence_starts(text)
            people = Latest(mentions, lambda m: m.actor_id in persons)
            things = Latest(mentions, lambda m: m.actor_id not in persons)
            bodies = Latest(mentions,
                            lambda m: by_id.get(m.actor_id, {}).get("type") in _STATE_LIKE)
            states = state_index(actors)
        ante = (people if g.group(1).lower() in mine else things).before(g.start())
        own = starts[bisect_right(starts, g.start()) - 1]
        if ante is not None and (ante.start < antecedent_floor(text, starts, g.start())
                                 or _other_relative_head(text, max(ante.end, own), g.start())):
            ante = None
        if ante is None or (g.group(1).lower() in other
                            and by_id.get(ante.actor_id, {}).get("type") not in _STATE_LIKE):
            continue
        floor = antecedent_floor(text, starts, g.start())
        reach = (people if g.group(1).lower() in mine else bodies).between(floor, g.start())
        state = one_state(text, ante, reach, g.start(), by_id, states, lexicon)
        noun = re.sub(r"\s+", "-", g.group(2).lower())
        if state is None:
            continue
        if noun in government | military:
            aid = reg.children.get((state, "military" if noun in military else "government"))
        else:
            iso = by_id[state].get("country_iso3")
            held = [str(a["id"]) for a in actors if a.get("type") != "state"
                    and a.get("country_iso3") == iso and _holds(a, noun)]
            aid = held[0] if len(held) == 1 else None
        if aid is not None:
            possessive = re.match(r"['’]s\b", text[e : e + 3]) is not None
            out.append(Mention(s, e, text[s:e], aid, "description", possessive))
    return out


def state_of(text: str, ante: Mention, by_id: Mapping[str, Mapping[str, Any]],
              states: Mapping[str, str], lexicon: Lexicon) -> str | None:
    """The state an antecedent belongs to: itself, the state of its country, or, for a person
    the registry lacks, the demonym of the title before the name ("<Demonym> Prime Minister
    <Name>"). ``states`` maps ISO3 codes and demonyms to states."""
    actor = by_id.get(ante.actor_id)
    if actor is not None:
        return str(actor["id"]) if actor.get("type") == "state" \
            else states.get(str(actor.get("country_iso3")))
    titles = "|".join(re.escape(t) for t in sorted(lexicon.title_words, key=len, reverse=True))
    d = re.search(rf"\b([A-Z][\w-]+)\s+(?:(?:{titles})\s+){{1,4}}$",
                  text[max(0, ante.start - 80) : ante.start])
    return states.get(d.group(1)) if d else None


@lru_cache(maxsize=4)
def _owned_re(nouns: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(sorted(nouns, key=len, reverse=True))
    return re.compile(rf"['’]s\s+({alt})\b(?!-|\s+of\b)")


def _owned(text: str, mentions: Sequence[Mention], actors: Sequence[Mapping[str, Any]],
           reg: Any, by_id: Mapping[str, Mapping[str, Any]], nouns: frozenset[str],
           bodies: frozenset[str]) -> list[Mention]:
    """"<State>'s opposition", "<State>'s army": the state's own actor holding the noun (same
    country, or its government/military child). The span covers owner and noun; the state's
    own possessive mention stays."""
    rx = _owned_re(nouns)
    out: list[Mention] = []
    for m in mentions:
        state = by_id.get(m.actor_id)
        if not m.possessive or state is None or state.get("type") != "state":
            continue
        g = rx.match(text[m.end : m.end + 40])
        if g is None:
            continue
        noun = g.group(1)
        iso = state.get("country_iso3")
        aid = next((str(a["id"]) for a in actors if a.get("type") != "state" and iso
                    and a.get("country_iso3") == iso and _holds(a, noun)), None)
        if aid is None and noun in bodies:
            kind = "military" if noun in words("candidates_description_military_nouns") \
                else "government"
            aid = reg.children.get((m.actor_id, kind))
        if aid is not None:
            end = m.end + g.end(1)
            out.append(Mention(m.start, end, text[m.start:end], aid, "description"))
    return out


_COMPOUND_RULES = frozenset({"demonym", "demonym_military", "demonym_government",
                             "alias_military", "alias_government"})
@lru_cache(maxsize=1)
def _modifier_re() -> str:
    """One modifier of a definite description (see candidates_description_modifiers)."""
    plain = "|".join(sorted(words("candidates_description_modifiers"), key=len, reverse=True))
    agent = "|".join(words("mentions_agent_hyphen_suffixes"))
    return rf"(?:(?:{plain})|[A-Z][a-z]+(?:-(?:{agent}))?|[A-Za-z.]+-(?:{agent}))"


def member_body_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """"the 15-member body": the last actor named before it whose mention holds a body word
    (`candidates_member_body_names`: "<Org> Council", "<Name> Committee"); span from the
    number to the head."""
    out: list[Mention] = []
    if "-member" not in text:  # the phrase holds it (most articles: no phrase to look for)
        return out
    heads = "|".join(words("candidates_member_body_heads"))
    names = words("candidates_member_body_names")
    ordered = sorted(mentions, key=lambda m: m.start)
    for g in re.finditer(rf"\b[Tt]he\s+((?:\d+|[a-z]+)-member\s+(?:{heads}))\b", text):
        ante = next((m for m in reversed(ordered) if m.end <= g.start()
                     and names & set(m.text.split())), None)
        if ante is not None:
            out.append(Mention(g.start(1), g.end(1), g.group(1), ante.actor_id, "description"))
    return out


@lru_cache(maxsize=1)
def _agent_compound_re() -> re.Pattern[str]:
    return re.compile(rf"-(?:{'|'.join(words('mentions_agent_hyphen_suffixes'))})\b")


def _modifier_mention(m: Mention, text: str | None = None) -> bool:
    """A mention that may be a modifier of a description: a demonym, a one-word candidate
    (an ethnic or sectarian word the candidate rules took for a name), or a name in a
    "<Name>-backed" compound (codebook: such compounds belong to the description)."""
    return m.rule.startswith("demonym") or (m.rule == "candidate" and " " not in m.text) or (
        text is not None and _agent_compound_re().match(text, m.end) is not None)


def modified_aliases(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A lower-case alias after "the" and modifiers ("the main <Sect> opposition groups") is a
    description with modifiers: its span grows over them; demonyms among them ("<Name>-backed")
    are part of it and no mentions of their own."""
    out = list(mentions)
    drop: set[int] = set()
    heads = _nouns()[0] | words("candidates_description_group_heads")
    for i, m in enumerate(mentions):
        if m.rule == "description" and " " in m.text and m.text.split()[-1] in heads:
            # the modifiers description_mentions read ("the main <Name>-backed opposition")
            drop.update(j for j, o in enumerate(mentions) if m.start <= o.start
                        and o.end < m.end and _modifier_mention(o, text))
        if m.rule != "alias" or not m.text[:1].islower():
            continue
        g = re.search(rf"\b[Tt]he\s+((?:{_modifier_re()}\s+){{1,3}})$",
                      text[max(0, m.start - 80) : m.start])
        if g is None:
            continue
        start = m.start - len(g.group(1))
        inner = [j for j, o in enumerate(mentions) if start <= o.start and o.end <= m.start]
        if any(not _modifier_mention(mentions[j], text) for j in inner):
            continue
        drop.update(inner)
        out[i] = Mention(start, m.end, text[start:m.end], m.actor_id, m.rule, m.possessive)
    return [m for j, m in enumerate(out) if j not in drop]


_NEXT_WORDS_RE = re.compile(r"[ \t]+([a-z][\w-]*)(?:[ \t]+([a-z][\w-]*))?")


def noun_phrase_spans(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A demonym or state name read through its head noun ("Russian jets" -> the military)
    is a description of that body: its span grows to the head noun (one modifier may stand
    between) and over a demonym just before it ("Syrian Kurdish forces": the nearer one names
    the body). Coordinated modifiers ("Russian and Syrian jets") keep their own spans."""
    heads = words("candidates_collective_heads")
    out: list[Mention] = []
    for m in mentions:
        nxt = _NEXT_WORDS_RE.match(text, m.end) if m.rule in _COMPOUND_RULES else None
        if nxt is None or m.possessive:
            out.append(m)
            continue
        first, second = nxt.group(1), nxt.group(2)
        if first in heads and second not in heads:
            end = nxt.start(2) - 1 if second else nxt.end()
            end = m.end + len(text[m.end:end].rstrip())
        elif second in heads:
            end = nxt.end()
        else:
            out.append(m)
            continue
        start = m.start
        prev = out[-1] if out else None
        if prev is not None and prev.rule.startswith("demonym") and prev.end + 1 == start \
                and text[prev.end] == " ":
            # "Syrian Kurdish forces": stacked demonyms, the nearest one names the body.
            out.pop()
            start = prev.start
        out.append(Mention(start, end, text[start:end], m.actor_id, m.rule, m.possessive))
    return out


_STOP_RE = re.compile(r"[^\w\s.'’-]")
_ACRONYM_RE = re.compile(r"(?:[A-Z]\.)+")


@lru_cache(maxsize=4)
def _role_before_re(lexicon: Lexicon) -> re.Pattern[str]:
    """A lower-case role (and a title word) at the end of a stretch: "rebel commander "."""
    roles = lexicon.role_nouns | words("candidates_person_role_nouns")
    alt = "|".join(sorted(roles, key=len, reverse=True))
    titles = "|".join(re.escape(t) for t in sorted(lexicon.title_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alt})(?:,\s+|\s+)(?:(?:{titles})\s+)?$")


@lru_cache(maxsize=4)
def _role_before_ends(lexicon: Lexicon) -> tuple[str, ...]:
    """What the last word before the white space that ends every match of
    ``_role_before_re`` ends with: a role, the comma after it, or a title."""
    roles = lexicon.role_nouns | words("candidates_person_role_nouns")
    return tuple(sorted(roles | lexicon.title_words | {","}))


def role_mentions(text: str, mentions: Sequence[Mention], persons: frozenset[str], *,
                  lexicon: Lexicon = DEFAULT_LEXICON) -> tuple[list[Mention], set[int]]:
    """A lower-case role right before a person's name ("a Varnian rebel commander, <Name>,",
    "<Demonym> dictator <Name>") is a description of that person: the span is the role with
    up to three modifiers before it (never a determiner or function word; a title word such as
    "Gen." may stand between role and name). The modifiers stop at a registry mention ("<Org>
    spokesman <Name>": the organisation stays a mention of its own); a one-word candidate there
    ("<Ethnic> rebel commander") was a modifier: its index is returned to be dropped."""
    role_re, ends = _role_before_re(lexicon), _role_before_ends(lexicon)
    at: dict[tuple[int, int], int] = {(m.start, m.end): i for i, m in enumerate(mentions)}
    owner = mention_owners(text, mentions)
    out: list[Mention] = []
    dropped: set[int] = set()
    for m in mentions:
        if m.actor_id not in persons or m.rule not in ("alias", "candidate"):
            continue
        before = text[max(0, m.start - 80) : m.start]
        r = role_re.search(before) if may_end_with(before, ends) else None
        if r is None:
            continue
        offset = m.start - len(before)
        start, end = offset + r.start(1), offset + r.end(1)
        if any(o >= 0 for o in owner[start:end]):
            continue
        swallowed: list[int] = []
        owned = False
        for _ in range(3):
            w = re.search(r"([\w.'’-]+)\s+$", text[max(0, start - 40) : start])
            word = w.group(1) if w else ""
            if not word or word.lower() in lexicon.common_words or _STOP_RE.search(word) \
                    or (word.endswith(".") and not _ACRONYM_RE.fullmatch(word)):
                break
            ws = start - len(w.group())
            span = (ws, ws + len(w.group(1)))
            if any(o >= 0 for o in owner[span[0] : span[1]]):
                if span not in at or mentions[at[span]].rule != "candidate":
                    owned = True
                    break  # a registry mention before the role is its owner, not a modifier
                swallowed.append(at[span])
            start = ws
        if owned and start == offset + r.start(1):
            continue  # "<Org> spokesman <Name>": the bare role is the owner's title, no phrase
        out.append(Mention(start, end, text[start:end], m.actor_id, "description"))
        owner[start:end] = [len(mentions)] * (end - start)
        dropped.update(swallowed)
    return out, dropped


_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")


def without_populations(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A plural demonym names the state only as "the Russians" ("the Russians say"); without
    the article it is people ("Syrians say", "weapons used on Syrians"), no actor."""
    return [m for m in mentions if m.rule != "demonym_plural"
            or _THE_BEFORE_RE.search(text[max(0, m.start - 5) : m.start])]

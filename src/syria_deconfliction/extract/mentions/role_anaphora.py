"""Role phrases that refer to a person the article names with that role.

"an opposition spokesman said ... <Name>, a spokesman for the opposition's committee": the role
phrase (a lexicon role noun with up to three modifiers, after "a"/"an"/"the") is a
description of the one person the article defines with that role noun. A person's role is
read where the article defines it: the title before the name ("Foreign Minister <Name>"), a
lower-case role before it ("rebel official <Name>"), an apposition after it ("<Name>, an
official in ..."), a copula after it ("<Name> was a decorated general"), or "the <role> for
<body>, <Name>". When the phrase has modifiers, one of
them must occur in the person's defining sentence ("union official" ~ "an official of the
dockers' union"); an indefinite one needs such a modifier ("Through a spokesman, he declined" may
be anyone's spokesman); two persons fitting -> no mention. The span is the modifiers and the
role noun, never the article. Phrases that define a person themselves (followed by a name,
by "for"/"of" ..., in apposition, or after a copula) are left to the other rules; after
"<Name>, " a phrase followed by a verb opens a clause of its own ("... fired <Name>, the
general told reporters") and refers back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..lexicon import table, words
from .descriptions import (
    Latest,
    antecedent_floor,
    one_state,
    sentence_starts,
    state_index,
    state_of,
)
from .model import DEFAULT_LEXICON, Lexicon, Mention, actors_by_id, may_end_with


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Phrase noun -> the role noun the person is defined with."""
    return {row[0]: row[1] for row in table("candidates_anaphoric_role_aliases")}


@lru_cache(maxsize=1)
def _defining_roles() -> frozenset[str]:
    return words("candidates_anaphoric_role_nouns") | frozenset(_aliases().values())


@lru_cache(maxsize=4)
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    roles = "|".join(sorted(_defining_roles(), key=len, reverse=True))
    nouns = sorted(words("candidates_anaphoric_role_nouns") | frozenset(_aliases()), key=len,
                   reverse=True)
    referring = "|".join(re.escape(n).replace(r"\-", "[ -]") for n in nouns)
    titles = "|".join(re.escape(t) for t in sorted(lexicon.title_words, key=len, reverse=True))
    before = re.compile(  # "... Foreign Minister " / "rebel official " / "the envoy for X, Gen. "
        rf"(?:\b((?:(?:{titles})\s+){{1,4}})"
        rf"|(?<![\w-])({roles})(?:,\s+|\s+)(?:(?:{titles})\s+)*"
        rf"|\b[Tt]he\s+({roles})\b[^,.;\n]{{0,60}},\s+(?:(?:{titles})\s+)*)$")
    copulas = "|".join(words("candidates_role_copulas"))
    after = re.compile(rf"(?:,|\s+(?:{copulas}))\s+(?:a|an|the)\s+(?:[\w'’.-]+\s+){{0,3}}?"
                       rf"({roles})\b")
    pron = "|".join(words("candidates_description_person_pronouns"))
    phrase = re.compile(
        rf"\b(?:[Tt]he|[Aa]n?|((?i:{pron})))\s+((?:[\w.'’-]+\s+){{0,3}}?)({referring})\b(?![\w-])"
        rf"(?!\s+[A-Z]|\s+(?:for|of|in|at|to|with|from)\b|,\s+(?:(?:{titles})\s+)*[A-Z])")
    return before, after, phrase


@lru_cache(maxsize=256)
def _referring_nouns(roles: frozenset[str]) -> tuple[str, ...]:
    """The nouns of role phrases (written with "-" for "[ -]") whose role is one of ``roles``,
    as the phrase rule maps them: lower case, through the aliases."""
    aliases = _aliases()
    nouns = words("candidates_anaphoric_role_nouns") | frozenset(aliases)
    return tuple(n for n in nouns if aliases.get(n.lower(), n.lower()) in roles)


@lru_cache(maxsize=4)
def _before_ends(lexicon: Lexicon) -> tuple[str, ...]:
    """What the last word before the white space that ends every match of ``_patterns`` 's
    first pattern ends with: a title, a role noun, or the comma after a role or a phrase."""
    return tuple(sorted(lexicon.title_words | _defining_roles() | {","}))


def _roles_of(text: str, m: Mention, patterns: tuple[re.Pattern[str], ...],
              ends: tuple[str, ...]) -> set[str]:
    """The role nouns the article gives a person at one mention of their name (``patterns``:
    ``_patterns`` of the lexicon, ``ends``: its ``_before_ends``)."""
    before, after, _ = patterns
    roles = _defining_roles()
    out: set[str] = set()
    window = text[max(0, m.start - 100) : m.start]
    b = before.search(window) if may_end_with(window, ends) else None
    if b is not None:
        if b.group(1):
            out |= {w.lower() for w in b.group(1).split()} & roles
        out |= {g for g in (b.group(2), b.group(3)) if g}
    a = after.match(text, m.end)
    if a is not None:
        out.add(a.group(1))
    return out


def _closes_apposition(text: str, end: int) -> bool:
    """After "<Name>, the <role>": punctuation or a relative pronoun closes an apposition
    ("<Name>, the general, said", "<Name>, the envoy who ..."); a verb opens a new clause
    ("... fired <Name>, the general told reporters")."""
    nxt = re.match(r"\s*([\w'’]+|\S)?", text[end : end + 30])
    word = nxt.group(1) if nxt else None
    return word is None or not word[0].isalnum() \
        or word.lower() in words("candidates_relative_pronouns")


def _definitions(text: str, mentions: Sequence[Mention], persons: frozenset[str],
                 lexicon: Lexicon) -> set[int]:
    """Where a role noun defines a person right after the name (apposition or copula): such
    a phrase is the definition, not a reference back."""
    _, after, _ = _patterns(lexicon)
    out: set[int] = set()
    for m in mentions:
        if m.actor_id in persons:
            a = after.match(text, m.end)
            if a is not None and (not a.group(0).startswith(",")
                                  or _closes_apposition(text, a.end(1))):
                out.add(a.start(1))
    return out


def _sentence_words(text: str, start: int, end: int) -> set[str]:
    """The lower-case words of the sentence around a span (looked for within 300 characters
    either side, so that a text without full stops stays linear)."""
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    lo = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), lo - 1) + 1
    hi = min(x for x in (text.find(". ", end, hi), text.find("\n", end, hi), hi) if x >= 0)
    return {w.lower() for w in re.findall(r"[\w-]+", text[lo:hi])}


def role_anaphora(text: str, mentions: Sequence[Mention], persons: frozenset[str],
                  actors: Sequence[Mapping[str, Any]], *,
                  lexicon: Lexicon = DEFAULT_LEXICON) -> list[Mention]:
    """Mentions for role phrases under the module's rule, in text order."""
    patterns = _patterns(lexicon)
    ends = _before_ends(lexicon)
    phrase = patterns[2]
    # role -> (person, the span defining it): the span's sentence words are read only for a
    # phrase with modifiers that needs them (most defined roles are never referred back to)
    defined: dict[str, list[tuple[str, int, int]]] = {}
    for m in mentions:
        if m.actor_id in persons and m.rule in ("alias", "candidate", "surname"):
            for role in _roles_of(text, m, patterns, ends):
                defined.setdefault(role, []).append((m.actor_id, m.start, m.end))
    if not defined or not any(all(part in text for part in noun.split("-"))
                              for noun in _referring_nouns(frozenset(defined))):
        return []  # a phrase's noun maps to a defined role and stands in the text
    busy = bytearray(len(text) + 1)
    for m in mentions:
        busy[m.start : m.end] = b"\x01" * (m.end - m.start)
    ends = {m.end for m in mentions if m.actor_id in persons}
    owner: _Owner | None = None  # built at the first "his/her <role>": most articles hold none
    definitions = _definitions(text, mentions, persons, lexicon)
    sentence_words: dict[tuple[int, int], set[str]] = {}

    def seen(start: int, end: int) -> set[str]:
        if (start, end) not in sentence_words:
            sentence_words[start, end] = _sentence_words(text, start, end)
        return sentence_words[start, end]

    out: list[Mention] = []
    for p in phrase.finditer(text):
        mods = p.group(2).split()
        role = re.sub(r"\s+", "-", p.group(3).lower())
        role = _aliases().get(role, role)
        comma = re.search(r",\s+$", text[max(0, p.start() - 3) : p.start()])
        if role not in defined or any(busy[p.start(3) : p.end(3)]) \
                or p.start(3) in definitions \
                or (comma and p.start() - 3 + comma.start() in ends
                    and _closes_apposition(text, p.end(3))):
            continue  # unknown role, inside a mention, or an apposition defining a person
        while mods and (mods[0].lower() in lexicon.common_words):
            mods = mods[1:]
        if any(w.lower() in lexicon.common_words for w in mods) \
                or (not mods and p.group(0)[0] in "Aa"):
            continue  # a bare "a spokesman" may be anyone's ("Through a spokesman, he ...")
        fits = {aid for aid, s, e in defined[role]
                if not mods or any(w.lower().strip(".'’") in seen(s, e) for w in mods)}
        if p.group(1):
            owner = owner or _Owner(text, mentions, persons, actors, lexicon)
            fits = owner.same_state(p.start(), fits)
        if len(fits) != 1:
            continue
        spans = list(re.finditer(r"\S+", text[p.start(2) : p.end(2)]))
        start = p.start(2) + spans[len(spans) - len(mods)].start() if mods else p.start(3)
        out.append(Mention(start, p.end(3), text[start : p.end(3)], fits.pop(), "description"))
    return out


class _Owner:
    """For "his/her <role>": the person the pronoun points back to (the last named in its
    sentence, or the sentence before when the pronoun opens its own) and their state; of the
    fitting persons, those other than the owner whose state is known and the same."""

    def __init__(self, text: str, mentions: Sequence[Mention], persons: frozenset[str],
                 actors: Sequence[Mapping[str, Any]], lexicon: Lexicon) -> None:
        self.text, self.lexicon = text, lexicon
        self.by_id = actors_by_id(actors)
        self.states = state_index(actors)
        self.starts = sentence_starts(text)
        self.people = Latest(mentions, lambda m: m.actor_id in persons)
        self.first: dict[str, Mention] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            if m.actor_id in persons:
                self.first.setdefault(m.actor_id, m)

    def same_state(self, pos: int, fits: set[str]) -> set[str]:
        ante = self.people.before(pos)
        floor = antecedent_floor(self.text, self.starts, pos)
        if ante is None or ante.start < floor:
            return set()
        state = one_state(self.text, ante, self.people.between(floor, pos), pos, self.by_id,
                          self.states, self.lexicon)
        return {aid for aid in fits if state is not None and aid != ante.actor_id
                and state_of(self.text, self.first[aid], self.by_id, self.states,
                              self.lexicon) == state}

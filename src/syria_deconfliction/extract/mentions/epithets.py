"""Epithets: a state adjective or an institution before a role noun, standing for one person.

"the <Demonym> leader", "<Demonym> strongman" (no name after it) is the one person the article
names whose state is that state and whose title holds a title word the lexicon lists for the
noun (`mentions_epithet_titles`: a leader is a President, Prime Minister, King ...).
"<Institution> chief", "ex-<Institution> chief" (the institution a registry body's name, alias
or metonym in any case: "Pentagon", "DOD") is the one person named whose registry parent is
that body, or whose title holds one of the body's distinctive name words ("Defense" in
"Department of Defense" ties "Defense Secretary" to it), and a title word of the noun. A
person's title is the registry's, and the capitalised words written right before the name in
the article ("former Defense Secretary <Name>"). Deputies and press officers never fit
(`mentions_epithet_subordinate_words`). Two fitting persons, or none -> no mention. A noun
followed by a capitalised word (a title before a name: "<Demonym> leader <Name>"), by "of" or
"for" (a definition), or lying inside a mention is left alone. The span is the modifier and
the noun, "ex-" included, never "the".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..lexicon import sequence, table, words
from ..patterns import words_after_no
from .descriptions import state_index, state_of
from .model import (
    ARTICLE_FORMS,
    DEFAULT_LEXICON,
    Lexicon,
    Mention,
    actors_by_id,
    by_identity,
    matches_from,
    mention_owners,
    word_starts_before,
)
from .registry import _list, _registry

_BODY_TYPES = frozenset({"government_body", "military"})
# Capitalised words right before a name on its line (its title as the article writes it).
_TITLE_BEFORE_RE = re.compile(r"((?:[A-Z][\w’'-]*\.?[ \t]+){1,4})$")


@lru_cache(maxsize=1)
def _titles() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1:]) for row in table("mentions_epithet_titles")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The epithet, and its noun alone with what must follow it."""
    nouns = "|".join(sorted(_titles(), key=len, reverse=True))
    after = r"\b(?![\w-])(?!\s+[A-Z]|\s+(?:of|for)\b|,\s+[A-Z])"
    return (re.compile(rf"(?<![\w.’'-])((?:ex-)?)([A-Z][\w.&’'-]*?)\s+({nouns}){after}"),
            re.compile(rf"(?:{nouns}){after}"))


def _epithet_word(c: str) -> bool:
    """A character of the word before the noun ("ex-" included): ``[\\w.&’'-]``."""
    return c.isalnum() or c in "_.&’'-"


def _epithets(text: str) -> Iterator[re.Match[str]]:
    """What ``_patterns()[0].finditer(text)`` finds, trying it only where a match can start:
    before a noun that its tail finds after white space, at the start of the word before the
    noun or after a "&" in it (the characters of the word the look-behind does not exclude).
    The word cannot hold white space, so it ends where the white space before the noun
    begins."""
    rx, tail = _patterns()
    return matches_from(rx, text, word_starts_before(text, tail, str.isspace, _epithet_word,
                                                     "&"))


@by_identity
def _institutions(actors: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Government bodies and militaries by each one-word name form, case-folded (built once
    per actor list)."""
    out: dict[str, str] = {}
    for a in actors:
        if a.get("type") not in _BODY_TYPES:
            continue
        for form in [a.get("name"), *_list(a.get("aliases")), *_list(a.get("metonyms"))]:
            form = re.sub(r"^the\s+", "", str(form or ""), flags=re.IGNORECASE)
            if form and " " not in form:
                out.setdefault(form.casefold(), str(a["id"]))
    return out


@by_identity
def _demonym_states(actors: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """States by their demonyms (state_index without the ISO3 codes)."""
    return {k: v for k, v in state_index(actors).items() if not k.isupper()}


def _distinctive(actor: Mapping[str, Any]) -> frozenset[str]:
    """The words of a body's names that tie a title to it ("defense", "pentagon")."""
    generic = words("mentions_epithet_generic_words")
    forms = [actor.get("name"), *_list(actor.get("aliases")), *_list(actor.get("metonyms"))]
    found = {w.casefold() for f in forms for w in re.findall(r"[\w.]+", str(f or ""))}
    return frozenset(w for w in found if w not in generic and len(w) > 2)


def _title_run(chain: str, lexicon: Lexicon) -> str:
    """The words of a capitalised run after the last one closing a sentence ("... <Name>.
    President <Name>": "President"); an abbreviated title ("Gen.") closes none."""
    run: list[str] = []
    for w in chain.split():
        run = [] if w.endswith(".") and w not in lexicon.title_words else [*run, w]
    return " ".join(run)


class _People:
    """The persons an article names, with their titles and states."""

    def __init__(self, text: str, mentions: Sequence[Mention], persons: frozenset[str],
                 actors: Sequence[Mapping[str, Any]], lexicon: Lexicon) -> None:
        self.by_id = actors_by_id(actors)
        states = state_index(actors)
        self.titles: dict[str, list[str]] = {}
        self.state: dict[str, str | None] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            if m.actor_id not in persons:
                continue
            if m.actor_id not in self.titles:
                reg = self.by_id.get(m.actor_id)
                self.titles[m.actor_id] = [str(reg["title"])] if reg and reg.get("title") else []
                self.state[m.actor_id] = state_of(text, m, self.by_id, states, lexicon)
            if m.rule in ("alias", "candidate"):
                t = _TITLE_BEFORE_RE.search(text[max(0, m.start - 60) : m.start])
                if t is not None:
                    self.titles[m.actor_id].append(_title_run(t.group(1), lexicon))

    def fitting(self, noun: str, state: str | None, body: str | None) -> set[str]:
        wanted, subordinate = _titles()[noun], words("mentions_epithet_subordinate_words")
        tie = _distinctive(self.by_id[body]) if body else frozenset()
        out: set[str] = set()
        for aid, titles in self.titles.items():
            tokens = {w for t in titles for w in re.findall(r"[\w.-]+", t)}
            if not tokens & wanted or tokens & subordinate:
                continue
            if state is not None and self.state.get(aid) == state or body is not None and (
                    (self.by_id.get(aid) or {}).get("parent") == body
                    or {w.casefold() for w in tokens} & tie):
                out.add(aid)
        return out


def epithet_mentions(text: str, mentions: Sequence[Mention], persons: frozenset[str],
                     actors: Sequence[Mapping[str, Any]], *,
                     lexicon: Lexicon = DEFAULT_LEXICON) -> list[Mention]:
    """Mentions for epithets under the module's rule, in text order."""
    busy: bytearray | None = None  # built at the first epithet: most articles hold none
    states = _demonym_states(actors)
    bodies = _institutions(actors)
    people: _People | None = None
    out: list[Mention] = []
    for g in _epithets(text):
        word, noun = g.group(2), g.group(3)
        if busy is None:
            busy = bytearray(len(text) + 1)
            for m in mentions:
                busy[m.start : m.end] = b"\x01" * (m.end - m.start)
        if any(busy[g.start(3) : g.end(3)]):
            continue
        state = states.get(word) if not g.group(1) else None
        body = bodies.get(word.casefold()) if state is None else None
        if state is None and body is None:
            continue
        if people is None:
            people = _People(text, mentions, persons, actors, lexicon)
        fits = people.fitting(noun, state, body)
        if len(fits) == 1:
            out.append(Mention(g.start(), g.end(3), text[g.start() : g.end(3)], fits.pop(),
                               "description"))
    return out


@lru_cache(maxsize=4)
def _apposition_re(lexicon: Lexicon) -> re.Pattern[str]:
    roles = lexicon.role_nouns | words("candidates_person_role_nouns") \
        | words("candidates_anaphoric_role_nouns")
    alt = "|".join(sorted(roles, key=len, reverse=True))
    low = r"[a-z][\w’'-]*"
    return re.compile(
        rf",[ \t]+[Tt]he[ \t]+((?:{low}[ \t]+){{0,3}}?(?:{alt})"
        rf"(?:[ \t]+(?:of|for|to)[ \t]+(?:the[ \t]+)?{low}(?:[ \t]+{low}){{0,2}})?)(?=[,.;])")


def apposition_mentions(text: str, mentions: Sequence[Mention], persons: frozenset[str], *,
                        lexicon: Lexicon = DEFAULT_LEXICON) -> list[Mention]:
    """A lower-case definite apposition headed by a role noun right after a person's name
    ("<Name>, the former director of <office>," "<Name>, the defense minister.") is a
    description of that person: the span is the phrase without "the". Capitalised words
    inside end it (a name of its own, left to the other rules)."""
    busy: bytearray | None = None  # built at the first apposition: most articles hold none
    out: list[Mention] = []
    apposition_rx = _apposition_re(lexicon)
    for m in mentions:
        if m.actor_id not in persons or m.possessive:
            continue
        g = apposition_rx.match(text, m.end)
        if g is None:
            continue
        if busy is None:
            busy = bytearray(len(text) + 1)
            for o in mentions:
                busy[o.start : o.end] = b"\x01" * (o.end - o.start)
        if any(busy[g.start(1) : g.end(1)]):
            continue
        out.append(Mention(g.start(1), g.end(1), g.group(1), m.actor_id, "description"))
    return out


@lru_cache(maxsize=4)
def _loyalist_re(lexicon: Lexicon) -> re.Pattern[str]:
    heads = "|".join(sorted(words("mentions_loyalist_heads"), key=len, reverse=True))
    ties = "|".join(re.escape(t).replace(r"\ ", r"\s+")
                    for t in sequence("mentions_loyalty_phrases"))
    titles = "|".join(re.escape(t) for t in sorted(lexicon.title_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({heads})\s+(?:{ties})\s+(?:the\s+)?(?:(?:{titles})\s+)*$")


def loyalist_mentions(text: str, mentions: Sequence[Mention], persons: frozenset[str],
                      actors: Sequence[Mapping[str, Any]], places: Sequence[Mapping[str, Any]],
                      *, lexicon: Lexicon = DEFAULT_LEXICON) -> list[Mention]:
    """"forces loyal to <Person>" names the armed forces of that person's state (its military
    child in the registry): the span runs from the head noun to the end of the name and holds
    the person's own mention. A head already inside a mention ("government forces loyal to
    ...") is left to that mention."""
    out: list[Mention] = []
    # A match holds the first word of a loyalty phrase: most texts (and windows) hold none.
    ties = tuple({t.split()[0] for t in sequence("mentions_loyalty_phrases")})
    if not any(t in text for t in ties):
        return out
    by_id = actors_by_id(actors)
    states = state_index(actors)
    reg = _registry(actors, places, lexicon)
    busy = bytearray(len(text) + 1)
    for m in mentions:
        busy[m.start : m.end] = b"\x01" * (m.end - m.start)
    loyalist_rx = _loyalist_re(lexicon)
    for m in mentions:
        if m.actor_id not in persons:
            continue
        lo = max(0, m.start - 80)
        if not any(text.find(t, lo, m.start) >= 0 for t in ties):
            continue
        g = loyalist_rx.search(text[lo : m.start])
        if g is None:
            continue
        start = m.start - (len(text[max(0, m.start - 80) : m.start]) - g.start(1))
        state = state_of(text, m, by_id, states, lexicon)
        force = reg.children.get((state, "military")) if state else None
        if force is not None and not any(busy[start : start + len(g.group(1))]):
            out.append(Mention(start, m.end, text[start : m.end], force, "description"))
    return out


@lru_cache(maxsize=4)
def _fronted_re(lexicon: Lexicon) -> re.Pattern[str]:
    roles = lexicon.role_nouns | words("candidates_person_role_nouns")
    alt = "|".join(sorted(roles, key=len, reverse=True))
    titles = "|".join(re.escape(t) for t in sorted(lexicon.title_words, key=len, reverse=True))
    former = "|".join(words("mentions_title_premodifiers"))
    # "(?<![\w-])(?:[Aa]n?|[Tt]he)", written so that the search skips to the articles' letters
    articles = words_after_no(ARTICLE_FORMS, r"[\w-]")
    return re.compile(
        rf"(?:{articles})[ \t]+((?:[\w.'’-]+[ \t]+){{0,3}}?)({alt}),[ \t]+"
        rf"(?:(?:{former})[ \t]+)?(?:(?:{titles})[ \t]+){{0,4}}$")


def fronted_role_mentions(text: str, mentions: Sequence[Mention], persons: frozenset[str], *,
                          lexicon: Lexicon = DEFAULT_LEXICON) -> tuple[list[Mention], set[int]]:
    """A role phrase set off by a comma before a person's name and title ("a senior <Demonym>
    opposition figure, former Prime Minister <Name>,") is a description of that person: the
    span is the modifiers and the role noun, never the article. Set off like this the phrase
    is no title, so a name inside its modifiers ("<Demonym> opposition") is a modifier, not a
    mention of its own: its index is returned to be dropped. Function words or a possessive
    among the modifiers (an owner: "the <Org> chief's spokesman"), or a mention reaching out
    of them, leave the phrase alone."""
    owner = mention_owners(text, mentions)
    out: list[Mention] = []
    dropped: set[int] = set()
    fronted_rx = _fronted_re(lexicon)
    for m in mentions:
        if m.actor_id not in persons or m.rule not in ("alias", "candidate"):
            continue
        offset = max(0, m.start - 160)
        if text.find(",", offset, m.start) < 0:
            continue  # the phrase ends in a comma
        g = fronted_rx.search(text, offset, m.start)
        if g is None or any(w.lower() in lexicon.common_words or re.search(r"['’]s?$", w)
                            for w in g.group(1).split()):
            continue  # a function word, or a possessive owner ("<Org> chief's aide")
        start = g.start(1) if g.group(1) else g.start(2)
        inside = {o for o in owner[start : g.end(2)] if o >= 0}
        if any(mentions[o].start < start or mentions[o].end > g.start(2) for o in inside):
            continue  # a mention over the role noun or reaching before the phrase
        out.append(Mention(start, g.end(2), text[start : g.end(2)], m.actor_id, "description"))
        dropped |= inside
    return out, dropped

"""Mentions and the English word classes the mention rules use (from the lexicon)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Any, TypeVar

from ..lexicon import sequence as lexicon_sequence
from ..lexicon import words as lexicon_words

_UP = "A-ZÀ-ÖØ-Þ"
# the articles in lower case and capitalised (an article opens a described kind or role)
ARTICLE_FORMS = tuple(f for a in lexicon_sequence("mentions_articles") for f in (a, a.capitalize()))
_APOS = "'’"


@dataclass(frozen=True, init=False)
class Mention:
    """One actor mention; ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str
    actor_id: str
    rule: str
    possessive: bool = False

    def __init__(self, start: int, end: int, text: str, actor_id: str, rule: str,
                 possessive: bool = False) -> None:
        # The frozen dataclass's own __init__ sets each field through object.__setattr__
        # (slow, and mentions are many): the same fields go straight into the instance dict.
        d = self.__dict__
        d["start"], d["end"], d["text"] = start, end, text
        d["actor_id"], d["rule"], d["possessive"] = actor_id, rule, possessive


def mention_owners(text: str, mentions: Sequence[Mention]) -> list[int]:
    """For every character of ``text`` (and one past its end) the index of the mention that
    covers it, -1 where none does: which mention a phrase's words belong to, in O(1)."""
    owner = [-1] * (len(text) + 1)
    for i, m in enumerate(mentions):
        owner[m.start : m.end] = [i] * (m.end - m.start)
    return owner


_T = TypeVar("_T")


def by_identity(build: Callable[[Any], _T]) -> Callable[[Any], _T]:
    """``build(obj)`` computed once per object, looked up by its identity: the tables the rules
    derive from the registry's actor list, which a corpus run passes unchanged for every
    article. The object is kept alive with its value (so no id is reused) and is not to be
    edited in place afterwards; the value is shared, not to be edited by callers."""
    cache: dict[int, tuple[object, _T]] = {}

    @wraps(build)
    def cached(obj: Any) -> _T:
        hit = cache.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = build(obj)
        if len(cache) >= 8:
            cache.pop(next(iter(cache)))
        cache[id(obj)] = (obj, value)
        return value

    return cached


@by_identity
def actors_by_id(actors: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """The actors by id (the last of a repeated id wins, as in a dict built over the list)."""
    return {str(a["id"]): a for a in actors}


@by_identity
def actor_types(actors: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Each actor's type by id, as text ("None" for none)."""
    return {str(a["id"]): str(a.get("type")) for a in actors}


def matches_from(rx: re.Pattern[str], text: str, starts: Iterable[int]
                 ) -> Iterator[re.Match[str]]:
    """What ``rx.finditer(text)`` finds, given ``starts`` (ascending) holding every offset a
    match of ``rx`` can start at: finditer's next match is the first offset at or after the
    last match's end where ``rx`` matches, so only those offsets need be tried. ``rx`` must
    not match the empty string. A cheap search for what every match holds gives the offsets,
    instead of trying ``rx`` at every character."""
    end = 0
    for s in starts:
        if s < end:
            continue
        m = rx.match(text, s)
        if m is not None:
            yield m
            end = m.end()


@lru_cache(maxsize=8)
def plain_words(words: frozenset[str]) -> tuple[str, ...] | None:
    """The words when each stands for itself in a pattern (letters, digits, single hyphens
    or spaces between them: an alternation of them matches them literally), else None."""
    if all(re.fullmatch(r"[^\W_]+(?:[ -][^\W_]+)*", w) for w in words):
        return tuple(sorted(words))
    return None


def _tail_starts(text: str, tail: re.Pattern[str], at: Iterable[int] | None
                 ) -> Iterator[int]:
    """Every offset where ``tail`` matches, ascending: searched for, or tried at each of
    ``at`` (ascending, holding all of them)."""
    if at is not None:
        yield from (p for p in at if tail.match(text, p))
        return
    i = 0
    while (t := tail.search(text, i)) is not None:
        i = t.start()
        yield i
        i += 1


def word_starts_before(text: str, tail: re.Pattern[str], space: Callable[[str], bool],
                       word: Callable[[str], bool], after: str,
                       at: Iterable[int] | None = None) -> Iterator[int]:
    """Offsets, ascending, where a pattern "<word> <spaces> <tail>" can match: for each offset
    where ``tail`` matches right after at least one space character (``space``), the start of
    the run of word characters (``word``) before the spaces, and each offset in that run just
    after one of ``after`` (the characters that the pattern's look-behind before the word does
    not exclude). Each space run and word run belongs to one tail, so the offsets ascend.
    ``at``: ascending offsets that hold every one where ``tail`` matches (``literal_starts``
    of the words every match opens with), where it is tried instead of searched for."""
    for end in _tail_starts(text, tail, at):
        gap = end
        while gap > 0 and space(text[gap - 1]):
            gap -= 1
        if gap == end:
            continue
        start = gap
        while start > 0 and word(text[start - 1]):
            start -= 1
        for s in range(start, gap):
            if s == start or text[s - 1] in after:
                yield s


def may_end_with(window: str, suffixes: tuple[str, ...]) -> bool:
    """Whether ``window`` ends in white space after a last word (its last run of non-space)
    that ends with one of ``suffixes``: what every match of a pattern anchored at the
    window's end after "<one of them><white space>" needs (words of no white space), tested
    before the pattern is searched for at every offset of the window."""
    if not window[-1:].isspace():
        return False
    last = window.rsplit(None, 1)
    return bool(last) and last[-1].endswith(suffixes)


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
    irregular_force_nouns: frozenset[str] = lexicon_words("mentions_irregular_force_nouns")
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



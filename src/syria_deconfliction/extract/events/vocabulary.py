"""Sentences and the clause rules' word classes (read from the lexicon)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..document import Document
from ..lexicon import words
from ..mentions import DEFAULT_LEXICON
from .model import _ws

# --------------------------------------------------------------------------- sentences


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text`` (the Document's sentences)."""
    return Document(text).sentences


# --------------------------------------------------------------------------- tokens


_DETERMINERS = words("events_determiners")
_PREPOSITIONS = words("events_prepositions")
_TARGET_PREPS = words("events_target_preps")
_AUX = words("events_aux")
_BE = words("events_be")
_PASSIVE_SKIP = words("events_passive_skip")
_UNDERGO_VERBS = words("events_undergo_verbs")
_NEGATORS = words("events_negators")
_CONJ_BOUNDARY = words("events_conj_boundary")
_HYPOTHETICAL = words("events_hypothetical")
_ASPECT_BEFORE_TO = words("events_aspect_before_to")
_RELATIVE = words("events_relative")
_PRONOUNS = words("events_pronouns")
_MODALS_WEAK = words("events_modals_weak")
_CAUSATIVE_VERBS = words("events_causative_verbs")
_CLAUSE_PUNCT = frozenset({";", ":", "—", "–"})
_TITLE_MODIFIERS = words("events_title_modifiers")
_ADJ_SUFFIXES = ("ed", "ing", "al", "ian", "ic", "ive", "ous", "ful", "ern", "ary", "ese", "ish")
_ADJECTIVES = words("events_adjectives")
_LIGHT_VERBS = words("events_light_verbs")
_ROLE_NOUNS = DEFAULT_LEXICON.role_nouns | _ws(
    "spokesperson spokesman spokeswoman chairman head chief commander official officials "
    "members member representative representatives staff"
)


@lru_cache(maxsize=256)
def _word_forms(items: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words ``items`` accept: exact forms (an item, its -s and -es plural) and prefixes
    (an item ending in "*"), computed once per word list."""
    exact = {f for it in items if not it.endswith("*") for f in (it, it + "s", it + "es")}
    return frozenset(exact), tuple(it[:-1] for it in items if it.endswith("*"))


@lru_cache(maxsize=256)
def _phrases(items: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The items of several words ("air campaign", "war crime*"), split into words; the
    last word may end in "*" (a prefix), as a single item may."""
    return tuple(tuple(it.split()) for it in items if " " in it)


def _phrase_at(lows: Sequence[str], i: int, words: tuple[str, ...]) -> bool:
    """Whether the words of ``lows`` from ``i`` on are ``words`` (a -s plural or a "*" prefix
    allowed on the last)."""
    if i + len(words) > len(lows):
        return False
    *head, last = words
    if any(lows[i + j] != w for j, w in enumerate(head)):
        return False
    exact, prefixes = _word_forms((last,))  # the last word's forms, as for a single item
    got = lows[i + len(head)]
    return got in exact or got.startswith(prefixes)


def _low_matcher(items: Iterable[str]) -> Callable[[str], bool]:
    """Whether a word of a sentence (its ``low``: lower case, straight apostrophes) is one the
    word list ``items`` accepts, the list read once for all the words tested."""
    exact, prefixes = _word_forms(tuple(items))
    return lambda w: w in exact or w.startswith(prefixes)

"""One sentence as the event rules see it: its parts (tokens), mentions and their title chains."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..document import Document
from ..lexicon import words
from ..mentions import DEFAULT_LEXICON, Mention
from .model import _ws
from .trigger_lexicon import TriggerEntry, TriggerLexicon
from .vocabulary import (
    _ADJ_SUFFIXES,
    _ADJECTIVES,
    _AUX,
    _DETERMINERS,
    _PREPOSITIONS,
    _ROLE_NOUNS,
    _TARGET_PREPS,
    _TITLE_MODIFIERS,
)

# --------------------------------------------------------------------------- per sentence


@dataclass
class _Trig:
    entry: TriggerEntry
    start: int  # char offsets
    end: int
    t0: int  # token indices [t0, t1)
    t1: int
    form: str  # v (verb form) | n (noun form) | p (pattern)


@dataclass
class _Frame:
    tok: int  # index of the frame word
    status: str
    claimer: str | None
    kind: str  # pre | post | parenthetical | according
    body_start: int = 0  # pre: first token of the claimed clause
    body_end: int = 10_000  # pre: end of the claimed clause (", but ..." is outside)
    region: tuple[int, int] = (0, 0)  # tokens of the frame words (subject, verb, adjuncts)


@dataclass
class _Clause:
    start: int  # first token
    kind: str  # sentence | frame | punct | conj | if | relative | that | with
    boundary: int = -1  # token of the boundary word
    antecedent: str | None = None
    skips: list[tuple[int, int]] = field(default_factory=list)


_NUMBER_WORDS = words("events_number_words")
_COMPOUND_TO = words("events_compound_to")
_INVERTIBLE = words("events_invertible")
_FRAME_ING = words("events_frame_ing")
_QUOTES = frozenset({"“", "”", '"', "'", "‘", "’"})
_AREA_NOUNS = DEFAULT_LEXICON.area_nouns_before_of | DEFAULT_LEXICON.compass_words | _ws(
    "village town city province district neighbourhood neighborhood governorate"
)
_LOCATIVE = words("events_locative")
_GOV_NOUNS = DEFAULT_LEXICON.government_nouns | DEFAULT_LEXICON.military_nouns | frozenset(
    {"regime"}
)
_POSSESSIVE_START = re.compile(r"^['’]s?")
_PLACE_TIER = {"country": 0, "admin1": 1, "region": 1, "sea": 1, "border": 1, "corridor": 1}


class _Lows(dict[int, str]):
    """Token index -> lower-case text; "" for an index outside the sentence."""

    def __missing__(self, key: int) -> str:
        return ""


class _Article:
    """What the sentences of one article share: the parts' lower-case texts and offsets (read
    once, each sentence takes its slice) and the armed forces of each state, found once."""

    def __init__(self, doc: Document) -> None:
        self.parts = doc.parts
        self.starts = doc.part_starts
        self.ends = [t.end for t in self.parts]
        self.lows = [t.low for t in self.parts]
        self.forces: dict[str, list[str]] = {}
        self.bodies: dict[str, tuple[str, ...]] = {}  # persons' bodies named in apposition
        self.owners: dict[str, str] = {}  # bodies named as another body's ("X's council")
        self.trigger_words: object = None  # the trigger words' index (triggers.py), read once
        self._frame_words: object = None  # the reporting-verb forms last indexed, and where
        self._frame_parts: list[int] = []  # the parts holding them stand

    def frame_parts(self, frame_words: Mapping[str, str]) -> list[int]:
        """The indices of the parts that are reporting-verb forms, found once per article."""
        if self._frame_words is not frame_words:
            self._frame_parts = [i for i, w in enumerate(self.lows) if w in frame_words]
            self._frame_words = frame_words
        return self._frame_parts


class _Sentence:
    def __init__(self, doc: Document, start: int, end: int, mentions: Sequence[Mention],
                 lex: TriggerLexicon, actor_types: Mapping[str, str],
                 parents: Mapping[str, str | None] | None = None,
                 article: _Article | None = None) -> None:
        self.text = doc.text
        self.parents: Mapping[str, str | None] = parents or {}
        self.start, self.end = start, end
        art = self.article = article or _Article(doc)
        a, b = bisect_left(art.starts, start), bisect_left(art.starts, end)  # parts in the span
        self.part0 = a  # the article's index of the sentence's first part
        self.toks = art.parts[a:b]
        self.lows = art.lows[a:b]
        self.tok_starts = art.starts[a:b]
        self.tok_ends = art.ends[a:b]
        # low(i): token i's lower-case text, "" outside the sentence (a dict lookup: the rules
        # call it about a million times per thousand sentences)
        self.low: Callable[[int], str] = _Lows(enumerate(self.lows)).__getitem__
        self.lex = lex
        self.actor_types = actor_types
        self.mentions = [m for m in mentions if m.start >= start and m.end <= end]
        self.m_tok = [self.tok_span(m.start, m.end) for m in self.mentions]
        self.heads = self._chain_heads()
        self._at_token: dict[int, int] | None = None  # (mention_at_token's map, built once)
        self._ending: dict[int, int] | None = None  # (mention_ending_at's map)
        self.trig_at: dict[int, _Trig] = {}
        # the gazetteer names that may say where (start, end, id, locative, tier), found once
        self.places: list[tuple[int, int, str, bool, int]] | None = None
        # the frames once all are found (set by find_candidates), and the clauses found
        # against them by token
        self.frames: list[_Frame] | None = None
        self.clauses: dict[int, _Clause] = {}
        self.body_ends: list[int] | None = None  # where reported words may end (clauses.py)

    # ---- helpers
    def top(self, actor: str) -> str:
        """The top of an actor's parent chain (a person's state, a unit's state)."""
        seen = {actor}
        while (parent := self.parents.get(actor)) and parent not in seen:
            seen.add(parent)
            actor = parent
        return actor

    def tok_span(self, s: int, e: int) -> tuple[int, int]:
        """Tokens [first, last + 1) of chars [s, e): the first token ending after s, the last
        starting before e (token starts and ends both increase, so by bisection)."""
        first = bisect_right(self.tok_ends, s)
        last = bisect_left(self.tok_starts, e) - 1
        return first, max(first, last if last >= 0 else first) + 1

    def _chain_heads(self) -> list[int]:
        """Mention index -> the mention heading its title chain ("U.S. Secretary of State X")."""
        heads = list(range(len(self.mentions)))
        for k in range(len(self.mentions) - 2, -1, -1):
            a, b = self.mentions[k], self.mentions[k + 1]
            gap = self.text[a.end:b.start]
            if a.rule == "opponents":
                continue  # "opponents of X" are not X (see coref.py)
            if a.possessive:
                gap = _POSSESSIVE_START.sub("", gap)
            if gap == " ":
                # one noun phrase, its head last ("U.N. envoy Ana Kova", "Sunni Arab
                # opposition"), but a name of several words outranks a generic noun after it
                # ("the Blue Star rebel group")
                if b.rule != "side-noun" or len(a.text.split()) == 1:
                    heads[k] = heads[k + 1]
                continue
            chained = _TITLE_GAPS.get(gap)
            if chained is None:
                chained = _title_gap(gap)
            if chained:
                heads[k] = heads[k + 1]
        return heads

    def _titled(self, m: Mention) -> bool:
        """A person's mention or a role noun standing for one ("envoy"): a title chain's end."""
        return self.actor_types.get(m.actor_id) == "person" or m.text.lower() in _ROLE_NOUNS

    def mention_at_token(self, i: int) -> int | None:
        """The first mention holding token i (by a map of the tokens, built once)."""
        if self._at_token is None:
            self._index_mentions()
        return self._at_token.get(i)  # type: ignore[union-attr]

    def mention_ending_at(self, i: int) -> int | None:
        """Mention whose last token is i - 1 (allowing a possessive 's token): the first of
        the mentions ending at i and, after "'s", of those ending at i - 1."""
        if self._ending is None:
            self._index_mentions()
        k = self._ending.get(i)  # type: ignore[union-attr]
        if self.low(i - 1) in ("'s", "'"):
            k2 = self._ending.get(i - 1)  # type: ignore[union-attr]
            if k2 is not None and (k is None or k2 < k):
                return k2
        return k

    def _index_mentions(self) -> None:
        """Token -> first mention holding it, and end token -> first mention ending there."""
        at: dict[int, int] = {}
        ending: dict[int, int] = {}
        for k, (a, b) in enumerate(self.m_tok):
            for i in range(a, b):
                at.setdefault(i, k)
            ending.setdefault(b, k)
        self._at_token, self._ending = at, ending

    def forces_of(self, state: str) -> list[str]:
        """The state's armed forces: the registry's military children of it."""
        found = self.article.forces.get(state)
        if found is None:
            found = self.article.forces[state] = [
                a for a, p in self.parents.items()
                if p == state and self.actor_types.get(a) == "military"]
        return found

    def actor(self, k: int) -> str:
        return self.mentions[self.heads[k]].actor_id

    def is_verbish(self, i: int) -> bool:
        return i in self.trig_at or self.low(i) in self.lex.frame_status

    # ---- prepositional phrases
    def preposition_before(self, k: int, floor: int = 0) -> tuple[str | None, int]:
        """The preposition governing mention k, looking back over modifiers (or None)."""
        i, steps = self.m_tok[k][0] - 1, 0
        while i >= floor and steps < 4:
            w = self.low(i)
            if w in _PREPOSITIONS:
                return w, i
            if w == "that":
                return None, i
            skippable = w in _DETERMINERS or w in _NUMBER_WORDS or w in ("'s", "s") or (
                self.toks[i].text.islower() and (w in _ADJECTIVES or w.endswith(_ADJ_SUFFIXES))
                and w not in _AUX and not self.is_verbish(i)
            )
            if not skippable:
                return None, i
            i -= 1
            steps += 1
        return None, i

    def role_of(self, prep_idx: int) -> bool:
        """'the head of X', 'a spokesman for X': the role holder stands for X."""
        j = prep_idx - 1
        while j >= 0 and self.low(j) in ("general", "deputy", "senior", "top", "chief"):
            j -= 1
        return self.low(j) in _ROLE_NOUNS

    def owner_of(self, prep_idx: int) -> bool:
        """'the regime of X', 'the forces of X': the body belongs to X."""
        return self.low(prep_idx) == "of" and self.low(prep_idx - 1) in _GOV_NOUNS

    def subject_ok(self, k: int, floor: int = 0, allow_by: bool = False) -> bool:
        prep, pi = self.preposition_before(k, floor)
        if prep is None:
            a = self.m_tok[k][0]
            if k > 0 and self.low(a - 1) in ("and", "or") and self.m_tok[k - 1][1] == a - 1:
                return self.subject_ok(k - 1, floor, allow_by)
            return True
        if prep in ("of", "for") and self.role_of(pi):
            return True
        return allow_by and prep == "by"

    def object_ok(self, k: int, t1: int) -> bool:
        prep, pi = self.preposition_before(k, t1 - 1)
        if prep is None:
            a = self.m_tok[k][0]
            if k > 0 and self.low(a - 1) in ("and", "or") and self.m_tok[k - 1][1] == a - 1 \
                    and self.m_tok[k - 1][0] >= t1:
                return self.object_ok(k - 1, t1)
            return True
        if pi < t1:
            return True  # the trigger's own particle: "concerned by X", "spoke with X"
        if prep in ("of", "for") and (self.role_of(pi) or self.owner_of(pi)):
            return True
        if prep == "to" and self.low(pi - 1) in _COMPOUND_TO:
            return False  # "prior to X", "according to X"
        return prep in _TARGET_PREPS


_TITLE_GAPS: dict[str, bool] = {}  # gap text -> _title_gap (gaps recur: " of ", ", the ")


def _title_gap(gap: str) -> bool:
    """Whether the text between two mentions chains them as a title ("U.S. Secretary of State
    X": " Secretary of State "): a few title words with spaces around (the pure test of the
    gap alone, remembered per gap text)."""
    words = gap.split()
    chained = bool(words) and gap.startswith(" ") and gap.endswith(" ") and len(words) <= 5 \
        and all(w in DEFAULT_LEXICON.title_words or w in DEFAULT_LEXICON.honorifics
                or w in ("of", "for", "the") or w.lower() in _ROLE_NOUNS
                or w.lower() in _TITLE_MODIFIERS for w in words)
    if len(gap) <= 64:  # (short gaps recur; memory stays flat over any corpus)
        if len(_TITLE_GAPS) > 20_000:
            _TITLE_GAPS.clear()
        _TITLE_GAPS[gap] = chained
    return chained


def in_other_relative(s: _Sentence, pos: int, tok: int) -> bool:
    """Char offset pos lies in a ", which/who ..." clause (to the next comma) without token
    tok: "X, which joined last year, says ...": "last year" dates the joining, not the saying."""
    i = bisect_right(s.tok_starts, pos) - 1
    j = i
    while j > 0 and s.low(j) not in (",", ".", ";", ":"):
        if s.low(j) in ("which", "who") and s.low(j - 1) == ",":
            end = next((k for k in range(i, len(s.toks)) if s.low(k) in (",", ".", ";")),
                       len(s.toks))
            return not j <= tok < end
        j -= 1
    return False

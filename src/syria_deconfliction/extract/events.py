"""Rule-based event-candidate finder for English conflict news.

The finder proposes *candidates*; curated events (raw/curation/events.yaml) decide.
It serves two uses:
in the curated build every candidate must be covered by a curated event or rejected with a
reason (so a missed event is visible), and for new articles it drafts event rows.

Knowledge lives in data: the trigger lexicon (raw/knowledge/event_triggers.yaml: words, CAMEO codes,
reporting frames) and the actor/place registries passed in by the caller. This module holds only
general rules of English news syntax, applied sentence by sentence without a parser:

1. Sentences: blank lines and line breaks always end a sentence; ``.``/``!``/``?`` (with closing
   quotes) end one before an upper-case word, except after honorific/title abbreviations
   ("Mr.", "Gen."), single initials ("John F. Kennedy") and dotted acronyms ("U.S.") unless a
   typical sentence opener follows ("... the U.S. The ministry ...").
2. Triggers: lexicon words, longest match first, not inside an actor mention, not part of a
   hyphenated compound ("Russian-backed"), verb forms not directly after a determiner (a
   verb/noun homograph after a determiner or adjective is read as the noun). A trigger in the
   object or "to ..." complement of a governing verb ("offers military talks", "offered to hold
   talks") or in a purpose clause after another trigger ("sent troops to fight X") belongs to
   that event. Triggers in "if/unless/whether" clauses are conditions, not events.
3. Context: negation (not, n't, never, no, without) and intention markers (will, would, could,
   "ready to", "the decision ... to") in the few words before the trigger; passive voice
   (be + participle, or participle + "by").
4. Claim status: reporting frames from the lexicon. "X said (that) E", "E, X said", "E, X
   said, F" and "according to X" make E claimed by X (reported when X is a news outlet or
   NGO the writer relays); "X confirmed" confirmed; "accused/blamed X of/for E" and
   "allegedly" alleged (the accused X becomes E's source); "X denied that E" denied.
   Precedence: denied > alleged > planned > confirmed > claimed > reported. An intention
   takes the entry's intent code (talks -> 036, withdraw -> 0356) and keeps its status, or
   without one becomes planned. A negated force verb inside a claim is a denial (016) when
   the speaker's side is the actor, else a plain statement (010), by the speaker.
5. Source: the first actor mention of the trigger's clause that is not inside a prepositional
   phrase ("of X", "by X", "with X" ...; "the head of X" counts as X), skipping relative clauses
   and parentheticals that close before the trigger; in a relative clause the antecedent; for
   a pronoun subject after a reporting verb the reporter; "X to <trigger>" X; for an -ing
   participle the noun it follows ("rebels fighting X"); after ", but" the subject before it.
   A title chain ("U.S. Secretary of State John Kerry") is represented by its last mention.
   Force verbs prefer militaries and armed groups (``actor_types``). Passive: the "by" agent.
   Nouns: "of X" for arrival/withdrawal nouns, an attributive or possessive mention ("Russian
   strikes"), "by X", "between X and Y", else the clause subject after a light verb ("carried
   out strikes") or in "in a phone call".
6. Target: the first mention after the trigger in its clause that is a direct object or follows
   against/on/at/with/to/into (not "prior to"); "X and Y <met>" and "<fighting> between X and Y"
   give both sides for symmetric triggers. A withdrawing side's own forces are not a target.
7. Acting body (``actor_parents``): in speech acts a person stands for the body they speak for
   (registry parent); in material acts (15, 18-20, 0874) a state source acts through its one
   armed-forces child.
8. Date: the nearest date expression of the sentence, resolved against the publication date
   (into the future for intentions dated after the trigger). Not the date of a reporting frame
   for force events; "since X's <event>" dates that event, other "since ..." nothing.
9. Place: a gazetteer name in the sentence not read as an actor; preferred after a locative
   preposition, then the more specific feature, then the nearer one; a country name only after
   a locative preposition.
10. Folding: force (18-20) or posture (15) triggers of one sentence whose actors do not conflict
   become one candidate ("the air strike killed soldiers"); a headline candidate the body
   restates and a later repeat (same root, source, target, date, status) are dropped;
   candidates with neither source nor target are dropped unless they are material events with
   a date, or a verb with a place. Statements, appeals etc. need a source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..paths import knowledge_dir
from .dates import DateExpr, ResolvedDate, find_date_expressions, resolve
from .document import Document
from .lexicon import words
from .mentions import DEFAULT_LEXICON, Mention

__all__ = [
    "Candidate",
    "TriggerEntry",
    "TriggerLexicon",
    "find_candidates",
    "inflect_noun",
    "inflect_verb",
    "load_lexicon",
    "split_sentences",
    "unaccounted_candidates",
]

def _ws(words: str) -> frozenset[str]:
    return frozenset(words.split())


CLAIM_STATUSES = ("reported", "claimed", "alleged", "denied", "planned", "confirmed")
_STATUS_RANK = {"denied": 5, "alleged": 4, "planned": 3, "confirmed": 2, "claimed": 1,
                "reported": 0}
_KINETIC_KINDS = frozenset({"kinetic"})
_PHYSICAL_KINDS = frozenset({"kinetic", "force", "withdraw"})
_STATEMENT_FRAME_KINDS = {"statement": "claimed", "threaten": "claimed", "agree": "claimed",
                          "accuse": "alleged", "deny": "denied"}
_MILITARY_TYPES = frozenset({"military", "armed_group"})
_RELAYING_TYPES = frozenset({"media", "ngo"})


@dataclass
class Candidate:
    """One proposed event; every offset indexes the text given to :func:`find_candidates`."""

    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    cameo_code: str
    source_actor_id: str | None
    target_actor_id: str | None
    date_text: str | None
    date_start: int | None
    date_end: int | None
    date: ResolvedDate | None
    place_id: str | None
    place_text: str | None
    claim_status: str
    claimed_by_actor_id: str | None
    confidence: float
    rule: str = ""  # lexicon entry id and the context rules that changed the proposal


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Refinement:
    near: tuple[str, ...]
    code: str
    planned: str | None = None
    both: bool = False  # look before the trigger too


@dataclass(frozen=True)
class TriggerEntry:
    id: str
    code: str
    kind: str
    verb_forms: tuple[str, ...] = ()
    noun_forms: tuple[str, ...] = ()
    pattern: str | None = None
    particle: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    followed_by: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    window: int = 5
    negated: str | None = None
    planned: str | None = None
    refine: tuple[Refinement, ...] = ()
    governs: bool = False
    symmetric: bool = False
    of_agent: bool = False
    notes: str = ""

    @property
    def base_forms(self) -> frozenset[str]:
        """Verb forms that are bare stems: those whose -s form is listed too."""
        forms = set(self.verb_forms)
        return frozenset(
            f for f in forms
            if {f + "s", f + "es", f[:-1] + "ies", f + "ed", f + "d", f[:-1] + "ied"} & forms
            or " " in f and f.split(" ", 1)[0] + "s " + f.split(" ", 1)[1] in forms
        )


@dataclass(frozen=True)
class TriggerLexicon:
    entries: tuple[TriggerEntry, ...]
    frames: Mapping[str, frozenset[str]]  # status -> inflected reporting-verb forms
    alleged_adverbs: frozenset[str]
    claimed_adverbs: frozenset[str]
    planned_markers: frozenset[str]
    planned_before_to: frozenset[str]
    planned_lookback: frozenset[str] = frozenset()
    regexes: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)


_ENTRY_KEYS = {
    "id", "verb", "forms", "noun", "pattern", "particle", "object", "requires", "followed_by",
    "not_followed_by", "not_preceded_by", "window", "code", "kind", "negated", "planned",
    "refine", "governs", "symmetric", "of_agent", "notes",
}
_KINDS = {
    "kinetic", "force", "withdraw", "aid", "consult", "agree", "appeal", "offer", "accuse",
    "criticize", "reject", "deny", "threaten", "statement", "cooperate", "support", "sanction",
    "comment",
}


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    if any(isinstance(v, bool) for v in value):
        raise ValueError(f"a word list holds true/false (quote 'on', 'off', 'no'): {value}")
    return tuple(str(v).lower() for v in value)


def inflect_verb(lemma: str) -> tuple[str, ...]:
    """Base, third person, past and -ing forms of a regular English verb ("ram" -> rammed).

    For a multi-word verb ("pull out") the first word is inflected.
    """
    head, _, rest = lemma.lower().strip().partition(" ")
    tail = f" {rest}" if rest else ""
    if re.search(r"(?:s|sh|ch|x|z|o)$", head):
        third = head + "es"
    elif re.search(r"[^aeiou]y$", head):
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if re.search(r"[^aeiou]y$", head):
        past, ing = head[:-1] + "ied", head + "ing"
    elif head.endswith("e"):
        past = head + "d"
        ing = head + "ing" if re.search(r"(?:ee|ye|oe)$", head) else head[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprtv]", head):
        past, ing = head + head[-1] + "ed", head + head[-1] + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    return tuple(dict.fromkeys(w + tail for w in (head, third, past, ing)))


def inflect_noun(noun: str) -> tuple[str, ...]:
    """Singular and regular plural of a (possibly multi-word) noun; plurals are kept as given."""
    n = noun.lower().strip()
    last = n.rsplit(" ", 1)[-1]
    if last.endswith("s"):
        return (n,)
    if re.search(r"(?:x|z|ch|sh)$", last):
        plural = n + "es"
    elif re.search(r"[^aeiou]y$", last):
        plural = n[:-1] + "ies"
    else:
        plural = n + "s"
    return (n, plural)


def _form_regex(forms: Iterable[str]) -> str:
    alts = []
    for f in sorted(set(forms), key=lambda s: (-len(s), s)):
        parts = [re.escape(p) for p in re.split(r"[ -]+", f) if p]
        alts.append(r"[\s-]+".join(parts) if " " in f else re.escape(f))
    return "|".join(alts)


def _build_entry(raw: Mapping[str, Any], where: str) -> TriggerEntry:
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("id", "code", "kind"):
        if not raw.get(key):
            raise ValueError(f"{where}: '{key}' is required")
    if raw["kind"] not in _KINDS:
        raise ValueError(f"{where}: unknown kind {raw['kind']!r}")
    verb_forms: list[str] = []
    if raw.get("forms"):
        verb_forms.extend(_words(raw["forms"]))
    elif raw.get("verb"):
        for lemma in _words(raw["verb"]):
            verb_forms.extend(inflect_verb(lemma))
    noun_forms = [f for n in _words(raw.get("noun")) for f in inflect_noun(n)]
    if not (verb_forms or noun_forms or raw.get("pattern")):
        raise ValueError(f"{where}: needs verb, forms, noun or pattern")
    refine = tuple(
        Refinement(_words(r["near"]), str(r["code"]),
                   str(r["planned"]) if r.get("planned") else None, bool(r.get("both")))
        for r in raw.get("refine") or ()
    )
    return TriggerEntry(
        id=str(raw["id"]), code=str(raw["code"]), kind=str(raw["kind"]),
        verb_forms=tuple(dict.fromkeys(verb_forms)), noun_forms=tuple(dict.fromkeys(noun_forms)),
        pattern=raw.get("pattern"), particle=_words(raw.get("particle")),
        object=_words(raw.get("object")), requires=_words(raw.get("requires")),
        followed_by=_words(raw.get("followed_by")),
        not_followed_by=_words(raw.get("not_followed_by")),
        not_preceded_by=_words(raw.get("not_preceded_by")),
        window=int(raw.get("window") or 5),
        negated=str(raw["negated"]) if raw.get("negated") else None,
        planned=str(raw["planned"]) if raw.get("planned") else None,
        refine=refine, governs=bool(raw.get("governs")), symmetric=bool(raw.get("symmetric")),
        of_agent=bool(raw.get("of_agent")),
        notes=str(raw.get("notes") or ""),
    )


def _entry_regex(e: TriggerEntry) -> re.Pattern[str]:
    alts = []
    if e.verb_forms:
        verb = f"(?P<v>{_form_regex(e.verb_forms)})"
        if e.particle:
            verb += rf"\s+(?:{_form_regex(e.particle)})"
        alts.append(verb)
    if e.noun_forms:
        alts.append(f"(?P<n>{_form_regex(e.noun_forms)})")
    if e.pattern:
        alts.append(f"(?P<p>{e.pattern})")
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(alts)})(?![\w-])", re.IGNORECASE)


def lexicon_from_data(data: Mapping[str, Any]) -> TriggerLexicon:
    """Compile the lexicon from its YAML structure (see raw/knowledge/event_triggers.yaml)."""
    entries = tuple(
        _build_entry(raw, f"triggers[{i}] ({raw.get('id')})")
        for i, raw in enumerate(data.get("triggers") or ())
    )
    ids = [e.id for e in entries]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"duplicate trigger ids: {sorted(dupes)}")
    fr = data.get("frames") or {}
    frames = {
        status: frozenset(f for lemma in _words(fr.get(status)) for f in inflect_verb(lemma))
        for status in ("claimed", "confirmed", "alleged", "denied")
    }
    return TriggerLexicon(
        entries=entries,
        frames=frames,
        alleged_adverbs=frozenset(_words(fr.get("alleged_adverbs"))),
        claimed_adverbs=frozenset(_words(fr.get("claimed_adverbs"))),
        planned_markers=frozenset(w.replace("’", "'") for w in _words(fr.get("planned_markers"))),
        planned_before_to=frozenset(_words(fr.get("planned_before_to"))),
        planned_lookback=frozenset(_words(fr.get("planned_lookback"))),
        regexes=tuple(_entry_regex(e) for e in entries),
    )


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime: float) -> TriggerLexicon:
    import yaml

    with open(path, encoding="utf-8") as fh:
        return lexicon_from_data(yaml.safe_load(fh) or {})


def load_lexicon(path: Path | str | None = None) -> TriggerLexicon:
    """The trigger lexicon from ``path`` (default: event_triggers.yaml of the knowledge folder,
    raw/knowledge/ in a checkout or the wheel's copy)."""
    p = Path(path) if path is not None else knowledge_dir() / "event_triggers.yaml"
    return _load_cached(str(p.resolve()), p.stat().st_mtime)


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
_NEGATORS = words("events_negators")
_CONJ_BOUNDARY = words("events_conj_boundary")
_HYPOTHETICAL = words("events_hypothetical")
_ASPECT_BEFORE_TO = words("events_aspect_before_to")
_RELATIVE = words("events_relative")
_PRONOUNS = words("events_pronouns")
_MODALS_WEAK = words("events_modals_weak")
_CLAUSE_PUNCT = frozenset({";", ":", "—", "–"})
_TITLE_MODIFIERS = words("events_title_modifiers")
_ADJ_SUFFIXES = ("ed", "ing", "al", "ian", "ic", "ive", "ous", "ful", "ern", "ary", "ese", "ish")
_ADJECTIVES = words("events_adjectives")
_LIGHT_VERBS = words("events_light_verbs")
_ROLE_NOUNS = DEFAULT_LEXICON.role_nouns | _ws(
    "spokesperson spokesman spokeswoman chairman head chief commander official officials "
    "members member representative representatives staff"
)


def _word_match(word: str, items: Iterable[str]) -> bool:
    w = word.lower().replace("’", "'")
    for it in items:
        if it.endswith("*"):
            if w.startswith(it[:-1]):
                return True
        elif w == it or w in (it + "s", it + "es"):
            return True
    return False


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class _Gazetteer:
    regex: re.Pattern[str] | None
    by_form: Mapping[str, tuple[str, str]]  # folded surface -> (place id, feature_type)


def _fold(s: str) -> str:
    return s.replace("’", "'")


_GAZ_CACHE: dict[tuple[Any, ...], _Gazetteer] = {}


def _gazetteer(places: Sequence[Mapping[str, Any]]) -> _Gazetteer:
    key = tuple(
        (p.get("id"), p.get("name"), tuple(p.get("alternate_names") or ()), p.get("feature_type"))
        for p in places
    )
    gaz = _GAZ_CACHE.get(key)
    if gaz is not None:
        return gaz
    by_form: dict[str, tuple[str, str]] = {}
    for p in places:
        pid = p.get("id")
        if not pid:
            continue
        for name in [p.get("name"), *(p.get("alternate_names") or ())]:
            if name:
                by_form.setdefault(_fold(str(name)), (str(pid), str(p.get("feature_type") or "")))
    forms = sorted(by_form, key=lambda s: (-len(s), s))
    regex = None
    if forms:
        regex = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    gaz = _Gazetteer(regex, by_form)
    if len(_GAZ_CACHE) > 8:
        _GAZ_CACHE.clear()
    _GAZ_CACHE[key] = gaz
    return gaz


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
_PLACE_TIER = {"country": 0, "admin1": 1, "region": 1, "sea": 1, "border": 1, "corridor": 1}


class _Sentence:
    def __init__(self, doc: Document, start: int, end: int, mentions: Sequence[Mention],
                 lex: TriggerLexicon, actor_types: Mapping[str, str],
                 parents: Mapping[str, str | None] | None = None) -> None:
        self.text = doc.text
        self.parents: Mapping[str, str | None] = parents or {}
        self.start, self.end = start, end
        self.toks = doc.parts_in(start, end)
        self.lex = lex
        self.actor_types = actor_types
        self.mentions = [m for m in mentions if m.start >= start and m.end <= end]
        self.m_tok = [self.tok_span(m.start, m.end) for m in self.mentions]
        self.heads = self._chain_heads()
        self.trig_at: dict[int, _Trig] = {}

    # ---- helpers
    def tok_span(self, s: int, e: int) -> tuple[int, int]:
        first = next((i for i, t in enumerate(self.toks) if t.end > s), len(self.toks))
        last = next((i for i in range(len(self.toks) - 1, -1, -1) if self.toks[i].start < e),
                    first)
        return first, max(first, last) + 1

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def _chain_heads(self) -> list[int]:
        """Mention index -> the mention heading its title chain ("U.S. Secretary of State X")."""
        heads = list(range(len(self.mentions)))
        for k in range(len(self.mentions) - 2, -1, -1):
            a, b = self.mentions[k], self.mentions[k + 1]
            gap = self.text[a.end:b.start]
            if a.possessive:
                gap = re.sub(r"^['’]s?", "", gap)
            words = gap.split()
            if not words or not (gap.startswith(" ") and gap.endswith(" ")) or len(words) > 5:
                continue
            if all(w in DEFAULT_LEXICON.title_words or w in DEFAULT_LEXICON.honorifics
                   or w in ("of", "for", "the") or w.lower() in _ROLE_NOUNS
                   or w.lower() in _TITLE_MODIFIERS for w in words):
                heads[k] = heads[k + 1]
        return heads

    def mention_at_token(self, i: int) -> int | None:
        for k, (a, b) in enumerate(self.m_tok):
            if a <= i < b:
                return k
        return None

    def mention_ending_at(self, i: int) -> int | None:
        """Mention whose last token is i - 1 (allowing a possessive 's token)."""
        for k, (_a, b) in enumerate(self.m_tok):
            if b == i or (b == i - 1 and self.low(i - 1) in ("'s", "'")):
                return k
        return None

    def actor(self, k: int) -> str:
        return self.mentions[self.heads[k]].actor_id

    def is_verbish(self, i: int) -> bool:
        return i in self.trig_at or any(self.low(i) in f for f in self.lex.frames.values())

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


# --------------------------------------------------------------------------- clauses


def _clause(s: _Sentence, t0: int, frames: list[_Frame]) -> _Clause:
    """The clause holding token t0: where it starts and what to skip before t0."""
    skips = [(f.region[0], f.region[1]) for f in frames
             if f.kind in ("parenthetical", "according") and f.region[1] <= t0]
    floor, kind = 0, "sentence"
    pre = [f for f in frames if f.kind == "pre" and f.tok < t0 and f.body_start <= t0
           < f.body_end]
    if pre:
        floor, kind = max(f.body_start for f in pre), "frame"
    comma: int | None = None
    i = t0 - 1
    while i >= floor:
        w = s.low(i)
        if _in_skips(i, skips):
            i -= 1
            continue
        if w == ",":
            comma = i
        elif w in _CLAUSE_PUNCT:
            return _Clause(i + 1, "punct", i, skips=skips)
        elif w in _CONJ_BOUNDARY:
            return _Clause(i + 1, "if" if w in _HYPOTHETICAL else "conj", i, skips=skips)
        elif w == "as" and s.low(i - 1) == "long" and s.low(i - 2) == "as":
            return _Clause(i + 1, "conj", i, skips=skips)
        elif w == "with" and s.low(i - 1) == ",":
            return _Clause(i + 1, "with", i, skips=skips)
        elif w in _RELATIVE or w == "where":
            if comma is not None:
                skips.append((i, comma + 1))  # ", which ... ," closes before the trigger
            else:
                k = s.mention_ending_at(i - 1 if s.low(i - 1) == "," else i)
                ante = s.actor(k) if k is not None and w != "where" else None
                return _Clause(i + 1, "relative", i, ante, skips)
        elif w == "that" and not s.is_verbish(i - 1):
            k = s.mention_ending_at(i)
            return _Clause(i + 1, "that", i, s.actor(k) if k is not None else None, skips)
        i -= 1
    return _Clause(floor, kind, floor - 1, skips=skips)


def _clause_end(s: _Sentence, t: _Trig, frames: list[_Frame]) -> int:
    """Last token (exclusive) where the trigger's object can be."""
    post = [f.region[0] for f in frames if f.kind in ("post", "parenthetical")
            and f.region[0] >= t.t1]
    limit = min(post) if post else len(s.toks)
    skip_inf = t.entry.governs
    for i in range(t.t1, limit):
        w = s.low(i)
        if w in _CLAUSE_PUNCT or w in _CONJ_BOUNDARY or w in _RELATIVE or w in (
            "that", ".", "where", "--"
        ) or (i in s.trig_at and s.trig_at[i] is not t and not t.entry.governs):
            return i
        if w == "," and _comma_ends_phrase(s, i):
            return i
        if w == "to" and s.mention_at_token(i + 1) is None:
            nxt = s.toks[i + 1].text if i + 1 < len(s.toks) else ""
            if nxt[:1].islower() and s.low(i + 1) not in _DETERMINERS:
                if skip_inf:
                    skip_inf = False
                    continue
                return i  # an infinitive: "sent troops to train X"
    return limit


def _comma_ends_phrase(s: _Sentence, i: int) -> bool:
    """A comma that closes the phrase: not one inside a list ("equipment, supplies and")."""
    nxt = s.toks[i + 1] if i + 1 < len(s.toks) else None
    return nxt is None or not nxt.text[:1].islower() or nxt.low in (
        _CONJ_BOUNDARY | _RELATIVE | {"and", "but", "with", "while", "which", "who", "where"}
    ) or (i + 1) in s.trig_at or nxt.low in _QUOTES


def _refine_end(s: _Sentence, t: _Trig) -> int:
    for i in range(t.t1, len(s.toks)):
        w = s.low(i)
        if w in _CLAUSE_PUNCT or w in (".", "?", "!") or (w == "," and _comma_ends_phrase(s, i)):
            return i
    return len(s.toks)


def _in_skips(i: int, skips: Sequence[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in skips)


# --------------------------------------------------------------------------- frames


def _frame_subject(s: _Sentence, f_tok: int, frames: list[_Frame]) -> str | None:
    """The actor who speaks in a reporting frame whose verb is at token ``f_tok``."""
    c = _clause(s, f_tok, frames)
    for k, (a, _b) in enumerate(s.m_tok):
        if c.start <= a < f_tok and not _in_skips(a, c.skips) and s.subject_ok(k, c.start, True):
            return s.actor(k)
    return c.antecedent


def _mention_in(s: _Sentence, a: int, b: int) -> str | None:
    for k, (x, _y) in enumerate(s.m_tok):
        if a <= x < b:
            return s.actor(k)
    return None


def _is_frame_word(s: _Sentence, i: int) -> str | None:
    tok = s.toks[i]
    status = next((st for st, forms in s.lex.frames.items() if tok.low in forms), None)
    if status is None or i in s.trig_at or s.mention_at_token(i) is not None:
        return None
    prev, nxt = s.low(i - 1), s.low(i + 1)
    if prev in _DETERMINERS or prev in _PREPOSITIONS or nxt in ("by", "of", "from"):
        return None  # "the reports by", "secretary of state"
    if tok.text[0].isupper() and i > 0 and prev not in ("—", "–", "-") and prev not in _QUOTES:
        return None  # a name or a title-case headline word
    if tok.low.endswith("ing") and tok.low not in _FRAME_ING:
        return None
    return status


def _find_frames(s: _Sentence, trigs: list[_Trig]) -> list[_Frame]:
    frames: list[_Frame] = []
    n = len(s.toks)
    for i in range(n):
        status = _is_frame_word(s, i)
        if status is None:
            continue
        left = max((j for j in range(i) if s.low(j) in (",", "—", "–")), default=None)
        claimer: str | None = None
        verb_end = i + 1
        if left is not None and 2 <= i - left <= 7 and not any(
            j in s.trig_at for j in range(left, i)
        ):
            claimer = _mention_in(s, left + 1, i)
        elif left is not None and s.low(i) in _INVERTIBLE and all(
            s.low(j) in _QUOTES for j in range(left + 1, i)
        ):
            k = s.mention_at_token(i + 1)
            if k is not None:  # '"...," said Melnik.'
                claimer, verb_end = s.actor(k), s.m_tok[k][1]
            elif i == n - 1 or all(s.low(x) in (".", "!") for x in range(i + 1, n)):
                pass  # "... — Reports"
            else:
                left = None
        else:
            left = None
        # what follows the frame verb up to the next comma
        j = verb_end
        while j < n and s.low(j) not in (",", ".", ";", ":", "?", "!"):
            j += 1
        tail_has_event = any(x in s.trig_at or s.low(x) == "that" for x in range(verb_end, j))
        if left is not None and not tail_has_event:
            if j < n - 1 and s.low(j) == ",":
                frames.append(_Frame(i, status, claimer, "parenthetical",
                                     region=(left, j + 1)))
            else:
                frames.append(_Frame(i, status, claimer, "post", region=(left, n)))
            continue
        body = verb_end
        for x in range(verb_end, min(n, verb_end + 9)):
            if x in s.trig_at:
                break
            if s.low(x) in ("that", ":", "“", '"'):
                body = x + 1
                break
        frames.append(_Frame(i, status, None, "pre", body, _body_end(s, body), (i, body)))
    for i in range(n - 1):  # "according to X, ..."
        if s.low(i) == "according" and s.low(i + 1) == "to":
            end = next((j for j in range(i + 2, n) if s.low(j) == ","), n - 1)
            frames.append(_Frame(i, "claimed", _mention_in(s, i + 2, end), "according",
                                 region=(i, end + 1)))
    for t in trigs:  # "warned X that ...", "accused X, alleging that ...", "denied that ..."
        status = _STATEMENT_FRAME_KINDS.get(t.entry.kind)
        if status is None:
            continue
        for j in range(t.t1, min(n, t.t1 + 6)):
            if s.low(j) == "that":
                frames.append(_Frame(t.t0, status, None, "pre", j + 1, _body_end(s, j + 1),
                                     (t.t0, j + 1)))
                break
            if s.low(j) in _CLAUSE_PUNCT or s.low(j) in (".", ","):
                break
    for f in frames:  # speakers of "X said that ..." frames, once all frames are known
        if f.kind == "pre":
            f.claimer = _frame_subject(s, f.tok, frames)
    return frames


def _body_end(s: _Sentence, body: int) -> int:
    for j in range(body, len(s.toks)):
        if s.low(j) in (";", ":") or (s.low(j) == "but" and s.low(j - 1) == ","):
            return j
    return len(s.toks)


def _applicable_frame(t: _Trig, frames: list[_Frame]) -> _Frame | None:
    pre = [f for f in frames if f.kind == "pre" and f.tok < t.t0 and f.body_start <= t.t0
           < f.body_end]
    if pre:
        return max(pre, key=lambda f: f.tok)
    for kind in ("parenthetical", "post", "according"):
        for f in frames:
            if f.kind == kind and not f.region[0] <= t.t0 < f.region[1] and (
                kind != "post" or f.region[0] >= t.t1
            ):
                return f
    return None


# --------------------------------------------------------------------------- triggers


def _match_triggers(s: _Sentence, lex: TriggerLexicon) -> list[_Trig]:
    found: list[_Trig] = []
    spans = [(m.start, m.end) for m in s.mentions]
    for order, (entry, rx) in enumerate(zip(lex.entries, lex.regexes, strict=True)):
        for m in rx.finditer(s.text, s.start, s.end):
            a, b = m.start(), m.end()
            if any(ms < b and a < me for ms, me in spans):
                continue
            groups = m.groupdict()
            form = "v" if groups.get("v") else ("n" if groups.get("n") else "p")
            t0, t1 = s.tok_span(a, b)
            trig = _Trig(entry, a, b, t0, t1, form)
            if _accept(s, trig):
                found.append((order, trig))  # type: ignore[arg-type]
    pairs: list[tuple[int, _Trig]] = found  # type: ignore[assignment]
    pairs.sort(key=lambda p: (-(p[1].end - p[1].start), p[0], p[1].start))
    chosen: list[_Trig] = []
    for _o, t in pairs:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    chosen.sort(key=lambda t: t.start)
    return chosen


def _accept(s: _Sentence, t: _Trig) -> bool:
    e = t.entry
    prev, nxt = s.low(t.t0 - 1), s.low(t.t1)
    word = s.low(t.t0)
    if prev in e.not_preceded_by:
        return False
    if e.not_followed_by:
        ahead = " ".join(s.low(i) for i in range(t.t1, t.t1 + 3))
        if any(ahead == w or ahead.startswith(w + " ") for w in e.not_followed_by):
            return False
    if t.form == "v" and word in e.noun_forms and (
        prev in _DETERMINERS or prev in ("'s", "'") or prev.endswith(("'s", "s'")) or (
            t.t0 > 0 and s.toks[t.t0 - 1].text.islower()
            and (prev in _ADJECTIVES or prev.endswith(_ADJ_SUFFIXES)) and not s.is_verbish(t.t0 - 1)
        )
    ):
        t.form = "n"  # "the most serious clash": the noun reading of a verb/noun homograph
    if t.form == "v":
        if word.endswith("ed") and (prev in _PREPOSITIONS or prev in _DETERMINERS):
            return False  # "from abandoned bases": an adjective
        if prev in _DETERMINERS and not word.endswith("ing"):
            return False  # "the attack", "all the targets": a noun
        k = s.mention_ending_at(t.t0)
        if k is not None and s.m_tok[k][1] == t.t0:
            prep, pi = s.preposition_before(k)
            if e.kind == "support" and word.endswith("ed") and prep is not None \
                    and not s.role_of(pi):
                return False  # "families of CIA backed fighters": a description
            if word in e.base_forms and prep is not None and (
                s.toks[t.t1].text.islower() if t.t1 < len(s.toks) else False
            ) and nxt not in _DETERMINERS:
                return False  # "Islamic State supply routes": a noun compound
    if t.form == "n" and not e.verb_forms and (
        prev in ("to", "not", "never") or prev in _AUX or prev in _PRONOUNS
        or prev.endswith("n't")
    ):
        return False  # "to strike", "did not strike": a verb, left to the verb entry
    if e.object:
        end = _find_word(s, t.t1, t.t1 + e.window, e.object)
        if end is None:
            return False
        t.t1, t.end = end + 1, s.toks[end].end
    if e.requires and not _near(s, t.t0, t.t1, e.requires, e.window, both=True):
        return False
    if e.followed_by:
        j = _skip_adverbs(s, t.t1)
        end_here = j >= len(s.toks) or s.low(j) in _CLAUSE_PUNCT or s.low(j) in (".", ",", "!")
        words = {s.low(x) for x in range(t.t1, t.t1 + 3)}
        if not ((end_here and "<end>" in e.followed_by) or words & set(e.followed_by)):
            return False
    return True


def _skip_adverbs(s: _Sentence, i: int) -> int:
    while i < len(s.toks) and s.low(i).endswith("ly"):
        i += 1
    return i


def _find_word(s: _Sentence, a: int, b: int, words: Sequence[str]) -> int | None:
    for i in range(a, min(b, len(s.toks))):
        w = s.low(i)
        if w in (".", ";", ":", "?", "!"):
            return None
        if _word_match(w, words):
            return i
    return None


def _near(s: _Sentence, t0: int, t1: int, words: Sequence[str], window: int,
          both: bool = False) -> bool:
    """A word of ``words`` within ``window`` tokens after (and with ``both`` before) the
    trigger, or inside a multi-word trigger after its first word."""
    lo = max(0, t0 - window) if both else t1
    hi = min(len(s.toks), t1 + window)
    return any(_word_match(s.low(i), words) for i in range(lo, hi) if not t0 <= i < t1) or any(
        _word_match(s.low(i), words) for i in range(t0 + 1, t1)
    )


# --------------------------------------------------------------------------- context


def _negated(s: _Sentence, t: _Trig) -> bool:
    i, steps = t.t0 - 1, 0
    while i >= 0 and steps < 5:
        w = s.low(i)
        if w in _NEGATORS or w.endswith("n't"):
            return True
        if w in _CLAUSE_PUNCT or w in (",", "and", "but", "that", "which", "who") or w in _QUOTES:
            return False
        i -= 1
        steps += 1
    return False


def _planned(s: _Sentence, t: _Trig, lex: TriggerLexicon) -> str | None:
    """'strong' (will, plans to, ready to ...), 'weak' (would, could ...) or None."""
    i, steps = t.t0 - 1, 0
    while i >= 0 and steps < 6:
        w = s.low(i)
        if w == "," and s.toks[i - 1].text.islower() and s.toks[i + 1].text.islower() \
                and s.low(i + 1) not in _CONJ_BOUNDARY | _RELATIVE | {"and", "but"}:
            i -= 1  # "basic, technical talks"
            continue
        if w in _CLAUSE_PUNCT or w in (",", "that", "which", "who", "but") or w in _QUOTES:
            return None
        if w == "to" and i >= t.t0 - 3 and (s.low(i - 1) in lex.planned_before_to or any(
            s.low(j) in lex.planned_lookback for j in range(max(0, i - 6), i)
        )):
            return "strong"  # "ready to talk", "the decision by X to withdraw"
        if w in lex.planned_markers:
            return "weak" if w in _MODALS_WEAK else "strong"
        i -= 1
        steps += 1
    return None


def _participle(s: _Sentence, t: _Trig) -> bool:
    """An -ing form modifying the noun before it: "rebels fighting X", "a truck blocking"."""
    if t.form != "v" or not s.low(t.t0).endswith("ing"):
        return False
    i = t.t0 - 1
    while i >= 0 and (s.low(i).endswith("ly") or s.low(i) == "also"):
        i -= 1
    w = s.low(i)
    return bool(w) and w not in _AUX and w not in _PREPOSITIONS and w not in _DETERMINERS \
        and w not in ("to", ",", "and", "or", "not") and w not in _CLAUSE_PUNCT


def _passive(s: _Sentence, t: _Trig) -> str | None:
    """'aux' (was attacked), 'bare' (forces backed by X) or None."""
    if t.form != "v" or t.entry.particle:
        return None
    w = s.low(t.t0)
    if not (w.endswith(("ed", "en", "wn")) or w in ("hit", "struck", "shot", "sent", "met",
                                                      "fought", "seized", "held")):
        return None
    i = t.t0 - 1
    while i >= 0 and (s.low(i) in _PASSIVE_SKIP or s.low(i).endswith("ly")):
        if s.low(i) in ("being", "been"):
            return "aux"
        i -= 1
    if s.low(i) in _BE:
        return "aux"
    if s.low(t.t1) == "by" and s.low(t.t0 - 1) not in _AUX:
        return "bare"
    return None


def _governed(s: _Sentence, t: _Trig, trigs: list[_Trig], lex: TriggerLexicon,
              depth: int = 0) -> _Trig | None:
    """The earlier trigger whose object or 'to ...' complement holds t, if any.

    "offers military talks", "offered to hold talks" (a governing verb's object or complement
    is part of its event); "sent troops to fight X", "spoke with Y to discuss Z" (a purpose
    clause after another trigger). Not "is ready to offer", "began to strike".
    """
    if depth < 2 and s.low(t.t0 - 1) in ("and", "or"):
        prev = s.trig_at.get(t.t0 - 2)
        if prev is not None and _governed(s, prev, trigs, lex, depth + 1) is not None:
            return prev
    to_i = None
    for back in range(1, 4):
        w = s.low(t.t0 - back)
        if w == "to":
            to_i = t.t0 - back
            break
        if w in _CLAUSE_PUNCT or w in (",", "and"):
            break
    for g in trigs:
        if g is t or g.t1 > t.t0:
            continue
        between = [s.low(j) for j in range(g.t1, t.t0)]
        if any(w in _CLAUSE_PUNCT or w in (".", "that", "which", "who") for w in between):
            continue
        if g.entry.governs and len(between) <= 3 and "," not in between and "to" not in between:
            return g  # direct object: "offers military talks"
        if to_i is None or to_i < g.t1 or to_i - g.t1 > 8:
            continue
        before_to = s.low(to_i - 1)
        if before_to in _ASPECT_BEFORE_TO or (
            before_to in lex.planned_before_to and not g.entry.governs
        ):
            continue
        if s.mention_ending_at(to_i) is not None and not g.entry.governs:
            continue  # "pushed the Kurds to strike a deal": a new actor acts
        return g
    return None


def _allegation(s: _Sentence, t: _Trig, trigs: list[_Trig]) -> _Trig | None:
    """An accuse/blame trigger whose 'of/for ...' complement holds t."""
    for g in trigs:
        if g is t or g.entry.kind != "accuse" or g.t1 > t.t0:
            continue
        span = [s.low(j) for j in range(g.t1, t.t0)]
        if ("of" in span or "for" in span) and len(span) <= 10 and not any(
            w in _CLAUSE_PUNCT or w in (".", ",") for w in span
        ):
            return g
    return None


# --------------------------------------------------------------------------- actors


def _subject(s: _Sentence, t: _Trig, frames: list[_Frame], kinetic: bool,
             claimer: str | None, depth: int = 0) -> tuple[str | None, int, str]:
    """Source of a verb trigger: (actor, mention index or -1, how)."""
    c = _clause(s, t.t0, frames)
    # object control: "pushed the Kurds to strike a deal", "allowed Russia to expand"
    for back in (1, 2):
        if s.low(t.t0 - back) == "to":
            k = s.mention_ending_at(t.t0 - back)
            if k is not None and s.m_tok[k][0] >= c.start:
                return s.actor(k), k, "to-subject"
            break
    if _participle(s, t):
        for k in range(len(s.mentions) - 1, -1, -1):
            a, b = s.m_tok[k]
            if b <= t.t0 and t.t0 - b <= 6 and a >= max(0, c.start - 1) \
                    and s.preposition_before(k)[0] in (None, "with"):
                return s.actor(k), k, "participle"
    cands = [k for k, (a, b) in enumerate(s.m_tok)
             if c.start <= a and b <= t.t0 and not _in_skips(a, c.skips)
             and s.subject_ok(k, c.start)]
    if cands:
        pick = cands[0]
        if kinetic and s.actor_types.get(s.actor(pick)) not in _MILITARY_TYPES:
            mil = [k for k in cands if s.actor_types.get(s.actor(k)) in _MILITARY_TYPES
                   and _coordinated_partner(s, pick, t.t0) != s.actor(k)]
            pick = mil[0] if mil else pick
        return s.actor(pick), pick, "subject"
    if c.antecedent:
        return c.antecedent, -1, "antecedent"
    first = c.start
    while first < t.t0 and s.low(first) in _QUOTES:
        first += 1
    if s.low(first) in _PRONOUNS and claimer and c.kind == "frame":
        return claimer, -1, "pronoun=reporter"
    if c.kind == "conj" and s.low(c.boundary) == "but" and depth == 0 and c.boundary > 0:
        probe = _Trig(t.entry, t.start, t.end, c.boundary, c.boundary + 1, t.form)
        outer = [f for f in frames if f.tok not in s.trig_at]
        src, k, _how = _subject(s, probe, outer, kinetic, claimer, depth + 1)
        if src:
            return src, k, "subject-before-but"
    return None, -1, ""


def _object(s: _Sentence, t: _Trig, frames: list[_Frame], source: str | None) -> str | None:
    end = _clause_end(s, t, frames)
    for k, (a, _b) in enumerate(s.m_tok):
        if t.t1 <= a < end and s.actor(k) != source and s.object_ok(k, t.t1):
            return s.actor(k)
    return None


def _between(s: _Sentence, t: _Trig) -> tuple[str | None, str | None]:
    """'... between X and Y' right after the trigger."""
    for i in range(t.t1, min(len(s.toks), t.t1 + 3)):
        if s.low(i) != "between":
            continue
        ks = [k for k, (a, _b) in enumerate(s.m_tok) if i < a <= i + 4]
        if not ks or any(s.low(j) in _PREPOSITIONS for j in range(i + 1, s.m_tok[ks[0]][0])):
            return None, None
        first = ks[0]
        end_first = s.m_tok[first][1]
        for k in range(first + 1, len(s.mentions)):
            gap = [s.low(j) for j in range(end_first, s.m_tok[k][0])]
            if gap and gap[0] == "and" and len(gap) <= 3:
                return s.actor(first), s.actor(k)
            if len(gap) > 3:
                break
        return s.actor(first), None
    return None, None


def _coordinated_partner(s: _Sentence, k: int, t0: int) -> str | None:
    """'X and (his counterpart) Y <trigger>': Y."""
    if k < 0:
        return None
    end = s.m_tok[s.heads[k]][1]
    for k2 in range(s.heads[k] + 1, len(s.mentions)):
        a = s.m_tok[k2][0]
        if a >= t0:
            break
        gap = [s.low(j) for j in range(end, a)]
        if gap and "and" in gap[:2] and len(gap) <= 6 and not any(
            w in _PREPOSITIONS for w in gap
        ):
            return s.actor(k2)
        break
    return None


def _noun_roles(s: _Sentence, t: _Trig, frames: list[_Frame],
                claimer: str | None) -> tuple[str | None, str | None, list[str]]:
    e = t.entry
    source: str | None = None
    target: str | None = None
    how: list[str] = []
    end = _clause_end(s, t, frames)
    if e.of_agent and s.low(t.t1) == "of":
        k = _mention_after(s, t.t1 + 1, 4)
        if k is not None:
            source, how = s.actor(k), ["noun:of-agent"]
    if source is None:  # "Russian strikes", "Russia's offensive"
        k = s.mention_ending_at(t.t0)
        for back in range(0, 3):
            k = s.mention_ending_at(t.t0 - back)
            if k is not None:
                break
            w = s.low(t.t0 - 1 - back)
            if not (s.toks[t.t0 - 1 - back].text.islower() and w.isalpha()
                    and w not in _PREPOSITIONS and w not in _AUX and w not in _DETERMINERS
                    and w not in _LIGHT_VERBS and w not in ("and", "or") and not s.is_verbish(
                        t.t0 - 1 - back)) if t.t0 - 1 - back >= 0 else True:
                break
        if k is not None:
            source, how = s.actor(k), ["noun:attributive"]
    if source is None and s.low(t.t1) == "by":
        k = _mention_after(s, t.t1 + 1, 4)
        if k is not None:
            source, how = s.actor(k), ["noun:by"]
    a, b = _between(s, t)
    if a:
        if source is None or e.symmetric:
            source = a
        target = b if b != source else None
        how.append("noun:between")
    if source is None:
        light = any(s.low(j) in _LIGHT_VERBS for j in range(max(0, t.t0 - 4), t.t0))
        circumstantial = s.low(t.t0 - 2) in ("in", "during", "after", "following", "at") or \
            s.low(t.t0 - 1) in ("in", "during", "after", "following")
        if light or circumstantial or e.kind in ("consult", "agree"):
            src, k2, sub_how = _subject(s, t, frames, e.kind in _KINETIC_KINDS, claimer)
            if src:
                source, how = src, [f"noun:clause-{sub_how}"]
                if target is None and e.symmetric and k2 >= 0:  # "told Y ... in a phone call"
                    between = [k3 for k3, (x, _y) in enumerate(s.m_tok)
                               if s.m_tok[k2][1] <= x < t.t0 and s.actor(k3) != source]
                    with_prep = [k3 for k3 in between
                                 if s.preposition_before(k3)[0] in ("to", "with")]
                    bare = [k3 for k3 in between if s.preposition_before(k3)[0] is None]
                    pick = (with_prep or bare or [None])[0]
                    target = s.actor(pick) if pick is not None else None
    if target is None:
        for i in range(t.t1, min(end, t.t1 + 8)):
            w = s.low(i)
            if w in _TARGET_PREPS or (w == "of" and i == t.t1 and not e.of_agent):
                k = _mention_after(s, i + 1, 4)
                if k is not None and s.actor(k) != source:
                    target = s.actor(k)
                    break
    return source, target, how


def _mention_after(s: _Sentence, i: int, within: int) -> int | None:
    """First mention starting within ``within`` tokens from i with no preposition before it."""
    for k, (a, _b) in enumerate(s.m_tok):
        if i <= a < i + within:
            if any(s.low(x) in _PREPOSITIONS or s.low(x) == "to" for x in range(i, a)):
                return None
            if i < len(s.toks) and s.low(i) == "to":
                return None
            return k
    return None


# --------------------------------------------------------------------------- main


def find_candidates(
    text: str | Document,
    mentions: Sequence[Mention],
    published: dt.date | None,
    places: Sequence[Mapping[str, Any]] = (),
    actor_types: Mapping[str, str] = {},  # noqa: B006 - read-only default
    *,
    actor_parents: Mapping[str, str | None] = {},  # noqa: B006 - read-only default
    lexicon: TriggerLexicon | None = None,
) -> list[Candidate]:
    """Event candidates in ``text`` under the rules of the module docstring, in text order.

    ``mentions`` are the actor mentions of the text (any order); ``published`` resolves
    relative dates; ``places`` is the gazetteer (mappings with id, name, alternate_names,
    feature_type); ``actor_types`` maps actor id -> registry type; ``actor_parents`` maps actor
    id -> registry parent (a speaker's body, a military's state), used to name the acting body.
    """
    lex = lexicon or load_lexicon()
    doc = Document.of(text)
    text = doc.text
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    dates = [_since_inner(text, d) if d.kind == "since" else d
             for d in find_date_expressions(text)]
    gaz = _gazetteer(places) if places else None
    out: list[Candidate] = []
    for s0, e0 in doc.sentences:
        s = _Sentence(doc, s0, e0, mentions, lex, actor_types, actor_parents)
        trigs = _match_triggers(s, lex)
        for t in trigs:
            for i in range(t.t0, t.t1):
                s.trig_at[i] = t
        frames = _find_frames(s, trigs)
        cands = [c for t in trigs
                 if (c := _candidate(s, t, trigs, frames, published, dates, gaz)) is not None]
        for c in _merge_force(cands):
            physical = c.cameo_code[:2] in ("15", "18", "19", "20") or c.cameo_code == "0874"
            noun = "noun" in c.rule.split(";")
            if c.source_actor_id or c.target_actor_id or (
                physical and (c.date_text is not None or (c.place_id is not None and not noun))
            ):
                out.append(c)
    return _fold_repeats(text, out)


def _fold_repeats(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop repeats: a headline candidate the body restates, and a later candidate with the
    same root code, source, target, date and status as an earlier one (one row per event)."""
    first_nl = text.find("\n")
    headline_end = first_nl if first_nl > 0 and text[first_nl:first_nl + 2] == "\n\n" else -1

    def key(c: Candidate) -> tuple[Any, ...]:
        return (c.cameo_code[:2], c.source_actor_id, c.target_actor_id,
                c.date.date_start if c.date else c.date_text, c.claim_status)

    body = {key(c) for c in cands if c.sentence_start > headline_end}
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in cands:
        k = key(c)
        if c.sentence_end <= headline_end and (k in body or k[:3] in {b[:3] for b in body}):
            continue
        if c.sentence_start > headline_end and (c.source_actor_id or c.target_actor_id):
            if k in seen:
                continue
            seen.add(k)
        out.append(c)
    return out


def _candidate(s: _Sentence, t: _Trig, trigs: list[_Trig], frames: list[_Frame],
               published: dt.date | None, dates: Sequence[DateExpr],
               gaz: _Gazetteer | None) -> Candidate | None:
    e, lex = t.entry, s.lex
    if _governed(s, t, trigs, lex) is not None:
        return None
    clause = _clause(s, t.t0, frames)
    if clause.kind == "if":
        return None  # a condition, not a reported event
    rules = [e.id] + (["noun"] if t.form == "n" else [])
    code, planned_code = e.code, e.planned
    refine_window = min(max(e.window, 10), _refine_end(s, t) - t.t1)
    for r in e.refine:
        if _near(s, t.t0, t.t1, r.near, refine_window) or (
            r.both and _near(s, t.t0, t.t1, r.near, min(10, t.t0 - clause.start), both=True)
        ):
            code, planned_code = r.code, r.planned or e.planned
            rules.append(f"refine:{r.code}")
            break
    negated = _negated(s, t)
    planned = _planned(s, t, lex)
    passive = _passive(s, t)
    frame = _applicable_frame(t, frames)
    alleg = _allegation(s, t, trigs)

    status, claimer = "reported", None
    if frame is not None:
        status, claimer = frame.status, frame.claimer
        if status == "claimed" and s.actor_types.get(claimer or "") in _RELAYING_TYPES:
            status = "reported"  # an outlet or monitor relayed by the writer
        rules.append(f"frame:{frame.kind}")
    adverbs = {s.low(i) for i in range(clause.start, t.t0)}
    if adverbs & lex.alleged_adverbs:
        status = _stronger(status, "alleged")
    elif adverbs & lex.claimed_adverbs:
        status = _stronger(status, "claimed")

    kinetic = e.kind in _KINETIC_KINDS
    source: str | None = None
    target: str | None = None
    if alleg is not None:
        accuser, _k, _h = _subject(s, alleg, frames, False, claimer)
        source = _object(s, alleg, frames, accuser)
        status, claimer = _stronger(status, "alleged"), accuser
        rules.append("alleged-by-accuser")
        if t.form != "n":
            target = _object(s, t, frames, source)
    elif t.form == "n":
        source, target, how = _noun_roles(s, t, frames, claimer)
        rules.extend(how)
    elif passive:
        for i in range(t.t1, min(len(s.toks), t.t1 + 3)):
            if s.low(i) == "by":
                k = _mention_after(s, i + 1, 5)
                source = s.actor(k) if k is not None else None
                break
        if passive == "aux":
            target = _subject(s, t, frames, False, claimer)[0]
        else:
            for k in range(len(s.mentions) - 1, -1, -1):
                a, b = s.m_tok[k]
                if b <= t.t0 and t.t0 - b <= 8 and not any(
                    s.low(j) in _CLAUSE_PUNCT for j in range(b, t.t0)
                ):
                    target = s.actor(k)
                    break
        rules.append(f"passive:{passive}")
    else:
        source, k, how = _subject(s, t, frames, kinetic, claimer)
        if how:
            rules.append(how)
        if e.symmetric:
            partner = _coordinated_partner(s, k, t.t0)
            if partner and partner != source:
                target = partner
                rules.append("coordinated")
        if target is None and e.symmetric:
            a, b = _between(s, t)
            if a and b:
                source, target = source or a, b if b != (source or a) else a
        if target is None:
            target = _object(s, t, frames, source)
    if e.kind == "withdraw" and target is not None and (
        source is None or _top(s, source) == _top(s, target)
    ):  # "withdraw US forces": the forces are what withdraws, not a target
        source, target = source or target, None
    if source is None and not passive and e.kind not in _PHYSICAL_KINDS:
        return None  # a statement, appeal, offer ... needs its speaker

    if negated:
        if t.form == "n":
            return None  # "no strikes", "no such withdrawal": absence, not an event
        deontic = any(s.low(i) in ("should", "must", "ought") for i in range(t.t0 - 4, t.t0))
        if kinetic:
            if frame is None or deontic or claimer is None:
                return None
            own = source is None or _top(s, source) == _top(s, claimer)
            code = (e.negated or "016") if own else "010"
            status = "denied" if own else status
            source, target = claimer, None
            rules.append("negated-in-claim->" + ("denial" if own else "statement"))
        elif e.negated is None or deontic:
            return None
        else:
            code = e.negated
            rules.append(f"negated:{code}")
    elif planned:
        if planned_code:  # the intent is expressed now: an intent code, status unchanged
            code = planned_code
            rules.append(f"planned:{code}")
        else:
            status = _stronger(status, "planned")
    source = _acting_body(s, source, code)
    target = _acting_body(s, target, code, acting=False)
    if source is not None and source == target:
        target = None

    physical = e.kind in _PHYSICAL_KINDS
    date_expr = _pick_date(s, t, dates, frames, physical)
    resolved = None
    if date_expr is not None and published is not None:
        future = planned is not None and date_expr.start >= t.end
        resolved = resolve(date_expr.text, published, future=future)
    place = _pick_place(s, t, gaz) if gaz else None

    conf = {"v": 0.5, "n": 0.4, "p": 0.55}[t.form]
    conf += (0.2 if source else 0.0) + (0.1 if target else 0.0) + (0.05 if date_expr else 0.0)
    if planned == "weak":
        conf -= 0.15
    if any(r.startswith("noun:clause") for r in rules):
        conf -= 0.1
    return Candidate(
        sentence_start=s.start, sentence_end=s.end,
        trigger_start=t.start, trigger_end=t.end, trigger=s.text[t.start:t.end],
        cameo_code=code, source_actor_id=source, target_actor_id=target,
        date_text=date_expr.text if date_expr else None,
        date_start=date_expr.start if date_expr else None,
        date_end=date_expr.end if date_expr else None,
        date=resolved,
        place_id=place[0] if place else None, place_text=place[1] if place else None,
        claim_status=status, claimed_by_actor_id=claimer,
        confidence=round(min(0.95, max(0.05, conf)), 2),
        rule=";".join(rules),
    )


def _top(s: _Sentence, actor: str) -> str:
    """The top of an actor's parent chain (a person's state, a unit's state)."""
    seen = {actor}
    while (parent := s.parents.get(actor)) and parent not in seen:
        seen.add(parent)
        actor = parent
    return actor


def _acting_body(s: _Sentence, actor: str | None, code: str, acting: bool = True) -> str | None:
    """Speech acts: a person stands for the body they speak for (registry parent). Material
    acts (15, 18-20, 0874): a state acts through its armed forces (sources only)."""
    if actor is None:
        return None
    material = code[:2] in ("15", "18", "19", "20") or code == "0874"
    if s.actor_types.get(actor) == "person" and not material and s.parents.get(actor):
        return s.parents[actor]
    if acting and material and s.actor_types.get(actor) == "state":
        forces = [a for a, p in s.parents.items()
                  if p == actor and s.actor_types.get(a) == "military"]
        if len(forces) == 1:
            return forces[0]
    return actor


def _stronger(a: str, b: str) -> str:
    return a if _STATUS_RANK[a] >= _STATUS_RANK[b] else b


def _since_inner(text: str, d: DateExpr) -> DateExpr:
    """'since last October's decision': the words after 'since' date what follows them."""
    m = re.match(r"since\s+", d.text, re.IGNORECASE)
    start = d.start + (m.end() if m else 0)
    return DateExpr(start, d.end, text[start:d.end], "since_inner")


def _pick_date(s: _Sentence, t: _Trig, dates: Sequence[DateExpr], frames: list[_Frame],
               physical: bool) -> DateExpr | None:
    """Nearest date of the sentence; a reporting frame's own date only for statements. A
    'since X' date only dates an event named in the next few words ("since last October's
    decision to withdraw")."""
    spans = []
    for f in frames:
        a, b = f.region
        if f.kind == "pre" and f.tok == t.t0 or b <= a or a >= len(s.toks):
            continue
        spans.append((s.toks[a].start, s.toks[min(b, len(s.toks)) - 1].end))
    best: tuple[float, DateExpr] | None = None
    for d in dates:
        if d.start < s.start or d.end > s.end:
            continue
        if d.kind == "since_inner":
            possessive = re.match(r"['’]s\b", s.text[d.end:d.end + 3]) is not None
            if not (possessive and 0 <= t.start - d.end <= 120
                    and not re.search(r"[,;:]", s.text[d.end:t.start])):
                continue
        in_frame = any(a <= d.start < b for a, b in spans)
        if in_frame and physical:
            continue
        dist = float(d.start - t.end if d.start >= t.end else t.start - d.end)
        dist += 10_000 if in_frame else 0
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _pick_place(s: _Sentence, t: _Trig, gaz: _Gazetteer) -> tuple[str, str] | None:
    """A gazetteer name of the sentence read as a place (after in/at/near preferred)."""
    if gaz.regex is None:
        return None
    folded = _fold(s.text[s.start:s.end])
    best: tuple[tuple[int, int, float], tuple[str, str]] | None = None
    for m in gaz.regex.finditer(folded):
        a, b = s.start + m.start(), s.start + m.end()
        if any(mt.start < b and a < mt.end for mt in s.mentions):
            continue
        pid, ftype = gaz.by_form[m.group(1)]
        ta = s.tok_span(a, b)[0]
        locative = False
        for i in range(ta - 1, max(-1, ta - 5), -1):
            w = s.low(i)
            if w in _LOCATIVE or (w == "of" and s.low(i - 1) in _AREA_NOUNS):
                locative = True
                break
            if not (w in _DETERMINERS or w in _AREA_NOUNS or s.toks[i].text[:1].isupper()
                    or w in ("-", "held", "rebel-held", "government-held")):
                break
        tier = _PLACE_TIER.get(ftype, 2)
        if tier == 0 and not locative:
            continue  # a bare country name is an adjective or an actor, not where it happened
        score = (1 if locative else 0, tier, -abs(a - t.start) / 1000.0)
        if best is None or score > best[0]:
            best = (score, (pid, s.text[a:b]))
    return best[1] if best else None


def _merge_force(cands: list[Candidate]) -> list[Candidate]:
    """One candidate for the force (18-20) or posture (15) triggers of a sentence whose actors
    do not conflict ("the air strike killed soldiers")."""
    out: list[Candidate] = []
    for c in cands:
        group = _force_group(c.cameo_code)
        for i, o in enumerate(out):
            if group is None or _force_group(o.cameo_code) != group or "denied" in (
                c.claim_status, o.claim_status
            ) or _conflict(o.source_actor_id, c.source_actor_id) or _conflict(
                o.target_actor_id, c.target_actor_id
            ):
                continue
            keep, other = (o, c) if _specific(o.cameo_code) >= _specific(c.cameo_code) else (c, o)
            dated = keep if keep.date_text else other
            out[i] = replace(
                keep,
                source_actor_id=keep.source_actor_id or other.source_actor_id,
                target_actor_id=keep.target_actor_id or other.target_actor_id,
                date_text=dated.date_text, date_start=dated.date_start,
                date_end=dated.date_end, date=dated.date,
                place_id=keep.place_id or other.place_id,
                place_text=keep.place_text if keep.place_id else other.place_text,
                claim_status=_stronger(keep.claim_status, other.claim_status),
                claimed_by_actor_id=keep.claimed_by_actor_id or other.claimed_by_actor_id,
                confidence=max(keep.confidence, other.confidence),
                rule=f"{keep.rule};merged:{other.trigger}",
            )
            break
        else:
            out.append(c)
    return out


def _force_group(code: str) -> str | None:
    if code[:2] in ("18", "19", "20"):
        return "force"
    return "posture" if code[:2] == "15" else None


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _specific(code: str) -> tuple[int, int]:
    return (0 if code == "190" else 1, len(code))


# --------------------------------------------------------------------------- accounting


def unaccounted_candidates(
    candidates: Sequence[Candidate],
    evidence_spans: Iterable[tuple[int, int]],
    rejected_spans: Iterable[tuple[int, int]],
) -> list[Candidate]:
    """Candidates neither covered nor rejected.

    Covered: the trigger lies inside the evidence span of a curated event. Rejected: a rejected
    span (words of the candidate's sentence) lies inside the candidate's sentence.
    """
    ev = list(evidence_spans)
    rej = list(rejected_spans)
    out = []
    for c in candidates:
        if any(a <= c.trigger_start and c.trigger_end <= b for a, b in ev):
            continue
        if any(c.sentence_start <= a and b <= c.sentence_end for a, b in rej):
            continue
        out.append(c)
    return out

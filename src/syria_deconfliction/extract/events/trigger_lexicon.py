"""The trigger lexicon (knowledge/event_triggers.yaml): entries, verb and noun forms, frames."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from re import _constants as _sre  # the regex parser's node types
from re import _parser as _sre_parser  # CPython's regex parser (its syntax tree)
from typing import Any

from ...paths import knowledge_dir
from ...yaml_plain import load_plain
from ..lexicon import table as lexicon_table
from .tries import word_or_prefix

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

    @cached_property  # asked for each verb trigger after a mention
    def base_forms(self) -> frozenset[str]:
        """Verb forms that are bare stems: those whose -s form is listed too."""
        forms = set(self.verb_forms)
        return frozenset(
            f for f in forms
            if {f + "s", f + "es", f[:-1] + "ies", f + "ed", f + "d", f[:-1] + "ied"} & forms
            or " " in f and f.split(" ", 1)[0] + "s " + f.split(" ", 1)[1] in forms
        )


@dataclass(frozen=True)
class StatementRules:
    """How a reported statement is coded (the lexicon's ``statements:`` section)."""

    code: str = "010"
    addressee_verbs: frozenset[str] = frozenset()  # inflected forms of tell, inform ...
    # (code, phrases, own): own = only when the speaker's side is the subject of what was said
    content_codes: tuple[tuple[str, tuple[tuple[str, ...], ...], bool], ...] = ()
    accuse_code: str | None = None  # what was said reports another side's use of force

    @cached_property
    def phrase_order(self) -> tuple[dict[str, tuple[tuple[int, int], ...]],
                                    tuple[tuple[int, int], ...]]:
        """(code index, phrase index) of every phrase by its first word, and of the empty
        phrases (which hold anywhere): a statement tries only the phrases whose first word it
        holds."""
        by_first: dict[str, list[tuple[int, int]]] = {}
        empty: list[tuple[int, int]] = []
        for ci, (_code, phrases, _own) in enumerate(self.content_codes):
            for pi, p in enumerate(phrases):
                if p:
                    by_first.setdefault(p[0], []).append((ci, pi))
                else:
                    empty.append((ci, pi))
        return {w: tuple(at) for w, at in by_first.items()}, tuple(empty)


@dataclass(frozen=True)
class TriggerLexicon:
    entries: tuple[TriggerEntry, ...]
    frames: Mapping[str, frozenset[str]]  # status -> inflected reporting-verb forms
    alleged_adverbs: frozenset[str]
    claimed_adverbs: frozenset[str]
    planned_markers: frozenset[str]
    planned_before_to: frozenset[str]
    planned_lookback: frozenset[str] = frozenset()
    statements: StatementRules = StatementRules()
    regexes: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)
    # First-word index: the lower-case leading word of every form -> the entries that can match
    # there; entries with a free pattern are tried in every sentence (`always`).
    first_words: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False,
                                                      repr=False)
    always: frozenset[int] = field(default=frozenset(), compare=False, repr=False)
    # Leading-prefix index of the `always` entries whose every match opens with one of a few
    # literal prefixes (a pattern's "open(?:s|ed)? fire" -> "open"): the prefix's first two
    # letters -> (prefix, entry); `unprefixed` are the rest, searched in every sentence.
    prefixes: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict,
                                                                compare=False, repr=False)
    unprefixed: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    @cached_property
    def word_entries(self) -> dict[str, tuple[int, ...]]:
        """The entries each lower-case word may open, remembered by the matcher (words recur
        across a corpus; extract/events/triggers.py fills and bounds it)."""
        return {}

    @cached_property
    def word_filter(self) -> re.Pattern[str]:
        """The words of lower-case text where an indexed entry may match: a key of
        ``first_words`` or a word opening with a prefix of ``prefixes``, as one trie-shaped
        pattern, so a sentence's other words cost the regex engine, not a Python loop (and
        without IGNORECASE, whose letters the engine cannot skip by their first character)."""
        trie = word_or_prefix([*self.first_words], [p for group in self.prefixes.values()
                                                     for p, _i in group])
        return re.compile(rf"(?<![\w'’-])(?={trie})\w+")

    @cached_property
    def word_filter_after(self) -> re.Pattern[str]:
        """``word_filter``'s words after the character before them (group 1): the pattern
        opens with a character that may stand before a word (not a word character, apostrophe
        or hyphen, as the look-behind of ``word_filter`` asks), which the engine skips to, so
        the trie is tried at word starts only, not the look-behind at every position."""
        trie = word_or_prefix([*self.first_words], [p for group in self.prefixes.values()
                                                     for p, _i in group])
        return re.compile(rf"[^\w'’-](?={trie})(\w+)")

    @cached_property
    def frame_status(self) -> dict[str, str]:
        """Reporting-verb form -> its status (the first status listing it, in frames order)."""
        out: dict[str, str] = {}
        for status, forms in self.frames.items():
            for form in forms:
                out.setdefault(form, status)
        return out


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
    """Base, third person, past, participle and -ing forms of an English verb ("send" -> sent,
    "expel" -> expelled; lemminflect's tables), by rule for a verb they lack ("ram" -> rammed).

    For a multi-word verb ("pull out") the first word is inflected.
    """
    head, _, rest = lemma.lower().strip().partition(" ")
    tail = f" {rest}" if rest else ""
    known = _known_inflections(head)
    if known:
        return tuple(dict.fromkeys(w + tail for w in (head, *known)))
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


INFLECTIONS_KEY = "events_verb_inflections"  # lexicon table: a verb, then its known forms


@lru_cache(maxsize=1)
def _inflection_table() -> dict[str, tuple[str, ...]]:
    """lemminflect's forms of the lexicon's verbs, as generated into the lexicon by
    scripts/gen_verb_inflections.py (loading lemminflect's tables cost ~0.2 s per process)."""
    return {row[0]: tuple(row[1:]) for row in lexicon_table(INFLECTIONS_KEY)}


def _known_inflections(verb: str) -> tuple[str, ...]:
    """Every verb form lemminflect knows for ``verb``: from the generated table, else (a verb
    the table lacks, as in a user's own trigger file) from lemminflect itself."""
    table = _inflection_table()
    return table[verb] if verb in table else lemminflect_inflections(verb)


@lru_cache(maxsize=4096)
def lemminflect_inflections(verb: str) -> tuple[str, ...]:
    """Every verb form lemminflect knows for ``verb`` (unhyphenated), in a stable order."""
    from lemminflect import getAllInflections

    forms = getAllInflections(verb, upos="VERB")
    return tuple(dict.fromkeys(
        f.lower() for tag in ("VBZ", "VBD", "VBN", "VBG") for f in forms.get(tag, ())
        if "-" not in f
    ))


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


_LEADING_WORD = re.compile(r"\w+")


def _first_word_index(entries: Sequence[TriggerEntry]
                      ) -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """Which entries can start a match at a word: a form's regex only matches where the text's
    leading word equals the form's leading word (case aside), so a sentence need only try the
    entries of its own words. A free pattern, or a form not opening with a word character,
    puts its entry in every sentence."""
    index: dict[str, set[int]] = {}
    always: list[int] = []
    for i, e in enumerate(entries):
        forms = [*e.verb_forms, *e.noun_forms]
        heads = [_LEADING_WORD.match(f) for f in forms]
        if e.pattern or not all(heads):
            always.append(i)
            continue
        for h in heads:
            assert h is not None
            index.setdefault(h.group().lower(), set()).add(i)
    return {w: tuple(sorted(ids)) for w, ids in index.items()}, frozenset(always)


def _leading(seq: Any) -> set[str] | None:
    """Literal prefixes (ASCII letters and digits) one of which opens every match of the parsed
    regex ``seq``, "" among them when some match may open otherwise; None if unknown."""
    out = {""}
    for op, av in seq:
        if op is _sre.LITERAL and chr(av).isascii() and chr(av).isalnum():
            out = {p + chr(av) for p in out}
            continue
        if op is _sre.BRANCH:
            subs = [_leading(b) for b in av[1]]
            if any(sub is None for sub in subs):
                return None
            out = {p + q for p in out for sub in subs for q in sub or ()}
        elif op is _sre.SUBPATTERN:
            sub = _leading(av[3])
            if sub is None:
                return None
            out = {p + q for p in out for q in sub}
        break
    return out


def _prefix_index(entries: Sequence[TriggerEntry], always: Iterable[int]
                  ) -> dict[str, tuple[tuple[str, int], ...]]:
    """The prefix index of the `always` entries (see TriggerLexicon.prefixes): every match of
    an entry's regex opens at a word (its look-behind) that starts with one of the entry's
    prefixes, a form's leading word or a pattern's literal prefix. Entries with a prefix
    shorter than two letters stay out. Only an entry's shortest prefixes are kept, so a word
    meets at most one prefix of an entry."""
    index: dict[str, list[tuple[str, int]]] = {}
    for i in sorted(always):
        e = entries[i]
        heads = [_LEADING_WORD.match(f) for f in (*e.verb_forms, *e.noun_forms)]
        tree = _leading(_sre_parser.parse(e.pattern, re.IGNORECASE)) if e.pattern else set()
        if tree is None or not all(heads):
            continue
        found = {p.lower() for p in tree} | {h.group().lower() for h in heads if h}
        if min(map(len, found), default=0) < 2:
            continue
        for p in sorted(found):
            if not any(p != q and p.startswith(q) for q in found):
                index.setdefault(p[:2], []).append((p, i))
    return {k: tuple(v) for k, v in index.items()}


def verb_lemmas(data: Mapping[str, Any]) -> list[str]:
    """Every verb lexicon_from_data inflects (those of entries without forms, of the frames and
    of the addressee verbs), for the generated inflection table."""
    out = [lemma for raw in data.get("triggers") or () if not raw.get("forms")
           for lemma in _words(raw.get("verb"))]
    fr = data.get("frames") or {}
    out += [lemma for status in ("claimed", "confirmed", "alleged", "denied")
            for lemma in _words(fr.get(status))]
    return out + list(_words((data.get("statements") or {}).get("addressee_verbs")))


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
    first_words, always = _first_word_index(entries)
    prefixes = _prefix_index(entries, always)
    return TriggerLexicon(
        entries=entries,
        frames=frames,
        alleged_adverbs=frozenset(_words(fr.get("alleged_adverbs"))),
        claimed_adverbs=frozenset(_words(fr.get("claimed_adverbs"))),
        planned_markers=frozenset(w.replace("’", "'") for w in _words(fr.get("planned_markers"))),
        planned_before_to=frozenset(_words(fr.get("planned_before_to"))),
        planned_lookback=frozenset(_words(fr.get("planned_lookback"))),
        statements=_statement_rules(data.get("statements") or {}),
        regexes=tuple(_entry_regex(e) for e in entries),
        first_words=first_words,
        always=always,
        prefixes=prefixes,
        unprefixed=always - {i for group in prefixes.values() for _p, i in group},
    )


def _statement_rules(raw: Mapping[str, Any]) -> StatementRules:
    codes = []
    for i, rule in enumerate(raw.get("content_codes") or ()):
        if not isinstance(rule, Mapping) or "code" not in rule or not rule.get("phrases"):
            raise ValueError(f"statements.content_codes[{i}]: need code and phrases")
        codes.append((str(rule["code"]),
                      tuple(tuple(str(p).lower().split()) for p in rule["phrases"]),
                      bool(rule.get("own", False))))
    return StatementRules(
        code=str(raw.get("code", "010")),
        addressee_verbs=frozenset(
            f for lemma in _words(raw.get("addressee_verbs")) for f in inflect_verb(lemma)
        ),
        content_codes=tuple(codes),
        accuse_code=str(raw["accuse_code"]) if raw.get("accuse_code") else None,
    )


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime: float) -> TriggerLexicon:
    with open(path, encoding="utf-8") as fh:
        return lexicon_from_data(load_plain(fh.read()) or {})


def load_lexicon(path: Path | str | None = None) -> TriggerLexicon:
    """The trigger lexicon from ``path`` (default: event_triggers.yaml of the knowledge folder,
    raw/knowledge/ in a checkout or the wheel's copy)."""
    p = Path(path) if path is not None else knowledge_dir() / "event_triggers.yaml"
    return _load_cached(str(p.resolve()), p.stat().st_mtime)



"""The registry compiled once: surface forms, variants, patterns and surnames."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..patterns import words_after_no
from .model import _UP, DEFAULT_LEXICON, Lexicon

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


def _plain_literal_first_re(forms: Iterable[str]) -> re.Pattern[str]:
    """``_plain_re(forms)`` written so that each alternative opens with its first character
    and tests the look-behind after it ("(?<!\\w[\\s\\S])": no word character before that
    character): the search then skips to the forms' first characters instead of trying every
    offset."""
    ordered = sorted(set(f for f in forms if f), key=lambda s: (-len(s), s))
    alt = "|".join(re.escape(f[0]) + r"(?<!\w[\s\S])" + re.escape(f[1:]) for f in ordered)
    return re.compile(rf"(?:{alt or '(?!x)x'})(?![\w])")


_WORD_RUN_RE = re.compile(r"\w+")
_TWO_RUNS_RE = re.compile(r"\w+\W+\w+")


class FormIndex:
    """Surface forms indexed by their first words, for the same matches as an alternation of
    the forms (longest first) between word boundaries, without one big regular expression:
    at each word start only the forms that begin with that very word (and the next) are tried.
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self.one: dict[str, list[str]] = {}  # forms of one word run ("Assad", "U."), by it
        self.two: dict[str, list[str]] = {}  # longer forms, by their first two word runs
        self.heads: set[str] = set()  # first word runs of the longer forms
        others: list[str] = []  # forms that start with a non-word character
        for f in sorted(set(forms), key=lambda s: (-len(s), s)):
            m1, m2 = _WORD_RUN_RE.match(f), _TWO_RUNS_RE.match(f)
            if m2:
                self.two.setdefault(m2.group(), []).append(f)
                self.heads.add(_first_run(f))
            elif m1:
                self.one.setdefault(m1.group(), []).append(f)
            else:
                others.append(f)
        self.first_runs = frozenset(self.heads | set(self.one))
        # When the runs opening in lower case open with one or two letters ("al" among
        # surnames), they are searched apart, each alternative opening with its letter too,
        # and the capitals' search skips to capitals. A text's run is one string, so the two
        # searches' runs never meet; merged by start they are the one pattern's. (Lower-case
        # runs opening with many letters would stop the search inside most words.)
        lower = self.first_runs - {r for r in self.first_runs if not r[0].islower()}
        split = bool(lower) and len({r[0] for r in lower}) <= 2
        self.first_re = _whole_runs_re(self.first_runs - lower if split else self.first_runs)
        self.lower_first_re = _whole_runs_re(lower, literal_first=True) if split else None
        # By first word run: the longer forms, then those of one run, each longest first. A
        # longer form stands at a start only where the text's first two runs are the form's,
        # so trying all longer forms of the first run finds what the lookup by two runs found.
        self.by_first: dict[str, list[str]] = {}
        for key, fs in self.two.items():
            self.by_first.setdefault(_first_run(key), []).extend(fs)
        for runs in self.by_first.values():
            runs.sort(key=lambda s: (-len(s), s))
        for word, fs in self.one.items():
            self.by_first.setdefault(word, []).extend(fs)
        self._at: dict[str, re.Pattern[str]] = {}  # by first run, compiled when first met
        self.others = _overlapping_re(others) if others else None
        # the last text read and what was found in it: the mention rules and the guard read
        # the same article one after the other
        self._last: tuple[str, tuple[tuple[int, str], ...]] | None = None

    def overlapping(self, text: str) -> tuple[tuple[int, str], ...]:
        """(start, form): at every start the longest form followed by no word character
        (what ``_overlapping_re(forms).finditer`` finds), in text order."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        out: list[tuple[int, str]] = []
        # The word runs that are first runs of forms, found by one pattern (what a walk over
        # every word run keeping those in ``first_runs`` finds, at a fraction of the cost).
        at = self._at
        runs: Iterable[re.Match[str]] = self.first_re.finditer(text)
        if self.lower_first_re is not None:
            lower = list(self.lower_first_re.finditer(text))
            if lower:
                runs = sorted([*runs, *lower], key=re.Match.start)
        for run in runs:
            s, word = run.start(), run.group()
            rx = at.get(word)
            if rx is None:  # the forms in order, the first that stands before no word character
                rx = at[word] = re.compile(
                    "(?:" + "|".join(re.escape(f) for f in self.by_first[word]) + r")(?!\w)")
            found = rx.match(text, s)
            if found:
                out.append((s, found.group()))
        if self.others is not None:
            out += [(m.start(), m.group(1)) for m in self.others.finditer(text)]
            out.sort(key=lambda x: x[0])
        result = tuple(out)
        self._last = (text, result)
        return result

    def plain(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of non-overlapping matches, leftmost first (``_plain_re.finditer``)."""
        return _leftmost(self.overlapping(text))


def _whole_runs_re(runs: Iterable[str], literal_first: bool = False) -> re.Pattern[str]:
    """A pattern for the word runs (``\\w+``) of a text that are, whole, one of ``runs``:
    each run stands between non-word characters, and the alternatives are grouped by their
    first character, so that at a word start only those of its first character are tried.

    When no run opens with a lower-case letter (surnames), each alternative opens with its
    first character and tests the look-behind after it ("(?<!\\w<c>)": no word character
    before it): the search then skips to those characters. Runs opening in lower case would
    stop it inside most words, where the look-behind first fails at once; ``literal_first``
    asks for that form anyway (a few lower-case runs: most letters are no run's first)."""
    by_first: dict[str, list[str]] = {}
    for r in sorted(set(runs), key=lambda r: (-len(r), r)):
        by_first.setdefault(r[0], []).append(r[1:])
    if by_first and (literal_first or not any(c.islower() for c in by_first)):
        return re.compile(rf"(?:{words_after_no(runs)})(?!\w)")
    alt = "|".join(re.escape(c) + "(?:" + "|".join(re.escape(t) for t in tails) + ")"
                   for c, tails in by_first.items())
    return re.compile(rf"(?<!\w)(?:{alt or '(?!x)x'})(?!\w)")


def _leftmost(overlapping: Iterable[tuple[int, str]]) -> list[tuple[int, int]]:
    """(start, end) of the non-overlapping ones among (start, form), leftmost first."""
    out: list[tuple[int, int]] = []
    last = 0
    for s, f in overlapping:
        if s >= last:
            last = s + len(f)
            out.append((s, last))
    return out


def _first_run(form: str) -> str:
    m = _WORD_RUN_RE.match(form)
    return m.group() if m else ""


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
        self.main_index = FormIndex(self.forms)
        self.prefixes = self._prefix_index()
        self._build_surnames(actors)
        self.surname_index = FormIndex(self.surnames)
        self.children = self._children(actors)

    def known_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the registry's forms and surnames in ``text``, non-overlapping,
        leftmost first (the longest at a start). The longest of either kind at a start is the
        longest of both, so the two indexes' matches serve (no third index of both)."""
        # an index holds one form per start: the forms' own starts are taken as they are
        longest = dict(self.main_index.overlapping(text))
        for s, f in self.surname_index.overlapping(text):
            if len(f) > len(longest.get(s, "")):
                longest[s] = f
        return _leftmost(sorted(longest.items()))

    @cached_property
    def readings(self) -> dict[str, tuple[_Entry | None, bool, bool]]:
        """Per form: its first actor entry (None: a gazetteer name only), whether that actor
        is a state, and whether the gazetteer holds the form too (what the matcher asks of
        every form it finds)."""
        out: dict[str, tuple[_Entry | None, bool, bool]] = {}
        for form, entries in self.forms.items():
            actor_entries = [e for e in entries if e.kind != "place"]
            entry = actor_entries[0] if actor_entries else None
            is_state = entry is not None \
                and self.actors.get(entry.ident, {}).get("type") == "state"
            out[form] = (entry, is_state, len(actor_entries) < len(entries))
        return out

    @cached_property
    def lower_bodies(self) -> dict[str, str]:
        """Multi-word aliases of bodies (actors with a parent) in lower case -> actor id: news
        text often writes a body's name in lower case ("the Russian defence ministry")."""
        return {form.lower(): e.ident for form, entries in self.forms.items()
                for e in entries if e.kind == "alias" and " " in form
                and self.actors.get(e.ident, {}).get("parent")}

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
            if str(n)[:1].islower():  # "rebels" also opens a sentence: "Rebels said ..."
                base.add(str(n)[:1].upper() + str(n)[1:])
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


# compile_registry's inputs (by identity) -> their registry. The inputs are kept alive, so no
# id is reused, and are not to be edited in place afterwards: passing them again skips the
# fingerprint (a repr of the whole registry, per article).
_PINNED: dict[tuple[int, int, int], tuple[object, object, object, _Registry]] = {}


def _registry(actors: Sequence[Mapping[str, Any]], places: Sequence[Mapping[str, Any]] | None,
              lexicon: Lexicon) -> _Registry:
    pinned = _PINNED.get((id(actors), id(places), id(lexicon)))
    if pinned is not None:
        return pinned[3]
    key = _fingerprint(actors, places or [], lexicon)
    reg = _CACHE.get(key)
    if reg is None:
        if len(_CACHE) >= 8:
            _CACHE.pop(next(iter(_CACHE)))
        reg = _Registry(actors, places or [], lexicon)
        _CACHE[key] = reg
    return reg


MentionRegistry = _Registry


def compile_registry(actors: Sequence[Mapping[str, Any]],
                     places: Sequence[Mapping[str, Any]] | None = None,
                     lexicon: Lexicon = DEFAULT_LEXICON) -> MentionRegistry:
    """The registry and gazetteer compiled for the mention rules. A caller that extracts many
    articles compiles once and passes the result (``compiled=``), so the registry is neither
    fingerprinted nor looked up per article (nor when the same objects are passed again)."""
    reg = _registry(actors, places, lexicon)
    if len(_PINNED) >= 8:
        _PINNED.pop(next(iter(_PINNED)))
    _PINNED[(id(actors), id(places), id(lexicon))] = (actors, places, lexicon, reg)
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



"""Candidate actors: the guard's unaccounted names cut to a name and cleared of noise.

The completeness guard reports every capitalised run nothing accounts for. As candidate actors
those runs need four general repairs, each a rule of English news text (word lists in the
lexicon's ``candidates_*`` keys, places from the gazetteer and the ISO country table):

1. Join what the guard split: a middle initial ("Ana B. Cruz"), a plural possessive or an
   ampersand inside a name ("Workers' Party", "Fox & Friends"), "<Name> and <Name> Department",
   a lower-case particle before a surname ("de Vries"), a lower-case org tail ("<Name> news
   agency"), and a demonym or registry name glued to an organisation head ("Syrian Democratic
   Forces", "Free Syrian Army"): the joined span replaces the registry mention it swallowed.
2. Cut to the name: titles before a person's name ("Norwegian Prime Minister <Name>",
   "Petty Officer 1st Class <Name>"), a possessive owner ("Iran's <Name>") and a home country
   or place after "of" ("<Name> of Jordan") are not the name; a trailing title ("<State> Gov.")
   is dropped.
3. Drop noise: gazetteer places (any case: datelines), names after a locative preposition or
   "<town|east...> of", before "-based" or a place noun, after a capitals dateline ("CITY,
   <Country>"), landmarks ("Temple of <Name>"), single sentence-initial words never written
   capitalised mid-sentence ("Unfortunately", "Elsewhere"), single words also written in lower
   case ("Special Operations" beside "operations") or glued to a lower-case adjective half
   ("Roman-era"), demonyms of ISO countries ("Qatari"), capitalised pronouns, single letters,
   plural acronyms (equipment), auxiliaries in capitals ("he DID"), runs led by a word in
   capitals (section heads, "CITY Rebels" datelines), capitals crossheads alone on a line and
   one word in quote marks (a title: "the book 'Storm'"). A name that surely reads as a place
   once ("the city of <Name>", "<Name>, the largest city") is a place throughout the article.
   A country of the ISO table that survives these rules is a state (the caller types it).
4. Surname coreference: a bare surname (with its particle, glued or not) is the person whose
   full name the article gives, after it or before it (a headline naming the surname first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from ..document import word_runs
from ..lexicon import sequence, words
from .model import _UP, DEFAULT_LEXICON, Lexicon, Mention, by_identity

Span = tuple[int, int, str]
SideSpan = tuple[int, int, str, str]  # start, end, country, rule


@dataclass(frozen=True)
class CandidateWords:
    """Word lists of the candidate rules (from the lexicon)."""

    org_heads: frozenset[str]
    titles: frozenset[str]
    tails: tuple[str, ...]
    particles: frozenset[str]
    locatives: frozenset[str]
    before_of: frozenset[str]
    place_after: frozenset[str]
    never: frozenset[str]
    state_locatives: frozenset[str]
    hyphen_suffixes: frozenset[str]
    place_suffixes: frozenset[str]
    common: frozenset[str]
    modifier_heads: frozenset[str]
    landmark_heads: frozenset[str]
    emphasis: frozenset[str]
    languages: frozenset[str]
    service_members: frozenset[str]
    rubrics: frozenset[str]

    @cached_property
    def tail_re(self) -> re.Pattern[str]:
        """The tails after a space, longest first (so the first that fits wins, as listed)."""
        return re.compile(" (?:" + "|".join(re.escape(t) for t in self.tails) + r")\b")

    @classmethod
    def of(cls, lex: Lexicon = DEFAULT_LEXICON) -> CandidateWords:
        particles = (lex.name_connectors - {"of", "for", "the"}) | lex.name_particles
        return cls(
            org_heads=words("candidates_org_heads"),
            titles=words("candidates_title_words") | lex.title_words | lex.honorifics,
            tails=tuple(sorted(sequence("candidates_lowercase_org_tails"), key=len, reverse=True)),
            particles=frozenset(particles),
            locatives=words("candidates_locative_prepositions"),
            before_of=words("candidates_place_nouns_before_of") | lex.compass_words,
            place_after=words("candidates_place_nouns_after"),
            never=words("candidates_never_names"),
            state_locatives=lex.locative_prepositions,
            hyphen_suffixes=lex.place_hyphen_suffixes | lex.agent_hyphen_suffixes,
            place_suffixes=lex.place_hyphen_suffixes,
            common=lex.vocabulary(),
            modifier_heads=words("candidates_modifier_heads"),
            landmark_heads=words("candidates_landmark_heads"),
            emphasis=words("candidates_emphasis_auxiliaries"),
            languages=words("candidates_language_names"),
            service_members=words("candidates_service_member_nouns"),
            rubrics=words("quotes_headline_rubrics"),
        )


@lru_cache(maxsize=4)
def _words(lex: Lexicon) -> CandidateWords:
    return CandidateWords.of(lex)


# A sentence starts after a full stop, a line break, a dash, a dateline's " - " or an opening
# quote mark ("saying, 'Hey, ..."): a quotation starts a sentence of its own.
_SENT_START_RE = re.compile(r"(?:^|[.!?:;…\n]|—|--|\s-\s|\s[\"“‘'”])[\s\"“‘'”(\[—-]*$")
_INITIAL_GAP_RE = re.compile(r"\.\s")
_INITIAL_TAIL_RE = re.compile(rf"\.\s[{_UP}][\w'’-]+")
_JOIN_GAPS = {"' ", "’ ", " & ", " and "}
_POSSESSIVE_RE = re.compile(r"['’]s\s+")
_ACRONYM_PLURAL_RE = re.compile(r"[A-Z]{2,}s")
_APPOSITIVE_RE = re.compile(r",\s+(?:the|an?)\s+((?:[a-z-]+\s+){0,2}[a-z]+)\b(?!['’])")
_HOME_RE = re.compile(rf"([{_UP}][\w'’.-]*(?: [{_UP}][\w'’.-]*)+) of (?:the )?([{_UP}].*)")
_DEMONYM_END_RE = re.compile(r"(?:an|ese|ish|i|ic)$")
_OPEN_QUOTES = frozenset("'‘\"“")
_CLOSE_QUOTES = frozenset("'’\"”")
# "Ban Ki-moon", "Kim Jong-un": a short given-name syllable with a lower-case second half
_SYLLABLE_TAIL_RE = re.compile(r"-([a-z]{2,4})(?![\w'’-])")
_HEAD_AFTER_RE = re.compile(r" ([A-Z][a-z]+)(?![\w'’-]| [A-Z])")


def _has_org_head(name: str, cw: CandidateWords) -> bool:
    return any(w.strip(".,") in cw.org_heads for w in name.split())


def _sentence_initial(text: str, start: int) -> bool:
    return _SENT_START_RE.search(text[max(0, start - 8) : start]) is not None


def _used_mid_sentence(text: str, word: str) -> bool:
    """Whether ``word`` is written capitalised somewhere other than at a sentence start."""
    return any(not _sentence_initial(text, s) for s, _e in _occurrences(text, word, "'’"))


def _occurrences(text: str, form: str, lead: str) -> Iterator[tuple[int, int]]:
    """Spans of ``form`` in ``text`` where no word character nor one of ``lead`` precedes it
    and no word character nor hyphen follows it, non-overlapping, in text order: what
    ``re.finditer(rf"(?<![\\w{lead}]){re.escape(form)}(?![\\w-])", text)`` finds, checked by
    hand: a pattern compiled per name cost more than the search (names differ per article, so
    the compiled patterns were never reused). Where the form may stand: in an article of
    common length where ``str.find`` finds it; in a long one at the places its first word
    stands (a per-text index of the word runs: time linear in the text's length however many
    names it holds)."""
    first = _WORD_RE.match(form)
    if first is None:
        rx = re.compile(rf"(?<![\w{re.escape(lead)}]){re.escape(form)}(?![\w-])")
        yield from (m.span() for m in rx.finditer(text))
        return
    end, n, size = 0, len(form), len(text)
    places = _found(text, form) if size <= _INDEX_FROM \
        else _word_index(text).get(first.group(), ())
    for pos in places:
        if pos < end or not text.startswith(form, pos):
            continue
        if pos > 0 and ((c := text[pos - 1]).isalnum() or c == "_" or c in lead):
            continue  # \w is a letter, digit or underscore (str.isalnum is Unicode's \w)
        e = pos + n
        if e < size and ((c := text[e]).isalnum() or c in "_-"):
            continue
        end = e  # non-overlapping, as finditer
        yield pos, e


# Texts longer than this get an index of their word runs for the name searches (building it
# costs more than a few ``str.find`` scans of an article of common length).
_INDEX_FROM = 20_000


def _found(text: str, form: str) -> Iterator[int]:
    """Every offset where ``form`` stands in ``text``, ascending (overlapping ones too)."""
    pos = text.find(form)
    while pos >= 0:
        yield pos
        pos = text.find(form, pos + 1)


@lru_cache(maxsize=2)
def _word_index(text: str) -> dict[str, list[int]]:
    """Where each run of word characters starts, in text order."""
    index: dict[str, list[int]] = {}
    for start, run in word_runs(text):
        index.setdefault(run, []).append(start)
    return index


_WORD_RE = re.compile(r"\w+")


def _merge(text: str, gaps: list[Span], cw: CandidateWords) -> list[Span]:
    """Rule 1 between two guard spans: initials, possessive plurals, '&', 'and ... <Org>'."""
    out: list[Span] = []
    for s, e, _ in sorted(gaps):
        # "Ana B." before a surname the registry knows (so the guard left it out).
        nxt = _INITIAL_TAIL_RE.match(text, e)
        if len(text[s:e].split()[-1]) == 1 and nxt:
            e = nxt.end()
        if out:
            ps, pe, _ = out[-1]
            between = text[pe:s]
            last = text[ps:pe].split()[-1]
            initial = len(last) == 1 and last.isupper() and _INITIAL_GAP_RE.fullmatch(between)
            joined = between in _JOIN_GAPS and (
                between != " and " or (_has_org_head(text[s:e], cw) and " " not in text[ps:pe])
            )
            if initial or joined:
                out[-1] = (ps, e, text[ps:e])
                continue
        out.append((s, e, text[s:e]))
    return out


class _Near:
    """Indices of the mentions by end and by start offset, so that a span finds the mentions
    right before and after it without walking all of them (linear time on long texts)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.by_end: dict[int, list[int]] = {}
        self.by_start: dict[int, list[int]] = {}
        for i, mt in enumerate(mentions):
            self.by_end.setdefault(mt.end, []).append(i)
            self.by_start.setdefault(mt.start, []).append(i)

    def next(self, last: int, s: int, e: int, absorbed: set[int]) -> int | None:
        """The first index after `last` of an unabsorbed mention ending one character before
        s or starting one after e (the caller grows the span between calls)."""
        nxt = [i for i in (*self.by_end.get(s - 1, ()), *self.by_start.get(e + 1, ()))
               if i > last and i not in absorbed]
        return min(nxt) if nxt else None


def _extend(text: str, span: Span, mentions: Sequence[Mention], near: _Near,
            cw: CandidateWords, absorbed: set[int], countries: frozenset[str]) -> Span:
    """Rule 1 around one span: particle before, lower-case org tail after, glued registry name."""
    s, e, _ = span
    m = re.search(r"(?<![\w-])([a-z]{1,3})[ -]$", text[max(0, s - 5) : s])
    if m and m.group(1) in cw.particles:
        s -= len(m.group(0))
    if cw.tails and (tail := cw.tail_re.match(text, e)):
        e = tail.end()
    syl = _SYLLABLE_TAIL_RE.match(text, e)
    if syl and " " in text[s:e] and len(text[s:e].split()[-1]) <= 4 \
            and syl.group(1) not in cw.hyphen_suffixes:
        # a two-word personal name cut before a hyphenated lower-case syllable is one name
        # ("Ban Ki-moon said"), unlike an adjective of one name ("Iran-backed")
        e = syl.end()
    head = _HEAD_AFTER_RE.match(text, e)
    if head and head.group(1) in cw.org_heads and e + 1 not in near.by_start:
        # "<Name> News" in a headline: the guard trims a capitalised org head that is a common
        # word there ("news"), but it closes the organisation's name.
        e = head.end(1)
    name = text[s:e]
    front = s
    i = -1
    while (i := near.next(i, s, e, absorbed)) is not None:
        mt = mentions[i]
        # "<Demonym|Name> <Org ...>": the registry word is the first word of the organisation.
        if mt.end + 1 == s and text[mt.end] == " " and mt.text[:1].isupper() \
                and not mt.possessive and _has_org_head(name, cw):
            absorbed.add(i)
            s = mt.start
        # "<Word> <registry organisation>" ("Free Syrian Army"): one capitalised word before it.
        elif mt.start == e + 1 and text[e] == " " and " " not in name \
                and mt.text.split()[-1] in cw.org_heads and not _sentence_initial(text, s):
            absorbed.add(i)
            e = mt.end
    glued = 0
    while s == front - glued and glued < 40 and _has_org_head(name, cw):
        # "<Demonym> Democratic Forces", "International <...> Group": capitalised words glued
        # before an organisation (at a sentence start only when no common word).
        word = re.search(rf"(?<![\w'’-])[{_UP}][\w]*(?:-([\w]+))?\s$", text[max(0, s - 30) : s])
        if not word or word.group().strip() in cw.never | cw.titles \
                or (word.group(1) or "") in cw.hyphen_suffixes \
                or (_sentence_initial(text, s - len(word.group()))
                    and word.group().strip().lower() in cw.common):
            break
        s -= len(word.group())
        glued += len(word.group())
    if not glued and s == front and " " not in name and name not in countries \
            and text[max(0, s - 4) : s] == "The " \
            and not _sentence_initial(text, s - 4):
        # "The Atlantic reported": a one-word title keeps its capitalised article.
        s -= 4
    return (s, e, text[s:e])


def _cut_to_name(text: str, span: Span, cw: CandidateWords) -> list[Span]:
    """Rule 2: titles and possessive owners off; a trailing title dropped."""
    s, e, name = span
    if not _has_org_head(name, cw):
        owners = list(_POSSESSIVE_RE.finditer(name))
        if owners:  # "Iran's Zarif" -> "Zarif"
            s += owners[-1].end()
            name = text[s:e]
    toks = [(m.start(), m.group()) for m in re.finditer(r"\S+", name)]
    while toks and toks[-1][1] in cw.titles and not _has_org_head(name, cw):
        toks.pop()
    if not toks:
        return []
    cut = max((i for i, (_, w) in enumerate(toks[:-1]) if w in cw.titles), default=-1)
    out: list[Span] = []
    if cut >= 0 and not _has_org_head(" ".join(w for _, w in toks[cut + 1 :]), cw):
        # "<Org> Director <Name>": the name after the last title word, unless that is an org;
        # the organisation before the title is a name of its own.
        first = next((i for i, (_, w) in enumerate(toks) if w in cw.titles), cut)
        if first > 0 and _has_org_head(" ".join(w for _, w in toks[:first]), cw):
            head = s + toks[first - 1][0] + len(toks[first - 1][1])
            out.append((s + toks[0][0], head, text[s + toks[0][0] : head]))
        toks = toks[cut + 1 :]
        # Ordinal rank parts ("1st") left at the front of a person's name.
        while len(toks) > 1 and re.fullmatch(r"\d+\w*|of|the|and", toks[0][1]):
            toks = toks[1:]
    start = s + toks[0][0]
    end = s + toks[-1][0] + len(toks[-1][1])
    return [*out, (start, end, text[start:end])]


def _without_home(span: Span, places: frozenset[str], countries: frozenset[str],
                  cw: CandidateWords) -> Span:
    """ "Abdullah II of Jordan", "Ana Ruiz of Belmora": a person's home state or place after
    "of" is not part of the name (an organisation's is: "Bank of Varnia")."""
    s, _, name = span
    m = _HOME_RE.fullmatch(name)
    if m is None or _has_org_head(m.group(1), cw):
        return span
    home = m.group(2)
    if home not in countries and home.casefold() not in places:
        return span
    return (s, s + len(m.group(1)), m.group(1))


def _after_locative(text: str, s: int, cw: CandidateWords, state: bool = False) -> bool:
    """"near <Name>", "in the <Name>", "the town of <Name>", "east of the <Name>"."""
    before = text[max(0, s - 40) : s]
    m = re.search(r"(?<![\w-])([A-Za-z-]+)\s+(?:(of)\s+)?(?:the\s+)?$", before)
    if m is None:
        return False
    word = m.group(1).lower()
    if m.group(2):
        return word in cw.before_of
    return word in (cw.state_locatives if state else cw.locatives)


def _noise(text: str, span: Span, places: frozenset[str], countries: frozenset[str],
           cw: CandidateWords) -> str | None:
    """Rule 3: why a span is no name ("place" or "noise"), None when it is one."""
    s, e, name = span
    if _reads_as_place(text, span, cw, state=name in countries):
        return "place"
    if name in countries:  # a state unless it reads as a place (the matcher's rule 4)
        return None
    key = re.sub(r"^the\s+", "", name.casefold())
    if key in places or key.rstrip(".") in places:
        return "place"
    toks = name.split()
    # "Temple of <Name>", "Arch of <Name>": a landmark, a place.
    if len(toks) > 2 and toks[0] in cw.landmark_heads and toks[1] == "of":
        return "place"
    if name in cw.never or len(name) == 1 or _ACRONYM_PLURAL_RE.fullmatch(name):
        return "noise"
    if name.isupper() and name.lower() in cw.emphasis:
        return "noise"  # "he DID have": an auxiliary in capitals is emphasis
    if name in cw.languages or name in cw.service_members:
        return "noise"  # "an <Language> channel", "a Navy SEAL": a language or one serviceman
    if _rubric_label(text, span, cw):
        return "noise"  # "The Latest: ...", "Analysis: ...": a label opening the line
    # Section heads and datelines in capitals ("BIG NEWS", "CITY Rebels"), not acronyms; a
    # line of capitals alone is a crosshead ("BIG WIN").
    if len(toks) > 1 and toks[0].isupper() and (
        len(toks[0]) >= 4 or (all(t.isupper() for t in toks) and _alone_on_line(text, s, e))
    ):
        return "noise"
    nxt = re.match(r"\s+([a-z]+)", text[e : e + 30])
    if " " not in name and not _has_org_head(name, cw) and nxt is not None \
            and nxt.group(1) in cw.modifier_heads:
        return "noise"  # "<Word> helicopter gunships": a modifier
    if " " not in name and _is_demonym(name, countries):
        return "noise"  # "Italian", "Qatari": a country's adjective, not a name of its own
    compound = re.match(r"-([a-z]+)(?![\w'’-])", text[e : e + 20])
    if " " not in name and compound and compound.group(1) not in cw.hyphen_suffixes:
        return "noise"  # "Roman-era relics", "Soviet-made jets": the first half of an adjective
    if " " not in name and not _has_org_head(name, cw) and _written_lower(text, name):
        # "Special Operations forces", "The Latest": a common noun capitalised in a phrase
        # ("operations", "latest" also stand in lower case in the article), not a name.
        return "noise"
    if " " not in name and _sentence_initial(text, s) and not _used_mid_sentence(text, name):
        return "noise"
    if " " not in name and text[s - 1 : s] in _OPEN_QUOTES \
            and text[e : e + 2].lstrip(",.;:!?")[:1] in _CLOSE_QUOTES:
        return "noise"  # "her novel 'Tides'": one quoted word is a title or a term
    return None


def _rubric_label(text: str, span: Span, cw: CandidateWords) -> bool:
    """A rubric word ("Latest", "Analysis") that somewhere in the article opens its line
    ("the" allowed before it) followed by a colon: a label over the story, and so no name
    where it recurs either ("The Latest: ..." then "The Latest on the talks ...")."""
    name = span[2]
    return name.lower() in cw.rubrics and re.search(
        rf"(?m)^[ \t]*(?:[Tt]he[ \t]+)?{re.escape(name)}:", text) is not None


def _reads_as_place(text: str, span: Span, cw: CandidateWords, state: bool) -> bool:
    """ "near <Name>", "<Name> province", "<Name>-based", "CITY, <Name>" (a dateline)."""
    s, e, name = span
    if re.match(rf"-(?:{'|'.join(sorted(cw.place_suffixes))})\b", text[e : e + 20]):
        return True  # "a Lebanon-based channel"
    if re.search(r"(?:^|\n)[A-Z][A-Z/ .'’-]+,\s*$", text[max(0, s - 40) : s]):
        return True  # "HARBOURTOWN, Norway": the country of a dateline
    if state:
        return _after_locative(text, s, cw, state=True)
    if _has_org_head(name, cw):
        return False
    nxt = re.match(r"\s+([a-z]+)", text[e : e + 30])
    return _after_locative(text, s, cw) or (nxt is not None and nxt.group(1) in cw.place_after) \
        or _apposed_place(text, e, cw)


def _surely_place(text: str, span: Span, cw: CandidateWords) -> bool:
    """A place reading that holds for the whole article: "the city of <Name>", "<Name>
    province" (not after a bare preposition: "a report in <Name>'s book")."""
    s, e, name = span
    if name.isupper() or _has_org_head(name, cw):
        return False  # "the YPG crossing": an acronym is rarely a place
    nxt = re.match(r"\s+([a-z]+)", text[e : e + 30])
    before = re.search(r"([A-Za-z-]+)\s+of\s+(?:the\s+)?$", text[max(0, s - 40) : s])
    return (before is not None and before.group(1).lower() in cw.before_of) or (
        nxt is not None and nxt.group(1) in cw.place_after) or _apposed_place(text, e, cw)


def _apposed_place(text: str, e: int, cw: CandidateWords) -> bool:
    """ "<Name>, the largest city in ...", "<Name>, an ancient town": an appositive place."""
    apposed = _APPOSITIVE_RE.match(text, e)
    return apposed is not None and any(w in cw.before_of for w in apposed.group(1).split())


def _is_demonym(word: str, countries: frozenset[str]) -> bool:
    """A demonym of a country in the ISO table: a demonym ending ("-ian", "-ese", "-i" ...)
    on the country's first word, sharing its first four letters ("Italian": Italy, "Qatari":
    Qatar, "Saudi": Saudi Arabia)."""
    if len(word) < 5 or not _DEMONYM_END_RE.search(word) or word in countries:
        return False
    return word[:4] in _country_prefixes(countries)


@lru_cache(maxsize=4)
def _country_prefixes(countries: frozenset[str]) -> frozenset[str]:
    return frozenset(c[:4] for c in countries if len(c.split()[0]) >= 4)


def _alone_on_line(text: str, s: int, e: int) -> bool:
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", e)
    return text[start : len(text) if end < 0 else end].strip() == text[s:e]


def _written_lower(text: str, word: str) -> bool:
    """Whether ``word`` also stands in the text in lower case ("operations", "latest") and is
    never capitalised on its own right after a lower-case word ("took to Twitter")."""
    low = word.lower()
    if low == word or not word[1:].islower():
        return False
    if not _RUN_RE.fullmatch(word):  # not one word: search the text itself
        if re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", text) is None:
            return False
        return re.search(rf"(?<![\w'’-])[a-z][\w'’-]*\s+{re.escape(word)}(?![\w'’-])",
                         text) is None
    if len(text) > _INDEX_FROM:  # a long text: its words listed once (linear time)
        runs, after_lower = _word_runs(text)
        return low in runs and word not in after_lower
    # An article of common length: the word's own places, where str.find finds them.
    if not _RUN_RE.fullmatch(low) or not any(True for _ in _whole_runs_at(text, low)):
        return False
    return not any(_after_lower_word(text, i) for i in _whole_runs_at(text, word))


def _is_run_char(c: str) -> bool:
    """A character of ``_RUN_RE``'s runs: ``[\\w'’-]`` (\\w is str.isalnum or "_")."""
    return c.isalnum() or c in "_'’-"


def _whole_runs_at(text: str, run: str) -> Iterator[int]:
    """The offsets where ``run`` (a run of ``_RUN_RE``) stands in ``text`` as a whole run."""
    n = len(run)
    for i in _found(text, run):
        if (i == 0 or not _is_run_char(text[i - 1])) \
                and (i + n == len(text) or not _is_run_char(text[i + n])):
            yield i


def _after_lower_word(text: str, i: int) -> bool:
    """Whether the run at ``i`` follows white space after a run that opens with a lower-case
    letter a-z: one of ``_word_runs(text)[1]``."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == i or j == 0 or not _is_run_char(text[j - 1]):
        return False
    while j > 0 and _is_run_char(text[j - 1]):
        j -= 1
    return "a" <= text[j] <= "z"


_RUN_RE = re.compile(r"[\w'’-]+")
_AFTER_LOWER_RE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*\s+(?=([\w'’-]+))")


@lru_cache(maxsize=2)
def _word_runs(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The text's words (runs of word characters, apostrophes and hyphens) and the words right
    after a lower-case word: read once per text, not once per name (linear on long texts)."""
    runs = frozenset(_RUN_RE.findall(text))
    return runs, frozenset(m.group(1) for m in _AFTER_LOWER_RE.finditer(text))


def _casefold_names(places: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    out: set[str] = set()
    for p in places:
        for key in ("name", "alternate_names", "aliases"):
            v = p.get(key)
            for n in [v] if isinstance(v, str) else (v or []):
                out.add(str(n).casefold())
    return frozenset(out)


# gazetteer -> its names, once per gazetteer: a corpus run passes the same one for every article
_place_names = by_identity(_casefold_names)


def candidate_spans(text: str, gaps: Sequence[Span], mentions: Sequence[Mention],
                    places: Iterable[Mapping[str, Any]], countries: Iterable[str] = (), *,
                    lexicon: Lexicon = DEFAULT_LEXICON) -> tuple[list[Span], set[int]]:
    """Names for candidate actors from the guard's spans.

    Returns the spans in text order and the indices of ``mentions`` that a span swallowed
    (a demonym or registry name that is the first word of an organisation's name)."""
    cw = _words(lexicon)
    place_names = _place_names(places)
    country_names = frozenset(countries)
    absorbed: set[int] = set()
    kept: list[Span] = []
    places_here: set[str] = set()
    for span in _merge(text, list(gaps), cw):
        for cut in _cut_to_name(text, span, cw):
            cut = _without_home(cut, place_names, country_names, cw)
            why = _noise(text, cut, place_names, country_names, cw)
            if why is None:
                kept.append(cut)
            elif why == "place" and cut[2] not in country_names \
                    and _surely_place(text, cut, cw):
                places_here.add(cut[2])
    # One sense per article: a name that reads as a place once ("the city of Mosul") is that
    # place wherever it stands ("Mosul lies north"); a country may be both state and place.
    near = _Near(mentions)
    out = [_extend(text, cut, mentions, near, cw, absorbed, country_names)
           for cut in kept if cut[2] not in places_here]
    return sorted(set(out)), absorbed


def surname_forms(name: str, cw: CandidateWords | None = None) -> list[str]:
    """Short forms of a person's name: "<particle> <Surname>" and "<Surname>" (longest first)."""
    cw = cw or _words(DEFAULT_LEXICON)
    toks = [t for t in name.split() if not re.fullmatch(rf"[{_UP}]\.", t)]
    if len(toks) < 2:
        return []
    out = []
    if len(toks) >= 3 and toks[-2].lower() in cw.particles:
        out.append(f"{toks[-2]} {toks[-1]}")
        out.append(f"{toks[-2].capitalize()} {toks[-1]}")
    out.append(toks[-1])
    glued = re.fullmatch(rf"([a-z]{{1,3}})-([{_UP}][\w'’-]+)", toks[-1])
    if glued and glued.group(1) in cw.particles:
        out.append(glued.group(2))  # "Salim al-Muslat" -> "al-Muslat" and "Muslat"
    return out


def without_initials(name: str) -> str:
    """ "Ana B. Cruz" -> "Ana Cruz" (registry names are written without middle initials)."""
    return " ".join(t for t in name.split() if not re.fullmatch(rf"[{_UP}]\.", t))


def surname_mentions(text: str, persons: Sequence[tuple[int, str, str]],
                     taken: Sequence[tuple[int, int]]) -> list[Mention]:
    """Rule 4: bare surnames after a person's full name, where no mention already stands.

    ``persons`` holds (offset of the full name, full name, actor id)."""
    busy = bytearray(len(text) + 1)
    for s, e in taken:
        busy[s:e] = b"\x01" * (e - s)
    out: list[Mention] = []
    for first, name, aid in sorted(persons):
        for form in surname_forms(name):
            for s, e in _occurrences(text, form, "'’-"):
                if s < first or any(busy[s:e]):
                    continue
                busy[s:e] = b"\x01" * (e - s)
                out.append(Mention(s, e, form, aid, "surname"))
    return out


def country_of_demonym(word: str, countries: Iterable[str],
                       irregular: Mapping[str, str] | None = None) -> str | None:
    """The ISO-table country a demonym belongs to ("German": Germany): a listed irregular one
    ("Dutch": the Netherlands, reference/demonyms.csv), else of those sharing its first four
    letters, the one sharing the longest prefix; a tie -> None."""
    if irregular and word in irregular:
        return irregular[word]
    if not _DEMONYM_END_RE.search(word) or len(word) < 5:
        return None
    best: list[tuple[int, str]] = []
    for c in countries:
        first = c.split()[0]
        if len(first) < 4 or first[:4] != word[:4]:
            continue
        n = next((i for i, (a, b) in enumerate(zip(first, word, strict=False)) if a != b),
                 min(len(first), len(word)))
        best.append((n, c))
    best.sort(reverse=True)
    if not best or (len(best) > 1 and best[0][0] == best[1][0]):
        return None
    return best[0][1]


# "<Capitalised word> [<word>] <word>", the capital not after a word character or hyphen: the
# look-behind follows the capital (as "(?<![\w-])" before it), so the search skips to capitals.
_DEMONYM_PHRASE_RE = re.compile(
    r"([A-Z](?<![\w-][A-Z])[a-z]{4,})[ \t]+(?:([a-z]+)[ \t]+)?([a-z]+)\b")


def unregistered_demonym_sides(text: str, mentions: Sequence[Mention],
                               countries: Iterable[str], *,
                               irregular: Mapping[str, str] | None = None,
                               lexicon: Lexicon = DEFAULT_LEXICON) -> list[SideSpan]:
    """Rule 5 of the matcher for states the registry lacks: the demonym of an ISO-table
    country before a military noun that names a force as a whole (one modifier word may stand
    between: "<Demonym> special forces") or before a government noun ("<Demonym> officials")
    names that state; with nothing else known of the state, vehicles and acts ("<Demonym>
    trucks", "<Demonym> strikes") are left out. Returns (start, end, country, rule) of each
    demonym not inside a mention; a demonym right after "pro-"/"anti-" is an attitude."""
    names = frozenset(countries)
    forces = lexicon.military_nouns & words("candidates_collective_heads")
    heads = forces | lexicon.government_nouns
    busy: bytearray | None = None  # built at the first phrase with a head: most have none
    out: list[SideSpan] = []
    for g in _DEMONYM_PHRASE_RE.finditer(text):
        word, mod, noun = g.group(1), g.group(2), g.group(3)
        if mod in heads:  # "<Demonym> troops withdrew": the noun came first
            mod, noun = None, mod
        if noun not in heads or (mod is not None and mod not in lexicon.modifier_words):
            continue
        if busy is None:
            busy = bytearray(len(text) + 1)
            for m in mentions:
                busy[m.start : m.end] = b"\x01" * (m.end - m.start)
        if busy.find(1, g.start(1), g.end(1)) >= 0:  # any(busy[...]): the bytes are 0 or 1
            continue
        country = country_of_demonym(word, names, irregular)
        if country is not None and word not in names:
            rule = "demonym_military" if noun in forces else "demonym_government"
            out.append((g.start(1), g.end(1), country, rule))
    return out


_GIVEN_NAME_RE = re.compile(rf"[{_UP}][a-z]+")
_SURNAME_AFTER_RE = re.compile(rf" ([{_UP}]\w*(?:-\w+)*)")


def _given_initials(names: Iterable[str]) -> set[str]:
    """First letters of a person's given names (the first word of each name of two or more
    words): a spelling variant ("Sergei"/"Sergey") keeps the letter, another person rarely."""
    return {toks[0][0] for n in names if len(toks := str(n).split()) >= 2}


def join_given_names(text: str, spans: Sequence[Span], mentions: Sequence[Mention],
                     person_names: Mapping[str, Sequence[str]],
                     surnames: Mapping[str, Sequence[str]], *,
                     lexicon: Lexicon = DEFAULT_LEXICON) -> tuple[list[Span], set[int], set[Span]]:
    """A given name the registry does not know before a registry person's surname ("<Other>
    <Surname>": a relative) is another person, named by both words, not the registry person.

    ``person_names`` holds each registry person's names, ``surnames`` the registry persons by
    surname form. Returns the spans (joined ones extended over the surname), the indices of
    ``mentions`` a joined span swallowed, and the joined spans."""
    cw = _words(lexicon)
    by_start = {m.start: i for i, m in enumerate(mentions)}
    out: list[Span] = []
    swallowed: set[int] = set()
    joined: set[Span] = set()
    for s, e, name in spans:
        toks = name.split()
        nxt = _SURNAME_AFTER_RE.match(text, e)
        if nxt is None or len(toks) > 2 or _has_org_head(name, cw) or any(
                t in cw.titles or not _GIVEN_NAME_RE.fullmatch(t) for t in toks):
            out.append((s, e, name))
            continue
        word, i = nxt.group(1), by_start.get(nxt.start(1))
        if i is not None:
            mt = mentions[i]
            owners = [mt.actor_id] if mt.end == nxt.end(1) else []
        else:
            owners = list(surnames.get(word, ()))
        names = [n for aid in owners for n in person_names.get(aid, ())]
        if not owners or not any(str(n).split()[-1] == word for n in names if " " in str(n)) \
                or toks[0][0] in _given_initials(names):
            out.append((s, e, name))
            continue
        span = (s, nxt.end(1), text[s : nxt.end(1)])
        out.append(span)
        joined.add(span)
        if i is not None:
            swallowed.add(i)
    return out, swallowed, joined


def shortest_tail(name: str, names: Iterable[str]) -> str | None:
    """The shortest of ``names`` (two words or more) that a longer personal name ends with
    ("Aung San Suu Kyi" and "Suu Kyi"): the same person, under the shorter name."""
    tails = [n for n in names if len(n.split()) >= 2 and name.endswith(" " + n)]
    return min(tails, key=len) if tails else None

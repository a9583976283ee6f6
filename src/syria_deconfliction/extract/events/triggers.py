"""Trigger matching and its context: acceptance, negation, intent, passive, governing verbs."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from ..case import lowered
from .sentence import _QUOTES, _Article, _Sentence, _Trig
from .trigger_lexicon import TriggerLexicon
from .vocabulary import (
    _ADJ_SUFFIXES,
    _ADJECTIVES,
    _ASPECT_BEFORE_TO,
    _AUX,
    _BE,
    _CAUSATIVE_VERBS,
    _CLAUSE_PUNCT,
    _CONJ_BOUNDARY,
    _DETERMINERS,
    _MODALS_WEAK,
    _NEGATORS,
    _PASSIVE_SKIP,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE,
    _UNDERGO_VERBS,
    _low_matcher,
    _phrase_at,
    _phrases,
    _word_forms,
)

# --------------------------------------------------------------------------- triggers


# a word where a trigger form may begin: not inside a word, an elision or a hyphenation
_WORD_START = re.compile(r"(?<![\w'’-])\w+")
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")  # a word character outside ASCII
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def _entry_matches(s: _Sentence, lex: TriggerLexicon) -> list[tuple[int, re.Match[str]]]:
    """(entry index, match) of every entry's regex in the sentence, entries in lexicon order,
    each entry's matches left to right without overlap: what ``finditer`` of every entry finds.

    A form's regex only matches where the text's word equals the form's leading word (case
    aside), and a pattern's where the word starts with one of its literal prefixes, so an
    indexed entry is matched at those words only (skipping words inside its own previous
    match, as ``finditer`` does); other patterns are searched in the whole sentence. A
    sentence with a non-ASCII letter (whose case folding may differ from ``str.lower``) runs
    ``finditer`` for every entry of its words and every pattern instead.
    """
    at: dict[int, list[int]] = {}
    words = _ArticleWords.of(s.article, s.text, lex)
    hits = words.sentence_hits(s.start, s.end)
    plain = hits is not None or _NON_ASCII_WORD.search(s.text, s.start, s.end) is None
    if hits is not None:
        for pos, ids in hits:
            for i in ids:
                at.setdefault(i, []).append(pos)
    else:
        _scan_words(s, lex, plain, at)
    whole = lex.unprefixed if plain else lex.always
    for i in whole:
        at.setdefault(i, [])
    out: list[tuple[int, re.Match[str]]] = []
    for order in sorted(at):
        rx = lex.regexes[order]
        if not plain or order in whole:
            out.extend((order, m) for m in rx.finditer(s.text, s.start, s.end))
            continue
        end = -1
        for pos in at[order]:
            if pos >= end and (m := rx.match(s.text, pos, s.end)) is not None:
                out.append((order, m))
                end = m.end()
    return out


def _word_entries(low: str, lex: TriggerLexicon) -> tuple[int, ...]:
    """The indexed entries that may match at a lower-case word: by its form, then prefixes."""
    out = list(lex.first_words.get(low, ()))
    for prefix, i in lex.prefixes.get(low[:2], ()):
        if low.startswith(prefix):
            out.append(i)
    return tuple(out)


def _known_entries(lex: TriggerLexicon) -> dict[str, tuple[int, ...]]:
    """The lexicon's memo of words' entries, emptied past 100,000 words (memory stays flat)."""
    known = lex.word_entries
    if len(known) > 100_000:
        known.clear()
    return known


def _scan_words(s: _Sentence, lex: TriggerLexicon, plain: bool,
                at: dict[int, list[int]]) -> None:
    """The sentence's own scan of its words (the article's index could not serve it)."""
    words, shift = _WORD_START.finditer(s.text, s.start, s.end), 0
    if plain:
        # an ASCII sentence, lower-cased from the character before it (the look-behind's),
        # reads only the words the index or a prefix may hold
        a = max(0, s.start - 1)
        low_text = s.text[a:s.end].lower()
        if len(low_text) == s.end - a:
            words, shift = lex.word_filter.finditer(low_text, s.start - a), a
    for m in words:
        pos = m.start() + shift
        for i in _word_entries(m.group().lower(), lex):
            at.setdefault(i, []).append(pos)


_RUN_ACROSS = re.compile(r"\w\w")  # a word running on over a sentence end


class _ArticleWords:
    """The trigger words of a whole article, read once: the word filter over the article's
    lower-cased text, with the entries each word may open, and where non-ASCII letters stand.

    A sentence with no non-ASCII letter gets the words that start in it, which are the words
    its own scan finds: the filter's matches are whole runs of word characters (the
    look-behind refuses a start inside one), lower-casing keeps every offset (checked for the
    article), and the look-behind reads the same character before the sentence. Only a word
    running on over the sentence's end would be cut there by the sentence's own scan: such a
    sentence scans itself."""

    def __init__(self, text: str, lex: TriggerLexicon) -> None:
        self.lex, self.text = lex, text
        self.non_ascii = _non_ascii_letters(text)
        low = lowered(text)  # (the article's lower case, remembered for several rules)
        if low is None:  # a text with "ı", "ſ" or "İ": its own lower case
            low = text.lower()
        self.starts: list[int] | None = None
        self.entries: list[tuple[int, ...]] = []
        if len(low) == len(text):
            self.starts = []
            known = _known_entries(lex)
            for at, w in _filtered_words(low, lex):
                self.starts.append(at)
                ids = known.get(w)
                if ids is None:
                    ids = known[w] = _word_entries(w, lex)
                self.entries.append(ids)

    @classmethod
    def of(cls, art: _Article, text: str, lex: TriggerLexicon) -> _ArticleWords:
        words = art.trigger_words
        if not isinstance(words, cls) or words.lex is not lex or words.text is not text:
            words = art.trigger_words = cls(text, lex)
        return words

    def sentence_hits(self, start: int, end: int) -> list[tuple[int, tuple[int, ...]]] | None:
        """(offset, entries) of the sentence's words, or None when it must scan itself."""
        if self.starts is None or bisect_left(self.non_ascii, start) \
                != bisect_left(self.non_ascii, end) or _RUN_ACROSS.match(self.text, end - 1):
            return None
        a, b = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return list(zip(self.starts[a:b], self.entries[a:b], strict=True))


def _filtered_words(low: str, lex: TriggerLexicon) -> Iterator[tuple[int, str]]:
    """(offset, word) of the matches of ``lex.word_filter`` in ``low``, in order: a word at
    the text's start, then the words after a character (``word_filter_after``); a match is a
    whole run of word characters, so the next one's character before it follows it."""
    first = lex.word_filter.match(low)
    if first is not None:
        yield 0, first.group()
    for m in lex.word_filter_after.finditer(low):
        yield m.start(1), m.group(1)


def _non_ascii_letters(text: str) -> list[int]:
    """The offsets of the text's non-ASCII word characters, in order (what
    ``_NON_ASCII_WORD.finditer`` finds): the distinct characters of the text are few, the
    non-ASCII letters among them fewer (most non-ASCII characters are quotation marks and
    dashes), and only those are looked for, so no letter pattern runs over the whole text.
    The distinct characters are those left when the runs of ASCII characters are cut out (one
    character class the engine repeats; cheaper than a set of every character)."""
    if text.isascii():
        return []
    letters = [c for c in set(_ASCII_RUN.sub("", text)) if _NON_ASCII_WORD.match(c)]
    out: list[int] = []
    for c in letters:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _match_triggers(s: _Sentence, lex: TriggerLexicon) -> list[_Trig]:
    found: list[_Trig] = []
    spans = [(m.start, m.end) for m in s.mentions]
    for order, m in _entry_matches(s, lex):
        entry = lex.entries[order]
        a, b = m.start(), m.end()
        if spans and _overlaps(a, b, spans):
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


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    for ms, me in spans:  # noqa: SIM110 - a loop: no generator per call (called often)
        if ms < b and a < me:
            return True
    return False


def _accept(s: _Sentence, t: _Trig) -> bool:
    e = t.entry
    prev, nxt = s.low(t.t0 - 1), s.low(t.t1)
    word = s.low(t.t0)
    if prev in e.not_preceded_by:
        return False
    if e.not_followed_by:
        ahead = " ".join((s.lows[t.t1:t.t1 + 3] + ["", "", ""])[:3])  # "" past the end
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
    match = _low_matcher(words)
    for i in range(a, min(b, len(s.toks))):
        w = s.low(i)
        if w in (".", ";", ":", "?", "!"):
            return None
        if match(w):
            return i
    return None


def _near(s: _Sentence, t0: int, t1: int, words: Sequence[str], window: int,
          both: bool = False) -> bool:
    """A word of ``words`` within ``window`` tokens after (and with ``both`` before) the
    trigger, or inside a multi-word trigger after its first word."""
    lo = max(0, t0 - window) if both else t1
    hi = min(len(s.toks), t1 + window)
    # the words of [lo, hi) outside [t0, t1), and of (t0, t1), as slices (every bound is in
    # the sentence; an empty range an empty slice)
    lows, cut = s.lows, max(lo, t1)
    seq = lows[lo:max(lo, min(hi, t0))] + lows[cut:max(cut, hi)] + lows[t0 + 1:max(t0 + 1, t1)]
    exact, prefixes, phrases = _near_forms(words)
    if not exact.isdisjoint(seq) or bool(prefixes) and any(w.startswith(prefixes) for w in seq):
        return True
    # an item of several words ("air campaign") wholly in the window, outside the trigger
    # (tried only where its first word stands in the window: _phrase_at needs it there)
    in_window = lows[lo:hi]
    return any(_phrase_at(lows, i, p) for p in phrases if len(p) < 2 or p[0] in in_window
               for i in range(lo, hi - len(p) + 1) if i + len(p) <= t0 or i >= t1)


_NEAR_FORMS: dict[int, tuple[Sequence[str], tuple[frozenset[str], tuple[str, ...],
                                                   tuple[tuple[str, ...], ...]]]] = {}


def _near_forms(words: Sequence[str]
                ) -> tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """``_word_forms`` and ``_phrases`` of a word list, remembered by the list's identity (the
    lists are the lexicon's, asked for by every trigger; the list is kept with its forms, so
    its identity cannot pass to another list)."""
    hit = _NEAR_FORMS.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    items = tuple(words)
    forms = (*_word_forms(items), _phrases(items))
    if len(_NEAR_FORMS) > 4096:
        _NEAR_FORMS.clear()
    _NEAR_FORMS[id(words)] = (words, forms)
    return forms


# --------------------------------------------------------------------------- context

_LIST_BREAKS = _CONJ_BOUNDARY | _RELATIVE | {"and", "but"}  # words a list's comma cannot precede


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
                and s.low(i + 1) not in _LIST_BREAKS:
            i -= 1  # "basic, technical talks"
            continue
        if w in _CLAUSE_PUNCT or w in (",", "that", "which", "who", "but") or w in _QUOTES:
            return None
        # "hoping to host the second round of talks": the verb and two modifiers may come between
        if w == "to" and i >= t.t0 - 4 and (s.low(i - 1) in lex.planned_before_to or any(
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
    """'aux' (was attacked, were blown up), 'bare' (forces backed by X), 'under' (came under
    fire from X) or None; a particle verb or phrase pattern only after a form of "be" ("have
    been blown up by X")."""
    if s.low(t.t0) in _UNDERGO_VERBS and s.low(t.t0 + 1) == "under":
        return "under"
    if t.form == "n":
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
    if s.low(t.t1) == "by" and s.low(t.t0 - 1) not in _AUX and t.form == "v" \
            and not t.entry.particle:
        return "bare"
    if _causative_object(s, t) is not None:
        return "causative"
    return None


def _causative_object(s: _Sentence, t: _Trig) -> int | None:
    """'wanted to have X killed', 'got X released': the mention X right before the participle
    undergoes the act; the subject of 'have' does it."""
    k = s.mention_ending_at(t.t0)
    if k is None:
        return None
    a = s.m_tok[k][0]
    for i in range(a - 1, max(-1, a - 4), -1):
        if s.low(i) in _CAUSATIVE_VERBS:
            return k
        if not s.toks[i].text.isalpha() or s.is_verbish(i):
            return None
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
        between = s.lows[g.t1:t.t0]  # g ends before t
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
    """An accuse/blame trigger whose 'of/for ...' complement holds t, or a criticize trigger
    whose 'for ...' complement does ("condemned X for shelling Y": X shelled Y)."""
    for g in trigs:
        if g is t or g.entry.kind not in ("accuse", "criticize") or g.t1 > t.t0:
            continue
        span = s.lows[g.t1:t.t0]  # g ends before t
        preps = ("of", "for") if g.entry.kind == "accuse" else ("for",)
        if any(p in span for p in preps) and len(span) <= 10 and not any(
            w in _CLAUSE_PUNCT or w in (".", ",") for w in span
        ):
            return g
    return None



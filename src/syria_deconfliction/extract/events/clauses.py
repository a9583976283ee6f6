"""Clauses and reporting frames: where a trigger's clause starts and who frames it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..lexicon import words
from .model import _STATEMENT_FRAME_KINDS
from .sentence import _FRAME_ING, _INVERTIBLE, _QUOTES, _Clause, _Frame, _Sentence, _Trig
from .vocabulary import (
    _AUX,
    _CLAUSE_PUNCT,
    _CONJ_BOUNDARY,
    _DETERMINERS,
    _HYPOTHETICAL,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE,
)

# --------------------------------------------------------------------------- clauses

_SUBORDINATORS = words("events_subordinators")
_FRONTED = words("events_fronted_openers")
# every word one of _find_clause's tests reads at the token it looks at
_CLAUSE_WORDS = frozenset({",", "as", "with", "where", "that"}) | _CLAUSE_PUNCT \
    | _CONJ_BOUNDARY | _RELATIVE | _SUBORDINATORS


def _clause(s: _Sentence, t0: int, frames: list[_Frame]) -> _Clause:
    """The clause holding token t0: where it starts and what to skip before t0. Against the
    sentence's finished frames (``s.frames``) each token's clause is found once: a trigger's
    candidate, subject and pronoun rules all ask for it (the callers only read it)."""
    if frames is not s.frames:
        return _find_clause(s, t0, frames)
    c = s.clauses.get(t0)
    if c is None:
        c = s.clauses[t0] = _find_clause(s, t0, frames)
    return c


def _find_clause(s: _Sentence, t0: int, frames: list[_Frame]) -> _Clause:
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
        if w not in _CLAUSE_WORDS or skips and _in_skips(i, skips):
            i -= 1  # a word no test below holds (most), or a skipped one
            continue
        if w == ",":
            comma = i
        elif w in _CLAUSE_PUNCT:
            opener = _fronted_end(s, i + 1, t0)
            if opener is not None:
                return _Clause(opener + 1, "conj", opener, skips=skips)
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
        elif w in _SUBORDINATORS and (comma is None and _subordinate(s, i, t0)
                                      or _participle_aside(s, i, t0)):
            return _Clause(i + 1, "conj", i, skips=skips)
        i -= 1
    opener = _fronted_end(s, floor, t0)
    if opener is not None:
        return _Clause(opener + 1, "conj", opener, skips=skips)
    return _Clause(floor, kind, floor - 1, skips=skips)


def _participle_aside(s: _Sentence, i: int, t0: int) -> bool:
    """'as X, backed by Y, made advances': the only commas after the subordinator set a
    participle phrase aside, so the subordinate clause goes on to t0."""
    commas = [j for j in range(i + 1, t0) if s.low(j) == ","]
    if len(commas) != 2 or not s.low(commas[0] + 1).endswith("ed") or commas[1] - commas[0] > 8:
        return False
    k = s.mention_ending_at(commas[0])  # the subordinate clause's subject, right before
    return k is not None and s.m_tok[k][0] <= i + 2 and t0 - commas[1] <= 3


def _subordinate(s: _Sentence, i: int, t0: int) -> bool:
    """'since/as/after X <verb>': word i opens a clause whose subject is a mention and whose
    verb is at t0 ("talks stalled since Ruritania joined the war": the joiner is Ruritania),
    or whose subject is a plural common noun before a verb ("X attacked as diplomats tried to
    revive talks": the talks are not X's)."""
    j = i + 1 + (s.low(i + 1) in _DETERMINERS)
    if j + 1 < t0 and s.mention_at_token(j) is None and s.toks[j].text.isalpha() \
            and s.toks[j].text.islower() and s.low(j).endswith("s") and not s.is_verbish(j) \
            and (s.is_verbish(j + 1) or s.low(j + 1) in _AUX or (
                s.low(j + 1).endswith("ed") and len(s.low(j + 1)) > 4)):
        return True
    if t0 - i > 8 or not (s.is_verbish(t0) and (t0 not in s.trig_at or s.trig_at[t0].form != "n")):
        return False
    return s.low(i + 1) in ("he", "she") or any(
        i < a and b <= t0 and s.subject_ok(k, i + 1) for k, (a, b) in enumerate(s.m_tok))


def _fronted_end(s: _Sentence, floor: int, t0: int) -> int | None:
    """The comma closing a fronted phrase before the main subject ("A day after X was hit,
    Ruritania struck Y"; "Backed by X, Ruritanian forces advanced"): the subject is after it."""
    first = floor
    while first < t0 and s.low(first) in _QUOTES:
        first += 1
    lead = next((j for j in range(first, min(t0, first + 4)) if s.low(j) in _FRONTED), None)
    if lead is None and s.low(first).endswith("ing") and s.mention_at_token(first) is None and (
        first not in s.trig_at or s.trig_at[first].form != "n"
    ):
        lead = first  # a participle phrase: "Speaking in Zenda, X said"
    if lead is None or any(s.mention_at_token(j) is not None or s.is_verbish(j)
                           for j in range(first, lead)):
        return None  # "Ruritania said after ..." - the opener must come first
    comma = next((j for j in range(lead + 1, t0) if s.low(j) == ","), None)
    if comma is None or comma + 1 >= t0:
        return None
    return comma


def _apposition(s: _Sentence, k: int, t0: int) -> int | None:
    """A person named in commas after the subject phrase, right before the verb: "A senior
    Ruritanian official, Deputy Minister Ana Kova, said ..." -> Ana Kova (the body beside)."""
    if s.actor_types.get(s.actor(k)) == "person":
        return None
    i = s.m_tok[s.heads[k]][1]
    while i < t0 and s.low(i) != "," and s.toks[i].text.islower() and i - s.m_tok[k][1] < 4:
        i += 1
    if s.low(i) != ",":
        return None
    for k2 in range(k + 1, len(s.mentions)):
        a, b = s.m_tok[s.heads[k2]]
        if a <= i or a > i + 5 or s.actor_types.get(s.actor(k2)) != "person":
            continue
        if s.low(b) == "," and 0 < t0 - b <= 3 and not any(
            s.mention_at_token(j) is not None for j in range(b, t0)
        ):
            return s.heads[k2]
        return None
    return None


def _introducing_bodies(s: _Sentence, person: str, upto: int) -> tuple[str, ...]:
    """Bodies that introduce a person before token ``upto``: the rest of a title chain ("U.N.
    envoy Ana Kova") or the phrase she is in apposition to ("The U.N. spokesman, Ana Kova,")."""
    out: list[str] = []
    for k in range(len(s.mentions)):
        if s.m_tok[k][0] >= upto:
            break
        head = s.heads[k]
        other = s.mentions[k].actor_id
        if s.actor(k) == person and k != head and other != person:
            out.append(other)  # chained to the person
        elif s.actor(k) != person and _apposition(s, k, upto) is not None and \
                s.actor(_apposition(s, k, upto) or 0) == person:
            out.append(s.actor(k))
    return tuple(a for a in dict.fromkeys(out) if s.actor_types.get(a) != "person")


_APPOSITIVE_ROLES = words("events_appositive_role_nouns")


def _appositive_bodies(s: _Sentence) -> dict[str, tuple[str, ...]]:
    """Bodies a person is tied to by an apposition after the name: "Ana Kova, a spokesman for
    the Ruritanian opposition's council (RC), said" -> the opposition and the council."""
    out: dict[str, tuple[str, ...]] = {}
    for k, (_a, b) in enumerate(s.m_tok):
        if s.heads[k] != k or s.low(b) != "," or s.actor_types.get(s.actor(k)) != "person":
            continue
        i = b + 1 + (s.low(b + 1) in ("a", "an", "the"))
        role = next((j for j in range(i, min(len(s.toks), i + 4))
                     if s.low(j) in _APPOSITIVE_ROLES), None)
        if role is None or s.low(role + 1) not in ("for", "of", "at", "to"):
            continue
        end = next((j for j in range(role + 2, min(len(s.toks), role + 14))
                    if s.low(j) in (",", ";", ".") or s.is_verbish(j)), None)
        if end is None:
            continue
        found = [s.mentions[k2].actor_id for k2, (a2, _b2) in enumerate(s.m_tok)
                 if role + 2 <= a2 < end]
        found = [x for x in dict.fromkeys(found) if s.actor_types.get(x) != "person"]
        if found:
            out.setdefault(s.actor(k), tuple(found))
    return out


def _possessive_owners(s: _Sentence) -> dict[str, str]:
    """Bodies named as a body's: "the Ruritanian opposition's negotiating council (RNC)" -> the
    council, and the abbreviation after it, belong to the opposition. A state's bodies are the
    registry's to tell ("Ruritania's opposition" is no part of Ruritania's side)."""
    out: dict[str, str] = {}
    for k, (_a, b) in enumerate(s.m_tok):
        if s.low(b) == "'s":
            b += 1
        elif not s.low(b - 1).endswith("'s"):
            continue
        k2 = s.mention_at_token(b)
        if k2 is None or k2 == k:
            continue
        owner, body = s.mentions[k].actor_id, s.mentions[k2].actor_id
        if owner == body or {s.actor_types.get(owner), s.actor_types.get(body)} & {
            "person", "state"
        }:
            continue
        out.setdefault(body, owner)
        end = s.m_tok[k2][1]
        k3 = s.mention_at_token(end + 1) if s.low(end) == "(" else None
        if k3 is not None and s.low(s.m_tok[k3][1]) == ")":
            out.setdefault(s.actor(k3), owner)
    return out


def _object_apposition(s: _Sentence, k: int) -> int | None:
    """A person named in commas after an object phrase: "declared support to the U.N. envoy
    to Ruritania, Ana Kova, ..." -> Ana Kova (the body beside)."""
    if s.actor_types.get(s.actor(k)) == "person":
        return None
    end = s.m_tok[s.heads[k]][1]
    comma = next((i for i in range(end, min(len(s.toks), end + 5)) if s.low(i) == ","), None)
    if comma is None or any(s.low(i) in _CLAUSE_PUNCT or s.is_verbish(i)
                            for i in range(end, comma)):
        return None
    k2 = s.mention_at_token(comma + 1)
    if k2 is None or s.actor_types.get(s.actor(k2)) != "person":
        return None
    return s.heads[k2] if s.low(s.m_tok[s.heads[k2]][1]) in ("", ",", ".", ";") else None


def _clause_end(s: _Sentence, t: _Trig, frames: list[_Frame]) -> int:
    """Last token (exclusive) where the trigger's object can be."""
    post = [f.region[0] for f in frames if f.kind in ("post", "parenthetical", "according")
            and f.region[0] >= t.t1]  # "..., according to X": X is the source of the words
    post += [f.tok for f in frames if f.kind == "pre" and f.tok >= t.t1]  # "Rebels fighting
    # under X say Y ...": Y is in what they say, not what they fight
    limit = min(post) if post else len(s.toks)
    skip_inf = t.entry.governs
    for i in range(t.t1, limit):
        w = s.low(i)
        if w not in _OBJECT_END_WORDS and i not in s.trig_at:
            continue  # a word no test below reads (most)
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


# every word one of _clause_end's tests reads at the token it looks at
_OBJECT_END_WORDS = _CLAUSE_PUNCT | _CONJ_BOUNDARY | _RELATIVE | frozenset(
    {"that", ".", "where", "--", ",", "to"})
_PHRASE_OPENERS = _CONJ_BOUNDARY | _RELATIVE | {"and", "but", "with", "while", "which", "who",
                                                "where"}


def _comma_ends_phrase(s: _Sentence, i: int) -> bool:
    """A comma that closes the phrase: not one inside a list ("equipment, supplies and")."""
    nxt = s.toks[i + 1] if i + 1 < len(s.toks) else None
    return nxt is None or not nxt.text[:1].islower() or nxt.low in _PHRASE_OPENERS \
        or (i + 1) in s.trig_at or nxt.low in _QUOTES


def _refine_end(s: _Sentence, t: _Trig) -> int:
    for i in range(t.t1, len(s.toks)):
        w = s.low(i)
        if w not in _REFINE_STOPS:
            continue  # a word no test below reads (most)
        if w in _CLAUSE_PUNCT or w in (".", "?", "!") or (w == "," and _comma_ends_phrase(s, i)):
            return i
    return len(s.toks)


_REFINE_STOPS = _CLAUSE_PUNCT | frozenset({".", "?", "!", ","})


def _in_skips(i: int, skips: Sequence[tuple[int, int]]) -> bool:
    for a, b in skips:  # noqa: SIM110 - a loop: no generator per call (called often)
        if a <= i < b:
            return True
    return False


# --------------------------------------------------------------------------- frames


def _frame_subject(s: _Sentence, f_tok: int, frames: list[_Frame]) -> str | None:
    """The actor who speaks in a reporting frame whose verb is at token ``f_tok``."""
    c = _clause(s, f_tok, frames)
    for k, (a, _b) in enumerate(s.m_tok):
        if c.start <= a < f_tok and not _in_skips(a, c.skips) and s.subject_ok(k, c.start, True):
            k_app = _apposition(s, k, f_tok)  # "a senior official, Ana Kova, said"
            return s.actor(k if k_app is None else k_app)
    if c.antecedent is None and c.kind == "conj" and s.low(c.boundary) in ("but", "and") \
            and f_tok - c.boundary <= 2 and c.boundary > 1:
        # "X ordered A, but said B": a second predicate of the subject before the conjunction
        return _frame_subject(s, c.boundary - (s.low(c.boundary - 1) == ","), frames)
    return c.antecedent


def _mention_in(s: _Sentence, a: int, b: int) -> str | None:
    for k, (x, _y) in enumerate(s.m_tok):
        if a <= x < b:
            return s.actor(k)
    return None


def _is_frame_word(s: _Sentence, i: int) -> str | None:
    tok = s.toks[i]
    status = s.lex.frame_status.get(tok.low)
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
    frame_words, lows = s.lex.frame_status, s.lows
    # only the reporting verbs (few words) get the full test below: the article's, by
    # bisection (the sentence's tokens are the article's parts from s.part0 on)
    at, a0 = s.article.frame_parts(frame_words), s.part0
    for i in [j - a0 for j in at[bisect_left(at, a0):bisect_left(at, a0 + n)]]:
        status = _is_frame_word(s, i)
        if status is None:
            continue
        # the last comma or dash before the verb (looking back from it: it is usually near)
        left = next((j for j in range(i - 1, -1, -1) if lows[j] in (",", "—", "–")), None)
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
            if k is not None and s.low(s.m_tok[k][1]) in ("", ".", ",", "!", "?", ";", ":"):
                # '"...," said Melnik.' - not ", says Ruritanian forces struck X" (a subject)
                claimer, verb_end = s.actor(k), s.m_tok[k][1]
            elif i == n - 1 or all(s.low(x) in (".", "!") for x in range(i + 1, n)):
                pass  # "... — Reports"
            else:
                left = None
        else:
            left = None
        # what follows the frame verb up to the next comma
        j = verb_end
        while j < n and lows[j] not in _TAIL_ENDS:
            j += 1
        # "..., X said he was working to ...": a clause follows, so no parenthetical frame
        tail_has_event = s.low(verb_end) in _PRONOUNS or any(
            x in s.trig_at or s.low(x) == "that" for x in range(verb_end, j))
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
            if s.low(x) in ("that", ":") or (s.low(x) in ("“", '"') and x <= verb_end + 1):
                body = x + 1  # a quote mark later in the words is a scare quote, not the start
                break
        frames.append(_Frame(i, status, None, "pre", body, _body_end(s, body), (i, body)))
    for i in range(n - 1) if "according" in lows else ():  # "according to X, ..."
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


_BODY_ENDS = frozenset({";", ":", "but"})
_TAIL_ENDS = frozenset({",", ".", ";", ":", "?", "!"})  # what ends a frame verb's words


def _body_end(s: _Sentence, body: int) -> int:
    """Where the reported words end: ";", ", but", or ":" unless a quotation follows it
    ("told X that he had a message: 'You will be crushed'" - the quote is what was said)."""
    if s.body_ends is None:  # the tokens that end reported words, found once per sentence
        s.body_ends = [j for j, w in enumerate(s.lows) if w in _BODY_ENDS and (
            w == ";" or (w == ":" and s.low(j + 1) not in _QUOTES) or (
                w == "but" and s.low(j - 1) == ","))]
    k = bisect_left(s.body_ends, body)
    return s.body_ends[k] if k < len(s.body_ends) else len(s.toks)


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



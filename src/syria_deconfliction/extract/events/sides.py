"""Sides of a verb trigger: the active subject and object, the passive agent, pronoun
subjects and threats' targets (the clause rules of roles.py put together per voice)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import _apposition, _clause, _clause_end, _object_apposition
from .roles import (
    _between,
    _conjuncts,
    _coordinated_partner,
    _gapped_conjunct,
    _joint_subject,
    _mention_after,
    _object_index,
    _object_relative,
    _subject,
)
from .sentence import _Frame, _Sentence, _Trig
from .triggers import _causative_object
from .vocabulary import _CLAUSE_PUNCT

_PERSON_PRONOUNS = frozenset({"he", "she"})


@dataclass
class _Roles:
    source: str | None = None
    target: str | None = None
    k_src: int = -1  # the source's mention, when it is one
    also: list[str] = field(default_factory=list)  # objects coordinated with the target
    beside: tuple[str, ...] = ()  # the body a source person was introduced by
    target_beside: tuple[str, ...] = ()  # the same for a target person
    gapped: int = -1  # a gapped second object's last token + 1: its own date follows it


def _passive_roles(s: _Sentence, t: _Trig, frames: list[_Frame], claimer: str | None,
                   passive: str) -> _Roles:
    """'was attacked by X' -> X, the subject as target; 'forces backed by X' -> X, the noun
    before as target."""
    r = _Roles()
    agent_words = ("by", "from") if passive == "under" else ("by",)
    for i in range(t.t1, min(len(s.toks), t.t1 + 3)):
        if s.low(i) in agent_words:
            k = _mention_after(s, i + 1, 5)
            r.source = s.actor(k) if k is not None else None
            r.k_src = k if k is not None else -1
            break
    if passive == "causative":  # "X had Y killed": X's act on Y
        k = _causative_object(s, t)
        r.target = s.actor(k) if k is not None else None
        probe = _Trig(t.entry, t.start, t.end, s.m_tok[k][0] - 1, s.m_tok[k][0], t.form) \
            if k is not None else t
        r.source, r.k_src, _how = _subject(s, probe, frames, False, claimer)
    elif passive in ("aux", "under"):
        r.target = _subject(s, t, frames, False, claimer)[0]
    else:
        for k in range(len(s.mentions) - 1, -1, -1):
            a, b = s.m_tok[k]
            if b <= t.t0 and t.t0 - b <= 8 and not any(
                s.low(j) in _CLAUSE_PUNCT for j in range(b, t.t0)
            ):
                r.target = s.actor(k)
                break
    return r


def _active_roles(s: _Sentence, t: _Trig, frames: list[_Frame], kinetic: bool,
                  claimer: str | None, prior: str | None, rules: list[str]) -> _Roles:
    """Subject (a pronoun's person, a person in apposition), then the partner of a symmetric
    trigger, "between X and Y", or the object (with its coordinated objects)."""
    e = t.entry
    r = _Roles()
    r.source, r.k_src, how = _subject(s, t, frames, kinetic, claimer)
    pron = _pronoun_subject(s, t, frames, prior)
    if pron is not None and (r.k_src < 0 or s.m_tok[r.k_src][0] > pron[1]):
        r.source, r.k_src, how = pron[0], -1, "pronoun=person-named-last"
        if e.symmetric and pron[2] is not None and pron[2] != r.source:
            r.target = pron[2]  # "he and Y discussed ..."
    if r.k_src >= 0 and (k_app := _apposition(s, r.k_src, t.t0)) is not None:
        r.beside, r.source, r.k_src = (r.source or "",), s.actor(k_app), k_app
        how += ";apposition"
    if how:
        rules.append(how)
    if e.symmetric and r.target is None and not (r.k_src >= 0 and _joint_subject(s, r.k_src)):
        partner = _coordinated_partner(s, r.k_src, t.t0)
        if partner and partner != r.source:
            r.target = partner
            rules.append("coordinated")
    if r.target is None and e.symmetric:
        a, b = _between(s, t)
        if a and b:
            r.source, r.target = r.source or a, b if b != (r.source or a) else a
    if r.target is None:
        k_obj = _object_index(s, t, frames, r.source)
        if k_obj is not None and (k_app := _object_apposition(s, k_obj)) is not None:
            r.target_beside, k_obj = (s.actor(k_obj),), k_app
        if k_obj is not None:
            r.target = s.actor(k_obj)
            r.also = [s.actor(j) for j in _conjuncts(s, k_obj)]
            if not r.also and (k_gap := _gapped_conjunct(s, k_obj, len(s.toks))) is not None:
                r.also = [s.actor(k_gap)]
                r.gapped = s.m_tok[k_gap][1]
    c = _clause(s, t.t0, frames)
    if r.target is None and c.antecedent and c.antecedent != r.source \
            and _object_relative(s, c, t):
        r.target = c.antecedent
        rules.append("object-relative")
    if r.target is None and (them := _them_of_first_predicate(s, t, r.source)):
        r.target = them
        rules.append("them=first-object")
    return r


def _them_of_first_predicate(s: _Sentence, t: _Trig, source: str | None) -> str | None:
    """'X met Y in Z and asked them to ...': 'them' right after a second predicate is the side
    named last before it (the first predicate's object), not the subject."""
    if s.low(t.t1) != "them" or "and" not in (s.low(t.t0 - 1), s.low(t.t0 - 2)):
        return None
    before = [k for k, (_a, b) in enumerate(s.m_tok) if b <= t.t0 and s.actor(k) != source]
    return s.actor(before[-1]) if before else None


def _threatened(s: _Sentence, t: _Trig, frames: list[_Frame], source: str | None) -> str | None:
    """A threat's target after 'for' or 'against' in its clause: "warned of consequences for
    X's actions" -> X."""
    end = _clause_end(s, t, frames)
    for i in range(t.t1, end):
        if s.low(i) in ("for", "against"):
            k = _mention_after(s, i + 1, 4)
            if k is not None and s.actor(k) != source:
                return s.actor(k)
    return None


def _asked_of(s: _Sentence, t: _Trig, frames: list[_Frame], source: str | None) -> str | None:
    """Whom an appeal or demand is addressed to after 'from' in its clause: "a plea for
    fresh concessions from X", "demanded guarantees from X" -> X."""
    end = _clause_end(s, t, frames)
    for i in range(t.t1, min(end, t.t1 + 8)):
        if s.low(i) == "from":
            k = _mention_after(s, i + 1, 3)
            if k is not None and s.actor(k) != source:
                return s.actor(k)
            return None
    return None


def _pronoun_subject(s: _Sentence, t: _Trig, frames: list[_Frame], prior: str | None
                     ) -> tuple[str, int, str | None] | None:
    """A clause with "he"/"she" as subject ("After X met Y, he said", "X wanted to strike Y
    after he used gas" -> Y): the person named last before the pronoun, outside quotation
    marks, in the sentence or else before it; with the mention coordinated after it ("he and
    Y discussed"). Frames have their own rule (the reporter)."""
    c = _clause(s, t.t0, frames)
    first = c.start
    while first < t.t0 and s.low(first) in ("“", '"', "'", "‘"):
        first += 1
    if s.low(first) not in _PERSON_PRONOUNS or c.kind == "frame":
        return None
    actor = prior
    for k in range(len(s.mentions)):
        if s.m_tok[k][0] >= first or s.actor_types.get(s.actor(k)) != "person":
            continue  # (the quotation marks are counted for the persons before only)
        before = s.text[s.start:s.mentions[k].start]
        if not (before.count("“") > before.count("”") or before.count('"') % 2 == 1):
            actor = s.actor(k)
    if actor is None:
        return None
    partner = None
    if s.low(first + 1) == "and" and (k2 := s.mention_at_token(first + 2)) is not None:
        partner = s.actor(k2)
    return actor, first, partner

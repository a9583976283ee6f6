"""Candidates: one per accepted trigger, with code, status, roles, date and place."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..dates import DateExpr, ResolvedDate, find_date_expressions, resolve
from ..document import Document
from ..lexicon import sequence, words
from ..mentions import Mention
from .clauses import (
    _applicable_frame,
    _appositive_bodies,
    _clause,
    _find_frames,
    _possessive_owners,
    _refine_end,
)
from .coref import member_state_mentions, side_noun_mentions, without_backers
from .dateline import without_datelines
from .identity import identified_groups
from .model import _KINETIC_KINDS, _PHYSICAL_KINDS, _RELAYING_TYPES, _STATUS_RANK, Candidate
from .places import _fold, _Gazetteer, _gazetteer
from .roles import (
    _coordinated_partner,
    _noun_roles,
    _object,
    _subject,
)
from .sentence import (
    _AREA_NOUNS,
    _LOCATIVE,
    _PLACE_TIER,
    _Article,
    _Frame,
    _Sentence,
    _Trig,
    in_other_relative,
)
from .sides import _PERSON_PRONOUNS, _active_roles, _asked_of, _passive_roles, _threatened
from .statements import statement_candidates
from .trigger_lexicon import TriggerLexicon, load_lexicon
from .triggers import _allegation, _governed, _match_triggers, _near, _negated, _passive, _planned
from .vocabulary import _DETERMINERS

# --------------------------------------------------------------------------- main

_NUMBER_ORDER = sequence("events_number_words")  # one two three ... in order
_PRESS_RULE_WORDS = words("events_press_rule_words")
_FORM_CONFIDENCE = {"v": 0.5, "n": 0.4, "p": 0.55}  # a verb, a noun, a phrase pattern
_COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})  # CAMEO cooperation


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
    mentions = without_backers(text, without_datelines(text, mentions))
    mentions = sorted([*mentions, *side_noun_mentions(text, mentions, actor_parents,
                                                      actor_types),
                       *member_state_mentions(text, mentions)],
                      key=lambda m: (m.start, m.end))
    dates = [_since_inner(text, d) if d.kind == "since" else d
             for d in find_date_expressions(text)]
    gaz = _gazetteer(places) if places else None
    bodies = {a: (p,) for a, p in actor_parents.items()
              if p and actor_types.get(a) == "person"}
    out: list[Candidate] = []
    # Each sentence sees only the mentions and dates that start in it (by bisection, in their
    # order), so the work stays linear in the text however many sentences a line holds.
    m_starts = [m.start for m in mentions]
    s_starts = [s0 for s0, _ in doc.sentences]
    dates_in: dict[int, list[DateExpr]] = {}
    for d in dates:
        dates_in.setdefault(bisect_right(s_starts, d.start) - 1, []).append(d)
    article = _Article(doc)
    last_person: tuple[str, int] | None = None  # whom "he said" refers to, and where named
    last_speaker: tuple[str, int] | None = None  # whom a sentence-opening "They said" is
    last_body: tuple[str, int] | None = None  # whom a sentence's subject "it" refers to
    for k, (s0, e0) in enumerate(doc.sentences):
        near = mentions[bisect_left(m_starts, s0):bisect_left(m_starts, e0)]
        groups, naming = identified_groups(text, near)
        if naming:
            near = [m for m in near if m.start not in naming]
        s = _Sentence(doc, s0, e0, near, lex, actor_types, actor_parents, article)
        for person, tied in _appositive_bodies(s).items():  # for the rest of the article
            article.bodies.setdefault(person, tied)
            bodies.setdefault(person, tied)
        for body, owner in _possessive_owners(s).items():
            article.owners.setdefault(body, owner)
        sdates = dates_in.get(k, [])
        trigs = _match_triggers(s, lex)
        for t in trigs:
            for i in range(t.t0, t.t1):
                s.trig_at[i] = t
        frames = _find_frames(s, trigs)
        prior = last_person[0] if last_person and k - last_person[1] <= 2 else None
        last_person = _pronoun_speakers(s, frames, last_person, k)
        last_speaker = _they_speakers(s, frames, last_speaker, k)
        s.frames = frames  # finished: the clauses found against them may be kept
        body = last_body[0] if last_body and k - last_body[1] == 1 else None
        last_body = _first_body(s, k) or last_body
        cands = [c for t in trigs
                 for c in _candidate(s, t, trigs, frames, published, sdates, gaz, prior, body)]
        merged = _exchange_targets(_merge_force(cands))
        merged += statement_candidates(s, frames, merged, published, sdates, bodies)
        merged.sort(key=lambda c: c.trigger_start)
        for c in [_with_groups(c, groups) for c in merged] if groups else merged:
            if c.source_actor_id or c.target_actor_id or (
                (c.cameo_code[:2] in ("15", "18", "19", "20") or c.cameo_code == "0874")
                and (c.date_text is not None
                     or (c.place_id is not None and "noun" not in c.rule.split(";")))
            ):  # a side, or a physical act with a date or a place (a noun's place is no act)
                out.append(c)
    return _fold_repeats(text, _anaphoric_sources(text, out))


def _with_groups(c: Candidate, groups: Mapping[str, str]) -> Candidate:
    """A side named as part of a group ("rebels under the banner of Y") lists Y beside it."""
    src, tgt = groups.get(c.source_actor_id or ""), groups.get(c.target_actor_id or "")
    if src is None and tgt is None:
        return c
    return replace(c, source_parties=_joined(c.source_parties, src),
                   target_parties=_joined(c.target_parties, tgt))


def _joined(parties: tuple[str, ...], extra: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(parties + (extra,))) if extra else parties


def _pronoun_speakers(s: _Sentence, frames: list[_Frame], last: tuple[str, int] | None,
                      here: int) -> tuple[str, int] | None:
    """'he said' / 'she told' with no named speaker: the person named first (the usual
    subject) in the last sentence that names one, outside quotation marks, at most two
    sentences back ("Ana Kova met Y. She said ..." -> Ana Kova, not Y; a name inside someone's
    quoted words is no antecedent). Returns that person for the sentence, with its number."""
    for f in frames:
        if f.claimer is None and s.low(f.tok - 1) in _PERSON_PRONOUNS and last is not None \
                and here - last[1] <= 2:
            f.claimer = last[0]
    for k in range(len(s.mentions)):
        if s.actor_types.get(s.actor(k)) != "person":
            continue  # (the quotation marks before are counted for persons only)
        before = s.text[s.start:s.mentions[k].start]
        if not (before.count("“") > before.count("”") or before.count('"') % 2 == 1):
            return (s.actor(k), here)  # the first person named: usually the subject
    return last


def _first_body(s: _Sentence, here: int) -> tuple[str, int] | None:
    """The first actor of a sentence that is no person (its usual subject), with its number."""
    k = next((k for k in range(len(s.mentions))
              if s.actor_types.get(s.actor(k)) not in (None, "person")), None)
    return (s.actor(k), here) if k is not None else None


def _they_speakers(s: _Sentence, frames: list[_Frame], last: tuple[str, int] | None,
                   here: int) -> tuple[str, int] | None:
    """"E, a union leader and observers said. They said F.": a sentence that opens with
    "They said" goes on with the speakers of the sentence before (its first one). Returns the
    first speaker of this sentence, with its number, for the next."""
    for f in frames:
        if f.claimer is None and f.tok == 1 and s.low(0) == "they" and last is not None \
                and here - last[1] == 1:
            f.claimer = last[0]
    first = next((f.claimer for f in sorted(frames, key=lambda f: f.tok) if f.claimer), None)
    return (first, here) if first is not None else None


def _anaphoric_sources(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'Air strikes hit Zenda. They said Ruritanian jets carried out the attacks.': a force
    noun after 'the' and a light verb restates the force event of the sentence before, whose
    missing source it names (the earlier candidate gets that source; both stay)."""
    out = list(cands)
    for c in cands:
        if c.source_actor_id is None or c.cameo_code[:2] not in ("18", "19", "20") \
                or text[max(0, c.trigger_start - 4):c.trigger_start].lower() != "the " \
                or "noun:clause-subject" not in c.rule:
            continue  # only "X carried out/conducted the <noun>" restates (not "ordered the")
        before = [i for i, p in enumerate(out) if p.sentence_end <= c.sentence_start
                  and not text[p.sentence_end:c.sentence_start].strip(" \n\"”’")
                  .count(".") and p.cameo_code[:2] in ("18", "19", "20")]
        for i in before:
            p = out[i]
            if p.source_actor_id is None and p.target_actor_id != c.source_actor_id and (
                None in (p.target_actor_id, c.target_actor_id)
                or p.target_actor_id == c.target_actor_id
            ):
                out[i] = replace(p, source_actor_id=c.source_actor_id,
                                 source_parties=c.source_parties,
                                 rule=f"{p.rule};source-named-after:{c.trigger}")
    return out


def _fold_repeats(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop repeats: a headline candidate the body restates (same root code and sides), and a
    later candidate with the same code, source, target, date and status as an earlier one (one
    row per event; "rebels attacked ... rebels captured" on one day are two acts)."""
    first_nl = text.find("\n")
    headline_end = first_nl if first_nl > 0 and text[first_nl:first_nl + 2] == "\n\n" else -1

    def key(c: Candidate) -> tuple[Any, ...]:
        return (c.cameo_code, c.source_actor_id, c.target_actor_id,
                c.date.date_start if c.date else c.date_text, c.claim_status)

    body = {key(c) for c in cands if c.sentence_start > headline_end}
    body_sides = {(b[0][:2], *b[1:3]) for b in body}
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in cands:
        k = key(c)
        if c.sentence_end <= headline_end and (k in body or (k[0][:2], *k[1:3]) in body_sides):
            continue
        statement = c.rule.startswith("statement")  # each reported statement is its own act
        if c.sentence_start > headline_end and (c.source_actor_id or c.target_actor_id) \
                and not statement:
            if k in seen:
                continue
            seen.add(k)
        out.append(c)
    return out


def _candidate(s: _Sentence, t: _Trig, trigs: list[_Trig], frames: list[_Frame],
               published: dt.date | None, dates: Sequence[DateExpr],
               gaz: _Gazetteer | None, prior: str | None = None,
               body: str | None = None) -> list[Candidate]:
    """The candidates of trigger t (one per coordinated object); ``prior`` is the person named
    last before the sentence (for a "he"/"she" subject), ``body`` the first actor of the
    sentence before that is no person (for an "it" subject)."""
    e, lex = t.entry, s.lex
    if _governed(s, t, trigs, lex) is not None:
        return []
    clause = _clause(s, t.t0, frames)
    if clause.kind == "if":
        return []  # a condition, not a reported event
    if e.kind == "consult" and s.low(t.t0 - 1) == "to" and s.low(t.t0 - 2) in _PRESS_RULE_WORDS:
        return []  # "spoke on condition of anonymity to discuss ...": the press rules
    rules = [e.id] + (["noun"] if t.form == "n" else [])
    code, planned_code = _refined_code(s, t, clause.start, rules)
    negated = _negated(s, t)
    planned = _planned(s, t, lex)
    passive = _passive(s, t)
    frame = _applicable_frame(t, frames)
    alleg = _allegation(s, t, trigs)

    status, claimer = _claim_status(s, t, frame, clause.start, rules)

    kinetic = e.kind in _KINETIC_KINDS
    source: str | None = None
    target: str | None = None
    k_src = -1  # the source's mention, when it is one
    also: list[str] = []  # objects coordinated with the target, one candidate each
    gapped = -1  # "met X on Monday and Y on Tuesday": where Y's own phrase begins
    beside: tuple[str, ...] = ()  # the bodies a source or target person was introduced by
    target_beside: tuple[str, ...] = ()
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
        r = _passive_roles(s, t, frames, claimer, passive)
        source, target, k_src = r.source, r.target, r.k_src
        rules.append(f"passive:{passive}")
    else:
        r = _active_roles(s, t, frames, kinetic, claimer, prior, rules)
        source, target, k_src = r.source, r.target, r.k_src
        also, beside, target_beside = r.also, r.beside, r.target_beside
        gapped = r.gapped
    if target is None and t.form != "n":
        target = _late_target(s, t, frames, code, source)
    if e.kind == "deny" and passive and source is not None and claimer not in (None, source):
        # "X said Y did Z, an accusation denied by Y": Y's denial answers X, not X's claim
        target, status, claimer = claimer, "reported", None
        rules.append("denial-of-the-claim")
    if target is None and code[:2] in _COOPERATIVE_ROOTS and k_src >= 0:
        # joint agents of a cooperative act: "X and Y brokered a truce", "a deal sponsored by
        # X and Y" -> X with Y as the other side
        partner = _coordinated_partner(s, k_src, len(s.toks))
        if partner and partner != source:
            target = partner
            rules.append("joint-agents")
    if e.kind == "withdraw" and target is not None and (
        source is None or s.top(source) == s.top(target)
    ):  # "withdraw US forces": the forces are what withdraws, not a target
        source, target = source or target, None
    if source is None and not passive and t.form != "n" and body is not None \
            and s.low(t.t0 - 1) == "it" and (t.t0 == 1 or s.low(t.t0 - 2) == ","):
        source = body  # "X said A. On Thursday, it released B": X, the sentence before's
        rules.append("it=body-named-before")
    if source is None and not passive and e.kind not in _PHYSICAL_KINDS:
        return []  # a statement, appeal, offer ... needs its speaker

    if negated:
        turned = _negated_act(s, t, frame is not None, claimer, source, target, status, rules)
        if turned is None:
            return []
        code, status, source, target = turned
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

    also = [x for x in (_acting_body(s, a, code, acting=False) for a in also)
            if x not in (source, target) and target is not None]
    c = _make_candidate(s, t, frames, dates, published, gaz, _Sides(
        code, source, target, status, claimer, planned, rules, beside, target_beside))
    more = [replace(c, target_actor_id=x, target_parties=_bodies(s, x),
                    rule=f"{c.rule};coordinated-object") for x in dict.fromkeys(also)]
    if gapped >= 0:
        more = [_own_date(m, s, gapped, dates, published) for m in more]
    return [c, *more]


def _refined_code(s: _Sentence, t: _Trig, clause_start: int,
                  rules: list[str]) -> tuple[str, str | None]:
    """The trigger's CAMEO code and intent code, refined by the first context rule whose
    words stand near it (noted in rules)."""
    e = t.entry
    if not e.refine:  # no context rule: no window to find
        return e.code, e.planned
    refine_window = min(max(e.window, 10), _refine_end(s, t) - t.t1)
    for r in e.refine:
        if _near(s, t.t0, t.t1, r.near, refine_window) or (
            r.both and _near(s, t.t0, t.t1, r.near, min(10, t.t0 - clause_start), both=True)
        ):
            rules.append(f"refine:{r.code}")
            return r.code, r.planned or e.planned
    return e.code, e.planned


def _claim_status(s: _Sentence, t: _Trig, frame: _Frame | None, clause_start: int,
                  rules: list[str]) -> tuple[str, str | None]:
    """(claim status, claimant) from the reporting frame and the adverbs before the trigger."""
    status, claimer = "reported", None
    if frame is not None:
        status, claimer = frame.status, frame.claimer
        if status == "claimed" and s.actor_types.get(claimer or "") in _RELAYING_TYPES:
            status = "reported"  # an outlet or monitor relayed by the writer
        rules.append(f"frame:{frame.kind}")
    adverbs = set(s.lows[clause_start:t.t0])  # the clause starts inside the sentence
    if adverbs & s.lex.alleged_adverbs:
        status = _stronger(status, "alleged")
    elif adverbs & s.lex.claimed_adverbs:
        status = _stronger(status, "claimed")
    return status, claimer


def _negated_act(s: _Sentence, t: _Trig, framed: bool, claimer: str | None,
                 source: str | None, target: str | None, status: str,
                 rules: list[str]) -> tuple[str, str, str | None, str | None] | None:
    """(code, status, source, target) of a negated trigger, or None when the negation leaves
    no event: absence ("no strikes"), an obligation, or a kinetic act denied outside a claim."""
    e = t.entry
    if t.form == "n":
        return None  # "no strikes", "no such withdrawal": absence, not an event
    deontic = any(s.low(i) in ("should", "must", "ought") for i in range(t.t0 - 4, t.t0))
    if e.kind in _KINETIC_KINDS:
        if not framed or deontic or claimer is None:
            return None
        own = source is None or s.top(source) == s.top(claimer)
        code = (e.negated or "016") if own else "010"
        status = "denied" if own else status
        rules.append("negated-in-claim->" + ("denial" if own else "statement"))
        # a denial keeps whom the act would have hit: "X said it never struck Y" -> X, Y
        return code, status, claimer, (target if own else None)
    if e.negated is None or deontic:
        return None
    rules.append(f"negated:{e.negated}")
    return e.negated, status, source, target


@dataclass(frozen=True)
class _Sides:
    """What the rules decided about one candidate before it is dated and placed."""
    code: str
    source: str | None
    target: str | None
    status: str
    claimer: str | None
    planned: str | None
    rules: list[str]
    beside: tuple[str, ...]
    target_beside: tuple[str, ...]


def _make_candidate(s: _Sentence, t: _Trig, frames: list[_Frame], dates: Sequence[DateExpr],
                    published: dt.date | None, gaz: _Gazetteer | None,
                    d: _Sides) -> Candidate:
    """The candidate row: its date (resolved against the publication date), place and a
    confidence from how much the rules found."""
    physical = t.entry.kind in _PHYSICAL_KINDS
    date_expr = _pick_date(s, t, dates, frames, physical)
    resolved = None
    if date_expr is not None and published is not None:
        future = d.planned is not None and date_expr.start >= t.end
        resolved = resolve(date_expr.text, published, future=future)
        if date_expr.kind == "duration_after":
            resolved = _interval_before_main(s, t, date_expr, dates, published)
    place = _pick_place(s, t, gaz) if gaz else None
    conf = _FORM_CONFIDENCE[t.form]
    conf += (0.2 if d.source else 0.0) + (0.1 if d.target else 0.0) \
        + (0.05 if date_expr else 0.0)
    if d.planned == "weak":
        conf -= 0.15
    rule = ";".join(d.rules)
    if "noun:clause" in rule and any(r.startswith("noun:clause") for r in d.rules):
        conf -= 0.1  # (no rule opens so unless the joined rules hold the words)
    return Candidate(
        sentence_start=s.start, sentence_end=s.end,
        trigger_start=t.start, trigger_end=t.end, trigger=s.text[t.start:t.end],
        cameo_code=d.code, source_actor_id=d.source, target_actor_id=d.target,
        date_text=date_expr.text if date_expr else None,
        date_start=date_expr.start if date_expr else None,
        date_end=date_expr.end if date_expr else None,
        date=resolved,
        place_id=place[0] if place else None, place_text=place[1] if place else None,
        claim_status=d.status, claimed_by_actor_id=d.claimer,
        confidence=round(min(0.95, max(0.05, conf)), 2),
        rule=rule,
        source_parties=tuple(dict.fromkeys(_bodies(s, d.source) + d.beside)),
        target_parties=tuple(dict.fromkeys(_bodies(s, d.target) + d.target_beside)),
    )


def _own_date(c: Candidate, s: _Sentence, after: int, dates: Sequence[DateExpr],
              published: dt.date | None) -> Candidate:
    """A gapped second object's own date, in the few words after it ("... and Y on Tuesday")."""
    at = s.toks[after - 1].end
    own = next((d for d in dates if at <= d.start <= at + 40 and d.end <= s.end), None)
    if own is None:
        return c
    return replace(c, date_text=own.text, date_start=own.start, date_end=own.end,
                   date=resolve(own.text, published, future=False) if published else None,
                   rule=f"{c.rule};own-date")


def _late_target(s: _Sentence, t: _Trig, frames: list[_Frame], code: str,
                 source: str | None) -> str | None:
    """A threat's target after for/against; an appeal's or demand's after 'from'."""
    if code[:2] == "13":
        return _threatened(s, t, frames, source)
    if code[:2] in ("02", "10"):
        return _asked_of(s, t, frames, source)
    return None


def _bodies(s: _Sentence, actor: str | None) -> tuple[str, ...]:
    """The body a person speaks or acts for (registry parent, else the bodies an apposition
    tied them to earlier in the article), listed beside the person."""
    if s.actor_types.get(actor or "") != "person":
        return ()
    parent = s.parents.get(actor or "")
    return (parent,) if parent else s.article.bodies.get(actor or "", ())


def _acting_body(s: _Sentence, actor: str | None, code: str, acting: bool = True) -> str | None:
    """Material acts (15, 18-20, 0874): a state acts through its armed forces (sources only).
    A person stays the actor (the most specific side); their body goes to event_actors."""
    if actor is None:
        return None
    material = code[:2] in ("15", "18", "19", "20") or code == "0874"
    if acting and material and s.actor_types.get(actor) == "state":
        forces = s.forces_of(actor)
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
        if _in_other_relative(s, d.start, t):
            continue  # "X hit the base, which Y captured earlier this week, ...": Y's date
        dist = float(d.start - t.end if d.start >= t.end else t.start - d.end)
        dist += 10_000 if in_frame else 0
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _in_other_relative(s: _Sentence, pos: int, t: _Trig) -> bool:
    """Char offset pos lies in a ", which/who ..." clause (to the next comma) without t."""
    return in_other_relative(s, pos, t.t0)


def _interval_before_main(s: _Sentence, t: _Trig, d: DateExpr, dates: Sequence[DateExpr],
                          published: dt.date) -> ResolvedDate | None:
    """'A day after X was killed, Y met on Wednesday': X is dated a day before Wednesday (the
    main clause's date, else the publication date); a trigger outside the phrase gets none."""
    m = re.match(r"(?i)(an?|\w+)\s+(day|week)s?\s+after$", d.text)
    comma = s.text.find(",", d.end, s.end)
    if m is None or not (d.end <= t.start and (comma < 0 or t.start < comma)):
        return None
    numbers = {w: i + 1 for i, w in enumerate(_NUMBER_ORDER[:10])} | {"a": 1, "an": 1}
    g = m.group(1)
    n = int(g) if g.isdigit() else numbers.get(g.lower(), 0)
    if n == 0:
        return None
    main = [x for x in dates if x.kind != "duration_after" and comma >= 0 and x.start > comma]
    anchor = resolve(main[0].text, published) if main else None
    day = anchor.date_start if anchor is not None else published
    day -= dt.timedelta(days=n * (7 if m.group(2).lower() == "week" else 1))
    return ResolvedDate(day, day, "day", "relative-resolved", d.text)


def _pick_place(s: _Sentence, t: _Trig, gaz: _Gazetteer) -> tuple[str, str] | None:
    """A gazetteer name of the sentence read as a place (after in/at/near preferred)."""
    if gaz.regex is None:
        return None
    if s.places is None:  # the sentence's places are found once, not once per trigger
        s.places = _sentence_places(s, gaz)
    best: tuple[tuple[int, int, float], tuple[str, str]] | None = None
    for a, b, pid, locative, tier in s.places:
        score = (1 if locative else 0, tier, -abs(a - t.start) / 1000.0)
        if best is None or score > best[0]:
            best = (score, (pid, s.text[a:b]))
    return best[1] if best else None


def _sentence_places(s: _Sentence, gaz: _Gazetteer) -> list[tuple[int, int, str, bool, int]]:
    """(start, end, place id, after a locative word, tier) of the gazetteer names of the
    sentence that no actor mention overlaps and that can be where an event happened."""
    assert gaz.regex is not None
    out: list[tuple[int, int, str, bool, int]] = []
    folded = _fold(s.text[s.start:s.end])
    for m in gaz.finditer(folded):
        a, b = s.start + m.start(), s.start + m.end()
        if _in_mention(s.mentions, a, b):
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
        out.append((a, b, pid, locative, tier))
    return out


def _in_mention(mentions: Sequence[Mention], a: int, b: int) -> bool:
    """Whether a mention overlaps chars [a, b)."""
    for mt in mentions:  # noqa: SIM110 - a loop: no generator per call (called often)
        if mt.start < b and a < mt.end:
            return True
    return False


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
            ) or _same_side(o, c):
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


def _exchange_targets(cands: list[Candidate]) -> list[Candidate]:
    """Two sides' force in one sentence, one of them on the other ("killed by army artillery
    and militia mortar fire on army posts"): an exchange, so the act whose target
    is unnamed is on the side that acts on its source. An act only wanted ("X wanted to kill Y
    after Y gassed Z") is no exchange."""
    force = [c for c in cands if _force_group(c.cameo_code) == "force"
             and c.claim_status not in ("planned", "denied")]
    out = []
    for c in cands:
        if c in force and c.source_actor_id and not c.target_actor_id:
            on_it = {o.source_actor_id for o in force if o is not c and o.source_actor_id
                     and o.source_actor_id != c.source_actor_id
                     and o.target_actor_id == c.source_actor_id}
            if len(on_it) == 1:
                c = replace(c, target_actor_id=on_it.pop(), rule=f"{c.rule};exchange")
        out.append(c)
    return out


def _same_side(a: Candidate, b: Candidate) -> bool:
    """Merging would make one side fight itself: "the rebel attack followed air strikes on
    rebel areas" is two acts (the rebels', and someone's on them)."""
    src = a.source_actor_id or b.source_actor_id
    return src is not None and src == (a.target_actor_id or b.target_actor_id)


def _force_group(code: str) -> str | None:
    if code[:2] in ("18", "19", "20"):
        return "force"
    return "posture" if code[:2] == "15" else None


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _specific(code: str) -> tuple[int, int]:
    return (0 if code == "190" else 1, len(code))



"""Source and target of a trigger: subject, object, noun roles and the acting body."""

from __future__ import annotations

from ..lexicon import words
from ..mentions import DEFAULT_LEXICON
from .clauses import _SUBORDINATORS, _clause, _clause_end, _in_skips
from .model import _KINETIC_KINDS, _MILITARY_TYPES
from .sentence import _QUOTES, _Clause, _Frame, _Sentence, _Trig
from .triggers import _participle
from .vocabulary import (
    _AUX,
    _CLAUSE_PUNCT,
    _DETERMINERS,
    _LIGHT_VERBS,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE,
    _TARGET_PREPS,
)

# --------------------------------------------------------------------------- actors

_FORCE_NOUNS = DEFAULT_LEXICON.military_nouns
_COMMAND_VERBS = words("events_command_verbs")
_BARE_INFINITIVE_VERBS = words("events_bare_infinitive_verbs")
_UNDERGOING_VERBS = words("events_undergoing_verbs")
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_JOINT_MARKERS = words("events_joint_subject_markers")
_STATE_NOUNS = words("events_own_state_nouns")
_PHRASE_PREPS = words("events_place_date_preps")


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
    # "helping Y retake Zenda", "let Y enter": the object of help/let/make does the act
    k = s.mention_ending_at(t.t0)
    if t.form == "v" and k is not None:
        i = s.m_tok[k][0] - 1
        i -= s.low(i) in _DETERMINERS
        if i >= c.start and s.low(i) in _BARE_INFINITIVE_VERBS:
            return s.actor(k), k, "bare-infinitive-subject"
    if _by_gerund(s, t) and c.kind == "frame" and claimer:
        # "her country would help Y by sending forces": the sender is the clause's subject,
        # not a mention between it and the gerund
        own = _own_state(s, _clause_first(s, c.start, t.t0), claimer)
        if own is not None:
            return own, -1, "by-gerund=reporter's-state"
    speaker = _speaker_before_participle(s, t, frames)
    if speaker is not None:
        return speaker, -1, "participle-after-frame"
    fronted = _fronted_participle_subject(s, t, c.start)
    if fronted is not None:
        return s.actor(fronted), fronted, "fronted-participle"
    if _participle(s, t):
        for k in range(len(s.mentions) - 1, -1, -1):
            a, b = s.m_tok[k]
            if b <= t.t0 and t.t0 - b <= 6 and a >= max(0, c.start - 1) \
                    and s.preposition_before(k)[0] in (None, "with"):
                return s.actor(k), k, "participle"
    cands = [k for k, (a, b) in enumerate(s.m_tok)
             if c.start <= a and b <= t.t0 and not _in_skips(a, c.skips)
             and s.subject_ok(k, c.start)]
    first = _clause_first(s, c.start, t.t0)
    if cands and claimer and c.kind == "frame" and s.low(first) in _PRONOUNS \
            and (s.low(first + 1) in _AUX or s.is_verbish(first + 1)) and not any(
                s.low(j) in _SUBORDINATORS or s.low(j) in _RELATIVE or s.low(j) == "that"
                for j in range(first + 1, t.t0)):  # "he said ... as X made": X's own clause
        return claimer, -1, "pronoun=reporter"  # "X said he had Y lined up ...": Y is no subject
    if cands:
        pick = cands[0]
        loyal = _loyal_forces(s, pick)
        if loyal is not None:
            return loyal, pick, "forces-loyal-to"
        if kinetic and s.actor_types.get(s.actor(pick)) not in _MILITARY_TYPES:
            mil = [k for k in cands if s.actor_types.get(s.actor(k)) in _MILITARY_TYPES
                   and _coordinated_partner(s, pick, t.t0) != s.actor(k)]
            pick = mil[0] if mil else pick
        return s.actor(pick), pick, "subject"
    if c.antecedent and _object_relative(s, c, t):
        # "the militias that it has been shelling": "it" is the first body named before
        body = next((s.actor(k) for k, (_a, b) in enumerate(s.m_tok) if b <= c.boundary
                     and s.actor(k) != c.antecedent
                     and s.actor_types.get(s.actor(k)) != "person"), None)
        return body, -1, "object-relative-it" if body else ""
    if c.antecedent:
        return c.antecedent, -1, "antecedent"
    first = _clause_first(s, c.start, t.t0)
    if s.low(first) in _PRONOUNS and claimer and c.kind == "frame":
        return claimer, -1, "pronoun=reporter"
    own = _own_forces(s, first, t.t0, claimer) if c.kind == "frame" else None
    if own is not None:
        return own, -1, "possessive=reporter"
    own = _own_state(s, first, claimer) if c.kind == "frame" and first < t.t0 else None
    if own is not None:
        return own, -1, "possessive-state=reporter"
    if c.kind == "conj" and s.low(c.boundary) == "but" and depth == 0 and c.boundary > 0:
        at = c.boundary - (s.low(c.boundary - 1) in _CLAUSE_PUNCT)  # "X did A — but B"
        probe = _Trig(t.entry, t.start, t.end, at, at + 1, t.form)
        outer = [f for f in frames if f.tok not in s.trig_at]
        src, k, _how = _subject(s, probe, outer, kinetic, claimer, depth + 1)
        if src:
            return src, k, "subject-before-but"
    return None, -1, ""


def _object_relative(s: _Sentence, c: _Clause, t: _Trig) -> bool:
    """'the forces that it has been targeting', 'the rebels that X bombed': a relative clause
    with a subject of its own ("it"/"they" or a mention) has its antecedent as the object."""
    first = _clause_first(s, c.start, t.t0)
    # a verb trigger must be the clause's own verb; a noun ("with attacks") shares its subject
    return c.kind in ("relative", "that") and first < t.t0 and (
        s.low(first) in ("it", "they") or s.mention_at_token(first) is not None
    ) and (t.form == "n" or _after_preposition(s, t.t0)
           or not any(j in s.trig_at for j in range(first, t.t0)))


def _after_preposition(s: _Sentence, t0: int) -> bool:
    """'with attacks', 'with cross-border attacks', 'in the attacks': a noun phrase."""
    i = t0 - 1
    while i > t0 - 4 and (s.low(i) in _DETERMINERS or "-" in s.low(i) or s.low(i) == "-"):
        i -= 1
    return s.low(i) in _PREPOSITIONS


def _clause_first(s: _Sentence, start: int, t0: int) -> int:
    """The clause's first word after quotation marks."""
    while start < t0 and s.low(start) in _QUOTES:
        start += 1
    return start


def _by_gerund(s: _Sentence, t: _Trig) -> bool:
    """'... by sending forces': the gerund's subject is its clause's."""
    return t.form == "v" and s.low(t.t0 - 1) == "by" and s.low(t.t0).endswith("ing")


def _own_state(s: _Sentence, first: int, claimer: str | None) -> str | None:
    """'X said his country would ...': the speaker's state (the speaker when none is known)."""
    if claimer is None or s.low(first) not in _POSSESSIVES or s.low(first + 1) not in _STATE_NOUNS \
            or s.low(first + 2) in ("'s", "’s"):
        return None
    return s.top(claimer)


def _speaker_before_participle(s: _Sentence, t: _Trig, frames: list[_Frame]) -> str | None:
    """A participle phrase right after a frame ("Zenda is calm, Ana Kova said, urging Y to
    stop"; "..., she said on Monday, repeating a call for talks") is the speaker's act."""
    p = next((j for j in range(max(0, t.t0 - 3), t.t0 + 1) if s.low(j - 1) == ","), None)
    if p is None or not s.low(p).endswith("ing") or any(s.low(j) in (",", ";")
                                                         for j in range(p, t.t0)):
        return None
    for f in frames:
        if f.kind in ("post", "parenthetical") and f.claimer and f.tok < p - 1 \
                and p - 1 - f.tok <= 4 and not any(
                    s.mention_at_token(j) is not None for j in range(f.tok + 1, p - 1)):
            return f.claimer
    return None


def _fronted_participle_subject(s: _Sentence, t: _Trig, start: int) -> int | None:
    """A participle opening the clause ("Accusing X of Y, Ana Kova said ...") has the subject
    of the main clause after its comma: the first mention there that can be a subject."""
    first = start
    while first < t.t0 and s.low(first) in _QUOTES:
        first += 1
    if t.form != "v" or t.t0 != first or not s.low(t.t0).endswith("ing"):
        return None
    comma = next((i for i in range(t.t1, len(s.toks)) if s.low(i) == ","), None)
    if comma is None:
        return None
    for k, (a, _b) in enumerate(s.m_tok):
        if a > comma:
            return k if a <= comma + 6 and s.subject_ok(k, comma + 1) else None
    return None


def _own_forces(s: _Sentence, first: int, t0: int, claimer: str | None) -> str | None:
    """'X said its warplanes struck Y', '... his country's military fired': the speaker's own
    forces - the armed forces of the speaker's state, or the speaker's group itself."""
    if claimer is None or s.low(first) not in _POSSESSIVES:
        return None
    i = first + 1
    if s.low(i).replace("’", "'") in ("country's", "government's"):
        i += 1
    elif s.low(i) in ("country", "government") and s.low(i + 1) in ("'s", "’s"):
        i += 2
    if s.low(i) not in _FORCE_NOUNS or i >= t0:
        return None
    forces = s.forces_of(s.top(claimer))
    if len(forces) == 1:
        return forces[0]
    return claimer if s.actor_types.get(claimer) in _MILITARY_TYPES else None


def _loyal_forces(s: _Sentence, k: int) -> str | None:
    """'forces loyal to X' (X a leader or state): the armed forces of X's state.
    "Troops loyal to President Ana Kova attacked Zenda": Ruritania's army attacked."""
    i = s.m_tok[k][0] - 1
    while i > 0 and s.toks[i].text[:1].isupper() and s.low(i) != "to":
        i -= 1  # titles before the name ("loyal to President X")
    if not (s.low(i) == "to" and s.low(i - 1) == "loyal" and s.low(i - 2) in _FORCE_NOUNS):
        return None
    forces = s.forces_of(s.top(s.actor(k)))
    return forces[0] if len(forces) == 1 else None


def _object(s: _Sentence, t: _Trig, frames: list[_Frame], source: str | None) -> str | None:
    k = _object_index(s, t, frames, source)
    return s.actor(k) if k is not None else None


def _object_index(s: _Sentence, t: _Trig, frames: list[_Frame],
                  source: str | None) -> int | None:
    end = _clause_end(s, t, frames)
    for k, (a, _b) in enumerate(s.m_tok):
        if t.t1 <= a < end and s.actor(k) != source and s.object_ok(k, t.t1):
            return k
    return None


def _conjuncts(s: _Sentence, k: int) -> list[int]:
    """The mentions coordinated after mention k: "X, Y and Z" -> [Y, Z] (each a side of its
    own: "urged Ruritania and Freedonia to stop" is an appeal to each)."""
    out: list[int] = []
    end = s.m_tok[s.heads[k]][1]
    for k2 in range(s.heads[k] + 1, len(s.mentions)):
        if s.heads[k2] != k2:
            continue  # inside a title chain: its head stands for it
        gap = [s.low(j) for j in range(end, s.m_tok[k2][0])]
        if not gap or len(gap) > 2 or not set(gap) <= {",", "and", "or", "the"} or not (
            set(gap) & {",", "and", "or"}
        ):
            break
        out.append(k2)
        end = s.m_tok[k2][1]
        if "and" in gap or "or" in gap:
            break
    return out


def _gapped_conjunct(s: _Sentence, k: int, end: int) -> int | None:
    """'met X in A on Monday and Y in B on Tuesday': Y, a second object of the same verb after
    the first object's place or date phrase (no verb, no comma in between)."""
    i = s.m_tok[s.heads[k]][1]
    if s.low(i) not in _PHRASE_PREPS:
        return None
    for j in range(i, min(end, i + 8)):
        w = s.low(j)
        if w == "and":
            a = j + 1 + (s.low(j + 1) in _DETERMINERS)
            for b in range(a, a + 5):  # over a title ("Foreign Minister Y")
                k2 = s.mention_at_token(b)
                if k2 is not None:
                    return s.heads[k2] if k2 != k else None
                if not s.toks[b].text[:1].isupper() if b < len(s.toks) else True:
                    return None
            return None
        if w in _CLAUSE_PUNCT or w == "," or s.is_verbish(j) or w in _RELATIVE:
            return None
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


def _joint_subject(s: _Sentence, k: int) -> bool:
    """'Both X and Y ...': the coordinated sides act together, neither is
    the other's target."""
    a = s.m_tok[s.heads[k]][0]
    a -= s.low(a - 1) in _DETERMINERS
    return s.low(a - 1) in _JOINT_MARKERS


def _coordinated_partner(s: _Sentence, k: int, t0: int) -> str | None:
    """'X and (his counterpart) Y <trigger>', 'X, which ..., and Y <trigger>': Y."""
    if k < 0:
        return None
    end = s.m_tok[s.heads[k]][1]
    skip = end
    if s.low(end) == "," and s.low(end + 1) in ("which", "who"):
        # "X, which backs Z, and Y plan to co-chair": the relative clause is skipped
        end = skip = next((j for j in range(end + 2, t0) if s.low(j) == ","), end)
    for k2 in range(s.heads[k] + 1, len(s.mentions)):
        a = s.m_tok[k2][0]
        if a < skip and skip > s.m_tok[s.heads[k]][1]:
            continue
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
    if any(s.low(j) in _UNDERGOING_VERBS for j in range(max(0, t.t0 - 3), t.t0)):
        # "Y faced tough resistance from X", "Y came under fire/pressure from X": X acts on Y
        src = _agent_from(s, t, end)
        if src is not None:
            tgt = _subject(s, t, frames, False, claimer)[0]
            return src, (tgt if tgt != src else None), ["noun:undergone-from"]
    if any(s.low(j) in _COMMAND_VERBS for j in range(max(0, t.t0 - 3), t.t0)):
        # "X ordered a pullout of Y's jets": X acts, not the jets
        src, _k, sub_how = _subject(s, t, frames, False, claimer)
        if src:
            source, how = src, [f"noun:ordered-{sub_how}"]
    if source is None and e.of_agent and s.low(t.t1) == "of":
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
                    # "X and Y advanced in separate offensives": Y acts beside X, it is the
                    # other side only of a meeting or an agreement ("X and Y held talks")
                    beside = set() if e.kind in ("consult", "agree") and not _joint_subject(
                        s, k2) else set(_conjuncts(s, k2))
                    # a reporting frame's speaker in between (", X said,") is not in the talks
                    framed = [f.region for f in frames if f.kind != "pre"]
                    between = [k3 for k3, (x, _y) in enumerate(s.m_tok)
                               if s.m_tok[k2][1] <= x < t.t0 and s.actor(k3) != source
                               and k3 not in beside and not _in_skips(x, framed)]
                    with_prep = [k3 for k3 in between
                                 if s.preposition_before(k3)[0] in ("to", "with")]
                    bare = [k3 for k3 in between if s.preposition_before(k3)[0] is None]
                    pick = (with_prep or bare or [None])[0]
                    target = s.actor(pick) if pick is not None else None
    if source is None and claimer is not None and e.kind == "consult" and s.low(t.t1) == "with":
        # "X said the talks with Y were useful": the speaker's side held the talks with Y
        source, how = claimer, ["noun:with=reporter"]
    if target is None:
        for i in range(t.t1, min(end, t.t1 + 8)):
            w = s.low(i)
            if w in _TARGET_PREPS or (w == "of" and i == t.t1 and not e.of_agent):
                k = _mention_after(s, i + 1, 4)
                if k is not None and s.actor(k) != source:
                    target = s.actor(k)
                    break
    return source, target, how


def _agent_from(s: _Sentence, t: _Trig, end: int) -> str | None:
    """The mention after 'from' right after a noun trigger ("fire from X")."""
    for i in range(t.t1, min(end, t.t1 + 2)):
        if s.low(i) == "from":
            k = _mention_after(s, i + 1, 4)
            return s.actor(k) if k is not None else None
    return None


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



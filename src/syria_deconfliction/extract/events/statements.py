"""Statements: a reported statement ("X said/told/according to X ...") is an event of its own.

The codebook counts a call and the accusation made in it as two events, so besides the events
found in what was said, each speaker of a sentence gets one statement candidate. Its code comes
from what was said (the lexicon's ``statements.content_codes``: threat, refusal, demand, appeal,
else a plain statement), its target is the addressee ("told X") or else the first actor of the
other side named in the reported words, and its date is the one in the frame's own words (or
the main clause before it), never a date inside the reported words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..dates import DateExpr, resolve
from ..lexicon import words
from .clauses import _clause, _introducing_bodies
from .model import _PHYSICAL_KINDS, _RELAYING_TYPES, Candidate
from .roles import _POSSESSIVES, _STATE_NOUNS, _mention_after
from .sentence import _QUOTES, _Frame, _Sentence, in_other_relative
from .trigger_lexicon import StatementRules
from .vocabulary import _DETERMINERS, _PRONOUNS

# Roots of verbal acts (01-14 except aid and yield): a candidate with one of them by the speaker
# already is the statement ("X said it would hold talks" is one intent, not two events).
_FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
_VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "09", "10", "11", "12", "13", "14"})
_FIRST_PERSON = words("events_first_person_objects")
_DATE_LEADS = words("events_date_leads")
_VERB_CUES = words("events_statement_verb_cues")
_FIRST_PERSON_SUBJECTS = words("events_first_person_subjects")


def statement_candidates(s: _Sentence, frames: Sequence[_Frame], found: Sequence[Candidate],
                         published: dt.date | None, dates: Sequence[DateExpr],
                         parents_of: dict[str, tuple[str, ...]] | None = None
                         ) -> list[Candidate]:
    """One statement candidate per speaker of the sentence (see the module docstring)."""
    rules = s.lex.statements
    out: list[Candidate] = []
    spoken: set[str] = set()
    for f in sorted(frames, key=lambda f: f.tok):
        speaker = f.claimer
        if speaker is None or speaker in spoken or f.tok in s.trig_at:
            continue  # no speaker, already one, or the frame is itself a trigger ("warned")
        content = _content(s, f)
        if _said_already(s, speaker, found, content, _coordinated(s, f.tok)):
            continue
        kind = s.actor_types.get(speaker)
        if kind == "media" or kind in _RELAYING_TYPES and any(
            i in s.trig_at and s.trig_at[i].entry.kind in _PHYSICAL_KINDS for i in content
        ):
            continue  # publishing a report, or a monitor relaying fighting, is not an event
        spoken.add(speaker)
        code, how = _code(s, content, rules, _own_subject(s, speaker, content))
        beside = _introducing_bodies(s, speaker, f.tok)  # "the U.N. spokesman, X, said"
        target = _quoted_addressee(s, f, frames) or _target(s, f, speaker, content, rules,
                                                             beside)
        if not how and rules.accuse_code and (accused := _accused(s, speaker, content, found)):
            code, how, target = rules.accuse_code, "force-by-other-side", accused
        date_expr = _own_date(s, f, dates) or _date_after_verb(s, f, dates, rules)
        resolved = (resolve(date_expr.text, published, future=False)
                    if date_expr is not None and published is not None else None)
        tok = s.toks[f.tok]
        out.append(Candidate(
            sentence_start=s.start, sentence_end=s.end,
            trigger_start=tok.start, trigger_end=tok.end, trigger=s.text[tok.start:tok.end],
            cameo_code=code, source_actor_id=speaker, target_actor_id=target,
            date_text=date_expr.text if date_expr else None,
            date_start=date_expr.start if date_expr else None,
            date_end=date_expr.end if date_expr else None,
            date=resolved, place_id=None, place_text=None,
            claim_status="reported", claimed_by_actor_id=None,
            confidence=0.6 + (0.1 if target else 0.0),
            rule=f"statement;frame:{f.kind}" + (f";content:{how}" if how else ""),
            source_parties=tuple(dict.fromkeys((parents_of or {}).get(speaker, ()) + beside)),
        ))
    return out


def _coordinated(s: _Sentence, tok: int) -> bool:
    """The frame verb is a second predicate of its subject: "X accused Y of Z and (also) said"."""
    prev = s.low(tok - 1)
    return prev == "and" or (s.low(tok - 2) == "and" and (prev == "also" or prev.endswith("ly")))


def _said_already(s: _Sentence, speaker: str, found: Sequence[Candidate],
                  content: Sequence[int], coordinated: bool) -> bool:
    """A verbal act of the speaker in the sentence is the statement ("X said it would hold
    talks", "X, speaking after talks, said"), except when the frame verb is a second predicate
    and the act lies outside what it reports: "X accused Y of Z and said W" is the accusation,
    then the statement (a participle, "X accused Y of Z, alleging W", goes on with the act).
    A participle act after the frame is one of its own too: ", X said, urging Y to stop"."""
    inside = set(content)
    return any(c.source_actor_id == speaker and c.cameo_code[:2] in _VERBAL_ROOTS
               and s.start <= c.trigger_start < s.end
               and "participle-after-frame" not in c.rule  # ", X said, urging Y": two acts
               and "with=reporter" not in c.rule  # "X said the talks with Y went well": two
               and (not coordinated or s.tok_span(c.trigger_start, c.trigger_end)[0] in inside)
               for c in found)


def _content(s: _Sentence, f: _Frame) -> list[int]:
    """Tokens of the reported words of frame f."""
    n = len(s.toks)
    if f.kind == "pre":
        return list(range(f.body_start, min(f.body_end, n)))
    a, b = f.region
    return [i for i in range(n) if not a <= i < b]


def _code(s: _Sentence, content: list[int], rules: StatementRules,
          own: bool) -> tuple[str, str]:
    lows = s.lows
    words = [lows[i] for i in content]  # content tokens are the sentence's
    # the phrases that open with a word of the content (or are empty), in the rules' order
    by_first, empty = rules.phrase_order
    # a phrase's first word -> its positions, so a phrase is tried only there (only the words
    # that open a phrase are looked up)
    starts: dict[str, list[int]] = {}
    for j, w in enumerate(words):
        if w in by_first:
            starts.setdefault(w, []).append(j)
    tried = sorted({*empty, *(ij for w in starts for ij in by_first[w])})
    for ci, pi in tried:
        code, phrases, own_only = rules.content_codes[ci]
        if own_only and not own:
            continue
        p = phrases[pi]
        at = starts.get(p[0], ()) if p else range(len(words) + 1)
        if len(p) == 1 and p[0] in _VERB_CUES:  # "these demands": a noun, no demand made
            at = [j for j in at if j == 0 or words[j - 1] not in _DETERMINERS]
        if code[:2] == "10":  # "we (all) must": the speaker binds their own side, no demand
            at = [j for j in at if not _FIRST_PERSON_SUBJECTS & set(words[max(0, j - 2):j])]
        if any(tuple(words[j:j + len(p)]) == p for j in at):
            return code, " ".join(p)
    return rules.code, ""


def _own_subject(s: _Sentence, speaker: str, content: list[int]) -> bool:
    """The reported words start with the speaker's side: a pronoun or an actor of its side."""
    first = next((i for i in content if s.low(i) not in _QUOTES and s.low(i) != "that"), None)
    if first is None:
        return False
    if s.low(first) in _PRONOUNS or (
        s.low(first) in _POSSESSIVES and s.low(first + 1) in _STATE_NOUNS
    ):  # "he/we ...", "his country is ready to": the speaker's own side
        return True
    k = s.mention_at_token(first)
    return k is not None and s.top(s.actor(k)) == s.top(speaker)


def _accused(s: _Sentence, speaker: str, content: list[int],
             found: Sequence[Candidate]) -> str | None:
    """The other side whose use of force the reported words tell of, if any."""
    a, b = s.toks[content[0]].start if content else 0, s.toks[content[-1]].end if content else 0
    own = _own_sides(s, speaker, content)
    for c in found:
        src = c.source_actor_id
        if (a <= c.trigger_start < b and src and c.cameo_code[:2] in _FORCE_ROOTS
                and src != speaker and s.top(src) not in own):
            return src
    return None


def _own_sides(s: _Sentence, speaker: str, content: list[int]) -> set[str]:
    """The speaker's side, and the state of what the reported words call the speaker's own
    ("X said his country's military fired at Y": that military is X's side, not the accused)."""
    own = {s.top(speaker)}
    if (owner := s.article.owners.get(speaker)) is not None:
        own.add(s.top(owner))  # "X's council" speaks for X's side
    inside = set(content)
    for k, (a, _b) in enumerate(s.m_tok):
        i = a - 1
        if s.low(i) in ("'s", "’s"):
            i -= 1
        word = s.low(i).replace("’", "'").removesuffix("'s")
        if a in inside and word in _STATE_NOUNS and s.low(i - 1) in _POSSESSIVES:
            own.add(s.top(s.actor(k)))
    return own


def _quoted_addressee(s: _Sentence, f: _Frame, frames: Sequence[_Frame]) -> str | None:
    """'"X indicated to me ...", Y said': a first-person addressee of the frame verb inside
    quotation marks is the one quoted, the speaker of the frame whose words hold the verb."""
    i = f.tok + 1 + (s.low(f.tok + 1) == "to")
    if s.low(i) not in _FIRST_PERSON or i >= len(s.toks):
        return None
    before = s.text[s.start:s.toks[i].start]
    if not (before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1):
        return None  # outside quotation marks "us" is the writer's
    outer = [g.claimer for g in frames if g is not f and g.claimer and g.claimer != f.claimer
             and f.tok in _content(s, g)]
    return outer[0] if outer else None


def _target(s: _Sentence, f: _Frame, speaker: str, content: list[int],
            rules: StatementRules, beside: tuple[str, ...] = ()) -> str | None:
    if s.low(f.tok) in rules.addressee_verbs:
        k = _mention_after(s, f.tok + 1, 3)
        # "told the TV station that ...": an outlet carries the words, it is not the addressee
        if k is not None and s.actor(k) != speaker and s.actor_types.get(s.actor(k)) != "media":
            return s.actor(k)
    inside = set(content)
    own = _own_sides(s, speaker, content)
    for k, (a, _b) in enumerate(s.m_tok):
        if a not in inside or s.preposition_before(k)[0] == "by":
            continue
        actor = s.actor(k)
        if k == _addressee(s, f) and s.actor_types.get(actor) == "media":
            continue  # "told Reuters ...": the outlet asked, it is no side of what was said
        if s.low(a - 1) == "and" and s.low(a - 2) in _PRONOUNS:
            continue  # "X said he and Y had agreed": Y shares the speaker's side of it
        if actor != speaker and s.top(actor) not in own and actor not in beside:
            return actor
    return None


def _addressee(s: _Sentence, f: _Frame) -> int | None:
    """The mention right after the frame verb ("told Reuters", "told the Daily Planet")."""
    return s.mention_at_token(f.tok + 1 + (s.low(f.tok + 1) == "the"))


def _date_after_verb(s: _Sentence, f: _Frame, dates: Sequence[DateExpr],
                     rules: StatementRules) -> DateExpr | None:
    """'X told Reuters on Sunday the ...', 'X said late Saturday his ...': without "that", a
    date right after the verb (and its addressee) is the saying's ("said Monday's attack ..."
    is not)."""
    if f.kind != "pre":
        return None
    k = _addressee(s, f)
    j = s.m_tok[k][1] if k is not None and s.low(f.tok) in rules.addressee_verbs else f.tok + 1
    j += s.low(j) in _DATE_LEADS
    if j >= len(s.toks) or j > f.body_start + 4:
        return None
    at = s.toks[j].start
    return next((d for d in dates if d.start == at and d.kind != "since_inner"
                 and s.text[d.end:d.end + 2] not in ("'s", "’s")), None)


def _own_date(s: _Sentence, f: _Frame, dates: Sequence[DateExpr]) -> DateExpr | None:
    """The date in the frame's own words: for "X said (that) ..." the main clause up to the
    reported words, else the frame's words; the nearest to the frame verb."""
    if f.kind == "pre":
        lo, hi = _clause(s, f.tok, []).start, f.body_start
    else:
        lo, hi = f.region
    if hi <= lo or lo >= len(s.toks):
        return None
    a, b = s.toks[lo].start, s.toks[min(hi, len(s.toks)) - 1].end
    verb = s.toks[f.tok]
    inside = [d for d in dates if a <= d.start and d.end <= b and d.kind != "since_inner"
              and not in_other_relative(s, d.start, f.tok)]
    if not inside:
        return None
    return min(inside, key=lambda d: abs(d.start - verb.start))


"""The quote extractor's data: public Quote/Span/SpeakerHint and its internal records."""

from __future__ import annotations

from dataclasses import dataclass, field

# --------------------------------------------------------------------------- public types


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SpeakerHint:
    """An actor mention found elsewhere (registry match) that can name a speaker."""

    start: int
    end: int
    actor_id: str
    actor_type: str  # person, state, government_body, military, media, ...


@dataclass
class Quote:
    start: int
    end: int
    text: str  # the quoted words without the marks; text == body[start:end]
    quote_type: str  # direct | partial | indirect
    speaker_start: int | None
    speaker_end: int | None
    speaker_mention: str | None
    speaker_actor_id: str | None
    speaker_description: str | None
    verb: str | None  # lemma of the speech verb
    attribution: str  # rules, "+"-joined, position rule first
    confidence: float
    reason: str | None
    status: str  # accepted | rejected
    speaker_pronoun: str | None = None  # the pronoun when the speaker was resolved from one
    speaker_pronoun_start: int | None = None
    speaker_pronoun_end: int | None = None
    source_start: int | None = None  # outer reporter of reported speech ("..., the paper said")
    source_end: int | None = None
    source_mention: str | None = None


@dataclass
class _MarkQuote:
    open_pos: int
    close_pos: int | None  # position of the closing mark; None when unclosed
    region_end: int  # close_pos or the end of the last paragraph
    inner_start: int
    inner_end: int
    first_para: int
    last_para: int


@dataclass
class _NP:
    start: int
    end: int
    text: str
    tok_a: int
    tok_b: int
    core: tuple[int, int] | None = None  # span of a person's name (honorific included)
    is_person: bool = False
    is_named: bool = False
    is_plural: bool = False
    pronoun: str | None = None
    role: bool = False
    desc: tuple[int, int] | None = None
    head: str = ""

    def copy(self) -> _NP:
        """A shallow copy (the fields are numbers, strings and tuples), four times as quick
        as dataclasses.replace: phrases are copied out of the extractor's memo often."""
        new = object.__new__(_NP)
        new.__dict__.update(self.__dict__)
        return new


@dataclass
class _Rec:
    """A speech verb with its speaker and reported content (token indices are global)."""

    sent: int
    verb: int
    lemma: str | None
    kind: str  # forward trailing inverted parenthetical participle coord according_to
    #            what_said governing bare
    np: tuple[int, int] | None = None
    appos: tuple[int, int] | None = None
    pieces: list[tuple[int, int]] = field(default_factory=list)  # content token ranges
    scope: tuple[int, int] | None = None  # token range a quotation must lie in to be governed
    boundary: int | None = None  # token index of the comma/mark before a trailing attribution
    intro: str | None = None  # that, bare, colon, comma_quote
    tail_end: int | None = None
    source_only: bool = False
    nested: bool = False
    parent: _Rec | None = None
    source: tuple[int, int] | None = None  # token range of an outer reporter
    statement: bool = False
    relative: bool = False
    speaker: _Speaker | None = None


@dataclass
class _Speaker:
    start: int | None
    end: int | None
    mention: str | None
    actor: str | None
    desc: str | None
    is_person: bool
    is_named: bool
    is_plural: bool
    role: bool
    pronoun: tuple[int, int, str] | None = None
    reason: str | None = None
    core: tuple[int, int] | None = None  # a named person inside a compound speaker


@dataclass
class _Hist:
    pos: int
    sent: int
    para: int
    kind: str  # speaker | subject
    sp: _Speaker



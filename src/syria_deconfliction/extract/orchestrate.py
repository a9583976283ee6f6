"""The one place that wires an article's extraction: mentions -> speaker hints -> quotes ->
event candidates. The build (curated mentions) and `extract`/`add` (automatic mentions plus
candidate actors) both call these functions, so the two paths cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .document import Document
from .events import Candidate, TriggerLexicon, find_candidates
from .mentions import Mention
from .quotes import Quote, SpeakerHint, extract_quotes

__all__ = ["ActorWorld", "event_candidates", "quotes_of", "speaker_hints"]


@dataclass(frozen=True)
class ActorWorld:
    """What the quote and event rules know about actors and places."""

    types: Mapping[str, str]  # actor id -> registry type (person, state, media ...)
    parents: Mapping[str, str | None]  # actor id -> registry parent
    places: Sequence[Mapping[str, Any]]  # the gazetteer
    triggers: TriggerLexicon

    @classmethod
    def of(cls, actors: Sequence[Mapping[str, Any]], places: Sequence[Mapping[str, Any]],
           types: Mapping[str, str], triggers: TriggerLexicon) -> ActorWorld:
        return cls(types, {a["id"]: a.get("parent") for a in actors}, places, triggers)

    def with_types(self, extra: Mapping[str, str]) -> ActorWorld:
        """The same world with more actor types (candidate actors of one article)."""
        return ActorWorld({**self.types, **extra}, self.parents, self.places, self.triggers)


def speaker_hints(mentions: Sequence[Mention], types: Mapping[str, str]) -> list[SpeakerHint]:
    """Actor mentions as the quote extractor's hints (they map speakers to actor ids)."""
    return [SpeakerHint(m.start, m.end, m.actor_id, types[m.actor_id]) for m in mentions]


def quotes_of(doc: Document, mentions: Sequence[Mention], world: ActorWorld) -> list[Quote]:
    return extract_quotes(doc, speaker_hints(mentions, world.types))


def event_candidates(doc: Document, mentions: Sequence[Mention], published: dt.date | None,
                     world: ActorWorld) -> list[Candidate]:
    return find_candidates(doc, mentions, published, world.places, world.types,
                           actor_parents=world.parents, lexicon=world.triggers)

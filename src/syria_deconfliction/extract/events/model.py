"""Event candidates as found, and the closed sets the rules use (claim statuses, kinds)."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import ResolvedDate


def _ws(words: str) -> frozenset[str]:
    return frozenset(words.split())


CLAIM_STATUSES = ("reported", "claimed", "alleged", "denied", "planned", "confirmed")
_STATUS_RANK = {"denied": 5, "alleged": 4, "planned": 3, "confirmed": 2, "claimed": 1,
                "reported": 0}
_KINETIC_KINDS = frozenset({"kinetic"})
_PHYSICAL_KINDS = frozenset({"kinetic", "force", "withdraw"})
_STATEMENT_FRAME_KINDS = {"statement": "claimed", "threaten": "claimed", "agree": "claimed",
                          "accuse": "alleged", "deny": "denied"}
_MILITARY_TYPES = frozenset({"military", "armed_group"})
_RELAYING_TYPES = frozenset({"media", "ngo"})


@dataclass
class Candidate:
    """One proposed event; every offset indexes the text given to :func:`find_candidates`."""

    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    cameo_code: str
    source_actor_id: str | None
    target_actor_id: str | None
    date_text: str | None
    date_start: int | None
    date_end: int | None
    date: ResolvedDate | None
    place_id: str | None
    place_text: str | None
    claim_status: str
    claimed_by_actor_id: str | None
    confidence: float
    rule: str = ""  # lexicon entry id and the context rules that changed the proposal
    # Further actors in the source / target role (the body a person speaks for), for event_actors
    source_parties: tuple[str, ...] = ()
    target_parties: tuple[str, ...] = ()



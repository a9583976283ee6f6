"""Mentions that say which body another mention belongs to ("the member and the institution").

Two English patterns name, right after a side, the group it is part of:

1. "X (fighting) under the banner of Y": X are fighters of Y;
2. "..., identifying them as (members of) Y" after a mention X: the writer or speaker says X is
   Y (the pronoun points back to the last side named before the comma).

Y then is no side of its own in the sentence (it names X again): its mention is set aside, and
every candidate with X as a side lists Y beside X (``source_parties`` / ``target_parties``),
as a person's body is listed beside the person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import sequence
from ..mentions import Mention


def _alt(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(sequence(key), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    banner = re.compile(
        rf"\s+(?:\w+ing\s+)?under\s+the\s+(?:{_alt('events_banner_nouns')})\s+of\s+(?:the\s+)?",
        re.IGNORECASE)
    members = _alt("events_member_nouns")
    named = re.compile(
        rf"[^,;:.]*,\s+(?:{_alt('events_identifying_verbs')})\s+"
        rf"(?:{_alt('events_identity_pronouns')})\s+as\s+(?:(?:{members})\s+of\s+)?"
        r"(?:the\s+)?[^,;:.]{0,40}?",
        re.IGNORECASE)
    return banner, named


def identified_groups(text: str, mentions: Sequence[Mention]
                      ) -> tuple[dict[str, str], set[int]]:
    """{actor of X: actor of Y} for the patterns above among consecutive mentions (in text
    order), and the start offsets of the Y mentions."""
    banner, named = _patterns()
    links: dict[str, str] = {}
    naming: set[int] = set()
    for m1, m2 in zip(mentions, mentions[1:], strict=False):
        gap = text[m1.end:m2.start]
        if m1.actor_id == m2.actor_id or "\n" in gap:
            continue
        # each pattern holds a word or a comma that most gaps lack: tested first, in C
        if ("under" in gap.lower() and banner.fullmatch(gap)) or (
                "," in gap and named.fullmatch(gap)):
            links.setdefault(m1.actor_id, m2.actor_id)
            naming.add(m2.start)
    return links, naming


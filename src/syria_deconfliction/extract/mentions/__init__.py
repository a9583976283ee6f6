"""Rule-based actor-mention finder and completeness guard.

The matcher works on plain Python structures (the registry and gazetteer as loaded from YAML),
never on files. Knowledge about particular actors lives only in that data; this module holds
general rules of English news text. Its word lists are collected in :class:`Lexicon`, which a
caller may replace. Everything derived from a registry (an index of its surface forms by their
first words) is compiled once and cached under a fingerprint of the registry's content, so an
edited registry is recompiled.

Rules (the same text is in docs/CODEBOOK.md, "Actor mentions"):

1. Surface forms: an actor's name, aliases, metonyms and demonyms, matched case-sensitively
   with word boundaries. Variants are generated, not listed: a leading article is optional
   and never in the span ("the Kremlin" -> "Kremlin"); dotted = undotted acronyms, also inside
   compounds ("U.S." ~ "US", "U.S.-led coalition" ~ "US-led coalition"); ' = ’; "al-X" ~
   "Al-X" ~ "Al X"; people's "Bashar al-Assad" also gives "Bashar Assad"; a state body's
   alias "Russian X" also gives "Russia's X".
2. Longest match first, no overlaps. Gazetteer names compete too ("Basel Assad International
   Airport" holds no mention of Assad). An "al-"/"el-" just before a match joins its span.
3. Possessive "Russia's"/"Assad’s": the span is the name without 's; ``possessive`` is True.
4. Place reading: a state's name, a metonym, or an alias that is also a gazetteer name is a
   place (no mention) after a locative preposition (in, at, near, outside, inside, from, into,
   over, across, around, through, throughout, within, towards, via; "the" and a compass or
   "-held" adjective may intervene), after "<compass word|parts|areas|outskirts...> of", after
   "border(s) with", after a compass adjective ("northern Iraq"), in
   "X-based/-born/-headquartered", after "and"/"or" following a place
   reading, and after "<place>, " when the place lies in that state ("Damascus, Syria").
   Otherwise it is the actor: "Moscow said", "warned Moscow", "the blessing of Damascus",
   "supplies to Damascus" ("to" is not locative), "Moscow-affiliated", "Kremlin spokesman";
   before a title word even after a preposition ("a letter from U.S. Secretary of State").
5. Demonyms, and state names used as modifiers, take their reading from the head noun that
   follows (coordinated ones share it: "Russian and U.S. forces", "U.S., Israeli and other
   officials"; one modifier may intervene, any word after a demonym, a small military/official
   adjective list after a name: "Russian transport aircraft", "U.S. special forces"):
   military noun (forces, troops, aircraft, jets, warships, patrol, convoy, vehicles, strike,
   airpower, offensive...) -> the actor's military child (type military, parent = actor; one
   named "armed forces"/"military" first), rules demonym_military / alias_military;
   government noun (government, officials, leadership, regime, authorities, embassy...) -> the
   government child (type government_body named "government"/"regime"), rules
   demonym_government / alias_government; without such a child, the actor itself;
   irregular-force noun (fighters, militiamen) -> a people or group with no military child as
   a force ("Kurdish fighters", a state's demonym stacked before it joins), a state nothing; a body
   of the state whose alias the demonym and next words spell in lower case ("Russian defence
   ministry") is that body.
   Agency noun (action, efforts, policy, intentions, side, campaign...) or "-led/-backed..."
   compound -> the actor, rule demonym. A plural demonym as a noun ("the Russians") -> the
   actor, rule demonym_plural. Anything else gives no demonym mention: titles and role nouns
   ("Syrian President Bashar Assad", "his Russian counterpart"), non-actor nouns ("Russian
   mercenaries", "Syrian crisis", "Russian Black Sea resort"), "pro-/anti-Russian". A state
   name itself stays a mention (rule alias) in titles ("U.S. Secretary of State John Kerry").
6. People: spans hold the name only, never titles or honorifics. After a full-name mention,
   the bare surname (last token; both "al-X" and "X") is that person, rule surname (several
   people with that surname: the most recently named). Honorific or title + surname ("Mr
   Shoigu", "President Putin") is the person, rule honorific, even before a full mention when
   exactly one registry person has that surname. Surnames listed as aliases match anywhere.
7. Completeness guard: a capitalised word sequence (joined by spaces, "'s" or of/for/the...)
   is reported unless every word is covered by a mention, a registry surface form or
   surname, a gazetteer name, a not_actors entry, a title/honorific, a month or weekday, or
   is a common word at sentence start or in a Title Case headline (lexicon stoplist, or the
   word occurs in lower case in the same text). Leading/trailing stopwords are trimmed;
   titles are kept so "Colonel Ivan Petrenko" is reported whole.
"""

from __future__ import annotations

from .guard import find_unaccounted_names
from .matcher import find_mentions
from .model import DEFAULT_LEXICON, Lexicon, Mention
from .registry import MentionRegistry, compile_registry, surface_form_conflicts

__all__ = [
    "DEFAULT_LEXICON",
    "Lexicon",
    "Mention",
    "MentionRegistry",
    "compile_registry",
    "find_mentions",
    "find_unaccounted_names",
    "surface_form_conflicts",
]

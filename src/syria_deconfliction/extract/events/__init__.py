"""Rule-based event-candidate finder for English conflict news.

The finder proposes *candidates*; curated events (raw/curation/events.yaml) decide.
It serves two uses:
in the curated build every candidate must be covered by a curated event or rejected with a
reason (so a missed event is visible), and for new articles it drafts event rows.

Knowledge lives in data: the trigger lexicon (raw/knowledge/event_triggers.yaml: words, CAMEO codes,
reporting frames) and the actor/place registries passed in by the caller. This module holds only
general rules of English news syntax, applied sentence by sentence without a parser:

1. Sentences: blank lines and line breaks always end a sentence; ``.``/``!``/``?`` (with closing
   quotes) end one before an upper-case word, except after honorific/title abbreviations
   ("Mr.", "Gen."), single initials ("John F. Kennedy") and dotted acronyms ("U.S.") unless a
   typical sentence opener follows ("... the U.S. The ministry ...").
2. Triggers: lexicon words, longest match first, not inside an actor mention, not part of a
   hyphenated compound ("Russian-backed"), verb forms not directly after a determiner (a
   verb/noun homograph after a determiner or adjective is read as the noun). A trigger in the
   object or "to ..." complement of a governing verb ("offers military talks", "offered to hold
   talks") or in a purpose clause after another trigger ("sent troops to fight X") belongs to
   that event. Triggers in "if/unless/whether" clauses are conditions, not events.
3. Context: negation (not, n't, never, no, without) and intention markers (will, would, could,
   "ready to", "the decision ... to") in the few words before the trigger; passive voice
   (be + participle, or participle + "by").
4. Claim status: reporting frames from the lexicon. "X said (that) E", "E, X said", "E, X
   said, F" and "according to X" make E claimed by X (reported when X is a news outlet or
   NGO the writer relays); "X confirmed" confirmed; "accused/blamed X of/for E" and
   "allegedly" alleged (the accused X becomes E's source); "X denied that E" denied.
   Precedence: denied > alleged > planned > confirmed > claimed > reported. An intention
   takes the entry's intent code (talks -> 036, withdraw -> 0356) and keeps its status, or
   without one becomes planned. A negated force verb inside a claim is a denial (016) when
   the speaker's side is the actor, else a plain statement (010), by the speaker.
5. Source: the first actor mention of the trigger's clause that is not inside a prepositional
   phrase ("of X", "by X", "with X" ...; "the head of X" counts as X), skipping relative clauses
   and parentheticals that close before the trigger; in a relative clause the antecedent; for
   a pronoun subject after a reporting verb the reporter; "X to <trigger>" X; for an -ing
   participle the noun it follows ("rebels fighting X"); after ", but" the subject before it.
   A title chain ("U.S. Secretary of State John Kerry", or adjacent mentions "U.N. envoy X")
   is represented by its last mention; a person in commas after the subject phrase ("a senior
   X official, Y, said") is the source. "since/as/after X <verb>" opens a clause of its own; a
   fronted phrase ("A day after ..., ", "Backed by X, ", "Accusing X of Y, ") is skipped for the
   main subject, which is also the subject of a fronted participle. "he/she" is the person
   named last before it (outside quotes); "it" right before the verb, opening the sentence or
   after a fronted phrase, the first body (no person) named in the sentence before; "forces
   loyal to X" are X's state's armed forces;
   "its/his country's forces" inside a claim are the speaker's. A name before "-backed/-led"
   is a backer, no side. Side nouns ("rebel-held", "government forces", "the coalition") name
   the actor the article named with that noun (``coref.py``). Force verbs prefer militaries
   and armed groups (``actor_types``). Passive (also particle verbs): the "by" agent; joint
   agents of a cooperative act ("brokered by X and Y") are source and target.
   Nouns: "of X" for arrival/withdrawal nouns, an attributive or possessive mention ("Russian
   strikes"), "by X", "between X and Y", else the clause subject after a light verb ("carried
   out strikes") or in "in a phone call"; whoever ordered it ("X ordered a pullout of ...");
   "criticized/accused X for <act>": X. "helping/letting X <verb>": X; a participle right after
   a frame (", X said, urging ...") is the speaker's; "Y faced resistance/came under fire from
   X": X, Y the target; "X, which ..., and Y <co-chair>": X with Y; "X said the talks with Y
   ..." X (an event beside the statement). Bare "government" is the
   government of the state the headline and lead name (once the article uses the noun for it),
   its army before what an army holds ("a government gun position"). "opponents of X" are the
   opposition the article names; "representatives from 11 allied countries", "the
   participating countries" the one alliance it names (``coref.py``).
6. Target: the first mention after the trigger in its clause that is a direct object or follows
   against/on/at/with/to/into (not "prior to"); "X and Y <met>" and "<fighting> between X and Y"
   give both sides for symmetric triggers; one candidate per coordinated object ("urged X and
   Y"); a person in commas after the object phrase; a threat's "for/against X"; an appeal's
   "from X". "according to X" and a later reporting verb close the search. A withdrawing
   side's own forces are not a target. "an accusation denied by Y": Y's denial, the accuser
   its target. "Y came under pressure/fire from X": X, Y the target. "met Y and asked them":
   Y is asked. Two sides' force in one sentence, one on the other: the act with no named
   target is on the side acting on its source (an exchange).
7. Acting body (``actor_parents``): a person stays the side (the most specific actor) and the
   body they speak for (registry parent) is listed beside them (``source_parties`` /
   ``target_parties``, event_actors rows); in material acts (15, 18-20, 0874) a state source
   acts through its one armed-forces child. The place words of a wire dateline ("CITY (Agency)
   —") are no actor. A group named as a side's own ("militias marching under the flag of Y",
   "accused X of Z, identifying them as members of Y") is listed beside it and is no side of
   its own (``identity.py``). A person an apposition tied to a body ("X, a spokesman for Y,")
   lists Y beside them for the rest of the article.
8. Date: the nearest date expression of the sentence, resolved against the publication date
   (into the future for intentions dated after the trigger). Not the date of a reporting frame
   for force events; "since X's <event>" dates that event, other "since ..." nothing; a date
   inside another ", which ..." clause not; "N days after <clause>," dates that clause's event
   N days before the main clause's date.
9. Place: a gazetteer name in the sentence not read as an actor; preferred after a locative
   preposition, then the more specific feature, then the nearer one; a country name only after
   a locative preposition.
10. Folding: force (18-20) or posture (15) triggers of one sentence whose actors do not conflict
   become one candidate ("the air strike killed soldiers") unless a side would fight itself; a
   headline candidate the body restates and a later repeat (same code, source, target, date,
   status; not a statement) are dropped;
   candidates with neither source nor target are dropped unless they are material events with
   a date, or a verb with a place. Statements, appeals etc. need a source.
11. Statements (``statements.py``): each speaker of a reporting frame gets one statement
   candidate besides the events in what was said, unless a verbal candidate of theirs already
   is the statement or the speaker is an outlet publishing a report; coded from what was said
   (lexicon ``statements:``), targeted at the addressee or the other side, dated by the frame
   (not by a ", which ..." clause about the speaker). A second predicate ("X accused Y of Z
   and said W", "X ordered A, but said B": the subject before the conjunction speaks) and a
   participle act after the frame (", X said, urging Y") leave the statement an act of its
   own. "They said" opening a sentence goes on with the speakers of the sentence before.
   An outlet told ("told Reuters") is no side; a body named as another's ("the X's council")
   speaks for X's side; a first-person addressee in quoted words ('"Y indicated to me ...", X
   said') is the one quoted; without "that", a date right after the verb (and its addressee)
   is the saying's. "We must ..." binds the speaker's side: no demand.
"""

from __future__ import annotations

from .accounting import unaccounted_candidates
from .candidates import find_candidates
from .model import Candidate
from .trigger_lexicon import (
    TriggerEntry,
    TriggerLexicon,
    inflect_noun,
    inflect_verb,
    lexicon_from_data,
    load_lexicon,
)
from .vocabulary import split_sentences

__all__ = [
    "Candidate",
    "TriggerEntry",
    "TriggerLexicon",
    "find_candidates",
    "inflect_noun",
    "inflect_verb",
    "lexicon_from_data",
    "load_lexicon",
    "split_sentences",
    "unaccounted_candidates",
]

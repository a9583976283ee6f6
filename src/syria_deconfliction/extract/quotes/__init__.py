"""Rule-based quotation extraction with speaker attribution for English news text.

``extract_quotes(body, hints)`` finds quoted and reported speech in an article's clean body text
(headline first, paragraphs separated by newlines) and names who said it. It uses general rules
of English news writing only: no model, no list of the articles' people. Every offset is into the
string it was given and ``body[q.start:q.end] == q.text`` always holds.

Detection
---------
* Quotation marks: curly (“ ”), straight (") and guillemets/low marks (« » „), and a doubled
  apostrophe ('' ... '', archive style) as one double mark. A straight mark opens when it
  follows a space, the paragraph start or an opening bracket/dash, and closes when followed by
  a space, punctuation or the paragraph end. Single marks ('...' ‘...’, British and headline
  style) are quotation marks outside double-marked quotations (inside one they are a nested
  quote and stay in its text): an opener follows white space or a bracket and precedes a
  letter or digit that does not begin an elision ('em, 'n', '90s: lexicon ``quotes_elisions``);
  a closer follows a non-space and precedes white space or punctuation; an apostrophe after a
  plural "s" before a lower-case content word ("the Bradleys' house") is a possessive when
  another closer follows; a single opener left unclosed is no quotation.
* A doubled apostrophe left open in its paragraph but closed by a single mark right after a
  stop or comma ("''my harbour is a mess,' because ...": a slip of the keyboard) is one
  quotation up to that mark.
* A double mark of the other style inside an open quotation (curly inside straight, straight
  inside curly) opens a nested pair: it and its closer are literal text and do not close the
  outer quotation ('"HOLM: ... a rerun of “Harbour Lights.” It is not ...').
* One row per paragraph: a double mark left open at the end of a paragraph runs to the
  paragraph end; when the next paragraph opens with a mark, its quotation continues the first
  (news style for multi-paragraph quotes) and is a row of its own with attribution
  ``continuation`` and the same speaker (whichever of the two paragraphs names the speaker).
  A transcript turn in marks ("“NAME: ...”") takes NAME as speaker (attribution ``transcript``).
* Span: the words between the marks, without the marks. A single trailing ``.`` or ``,`` just
  before the closing mark is excluded (it is the writer's punctuation): “terrorist.” gives
  ``terrorist``. ``?``, ``!``, ellipses (``...``, ``. . .``, ``…``) and bracketed insertions
  (``[the US]``) are kept, since they are part of the quoted wording as printed.
* quote_type: ``direct`` when the marks hold a whole utterance: the quotation opens its sentence
  (after at most a short introductory phrase such as "In the meantime,") or follows a colon,
  "said," or the "that" of a reported clause ("He added that “the army commands ...”": the
  marks then hold the clause's own subject and finite verb; a quotation whose first word is a
  finite verb or negation is a predicate fragment), and closes the sentence or is followed only
  by its attribution or by the next coordinated clause (", and that ..."); a quotation holding
  more than one sentence is also direct, and so are both parts of a quotation an attribution
  interrupts ("“A,” X said, “B.”", "“A,” said X, “B.”"). Otherwise ``partial`` (a fragment
  embedded in the writer's sentence: "described the incident as “very, very serious”", "there
  “can be no deal”", "most “are empty ruins”").
* Indirect speech (``indirect``): a reported clause without marks around it, after a speech
  verb ("X said (that) ...", "X told reporters that ...", "X insisted ...", "X says ...",
  "X warned Moscow that ..."), before a trailing attribution ("..., X said." / "..., said X."),
  with "according to X" (an apposition of X, "According to X, a monitor in London, ...", is
  left out), in "what X said was ...", or as an agentless passive characterisation ("The
  talks were described as ...": the phrase after "as" up to the next comma, speaker null, or
  the agent of "described by X as"). The span is the reported clause: it ends at the sentence
  end, a semicolon, a direct quotation introduced by a colon or "said,", a trailing
  attribution, a new speech clause (", noting that ...", "and said ...", "while Y claims ..."),
  an appositive about the claim (", a claim denied by ...") or a dash before the writer's
  comment ("– a figure that could not be verified"), the end of a relative clause ("X, who
  said ..., left") or a clause about the speaker's behaviour ("but gave no details", "but also
  voiced alarm"). Coordinated that-clauses joined by a bare "and that" ("said that A and that
  B") stay one span; after a comma (", and that B") B is the next reported clause, a row of its
  own. A dateline ("WASHINGTON (AP) —") is not part of a reported clause.
  One statement, one row: a reported clause that holds words in quotation marks is not a row;
  the quotation in marks (partial or direct) carries the statement. A clause wholly inside
  quotation marks is not reported again as indirect, and neither is one with fewer than three
  words outside marks. Speech verbs inside quotation marks and reports nested in another
  indirect clause are not reported separately, except a report in an adverbial clause ("He said
  that while the rebels say they hold the bridge, ...": a quote of the rebels); one in a
  relative clause ("the very villages the army says it protects") is not. The headline's
  telegraphic reports ("Minister says talks failed") restate a statement of the story and
  are not rows (quotations in marks in a headline are).

Scare quotes, designations and titles (``status="rejected"``, reason "scare quote/designation")
------------------------------------------------------------------------------------------------
The question is whether the quoted words are somebody's utterance or the writer's label.
1. A quotation of up to six words that is a designation is rejected: it follows "so-called",
   a naming/designating verb (dub, nickname, label, designate, name, title, list, classify),
   a naming noun ("the word", "the term", "the slogan"), or "as (a|an|the)" that is not
   governed by a speech act verb of the same clause ("the designation of ... as “terrorist”",
   "labeling as a “foreign agent”", "officials treat the militia as a “partner”"): looking back
   from "as" to the clause start, a designating word makes it a designation and a speech verb
   a partial quotation of the verb's subject ("The council urged the towns to treat the
   authority as a “neighbour”"; "told reporters that the mayor regarded the fine as “...”").
   "described X as “...”", "called X a “...”", "dismissed X as “...”", "denounced X as “...”"
   are governed by a speech act verb whose subject speaks, so they are partial quotations
   ("The UN has called the truce a “critical window of opportunity”").
2. A quotation of one to three words with no attribution in its own sentence (no speech verb
   governing it, no trailing attribution) is rejected as a scare quote, unless the sentence
   holds someone's speech record (a verb with reported content or an attribution frame, or
   one without another common sense: lexicon ``quotes_other_senses``) and the words are not a
   Title Case name ("Winter Harbour"): then they are that speaker's words. Longer unattributed
   quotations are kept (accepted, speaker unknown, low confidence, reason given).
3. Words in marks in title case (two or more words of four letters or more, up to eight words,
   outside a headline) inside the writer's sentence name a work, show or slogan (reason
   "title": 'an episode of “The Late Harbour Show,”'), unless a naming speech verb governs
   them ("called it “Mayor Money Pit”") or they are set off after a speech verb ('added the
   words, “...”'); alone as an unattributed paragraph they are a subheading (reason
   "subheading").
   Up to eight words in marks, in title case or opening with a digit, right after a noun of a
   work (lexicon ``quotes_work_nouns``: book, film, song ...), with or without a comma and a
   short phrase after the noun ("Ruiz's book on the port, 'Tides,'"), are its title (reason
   "title"), unless they are set off by a comma and close the sentence ('said on his show,
   “Never.”': an utterance).
4. Words in marks that are one bracketed note ("(CROSSTALK.)", "[inaudible]") are an editorial
   note (reason "editorial note").
5. Headline words in marks that a body quotation holds are that body speaker's words
   (attribution ``inferred``), however short; so are a subheading's (a short paragraph in
   capitals without a closing stop) that a quotation after it holds.

Attribution (``attribution`` names the rules, joined by "+", position rule first)
---------------------------------------------------------------------------------
Position rules: ``said_before`` (a speech verb earlier in the sentence governs the quote or
clause, including a participle coordinated with an earlier one: "..., describing X as “...” and
saying ..."), ``said_after`` ("“...,” X said", "“...,” said X", "..., X reported"),
``parenthetical`` ("The US, Mr Carter said, is ..."), ``colon`` ("X told reporters: “...”", a
"he said:" closing the previous paragraph before a quotation that opens the next one, a headline
"X: “...”", or a headline opening with the quotation, "‘...’: X vows ...", where the named
subject after the colon speaks and the quotation is direct), ``according_to``, ``what_said``,
``passive`` (agentless passive characterisation), ``next_sentence`` (the quotation's paragraph
or sentence is followed by a bare "X said."), ``previous_sentence`` (the speaker of the previous
sentence, or of the last sentence of the previous paragraph when the quotation opens its
paragraph; or, for a quotation standing as its own sentence, the named person who is the subject
of the previous sentence of its paragraph), ``sentence_subject`` (words in marks after the verb
of a sentence whose subject is a named person or body, or a body's description that resolved to
an actor, with no attribution otherwise: "In a speech, X attacked “...”"). Added labels:
``pronoun`` (speaker is he/she/they/it, resolved to an antecedent), ``role`` (speaker is a
description: "a U.S. official", "the newspaper", "the Syrian army"), ``in_statement`` ("said in
a statement").
The speaker of a speech verb is its subject: the noun phrase before it (skipping auxiliaries,
adverbs and time phrases such as "on Thursday"), the phrase before an appositive ("X, chief of
..., told", "X, speaking after talks, said"), the phrase after an inverted verb ("said X, a
spokesman for ..."), the antecedent of "who/which said", the object of "X quoted Y as saying"
(X is the source; after the quotation, "“...,” X quoted Y as saying" and "“...,” Y was quoted
as saying" trail it), or for "noting that"/"and said" the speaker of the clause it continues
(inside an adverbial clause, "after she attacked ... and blamed it on “...”", the subject of that
clause). Idioms: "As X put it / observed / noted, ... “...”" and a closing "“...,” as X put
it."; "footage of X saying during the debate, “...”"; words in marks inside the infinitive of a
promise verb ("vowed to punish “...”", lexicon ``quotes_commissive_verbs``) or in its short
object without a preposition ("pledged cheaper ferries and “...”") or after "cited /
invoked / referenced" are the subject's. A sentence after a quotation holding only an
appositive subject and its verb ("Her cousin, X, shouted to the crowd.") attributes it like a
bare "X said."; a participle clause after a noun of a trailing attribution ("she said at a
briefing announcing that ...") does not stop it. A quoted title set off by commas after an
opening phrase ("In his book, “T,” X argued") is no subject. He/she with no agreeing speaker
in its own sentence takes the one agreeing named person earlier in that sentence (outside the
marks) whose gender the text tells.
When an indirect clause or quotation is itself framed by an outer report ("Y told Z that “...,”
the ministry said"; "X described ... and said that ..., the website reported"), the inner
speaker is the speaker and the outer reporter is recorded as ``source_*`` (also for "in remarks
carried by the news agency X"). ``verb`` is the speech verb's lemma (None for "according to" and
for quotations attributed from another sentence or by a headline colon).

Speaker fields: ``speaker_start/end/mention`` name the speaker in the text. For a person with a
title the mention is the name ("Sergey Lavrov", "Mr Carter") and the title or appositive goes to
``speaker_description`` ("Russian Foreign Minister", "spokesman for the US National Security
Council"). For a description the mention is the noun phrase ("A U.S. official with access to
classified intelligence") and the description is its words without the article; "the
source", "the article" take the actor of the last speaker described with the same head noun
("A Harbour Times article ... . “...,” the article read.": a text reads its words). For a pronoun
the speaker fields hold the antecedent's mention (so ``body[speaker_start:speaker_end] ==
speaker_mention`` always) and the pronoun itself is in ``speaker_pronoun*``.
Pronouns: he/she resolve to (1) a person speaker earlier in the same sentence or in the previous
sentence of the paragraph, else (1b) the one named person earlier in the same sentence (outside
the marks, any role) whose gender the text tells and agrees ("X described Ruth Calder as ...
after she ..."), else (2) a named person who is the subject of the same or the
previous sentence of the paragraph ("X, chairman of ..., was more measured. Speaking ..., he
said:"), else (3) the last person *named* as a speaker in the previous six sentences, else (4)
the last person described as a speaker ("a U.S. official") there, else (5) a named person who
is the subject of one of the two previous sentences. When the pronoun's sentence (or the
quotation of several sentences it closes) opens its paragraph, "previous sentence" in (2) is the
last sentence of the previous paragraph, and a person introduced there with an apposition at
its end ("... worries X, president of Y.") comes first. A he/she subject records the person it
takes up, so a topic person carried by pronouns stays the antecedent; a subject is read without
an adverb before its verb ("X largely agreed"). The subject of a speech act verb without
quoted words ("X accused the council of ...") counts as a speaker. Otherwise than by (1b),
objects of verbs and of prepositions are never antecedents. "it" resolves to the non-person
subject of its own sentence, else the last non-person speaker in the three previous
sentences; "they" to the last plural speaker or subject. Unresolved pronouns leave the speaker
empty with a reason. "I" outside the marks (a first-person piece) is the author that one of the
last two paragraphs names in an author line ("Ana Ruiz is a professor of history at ..."), and
is no antecedent of he or she.
A person is recognised without a registry: a capitalised token sequence of two to four tokens
(particles al-, bin, ibn, abu, de, van, von... allowed) with no title, organisation or place
word, optionally after a title ("Foreign Minister") or honorific (Mr, Dr); a single capitalised
token is a person when it is the surname of such a name elsewhere in the text, or follows an
honorific. A capitalised word right after a common given name is a surname even when its lower
case is a modal or a month ("Theresa May"). Hints override: a ``person`` hint makes a mention
a person, any other type makes it not one.
``speaker_actor_id`` comes from the hint overlapping the speaker's name (a bare surname or
"Mr X" takes the id of the full name's person hint with that surname, when there is one); for
a description, from the hint on its head when the head is a name ("Norway's state broadcaster
NRK" -> NRK), else the longest hint inside the phrase ("A U.S. official" -> the hint on
"U.S."). A document speaks for its issuer ("A strike list issued by X" -> X); a hint on the
document noun itself ("Reports in local media") is ignored. Hints typed ``other`` are
uninformative guesses and do not stop a name from being a person.
Coreference of descriptions (the mention stays as printed, the reason names the person):
(a) an unnamed one-holder role (spokesman, ambassador/envoy, head/chief/leader/commander,
minister, secretary, president) resolves to the person the article names with a role noun of
the same class in a title or apposition and a shared organisation or country (hint ids or
content words; a demonym or possessive counts as the state whose mention it begins with;
countries must not differ, rank words such as "deputy" must agree): "A spokeswoman for Norway's
prime minister said ..." ... "Norwegian government spokeswoman Lena Dahl"; "The head of
Norway's coast guard" ... "Ivo Marek, chief of the Norwegian coast guard"; (b) delayed
identification: a person first named without any description as the subject that opens the
next sentence is the role holder ("Denmark's UN envoy said ... . Anna Holm told ...").
Without either, an unnamed official speaks for the body or person in the phrase ("A spokesman
for Mayor X" -> X).
A definite description without a hint inside ("the newspaper", "the coalition", "the group")
takes the last earlier mention whose words contain its head noun, else the last mention of a
matching actor type (media, government_body, military, state, ngo/armed_group/
intergovernmental_org) within three sentences that agrees in number ("the group" does not take
up "Rebel groups"), with a reason saying so. "Both countries", "the two sides" take the
first of exactly two fitting actors named in the previous sentence (reason names both).

Confidence is a heuristic in 0..1 that falls for pronouns, sentence-distance attributions,
indirect clauses and unattributed quotations; ``reason`` says why for pronouns, carried-over
speakers, resolved descriptions, several speakers and unattributed quotations.

Speech verbs are lexicon data (``knowledge/lexicon/speech.yaml``): verbs of manner and medium
(``quotes_manner_verbs``: shouted, quipped, tweeted ...) attribute words in marks only; a
progressive ("is telling") is a finite speech verb; a verb of ``quotes_particle_verbs`` speaks
only with its particle ("pointed out that ...", not "pointed to"). A party/state bracket or an
age between a name and its verb ("X (D-Ore.) said", "X, 54, said") is skipped. He/she agree in
gender with their antecedent when the text tells it (Mr/Mrs/Ms, "spokeswoman":
``quotes_male_words``, ``quotes_female_words``, a common given name:
``quotes_male_first_names``, ``quotes_female_first_names`` in first_names.yaml, the honorific or
given name of the same surname elsewhere in the text unless it is told both ways, or an earlier
pronoun resolved to that person).

Known limits: headline conventions without marks ("X to Y: ...", "... — reports") are not speech; a
pronoun whose antecedent the text never names gets no speaker (or, within six sentences, the last
named speaker); pronoun gender comes from the text and a short list of common given names;
coordinated speakers ("the president and other officials") get the first hint's actor id.
Hints carry no country or registry parent, so descriptions that need them stay at the hint's
actor ("Norwegian defence officials" -> the government, not the defence ministry; "the Danish
leader" with no hint inside -> no actor).
"""

from __future__ import annotations

from .extractor import extract_quotes
from .model import Quote, Span, SpeakerHint

__all__ = ["Quote", "Span", "SpeakerHint", "extract_quotes"]

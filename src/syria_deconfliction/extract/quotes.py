"""Rule-based quotation extraction with speaker attribution for English news text.

``extract_quotes(body, hints)`` finds quoted and reported speech in an article's clean body text
(headline first, paragraphs separated by newlines) and names who said it. It uses general rules
of English news writing only: no model, no list of the articles' people. Every offset is into the
string it was given and ``body[q.start:q.end] == q.text`` always holds.

Detection
---------
* Quotation marks: curly (“ ”), straight (") and guillemets/low marks (« » „). A straight mark
  opens when it follows a space, the paragraph start or an opening bracket/dash, and closes when
  followed by a space, punctuation or the paragraph end. Single quotes ('...' ‘...’) are never
  quotation boundaries: they are nested quotes or apostrophes and stay inside the text.
* A mark left open at the end of a paragraph runs to the paragraph end; when the next paragraph
  opens with a mark, the quotation continues there (news style for multi-paragraph quotes). One
  Quote then spans the paragraphs and its text keeps the paragraph break and the continuation
  mark, so that ``text == body[start:end]`` still holds.
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
  more than one sentence is also direct. Otherwise ``partial`` (a fragment embedded in the
  writer's sentence: "described the incident as “very, very serious”", "there “can be no
  deal”", "most “are empty ruins”").
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
   governing it, no trailing attribution) is rejected as a scare quote. Longer unattributed
   quotations are kept (accepted, speaker unknown, low confidence, reason given).

Attribution (``attribution`` names the rules, joined by "+", position rule first)
---------------------------------------------------------------------------------
Position rules: ``said_before`` (a speech verb earlier in the sentence governs the quote or
clause, including a participle coordinated with an earlier one: "..., describing X as “...” and
saying ..."), ``said_after`` ("“...,” X said", "“...,” said X", "..., X reported"),
``parenthetical`` ("The US, Mr Carter said, is ..."), ``colon`` ("X told reporters: “...”", a
"he said:" closing the previous paragraph before a quotation that opens the next one, or a
headline "X: “...”"), ``according_to``, ``what_said``, ``passive`` (agentless passive
characterisation), ``next_sentence`` (the quotation's paragraph or
sentence is followed by a bare "X said."), ``previous_sentence`` (the speaker of the previous
sentence, or of the last sentence of the previous paragraph when the quotation opens its
paragraph). Added labels: ``pronoun`` (speaker is he/she/they/it, resolved to an antecedent),
``role`` (speaker is a description: "a U.S. official", "the newspaper", "the Syrian army"),
``in_statement`` ("said in a statement").
The speaker of a speech verb is its subject: the noun phrase before it (skipping auxiliaries,
adverbs and time phrases such as "on Thursday"), the phrase before an appositive ("X, chief of
..., told", "X, speaking after talks, said"), the phrase after an inverted verb ("said X, a
spokesman for ..."), the antecedent of "who/which said", the object of "X quoted Y as saying"
(X is the source), or for "noting that"/"and said" the speaker of the clause it continues.
When an indirect clause or quotation is itself framed by an outer report ("Y told Z that “...,”
the ministry said"; "X described ... and said that ..., the website reported"), the inner
speaker is the speaker and the outer reporter is recorded as ``source_*`` (also for "in remarks
carried by the news agency X"). ``verb`` is the speech verb's lemma (None for "according to" and
for quotations attributed from another sentence or by a headline colon).

Speaker fields: ``speaker_start/end/mention`` name the speaker in the text. For a person with a
title the mention is the name ("Sergey Lavrov", "Mr Carter") and the title or appositive goes to
``speaker_description`` ("Russian Foreign Minister", "spokesman for the US National Security
Council"). For a description the mention is the noun phrase ("A U.S. official with access to
classified intelligence") and the description is its words without the article. For a pronoun
the speaker fields hold the antecedent's mention (so ``body[speaker_start:speaker_end] ==
speaker_mention`` always) and the pronoun itself is in ``speaker_pronoun*``.
Pronouns: he/she resolve to (1) a person speaker earlier in the same sentence or in the previous
sentence of the paragraph, else (2) a named person who is the subject of the same or the
previous sentence of the paragraph ("X, chairman of ..., was more measured. Speaking ..., he
said:"), else (3) the last person *named* as a speaker in the previous six sentences, else (4)
the last person described as a speaker ("a U.S. official") there, else (5) a named person who
is the subject of one of the two previous sentences. The subject of a speech act verb without
quoted words ("X accused the council of ...") counts as a speaker. Objects of verbs and of
prepositions are never antecedents. "it" resolves to the non-person subject of its own
sentence, else the last non-person speaker in the three previous sentences; "they" to the last
plural speaker or subject. Unresolved pronouns leave the speaker empty with a reason.
A person is recognised without a registry: a capitalised token sequence of two to four tokens
(particles al-, bin, ibn, abu, de, van, von... allowed) with no title, organisation or place
word, optionally after a title ("Foreign Minister") or honorific (Mr, Dr); a single capitalised
token is a person when it is the surname of such a name elsewhere in the text, or follows an
honorific. Hints override: a ``person`` hint makes a mention a person, any other type makes it
not one.
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

Known limits: single quotation marks are not quotation boundaries (British headline style
'...' is missed); headline conventions without marks ("X to Y: ...", "... — reports") are not
speech; a pronoun whose antecedent the text never names gets no speaker (or, within six
sentences, the last named speaker); pronoun gender is not used; coordinated speakers ("the
president and other officials") get the first hint's actor id. Hints carry no country or registry
parent, so descriptions that need them stay at the hint's actor ("Norwegian defence officials"
-> the government, not the defence ministry; "the Danish leader" with no hint inside -> no
actor).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .document import Document
from .lexicon import table, words

__all__ = ["Quote", "Span", "SpeakerHint", "extract_quotes"]


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


# --------------------------------------------------------------------------- lexicon
# General English news lexicon (not knowledge about any article).



def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _parse_verbs() -> tuple[dict[str, str], dict[str, str]]:
    lemma_of: dict[str, str] = {}
    form_of: dict[str, str] = {}
    for base, third, past, ing in table("quotes_speech_verb_forms"):
        for form, kind in ((base, "base"), (third, "3sg"), (past, "past"), (ing, "ing")):
            lemma_of[form] = base
            form_of[form] = kind
    return lemma_of, form_of


_LEMMA_OF, _FORM_OF = _parse_verbs()
_SPELLING = {"emphasize": "emphasise", "characterize": "characterise", "criticize": "criticise"}

# verbs whose complement can be a reported clause
_CLAUSE_VERBS = words("quotes_clause_verbs")
# ... of which these may drop "that"
_BARE_VERBS = words("quotes_bare_verbs")
# verbs with an addressee before the clause
_OBJ_VERBS = words("quotes_obj_verbs")
# verbs that can stand after a quote or clause as its attribution ("..., X said")
_TRAILING_VERBS = _CLAUSE_VERBS | {"ask", "continue"}
_AFTER_QUOTE_ONLY = frozenset({"ask", "continue"})
# characterising verbs reported in the passive ("were described as ...")
_PASSIVE_SPEECH = words("quotes_passive_speech")
# verbs that invert with their subject ("..., said X")
_INVERTED_VERBS = words("quotes_inverted_verbs")
# speech-act verbs that govern "X as “...”" / "X a “...”" (the subject's own words)
_AS_SPEECH = words("quotes_as_speech")

# verbs whose object or complement may hold a quotation without a clause ("accused X of “...”")
_GOVERNING_VERBS = _AS_SPEECH | _words("accuse urge blame demand ask claim warn")
# governing verbs that are speech acts in themselves (their subject has spoken)
_SPEECH_ACTS = _AS_SPEECH | _words("accuse urge blame demand")
_DESIGNATION_WORDS = words("quotes_designation_words")
_NAMING_NOUNS = words("quotes_naming_nouns")

_PRONOUNS = words("quotes_pronouns")
_DETERMINERS = words("quotes_determiners")
_PREPOSITIONS = words("quotes_prepositions")
_SUBORD = words("quotes_subord")
_BE = words("quotes_be")
_FINITE = words("quotes_finite")
_IRREGULAR_PAST = words("quotes_irregular_past")
_PRE_VERB_SKIP = words("quotes_pre_verb_skip")
_LEAD_STRIP = words("quotes_lead_strip")
_TIME_WORDS = words("quotes_time_words")
_TIME_LEAD = words("quotes_time_lead")
_INTRO_START = _PREPOSITIONS | _SUBORD | frozenset(
    ["asked", "speaking", "following", "according", "having", "given", "amid", "despite"])

_TITLE_WORDS = words("quotes_title_words")
_HONORIFICS = words("quotes_honorifics")
_ORG_WORDS = words("quotes_org_words")
_PARTICLES = words("quotes_particles")
_PERSON_ROLE_NOUNS = words("quotes_person_role_nouns")
# head noun of a definite description -> hint actor types it may stand for
_HEAD_TYPES: dict[str, frozenset[str]] = {}
for _head_words, _types in (
    ("newspaper paper daily agency website site broadcaster channel outlet network station "
     "magazine journal tv", "media"),
    ("ministry government administration department office council cabinet presidency embassy "
     "regime authorities", "government_body"),
    ("army military forces navy command troops", "military"),
    ("country nation", "state"),
    ("group organization organisation observatory monitor charity coalition body",
     "ngo armed_group intergovernmental_org other"),
):
    for _w in _head_words.split():
        _HEAD_TYPES[_w] = frozenset(_types.split())

# role nouns of one-holder roles, by class (a description and a title of the same class can
# name the same person)
_ROLE_CLASS: dict[str, str] = {}
for _cls, _role_words in (
    ("spokes", "spokesman spokeswoman spokesperson"),
    ("envoy", "ambassador envoy"),
    ("head", "head chief leader chairman chairwoman chair director commander"),
    ("minister", "minister"),
    ("secretary", "secretary"),
    ("president", "president"),
):
    for _w in _role_words.split():
        _ROLE_CLASS[_w] = _cls
# rank words that make another office of the same role ("deputy ambassador")
_RANK_WORDS = words("quotes_rank_words")
# heads of document speakers: the issuer speaks, not the document
_DOC_NOUNS = words("quotes_doc_nouns")
# "both countries", "the two sides": the actor types each noun can take up
_PAIR_TYPES: dict[str, frozenset[str]] = {
    w: frozenset(t.split()) for w, t in (
        ("countries", "state"), ("nations", "state"), ("states", "state"),
        ("governments", "state government_body"), ("capitals", "state"),
        ("sides", "state government_body military armed_group intergovernmental_org"),
        ("militaries", "state military"), ("armies", "state military"),
        ("leaders", "person"), ("men", "person"), ("ministers", "person"),
    )}
_CLAIM_NOUNS = words("quotes_claim_nouns")
_CUT_AFTER_CONJ = words("quotes_cut_after_conj")
_CUT_NEG_VERBS = words("quotes_cut_neg_verbs")
_NON_CLAUSE_START = _words(
    "to so nothing goodbye farewell hello when while whereas because unless") | _PREPOSITIONS
_ABBREV = words("quotes_abbrev")
_SENTENCE_STARTERS = words("quotes_sentence_starters")

# subordinators of an adverbial clause: a report inside one is its own statement
_ADVERBIAL_SUBORD = words("quotes_adverbial_subord")
_TAIL_SUBORD = words("quotes_tail_subord")

_OPEN_MARKS = "“„«"
_CLOSE_MARKS = "”»"
_STRAIGHT = '"'


# --------------------------------------------------------------------------- tokens


_KIND = {"word": "w", "punct": "p"}  # the Document's token kinds in this module's letters


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    low: str
    kind: str  # w acr ell dash p qo qc
    para: int
    qid: int = -1  # index of the mark quotation the token is inside (marks excluded)


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


# --------------------------------------------------------------------------- extractor


class _Extractor:
    def __init__(self, doc: Document, hints: Sequence[SpeakerHint]) -> None:
        self.doc = doc
        self.body = doc.text
        self.hints = sorted(hints, key=lambda h: (h.start, h.end))
        self.paras = self._paragraphs()
        self.mquotes = self._mark_quotes()
        self.toks = self._tokenize()
        self.sents = self._sentences()  # (tok_a, tok_b, para)
        self.sent_of_tok = [0] * len(self.toks)
        for si, (a, b, _p) in enumerate(self.sents):
            for i in range(a, b):
                self.sent_of_tok[i] = si
        self._tok_index = {t.start: k for k, t in enumerate(self.toks)}
        self._tok_starts = [t.start for t in self.toks]
        self._sent_starts = [self.toks[a].start for a, _b, _p in self.sents]
        self._quote_by_open = {q.open_pos: qi for qi, q in enumerate(self.mquotes)}
        self.surnames: set[str] = set()
        self.surnames = self._surnames()
        self.recs: list[list[_Rec]] = [[] for _ in self.sents]
        self.hist: list[_Hist] = []
        self._holders: list[tuple[int, int, _NP]] | None = None
        self._direct_after = -1

    # ------------------------------------------------------------------ structure

    def _paragraphs(self) -> list[tuple[int, int]]:
        return self.doc.paragraphs

    def _marks_in(self, s: int, e: int) -> list[tuple[int, str]]:
        """Quotation marks in body[s:e] as (pos, 'o'|'c')."""
        body = self.body
        out: list[tuple[int, str]] = []
        is_open = False
        for i in range(s, e):
            ch = body[i]
            if ch not in _OPEN_MARKS and ch not in _CLOSE_MARKS and ch != _STRAIGHT:
                continue
            prev = body[i - 1] if i > s else " "
            nxt = body[i + 1] if i + 1 < e else " "
            open_ctx = prev.isspace() or prev in "([{—–-/:"
            close_ctx = nxt.isspace() or nxt in ".,;:!?)]}—–-'’" or nxt in _CLOSE_MARKS
            if ch in _OPEN_MARKS:
                kind = "c" if (is_open and close_ctx and not open_ctx) else "o"
            elif ch in _CLOSE_MARKS:
                kind = "o" if (not is_open and open_ctx and not close_ctx) else "c"
            elif open_ctx and not close_ctx:
                kind = "o"
            elif close_ctx and not open_ctx:
                kind = "c"
            else:
                kind = "c" if is_open else "o"
            if kind == "o" and is_open:
                continue  # a nested double mark: literal
            if kind == "c" and not is_open:
                continue  # stray closing mark
            is_open = kind == "o"
            out.append((i, kind))
        return out

    def _mark_quotes(self) -> list[_MarkQuote]:
        out: list[_MarkQuote] = []
        pending: tuple[int, int] | None = None  # (open_pos, first_para) of an unclosed quote
        for pi, (ps, pe) in enumerate(self.paras):
            marks = self._marks_in(ps, pe)
            if pending is not None:
                if marks and marks[0] == (ps, "o"):
                    marks = marks[1:]  # continuation mark
                    if marks and marks[0][1] == "c":
                        out.append(self._mq(pending[0], marks[0][0], pending[1], pi))
                        marks = marks[1:]
                        pending = None
                    else:
                        continue  # still open through this paragraph
                else:
                    prev_end = self.paras[pi - 1][1]
                    out.append(self._mq(pending[0], None, pending[1], pi - 1, prev_end))
                    pending = None
            j = 0
            while j < len(marks):
                pos, kind = marks[j]
                if kind == "o" and j + 1 < len(marks):
                    out.append(self._mq(pos, marks[j + 1][0], pi, pi))
                    j += 2
                elif kind == "o":
                    pending = (pos, pi)
                    j += 1
                else:
                    j += 1
        if pending is not None:
            out.append(self._mq(pending[0], None, pending[1], len(self.paras) - 1,
                                self.paras[-1][1]))
        return [q for q in out if q.inner_end > q.inner_start]

    def _mq(self, open_pos: int, close_pos: int | None, p0: int, p1: int,
            region_end: int | None = None) -> _MarkQuote:
        body = self.body
        end = close_pos if close_pos is not None else (region_end or self.paras[p1][1])
        s, e = open_pos + 1, end
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e - s > 1 and body[e - 1] in ".," and body[e - 2] != "." and not (
                body[e - 1] == "." and re.search(r"\.\s?\.\s?\.$", body[s:e])):
            e -= 1
            while e > s and body[e - 1].isspace():
                e -= 1
        return _MarkQuote(open_pos, close_pos, end, s, e, p0, p1)

    def _tokenize(self) -> list[_Tok]:
        toks: list[_Tok] = []
        mark_kind: dict[int, str] = {}
        for q in self.mquotes:
            mark_kind[q.open_pos] = "qo"
            if q.close_pos is not None:
                mark_kind[q.close_pos] = "qc"
        regions = sorted((q.open_pos, q.region_end, i) for i, q in enumerate(self.mquotes))
        region_starts = [r[0] for r in regions]
        for d in self.doc.tokens:
            kind = _KIND.get(d.kind, d.kind)
            s = d.start
            if s in mark_kind:
                kind = mark_kind[s]
            t = _Tok(s, d.end, d.text, d.low, kind, d.para)
            if kind not in ("qo", "qc"):
                ri = bisect_left(region_starts, s) - 1
                if ri >= 0 and regions[ri][0] < s < regions[ri][1]:
                    t.qid = regions[ri][2]
            toks.append(t)
        return toks

    def _sentences(self) -> list[tuple[int, int, int]]:
        toks = self.toks
        out: list[tuple[int, int, int]] = []
        i = 0
        n = len(toks)
        while i < n:
            a = i
            para = toks[i].para
            while i < n and toks[i].para == para:
                t = toks[i]
                i += 1
                if t.kind not in ("p", "acr") or (t.kind == "p" and t.text not in ".?!"):
                    continue
                if t.kind == "acr" and not self._acr_ends_sentence(i):
                    continue
                if t.kind == "p" and t.text == "." and i >= 2:
                    prev = toks[i - 2]
                    if prev.end == t.start and (prev.low in _ABBREV or (
                            len(prev.text) == 1 and prev.text.isupper())):
                        continue
                while i < n and toks[i].para == para and (
                        toks[i].kind == "qc" or toks[i].text in ")]'’"):
                    i += 1
                if i >= n or toks[i].para != para:
                    break
                nxt = toks[i]
                if nxt.kind == "qo" or nxt.text in "([" or nxt.text[:1].isupper() or \
                        nxt.text[:1].isdigit():
                    break
            out.append((a, i, para))
        return out

    def _acr_ends_sentence(self, i: int) -> bool:
        toks = self.toks
        if i >= len(toks) or toks[i].para != toks[i - 1].para:
            return True
        nxt = toks[i]
        return nxt.kind == "qo" or nxt.low in _SENTENCE_STARTERS and nxt.text[:1].isupper()

    # ------------------------------------------------------------------ word classes

    def _free(self, i: int) -> bool:
        t = self.toks[i]
        return t.qid < 0 and t.kind not in ("qo", "qc")

    def _is_cap(self, t: _Tok) -> bool:
        if t.kind not in ("w", "acr"):
            return False
        return t.text[:1].isupper() or bool(re.match(r"[a-z]{1,3}-[A-Z]", t.text))

    def _is_name_tok(self, t: _Tok) -> bool:
        if not self._is_cap(t) or t.kind == "acr":
            return False
        bare = re.sub(r"['’]s$", "", t.text)
        if bare.isupper() and len(bare) <= 5:
            return False
        return not any(ch.isdigit() for ch in bare)

    def _finite_like(self, i: int) -> bool:
        t = self.toks[i]
        if t.kind != "w" or t.qid >= 0:
            return False
        low = t.low
        if low in _FINITE or low.endswith("n't"):
            return True
        if not t.text.islower():
            return False
        prev = self.toks[i - 1] if i > 0 else None
        after_det = prev is not None and (prev.low in _DETERMINERS or prev.low.endswith("'s"))
        if low in _IRREGULAR_PAST and not after_det:
            return True
        if prev is not None and prev.low in ("they", "we", "i", "you") and prev.qid == t.qid \
                and low.isalpha() and not low.endswith("ly") and low not in _PREPOSITIONS \
                and low not in _DETERMINERS and low not in _SUBORD and low not in _PRE_VERB_SKIP \
                and low not in ("and", "or", "but", "all", "both"):
            return True  # "they hold": a present tense verb after a subject pronoun
        if _FORM_OF.get(low) in ("past", "3sg") and not after_det:
            return True
        if len(low) > 4 and low.endswith("ed") and not after_det and low not in (
                "need", "speed", "indeed", "hundred", "armed"):
            return True
        return bool(
            len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))
            and prev is not None and (prev.low in ("he", "she", "it", "who", "which")
                                      or (self._is_name_tok(prev) and not prev.low.endswith("'s")
                                          and prev.low not in _DETERMINERS
                                          and not self._sentence_initial(i - 1))))

    def _sentence_initial(self, k: int) -> bool:
        if not getattr(self, "sent_of_tok", None):
            return self.toks[k].start == self.paras[self.toks[k].para][0]
        return self.sents[self.sent_of_tok[k]][0] == k

    def _strict_finite(self, k: int) -> bool:
        low = self.toks[k].low
        return self.toks[k].kind == "w" and (low in _FINITE or low.endswith("n't"))

    def _verb(self, i: int) -> tuple[str, str] | None:
        """(lemma, form) when token i is used as a speech verb here."""
        t = self.toks[i]
        if t.kind != "w" or not self._free(i) or not t.text.islower():
            return None
        lemma = _LEMMA_OF.get(t.low)
        if lemma is None:
            return None
        form = _FORM_OF[t.low]
        j = i - 1
        while j >= 0 and self.toks[j].para == t.para and (
                self.toks[j].low in _PRE_VERB_SKIP or (
                    self.toks[j].low == "since" and j > 0
                    and self.toks[j - 1].low in ("has", "have", "had"))):
            j -= 1
        prev = self.toks[j] if j >= 0 and self.toks[j].para == t.para else None
        plow = prev.low if prev else ""
        if plow in _BE and form in ("past", "base"):
            return None  # passive ("were described as"), or infinitive after "be"
        if plow == "to" or plow.endswith("'s"):
            return None
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if form == "past" and nxt is not None and nxt.low == "to" and lemma == "say":
            return None  # "said to be"
        if form == "past" and nxt is not None and nxt.low == "by":
            return None  # reduced passive: "a claim denied by state media"
        if form == "ing":
            quoted_as = plow == "as" and any(
                self.toks[x].low == "quoted" for x in range(max(0, j - 8), j))
            if (prev is None or prev.text != ",") and not quoted_as and \
                    not self._coordinated_participle(i, j):
                return None
            return lemma, form
        if prev is None:
            return None
        if plow in _DETERMINERS or plow in _PREPOSITIONS and plow not in ("as",):
            return None
        if prev.kind == "w" and prev.text.islower() and prev.low.endswith("ing") and \
                plow not in _PRE_VERB_SKIP:
            return None
        if form == "base":
            ok = plow in ("they", "we", "i", "you") or plow in _FINITE or plow == "not" or (
                prev.kind in ("w", "acr") and plow.endswith("s") and not plow.endswith("ss"))
            if not ok:
                return None
        return lemma, form

    def _coordinated_participle(self, i: int, j: int) -> bool:
        """'..., describing X as “...” and saying ...': a participle coordinated with an
        earlier speech participle of the sentence (j is the token before it)."""
        if j < 0 or self.toks[j].low not in ("and", "or"):
            return False
        a = self.sents[self.sent_of_tok[i]][0]
        return any(self.toks[k - 1].text == "," and _FORM_OF.get(self.toks[k].low) == "ing"
                   and self._free(k) for k in range(a + 1, j))

    def _speech_participle(self, i: int) -> bool:
        t = self.toks[i]
        lemma = _LEMMA_OF.get(t.low)
        return (t.kind == "w" and self._free(i) and _FORM_OF.get(t.low) == "ing"
                and lemma in _CLAUSE_VERBS)

    # ------------------------------------------------------------------ names

    def _surnames(self) -> set[str]:
        names: set[str] = set()
        toks = self.toks
        headline = 0 if self._title_case_para(0) else -1
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.para == headline:
                i += 1
                continue
            if t.low.rstrip(".") in ("mr", "mrs", "ms", "dr") and i + 1 < len(toks) and \
                    self._is_name_tok(toks[i + 1]):
                names.add(self._bare(toks[i + 1].text))
            j = i
            while j < len(toks) and toks[j].para == t.para and (
                    self._is_name_tok(toks[j]) or (toks[j].low in _PARTICLES and j + 1 < len(toks)
                                                  and self._is_name_tok(toks[j + 1]))):
                j += 1
                if toks[j - 1].text.endswith(("'s", "’s")):
                    break
            if j - i >= 2:
                run = list(range(i, j))
                k = max((r for r in run if toks[r].low.rstrip(".") in _TITLE_WORDS),
                        default=i - 1)
                core = [r for r in run if r > k]
                if self._person_tokens(core):
                    names.add(self._bare(toks[core[-1]].text))
            i = max(j, i + 1)
        return names

    def _title_case_para(self, pi: int) -> bool:
        words = [t for t in self.toks if t.para == pi and t.kind == "w" and len(t.text) > 3]
        if len(words) < 3:
            return False
        return sum(1 for t in words if t.text[:1].isupper()) / len(words) > 0.6

    @staticmethod
    def _bare(text: str) -> str:
        return re.sub(r"['’]s$", "", text)

    def _person_tokens(self, idx: list[int]) -> bool:
        toks = self.toks
        if not idx:
            return False
        words = [toks[r] for r in idx if toks[r].low not in _PARTICLES]
        if not words:
            return False
        if any(self._bare(w.low) in _ORG_WORDS or self._bare(w.low) in _TITLE_WORDS
               or w.low in _TIME_WORDS for w in words):
            return False
        if any(not self._is_name_tok(w) for w in words):
            return False
        if len(idx) == 1:
            return self._bare(words[0].text) in self.surnames
        return 2 <= len(idx) <= 5 and len(words) <= 4

    def _hint_type(self, s: int, e: int) -> str | None:
        best = None
        for h in self.hints:
            if h.start < e and s < h.end and (
                    best is None or (h.end - h.start) > (best.end - best.start)):
                best = h
        if best is None or best.actor_type == "other":
            return None  # "other" is an uninformative guess: the text decides
        return best.actor_type

    def _head_index(self, a: int, b: int) -> int:
        """Head noun of a phrase: the word before its first preposition or participle."""
        toks = self.toks
        for k in range(a + 1, b):
            t = toks[k]
            if t.low in _PREPOSITIONS and t.low not in ("as",):
                return k - 1
            if k > a + 1 and t.kind == "w" and t.text.islower() and t.low.endswith(("ed", "ing")) \
                    and toks[k - 1].low not in _DETERMINERS:
                return k - 1
        return b - 1

    def _analyze_np(self, a: int, b: int) -> _NP | None:
        toks = self.toks
        while a < b and (toks[a].low in _LEAD_STRIP or toks[a].text in ",—–-"):
            a += 1
        b = self._strip_time_tail(a, b)
        while b > a and toks[b - 1].text in ",;:—–-":
            b -= 1
        if b <= a:
            return None
        last = toks[b - 1]
        if last.low in _DETERMINERS or last.low in _PREPOSITIONS or last.low in ("and", "or"):
            return None
        if any(self._strict_finite(k) or toks[k].kind in ("qo", "qc") for k in range(a, b)):
            return None
        np = _NP(toks[a].start, toks[b - 1].end, self.body[toks[a].start:toks[b - 1].end], a, b)
        np.head = self._bare(last.low)
        if b - a == 1 and last.low in _PRONOUNS:
            np.pronoun = last.low
            np.is_plural = last.low == "they"
            np.is_person = last.low in ("he", "she")
            return np
        # trailing name run
        r = b
        while r > a and (self._is_name_tok(toks[r - 1]) or (
                toks[r - 1].low in _PARTICLES and r < b)):
            r -= 1
        if r < b and toks[b - 1].text.endswith(("'s", "’s")):
            r = b  # "Russia's" ends a noun phrase only as a modifier
        core = None
        # a name after a preposition belongs to a prepositional phrase ("a spokesman for
        # President X"), unless the preposition is inside a title ("Secretary of State X")
        in_pp = r > a and toks[r - 1].low in _PREPOSITIONS and not (
            r - 2 >= a and self._is_cap(toks[r - 2])
            and self._bare(toks[r - 2].low) in _TITLE_WORDS)
        if r < b and not in_pp:
            run = list(range(r, b))
            k = max((x for x in run if self._bare(toks[x].low).rstrip(".") in _TITLE_WORDS),
                    default=r - 1)
            cands = [x for x in run if x > k]
            hon = r > a and toks[r - 1].low.rstrip(".") in ("mr", "mrs", "ms", "dr")
            if k >= r and toks[k].low.rstrip(".") in _HONORIFICS:
                hon = True
            htype = self._hint_type(toks[cands[0]].start, toks[cands[-1]].end) if cands else None
            if cands and (htype == "person" or (htype is None and (
                    self._person_tokens(cands) or (hon and len(cands) <= 2)))):
                cs = cands[0]
                if hon:
                    cs = k if k >= r and toks[k].low.rstrip(".") in _HONORIFICS else r - 1
                core = (cs, b)
        if core is None and any(toks[k].low == "and" for k in range(a, b)):
            for k in range(a, b):  # "President X and other officials"
                if self._is_name_tok(toks[k]):
                    e = k
                    while e < b and self._is_name_tok(toks[e]):
                        e += 1
                    run = list(range(k, e))
                    t2 = max((x for x in run if toks[x].low in _TITLE_WORDS), default=k - 1)
                    c2 = [x for x in run if x > t2]
                    if self._person_tokens(c2):
                        np.is_person = np.is_named = True
                        np.core = (toks[c2[0]].start, toks[c2[-1]].end)
                        break
            np.is_plural = True
            np.role = not self._is_cap(last)
            return np
        if core is not None:
            cs, ce = core
            np.core = (toks[cs].start, toks[ce - 1].end)
            np.is_person = np.is_named = True
            da = a
            while da < cs and toks[da].low in _DETERMINERS:
                da += 1
            de = cs
            while de > da and toks[de - 1].low.rstrip(".") in _HONORIFICS:
                de -= 1
            if de > da:
                np.desc = (toks[da].start, toks[de - 1].end)
            return np
        htype = self._hint_type(np.start, np.end)
        hd = self._head_index(a, b)
        head = toks[hd]
        np.head = self._bare(head.low)
        if hd < b - 1 and toks[hd + 1].low in _PREPOSITIONS:
            # "Jennifer Doe of the Institute for X": a leading name with an affiliation
            lead = [x for x in range(a, hd + 1) if toks[x].low not in _DETERMINERS]
            k = max((x for x in lead if self._bare(toks[x].low).rstrip(".") in _TITLE_WORDS),
                    default=a - 1)
            cands = [x for x in lead if x > k]
            if cands and self._person_tokens(cands) and self._hint_type(
                    toks[cands[0]].start, toks[cands[-1]].end) in (None, "person"):
                np.core = (toks[cands[0]].start, toks[cands[-1]].end)
                np.is_person = np.is_named = True
                da = hd + 2
                while da < b - 1 and toks[da].low in _DETERMINERS:
                    da += 1
                np.desc = (toks[da].start, np.end)
                return np
        sentence_initial_noun = (
            toks[a].start == self._sent_start(a) and hd == a
            and (np.head in _PERSON_ROLE_NOUNS or np.head in _HEAD_TYPES))
        if not self._is_cap(head) or head.text.islower() or sentence_initial_noun:
            np.role = True
            np.is_person = np.head in _PERSON_ROLE_NOUNS
            np.is_plural = np.head.endswith("s") and not np.head.endswith("ss")
            da = a
            while da < b - 1 and toks[da].low in _DETERMINERS:
                da += 1
            np.desc = (toks[da].start, np.end)
        elif htype == "person":
            np.is_person = np.is_named = True
            np.core = (np.start, np.end)
        return np

    def _sent_start(self, k: int) -> int:
        return self.toks[self.sents[self.sent_of_tok[k]][0]].start

    def _strip_time_tail(self, a: int, b: int) -> int:
        toks = self.toks
        while b > a:
            low = toks[b - 1].low
            if low in _TIME_WORDS or (low.isdigit() and b - 1 > a):
                b -= 1
                while b > a and toks[b - 1].low in _TIME_LEAD:
                    b -= 1
                continue
            break
        return b

    # ------------------------------------------------------------------ noun phrases

    def _left_np(self, i: int, a: int) -> tuple[str, tuple[int, int] | None]:
        """Subject of the verb at token i within sentence starting at token a."""
        toks = self.toks
        j = i - 1
        while j >= a and (toks[j].low in _PRE_VERB_SKIP or (
                toks[j].kind == "w" and toks[j].text.islower() and toks[j].low.endswith("ly")
                and len(toks[j].low) > 4) or (
                toks[j].low == "since" and j > a and toks[j - 1].low in ("has", "have", "had"))):
            j -= 1
        if j < a:
            return "start", None
        t = toks[j]
        if t.low in ("and", "but", "or"):
            return "coord", None
        if t.kind == "qc" or t.text == ",":
            return "comma", (j, j)
        if t.low in ("who", "which") and j - 1 >= a and toks[j - 1].text == ",":
            return "relative", (j - 1, j - 1)
        if t.kind in ("p", "dash", "qo", "ell") or t.low in _SUBORD or not self._free(j):
            return "none", None
        if t.low in _PRONOUNS:
            return "np", (j, j + 1)  # "a goal they describe as ...": the pronoun is the subject
        k = j
        while k - 1 >= a:
            u = toks[k - 1]
            if u.kind in ("qo", "qc", "dash", "ell") or u.text in ",;:()[]" or u.low in _SUBORD \
                    or not self._free(k - 1):
                break
            if u.low in ("and", "or", "but") and self._segment_finite(a, k - 1):
                break
            k -= 1
            if j - k > 16:
                return "none", None
        return "np", (k, j + 1)

    def _segment_finite(self, a: int, e: int) -> bool:
        k = e - 1
        while k >= a and self.toks[k].text not in ",;:" and self.toks[k].low not in _SUBORD:
            if self._finite_like(k) or _FORM_OF.get(self.toks[k].low) in ("past", "3sg"):
                return True
            k -= 1
        return False

    def _right_np(self, s: int, e: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """An inverted subject after the verb: 'said NP' or 'said NP, APPOSITIVE'."""
        toks = self.toks
        if s >= e:
            return None
        k = s
        while k < e and toks[k].text not in ",;:" and toks[k].kind not in ("qo", "qc"):
            k += 1
        if k == s or k - s > 10 or toks[s].low in _NON_CLAUSE_START or toks[s].low == "that":
            return None
        if any(self._finite_like(x) or toks[x].low == "that" for x in range(s, k)):
            return None
        first = toks[s]
        if not (self._is_cap(first) or first.low in _DETERMINERS or first.low in _PRONOUNS):
            return None
        if k >= e or toks[k].text != ",":
            return ((s, k), None) if k >= e or toks[k].text in ";:" else None
        m = k + 1
        while m < e and toks[m].text not in ";" and toks[m].kind not in ("qo",):
            m += 1
        if m > k + 1 and toks[k + 1].low in ("who", "which", "whose"):
            return (s, k), None  # "said X, who met ...": a relative clause, no description
        if any(self._finite_like(x) or toks[x].low == "that" for x in range(k + 1, m)):
            return None
        return (s, k), (k + 1, m) if m > k + 1 else None

    def _main_subject(self, a: int, e: int) -> tuple[int, int] | None:
        toks = self.toks
        k = self._skip_dateline(a, e)
        while k < e and (toks[k].low in _LEAD_STRIP or toks[k].text == ","):
            k += 1
        if k < e and (toks[k].low in _INTRO_START or (
                toks[k].low.endswith(("ing", "ed")) and self._is_cap(toks[k]))):
            while k < e and not (toks[k].text == "," and self._free(k)):
                k += 1
            k += 1
        m = k
        while m < e and m - k < 14:
            t = toks[m]
            if t.text in ",;:" or t.kind in ("qo", "qc", "dash") or not self._free(m):
                break
            if m > k and (self._finite_like(m) or t.low in _LEMMA_OF and t.text.islower()):
                break
            if t.low in _SUBORD and m > k:
                break
            m += 1
        return (k, m) if m > k else None

    def _is_tail(self, s: int, e: int) -> tuple[bool, int]:
        """Is toks[s:e] only the rest of an attribution (PPs, times, object, participle)?"""
        toks = self.toks
        k = s
        while k < e:
            t = toks[k]
            if t.text == "," and k + 1 < e and toks[k + 1].low.endswith("ing") and \
                    toks[k + 1].text.islower():
                return True, k
            if t.text == "," and k + 2 < e and toks[k + 1].low in ("a", "an") and \
                    toks[k + 2].low in _CLAIM_NOUNS:
                return True, k  # "..., X said, a claim denied by ..."
            if t.kind in ("qo",) or t.text in ";:":
                return False, k
            if t.low == "that":
                return False, k
            if t.low in _TAIL_SUBORD:
                return True, e  # "he said when asked about ..."
            if t.kind == "w" and (t.low in _FINITE or (
                    _FORM_OF.get(t.low) in ("past", "3sg") and t.text.islower()
                    and t.low in _LEMMA_OF and _LEMMA_OF[t.low] in _TRAILING_VERBS)):
                return False, k
            k += 1
        return True, e

    # ------------------------------------------------------------------ records

    def find_records(self) -> None:
        for si, (a, b, _p) in enumerate(self.sents):
            e = self._sent_end(a, b)
            recs: list[_Rec] = []
            used: set[int] = set()
            self._according_to(si, a, e, recs, used)
            self._what_said(si, a, e, recs, used)
            self._passive(si, a, e, recs, used)
            for i in range(a, e):
                if i in used:
                    continue
                v = self._verb(i)
                if v is None:
                    continue
                rec = self._record(si, a, e, i, v[0], v[1])
                if rec is not None:
                    recs.append(rec)
            recs.sort(key=lambda r: r.verb)
            self.recs[si] = recs
            self._contents(si, a, e)

    def _sent_end(self, a: int, b: int) -> int:
        """End token index without final punctuation (keeps closing marks)."""
        e = b
        while e > a and self.toks[e - 1].kind in ("p",) and self.toks[e - 1].text in ".?!)]":
            e -= 1
        return e

    def _according_to(self, si: int, a: int, e: int, recs: list[_Rec], used: set[int]) -> None:
        toks = self.toks
        for i in range(a, e - 1):
            if toks[i].low == "according" and toks[i + 1].low == "to" and self._free(i):
                k = i + 2
                while k < e and toks[k].text not in ",;" and toks[k].kind not in ("qo", "qc"):
                    k += 1
                rec = _Rec(si, i, None, "according_to", np=(i + 2, k))
                if i > a and toks[i - 1].text == ",":
                    rec.pieces = [(a, i - 1)]
                elif k + 1 < e and toks[k].text == ",":
                    c = k + 1
                    if toks[c].low in ("a", "an", "the"):
                        # "According to X, a monitoring group, ...": X's apposition
                        m = c
                        while m < e and toks[m].text not in ",;" and toks[m].kind != "qo" \
                                and not self._finite_like(m):
                            m += 1
                        if m + 1 < e and toks[m].text == ",":
                            c = m + 1
                    rec.pieces = [(c, e)]
                    rec.scope = (c, e)
                else:
                    continue
                if rec.scope is None:
                    rec.scope = rec.pieces[0]
                recs.append(rec)
                used.update((i, i + 1))

    def _passive(self, si: int, a: int, e: int, recs: list[_Rec], used: set[int]) -> None:
        """'The talks were described as ...': a characterisation reported in the passive.

        The content is the phrase after "as" up to the next comma; the speaker is the agent
        of "by X" when there is one, else nobody."""
        toks = self.toks
        for i in range(a + 1, e - 1):
            t = toks[i]
            lemma = _LEMMA_OF.get(t.low)
            if lemma not in _PASSIVE_SPEECH or _FORM_OF[t.low] != "past" or not self._free(i):
                continue
            j = i - 1
            while j > a and toks[j].low in _PRE_VERB_SKIP:
                j -= 1
            if toks[j].low not in _BE:
                continue
            k = i + 1
            agent = None
            if toks[k].low == "by":
                m = k + 1
                while m < e and toks[m].low != "as" and toks[m].text not in ",;" and m - k < 10:
                    m += 1
                if m >= e or toks[m].low != "as":
                    continue
                agent, k = (k + 1, m), m
            if toks[k].low != "as" or k + 1 >= e:
                continue
            pieces = self._cut(k + 1, e, set(), set(), True)
            if not pieces:
                continue
            ps, pe = pieces[0]
            if agent is None:
                # "... as “a disaster” by aid workers": an agent closing the phrase
                by = [m for m in range(ps + 1, pe) if toks[m].low == "by" and self._free(m)]
                if by and by[-1] + 1 < pe and not toks[by[-1] - 1].low.endswith(("ed", "en")) \
                        and not any(self._finite_like(m) for m in range(by[-1] + 1, pe)):
                    agent, pe = (by[-1] + 1, pe), by[-1]
            recs.append(_Rec(si, i, lemma, "passive", np=agent, pieces=[(ps, pe)],
                             scope=(ps, pe)))
            used.add(i)

    def _what_said(self, si: int, a: int, e: int, recs: list[_Rec], used: set[int]) -> None:
        toks = self.toks
        for i in range(a, e):
            if toks[i].low != "what" or not self._free(i):
                continue
            for k in range(i + 2, min(i + 6, e)):
                low = toks[k].low
                lemma = _LEMMA_OF.get(low)
                if lemma is None or _FORM_OF[low] not in ("past", "3sg"):
                    continue
                if lemma not in _CLAUSE_VERBS and lemma not in _AS_SPEECH:
                    break
                c = k + 1
                if c < e and toks[c].low == "as":
                    c += 1
                if c < e and toks[c].low in _BE:
                    c += 1
                end = c
                while end < e and not (toks[end].text in ",;" and self._free(end)):
                    end += 1
                cut = self._cut(c, end, set(), set(), False) if end > c else []
                end = cut[0][1] if cut else c
                if end > c:
                    rec = _Rec(si, k, lemma, "what_said", np=(i + 1, k), pieces=[(c, end)],
                               scope=(c, end))
                    recs.append(rec)
                    used.add(k)
                break

    def _record(self, si: int, a: int, e: int, i: int, lemma: str, form: str) -> _Rec | None:
        toks = self.toks
        if form == "ing":
            if toks[i - 1].low == "as":  # "X was quoted as saying", "X quoted Y as saying"
                q = i - 2
                while q > a and toks[q].low != "quoted":
                    q -= 1
                if q > a and toks[q - 1].low in _BE:
                    st, np = self._left_np(q - 1, a)
                    return _Rec(si, i, lemma, "participle", np=np if st == "np" else None)
                st, src = self._left_np(q, a)
                rec = _Rec(si, i, lemma, "participle", np=(q + 1, i - 1) if i - 1 > q + 1
                           else None)
                rec.source = src if st == "np" else None
                return rec
            return _Rec(si, i, lemma, "participle")
        state, np = self._left_np(i, a)
        if state == "relative" and np is not None:
            # "The pilot, who said he had ejected, appeared ...": the relative clause's antecedent
            st2, np2 = self._left_np(np[0], a)
            if st2 != "np":
                return None
            return _Rec(si, i, lemma, "forward", np=np2, relative=True)
        if state == "coord":
            return _Rec(si, i, lemma, "coord")
        if state == "comma":
            bidx = np[0] if np else i - 1
            rn = self._right_np(i + 1, e)
            content_before = bidx > a
            if rn is not None and content_before and lemma in _INVERTED_VERBS and \
                    (lemma == "say" or self._can_speak(*rn[0]) or rn[1] is not None) and \
                    self._content_before_ok(a, bidx):
                if lemma in _AFTER_QUOTE_ONLY and not self._quote_before(bidx):
                    return None
                rec = _Rec(si, i, lemma, "inverted", np=rn[0], appos=rn[1], boundary=bidx)
                rec.tail_end = e
                return rec
            # appositive: "X, chief of ..., told"
            subj, appos = self._appositive_subject(a, bidx)
            if subj is None:
                return None
            sb = subj[0] - 1
            tail_ok, tail_end = self._is_tail(i + 1, e)
            if sb >= a and (toks[sb].text == "," or toks[sb].kind == "qc") and tail_ok and \
                    lemma in _TRAILING_VERBS and self._content_before_ok(a, sb) and \
                    self._forward_start(i, lemma, e) is None:
                # '“...,” the envoy, Geir Pedersen, told the BBC.'
                return _Rec(si, i, lemma, "trailing", np=subj, appos=appos, boundary=sb,
                            tail_end=tail_end)
            return _Rec(si, i, lemma, "forward", np=subj, appos=appos)
        if state != "np" or np is None:
            return None
        k0 = np[0]
        bidx = k0 - 1
        tail_ok, tail_end = self._is_tail(i + 1, e)
        has_boundary = bidx >= a and (toks[bidx].text == "," or toks[bidx].kind == "qc")
        if has_boundary and tail_ok and lemma in _TRAILING_VERBS and self._content_before_ok(a,
                                                                                    bidx):
            if lemma in _AFTER_QUOTE_ONLY and not self._quote_before(bidx):
                return None
            rec = _Rec(si, i, lemma, "trailing", np=np, boundary=bidx, tail_end=tail_end)
            return rec
        if has_boundary and toks[bidx].text == "," and i + 1 < e and toks[i + 1].text == "," \
                and not (i + 2 < e and (toks[i + 2].kind == "qo" or self._speech_participle(i + 2)
                                        or toks[i + 2].low.endswith("ing"))) \
                and self._left_is_subject(a, bidx):
            return _Rec(si, i, lemma, "parenthetical", np=np, boundary=bidx)
        if bidx < a and tail_ok and lemma in _TRAILING_VERBS and \
                self._forward_start(i, lemma, e) is None:
            return _Rec(si, i, lemma, "bare", np=np, tail_end=tail_end)
        return _Rec(si, i, lemma, "forward", np=np)

    def _can_speak(self, a: int, b: int) -> bool:
        np = self._analyze_np(a, b)
        if np is None:
            return False
        if np.pronoun or np.is_person or not np.role:
            return True
        return np.head in _PERSON_ROLE_NOUNS or np.head in _HEAD_TYPES

    def _quote_before(self, bidx: int) -> bool:
        t = self.toks[bidx]
        return t.kind == "qc" or (bidx > 0 and self.toks[bidx - 1].kind == "qc")

    def _content_before_ok(self, a: int, bidx: int) -> bool:
        if self._quote_before(bidx):
            return True
        words = [k for k in range(a, bidx) if self.toks[k].kind == "w"]
        return len(words) >= 3 and any(self._finite_like(k) for k in range(a, bidx))

    def _left_is_subject(self, a: int, bidx: int) -> bool:
        k = a
        while k < bidx and self.toks[k].low in _LEAD_STRIP:
            k += 1
        return 0 < bidx - k <= 8 and not any(self._finite_like(x) for x in range(k, bidx))

    def _appositive_subject(self, a: int, bidx: int
                            ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        toks = self.toks
        commas = [k for k in range(bidx - 1, a - 1, -1) if toks[k].text == "," and self._free(k)]
        for c in commas[:3]:
            st, np = self._left_np(c, a)
            if st != "np" or np is None:
                continue
            if self._analyze_np(*np) is None:
                continue
            first = toks[c + 1] if c + 1 < bidx else None
            if first is None:
                continue
            appos = None
            if first.low in ("a", "an", "the") or (first.text.islower() and first.low not in (
                    "who", "which", "whose") and not first.low.endswith(("ing", "ed"))) or (
                    self._is_cap(first) and first.low not in _INTRO_START):
                appos = (c + 1, bidx)
            return np, appos
        return None, None

    def _forward_start(self, i: int, lemma: str, e: int) -> tuple[str, int] | None:
        toks = self.toks
        j = i + 1
        if j >= e:
            return None
        if lemma not in _CLAUSE_VERBS:
            return None
        if toks[j].text == ":":
            return ("colon", j + 1) if j + 1 < e else None
        if toks[j].text == "," and j + 1 < e and toks[j + 1].kind == "qo":
            return "comma_quote", j + 1
        if lemma in _OBJ_VERBS:
            for k in range(j, min(e, j + 30)):
                t = toks[k]
                if not self._free(k) and t.kind != "qo":
                    break
                if t.low == "that" and k > j - 1:
                    return "that", k + 1
                if t.text == ":":
                    return "colon", k + 1
                if t.text == "," and k + 1 < e and toks[k + 1].kind == "qo" and k > j:
                    return "comma_quote", k + 1
                if t.text == ";" or t.kind == "qo":
                    break
            if lemma == "tell":
                k = self._audience(j, e)
                if k is not None:
                    k = self._skip_time(k, e)
                    if k < e and toks[k].low not in _NON_CLAUSE_START and self._clause_ok(k, e):
                        return "bare", k
            return None
        k = self._skip_time(j, e)
        if k >= e:
            return None
        if toks[k].low == "that":
            return "that", k + 1
        if toks[k].text == ":":
            return "colon", k + 1
        at_least = toks[k].low == "at" and k + 1 < e and toks[k + 1].low in ("least", "most")
        if toks[k].low in _PREPOSITIONS and not at_least:
            for m in range(k, min(e, k + 14)):
                if toks[m].text in ",;" or toks[m].kind in ("qo", "qc"):
                    break
                if toks[m].low == "that":
                    return "that", m + 1
                if toks[m].text == ":":
                    return "colon", m + 1
            return None
        if lemma in _BARE_VERBS and (toks[k].low not in _NON_CLAUSE_START or at_least) and \
                toks[k].text not in ",;:" and self._clause_ok(k, e):
            return "bare", k
        return None

    def _audience(self, j: int, e: int) -> int | None:
        toks = self.toks
        if j >= e:
            return None
        if toks[j].low in ("reporters", "journalists", "lawmakers", "parliament", "legislators"):
            return j + 1
        k = j
        if toks[k].low == "the" and k + 1 < e:
            k += 1
        m = k
        while m < e and m - k < 4 and self._is_cap(toks[m]):
            m += 1
        return m if m > k else None

    def _skip_time(self, k: int, e: int) -> int:
        toks = self.toks
        while k < e:
            low = toks[k].low
            lead = low in _TIME_LEAD and k + 1 < e and (toks[k + 1].low in _TIME_WORDS or (
                toks[k + 1].low in _TIME_LEAD and k + 2 < e and toks[k + 2].low in _TIME_WORDS))
            if low in _TIME_WORDS or lead:
                k += 1
            else:
                break
        return k

    def _clause_ok(self, k: int, e: int) -> bool:
        words = 0
        for m in range(k, min(e, k + 25)):
            if self.toks[m].kind == "qo":
                # the predicate is quoted: 'claim our work “discredits...”'
                return 1 <= words <= 5 and not any(
                    self.toks[x].low in _PREPOSITIONS for x in range(k, m))
            if self.toks[m].text in ";":
                break
            if self.toks[m].kind == "w":
                words += 1
            if m > k and self._finite_like(m):
                return words >= 2
        return False

    # ------------------------------------------------------------------ content spans

    def _contents(self, si: int, a: int, e: int) -> None:
        toks = self.toks
        recs = self.recs[si]
        trailing_bounds = {r.boundary for r in recs if r.kind in ("trailing", "inverted")
                           and r.boundary is not None}
        np_starts = {r.np[0] for r in recs if r.np is not None}
        for r in recs:
            if r.kind in ("trailing", "inverted"):
                assert r.boundary is not None
                s = self._skip_dateline(a, r.boundary)
                while s < r.boundary and (toks[s].low in _LEAD_STRIP or toks[s].text == ","):
                    s += 1
                r.pieces = [(s, r.boundary)]
                r.scope = (a, r.boundary + 1)
                r.statement = self._mentions_statement(r.verb, r.tail_end or e)
                continue
            if r.kind == "parenthetical":
                assert r.np is not None
                r.pieces = [(a, e)]
                r.scope = (a, e)
                continue
            if r.kind in ("according_to", "what_said", "bare", "passive"):
                continue
            fs = self._forward_start(r.verb, r.lemma or "", e)
            subordinate = r.relative or (r.np is not None and r.np[0] > a and toks[
                r.np[0] - 1].low in ("while", "whereas", "although", "though", "because", "if",
                                     "since", "as"))
            if fs is None:
                if r.lemma in _GOVERNING_VERBS:
                    if r.kind == "forward":
                        r.kind = "governing"
                    end = self._cut(r.verb + 1, e, trailing_bounds, np_starts, subordinate)
                    r.scope = (r.verb + 1, end[-1][1] if end else e)
                continue
            r.intro, start = fs
            if r.intro == "comma_quote":
                q = toks[start]
                qi = self._quote_at(q.start)
                r.pieces = []
                r.scope = (start, self._quote_end_tok(qi, e))
                continue
            self._direct_after = -1
            pieces = self._cut(start, e, trailing_bounds, np_starts, subordinate)
            r.pieces = pieces
            r.scope = (start, pieces[-1][1]) if pieces else (start, start)
            if self._direct_after >= 0:
                qi = self._quote_at(toks[self._direct_after].start)
                r.scope = (start, self._quote_end_tok(qi, e))
            r.statement = self._mentions_statement(a, r.verb + 1) or self._mentions_statement(
                r.verb, start)

    def _skip_dateline(self, a: int, e: int) -> int:
        """'WASHINGTON (AP) — ...' at a paragraph start: the dateline is not reported speech."""
        toks = self.toks
        if a == 0 or toks[a - 1].para != toks[a].para:
            for k in range(a, min(e, a + 10)):
                t = toks[k]
                if t.kind == "dash" or t.text == "-":
                    return k + 1 if k > a else a
                if t.kind == "w" and not (t.text.isupper() or t.text in ("AP", "Reuters", "AFP")) \
                        and not (k > a and toks[k - 1].text in "(,") :
                    break
        return a

    def _mentions_statement(self, s: int, e: int) -> bool:
        return any(self.toks[k].low == "statement" and self._free(k) for k in range(s, e))

    def _quote_at(self, pos: int) -> int:
        return self._quote_by_open.get(pos, -1)

    def _quote_end_tok(self, qi: int, e: int) -> int:
        q = self.mquotes[qi]
        k = bisect_left(self._tok_starts, q.region_end)
        if k >= len(self.toks):
            return e
        return k + 1 if self.toks[k].kind == "qc" else k

    def _cut(self, s: int, e: int, trailing_bounds: set[int | None], np_starts: set[int],
             subordinate: bool) -> list[tuple[int, int]]:
        toks = self.toks
        pieces: list[tuple[int, int]] = []
        cur = s
        end = e
        k = s
        while k < e:
            t = toks[k]
            if t.kind == "qo":
                prev = toks[k - 1] if k > 0 else None
                if prev is not None and k > cur and (prev.text == ":" or (
                        prev.text == "," and k >= 2 and _LEMMA_OF.get(toks[k - 2].low)
                        in _CLAUSE_VERBS)):
                    end = k - 1
                    self._direct_after = k
                    break
            if k in trailing_bounds:
                end = k + 1 if t.kind == "qc" else k
                break
            if not self._free(k):
                k += 1
                continue
            if t.text == ";":
                end = k
                break
            if t.text == "," and k + 2 < e and toks[k + 1].low in ("and", "but") and \
                    toks[k + 2].low == "that" and k > cur:
                pieces.append((cur, k))  # ", and that ...": the next reported clause
                cur = k = k + 3
                continue
            if t.kind == "dash" and k > cur and k + 1 < e and toks[k + 1].low in ("a", "an"):
                end = k  # "... – a figure that could not be verified": the writer's comment
                break
            if t.text == "," and k + 1 < e and self._speech_participle(k + 1):
                end = k
                break
            if t.text == "," and k + 2 < e and toks[k + 1].low in ("a", "an") and \
                    toks[k + 2].low in _CLAIM_NOUNS:
                end = k  # "..., a claim denied by state media"
                break
            if subordinate and t.text == "," and k > cur:
                end = k
                break
            if t.low in ("and", "but") and k > cur:
                look = k + 1
                while look < e and toks[look].low in ("also", "then", "later", ","):
                    look += 1
                if look < e:
                    nl = toks[look].low
                    lem = _LEMMA_OF.get(nl)
                    if (lem is not None and _FORM_OF[nl] in ("past", "3sg")) or \
                            nl in _CUT_AFTER_CONJ or (
                            nl in ("did", "would", "could", "does", "didn't", "wouldn't")
                            and self._neg_behaviour(look, e)):
                        end = k
                        break
            if t.low in ("while", "whereas") and k > cur and k + 1 in np_starts:
                end = k
                break
            k += 1
        pieces.append((cur, end))
        out = []
        for ps, pe in pieces:
            while pe > ps and (toks[pe - 1].text in ",;:.—–-" or toks[pe - 1].kind == "dash"
                               or toks[pe - 1].low in ("and", "but", "or")):
                pe -= 1
            while ps < pe and toks[ps].low == "that":
                ps += 1
            if pe > ps:
                out.append((ps, pe))
        return out

    def _neg_behaviour(self, look: int, e: int) -> bool:
        toks = self.toks
        m = look + 1
        if toks[look].low in ("did", "would", "could", "does"):
            if m >= e or toks[m].low not in ("not", "n't"):
                return False
            m += 1
        return m < e and toks[m].low in _CUT_NEG_VERBS

    # ------------------------------------------------------------------ nesting / sources

    def link_records(self) -> None:
        for recs in self.recs:
            content = [r for r in recs if r.pieces]
            for outer in recs:
                if outer.kind not in ("trailing", "inverted", "according_to") or not outer.pieces:
                    continue
                s, e = outer.pieces[0]
                inner = [r for r in recs if r is not outer and s <= r.verb < e
                         and r.kind not in ("bare",) and (r.pieces or self._scope_has_quote(r))]
                if inner:
                    outer.source_only = True
                    for r in inner:
                        r.source = outer.np
            for r in content:
                if r.source_only:
                    continue
                for o in content:
                    if o is r or o.source_only or o.kind not in ("forward", "coord", "participle",
                                                               "parenthetical"):
                        continue
                    if any(ps <= r.verb < pe for ps, pe in o.pieces) and o.verb < r.verb:
                        r.nested = True
            for r in recs:
                if r.kind in ("participle", "coord"):
                    prev = [o for o in recs if o.verb < r.verb
                            and o.kind not in ("bare", "what_said") and not o.relative
                            and (o.np is not None or o.parent is not None)]
                    if not prev:
                        prev = [o for o in recs if o.kind in ("trailing", "inverted")
                                and o.verb < r.verb]
                    if prev:
                        r.parent = prev[-1]

    # ------------------------------------------------------------------ speakers

    def _scope_has_quote(self, r: _Rec) -> bool:
        if r.scope is None:
            return False
        return any(self.toks[k].kind == "qo" for k in range(r.scope[0], r.scope[1]))

    def _speaker_from_np(self, np: _NP) -> _Speaker:
        if np.core is not None and not np.role:
            s, e = np.core
        else:
            s, e = np.start, np.end
        desc = self.body[np.desc[0]:np.desc[1]] if np.desc else None
        actor, why = self._actor_for(np, s, e)
        if np.role and np.is_person and np.core is None:
            holder = self._role_holder(np)
            if holder is not None:
                actor, why = holder
        core = np.core if (np.core is not None and np.role) else None
        return _Speaker(s, e, self.body[s:e], actor, desc, np.is_person, np.is_named,
                        np.is_plural, np.role, reason=why, core=core)

    def _actor_for(self, np: _NP, s: int, e: int) -> tuple[str | None, str | None]:
        toks = self.toks
        if np.core is not None:
            cs, ce = np.core
            actor = self._person_actor(cs, ce)
            if actor is not None:
                return actor, None
        pool = [h for h in self.hints if h.start < np.end and np.start < h.end]
        if np.head in _DOC_NOUNS:
            # a document speaks for its issuer ("a strike list issued by X"); the head word
            # itself ("Reports in local media") is no actor
            by = [k for k in range(np.tok_a, np.tok_b) if toks[k].low in ("by", "from")]
            pool = [h for h in pool if by and h.start >= toks[by[0]].end]
        if pool:
            if np.is_plural and " and " in np.text:
                return pool[0].actor_id, "several speakers; actor of the first one"
            last = toks[np.tok_b - 1]
            head = [h for h in pool if h.start <= last.start < h.end]
            if head and not np.role:
                # "Norway's state broadcaster NRK": the name at the head, not the possessor
                return head[0].actor_id, None
            best = max(pool, key=lambda h: (h.end - h.start, -h.start))
            return best.actor_id, None
        if np.role and (toks[np.tok_a].low == "both" or (
                toks[np.tok_a].low == "the" and np.tok_a + 1 < np.tok_b
                and toks[np.tok_a + 1].low == "two")):
            return self._pair_actor(np)
        if np.role and self.hints and self.body[np.start:np.start + 4].lower() in (
                "the ", "this"):
            return self._description_actor(np, _HEAD_TYPES.get(np.head, frozenset()))
        return None, None

    def _person_actor(self, cs: int, ce: int) -> str | None:
        """Actor id of a person's name; a bare surname takes the id of the full name."""
        hits = [h for h in self.hints if h.start < ce and cs < h.end]
        name = self.body[cs:ce].split()
        surname = self._bare(name[-1]) if name else ""
        if len(name) == 1 or (len(name) == 2 and name[0].rstrip(".").lower() in _HONORIFICS):
            full = [h for h in self.hints if h.actor_type == "person"
                    and len(self.body[h.start:h.end].split()) >= 2
                    and self._bare(self.body[h.start:h.end].split()[-1]) == surname]
            if full:
                near = min(full, key=lambda h: abs(h.start - cs))
                return near.actor_id
        if hits:
            return max(hits, key=lambda h: h.end - h.start).actor_id
        return None

    def _pair_actor(self, np: _NP) -> tuple[str | None, str | None]:
        """'Both countries say ...': the first of the two actors the previous sentence names."""
        types = _PAIR_TYPES.get(np.head)
        si = self.sent_of_tok[np.tok_a]
        if types is None or si == 0:
            return None, None
        a, b, _ = self.sents[si - 1]
        s0, e0 = self.toks[a].start, self.toks[b - 1].end
        found: list[SpeakerHint] = []
        for h in self.hints:
            if s0 <= h.start < e0 and h.actor_type in types and \
                    h.actor_id not in {f.actor_id for f in found}:
                found.append(h)
        if len(found) != 2:
            return None, None
        names = " and ".join(self.body[h.start:h.end] for h in found)
        return found[0].actor_id, f"'{np.text}' are {names} (previous sentence); the first named"

    def _description_actor(self, np: _NP, types: frozenset[str]
                           ) -> tuple[str | None, str | None]:
        """'the coalition', 'the paper': the last earlier mention with the same head noun, else
        the last mention of a fitting actor type within three sentences that agrees in number."""
        si = self.sent_of_tok[np.tok_a]
        before = [h for h in self.hints if h.end <= np.start]
        same = [h for h in before
                if re.search(rf"\b{re.escape(np.head)}\b", self.body[h.start:h.end].lower())]
        if same:
            h = same[-1]
            return h.actor_id, (f"definite description resolved to the last mention with the "
                                f"same head noun ({self.body[h.start:h.end]})")
        for h in reversed(before):
            hs = self._quote_sent(h.start)
            if si - hs > 3:
                break
            if h.actor_type not in types:
                continue
            word = self.body[h.start:h.end].split()[-1]
            if word.islower() and word.endswith("s") and not word.endswith("ss") and \
                    not np.is_plural:
                continue  # "the group" does not take up "Rebel groups"
            return h.actor_id, (f"definite description resolved to the last "
                                f"{h.actor_type} mentioned ({self.body[h.start:h.end]})")
        return None, None

    def _speaker_of(self, r: _Rec, depth: int = 0) -> _Speaker | None:
        if r.speaker is not None:
            return r.speaker
        sp: _Speaker | None = None
        if r.kind in ("participle", "coord") and r.np is None:
            if r.parent is not None and depth < 5:
                sp = self._speaker_of(r.parent, depth + 1)
            else:
                a, b, _ = self.sents[r.sent]
                ms = self._main_subject(a, r.verb)
                if ms:
                    np = self._analyze_np(*ms)
                    if np is not None:
                        sp = self._resolve(np, r)
        elif r.np is not None:
            np = self._rec_np(r)
            if np is not None:
                sp = self._resolve(np, r)
        r.speaker = sp
        return sp

    def _rec_np(self, r: _Rec) -> _NP | None:
        """The speaker phrase of a record, with its appositive folded in."""
        if r.np is None:
            return None
        toks = self.toks
        np = self._analyze_np(*r.np)
        if np is not None and r.appos is not None:
            apnp = self._analyze_np(*r.appos)
            if np.role and apnp is not None and apnp.is_named and apnp.core:
                # "said the ministry's spokesman, Igor Ivanov"
                apnp.desc = np.desc
                np = apnp
            elif apnp is not None and np.core is not None:
                da = r.appos[0]
                while da < r.appos[1] and toks[da].low in ("a", "an", "the"):
                    da += 1
                if da < r.appos[1]:
                    np.desc = (toks[da].start, toks[r.appos[1] - 1].end)
        return np

    # ------------------------------------------------------------------ role coreference

    def _named_speakers(self) -> list[tuple[int, int, _NP]]:
        """Named people who speak in the article: (sentence, token, phrase), in text order."""
        if self._holders is None:
            self._holders = []
            for si, recs in enumerate(self.recs):
                for r in recs:
                    np = self._rec_np(r)
                    if np is not None and np.is_named and np.core is not None and \
                            np.pronoun is None:
                        self._holders.append((si, r.verb, np))
        return self._holders

    def _org_keys(self, a: int, b: int) -> tuple[set[str], set[str]]:
        """(states, other keys) of the words toks[a:b] outside role nouns: actor ids of the hints
        there (a demonym or possessive also names the state whose mention it begins with) and
        the content words."""
        toks = self.toks
        s0, e0 = toks[a].start, toks[b - 1].end
        states: set[str] = set()
        keys: set[str] = set()
        state_forms = [(self.body[h.start:h.end], h.actor_id) for h in self.hints
                       if h.actor_type == "state"]
        for h in self.hints:
            if s0 <= h.start < e0:
                (states if h.actor_type == "state" else keys).add(h.actor_id)
        for k in range(a, b):
            t = toks[k]
            low = self._bare(t.low)
            if t.kind != "w" or low in _DETERMINERS or low in _PREPOSITIONS or \
                    low in _ROLE_CLASS or low in _HONORIFICS or low in ("and", "of"):
                continue
            keys.add(low)
            if self._is_cap(t):
                word = self._bare(t.text)
                for form, actor in state_forms:
                    n = len(os.path.commonprefix([word, form]))
                    if n >= 4 and n >= min(len(word), len(form)) - 2:
                        states.add(actor)
        return states, keys

    def _role_holder(self, np: _NP) -> tuple[str, str] | None:
        """The named person an unnamed one-holder role description refers to.

        (1) A person the article names with the same role noun (spokesman, ambassador,
        head/chief ...) and the same organisation or country in the title or apposition
        ("a spokeswoman for the prime minister" ... "government spokeswoman X"); (2) delayed
        identification: a person first named, without any description, as the speaker of the
        next sentence ("Britain's envoy said ... . Jane Doe told ...")."""
        toks = self.toks
        roles = {_ROLE_CLASS[self._bare(toks[k].low)] for k in range(np.tok_a, np.tok_b)
                 if self._bare(toks[k].low) in _ROLE_CLASS}
        if not roles or np.is_plural or np.core is not None:
            return None
        states, keys = self._org_keys(np.tok_a, np.tok_b)
        rank = keys & _RANK_WORDS
        si = self.sent_of_tok[np.tok_a]
        found: dict[str, tuple[int, int, str]] = {}
        for hs, _k, hnp in self._named_speakers():
            if hnp.desc is None or hnp.core is None:
                continue
            da = bisect_left(self._tok_starts, hnp.desc[0])
            db = bisect_left(self._tok_starts, hnp.desc[1])
            hroles = {_ROLE_CLASS[self._bare(toks[x].low)] for x in range(da, db)
                      if self._bare(toks[x].low) in _ROLE_CLASS}
            if not roles & hroles:
                continue
            hstates, hkeys = self._org_keys(da, db)
            if (states and hstates and not states & hstates) or (hkeys & _RANK_WORDS) != rank:
                continue  # another country, or another rank ("deputy ambassador")
            overlap = len((states | keys) & (hstates | hkeys))
            if overlap == 0:
                continue
            actor = self._person_actor(*hnp.core)
            if actor is None:
                continue
            score = (overlap, -abs(hs - si))
            if actor not in found or score > found[actor][:2]:
                found[actor] = (score[0], score[1], self.body[hnp.core[0]:hnp.core[1]])
        if found:
            ranked = sorted(found.items(), key=lambda x: x[1][:2], reverse=True)
            if len(ranked) > 1 and ranked[0][1][:2] == ranked[1][1][:2]:
                return None
            actor, (_o, _d, name) = ranked[0]
            return actor, f"role description resolved to {name}, named with the same role"
        for hs, _k, hnp in self._named_speakers():
            if hs != si + 1 or hnp.desc is not None or hnp.core is None:
                continue
            if self.toks[self.sents[hs][0]].start != hnp.start:
                continue  # the name opens the next sentence
            surname = self.body[hnp.core[0]:hnp.core[1]].split()[-1]
            if self.body.find(surname) < hnp.core[0]:
                continue  # named before: not an identification
            actor = self._person_actor(*hnp.core)
            if actor is not None:
                name = self.body[hnp.core[0]:hnp.core[1]]
                return actor, f"role description resolved to {name}, named in the next sentence"
        return None

    def _resolve(self, np: _NP, r: _Rec) -> _Speaker:
        if np.pronoun is None:
            return self._speaker_from_np(np)
        ante = self._antecedent(np.pronoun, np.start, r.sent)
        pron = (np.start, np.end, self.body[np.start:np.end])
        if ante is not None and ante.core is not None and np.pronoun in ("he", "she"):
            cs, ce = ante.core
            actor = self._person_actor(cs, ce)
            ante = _Speaker(cs, ce, self.body[cs:ce], actor, None, True, True, False, False)
        if ante is None:
            return _Speaker(None, None, None, None, None, np.is_person, False, np.is_plural,
                            False, pron, f"pronoun '{pron[2]}' without a resolvable antecedent")
        return _Speaker(ante.start, ante.end, ante.mention, ante.actor, ante.desc,
                        ante.is_person, ante.is_named, ante.is_plural, ante.role, pron,
                        ante.reason)

    def _antecedent(self, pron: str, pos: int, si: int) -> _Speaker | None:
        para = self.sents[si][2]
        hist = [h for h in self.hist if h.pos < pos and h.sp.start is not None]
        spk = [h for h in hist if h.kind == "speaker"]
        subj = [h for h in hist if h.kind == "subject"]
        if pron in ("he", "she"):
            local = [h for h in spk if h.sp.is_person and (
                h.sent == si or (h.sent == si - 1 and h.para == para))]
            if local:
                return local[-1].sp
            # a named person who is the subject of the previous sentence of the paragraph
            # ("X, chairman of ..., was more measured. Speaking ..., he said:")
            local = [h for h in subj if h.sp.is_person and h.sp.is_named and (
                h.sent == si or (h.sent == si - 1 and h.para == para))]
            if local:
                return local[-1].sp
            named = [h for h in spk if h.sp.is_person and h.sp.is_named and si - h.sent <= 6]
            if named:
                return named[-1].sp
            roles = [h for h in spk if h.sp.is_person and si - h.sent <= 6]
            if roles:
                return roles[-1].sp
            subs = [h for h in subj if h.sp.is_person and h.sp.is_named and si - h.sent <= 2]
            return subs[-1].sp if subs else None
        if pron == "it":
            own = [h for h in subj if h.sent == si and not h.sp.is_person]
            if own:
                return own[-1].sp
            sp2 = [h for h in spk if not h.sp.is_person and not h.sp.is_plural
                   and si - h.sent <= 3]
            if sp2:
                return sp2[-1].sp
            subs = [h for h in subj if not h.sp.is_person and si - h.sent <= 2]
            return subs[-1].sp if subs else None
        plural = [h for h in spk if (h.sp.is_plural or not h.sp.is_person) and si - h.sent <= 3]
        if plural:
            return plural[-1].sp
        subs = [h for h in subj if h.sp.is_plural and si - h.sent <= 2]
        return subs[-1].sp if subs else None

    def _push(self, pos: int, si: int, sp: _Speaker | None, kind: str = "speaker") -> None:
        if sp is None or sp.start is None:
            return
        self.hist.append(_Hist(pos, si, self.sents[si][2], kind, sp))

    # ------------------------------------------------------------------ quotations

    def _quote_sent(self, pos: int) -> int:
        """Index of the sentence holding character position ``pos`` (or the one before it)."""
        return max(bisect_right(self._sent_starts, pos) - 1, 0)

    def _tok_at(self, pos: int) -> int:
        return self._tok_index.get(pos, -1)

    def _is_designation(self, qi: int, si: int) -> bool:
        q = self.mquotes[qi]
        toks = self.toks
        k = self._tok_at(q.open_pos)
        a = self.sents[si][0]
        prev = [x for x in range(a, k)]
        if not prev:
            return False
        p1 = toks[prev[-1]]
        if p1.low in _DESIGNATION_WORDS or p1.low in ("as",) and len(prev) >= 2 and \
                toks[prev[-2]].low == "known":
            return True
        if p1.low in _NAMING_NOUNS and len(prev) >= 2 and toks[prev[-2]].low in ("the", "a"):
            return True
        m = len(prev) - 1
        if toks[prev[m]].low in ("a", "an", "the"):
            m -= 1
        if m >= 0 and toks[prev[m]].low == "as":
            # "as a “...”" under a speech act verb of the same clause is the subject's word
            # ("urged X to engage Y as a “partner”"); otherwise it is a designation
            for x in range(m - 1, -1, -1):
                t = toks[prev[x]]
                if t.text in ",;:" or t.kind in ("qo", "qc"):
                    break
                if t.low in _DESIGNATION_WORDS:
                    return True
                lem = _LEMMA_OF.get(t.low)
                if lem in _AS_SPEECH or (lem is not None and self._verb(prev[x]) is not None):
                    return False
            return True
        return m >= 0 and toks[prev[m]].low in _DESIGNATION_WORDS

    def _governing(self, qi: int, si: int, kopen: int) -> tuple[_Rec | None, str]:
        q = self.mquotes[qi]
        recs = self.recs[si]
        cands = [r for r in recs if r.verb < kopen and r.scope is not None
                 and r.scope[0] <= kopen < r.scope[1] + 1 and not r.source_only
                 and r.kind not in ("trailing", "inverted", "bare")]
        if cands:
            best = max(cands, key=lambda r: (r.scope[0] if r.scope else 0, r.verb))
            prev = self.toks[kopen - 1] if kopen > 0 else None
            how = "colon" if prev is not None and prev.text == ":" else (
                "parenthetical" if best.kind == "parenthetical" else "said_before")
            if best.kind == "according_to":
                how = "according_to"
            if best.kind in ("what_said", "passive"):
                how = best.kind
            return best, how
        # after the quote, in the sentence holding the closing mark
        end_si = self._quote_sent(max(q.region_end - 1, q.open_pos))
        for r in self.recs[end_si]:
            if r.kind in ("trailing", "inverted", "according_to") and r.pieces:
                s, e = r.pieces[0]
                if self.toks[s].start <= q.open_pos + 1 and q.inner_end <= self.toks[e - 1].end \
                        or (r.boundary is not None and self._quote_before(r.boundary)
                            and self._boundary_quote(r.boundary) == qi):
                    return r, "according_to" if r.kind == "according_to" else "said_after"
                if self.toks[s].start <= q.open_pos < self.toks[e - 1].end:
                    return r, "according_to" if r.kind == "according_to" else "said_after"
        # split quotation: '“A,” he said, “B.”'
        for r in reversed(recs):
            if r.verb < kopen and r.kind in ("trailing", "inverted", "bare"):
                gap = [t for t in self.toks[(r.tail_end or r.verb + 1):kopen]
                       if t.text not in ","]
                if not gap:
                    return r, "said_before"
        # 'X said:' closing the previous paragraph introduces a quotation opening this one
        a = self.sents[si][0]
        if kopen == a and si > 0 and self.sents[si - 1][2] != self.sents[si][2]:
            pa, pb, _ = self.sents[si - 1]
            if self.toks[pb - 1].text == ":":
                prev = [r for r in self.recs[si - 1] if r.lemma in _CLAUSE_VERBS
                        and not r.source_only and r.verb < pb - 1]
                if prev:
                    return prev[-1], "colon"
        return None, ""

    def _boundary_quote(self, bidx: int) -> int:
        t = self.toks[bidx]
        if t.kind != "qc":
            t = self.toks[bidx - 1]
        for qi, q in enumerate(self.mquotes):
            if q.close_pos == t.start:
                return qi
        return -1

    def _colon_np(self, si: int, kopen: int) -> _NP | None:
        a = self.sents[si][0]
        if kopen - 1 <= a or self.toks[kopen - 1].text != ":":
            return None
        if kopen - 1 - a > 6:
            return None
        return self._analyze_np(a, kopen - 1)

    def _quote_type(self, qi: int, si: int, kopen: int, rec: _Rec | None) -> str:
        q = self.mquotes[qi]
        toks = self.toks
        a, b, _ = self.sents[si]
        k0 = bisect_left(self._tok_starts, q.inner_start)
        k1 = bisect_left(self._tok_starts, q.inner_end)
        inner_sents = {self.sent_of_tok[k] for k in range(k0, k1) if toks[k].kind == "w"}
        if len(inner_sents) > 1:
            return "direct"
        before = [toks[x] for x in range(a, kopen)]
        starts = not before or (before[-1].text == ":") or (
            before[-1].text == "," and len(before) >= 2 and _LEMMA_OF.get(before[-2].low)
            in _CLAUSE_VERBS)
        if not starts and before and before[-1].text == "," and len(before) <= 6 and not any(
                self._finite_like(x) for x in range(a, kopen)) and before[0].low not in ("and",):
            starts = rec is None or rec.kind in ("trailing", "inverted") or rec.verb > kopen
        if not starts and not self._that_clause_quote(kopen, k0):
            return "partial"
        end_si = self._quote_sent(max(q.region_end - 1, q.open_pos))
        ea, eb, _ = self.sents[end_si]
        kclose = next((k for k in range(ea, eb) if toks[k].start >= q.region_end), eb)
        rest = [t for t in toks[kclose:eb] if t.kind != "qc"]
        if all(t.kind == "p" and t.text in ".,?!;" for t in rest):
            return "direct"
        lows = [t.low for t in rest[:3]]
        if lows[:2] == ["and", "that"] or lows == [",", "and", "that"]:
            return "direct"  # 'said that “A” and that ...': the next reported clause follows
        for r in self.recs[end_si]:
            if r.kind in ("trailing", "inverted") and r.boundary is not None and \
                    r.boundary >= kclose - 1 and r.boundary <= kclose + 1:
                return "direct"
        return "partial"

    def _that_clause_quote(self, kopen: int, k0: int) -> bool:
        """Do the marks open the reported clause right after "that" ('said that “...”'), so
        that they hold its subject and finite verb (a whole utterance, not a fragment)?"""
        toks = self.toks
        if kopen < 2 or toks[kopen - 1].low != "that" or not self._free(kopen - 1):
            return False
        if k0 >= len(toks) or toks[k0].kind != "w":
            return k0 < len(toks) and toks[k0].text == "["  # "[the US] was notified ..."
        first = toks[k0].low
        return not (first in _FINITE or first in ("not", "never") or first.endswith("n't")
                    or _FORM_OF.get(first) is not None)

    def _next_bare(self, qi: int) -> _Rec | None:
        q = self.mquotes[qi]
        end_si = self._quote_sent(max(q.region_end - 1, q.open_pos))
        nsi = end_si + 1
        if nsi >= len(self.sents):
            return None
        if self.sents[nsi][2] != self.sents[end_si][2] and \
                self.toks[self.sents[end_si][1] - 1].end < self.paras[self.sents[end_si][2]][1]:
            return None
        bares = [r for r in self.recs[nsi] if r.kind == "bare"]
        return bares[0] if bares else None

    def _previous_speaker(self, si: int, kopen: int) -> _Speaker | None:
        a, _b, para = self.sents[si]
        if si == 0:
            return None
        psi = si - 1
        # a quotation opening its paragraph (after at most a short introduction) takes the
        # speaker of the last sentence of the previous paragraph
        if self.sents[psi][2] != para and kopen - a > 6:
            return None
        cands = [h for h in self.hist if h.sent == psi and h.kind == "speaker"]
        return cands[-1].sp if cands else None

    # ------------------------------------------------------------------ assembly

    def run(self) -> list[Quote]:
        self.find_records()
        self.link_records()
        out: list[Quote] = []
        by_sent: dict[int, list[int]] = {}
        for qi, q in enumerate(self.mquotes):
            by_sent.setdefault(self._quote_sent(q.open_pos), []).append(qi)
        for si, (a, b, _p) in enumerate(self.sents):
            ms = self._main_subject(a, b)
            if ms:
                np = self._analyze_np(*ms)
                if np is not None and np.pronoun is None:
                    self._push(np.start, si, self._speaker_from_np(np), "subject")
            events: list[tuple[int, int, object]] = []
            for r in self.recs[si]:
                events.append((r.verb, 0, r))
            for qi in by_sent.get(si, []):
                events.append((self._tok_at(self.mquotes[qi].open_pos), 1, qi))
            events.sort(key=lambda x: (x[0], x[1]))
            for _k, typ, obj in events:
                if typ == 0:
                    assert isinstance(obj, _Rec)
                    self._emit_indirect(obj, out)
                else:
                    assert isinstance(obj, int)
                    self._emit_mark(obj, si, out)
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _emit_indirect(self, r: _Rec, out: list[Quote]) -> None:
        if not r.pieces and not self._scope_has_quote(r) and r.kind not in (
                "trailing", "inverted", "bare"):
            if r.kind == "governing" and r.lemma in _SPEECH_ACTS:
                # "X accused Y of ...": a speech act without quoted words; X is a speaker
                self._push(self.toks[r.verb].start, r.sent, self._speaker_of(r))
            return  # a speech verb without reported content ("the city continues to warn")
        if r.kind in ("governing", "bare") or r.source_only:
            if not r.source_only:
                self._push(self.toks[r.verb].start, r.sent, self._speaker_of(r))
            return
        sp = self._speaker_of(r)
        self._push(self.toks[r.verb].start, r.sent, sp)
        if r.nested and not self._adverbial_report(r):
            return
        if self._headline(self.sents[r.sent][2]):
            return  # a headline's telegraphic report restates a statement of the story
        toks = self.toks
        for ps, pe in r.pieces:
            if pe <= ps:
                continue
            s, e = toks[ps].start, toks[pe - 1].end
            if self._is_one_quote(s, e):
                continue
            free_words = sum(1 for k in range(ps, pe) if toks[k].kind == "w" and self._free(k))
            if free_words < 3:
                continue
            if any(q.inner_start <= s and e <= q.inner_end for q in self.mquotes):
                continue
            if any(s <= q.open_pos < e for q in self.mquotes):
                continue  # one statement, one row: the quotation in marks carries it
            pos = {"forward": "said_before", "coord": "said_before", "participle":
                   "said_before", "trailing": "said_after", "inverted": "said_after",
                   "parenthetical": "parenthetical", "according_to": "according_to",
                   "what_said": "what_said", "passive": "passive"}[r.kind]
            quote = self._make(s, e, "indirect", sp, r, pos, indirect=True)
            if r.kind == "passive" and sp is None:
                quote.reason = "agentless passive: the text names no speaker"
            out.append(quote)

    def _headline(self, para: int) -> bool:
        """Is paragraph ``para`` the headline (the first of several, without a final stop)?"""
        if para != 0 or len(self.paras) < 2:
            return False
        return self.body[self.paras[0][1] - 1] not in ".!?\"”"

    def _adverbial_report(self, r: _Rec) -> bool:
        """A report nested in another one as an adverbial clause ("while X say ...")."""
        if r.np is None or r.np[0] == 0:
            return False
        return self.toks[r.np[0] - 1].low in _ADVERBIAL_SUBORD

    def _is_one_quote(self, s: int, e: int) -> bool:
        """Is body[s:e] one quotation with its marks (give or take a punctuation mark)?"""
        return any(abs(q.open_pos - s) <= 1 and abs(q.region_end + 1 - e) <= 1
                   for q in self.mquotes)

    def _emit_mark(self, qi: int, si: int, out: list[Quote]) -> None:
        q = self.mquotes[qi]
        kopen = self._tok_at(q.open_pos)
        nwords = len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", self.body[q.inner_start:q.inner_end]))
        if nwords <= 6 and self._is_designation(qi, si):
            out.append(self._rejected(q, "scare quote/designation"))
            return
        rec, how = self._governing(qi, si, kopen)
        sp: _Speaker | None = None
        reason = None
        if rec is not None:
            sp = self._speaker_of(rec)
        elif (cnp := self._colon_np(si, kopen)) is not None:
            sp = self._resolve(cnp, _Rec(si, kopen, None, "forward"))
            how = "colon"
        if rec is None and sp is None and nwords <= 3 and not self._whole_sentence(qi, si, kopen):
            out.append(self._rejected(q, "scare quote/designation"))
            return
        if rec is None and sp is None:
            nb = self._next_bare(qi)
            if nb is not None:
                rec, how = nb, "next_sentence"
                sp = self._speaker_of(nb)
            else:
                sp = self._previous_speaker(si, kopen)
                if sp is not None:
                    how = "previous_sentence"
                else:
                    how = "none"
                    reason = "no attribution found"
        qtype = self._quote_type(qi, si, kopen, rec)
        quote = self._make(q.inner_start, q.inner_end, qtype, sp, rec, how)
        if reason:
            quote.reason = reason
        out.append(quote)
        self._push(q.open_pos, si, sp)

    def _whole_sentence(self, qi: int, si: int, kopen: int) -> bool:
        """Does the quotation make up its sentence on its own ('“Never.”')?"""
        q = self.mquotes[qi]
        a, b, _ = self.sents[si]
        if any(self.toks[x].kind != "p" for x in range(a, kopen)):
            return False
        rest = [t for t in self.toks[a:b] if t.start >= q.region_end]
        return all(t.kind in ("p", "qc") for t in rest)

    def _rejected(self, q: _MarkQuote, reason: str) -> Quote:
        return Quote(q.inner_start, q.inner_end, self.body[q.inner_start:q.inner_end], "partial",
                     None, None, None, None, None, None, "none", 0.9, reason, "rejected")

    def _make(self, s: int, e: int, qtype: str, sp: _Speaker | None, r: _Rec | None, how: str,
              indirect: bool = False) -> Quote:
        labels = [how]
        conf = {"said_after": 0.95, "said_before": 0.93, "colon": 0.93, "according_to": 0.9,
                "parenthetical": 0.9, "what_said": 0.8, "next_sentence": 0.8,
                "previous_sentence": 0.7, "none": 0.3}.get(how, 0.6)
        reasons: list[str] = []
        if how == "previous_sentence":
            reasons.append("speaker carried over from the previous sentence")
        if sp is not None and sp.pronoun is not None:
            labels.append("pronoun")
            conf *= 0.85
            if sp.start is not None:
                reasons.append(f"speaker resolved from the pronoun '{sp.pronoun[2]}'")
        if r is not None and r.statement:
            labels.append("in_statement")
        if sp is not None and sp.role:
            labels.append("role")
        if sp is None or sp.start is None:
            conf = min(conf, 0.3)
        if indirect:
            conf *= 0.9
        if sp is not None and sp.reason:
            reasons.append(sp.reason)
        verb = r.lemma if r is not None else None
        if verb is not None:
            verb = _SPELLING.get(verb, verb)
        quote = Quote(
            s, e, self.body[s:e], qtype,
            sp.start if sp else None, sp.end if sp else None, sp.mention if sp else None,
            sp.actor if sp else None, sp.desc if sp else None, verb, "+".join(labels),
            round(conf, 2), "; ".join(reasons) or None, "accepted")
        if sp is not None and sp.pronoun is not None:
            quote.speaker_pronoun_start, quote.speaker_pronoun_end, quote.speaker_pronoun = \
                sp.pronoun
        src = r.source if r is not None else None
        if src is None and r is not None:
            src = self._tail_source(r)
        if src is not None:
            snp = self._analyze_np(*src)
            if snp is not None:
                quote.source_start, quote.source_end = snp.start, snp.end
                quote.source_mention = snp.text
        return quote

    def _tail_source(self, r: _Rec) -> tuple[int, int] | None:
        """'... he said in remarks carried by the news agency TASS' -> the agency."""
        toks = self.toks
        a, b, _ = self.sents[r.sent]
        e = self._sent_end(a, b)
        for k in range(r.verb + 1, min(e, r.verb + 12) - 1):
            if toks[k].low in ("carried", "reported", "quoted", "cited", "published") and \
                    toks[k + 1].low == "by":
                m = k + 2
                while m < e and toks[m].text not in ",;" and toks[m].kind not in ("qo", "qc"):
                    m += 1
                return (k + 2, m) if m > k + 2 else None
        return None


# --------------------------------------------------------------------------- entry point


def extract_quotes(body: str | Document, hints: Sequence[SpeakerHint] = ()) -> list[Quote]:
    """All quotations (direct, partial, indirect) in ``body`` with their speakers, in text order.

    ``hints`` are actor mentions found elsewhere (e.g. registry matches); they only map speaker
    spans to actor ids and tell people from bodies. Rejected candidates (scare quotes,
    designations) are returned with ``status == "rejected"`` and a reason.
    """
    doc = Document.of(body)
    if not doc.text.strip():
        return []
    return _Extractor(doc, hints).run()

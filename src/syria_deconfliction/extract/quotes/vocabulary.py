"""The quote extractor's word classes, read from the lexicon (knowledge/lexicon/*.yaml)."""

from __future__ import annotations

from ..lexicon import table, words

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
# verbs that speak only with their particle after them ("point out"): lemma -> particle
_PARTICLE_OF = dict(table("quotes_particle_verbs"))
_SPELLING = {"emphasize": "emphasise", "characterize": "characterise", "criticize": "criticise"}

# verbs whose complement can be a reported clause
_CLAUSE_VERBS = words("quotes_clause_verbs")
# ... of which these may drop "that"
_BARE_VERBS = words("quotes_bare_verbs")
# verbs with an addressee before the clause
_OBJ_VERBS = words("quotes_obj_verbs")
# verbs that can stand after a quote or clause as its attribution ("..., X said")
# verbs of manner or medium ("shouted", "quipped", "tweeted"): they attribute words in marks only
_MANNER_VERBS = words("quotes_manner_verbs")
_TRAILING_VERBS = _CLAUSE_VERBS | _MANNER_VERBS | {"ask", "continue"}
_AFTER_QUOTE_ONLY = _MANNER_VERBS | {"ask", "continue"}
# characterising verbs reported in the passive ("were described as ...")
_PASSIVE_SPEECH = words("quotes_passive_speech")
# verbs that invert with their subject ("..., said X")
_INVERTED_VERBS = words("quotes_inverted_verbs") | _MANNER_VERBS
# speech-act verbs that govern "X as “...”" / "X a “...”" (the subject's own words)
_AS_SPEECH = words("quotes_as_speech")
# promise verbs: words in marks inside their infinitive are the subject's ("vowed to ...")
_COMMISSIVE_VERBS = words("quotes_commissive_verbs")
# verbs of "As X noted, ... “...”" (besides "as X put it")
_AS_IDIOM_VERBS = words("quotes_as_idiom_verbs")

# verbs whose object or complement may hold a quotation without a clause ("accused X of “...”")
_GOVERNING_VERBS = _AS_SPEECH | _words("accuse urge blame demand ask claim warn tell")
# governing verbs that are speech acts in themselves (their subject has spoken)
_SPEECH_ACTS = _AS_SPEECH | _words("accuse urge blame demand")
_DESIGNATION_WORDS = words("quotes_designation_words")
_DESIGNATION_MODIFIERS = words("quotes_designation_modifiers")
_NAMING_NOUNS = words("quotes_naming_nouns")
_WORK_NOUNS = words("quotes_work_nouns")

_PRONOUNS = words("quotes_pronouns")
_POSSESSIVE_PRONOUNS = dict(table("quotes_possessive_pronouns"))
_AUTHOR_LINE_WORDS = words("quotes_author_line_words")
_PARTICIPLE_LEADS = words("quotes_participle_leads")
_ADDRESSEES = words("quotes_addressees")
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
_TITLE_MODIFIERS = words("quotes_title_modifiers")
_HONORIFICS = words("quotes_honorifics")
_ORG_WORDS = words("quotes_org_words")
_PARTICLES = words("quotes_particles")
_PERSON_ROLE_NOUNS = words("quotes_person_role_nouns")
_PLURAL_COLLECTIVES = words("quotes_plural_collectives")
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
    ("general", "general gen"),
):
    for _w in _role_words.split():
        _ROLE_CLASS[_w] = _cls
# rank words that make another office of the same role ("deputy ambassador")
_RANK_WORDS = words("quotes_rank_words")
# heads of document speakers: the issuer speaks, not the document
_DOC_NOUNS = words("quotes_doc_nouns")
_HEADLINE_RUBRICS = words("quotes_headline_rubrics")
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
_PLACE_TITLE_ABBREV = words("quotes_place_title_abbrev")
_SENTENCE_STARTERS = words("quotes_sentence_starters")

# subordinators of an adverbial clause: a report inside one is its own statement
_ADVERBIAL_SUBORD = words("quotes_adverbial_subord")
_TAIL_SUBORD = words("quotes_tail_subord")

_OPEN_MARKS = "“„«"
_CLOSE_MARKS = "”»"
_STRAIGHT = '"'


# elided words after an apostrophe: such an apostrophe opens no single-marked quotation
_ELISIONS = words("quotes_elisions")
# words that tell a person's gender (pronoun agreement)
_MALE_WORDS = words("quotes_male_words")
_FEMALE_WORDS = words("quotes_female_words")
# common given names by the gender they usually tell (lexicon first_names.yaml)
_MALE_FIRST_NAMES = words("quotes_male_first_names")
_FEMALE_FIRST_NAMES = words("quotes_female_first_names")
# speech verbs with a common sense other than speech: without reported content they speak not
_OTHER_SENSES = words("quotes_other_senses")

"""Speech verbs as lexicon data (issue 13): verbs of manner and medium attribute words in
marks, and a progressive speech verb is finite. One invented sentence per rule."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def _quotes(body: str) -> list:
    return [q for q in extract_quotes(body)
            if q.status == "accepted" and q.quote_type != "indirect"]


def test_manner_verb_attributes_a_quotation() -> None:
    (q,) = _quotes("“Keep the gates shut!” Councillor Ines Rook shouted.")
    assert (q.text, q.speaker_mention) == ("Keep the gates shut!", "Ines Rook")


def test_progressive_speech_verb_governs_a_partial_quotation() -> None:
    (q,) = _quotes("Ilse Brandt is telling farmers that the harvest is “badly damaged” this year.")
    assert (q.text, q.quote_type, q.speaker_mention) == ("badly damaged", "partial", "Ilse Brandt")


def test_a_base_form_speech_verb_after_a_plural_without_s_is_finite() -> None:
    # "Police say ...": a plural noun without -s (lexicon quotes_plural_collectives) is the
    # subject of a base-form speech verb, whose clause holds the words in marks
    body = "Match\nPolice say they have “enough staff” to guard the stadium."
    q = {q.text: q for q in extract_quotes(body)}["enough staff"]
    assert (q.status, q.speaker_mention) == ("accepted", "Police")


def test_a_base_form_speech_verb_after_coordinated_names_is_finite() -> None:
    # "X and Y call them “...”": a subject of names joined by "and" is plural
    body = "Match\nOn Monday Ruiz and Bell call them “lone raiders” and move on."
    q = {q.text: q for q in extract_quotes(body)}["lone raiders"]
    assert q.status == "accepted"


def test_blast_is_a_speech_act_governing_words_in_marks() -> None:
    # "X blasted Y for being “...”": blast (criticise loudly) is a speech act verb like slam
    body = "Row\nThe mayor blasted the council for being “utterly lazy.”"
    q = {q.text: q for q in extract_quotes(body)}["utterly lazy"]
    assert (q.status, q.speaker_mention) == ("accepted", "The mayor")


def test_referencing_words_in_marks_quotes_them() -> None:
    # "it referenced/cited/invoked “...”" (lexicon quotes_as_speech): the subject used those
    # words, a partial quote of it rather than a scare quote
    body = ("Port report\nThe harbour board did not name the mayor, but it referenced "
            "“political strains” in the town.")
    q = next(q for q in extract_quotes(body) if q.text == "political strains")
    assert (q.status, q.quote_type) == ("accepted", "partial")
    assert q.speaker_mention == "The harbour board"


def test_words_in_marks_inside_a_vowed_infinitive_are_the_subjects() -> None:
    # "X ... and vowed to sternly punish “...”" (lexicon quotes_commissive_verbs): the marks in
    # the promise's infinitive quote its subject
    body = ("Harbour\nThe new harbour chief also unveiled her dredging plan and vowed to sternly "
            "punish “skippers who dump oil in the bay.”")
    q = next(q for q in _quotes(body) if q.text == "skippers who dump oil in the bay")
    assert (q.quote_type, q.speaker_mention) == ("partial", "The new harbour chief")


def test_point_out_is_a_speech_verb_with_its_particle_only() -> None:
    # "pointed out that ...", "..., the mayor pointed out." report; "pointed to" does not
    got = [(q.text, q.speaker_mention) for q in extract_quotes(
        "Row\nThe mayor pointed out that the port had been closed for a week.\n"
        "The ferry had been idle since May, the mayor pointed out.\n"
        "The mayor pointed to reports that the port was closed.")]
    assert got == [("the port had been closed for a week", "The mayor"),
                   ("The ferry had been idle since May", "the mayor")]

"""Short partial quotations (issue 13): a word or two in marks inside someone's reported
speech is that person's word; a Title Case name in marks is not. One invented sentence each."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def _marked(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.status, q.speaker_mention) for q in extract_quotes(body)
            if q.quote_type != "indirect"]


def test_short_quote_inside_reported_speech_is_the_speakers_word() -> None:
    body = ("Calling the delay an attempt to “stall the talks”, Minister Olek Varga said the vote "
            "would go ahead.")
    assert _marked(body) == [("stall the talks", "accepted", "Olek Varga")]


def test_title_case_name_in_marks_stays_rejected() -> None:
    body = "Appearing on “Morning Harbour”, Minister Olek Varga said the vote would go ahead."
    assert _marked(body) == [("Morning Harbour", "rejected", None)]


def test_so_called_in_the_object_leaves_as_under_the_speech_verb() -> None:
    # "described the so-called X as “...”": "so-called" names the object, the words after
    # "as" are still the describer's
    body = "Trade\nThe mayor described the so-called harbour pact as “the best deal” of all."
    qs = {q.text: q for q in extract_quotes(body)}
    assert qs["the best deal"].status == "accepted"
    assert qs["the best deal"].speaker_mention == "The mayor"


def test_title_case_words_in_the_writers_sentence_name_a_work() -> None:
    # 'an episode of “...”', 'his book, ''...'',': title-case words in marks inside the
    # writer's sentence are a title, unless set off after a speech verb or named by "call"
    body = ("Show\nOn an episode of “The Late Harbour Show,” the mayor said the plan works. "
            "Ms. Ruiz added the words, “Harbour Forever.” Critics called it “Mayor Money Pit.”")
    qs = {q.text: q for q in extract_quotes(body)}
    assert (qs["The Late Harbour Show"].status, qs["The Late Harbour Show"].reason) == (
        "rejected", "title")
    assert qs["Harbour Forever"].status == "accepted"
    assert qs["Mayor Money Pit"].status == "accepted"


def test_a_title_case_quotation_alone_as_a_paragraph_is_a_subheading() -> None:
    # a section subheading in marks between paragraphs is no one's speech
    body = ("Plan\n“We will build it,” the mayor said.\n'Waiting for the Harbour.'\n"
            "The council met on Monday.")
    qs = {q.text: q for q in extract_quotes(body)}
    assert (qs["Waiting for the Harbour"].status, qs["Waiting for the Harbour"].reason) == (
        "rejected", "subheading")
    # short words all capitalised make a subheading too
    body = "Plan\n“We will build it,” the mayor said.\n'All Is Not Lost.'\nThe council met."
    qs = {q.text: q for q in extract_quotes(body)}
    assert qs["All Is Not Lost"].reason == "subheading"


def test_words_in_marks_in_a_possessors_claim_clause_are_the_possessors() -> None:
    # "X's claim that ... “...”": a claim noun after a possessive owns its that-clause's
    # quoted words, however short; without an owner they stay a scare quote
    body = ("Flood\nMayor Jane Okafor spoke on Monday. Critics doubted Jane Okafor’s claim "
            "that the dam was “perfectly sound” before the storm. They questioned the claim "
            "that the dam was “quite safe” after all.")
    got = {q.text: (q.status, q.speaker_mention, q.verb) for q in extract_quotes(body)}
    assert got["perfectly sound"] == ("accepted", "Jane Okafor", "claim")
    assert got["quite safe"][0] == "rejected"
    # the owner speaks those words only: the next sentence's words are not carried to her
    more = body + " Engineers later found “a crack of some forty metres” in the wall."
    rows = {q.text: q.speaker_mention for q in extract_quotes(more)}
    assert rows["a crack of some forty metres"] is None


def test_short_words_in_marks_joined_to_attributed_ones_share_their_speaker() -> None:
    # "... as a “...” and a “...”": the second, however short, is no scare quote
    body = ("Feud\nFor months, Senator Jane Okafor has attacked the mayor as a “man who sold "
            "the harbour to the highest bidder” and a “part-time clown.”")
    got = {q.text: (q.status, q.speaker_mention) for q in extract_quotes(body)}
    assert got["part-time clown"] == ("accepted", "Jane Okafor")


def test_capitalised_words_in_marks_after_a_work_noun_are_its_title() -> None:
    # "his book on the port, 'Tides,'": a title (lexicon quotes_work_nouns), not speech,
    # even in a sentence that holds a speech verb
    body = ("Harbour\nThe mayor said on Monday he agreed with Ana Ruiz's book on the port, "
            "'Tides,' which was published last year.")
    got = {q.text: (q.status, q.reason) for q in extract_quotes(body)}
    assert got["Tides"] == ("rejected", "title")


def test_words_set_off_after_a_work_noun_that_close_the_sentence_are_speech() -> None:
    # 'said on his show, “Never.”': an utterance, not the show's title
    body = "Row\nThe host said on his radio show, “Never.”"
    got = {q.text: (q.status, q.speaker_mention) for q in extract_quotes(body)}
    assert got["Never"] == ("accepted", "The host")


def test_words_in_marks_in_the_object_of_a_promise_are_the_promisers() -> None:
    # "pledged cheaper ferries and “...”": a short object of a promise verb, no preposition
    body = ("Row\nAt the rally, Mayor Jane Okafor pledged cheaper ferries and “a harbour for "
            "all” to the crowd. She also promised a pier for the “old town” area.")
    got = {q.text: (q.status, q.speaker_mention) for q in extract_quotes(body)}
    assert got["a harbour for all"] == ("accepted", "Jane Okafor")
    assert got["old town"][0] == "rejected"

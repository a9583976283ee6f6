"""Headline quotations (issue 13): words in marks in the headline that a body quotation holds
are that speaker's words, however short. One invented article."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def test_headline_quote_echoing_a_body_quote_takes_its_speaker() -> None:
    body = ("Harbour plan 'chaos' looms for Varno council\n\n"
            "Mayor Ilse Brandt said the vote would bring “chaos” to the port.")
    head = next(q for q in extract_quotes(body) if q.start < body.index("\n"))
    assert (head.text, head.status, head.speaker_mention, head.attribution) == (
        "chaos", "accepted", "Ilse Brandt", "inferred")


def test_a_headline_quotation_before_a_colon_is_the_named_subjects() -> None:
    # "‘...’: X vows ...": the name after the colon speaks the words that open the headline
    body = ("‘We will not back down’: Jane Okafor vows to fight port closure\n"
            "The mayor said on Monday that she would fight the closure.")
    (q,) = [q for q in extract_quotes(body) if q.text == "We will not back down"]
    assert (q.status, q.quote_type, q.speaker_mention, q.attribution) == (
        "accepted", "direct", "Jane Okafor", "colon")


def test_a_subheading_quoting_the_next_paragraphs_takes_their_speaker() -> None:
    # a short paragraph in capitals inside the story ("STRIKE 'CHAOS' FEARED") quotes the
    # section below it like a headline quotes the story
    body = ("Ferry strike enters second week\n"
            "The port stayed closed on Monday.\n"
            "STRIKE 'CHAOS' FEARED\n"
            "On Tuesday, Mayor Ilse Brandt said the strike would bring “chaos” to the port.\n"
            "The union said it would meet on Friday.")
    (q,) = [q for q in extract_quotes(body) if q.start < body.index("On Tuesday")
            and q.quote_type != "indirect"]
    assert (q.text, q.status, q.speaker_mention, q.attribution) == (
        "CHAOS", "accepted", "Ilse Brandt", "inferred")

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

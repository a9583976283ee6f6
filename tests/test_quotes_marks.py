"""Quotation marks beyond the double curly/straight ones (issue 13): doubled apostrophes and
single marks with their apostrophe guards. One invented sentence per rule."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def _accepted(body: str) -> list:
    quotes = extract_quotes(body)
    for q in quotes:
        assert body[q.start:q.end] == q.text
    return [q for q in quotes if q.status == "accepted"]


def test_doubled_apostrophes_are_quotation_marks() -> None:
    (q,) = _accepted("''We will rebuild the pier,'' said Mayor Ilse Brandt.")
    assert (q.text, q.quote_type, q.speaker_mention) == (
        "We will rebuild the pier", "direct", "Ilse Brandt")


def test_single_marks_quote_but_apostrophes_do_not() -> None:
    body = ("Minister Olek Varga called the deal 'a betrayal of the farmers' in the '90s "
            "style of rock 'n' roll, and the Vargas' lawyer declined to comment.")
    quotes = _accepted(body)
    assert [(q.text, q.quote_type, q.speaker_mention) for q in quotes if q.quote_type != "indirect"
            ] == [("a betrayal of the farmers", "partial", "Olek Varga")]

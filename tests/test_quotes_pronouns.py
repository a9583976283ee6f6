"""Pronoun agreement (issue 13): "she" never takes up a person the text calls "Mr". One invented
sentence."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def test_she_skips_a_man_named_with_mr() -> None:
    body = ("Senator Ruth Calder spoke after the vote. “The levy is fair,” Mr. Paul Brandt told "
            "her. “It will ruin the farms,” she said.")
    quotes = [q for q in extract_quotes(body) if q.status == "accepted"]
    last = next(q for q in quotes if q.text == "It will ruin the farms")
    assert (last.speaker_mention, last.speaker_pronoun) == ("Ruth Calder", "she")

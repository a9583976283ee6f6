"""Persons named in a wire's credit line (extract/mentions/credits.py), one rule a test."""

from __future__ import annotations

import pytest

from syria_deconfliction.extract.mentions import Mention
from syria_deconfliction.extract.mentions.credits import credit_names


def _names(line: str, mentions: tuple[Mention, ...] = ()) -> list[str]:
    return [name for _s, _e, name in credit_names(line, [(0, len(line))], mentions)]


@pytest.mark.parametrize("line, names", [
    # role words separate names and are never part of one, whatever their case
    ("(Reporting by Jo Verne; Editing by Max Tull)", ["Jo Verne", "Max Tull"]),
    ("(Reporting By Jo Verne, editing by Max Tull)", ["Jo Verne", "Max Tull"]),
    # the place a journalist filed from is no person, nor the country after it
    ("(Reporting by Jo Verne in Lyon and Ida Sand in Porto Nova; Writing by Max Tull)",
     ["Jo Verne", "Ida Sand", "Max Tull"]),
    ("Agency writers Kim Lark in Sidon and Ode Fenn in Tyre, Lebanon contributed to this report.",
     ["Kim Lark", "Ode Fenn"]),
    # particles belong to the name
    ("(Additional reporting by Omar al-Tayeb and Lies van der Berg)",
     ["Omar al-Tayeb", "Lies van der Berg"]),
    # one capitalised word is no name ("Reporting by Agency staff")
    ("(Reporting by Agency staff; Editing by Max Tull)", ["Max Tull"]),
])
def test_credit_line_names(line: str, names: list[str]) -> None:
    assert _names(line) == names


def test_an_author_note_credits_its_author_not_the_outlets_or_places() -> None:
    line = ("Jo Verne is a Cairo-based correspondent for The Ledger. She has written from the "
            "Baltic coast for papers such as The Beacon, a Doha-based daily, and The Herald.")
    assert _names(line) == ["Jo Verne"]


def test_an_actor_already_read_in_the_credit_line_is_no_new_person() -> None:
    line = "Example Wire writers Kim Lark and Ode Fenn contributed to this report."
    wire = Mention(0, 12, "Example Wire", "example-wire", "alias")
    assert _names(line, (wire,)) == ["Kim Lark", "Ode Fenn"]
    # read or not, the run before "writers" is the outlet
    assert _names(line) == ["Kim Lark", "Ode Fenn"]


def test_names_outside_the_credit_segments_are_not_read() -> None:
    text = "Jo Verne said talks failed.\n\n(Reporting by Max Tull)"
    credit = (text.index("(Reporting"), len(text))
    assert [n for _s, _e, n in credit_names(text, [credit], [])] == ["Max Tull"]


def test_an_article_credits_its_journalists_as_persons() -> None:
    from syria_deconfliction.corpus.article import extract_article
    from syria_deconfliction.corpus.knowledge import Knowledge

    raw = ("Ministers meet in Vienna\n\nThe ministers met on Tuesday, officials said.\n\n"
           "(Reporting by Jo Verne in Vienna; Editing by Max Tull)\n")
    rows = extract_article(raw, "x.txt", Knowledge.load())
    text = rows["articles"][0]["text"]
    credited = [m for m in rows["actor_mentions"] if m["rule"] == "credit"]
    assert [text[m["char_start"]:m["char_end"]] for m in credited] == ["Jo Verne", "Max Tull"]
    types = {a["actor_id"]: a["type"] for a in rows["actor_candidates"]}
    assert [types[m["actor_id"]] for m in credited] == ["person", "person"]

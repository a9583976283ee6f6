"""words_after_no (extract/patterns.py): the alternation that lets a search skip to the words'
first characters finds what the plain look-behind form finds."""

from __future__ import annotations

import re

import pytest

from syria_deconfliction.extract.patterns import words_after_no

TEXT = ("The envoy and an aide met a general; the-other Tuesdays, xThe, Monday-Tuesday, "
        "AN attaché, Anna and Thursday ended. their hist its, The\tthe a")


@pytest.mark.parametrize(("words", "before"), [
    (["The", "the", "A", "An", "a", "an"], r"[\w-]"),
    (["Monday", "Tuesday", "Thursday", "Saturday", "Sunday"], r"\w"),
    (["their", "his", "her", "its"], r"\w"),
])
def test_words_after_no_finds_what_the_plain_look_behind_finds(words: list[str],
                                                                before: str) -> None:
    plain = "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))
    expected = [m.span() for m in re.finditer(rf"(?<!{before})(?:{plain})", TEXT)]
    got = [m.span() for m in re.finditer(words_after_no(words, before), TEXT)]
    assert got == expected and got


def test_literal_starts_finds_every_opening_within_the_bounds() -> None:
    from syria_deconfliction.extract.patterns import literal_starts

    text = "the theme of their thesis"
    # overlapping openings count ("the" inside "theme", "their", "thesis"), each once, ascending
    assert literal_starts(text, ["the", "thes"]) == [0, 4, 13, 19]
    # bounded: only openings in [start, end) whose word ends by end
    assert literal_starts(text, ["the"], 4, 16) == [4, 13]
    assert literal_starts(text, ["thesis"], 0, 24) == []

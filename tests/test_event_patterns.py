"""The events rules' faster pattern forms find what the plain alternations found."""

from __future__ import annotations

import re

import pytest

from syria_deconfliction.extract.case import lowered
from syria_deconfliction.extract.events.casefold import Caseless
from syria_deconfliction.extract.events.tries import first_letters, longest_first, word_or_prefix

_NAMES = ["Zenda", "Zenda Province", "Zen", "North Zenda", "Al-Tarim", "Tarim"]


def _alternation(forms: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<![\w-])({alt})(?![\w])")


@pytest.mark.parametrize("text", [
    "Jets hit Zenda Province and North Zenda, not Zendan; Al-Tarim and Tarim held.",
    "Zenda Provinces, Zen-like calm in Zenda, and Zenda Province.",
])
def test_longest_first_trie_finds_what_the_longest_first_alternation_finds(text: str) -> None:
    trie = re.compile(f"(?={first_letters(_NAMES)})" + r"(?<![\w-])("
                      + longest_first(_NAMES, r"(?![\w])") + ")")
    assert [m.span(1) for m in trie.finditer(text)] == [
        m.span(1) for m in _alternation(_NAMES).finditer(text)]


def test_word_or_prefix_trie() -> None:
    rx = re.compile(r"(?<![\w'’-])(?=" + word_or_prefix(["strike", "air"], ["shell"])
                    + r")\w+")
    found = [m.group() for m in rx.finditer("air strikes, a strike, shelling, airstrike")]
    assert found == ["air", "strike", "shelling"]


@pytest.mark.parametrize("text", [
    "REBELS and Rebel fighters met the rebels.",
    "Kelvin: \u212aurdish rebels.",  # the Kelvin sign lower-cases to k
])
def test_caseless_pattern_over_lowered_text(text: str) -> None:
    rx = Caseless(r"(?<![\w-])(rebels?|kurdish)(?!\w)")
    assert rx.lower is not None
    low = lowered(text)
    assert [m.span() for m in rx.finditer(text, low)] == [
        m.span() for m in rx.ignore.finditer(text)]


@pytest.mark.parametrize("text", ["a rebelſ", "İdlib rebels", "the rebel ıslands"])
def test_lowered_refuses_letters_that_case_folding_treats_apart(text: str) -> None:
    assert lowered(text) is None  # "ſ"/"ı" match s/i only case aside; "İ" lengthens


def test_lowered_is_the_old_rule_and_only_dotted_i_lengthens() -> None:
    # events read the mention rules' remembered lower case; it must be the rule events had:
    # None when lower() lengthens the text or a letter folds apart, else text.lower()
    assert [c for c in map(chr, range(0x110000)) if len(c.lower()) != 1] == ["\u0130"]
    for text in ["Rebels Shelled ZENDA’s “Old Town”.", "Kelvin \u212a", "İdlib", "ſ", "ı", ""]:
        low = text.lower()
        old = None if len(low) != len(text) or "ı" in text or "ſ" in text else low
        assert lowered(text) == old


def test_caseless_keeps_the_flag_for_an_upper_case_pattern() -> None:
    assert Caseless(r"\W+rebels").lower is None
    assert Caseless(r"\x72ebels").lower is None

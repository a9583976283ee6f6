"""The trigger matcher's indexes find what every entry's regex finds over the whole sentence."""

from __future__ import annotations

import pytest

from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.events.sentence import _Article, _Sentence
from syria_deconfliction.extract.events.trigger_lexicon import lexicon_from_data, load_lexicon
from syria_deconfliction.extract.events.triggers import _entry_matches

_LEX = lexicon_from_data({"triggers": [
    {"id": "strike", "verb": "strike", "noun": ["strike", "air strike"], "code": "195",
     "kind": "kinetic"},
    {"id": "open-fire", "pattern": "open(?:s|ed|ing)? fire", "code": "190", "kind": "kinetic"},
    {"id": "use-gas", "pattern": "(?:use|used) gas|gassed", "code": "1041", "kind": "kinetic"},
    {"id": "free", "pattern": r"\w+ly shelled", "code": "195", "kind": "kinetic"},
]})


def _all_entries(lex, text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(i, m.span()) for i, rx in enumerate(lex.regexes) for m in rx.finditer(text)]


def _indexed(lex, text: str) -> list[tuple[int, tuple[int, int]]]:
    doc = Document(text)
    s = _Sentence(doc, 0, len(text), [], lex, {})
    return [(i, m.span()) for i, m in _entry_matches(s, lex)]


def test_pattern_prefixes_index_patterns_with_a_literal_opening() -> None:
    words = {p for group in _LEX.prefixes.values() for p, _ in group}
    assert words == {"open", "use", "gassed"}  # "used" is covered by its shorter prefix "use"
    assert _LEX.unprefixed == frozenset({3})  # "\w+ly shelled" opens with no literal


@pytest.mark.parametrize("text", [
    "Jets opened fire and carried out an air strike, then a strike, then STRIKES.",
    "An air strike strike followed; the air  strike was one of many.",  # overlapping forms
    "Forces used gas and later GASSED the town, while others heavily shelled it.",
    "Jets struck Dérbasiyah and opened fire.",  # a non-ASCII word: the whole-sentence search
    "Pre-strike talks, strikes' toll and Strikers; then OPENLY reopened fire.",  # word edges
])
def test_indexed_matches_equal_every_entry_searched(text: str) -> None:
    assert _indexed(_LEX, text) == _all_entries(_LEX, text)


def test_indexed_matches_with_the_project_lexicon() -> None:
    lex = load_lexicon()
    text = ("Russian jets shot down a drone, opened fire on a convoy and blew up a bridge "
            "after the ceasefire came into effect; officials declined to comment.")
    assert _indexed(lex, text) == _all_entries(lex, text)


@pytest.mark.parametrize("text", [
    "Jets opened fire. Then an air strike hit Zenda.\nForces used gas; others heavily shelled it.",
    "Strikes went on. Jets struck Dérbasiyah. Later STRIKES followed.",  # one non-ASCII sentence
])
def test_article_word_index_serves_each_sentence(text: str) -> None:
    """Every sentence of an article, served by the article's word index, finds what every
    entry's regex finds between the sentence's bounds."""
    doc = Document(text)
    art = _Article(doc)
    for s0, e0 in doc.sentences:
        s = _Sentence(doc, s0, e0, [], _LEX, {}, article=art)
        found = [(i, m.span()) for i, m in _entry_matches(s, _LEX)]
        assert found == [(i, m.span()) for i, rx in enumerate(_LEX.regexes)
                         for m in rx.finditer(text, s0, e0)]


def test_a_span_ending_inside_a_word_scans_itself() -> None:
    """A span cut inside a word ("strikes" cut to "strike") finds what the regexes find in it."""
    text = "Jets carried out strikes on Zenda."
    doc = Document(text)
    art = _Article(doc)
    for end in (len("Jets carried out strike"), len(text)):
        s = _Sentence(doc, 0, end, [], _LEX, {}, article=art)
        assert [(i, m.span()) for i, m in _entry_matches(s, _LEX)] == [
            (i, m.span()) for i, rx in enumerate(_LEX.regexes) for m in rx.finditer(text, 0, end)]

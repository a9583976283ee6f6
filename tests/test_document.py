"""The Document: one tokenisation and one sentence split per article, shared by the extractors.
Invented sentences, one per rule."""

from __future__ import annotations

import pytest

from syria_deconfliction.extract import lexicon
from syria_deconfliction.extract.document import Document


def _sentences(text: str) -> list[str]:
    doc = Document(text)
    return [text[a:b] for a, b in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop before a capital ends a sentence
        ("The mayor left. The council met.", ["The mayor left.", "The council met."]),
        # an abbreviation does not
        ("Gen. Ivo Marek spoke.", ["Gen. Ivo Marek spoke."]),
        # an initial does not
        ("J. Holm arrived late.", ["J. Holm arrived late."]),
        # a dotted acronym ends one only before a word that can open a sentence
        ("Aid reached the U.S. Navy base.", ["Aid reached the U.S. Navy base."]),
        ("Aid came from the U.S. The town waited.", ["Aid came from the U.S.", "The town waited."]),
        # closing quotes stay with their sentence; a line break always ends one
        ('He said "no." Then he left\nNew line', ['He said "no."', "Then he left", "New line"]),
        # a lower-case word after the stop continues the sentence
        ("It cost 3 p.m. prices. Fine.", ["It cost 3 p.m. prices.", "Fine."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_tokens_keep_offsets_and_kinds() -> None:
    text = "The U.S.-led convoy -- 3.5 km long... reached the rebels' camp."
    doc = Document(text)
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text
    kinds = {t.text: t.kind for t in doc.tokens}
    assert kinds["U.S.-led"] == "acr"
    assert kinds["3.5"] == "word"
    assert kinds["--"] == "dash"
    assert kinds["..."] == "ell"
    assert kinds["rebels'"] == "word"


def test_parts_divide_compounds_only() -> None:
    text = "The U.S.-led convoy moved 3.5 km."
    parts = [t.text for t in Document(text).parts]
    assert parts == ["The", "U.S.", "-", "led", "convoy", "moved", "3", ".", "5", "km", "."]
    for t in Document(text).parts:
        assert text[t.start : t.end] == t.text


def test_lookup_by_offset() -> None:
    text = "First one. Second one.\nThird."
    doc = Document(text)
    assert doc.sentence_index(text.index("Second") + 2) == 1
    assert doc.sentence_index(text.index("Third")) == 2
    assert doc.tokens[doc.token_index(text.index("one"))].text == "one"
    assert [t.text for t in doc.parts_in(11, 22)] == ["Second", "one", "."]


def test_long_single_line_splits_like_short_lines() -> None:
    """A single very long line gives the same sentences as the pieces one by one (the
    scanner never works on a copy of the rest of the line)."""
    piece = "The envoy met Gen. Ivo Marek on the U.S. ship. Talks went on. "
    doc = Document(piece * 2000)
    assert len(doc.sentences) == 4000
    assert doc.text[slice(*doc.sentences[-1])] == "Talks went on."


def test_lexicon_keys_are_loaded_once_and_missing_keys_fail() -> None:
    assert "the" in lexicon.words("events_determiners")
    assert lexicon.words("events_determiners") is lexicon.words("events_determiners")
    assert lexicon.sequence("dates_months")[0] == "January"
    with pytest.raises(KeyError, match="no_such_list"):
        lexicon.words("no_such_list")


def test_stop_patterns_opening_with_a_class_find_what_their_plain_forms_find() -> None:
    """The sentence-stop patterns are written to open with one character class (so the search
    skips to it): they find what their plain forms find, here and in a prefix."""
    import re

    from syria_deconfliction.extract import document
    from syria_deconfliction.extract.dates import publication
    from syria_deconfliction.extract.mentions import descriptions

    pairs = [(r"[.!?]+[\"”’')\]]*(?=\s+)", document._END_RE),
             (r"[.!?](?=\s)|\n", document.CRUDE_STOP_RE),
             (r"[.!?](?=\s)|\n", publication.CRUDE_STOP_RE),
             (r"(?:[.!?][\"”’']?[ \t]+|\n+)(?=[\"“‘']?[A-Z])", descriptions._SENTENCE_END_RE)]
    text = ("He left. She came!\n\nWhy?\t\"Now.\" ‘Yes.’ x.. Y?! (Gen.) Z.\u00a0W\n\n\nAnd "
            "so.” “Then!' Not . a stop.\nend. ")
    for plain, rx in pairs:
        for end in (len(text), len(text) // 2, 9):
            assert [m.span() for m in rx.finditer(text, 0, end)] == \
                [m.span() for m in re.finditer(plain, text[:end])], plain
        assert list(rx.finditer(text))

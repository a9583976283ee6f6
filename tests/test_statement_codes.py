"""A statement's code: the phrases tried by their first word give what trying every phrase gives."""

from __future__ import annotations

import pytest

from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.events.sentence import _Sentence
from syria_deconfliction.extract.events.statements import _code
from syria_deconfliction.extract.events.trigger_lexicon import StatementRules, load_lexicon

_RULES = StatementRules(
    code="010",
    content_codes=(
        ("130", (("red", "line"), ("will", "be", "crushed")), False),
        ("120", (("will", "not"), ("refuse",)), False),
        ("100", (("must",), ("will",)), False),
        ("030", (("ready", "to"),), True),
        ("099", ((),), False),  # an empty phrase holds anywhere
    ),
)


def _every_phrase(words: list[str], rules: StatementRules, own: bool) -> tuple[str, str]:
    for code, phrases, own_only in rules.content_codes:
        if own_only and not own:
            continue
        for p in phrases:
            if any(tuple(words[j:j + len(p)]) == p for j in range(len(words) + 1)):
                return code, " ".join(p)
    return rules.code, ""


@pytest.mark.parametrize("text", [
    "He said they will not refuse to cross the red line.",
    "Officials said the rebels will be crushed and must leave.",
    "She said they were ready to talk.",
    "Nothing of the kind was said.",
    "",
])
@pytest.mark.parametrize("own", [False, True])
@pytest.mark.parametrize("rules", [_RULES, load_lexicon().statements],
                         ids=["invented", "project"])
def test_phrases_by_first_word_equal_every_phrase_tried(text: str, own: bool,
                                                        rules: StatementRules) -> None:
    s = _Sentence(Document(text), 0, len(text), [], load_lexicon(), {})
    content = list(range(len(s.toks)))
    words = [s.low(i) for i in content]
    assert _code(s, content, rules, own) == _every_phrase(words, rules, own)

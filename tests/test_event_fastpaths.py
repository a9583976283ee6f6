"""The event rules' fast paths find what the plain scans they replace find (invented text)."""

from __future__ import annotations

import re

from syria_deconfliction.extract.case import lowered
from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.events import coref, dateline, places, triggers
from syria_deconfliction.extract.events.sentence import _Sentence
from syria_deconfliction.extract.events.tries import longest_first
from syria_deconfliction.extract.events.trigger_lexicon import load_lexicon
from syria_deconfliction.extract.lexicon import words
from syria_deconfliction.extract.mentions import Mention

TEXTS = [
    "Envoys of 11 allied countries met; the participating nations, and ministers from "
    "three partner states agreed. Foreign ministers of the coalition countries-led talks.",
    "Opponents of the plan, enemies of Zenda and the foes-of-old met the rebel-held town's "
    "rebels. Rebels, rebel fighters and non-rebels said the opposition's opponents of X left.",
    "ZENDA, Ruritania (Wire) — The army said.\nNORTHBURG — Rebels fled.\n\nLOW start — no.\n"
    "KOVA (Agency) Body text (not a dash).",
    "Ana Kóvá met Élise in Zenda’s café — “no comment,” she said. Plain ASCII sentence here.",
    "plain ascii text only",
]


def test_member_hits_are_the_pattern_matches() -> None:
    for text in TEXTS:
        for low in (lowered(text), None):
            want = [m.span() for m in coref._MEMBERS_RE.finditer(text, low)]
            assert [m.span() for m in coref._member_hits(text, low)] == want


def test_not_after_trie_is_the_look_behind_trie() -> None:
    forms = ["rebel", "rebels", "rebel-held", "government", "Zenda", "Zenda City", "St. Kova"]
    slow = re.compile(r"(?<![\w-])(" + longest_first(forms, r"(?!\w)") + ")")
    fast = re.compile("(" + longest_first(forms, r"(?!\w)", not_after=r"[\w-]") + ")")
    for text in [*TEXTS, "Zenda City, non-rebels, xrebels, rebel-held Zenda St. Kova."]:
        assert [m.span(1) for m in fast.finditer(text)] == [m.span(1) for m in slow.finditer(text)]


def test_side_and_opponent_patterns_find_what_the_look_behind_forms_find() -> None:
    nouns = sorted(words("events_opponent_nouns"))
    slow = re.compile(rf"(?<![\w-])(?:{'|'.join(nouns)})\s+of\s+", re.IGNORECASE)
    for text in TEXTS:
        fast = [m.span() for m in coref._OPPONENTS_RE.finditer(text, lowered(text))]
        assert fast == [m.span() for m in slow.finditer(text)]


def test_non_ascii_letters_are_the_pattern_matches() -> None:
    for text in TEXTS:
        want = [m.start() for m in triggers._NON_ASCII_WORD.finditer(text)]
        assert triggers._non_ascii_letters(text) == want


def test_datelines_are_the_pattern_matches() -> None:
    for text in TEXTS:
        want = [m.span() for m in dateline._DATELINE.finditer(text)]
        assert [m.span() for m in dateline._datelines(text)] == want


def test_mention_maps_answer_as_the_scans() -> None:
    text = "The U.N. envoy Ana Kova's team met Zenda's army, Ruritania and Kova today."
    names = ["U.N.", "Ana Kova", "Zenda", "Ruritania", "Kova"]
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, n.lower(), "registry")
                for n in names]
    doc = Document(text)
    s = _Sentence(doc, 0, len(text), mentions, load_lexicon(), {})
    for i in range(-1, len(s.toks) + 2):
        at = next((k for k, (a, b) in enumerate(s.m_tok) if a <= i < b), None)
        ending = next((k for k, (_a, b) in enumerate(s.m_tok)
                       if b == i or (b == i - 1 and s.low(i - 1) in ("'s", "'"))), None)
        assert s.mention_at_token(i) == at
        assert s.mention_ending_at(i) == ending


def test_gazetteer_capitals_pattern_finds_what_the_whole_pattern_finds() -> None:
    gaz = places._built([
        {"id": "p1", "name": "Zenda", "alternate_names": ["Zenda City", "al-Zenda"],
         "feature_type": "city"},
        {"id": "p2", "name": "northern Ruritania", "feature_type": "region"},
        {"id": "p3", "name": "Ruritania", "feature_type": "country"},
    ])
    assert gaz.regex is not None and gaz.capitals is not None
    for text in [*TEXTS, "Fighting in Zenda City and al-Zenda, not in xZenda or Zenda-born.",
                 "Rebels left northern Ruritania for Zenda.", "In Ruritania, Zenda held."]:
        want = [m.span(1) for m in gaz.regex.finditer(text)]
        assert [m.span(1) for m in gaz.finditer(text)] == want


def test_filtered_words_are_the_word_filter_matches() -> None:
    lex = load_lexicon()
    for text in [*TEXTS, "attacked first, then talks - re-attacked; don't attack. Strikes'"]:
        low = text.lower()
        want = [(m.start(), m.group()) for m in lex.word_filter.finditer(low)]
        assert list(triggers._filtered_words(low, lex)) == want

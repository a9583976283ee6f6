"""Work per article grows with its length, not with its square (issue 11): the index structures
that answer "what came before this position" give the answers the plain scans gave, and the
scans they replaced are not made once per occurrence. Invented words and offsets only."""

from __future__ import annotations

import random
import re
from functools import cache

import pytest

from syria_deconfliction.corpus.knowledge import Knowledge
from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.mentions import descriptions, find_mentions
from syria_deconfliction.extract.mentions.candidates import _Near, _occurrences
from syria_deconfliction.extract.mentions.descriptions import _Recent, description_mentions
from syria_deconfliction.extract.mentions.model import Mention
from syria_deconfliction.extract.quotes.marks import _Cover
from syria_deconfliction.extract.quotes.model import _MarkQuote
from syria_deconfliction.extract.quotes.rows import _QuoteSpans


@cache
def _knowledge() -> Knowledge:
    return Knowledge.load()


def _random_spans(rng: random.Random, n: int, width: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        a = rng.randrange(200)
        out.append((a, a + rng.randrange(-2, width)))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_latest_earlier_mention_holding_a_noun_is_the_one_a_scan_finds(seed: int) -> None:
    # overlapping and nested mentions: the latest-starting one may end after the position
    rng = random.Random(seed)
    actors = {"a1": {"id": "a1", "name": "Council of Elders"},
              "a2": {"id": "a2", "name": "Harbour Board", "aliases": ["the council"]},
              "a3": {"id": "a3", "name": "Varnia"}}
    mentions = [Mention(s, max(s, e), "x", rng.choice(["a1", "a2", "a3", "zz"]), "name")
                for s, e in _random_spans(rng, 30, 25)]
    recent = _Recent(mentions, actors)
    ordered = sorted(mentions, key=lambda m: m.start)
    for noun in ("council", "board", "army"):
        for pos in range(0, 240, 3):
            scan = next((x.actor_id for x in reversed(ordered) if x.end <= pos
                         and descriptions._holds(actors.get(x.actor_id), noun)), None)
            assert recent.before(noun, pos) == scan


def test_each_actor_is_checked_for_a_noun_once_however_many_descriptions(monkeypatch) -> None:
    text = "Russia moved ships on Monday. Later the army denied any role in the strike. " * 40
    k = _knowledge()
    mentions = find_mentions(Document(text), k.registry.actors, k.registry.places)
    calls: list[str] = []
    holds = descriptions._holds

    def counting(actor, noun):  # type: ignore[no-untyped-def]
        calls.append(noun)
        return holds(actor, noun)

    monkeypatch.setattr(descriptions, "_holds", counting)
    found = description_mentions(text, mentions, k.registry.actors, k.registry.places)
    assert len(found) == 40
    # a scan back over every earlier mention made 40 * 41 / 2 checks
    assert len(calls) <= len({m.actor_id for m in mentions}) * 2


@pytest.mark.parametrize("seed", range(20))
def test_position_inside_merged_intervals_as_a_scan_says(seed: int) -> None:
    rng = random.Random(seed)
    regions = _random_spans(rng, rng.randrange(8), 30)
    inside = _Cover(regions)
    for i in range(-2, 240):
        assert inside(i) == any(a <= i <= b for a, b in regions)


@pytest.mark.parametrize("seed", range(20))
def test_quotation_questions_of_an_indirect_piece_as_a_scan_answers(seed: int) -> None:
    rng = random.Random(seed)
    quotes = []
    for a, b in _random_spans(rng, rng.randrange(10), 40):
        inner = rng.randrange(a, a + 3)
        quotes.append(_MarkQuote(a, None, b, inner, max(inner, b - rng.randrange(3)), 0, 0))
    spans = _QuoteSpans(quotes)
    for s, e in _random_spans(rng, 300, 40):
        assert spans.one_quote(s, e) == any(
            abs(q.open_pos - s) <= 1 and abs(q.region_end + 1 - e) <= 1 for q in quotes)
        assert spans.inside_one(s, e) == any(
            q.inner_start <= s and e <= q.inner_end for q in quotes)
        assert spans.opens_in(s, e) == any(s <= q.open_pos < e for q in quotes)


@pytest.mark.parametrize("seed", range(10))
def test_name_occurrences_by_word_index_are_what_a_scan_finds(seed: int) -> None:
    rng = random.Random(seed)
    words = ["Vera", "Lind", "al", "al-Lind", "Vera Lind", "O'Lind", "pro-Vera", "Linds", "lind"]
    text = " ".join(rng.choice(words) + rng.choice(["", ",", ".", "'s"]) for _ in range(300))
    for form in ("Vera", "Lind", "al Lind", "Vera Lind", "Lind'", "-Vera", "Linds"):
        for lead in ("'’", "'’-"):
            rx = re.compile(rf"(?<![\w{lead}]){re.escape(form)}(?![\w-])")
            got = list(_occurrences(text, form, lead))
            assert got == [m.span() for m in rx.finditer(text)], (form, lead)


def test_extending_a_candidate_asks_only_about_its_neighbours() -> None:
    mentions = [Mention(10 * i, 10 * i + 5, f"A{i}", "a1", "registry") for i in range(1000)]
    near = _Near(mentions)
    # the mention ending right before offset 4006 and the one starting right after 4015
    assert near.next(-1, 4006, 4009, set()) == 400
    assert near.next(400, 4006, 4009, set()) == 401
    assert near.next(401, 4006, 4009, set()) is None
    assert near.next(-1, 4006, 4009, {400}) == 401

"""The quote extractor's fast paths give what the plain rules give (speed work, issue 12):
the per-text lookup tables, the class-led mark pattern and the stop-only sentence scan. Invented
text only."""

from __future__ import annotations

import re
from dataclasses import astuple

from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.quotes import SpeakerHint, phrases
from syria_deconfliction.extract.quotes.extractor import _Extractor
from syria_deconfliction.extract.quotes.marks import _DOUBLE_CHARS, _DOUBLE_RE

_WORDS = ["Holm", "holm", "al-Assad", "NATO", "Ruiz's", "Ruiz’s", "F-16", "B52s", "McCain",
          "'s", "U.S", "Ölund", "x", "", "ABCDEF", "Brandt’"]


def test_text_tables_give_what_their_functions_give() -> None:
    for table, fn in [(phrases._NAME_TEXT, phrases._name_text),
                      (phrases._CAP_TEXT, phrases._cap_text),
                      (phrases._BARE_TEXT, phrases._bare_text)]:
        for w in _WORDS:
            assert table[w] == fn(w)
            assert table[w] == fn(w)  # (the second time from the table)
    table = phrases._TextTest(len)
    table.LIMIT = 2
    for w in _WORDS[:4]:
        assert table[w] == len(w)
    table.bound()
    assert len(table) == 0 and table["Holm"] == 4


def test_name_tokens_read_as_before() -> None:
    doc = Document("Mr. Holm met al-Assad and NATO envoys in Oslo, said Ana Ruiz's aide.")
    ex = _Extractor(doc, [])
    assert all(f == (t.kind == "word" and phrases._name_text(t.text))
               for t, f in zip(ex.toks, ex._name_flags, strict=True))
    assert ex._name_at == [k for k, f in enumerate(ex._name_flags) if f]
    assert "Holm" in ex.surnames and "Ruiz" in ex.surnames


def test_double_mark_pattern_finds_what_the_plain_one_finds() -> None:
    plain = re.compile("''|[" + re.escape(_DOUBLE_CHARS) + "]")
    for text in ["''We go,'' she said.", "a “b” c", "don't ''x'", "'''", "«x» \"y\"", "none",
                 "it''s “''”"]:
        assert [m.span() for m in _DOUBLE_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)]


def test_sentences_split_at_stops_only() -> None:
    body = ("Gen. Holm arrived at 5 p.m. Monday. “We stay,” he said. The U.S. Navy agreed!\n"
            "Is it over? Yes.")
    ex = _Extractor(Document(body), [])
    texts = [body[ex.toks[a].start:ex.toks[b - 1].end] for a, b, _p in ex.sents]
    assert texts == ["Gen. Holm arrived at 5 p.m. Monday.", "“We stay,” he said.",
                     "The U.S. Navy agreed!", "Is it over?", "Yes."]


class _EagerExtractor(_Extractor):
    """The extractor with every subject's speaker read at once (the plain rule)."""

    def _subject_speaker(self, np):  # type: ignore[no-untyped-def]
        return self._speaker_from_np(np)


def test_subject_actors_read_late_are_those_read_at_once() -> None:
    body = ("Harbour talks stall\n"
            "A spokesman for the Norwegian coast guard said the ferry was held. "
            "The spokesman declined to name the owner. Ivo Marek, spokesman for the Norwegian "
            "coast guard, told reporters the crew was safe. The paper said talks would resume.\n"
            "“We wait,” the spokesman said. He added that the port stayed open. "
            "The agency reported that the guard had left.")
    doc = Document(body)
    hints = [SpeakerHint(body.index("Norwegian"), body.index("Norwegian") + 9, "no", "state"),
             SpeakerHint(body.index("Ivo Marek"), body.index("Ivo Marek") + 9, "marek",
                         "person")]
    lazy, eager = _Extractor(doc, hints), _EagerExtractor(doc, hints)
    assert [astuple(q) for q in lazy.run()] == [astuple(q) for q in eager.run()]
    assert [(h.kind, h.sp.actor, h.sp.reason, h.sp.mention) for h in lazy.hist] == [
        (h.kind, h.sp.actor, h.sp.reason, h.sp.mention) for h in eager.hist]
    assert any(h.kind == "subject" for h in lazy.hist)


def _plain_finite_like(ex: _Extractor, i: int) -> bool:
    """_finite_like as the plain rule (before its per-text tables)."""
    from syria_deconfliction.extract.quotes import vocabulary as v
    t = ex.toks[i]
    if t.kind != "word" or ex.qids[i] >= 0:
        return False
    low = t.low
    if low in v._FINITE or low.endswith("n't"):
        return t.text.islower() or not ex._given_name_surname(i)
    if not t.text.islower():
        return False
    prev = ex.toks[i - 1] if i > 0 else None
    after_det = prev is not None and (prev.low in v._DETERMINERS or prev.low.endswith("'s"))
    if low in v._IRREGULAR_PAST and not after_det:
        return True
    if prev is not None and prev.low in ("they", "we", "i", "you") \
            and ex.qids[i - 1] == ex.qids[i] \
            and low.isalpha() and not low.endswith("ly") and low not in v._PREPOSITIONS \
            and low not in v._DETERMINERS and low not in v._SUBORD \
            and low not in v._PRE_VERB_SKIP and low not in ("and", "or", "but", "all", "both"):
        return True
    if v._FORM_OF.get(low) in ("past", "3sg") and not after_det:
        return True
    if len(low) > 4 and low.endswith("ed") and not after_det and low not in (
            "need", "speed", "indeed", "hundred", "armed"):
        return True
    return bool(
        len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))
        and prev is not None and (prev.low in ("he", "she", "it", "who", "which")
                                  or (ex._is_name_tok(prev) and not prev.low.endswith("'s")
                                      and prev.low not in v._DETERMINERS
                                      and not ex._sentence_initial(i - 1))))


def test_finite_tables_give_the_plain_rule() -> None:
    body = ("Harbour board says ferries wait\n"
            "They hold the pier. Holm hopes the board agrees, and we need armed guards. "
            "The mayor's aide insisted it works; Ana Ruiz returns tomorrow. "
            "“They sailed,” he said, but the harbours don't open. Theresa May went and "
            "the speed boats raced. Indeed hundreds wanted it. She rejects Holm's claims.")
    ex = _Extractor(Document(body), [])
    assert [ex._finite_like(i) for i in range(len(ex.toks))] == [
        _plain_finite_like(ex, i) for i in range(len(ex.toks))]
    assert any(ex._finite_like(i) for i in range(len(ex.toks)))


def test_stop_tokens_are_the_stops_and_acronyms() -> None:
    body = ("The U.S.-led talks ended at 5 p.m. Monday. Why? “Enough!” he said... "
            "It cost 3.5 million. Mr. Holm left.\nA.B. Ruiz stayed: ‘no.’")
    ex = _Extractor(Document(body), [])
    assert ex._stop_tokens() == [k for k, t in enumerate(ex.toks) if t.kind == "acr" or (
        t.kind == "punct" and t.text in ".?!")]


def test_rule_cues_are_the_idiom_rules_only_cues() -> None:
    from syria_deconfliction.extract.quotes import attribution
    from syria_deconfliction.extract.quotes.vocabulary import _FORM_OF, _LEMMA_OF, _PASSIVE_SPEECH
    assert {"according", "as", "what"} <= attribution._RULE_CUES
    assert all(_LEMMA_OF[w] in _PASSIVE_SPEECH and _FORM_OF[w] == "past"
               for w in attribution._RULE_CUES - {"according", "as", "what"})
    body = ("The talks were described as a failure, according to the mayor. As Holm put it, "
            "“we wait.” What she said was that the pier stays.")
    ex = _Extractor(Document(body), [])
    ex.find_records()
    kinds = sorted(r.kind for recs in ex.recs for r in recs)
    assert {"passive", "according_to", "what_said"} <= set(kinds)

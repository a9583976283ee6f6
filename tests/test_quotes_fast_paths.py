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

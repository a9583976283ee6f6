"""Quotation marks beyond the double curly/straight ones (issue 13): doubled apostrophes and
single marks with their apostrophe guards. One invented sentence per rule."""

from __future__ import annotations

from conftest import ROOT

from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.quotes import extract_quotes
from syria_deconfliction.extract.quotes.extractor import _Extractor
from syria_deconfliction.pipeline.clean import clean, load_boilerplate


def _accepted(body: str) -> list:
    quotes = extract_quotes(body)
    for q in quotes:
        assert body[q.start:q.end] == q.text
    return [q for q in quotes if q.status == "accepted"]


def test_doubled_apostrophes_are_quotation_marks() -> None:
    (q,) = _accepted("''We will rebuild the pier,'' said Mayor Ilse Brandt.")
    assert (q.text, q.quote_type, q.speaker_mention) == (
        "We will rebuild the pier", "direct", "Ilse Brandt")


def test_single_marks_quote_but_apostrophes_do_not() -> None:
    body = ("Minister Olek Varga called the deal 'a betrayal of the farmers' in the '90s "
            "style of rock 'n' roll, and the Vargas' lawyer declined to comment.")
    quotes = _accepted(body)
    assert [(q.text, q.quote_type, q.speaker_mention) for q in quotes if q.quote_type != "indirect"
            ] == [("a betrayal of the farmers", "partial", "Olek Varga")]


def test_a_last_paragraph_closing_with_archive_marks_is_no_truncated_fragment() -> None:
    # ''...'' (archive style) closes a sentence as ” does: the story's last paragraph is kept
    bp = load_boilerplate(ROOT / "raw" / "knowledge" / "boilerplate.yaml")
    raw = ("Harbour plan\n\nThe council met on Monday.\n\nThe mayor spoke at length.\n\n"
           "''We will build it,'' Ms. Ruiz said. ''Then we will see.''\n")
    assert "Then we will see" in clean(raw, bp).text


def test_a_bracketed_note_in_marks_is_no_quotation() -> None:
    # a transcript's "(CROSSTALK.)" or "[inaudible]" in marks is an editorial note
    body = "Debate\n\"We will win,\" Ruiz said.\n\"(CROSSTALK.)\"\n\"[inaudible]\""
    assert [q.text for q in _accepted(body)] == ["We will win"]


def test_the_quote_extractor_reads_the_documents_tokens_and_cuts_only_at_marks() -> None:
    # one tokeniser: a mark is a token of its own (a closing one glued to a word, "farmers'",
    # is cut off), every other token is the Document's own object; the words between the
    # marks carry the quotation's index
    doc = Document("Councillor Ana Holm called it 'a gift to the farmers' on Tuesday.")
    ex = _Extractor(doc, [])
    own = {id(t) for t in doc.tokens}
    cut = [(t.text, t.kind) for t in ex.toks if id(t) not in own]
    assert cut == [("'", "qo"), ("farmers", "word"), ("'", "qc")]
    assert [(t.text, q) for t, q in zip(ex.toks, ex.qids, strict=True) if q >= 0] == [
        ("a", 0), ("gift", 0), ("to", 0), ("the", 0), ("farmers", 0)]


def test_a_doubled_apostrophe_is_one_mark_token() -> None:
    # the Document sees two apostrophes ("pier,'" may even take the first); the extractor one
    ex = _Extractor(Document("''We will rebuild the pier,'' said Mayor Ilse Brandt."), [])
    assert [(t.text, t.kind) for t in ex.toks if t.kind in ("qo", "qc")] == [
        ("''", "qo"), ("''", "qc")]


def test_a_quotation_in_the_other_mark_style_nests_and_does_not_close_the_outer_one() -> None:
    # a transcript turn in straight marks quoting a “title” in curly ones: the curly pair is
    # literal text and the straight quotation runs on
    body = ('Debate night\n"HOLM: Well, the council treats this like a rerun of “Harbour '
            'Lights.” It is not, and the voters know it.')
    (q,) = [q for q in _accepted(body) if q.quote_type != "indirect"]
    assert q.text.startswith("HOLM: Well") and q.text.endswith("the voters know it")
    assert q.speaker_mention == "HOLM"


def test_a_doubled_apostrophe_closed_by_a_single_mark_after_a_comma_is_one_quotation() -> None:
    # "''...,' because ...": a slip of the keyboard; the quotation ends at the single mark
    body = "Row\nThe mayor once said, ''my harbour is a total mess,' because he disliked it.\nEnd."
    (q,) = [q for q in _accepted(body) if q.quote_type != "indirect"]
    assert (q.text, q.speaker_mention) == ("my harbour is a total mess", "The mayor")

"""One row per paragraph (issue 13): a quotation over several paragraphs gives a row for each,
the later ones continuing the first speaker; transcript turns name their speaker. One invented
text per rule."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def _rows(body: str) -> list[tuple[str, str | None, str]]:
    out = []
    for q in extract_quotes(body):
        assert body[q.start:q.end] == q.text
        if q.status == "accepted" and q.quote_type != "indirect":
            out.append((q.text, q.speaker_mention, q.attribution.split("+")[0]))
    return out


def test_continuation_paragraph_is_its_own_row_with_the_same_speaker() -> None:
    body = ("“The port will reopen in May,” said Mayor Ilse Brandt. “The crews are ready.\n\n"
            "“We have the money and the boats.”")
    rows = _rows(body)
    assert len(rows) == 3
    assert rows[-1] == ("We have the money and the boats", "Ilse Brandt", "continuation")


def test_transcript_turn_names_its_speaker() -> None:
    body = "The station aired the interview.\n\n“VARGA: The bridge opens on Monday, as promised.”"
    assert _rows(body) == [("VARGA: The bridge opens on Monday, as promised", "VARGA",
                            "transcript")]


def test_dash_signature_names_the_speaker() -> None:
    body = ("Readers wrote in after the vote.\n\n"
            "“The bridge should have been fixed years ago.” ― Ana Ruiz")
    assert _rows(body) == [("The bridge should have been fixed years ago", "Ana Ruiz", "byline")]

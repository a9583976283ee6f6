"""Attribution frames of real news the rules missed (issue 13): one invented sentence per rule."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import Quote, extract_quotes


def _speaker(body: str, text: str) -> str | None:
    rows: dict[str, Quote] = {q.text: q for q in extract_quotes(body) if q.status == "accepted"}
    return rows[text].speaker_mention


def test_abbreviated_title_does_not_end_the_sentence() -> None:
    # "the Rev. X": the stop of "Rev." (lexicon quotes_abbrev) is no sentence end
    body = "Church reopens\n“It is over,” said the Rev. Tom Reed, of the First Church."
    assert _speaker(body, "It is over") == "Tom Reed"


def test_said_to_an_addressee_is_speech() -> None:
    # "X said to the crowd" is speech; only "said to be/have" is hearsay
    body = "Port strike ends\n“It is over,” Anna Holm said to the crowd."
    assert _speaker(body, "It is over") == "Anna Holm"


def test_inverted_subject_may_open_with_a_lower_case_modifier() -> None:
    # "said former mayor X", "said one union source": the inverted subject need not be capitalised
    body = "Port strike ends\n“It is over,” said former mayor Tom Reed."
    assert _speaker(body, "It is over") == "Tom Reed"


def test_inverted_subject_keeps_its_name_before_a_relative_clause() -> None:
    # "said X, a lawyer whom the union hired": a clause after the comma leaves X the speaker
    body = "Port strike ends\n“We won,” said Dan Cole, a lawyer whom the union hired last year."
    assert _speaker(body, "We won") == "Dan Cole"


def test_inverted_subject_before_a_bracketed_comment() -> None:
    # "said X (a view shared by many)": the writer's bracket is not part of the subject
    body = "Port strike ends\n“We won,” said Mr. Cole (a view shared by many)."
    assert _speaker(body, "We won") == "Mr. Cole"

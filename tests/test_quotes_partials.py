"""Short partial quotations (issue 13): a word or two in marks inside someone's reported
speech is that person's word; a Title Case name in marks is not. One invented sentence each."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def _marked(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.status, q.speaker_mention) for q in extract_quotes(body)
            if q.quote_type != "indirect"]


def test_short_quote_inside_reported_speech_is_the_speakers_word() -> None:
    body = ("Calling the delay an attempt to “stall the talks”, Minister Olek Varga said the vote "
            "would go ahead.")
    assert _marked(body) == [("stall the talks", "accepted", "Olek Varga")]


def test_title_case_name_in_marks_stays_rejected() -> None:
    body = "Appearing on “Morning Harbour”, Minister Olek Varga said the vote would go ahead."
    assert _marked(body) == [("Morning Harbour", "rejected", None)]

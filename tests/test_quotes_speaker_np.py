"""Speaker phrases with asides (issue 13): a party/state bracket, an age, or an appositive
ending in a relative clause stand between the name and the rest. One invented sentence per rule."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import extract_quotes


def _speakers(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_mention) for q in extract_quotes(body)
            if q.status == "accepted" and q.quote_type != "indirect"]


def test_party_bracket_after_the_name_is_skipped() -> None:
    assert _speakers("“The levy is dead,” Rep. Ruth Calder (D-Ore.) said Friday.") == [
        ("The levy is dead", "Ruth Calder")]


def test_inverted_speaker_with_relative_clause_appositive() -> None:
    assert _speakers("“It will pass,” said Hanne Lund, a farmer who chairs the budget panel.") == [
        ("It will pass", "Hanne Lund")]


def test_relative_clause_after_attribution_ends_its_tail() -> None:
    body = "“It is over,” Hanne Lund said of the vote, in which her party lost two seats."
    assert _speakers(body) == [("It is over", "Hanne Lund")]


def test_attribution_tail_before_the_second_part_of_a_split_quote() -> None:
    body = ("“I think the judge will be fair,” Ilse Brandt said during a rally in Varno, “but "
            "many people will be watching.”")
    assert _speakers(body) == [("I think the judge will be fair", "Ilse Brandt"),
                               ("but many people will be watching", "Ilse Brandt")]


def test_a_time_phrase_between_who_and_its_speech_verb() -> None:
    # "X, now the chair, who in 1998 said ...": the time phrase after the relative pronoun
    # does not hide its antecedent
    body = ("Docks\nThe harbour master quarrelled with Tom Ruiz, now the pilots' chair, who in "
            "1998 said the plan was to turn the quay into a “fish market.”")
    q = {q.text: q for q in extract_quotes(body)}["fish market"]
    assert q.speaker_mention == "Tom Ruiz"


def test_a_name_set_off_after_a_role_phrase_is_the_subject_a_pronoun_takes_up() -> None:
    # "Her rival, businessman X, fired back": the set-off name is who "he" says it
    body = ("Gov. Ruth Calder spoke in Varno.\n\nHer rival, businessman Tomas Brandt, fired "
            "back within the hour. “The governor is desperate,” he said.")
    assert _speakers(body) == [("The governor is desperate", "Tomas Brandt")]


def test_a_capitalised_may_after_a_given_name_is_a_surname() -> None:
    # "Theresa May": not the modal "may" nor the month May (the month still ends a phrase)
    body = ("Talks\nPrime Minister Theresa May said on Tuesday that the talks had failed.\n"
            "“We will leave,” said Prime Minister Theresa May.\n"
            "The minister said in May that the union was “a waste of everybody’s time.”")
    got = [(q.text, q.speaker_mention) for q in extract_quotes(body) if q.status == "accepted"]
    assert got == [("the talks had failed", "Theresa May"), ("We will leave", "Theresa May"),
                   ("a waste of everybody’s time", "The minister")]

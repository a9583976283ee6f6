"""Descriptions through a possessive pronoun, synonyms and a later antecedent (issue 13):
one invented sentence per rule."""

from __future__ import annotations

from functools import cache

from syria_deconfliction.corpus.article import _candidate_actors, extract_article
from syria_deconfliction.corpus.knowledge import Knowledge
from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.mentions import find_mentions
from syria_deconfliction.extract.mentions.descriptions import description_mentions


@cache
def _knowledge() -> Knowledge:
    return Knowledge.load()


def _descriptions(text: str) -> list[tuple[str, str]]:
    k = _knowledge()
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    candidates, more = _candidate_actors(doc, mentions, k)
    persons = frozenset([str(a["id"]) for a in k.registry.actors if a.get("type") == "person"]
                        + [c["actor_id"] for c in candidates if c["type"] == "person"])
    found = sorted([*mentions, *more], key=lambda m: m.start)
    out = description_mentions(text, found, k.registry.actors, k.registry.places,
                               persons=persons)
    for m in out:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.actor_id) for m in out]


def test_his_government_is_the_government_of_the_persons_state() -> None:
    text = "On Monday Bashar al-Assad said his government would not attend the talks."
    assert _descriptions(text) == [("government", "syria-government")]


def test_its_air_force_is_the_military_of_the_state_named_before() -> None:
    assert _descriptions("Russia said that its air force bombed a depot.") == [
        ("air force", "russia-military")]


def test_its_noun_names_the_one_actor_of_that_country_holding_it() -> None:
    text = "Syria and its opposition shared the flood relief barges in the autumn."
    assert _descriptions(text) == [("opposition", "syrian-opposition")]


def test_body_noun_modifying_another_noun_is_no_description() -> None:
    assert _descriptions("Russia offered to discuss its military supplies.") == []


def test_pronoun_after_a_relative_clause_on_another_noun_is_not_the_actors() -> None:
    text = "Russia watched the farmers who said their government had failed."
    assert _descriptions(text) == []


def test_antecedent_must_stand_in_the_pronouns_sentence() -> None:
    text = "Russia spoke on Monday. Farmers then said that its army had left."
    assert _descriptions(text) == []


def test_sentence_opening_pronoun_reaches_the_sentence_before() -> None:
    text = "Farmers met Bashar al-Assad on Monday. His government promised seed."
    assert _descriptions(text) == [("government", "syria-government")]


def test_alliance_names_the_coalition_named_before() -> None:
    text = "The U.S.-led coalition met, and Turkey, a member of the alliance, agreed."
    assert ("alliance", "us-led-coalition") in _descriptions(text)


def test_description_before_the_only_actor_holding_its_noun() -> None:
    text = "The coalition said it would act before the U.S.-led coalition issued a statement."
    assert _descriptions(text) == [("coalition", "us-led-coalition")]


def test_unlisted_person_takes_the_state_of_the_demonym_before_the_title() -> None:
    text = "Turkish Prime Minister Olek Darsky said his country's military fired first."
    assert _descriptions(text) == [("military", "turkey-military")]


def test_later_antecedent_is_not_taken_for_a_noun_modifier() -> None:
    text = "The coalition patrol left before the U.S.-led coalition issued a statement."
    assert _descriptions(text) == []


def _article_mentions(text: str) -> list[tuple[str, str]]:
    rows = extract_article("Talks stall\n\n" + text + "\n", "x.txt", _knowledge())
    return [(m["text"], m["actor_id"]) for m in rows["actor_mentions"]
            if m["rule"] == "description"]


def test_role_phrase_is_the_one_person_the_article_gives_that_role() -> None:
    text = ("In Varna, a rebel official said the granary burned at noon. \"It is lost,\" said "
            "Mira Tovell, an official in a rebel group, Harbour Front.")
    assert _article_mentions(text) == [("rebel official", "new-mira-tovell")]


def test_role_phrase_whose_modifiers_fit_nobody_is_no_mention() -> None:
    text = ("A U.S. official said the granary burned at noon. \"It is lost,\" said Mira Tovell, "
            "an official in a rebel group, Harbour Front.")
    assert _article_mentions(text) == []


def test_role_phrase_two_persons_fit_is_no_mention() -> None:
    text = ("A rebel official said the well was dry. Mira Tovell, an official in a rebel group, "
            "agreed, and Olek Darsky, an official in another rebel group, did not.")
    assert _article_mentions(text) == []


def test_his_role_is_the_person_with_that_role_from_the_owners_state() -> None:
    text = ("Foreign Minister Walid al-Moualem toured a school on Monday. French Foreign "
            "Minister Olek Darsky did too. President Assad thanked his foreign minister later.")
    assert _article_mentions(text) == [("foreign minister", "walid-al-moallem")]


def test_his_role_of_another_state_is_no_mention() -> None:
    text = ("Foreign Minister Walid al-Moualem toured a school on Monday. President Putin "
            "thanked his foreign minister on Tuesday.")
    assert _article_mentions(text) == []


def test_his_after_persons_of_two_states_is_no_mention() -> None:
    text = "Bashar al-Assad told Vladimir Putin on Monday that his government would stay."
    assert _descriptions(text) == []


def test_his_right_after_a_subject_and_verb_is_that_persons() -> None:
    text = "Vladimir Putin said on Monday that Bashar al-Assad sent his army to the north."
    assert _descriptions(text) == [("army", "syria-military")]


def test_its_after_states_of_two_kinds_is_no_mention() -> None:
    text = "Turkey and Russia met on Monday, and later its army left the town."
    assert _descriptions(text) == []


def test_bare_indefinite_role_is_no_mention() -> None:
    text = ("Mira Tovell, an official in a rebel group, toured the orchards on Monday. Through "
            "an official, the mayor declined to comment.")
    assert _article_mentions(text) == []


def test_the_president_is_the_one_the_article_calls_president() -> None:
    # of two presidents in the registry, the one the text gives the title, not the one named last
    text = ("President Donald Trump spoke of the dictator Bashar al-Assad on Monday. "
            "An aide said the president was angry.")
    assert ("president", "donald-trump") in _descriptions(text)


def test_demonym_of_a_country_the_registry_lacks_names_it_before_a_force_noun() -> None:
    # "Norwegian special forces": Norway (not in the registry) as a candidate state
    rows = extract_article("Talks stall\n\nOfficials said on Monday that Norwegian special "
                           "forces were in Varna.\n", "x.txt", _knowledge())
    assert [m["actor_id"] for m in rows["actor_mentions"] if m["rule"] == "demonym_military"] == [
        "new-norway"]
    assert {a["actor_id"]: a["type"] for a in rows["actor_candidates"]}["new-norway"] == "state"


def test_demonym_of_a_country_the_registry_lacks_names_it_before_a_government_noun() -> None:
    # "Norwegian officials": Norway as a candidate state, its government speaking
    rows = extract_article("Talks stall\n\nNorwegian officials said on Monday that the talks "
                           "had ended.\n", "x.txt", _knowledge())
    assert [(m["actor_id"], m["rule"]) for m in rows["actor_mentions"]
            if m["actor_id"].startswith("new-")] == [("new-norway", "demonym_government")]

"""Candidate actors from names the registry lacks: one invented sentence per rule."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from syria_deconfliction.corpus.article import _candidate_actors
from syria_deconfliction.corpus.knowledge import Knowledge
from syria_deconfliction.extract.document import Document
from syria_deconfliction.extract.mentions import Mention, find_mentions
from syria_deconfliction.extract.mentions.descriptions import (
    description_mentions,
    noun_phrase_spans,
    role_mentions,
    without_populations,
)


@cache
def _knowledge() -> Knowledge:
    return Knowledge.load()


def _run(text: str) -> tuple[dict[str, dict], list[tuple[str, str, str]]]:
    k = _knowledge()
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    actors, found = _candidate_actors(doc, mentions, k)
    for m in found:
        assert text[m.start : m.end] == m.text
    return {a["actor_id"]: a for a in actors}, [(m.text, m.actor_id, m.rule) for m in found]


def _texts(found: list[tuple[str, str, str]]) -> list[str]:
    return [t for t, _, _ in found]


def test_middle_initial_stays_inside_the_name() -> None:
    actors, found = _run("The treaty was signed by Ruth K. Calder in a quiet ceremony.")
    assert _texts(found) == ["Ruth K. Calder"]
    assert actors["new-ruth-k-calder"]["type"] == "person"


def test_an_apostrophe_between_capitals_stays_inside_the_name() -> None:
    actors, found = _run("The appeal was made by Ruth O'Kelly, who met Tom Ruiz's aides.")
    assert _texts(found) == ["Ruth O'Kelly", "Tom Ruiz"]
    assert actors["new-ruth-o-kelly"]["name"] == "Ruth O'Kelly"


def test_a_body_owned_by_a_registry_state_is_that_states() -> None:
    # "<State>'s <Body>": the state is the body's parent, and two states' bodies stay apart
    actors, found = _run("Turkey's Water Ministry and Russia's Water Ministry met on Monday.")
    turkish = actors["new-turkey-water-ministry"]
    assert (turkish["name"], turkish["parent_actor_id"], turkish["country_iso3"]) == (
        "Water Ministry", "turkey", "TUR")
    assert actors["new-russia-water-ministry"]["parent_actor_id"] == "russia"


def test_a_person_after_a_bodys_role_words_speaks_for_that_body() -> None:
    actors, _found = _run("Pentagon spokesman Tomas Brandt said the base was safe.")
    person = actors["new-tomas-brandt"]
    assert (person["parent_actor_id"], person["country_iso3"]) == ("us-defense-department", "USA")
    actors, _found = _run("The base was visited by Tomas Brandt on Monday.")
    assert actors["new-tomas-brandt"]["parent_actor_id"] is None


def test_title_chain_with_nationality_is_peeled() -> None:
    _, found = _run("The talks were led by Varnian Foreign Minister Oskar Lindqvist on Friday.")
    assert _texts(found) == ["Oskar Lindqvist"]


def test_rank_with_ordinal_is_peeled() -> None:
    _, found = _run("The medal went to Petty Officer 2nd Class Dana Welk last week.")
    assert _texts(found) == ["Dana Welk"]


def test_possessive_owner_is_not_part_of_the_name() -> None:
    _, found = _run("The speech by Varnia's Tovell drew sharp replies from the delegates.")
    assert _texts(found) == ["Tovell"]


def test_particle_and_surname_corefer_with_the_full_name() -> None:
    actors, found = _run("The envoy Anouk de Ville spoke first. Later de Ville left the room.")
    assert found == [
        ("Anouk de Ville", "new-anouk-de-ville", "candidate"),
        ("de Ville", "new-anouk-de-ville", "surname"),
    ]
    assert actors["new-anouk-de-ville"]["mention_count"] == 2


def test_bare_surname_covered_elsewhere_is_the_person() -> None:
    _, found = _run("The report quoted Ivo Marek at length, and the aides of Marek agreed.")
    assert found == [
        ("Ivo Marek", "new-ivo-marek", "candidate"),
        ("Marek", "new-ivo-marek", "surname"),
    ]


def test_plural_possessive_and_ampersand_join_a_name() -> None:
    _, found = _run("The rally of the Farmers' League was shown on Dawn & Dusk that night.")
    assert _texts(found) == ["Farmers' League", "Dawn & Dusk"]


def test_lower_case_news_agency_closes_a_media_name() -> None:
    _, found = _run("The claim was carried by the semi-official Halvard news agency on Monday.")
    assert _texts(found) == ["Halvard news agency"]


def test_demonym_is_the_first_word_of_an_organisation() -> None:
    _, found = _run("The statement came from the Syrian Liberation Council of Elders.")
    assert _texts(found) == ["Syrian Liberation Council of Elders"]


def test_registry_name_glued_to_an_organisation_head_joins_it() -> None:
    _, found = _run("The editor of the Moscow Evening Post declined to comment.")
    assert _texts(found) == ["Moscow Evening Post"]


def test_places_are_not_candidates() -> None:
    # A gazetteer name in a capitals dateline, a name after a locative preposition, a name
    # before a place noun and a name after "the town of".
    _, found = _run(
        "DAMASCUS — Shelling near Qarvan and in Belmora province reached the town of Sifra."
    )
    assert found == []


def test_common_sentence_starters_are_not_names() -> None:
    _, found = _run("Unfortunately, the pier collapsed. We rebuilt it with Elsewhere Farms.")
    assert _texts(found) == ["Elsewhere Farms"]


def test_capitals_section_head_is_not_a_name() -> None:
    _, found = _run("HARBOUR NEWS Talks resumed on Monday.")
    assert found == []


def test_country_is_a_state_unless_it_reads_as_a_place() -> None:
    actors, found = _run("Norway sent engineers, and the team later returned from Norway.")
    assert found == [("Norway", "new-norway", "candidate")]
    assert actors["new-norway"]["type"] == "state"
    assert actors["new-norway"]["country_iso3"] == "NOR"


@pytest.mark.parametrize("word", ["Unfortunately", "Warring"])
def test_single_sentence_initial_word_used_only_there_is_dropped(word: str) -> None:
    _, found = _run(f"{word} factions met again. The talks ended early.")
    assert found == []


def _descriptions(text: str) -> list[tuple[str, str, bool]]:
    k = _knowledge()
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    found = description_mentions(text, mentions, k.registry.actors, k.registry.places)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.actor_id, m.possessive) for m in found]


def test_description_takes_the_last_actor_holding_its_noun() -> None:
    text = "The Government of Syria agreed to the plan, and the government's envoy signed it."
    assert _descriptions(text) == [("government", "syria-government", True)]


def test_government_noun_without_antecedent_is_the_main_states_body() -> None:
    text = "Russia moved ships on Monday. Later the army denied any role in the strike."
    assert _descriptions(text) == [("army", "russia-military", False)]


def test_description_nobody_can_resolve_is_not_a_mention() -> None:
    assert _descriptions("Farmers met on Monday, and the alliance voted to strike.") == []


def test_capitalised_words_before_an_organisation_join_it() -> None:
    _, found = _run("On Friday delegates of the Nordic Varnian Support Group met.")
    assert _texts(found) == ["Nordic Varnian Support Group"]


def test_organisation_before_a_title_is_a_candidate_of_its_own() -> None:
    _, found = _run("The figures came from Harbour Observatory director Mira Tovell on Friday.")
    assert _texts(found) == ["Harbour Observatory", "Mira Tovell"]


def test_one_word_title_keeps_its_capitalised_article() -> None:
    _, found = _run("A week ago The Clarion reported the sale.")
    assert _texts(found) == ["The Clarion"]


def test_demonym_read_through_a_collective_head_spans_the_noun_phrase() -> None:
    k = _knowledge()
    text = "Russian transport jets landed, and Russian strikes resumed."
    doc = Document(text)
    spans = noun_phrase_spans(text, find_mentions(doc, k.registry.actors, k.registry.places))
    assert [(m.text, m.actor_id) for m in spans] == [
        ("Russian transport jets", "russia-military"),
        ("Russian", "russia-military"),
    ]


def test_single_word_before_an_equipment_or_role_noun_is_a_modifier() -> None:
    _, found = _run("Pilots flew Kestrel helicopter gunships over the bay.")
    assert found == []


def test_stacked_demonyms_before_a_collective_head_are_one_span() -> None:
    k = _knowledge()
    text = "On Monday Syrian Kurdish forces crossed the river."
    doc = Document(text)
    spans = noun_phrase_spans(text, find_mentions(doc, k.registry.actors, k.registry.places))
    assert [(m.text, m.actor_id) for m in spans] == [("Syrian Kurdish forces", "kurds")]


def test_lower_case_role_before_a_name_describes_that_person() -> None:
    k = _knowledge()
    text = "Shelling went on, and a Varnian rebel commander, Ivo Marek, said so."
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    actors, found = _candidate_actors(doc, mentions, k)
    persons = frozenset(a["actor_id"] for a in actors if a["type"] == "person")
    roles, _ = role_mentions(text, sorted([*mentions, *found], key=lambda m: m.start), persons)
    assert [(m.text, m.actor_id) for m in roles] == [("Varnian rebel commander", "new-ivo-marek")]


def test_state_possessive_with_a_description_noun_is_that_states_body() -> None:
    text = "On Monday Syria's opposition rejected the offer."
    assert _descriptions(text) == [("Syria's opposition", "syrian-opposition", False)]


def test_plural_demonym_without_the_is_people_not_the_state() -> None:
    k = _knowledge()
    text = "Russians queued for bread, and the Russians said talks would resume."
    doc = Document(text)
    kept = without_populations(text, find_mentions(doc, k.registry.actors, k.registry.places))
    assert [(m.text, m.start) for m in kept] == [("Russians", 35)]


def test_name_read_as_a_town_once_is_a_place_everywhere() -> None:
    # One sense per article: "the city of <Name>" makes every bare <Name> the same place.
    _, found = _run("Velmora fell quickly. Troops later left the city of Velmora for the coast.")
    assert found == []


def test_landmark_of_a_name_is_a_place() -> None:
    _, found = _run("Militants damaged the Temple of Varos and the Arch of Peace last year.")
    assert found == []


def test_country_before_based_or_after_a_dateline_is_a_place() -> None:
    _, found = _run("HARBOURTOWN, Norway The Norway-based monitor said talks went well.")
    assert found == []


def test_capitals_crosshead_alone_on_its_line_is_not_a_name() -> None:
    _, found = _run("The talks went on.\nBIG WIN\nThe pact was signed on Monday.")
    assert found == []


def test_single_word_also_written_in_lower_case_is_a_common_noun() -> None:
    _, found = _run("Special Operations teams arrived. Such operations are rare, officials said.")
    assert found == []


def test_bloc_of_states_after_a_demonym_is_one_span_of_that_bloc() -> None:
    k = _knowledge()
    text = "A transition that Western powers favour was rejected."
    doc = Document(text)
    spans = noun_phrase_spans(text, find_mentions(doc, k.registry.actors, k.registry.places))
    assert [(m.text, m.actor_id) for m in spans] == [("Western powers", "the-west")]


def test_org_head_trimmed_at_a_headline_end_closes_the_name() -> None:
    _, found = _run("Truce Talks Resume – Kestrel News\nThe truce talks resume, the news said.")
    assert _texts(found) == ["Kestrel News"]


def test_one_quoted_word_is_a_title_not_an_actor() -> None:
    # "his book 'Storm,'": a single word in quote marks names a work or a term.
    _, found = _run("The envoy described it in his book 'Storm,' out on Monday.")
    assert found == []


def test_quoted_show_name_after_an_opening_mark_is_whole() -> None:
    _, found = _run("He called into 'Dawn & Dusk' on Tuesday.")
    assert _texts(found) == ["Dawn & Dusk"]


def test_name_with_an_appositive_place_noun_is_a_place() -> None:
    # "<Name>, the biggest town in the north": apposed to a place noun, the name is a place.
    _, found = _run("The race for Velmora, the biggest town in the north, began. Velmora voted.")
    assert found == []


def test_first_half_of_a_hyphenated_adjective_is_no_name() -> None:
    # "Varosian-era relics": a one-word name glued to a lower-case adjective half is a modifier
    # (unlike "-led", "-backed", "-based", which have their own rules).
    _, found = _run("Militants destroyed Varosian-era relics near the old town.")
    assert found == []


def test_glued_particle_surname_corefers_with_the_full_name() -> None:
    # "Karim al-Hadid" is a person; later "al-Hadid" and "Hadid" are the same person.
    actors, found = _run("Karim al-Hadid spoke first. Then al-Hadid left, and Hadid returned.")
    assert {aid for _, aid, _ in found} == {"new-karim-al-hadid"}
    assert actors["new-karim-al-hadid"]["type"] == "person"


def test_surname_before_the_full_name_joins_that_person() -> None:
    # A headline or lede may name "<Surname>" before the full name: one candidate.
    actors, found = _run("Talks stall, Pastrana warns.\nEnvoy Ivo Pastrana said talks stalled.")
    assert list(actors) == ["new-ivo-pastrana"]
    assert [t for t, _, _ in found] == ["Pastrana", "Ivo Pastrana"]


def test_word_capitalised_alone_after_a_lower_case_word_stays_a_name() -> None:
    # "took to Chirper" is a name use, even if the article also writes "chirper" in lower case.
    _, found = _run("The mayor took to Chirper overnight. His chirper outbursts worried aides.")
    assert _texts(found) == ["Chirper"]


def test_hyphenated_name_with_a_lower_case_link_is_whole() -> None:
    # "Lashkar-e-Taiba": a lower-case link inside a hyphenated name is no adjective half.
    _, found = _run("Analysts said Jaish-e-Varos had grown, officials said on Monday.")
    assert _texts(found) == ["Jaish-e-Varos"]


def test_home_state_after_of_is_not_part_of_a_name() -> None:
    # "<Name> of <Country>": the person is the name; "Bank of <Country>" stays whole.
    _, found = _run("President Karim Haddad of Norway met the Central Bank of Norway board.")
    assert _texts(found) == ["Karim Haddad", "Central Bank of Norway"]


def test_demonym_of_a_country_the_registry_lacks_is_no_candidate() -> None:
    # "Qatari" is the adjective of Qatar (ISO table), not a name of its own.
    _, found = _run("Ivo Marek thanked Qatari donors in the capital on Monday.")
    assert _texts(found) == ["Ivo Marek"]


@pytest.mark.parametrize(
    "text",
    ["He kept saying, 'Hey, wait for us,' to them.", "He kept saying, “Hey, wait for us.”",
     "The march went on.\n\nTOWN - Nearly a week later, it ended."],
)
def test_word_opening_a_quotation_or_after_a_dateline_dash_is_sentence_initial(text: str) -> None:
    _, found = _run(text)
    assert found == []


def test_auxiliary_in_capitals_is_emphasis_not_a_name() -> None:
    _, found = _run("The envoy says he DID warn them about the convoy.")
    assert found == []


def test_a_hyphenated_lower_case_syllable_ends_a_two_word_name() -> None:
    # "Ban Ki-moon": a short given-name syllable with a lower-case second half is one name,
    # while a known hyphen suffix ("-led") stays outside it
    actors, found = _run("Envoy Tal Jo-won met the Abu Sami-led brigade near the river.")
    assert "Tal Jo-won" in _texts(found)
    assert "Abu Sami" in _texts(found)


def test_language_name_is_not_an_actor() -> None:
    _, found = _run("The envoy spoke to a Tamil channel after he had learned Arabic in Cairo.")
    assert "Arabic" not in _texts(found)


def test_one_member_of_a_service_is_not_a_name() -> None:
    _, found = _run("A former Marine and a Navy SEAL testified before the panel on Monday.")
    assert "Marine" not in _texts(found) and "SEAL" not in _texts(found)


def test_rubric_label_opening_a_line_is_not_a_name() -> None:
    _, found = _run("The Latest: Talks resume\nThe Latest on the talks in Varnia follows.")
    assert "Latest" not in _texts(found)


def _resolved(text: str, rule: Callable[..., list[Mention]]) -> list[tuple[str, str]]:
    """(words, actor) of what a description rule finds over the article's other mentions."""
    k = _knowledge()
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    actors, found = _candidate_actors(doc, mentions, k)
    persons = k.registry_person_ids | {a["actor_id"] for a in actors if a["type"] == "person"}
    every = sorted([*mentions, *found], key=lambda m: m.start)
    return [(m.text, m.actor_id) for m in rule(text, every, persons, k.registry.actors)]


def _epithets(text: str) -> list[tuple[str, str]]:
    from syria_deconfliction.extract.mentions.epithets import epithet_mentions

    return _resolved(text, epithet_mentions)


def test_demonym_before_an_epithet_noun_is_that_states_office_holder() -> None:
    text = "President Bashar al-Assad spoke on Monday. Critics of the Syrian leader stayed away."
    assert _epithets(text) == [("Syrian leader", "bashar-al-assad")]


def test_demonym_before_president_is_that_states_president() -> None:
    text = "Vladimir Putin met the envoy. Afterwards the Russian president left for Sochi."
    assert _epithets(text) == [("Russian president", "vladimir-putin")]


def test_institution_before_chief_is_the_person_heading_it() -> None:
    text = "Defense Secretary Ash Carter flew in. Later the Pentagon chief said talks went well."
    assert _epithets(text) == [("Pentagon chief", "ash-carter")]


def test_former_head_of_an_institution_by_the_title_the_article_gives() -> None:
    text = "Former Defense Secretary Ivo Marek wrote a memoir. The ex-DOD chief said little."
    assert _epithets(text) == [("ex-DOD chief", "new-ivo-marek")]


def test_lower_case_apposition_with_a_role_head_describes_the_person() -> None:
    from syria_deconfliction.extract.mentions.epithets import apposition_mentions

    k = _knowledge()
    text = "Later Ivo Marek, the former director of the port authority, declined to comment."
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    actors, found = _candidate_actors(doc, mentions, k)
    persons = frozenset(a["actor_id"] for a in actors if a["type"] == "person")
    got = apposition_mentions(text, sorted([*mentions, *found], key=lambda m: m.start), persons)
    assert [(m.text, m.actor_id) for m in got] == [
        ("former director of the port authority", "new-ivo-marek")]


def test_demonym_of_an_unregistered_state_before_a_military_noun_is_that_state() -> None:
    actors, found = _run("On Monday Italian special forces landed near the port.")
    assert ("Italian", "new-italy", "demonym_military") in found
    assert actors["new-italy"]["type"] == "state"


def test_forces_loyal_to_a_person_are_the_armed_forces_of_their_state() -> None:
    from syria_deconfliction.extract.mentions.epithets import loyalist_mentions

    k = _knowledge()
    text = "Overnight, troops loyal to President Vladimir Putin crossed the river."
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    got = loyalist_mentions(text, mentions, k.registry_person_ids, k.registry.actors,
                            k.registry.places)
    assert [(m.text, m.actor_id) for m in got] == [
        ("troops loyal to President Vladimir Putin", "russia-military")]


def _role_phrases(text: str) -> list[tuple[str, str]]:
    from syria_deconfliction.extract.mentions.role_anaphora import role_anaphora

    return _resolved(text, role_anaphora)


def test_copula_defines_a_role_and_a_clause_after_a_comma_refers_back() -> None:
    text = ("Ivo Marek retired in May. Marek was a decorated general. "
            "The mayor praised Marek, the general thanked him.")
    assert _role_phrases(text) == [("general", "new-ivo-marek")]


def test_bare_role_after_its_owner_is_a_title_not_a_description() -> None:
    k = _knowledge()
    text = "On Monday Kremlin spokesman Ivo Marek said talks would go on."
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    actors, found = _candidate_actors(doc, mentions, k)
    persons = frozenset(a["actor_id"] for a in actors if a["type"] == "person")
    roles, _ = role_mentions(text, sorted([*mentions, *found], key=lambda m: m.start), persons)
    assert roles == []


def test_name_before_native_is_a_place_everywhere() -> None:
    _, found = _run("Velmora Gov. Ivo Marek spoke. The pilot, a Velmora native, was buried.")
    assert "Velmora" not in _texts(found)


def test_commander_in_chief_is_the_one_person_the_article_calls_president() -> None:
    text = ("President Donald Trump met Ivo Marek on Monday. "
            "Later the commander-in-chief thanked the flood nurses.")
    assert _role_phrases(text) == [("commander-in-chief", "donald-trump")]


def test_demonym_of_an_unregistered_state_before_vehicles_is_no_actor() -> None:
    _, found = _run("On Monday Italian trucks crossed the border with grain.")
    assert found == []


def test_fighters_of_a_people_without_armed_forces_are_that_people() -> None:
    from syria_deconfliction.corpus.article import extract_article

    text = "By noon Syrian Kurdish fighters held the bridge, and Syrian fighters fled west."
    rows = extract_article(text, "x.txt", _knowledge())
    got = [(m["text"], m["actor_id"]) for m in rows["actor_mentions"]]
    assert got == [("Syrian Kurdish fighters", "kurds")]


def test_service_branch_named_with_its_country_is_the_branch() -> None:
    text = "A U.S. Navy destroyer docked at the port on Monday."
    k = _knowledge()
    got = find_mentions(Document(text), k.registry.actors, k.registry.places)
    assert [(m.text, m.actor_id) for m in got] == [("U.S. Navy", "us-navy")]


def _article_mentions(text: str) -> list[tuple[str, str]]:
    from syria_deconfliction.corpus.article import extract_article

    rows = extract_article(text, "x.txt", _knowledge())
    return [(m["text"], m["actor_id"]) for m in rows["actor_mentions"]]


def test_description_with_modifiers_spans_them() -> None:
    text = "The Syrian opposition met in Riyadh. The main Qatar-backed opposition bloc agreed."
    assert ("main Qatar-backed opposition bloc", "syrian-opposition") in _article_mentions(text)


def test_lower_case_alias_after_modifiers_spans_them() -> None:
    text = "Talks stalled on Monday. The main Druze opposition groups walked out."
    assert ("main Druze opposition groups", "syrian-opposition") in _article_mentions(text)


def test_body_named_by_its_size_is_the_last_council_named() -> None:
    text = "The UN Security Council met on Friday. Later the 15-member body adjourned."
    assert ("15-member body", "un-security-council") in _article_mentions(text)


def test_irregular_demonym_of_an_unregistered_state_is_that_state() -> None:
    actors, found = _run("At dawn Dutch special forces reached the dam.")
    assert ("Dutch", "new-netherlands", "demonym_military") in found


def _run_all(text: str) -> tuple[dict[str, dict], list[tuple[str, str]]]:
    """Candidates and every mention (registry and candidate), as (text, actor id)."""
    k = _knowledge()
    doc = Document(text)
    mentions = find_mentions(doc, k.registry.actors, k.registry.places)
    actors, found = _candidate_actors(doc, mentions, k)
    every = sorted([*mentions, *found], key=lambda m: m.start)
    return {a["actor_id"]: a for a in actors}, [(m.text, m.actor_id) for m in every]


def test_other_given_name_before_a_registry_surname_is_another_person() -> None:
    # A relative sharing the surname; the later bare surname keeps its registry reading.
    actors, found = _run_all("Donald Trump waved, Ivanka Trump smiled, and Trump left.")
    assert found == [("Donald Trump", "donald-trump"), ("Ivanka Trump", "new-ivanka-trump"),
                     ("Trump", "donald-trump")]
    assert actors["new-ivanka-trump"]["type"] == "person"


def test_variant_spelling_of_a_registry_given_name_is_not_another_person() -> None:
    # "Sergei" for the registry's "Sergey": the same initial, so no new candidate person.
    actors, found = _run_all("Sergei Lavrov met the envoys on Monday.")
    assert "new-sergei-lavrov" not in actors
    assert ("Sergei Lavrov", "new-sergei-lavrov") not in found


def test_longer_name_ending_with_a_shorter_candidate_name_is_that_person() -> None:
    actors, found = _run("Envoy Maya Lin Oster Vale arrived on Monday. Oster Vale said little.")
    assert {aid for _, aid, _ in found} == {"new-oster-vale"}
    assert actors["new-oster-vale"]["aliases"] == ["Oster Vale", "Maya Lin Oster Vale"]

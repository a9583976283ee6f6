"""Tests for the rule-based actor-mention finder and the completeness guard.

All sentences below are made up; the registry is a small in-test one. The last tests run the
finder over the real articles with the curated registry once raw/knowledge/actors.yaml exists.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from syria_deconfliction.extract.mentions import (
    Mention,
    find_mentions,
    find_unaccounted_names,
    surface_form_conflicts,
)
from syria_deconfliction.extract.mentions.matcher import _context_res, _locative_before
from syria_deconfliction.extract.mentions.model import DEFAULT_LEXICON
from syria_deconfliction.extract.mentions.registry import (
    FormIndex,
    _overlapping_re,
    _plain_re,
    compile_registry,
)

ACTORS: list[dict] = [
    {
        "id": "ruritania",
        "name": "Ruritania",
        "type": "state",
        "country_iso3": "RUR",
        "parent": None,
        "aliases": ["Ruritania", "Ruritanian Republic"],
        "demonyms": ["Ruritanian", "Ruritanians"],
        "metonyms": ["Strelsau", "the Kremlin"],
    },
    {
        "id": "ruritania-government",
        "name": "Government of Ruritania",
        "type": "government_body",
        "country_iso3": "RUR",
        "parent": "ruritania",
        "aliases": ["Ruritanian government"],
    },
    {
        "id": "ruritania-armed-forces",
        "name": "Ruritanian Armed Forces",
        "type": "military",
        "country_iso3": "RUR",
        "parent": "ruritania",
        "aliases": ["Ruritanian Armed Forces"],
    },
    {
        "id": "ruritania-navy",
        "name": "Ruritanian Navy",
        "type": "military",
        "country_iso3": "RUR",
        "parent": "ruritania",
        "aliases": ["Ruritanian Navy"],
    },
    {
        "id": "ruritania-mod",
        "name": "Ministry of Defence of Ruritania",
        "type": "government_body",
        "country_iso3": "RUR",
        "parent": "ruritania",
        "aliases": ["Ruritanian Defence Ministry"],
    },
    {
        "id": "usa",
        "name": "United States",
        "type": "state",
        "country_iso3": "USA",
        "aliases": ["United States", "U.S.", "USA"],
        "demonyms": ["American", "Americans"],
        "metonyms": ["Washington"],
    },
    {
        "id": "us-armed-forces",
        "name": "United States Armed Forces",
        "type": "military",
        "country_iso3": "USA",
        "parent": "usa",
        "aliases": ["U.S. military"],
    },
    {
        "id": "un",
        "name": "United Nations",
        "type": "intergovernmental_org",
        "aliases": ["United Nations", "UN"],
    },
    {
        "id": "uk",
        "name": "United Kingdom",
        "type": "state",
        "country_iso3": "GBR",
        "aliases": ["United Kingdom", "U.K.", "Britain"],
        "demonyms": ["British"],
    },
    {
        "id": "borduria",
        "name": "Borduria",
        "type": "state",
        "country_iso3": "BOR",
        "aliases": ["Borduria"],
        "demonyms": ["Bordurian", "Bordurians"],
        "metonyms": ["Szohod"],
    },
    {
        "id": "oleg-varga",
        "name": "Oleg Varga",
        "type": "person",
        "parent": "ruritania-mod",
        "aliases": ["Oleg Varga", "Oleg Vargha"],
    },
    {
        "id": "karim-al-haddad",
        "name": "Karim al-Haddad",
        "type": "person",
        "parent": "borduria",
        "aliases": ["Karim al-Haddad", "Haddad"],
    },
    {
        "id": "nadia-al-sabri",
        "name": "Nadia al-Sabri",
        "type": "person",
        "parent": "borduria",
        "aliases": ["Nadia al-Sabri"],
    },
    {"id": "anna-kovac", "name": "Anna Kovac", "type": "person", "aliases": ["Anna Kovac"]},
    {"id": "peter-kovac", "name": "Peter Kovac", "type": "person", "aliases": ["Peter Kovac"]},
    {
        "id": "red-banner-front",
        "name": "Red Banner Front",
        "type": "armed_group",
        "aliases": ["Red Banner Front", "al-Raya Front"],
    },
    {
        "id": "strelsau-gazette",
        "name": "The Strelsau Gazette",
        "type": "media",
        "aliases": ["The Strelsau Gazette"],
    },
]
PLACES: list[dict] = [
    {"id": "strelsau", "name": "Strelsau", "alternate_names": [], "country_iso3": "RUR"},
    {"id": "szohod", "name": "Szohod", "alternate_names": [], "country_iso3": "BOR"},
    {"id": "borduria", "name": "Borduria", "alternate_names": [], "country_iso3": "BOR"},
    {"id": "grey-sea", "name": "Grey Sea", "alternate_names": []},
    {"id": "zenda", "name": "Zenda", "alternate_names": ["Zendah"], "country_iso3": "RUR"},
    {
        "id": "karim-haddad-airport",
        "name": "Karim Haddad International Airport",
        "alternate_names": [],
    },
]
NOT_ACTORS: list[dict] = [{"text": "Cold War", "reason": "historical period"}]


def found(text: str, actors: list[dict] | None = None) -> list[tuple[str, str, str]]:
    """(text, actor_id, rule) of every mention, after checking every offset."""
    mentions = find_mentions(text, ACTORS if actors is None else actors, PLACES)
    for m in mentions:
        assert isinstance(m, Mention)
        assert text[m.start : m.end] == m.text
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "overlap"
    return [(m.text, m.actor_id, m.rule) for m in mentions]


def ids(text: str) -> list[str]:
    return [actor for _, actor, _ in found(text)]


# --------------------------------------------------------------------------- aliases


def test_alias_word_boundaries_and_case() -> None:
    assert found("Ruritania said no.") == [("Ruritania", "ruritania", "alias")]
    assert found("ruritania said no.") == []  # case-sensitive
    assert found("Ruritaniaville is a town.") == []  # word boundary
    assert found("They told us to leave.") == []  # "us" is not "US"


def test_a_lower_case_alias_also_opens_a_sentence() -> None:
    actors = [*ACTORS, {"id": "hill-rebels", "name": "Hill Front", "type": "armed_group",
                        "aliases": ["hill rebels"]}]
    assert found("Troops said hill rebels fled.", actors) == [
        ("hill rebels", "hill-rebels", "alias")]
    assert found("Hill rebels fled on Monday.", actors) == [
        ("Hill rebels", "hill-rebels", "alias")]


def test_possessive_straight_and_curly_apostrophe() -> None:
    for apostrophe in ("'", "’"):
        text = f"Ruritania{apostrophe}s envoy met Haddad{apostrophe}s aide."
        mentions = find_mentions(text, ACTORS, PLACES)
        assert [(m.text, m.actor_id, m.possessive) for m in mentions] == [
            ("Ruritania", "ruritania", True),
            ("Haddad", "karim-al-haddad", True),
        ]
    plural = find_mentions("The Bordurians’ claim was denied.", ACTORS, PLACES)
    assert [(m.text, m.possessive) for m in plural] == [("Bordurians", True)]


def test_dotted_and_undotted_acronyms_are_one_alias() -> None:
    assert ids("U.S. and US envoys met UN and U.N. staff and U.K. and UK officers.") == [
        "usa",
        "usa",
        "un",
        "un",
        "uk",
        "uk",
    ]
    # a variant of a multi-word alias
    assert found("The US military said.") == [("US military", "us-armed-forces", "alias")]


def test_longest_alias_wins() -> None:
    assert found("The Ruritanian Defence Ministry said.") == [
        ("Ruritanian Defence Ministry", "ruritania-mod", "alias")
    ]
    # possessive form generated from "Ruritanian Defence Ministry"
    assert found("Ruritania’s Defence Ministry said.") == [
        ("Ruritania’s Defence Ministry", "ruritania-mod", "alias")
    ]
    # a gazetteer name swallows the person alias inside it
    assert found("Planes landed at Karim Haddad International Airport.") == []


def test_hyphenated_us_led_coalition() -> None:
    with_coalition = [
        *ACTORS,
        {
            "id": "coalition",
            "name": "Global Coalition",
            "type": "military",
            "aliases": ["US-led coalition"],
        },
    ]
    for text in ("the US-led coalition struck", "the U.S.-led coalition struck"):
        assert found(text, with_coalition) == [
            (text.split()[1] + " coalition", "coalition", "alias")
        ]
    # without a coalition actor the prefix is the state
    assert found("the U.S.-led coalition struck") == [("U.S.", "usa", "alias")]


def test_leading_article_optional_and_not_in_span() -> None:
    assert found("The Kremlin said. Kremlin aides agreed.") == [
        ("Kremlin", "ruritania", "metonym"),
        ("Kremlin", "ruritania", "metonym"),
    ]
    assert found("He wrote for The Strelsau Gazette.") == [
        ("Strelsau Gazette", "strelsau-gazette", "alias")
    ]


def test_arabic_article_variants() -> None:
    assert (
        ids("Al-Raya Front and al-Raya Front and Al Raya Front fought.") == ["red-banner-front"] * 3
    )


# --------------------------------------------------------------------------- demonyms


def test_demonym_with_military_noun_is_the_military() -> None:
    assert found("Ruritanian aircraft bombed a base.") == [
        ("Ruritanian", "ruritania-armed-forces", "demonym_military")
    ]
    assert found("Ruritanian transport aircraft landed.") == [
        ("Ruritanian", "ruritania-armed-forces", "demonym_military")
    ]
    assert found("the Ruritanian strike") == [
        ("Ruritanian", "ruritania-armed-forces", "demonym_military")
    ]
    # no military actor in the registry: the state itself
    assert found("Bordurian troops advanced.") == [("Bordurian", "borduria", "demonym_military")]
    # a weapon or a kind of fire after the demonym: who fired it
    assert found("Ruritanian shelling hit the market.") == [
        ("Ruritanian", "ruritania-armed-forces", "demonym_military")
    ]


def test_demonym_government_and_agency_nouns() -> None:
    assert found("Ruritanian officials denied it.") == [
        ("Ruritanian", "ruritania-government", "demonym_government")
    ]
    assert found("Bordurian officials denied it.") == [
        ("Bordurian", "borduria", "demonym_government")
    ]
    assert found("to discuss the Ruritanian action") == [("Ruritanian", "ruritania", "demonym")]
    assert found("Ruritanian-backed militias") == [("Ruritanian", "ruritania", "demonym")]


def test_demonym_and_a_bodys_name_in_lower_case_is_that_body() -> None:
    # "the Ruritanian defence ministry": the body whose alias it spells, not the government
    assert found("A Ruritanian defence ministry statement said so.") == [
        ("Ruritanian", "ruritania-mod", "demonym_government")
    ]


def test_demonym_without_actor_reading_is_no_mention() -> None:
    for text in (
        "a Ruritanian Grey Sea resort",
        "the Ruritanian crisis",
        "Ruritanian mercenaries were there",
        "Bordurian opposition fighters",
        "his Ruritanian counterpart",
        "the Ruritanian foreign minister",
        "a pro-Ruritanian rally",
        "Ruritanian weather",
    ):
        assert found(text) == [], text


def test_demonym_in_title_before_a_name() -> None:
    assert found("Ruritanian Defence Minister Oleg Varga spoke.") == [
        ("Oleg Varga", "oleg-varga", "alias")
    ]
    assert found("Bordurian President Karim al-Haddad spoke.") == [
        ("Karim al-Haddad", "karim-al-haddad", "alias")
    ]


def test_plural_demonym_as_noun_is_the_state() -> None:
    assert found("the Ruritanians say they are right") == [
        ("Ruritanians", "ruritania", "demonym_plural")
    ]


def test_coordinated_demonyms_and_state_names_share_the_head_noun() -> None:
    assert found("Ruritanian and U.S. forces met.") == [
        ("Ruritanian", "ruritania-armed-forces", "demonym_military"),
        ("U.S.", "us-armed-forces", "alias_military"),
    ]
    assert found("U.S., Bordurian and other officials agreed.") == [
        ("U.S.", "usa", "alias_government"),
        ("Bordurian", "borduria", "demonym_government"),
    ]
    assert found("U.S. and U.K. special forces") == [
        ("U.S.", "us-armed-forces", "alias_military"),
        ("U.K.", "uk", "alias_military"),
    ]


def test_state_name_reclassified_only_as_a_modifier() -> None:
    assert found("U.S. troops left.") == [("U.S.", "us-armed-forces", "alias_military")]
    assert found("Ruritania's armed forces") == [
        ("Ruritania", "ruritania-armed-forces", "alias_military")
    ]
    # subject + verb + noun is not attributive
    assert found("Ruritania launched strikes.") == [("Ruritania", "ruritania", "alias")]
    assert found("the U.S. pulling out troops") == [("U.S.", "usa", "alias")]
    # a title keeps the proper-name alias as a mention of the state
    assert found("U.S. Secretary Anna Kovac") == [
        ("U.S.", "usa", "alias"),
        ("Anna Kovac", "anna-kovac", "alias"),
    ]


# --------------------------------------------------------------------------- people


def test_surname_only_after_full_mention() -> None:
    assert found("Varga said. Oleg Varga arrived. Varga left.") == [
        ("Oleg Varga", "oleg-varga", "alias"),
        ("Varga", "oleg-varga", "surname"),
    ]


def test_honorific_before_full_mention_when_surname_unique() -> None:
    assert found("Mr Varga said.") == [("Varga", "oleg-varga", "honorific")]
    assert found("Dr. Varga said.") == [("Varga", "oleg-varga", "honorific")]
    # two registry people named Kovac: ambiguous before a full mention ...
    assert found("Ms Kovac said.") == []
    # ... and the most recently named one after
    assert found("Anna Kovac met Peter Kovac. Mr Kovac said.") == [
        ("Anna Kovac", "anna-kovac", "alias"),
        ("Peter Kovac", "peter-kovac", "alias"),
        ("Kovac", "peter-kovac", "honorific"),
    ]


def test_month_named_surname_is_the_calendar_word_after_a_function_word() -> None:
    may = {"id": "ilse-may", "name": "Ilse May", "type": "person", "aliases": ["Ilse May"]}
    text = "Ilse May spoke in May. In May, May said on May 5 that Mrs May agreed."
    assert found(text, [*ACTORS, may]) == [
        ("Ilse May", "ilse-may", "alias"),
        ("May", "ilse-may", "surname"),  # "May said" after the full name
        ("May", "ilse-may", "honorific"),
    ]


def test_arabic_surname_forms() -> None:
    text = "Nadia al-Sabri spoke. Al-Sabri said that al-Sabri and Sabri agreed."
    assert found(text) == [("Nadia al-Sabri", "nadia-al-sabri", "alias")] + [
        (s, "nadia-al-sabri", "surname") for s in ("Al-Sabri", "al-Sabri", "Sabri")
    ]
    # explicit bare alias matches anywhere, with the particle in the span
    assert found("al-Haddad and Haddad") == [
        ("al-Haddad", "karim-al-haddad", "alias"),
        ("Haddad", "karim-al-haddad", "alias"),
    ]
    # "Karim Haddad" (no al-) is generated from "Karim al-Haddad"
    assert ids("Karim Haddad spoke.") == ["karim-al-haddad"]


# --------------------------------------------------------------------------- metonyms


def test_metonym_agent_versus_place() -> None:
    for text in (
        "Strelsau is using the strike",
        "Washington warned Strelsau",
        "the blessing of Strelsau",
        "supplies to Strelsau",
        "Strelsau-affiliated troops",
    ):
        assert "ruritania" in ids(text), text
    for text in (
        "an agreement in Strelsau",
        "the embassy at Strelsau",
        "areas east of Strelsau",
        "flights from Strelsau",
        "Strelsau-based analysts",
        "in northern Strelsau",
    ):
        assert found(text) == [], text


def test_state_name_as_location_is_a_place() -> None:
    assert found("Bordurian rebels in Borduria attacked.") == []
    assert found("fighting in Borduria and Ruritania") == []
    assert found("reporters in Szohod, Borduria said") == []
    # a comma after a place does not make the next state a place unless the place lies in it
    assert ids("fighting in Szohod, Ruritania said") == ["ruritania"]
    assert ids("Borduria said it would fight") == ["borduria"]


def test_state_after_a_compass_adjective_is_a_region() -> None:
    # "northern <State>" names a region of the state, a place, like "in <State>".
    assert found("Rebels hold eastern Zenda and northern Borduria.") == []


def test_state_name_before_a_title_is_no_place() -> None:
    # "from <State> Secretary ...": the name qualifies an office, it is not where things are.
    assert ids("under pressure from Ruritania Secretary of State Ivan Ko to attend") == [
        "ruritania"
    ]


# --------------------------------------------------------------------------- registry


def test_registry_change_invalidates_cache() -> None:
    actors = copy.deepcopy(ACTORS)
    assert found("Ruritanistan said.", actors) == []
    actors[0]["aliases"].append("Ruritanistan")
    assert found("Ruritanistan said.", actors) == [("Ruritanistan", "ruritania", "alias")]


def test_surface_form_conflicts() -> None:
    clash = [*ACTORS, {"id": "other", "name": "Other", "type": "other", "aliases": ["UN"]}]
    conflicts = surface_form_conflicts(clash)
    assert conflicts["UN"] == ["other", "un"]
    assert conflicts["U.N."] == ["other", "un"]
    assert "Ruritania" not in conflicts


# --------------------------------------------------------------------------- guard


def guard(text: str) -> list[str]:
    mentions = find_mentions(text, ACTORS, PLACES)
    out = find_unaccounted_names(text, mentions, ACTORS, PLACES, NOT_ACTORS)
    for s, e, t in out:
        assert text[s:e] == t
    return [t for _, _, t in out]


def test_guard_reports_a_new_person() -> None:
    text = "Colonel Ivan Petrenko said on Monday that Ruritania would respond."
    assert guard(text) == ["Colonel Ivan Petrenko"]


def test_guard_reads_a_name_after_an_opening_single_quote() -> None:
    # "'Dawn & Dusk'": an opening quote mark is no apostrophe, the name starts after it.
    assert guard("He spoke to 'Dawn & Dusk' hosts.") == ["Dawn", "Dusk"]


def test_guard_reports_unknown_organisations_and_names_inside_known_context() -> None:
    assert guard("Ruritania's Prosecutor General's Office acted.") == [
        "Prosecutor General's Office"
    ]
    assert guard("Ruritanian officials met Zorro Tamberlane in Zenda.") == ["Zorro Tamberlane"]
    assert guard("A convoy reached Deir al-Zor.") == ["Deir al-Zor"]


def test_guard_accepts_accounted_names() -> None:
    text = (
        "In December the Ruritanian Defence Ministry said Oleg Varga met U.S. officials.\n\n"
        "However, Mr Varga and Secretary Anna Kovac met in Zendah on Friday after the Cold "
        "War-era talks. The Kremlin agreed. Ruritanian mercenaries and Bordurians were in "
        "the Grey Sea resort of Zenda. Later, Haddad spoke."
    )
    assert guard(text) == []


def test_guard_sentence_initial_common_words_and_headline() -> None:
    # "Officials" is a common word at sentence start; the headline's words occur in lower
    # case in the body
    text = (
        "Ruritania Bombs Base Used By Rebels\n\n"
        "Officials said Ruritania bombs a base used by rebels."
    )
    assert guard(text) == []
    # but a capitalised common word in mid-sentence is a name-like span
    assert guard("They met Officials in Zenda.") == ["Officials"]


# --------------------------------------------------------------------------- real articles

ROOT = Path(__file__).resolve().parents[1]
RULES = {
    "alias",
    "metonym",
    "surname",
    "honorific",
    "demonym",
    "demonym_military",
    "demonym_government",
    "demonym_plural",
    "alias_military",
    "alias_government",
}
RAW = ROOT / "raw"
KNOW = RAW / "knowledge"


def _load_registry() -> tuple[list[dict], list[dict], list[dict]]:
    yaml = pytest.importorskip("yaml")
    if not (KNOW / "actors.yaml").exists() or not (KNOW / "places.yaml").exists():
        pytest.skip("raw/knowledge/actors.yaml or raw/knowledge/places.yaml not written yet")
    actors_doc = yaml.safe_load((KNOW / "actors.yaml").read_text(encoding="utf-8")) or {}
    places_doc = yaml.safe_load((KNOW / "places.yaml").read_text(encoding="utf-8")) or {}
    return (
        actors_doc.get("actors") or [],
        places_doc.get("places") or [],
        actors_doc.get("not_actors") or [],
    )


def _clean_texts() -> list[str]:
    from syria_deconfliction.pipeline.clean import clean, load_boilerplate

    bp = load_boilerplate(KNOW / "boilerplate.yaml")
    return [
        clean(p.read_text(encoding="utf-8"), bp).text
        for p in sorted((RAW / "articles").glob("*.txt"))
    ]


def test_real_articles_offsets_and_no_overlaps() -> None:
    actors, places, not_actors = _load_registry()
    known = {str(a["id"]) for a in actors}
    texts = _clean_texts()
    assert len(texts) == 5
    for text in texts:
        mentions = find_mentions(text, actors, places)
        assert mentions, "every article names at least one actor"
        last_end = -1
        for m in mentions:
            assert text[m.start : m.end] == m.text
            assert m.actor_id in known
            assert m.start >= last_end
            last_end = m.end
        assert {m.rule for m in mentions} <= RULES
        # a state's name after "in" is a place, never an actor mention
        starts = {m.start for m in mentions}
        states = [a for a in actors if a.get("type") == "state"]
        for state in states:
            for m in re.finditer(rf"\bin {re.escape(str(state['name']))}\b", text):
                assert m.start() + 3 not in starts
        for s, e, t in find_unaccounted_names(text, mentions, actors, places, not_actors):
            assert text[s:e] == t
            assert any(ch.isupper() for ch in t)


def test_state_name_coordinated_with_longer_alias_shares_its_tail() -> None:
    actors = [
        {"id": "ruritania", "name": "Ruritania", "type": "state", "aliases": ["Ruritania", "R.U."]},
        {
            "id": "ru-marines",
            "name": "Ruritanian Marines",
            "type": "military",
            "parent": "ruritania",
            "aliases": ["R.U. marines"],
        },
        {"id": "borduria", "name": "Borduria", "type": "state", "aliases": ["Borduria", "B.D."]},
        {
            "id": "bd-marines",
            "name": "Bordurian Marines",
            "type": "military",
            "parent": "borduria",
            "aliases": ["B.D. marines"],
        },
    ]
    found = find_mentions("The port was held by R.U. and B.D. marines until May.", actors)
    assert [(m.text, m.actor_id) for m in found] == [
        ("R.U.", "ru-marines"),
        ("B.D. marines", "bd-marines"),
    ]


def test_form_index_finds_what_the_alternation_finds() -> None:
    # The word-indexed lookup must equal the big regular expression it replaces.
    forms = ["U.S.", "US", "U.S.-led coalition", "Al-Assad", "Assad", "Assad’s forces",
             "al Qaeda", "Ruritania", "Ruritanian Republic", "Ruritanian", "-X", "Zenda Post"]
    text = (
        "U.S.-led coalition jets and US troops met Al-Assad's and Assad’s forces; al Qaeda, "
        "the Ruritanian Republic and Ruritanians (not Ruritania-X) -X Zenda Posts Zenda Post, "
        "U.S.A."
    )
    index = FormIndex(forms)
    assert list(index.overlapping(text)) == [
        (m.start(), m.group(1)) for m in _overlapping_re(forms).finditer(text)
    ]
    assert index.plain(text) == [(m.start(), m.end()) for m in _plain_re(forms).finditer(text)]


def test_known_spans_are_the_plain_matches_of_forms_and_surnames_together() -> None:
    # The guard's spans come from the forms' and the surnames' indexes, merged at each start.
    actors = [
        {"id": "kerr", "name": "Anna Kerr", "type": "person", "aliases": ["Anna Kerr-Lind"]},
        {"id": "lind", "name": "Per Lind", "type": "person"},
        {"id": "kerr-fund", "name": "Kerr Fund", "type": "ngo"},
        {"id": "ruritania", "name": "Ruritania", "type": "state", "demonyms": ["Ruritanian"]},
    ]
    text = ("Kerr-Lind met Kerr Fund staff; Kerr, Lind and Anna Kerr-Lind left Ruritania. "
            "Ruritanian Kerr Funds, Kerr’s aides.")
    reg = compile_registry(actors, [])
    both = FormIndex(set(reg.forms) | set(reg.surnames))
    assert reg.known_spans(text) == both.plain(text)
    assert reg.known_spans(text) == [
        (m.start(), m.end()) for m in _plain_re(set(reg.forms) | set(reg.surnames)).finditer(text)
    ]


@pytest.mark.parametrize("before", [
    "Troops moved in", "Jets struck targets in northern", "the rebel-held north of the",
    "along the borders with the", "Fighting IN THE Southern", "north-east of", "Into the",
    "areas of", "it happened inSouthern", "talks in İstanbul with", "fighting ın the",
    "ſouth of", "the Kelvin-held north of",
    "x" * 70 + " in the", "the south of the town and the", "", "  ",
])
def test_locative_context_tried_at_its_words_equals_the_search_of_the_window(before: str) -> None:
    # The locative pattern is only tried where one of its opening words stands.
    lex = DEFAULT_LEXICON
    text = before + " Ruritania"
    start = len(before) + 1
    window = text[max(0, start - 60) : start]
    expected = _context_res(lex)["locative"].search(window) is not None
    assert _locative_before(lex, text, start) == expected

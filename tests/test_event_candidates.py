"""Tests for syria_deconfliction.extract.events: made-up sentences with known answers, the
trigger lexicon as data, and a smoke test over the real articles."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from syria_deconfliction.extract.events import (
    Candidate,
    find_candidates,
    inflect_noun,
    inflect_verb,
    lexicon_from_data,
    load_lexicon,
    split_sentences,
    unaccounted_candidates,
)
from syria_deconfliction.extract.mentions import Mention

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
D = dt.date
THU_2020_03_05 = D(2020, 3, 5)

# A made-up world: none of these names occur in the articles.
ACTORS = {
    "Ruritanian army": "ruritania-military",
    "Ruritanian jets": "ruritania-military",
    "Ruritanian convoy": "ruritania-military",
    "Ruritanian forces": "ruritania-military",
    "Ruritania": "ruritania",
    "Freedonian troops": "freedonia-military",
    "Freedonia": "freedonia",
    "Blue Brigade fighters": "blue-brigade",
    "Blue Brigade": "blue-brigade",
    "Ana Kova": "ana-kova",
    "Daily Planet": "daily-planet",
}
TYPES = {
    "ruritania": "state", "freedonia": "state", "ruritania-military": "military",
    "freedonia-military": "military", "blue-brigade": "armed_group", "ana-kova": "person",
    "daily-planet": "media", "ruritania-defence-ministry": "government_body",
}
PARENTS = {
    "ruritania-military": "ruritania", "freedonia-military": "freedonia",
    "ruritania-defence-ministry": "ruritania", "ana-kova": "ruritania-defence-ministry",
}
PLACES = [
    {"id": "port-vella", "name": "Port Vella", "alternate_names": [], "feature_type": "city"},
    {"id": "zenda", "name": "Zenda", "alternate_names": ["Zendah"], "feature_type": "town"},
    {"id": "ruritania-country", "name": "Ruritania", "alternate_names": [],
     "feature_type": "country"},
]


def mentions(text: str) -> list[Mention]:
    """Longest-first actor mentions of the made-up world."""
    taken = [False] * len(text)
    out = []
    for surface in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            out.append(Mention(m.start(), m.end(), surface, ACTORS[surface], "test"))
    return sorted(out, key=lambda x: x.start)


def cands(text: str, published: dt.date | None = THU_2020_03_05) -> list[Candidate]:
    found = find_candidates(text, mentions(text), published, PLACES, TYPES,
                            actor_parents=PARENTS)
    for c in found:  # offsets always round-trip
        assert text[c.trigger_start:c.trigger_end] == c.trigger
        assert c.sentence_start <= c.trigger_start < c.trigger_end <= c.sentence_end
        if c.date_text is not None:
            assert text[c.date_start:c.date_end] == c.date_text
    return found


def one(text: str, trigger: str, published: dt.date | None = THU_2020_03_05) -> Candidate:
    found = [c for c in cands(text, published) if c.trigger == trigger]
    assert len(found) == 1, [(c.trigger, c.cameo_code) for c in cands(text, published)]
    return found[0]


# --------------------------------------------------------------------------- lexicon


def test_lexicon_codes_exist_in_the_cameo_reference() -> None:
    with open(RAW / "knowledge" / "reference" / "cameo_event_codes.csv", encoding="utf-8") as fh:
        codes = {row["code"] for row in csv.DictReader(fh)}
    lex = load_lexicon()
    used = set()
    for e in lex.entries:
        used |= {e.code, e.negated, e.planned} | {r.code for r in e.refine}
        used |= {r.planned for r in e.refine}
    used.discard(None)
    assert used - codes == set()
    assert len(lex.entries) >= 40


def test_lexicon_holds_no_names() -> None:
    """Trigger words are ordinary English: lower case, no proper names."""
    data = yaml.safe_load((RAW / "knowledge" / "event_triggers.yaml").read_text(encoding="utf-8"))
    for raw in data["triggers"]:
        for key in ("verb", "forms", "noun", "object", "requires", "particle"):
            value = raw.get(key) or []
            for word in [value] if isinstance(value, str) else value:
                assert word == word.lower(), (raw["id"], word)


def test_lexicon_rejects_unknown_keys_and_yaml_booleans() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        lexicon_from_data({"triggers": [{"id": "x", "verb": "hit", "code": "190",
                                         "kind": "kinetic", "colour": "red"}]})
    with pytest.raises(ValueError, match="true/false"):
        lexicon_from_data({"triggers": [{"id": "x", "verb": "pull", "particle": [True],
                                         "code": "0874", "kind": "withdraw"}]})
    with pytest.raises(ValueError, match="unknown kind"):
        lexicon_from_data({"triggers": [{"id": "x", "verb": "hit", "code": "190",
                                         "kind": "violent"}]})


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("bomb", ("bomb", "bombs", "bombed", "bombing")),
        ("ram", ("ram", "rams", "rammed", "ramming")),
        ("ferry", ("ferry", "ferries", "ferried", "ferrying")),
        ("deploy", ("deploy", "deploys", "deployed", "deploying")),
        ("agree", ("agree", "agrees", "agreed", "agreeing")),
        ("strike", ("strike", "strikes", "struck", "stricken", "striking")),  # irregular
        ("zorble", ("zorble", "zorbles", "zorbled", "zorbling")),  # unknown verb: by rule
        ("clash", ("clash", "clashes", "clashed", "clashing")),
        ("pull out", ("pull out", "pulls out", "pulled out", "pulling out")),
    ],
)
def test_inflect_verb(lemma: str, forms: tuple[str, ...]) -> None:
    assert inflect_verb(lemma) == forms


def test_inflect_noun() -> None:
    assert inflect_noun("strike") == ("strike", "strikes")
    assert inflect_noun("inquiry") == ("inquiry", "inquiries")
    assert inflect_noun("talks") == ("talks",)
    assert inflect_noun("air strike") == ("air strike", "air strikes")


# --------------------------------------------------------------------------- sentences


def _sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Vane met Gen. Holt in Zenda. They talked.",
         ["Mr. Vane met Gen. Holt in Zenda.", "They talked."]),
        ("The U.S. Army and the U.N. mission left. Then it rained.",
         ["The U.S. Army and the U.N. mission left.", "Then it rained."]),
        ("Aid was sent by the U.S. The ministry said so.",
         ["Aid was sent by the U.S.", "The ministry said so."]),
        ("John F. Kennedy spoke. Ms Roe replied.", ["John F. Kennedy spoke.", "Ms Roe replied."]),
        ("“We will win.” He left.", ["“We will win.”", "He left."]),
        ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
        ("There are means . . . challenging patrols, he said.",
         ["There are means . . . challenging patrols, he said."]),
        ("A headline here\n\nFirst paragraph. Second one.\n\nThird.",
         ["A headline here", "First paragraph.", "Second one.", "Third."]),
        ("It was 3 p.m. on Monday when it began.", ["It was 3 p.m. on Monday when it began."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sents(text) == expected


def test_sentence_offsets_are_trimmed_and_ordered() -> None:
    text = "  One sentence here.   Two here!\n\n  Three?  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["One sentence here.", "Two here!", "Three?"]
    assert all(a < b for a, b in spans) and spans == sorted(spans)


# --------------------------------------------------------------------------- candidates


def test_kinetic_verb_with_source_target_date_place() -> None:
    c = one("Ruritanian jets bombed a Blue Brigade base near Zenda on Monday.", "bombed")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (
        "195", "ruritania-military", "blue-brigade")
    assert c.date_text == "Monday" and c.date is not None
    assert c.date.date_start == D(2020, 3, 2)
    assert (c.place_id, c.place_text) == ("zenda", "Zenda")
    assert c.claim_status == "reported" and c.claimed_by_actor_id is None


def test_post_frame_claim_and_artillery_code() -> None:
    c = one("Freedonian troops shelled Port Vella last week, the Daily Planet reported.",
            "shelled")
    assert c.cameo_code[:2] == "19" and c.cameo_code == "194"
    assert c.source_actor_id == "freedonia-military"
    assert c.place_id == "port-vella" and c.date_text == "last week"
    # an outlet relayed by the writer: reported, with the outlet as claimed_by
    assert (c.claim_status, c.claimed_by_actor_id) == ("reported", "daily-planet")


def test_pre_frame_pronoun_subject_is_the_reporter() -> None:
    c = one("Ruritania said it had struck Blue Brigade fighters with missiles on Tuesday.",
            "struck")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (
        "195", "ruritania-military", "blue-brigade")  # a state acts through its forces
    assert (c.claim_status, c.claimed_by_actor_id) == ("claimed", "ruritania")
    assert c.date is not None and c.date.date_start == D(2020, 3, 3)


def test_accusation_makes_the_accused_the_source_of_an_alleged_event() -> None:
    found = cands("Freedonia accused Ruritania of bombing a hospital in Zenda.")
    acc = next(c for c in found if c.trigger == "accused")
    assert acc.cameo_code[:3] == "112"
    assert (acc.source_actor_id, acc.target_actor_id, acc.claim_status) == (
        "freedonia", "ruritania", "reported")
    bomb = next(c for c in found if c.trigger == "bombing")
    assert (bomb.cameo_code, bomb.source_actor_id) == ("195", "ruritania-military")
    assert (bomb.claim_status, bomb.claimed_by_actor_id) == ("alleged", "freedonia")
    assert bomb.place_id == "zenda"


def test_denial_frame() -> None:
    found = cands("Ruritania denied that the Ruritanian army attacked Port Vella.")
    deny = next(c for c in found if c.trigger == "denied")
    assert (deny.cameo_code, deny.source_actor_id) == ("016", "ruritania")
    attack = next(c for c in found if c.trigger == "attacked")
    assert attack.source_actor_id == "ruritania-military"
    assert (attack.claim_status, attack.claimed_by_actor_id) == ("denied", "ruritania")


def test_deny_access_is_not_a_denial() -> None:
    assert not [c for c in cands("Freedonia denied Zenda access to food.")
                if c.cameo_code == "016"]


def test_announced_talks_are_an_intent_dated_in_the_future() -> None:
    c = one("Freedonia will hold talks with Ruritania next week.", "talks")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (
        "036", "freedonia", "ruritania")
    assert c.claim_status == "reported"  # the intent is expressed now (036)
    assert c.date is not None and c.date.date_start == D(2020, 3, 9)


def test_intended_force_is_planned() -> None:
    c = one("Freedonia plans to attack Zenda next week.", "attack")
    assert (c.cameo_code, c.source_actor_id, c.claim_status) == (
        "190", "freedonia-military", "planned")
    assert c.date is not None and c.date.date_start == D(2020, 3, 9)


def test_decision_to_withdraw() -> None:
    c = one("The decision by Ruritania to withdraw troops from Zenda was criticised.",
            "withdraw")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == ("0356", "ruritania", None)
    c = one("Ruritania withdrew its troops from Zenda on Monday.", "withdrew")
    assert (c.cameo_code, c.source_actor_id, c.place_id) == (
        "0874", "ruritania-military", "zenda")


def test_negated_force_inside_a_claim_is_a_denial_by_the_speaker() -> None:
    c = one("Ana Kova insisted that Ruritanian jets did not strike civilian areas.", "strike")
    # the speaker's own side: a denial (016) by her, the body she speaks for beside her
    assert (c.cameo_code, c.source_actor_id) == ("016", "ana-kova")
    assert c.source_parties == ("ruritania-defence-ministry",)
    assert (c.claim_status, c.claimed_by_actor_id) == ("denied", "ana-kova")
    # another side's act said not to happen: a plain statement (010)
    c = one("Ana Kova said no Freedonian troops were fighting in Zenda.", "fighting")
    assert (c.cameo_code, c.source_actor_id) == ("010", "ana-kova")


def test_acting_bodies() -> None:
    """A speaker stays the actor with her body beside her; a state acts through its armed
    forces."""
    c = one("Ana Kova accused Freedonia of aggression.", "accused")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "freedonia")
    assert c.source_parties == ("ruritania-defence-ministry",)
    c = one("Ruritania bombed Zenda on Monday.", "bombed")
    assert c.source_actor_id == "ruritania-military"
    c = one("Freedonia shelled Blue Brigade positions.", "shelled")
    assert (c.source_actor_id, c.target_actor_id) == ("freedonia-military", "blue-brigade")


def test_negated_withdrawal_is_a_refusal_to_de_escalate() -> None:
    c = one("The Blue Brigade said it would not pull back from Zenda.", "pull back")
    assert (c.cameo_code, c.source_actor_id) == ("1246", "blue-brigade")
    assert (c.claim_status, c.claimed_by_actor_id) == ("claimed", "blue-brigade")


@pytest.mark.parametrize(
    ("text", "trigger", "code", "source", "target"),
    [
        ("Ruritania and Freedonia reached an agreement on Friday.", "reached an agreement",
         "057", "ruritania", "freedonia"),
        ("Ruritania agreed that the talks were useful.", "agreed", "019", "ruritania", None),
        ("Freedonia agreed to hold talks with Ruritania.", "agreed", "036", "freedonia",
         "ruritania"),
        ("Freedonia has not agreed to cooperate with Ruritania.", "agreed", "120", "freedonia",
         "ruritania"),
        ("Freedonia urged Ruritania to accept a ceasefire.", "urged", "0256", "freedonia",
         "ruritania"),
        ("Ruritania declined to comment.", "declined to comment", "011", "ruritania", None),
        ("Ruritania criticised Freedonia.", "criticised", "111", "ruritania", "freedonia"),
        ("Freedonia warned Ruritania of retaliation.", "warned", "138", "freedonia",
         "ruritania"),
        ("Freedonia cancelled a meeting with Ruritania.", "cancelled", "125", "freedonia",
         "ruritania"),
        ("A Ruritanian convoy rammed Freedonian troops.", "rammed", "182",
         "ruritania-military", "freedonia-military"),
        ("Ana Kova spoke with Ruritania by telephone.", "spoke with", "041",
         "ana-kova", "ruritania"),
        ("Freedonian troops blocked a Ruritanian convoy.", "blocked", "191",
         "freedonia-military", "ruritania-military"),
        ("Ruritanian forces encircled Zenda.", "encircled", "191", "ruritania-military", None),
        ("Freedonia supplied weapons to the Blue Brigade.", "supplied", "072", "freedonia",
         "blue-brigade"),
        ("Freedonia has deployed troops to Zenda.", "deployed", "154", "freedonia-military",
         None),
        ("Freedonia and the Blue Brigade clashed in Zenda.", "clashed", "190",
         "freedonia-military", "blue-brigade"),
    ],
)
def test_codes_and_roles(text: str, trigger: str, code: str, source: str | None,
                         target: str | None) -> None:
    c = one(text, trigger)
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (code, source, target)


def test_offer_is_an_intent_and_owns_its_complement() -> None:
    found = cands("Ruritania offered to share intelligence with Freedonia.")
    assert [c.trigger for c in found] == ["offered"]
    c = found[0]
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id, c.claim_status) == (
        "0314", "ruritania", "freedonia", "reported")


def test_strike_a_deal_is_not_an_attack() -> None:
    c = one("Ruritania hopes to strike a deal with Freedonia.", "strike a deal")
    assert c.cameo_code[:2] == "05" and c.claim_status == "planned"
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania", "freedonia")


def test_passive_voice() -> None:
    c = one("Port Vella was shelled by Freedonian troops on Sunday.", "shelled")
    assert (c.source_actor_id, c.target_actor_id) == ("freedonia-military", None)
    c = one("The Blue Brigade was attacked by the Ruritanian army.", "attacked")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania-military", "blue-brigade")


def test_relative_clauses() -> None:
    found = cands("Freedonia, which condemned the Blue Brigade, has warned Ruritania.")
    cond = next(c for c in found if c.trigger == "condemned")
    assert (cond.cameo_code, cond.source_actor_id, cond.target_actor_id) == (
        "111", "freedonia", "blue-brigade")
    warned = next(c for c in found if c.trigger == "warned")
    assert (warned.cameo_code, warned.source_actor_id, warned.target_actor_id) == (
        "012", "freedonia", "ruritania")
    found = cands("A claim which Ruritania strongly denies.")
    assert [(c.cameo_code, c.source_actor_id) for c in found] == [("016", "ruritania")]


def test_standing_support_is_not_an_event_but_stated_support_is() -> None:
    assert not cands("Freedonia, which backs the Blue Brigade, is large.")
    c = one("Freedonia voiced support for the Blue Brigade.", "voiced support for")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (
        "051", "freedonia", "blue-brigade")


def test_title_chain_speaker_and_prepositional_phrases() -> None:
    """The source skips 'of X' but takes the role holder's body in 'the head of X'."""
    c = one("The head of the Ruritanian army accused Freedonia of aggression.", "accused")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania-military", "freedonia")
    c = one("The families of Blue Brigade fighters attacked Ruritania.", "attacked")
    assert c.source_actor_id is None and c.target_actor_id == "ruritania"


def test_conditions_and_hyphenated_descriptions_are_not_events() -> None:
    assert not cands("If Freedonia attacks Zenda, there will be consequences.")
    found = cands("Ruritanian-backed fighters were seen in Zenda.")
    assert not [c for c in found if c.trigger.lower().startswith("backed")]


def test_purpose_clause_belongs_to_the_main_event() -> None:
    found = cands("Ruritania sent troops to Zenda to fight the Blue Brigade.")
    assert [(c.trigger, c.cameo_code, c.source_actor_id) for c in found] == [
        ("sent", "154", "ruritania-military")]


def test_force_triggers_of_one_sentence_merge() -> None:
    found = cands("The air strike killed three Blue Brigade fighters in Zenda.")
    assert len(found) == 1
    assert (found[0].cameo_code, found[0].target_actor_id, found[0].place_id) == (
        "195", "blue-brigade", "zenda")


def test_according_to_and_parenthetical_frames() -> None:
    c = one("According to the Daily Planet, Freedonian troops attacked Zenda.", "attacked")
    assert (c.claim_status, c.claimed_by_actor_id, c.source_actor_id) == (
        "reported", "daily-planet", "freedonia-military")
    c = one("According to Ana Kova, Freedonian troops attacked Zenda.", "attacked")
    assert (c.claim_status, c.claimed_by_actor_id) == ("claimed", "ana-kova")
    c = one("Freedonia, Ana Kova said, is ready to send troops to Zenda.", "send")
    assert (c.source_actor_id, c.claimed_by_actor_id, c.claim_status) == (
        "freedonia-military", "ana-kova", "planned")


def test_no_date_and_no_publication_date() -> None:
    c = one("Ruritania criticised Freedonia.", "criticised")
    assert c.date_text is None and c.date is None
    c = one("Ruritania criticised Freedonia on Monday.", "criticised", published=None)
    assert c.date_text == "Monday" and c.date is None


def test_country_place_needs_a_locative_reading() -> None:
    text = "Freedonian troops attacked targets in Ruritania."
    ms = [m for m in mentions(text) if m.text != "Ruritania"]  # the finder reads a place
    (c,) = find_candidates(text, ms, THU_2020_03_05, PLACES, TYPES)
    assert c.source_actor_id == "freedonia-military"
    assert (c.place_id, c.place_text) == ("ruritania-country", "Ruritania")
    text = "Ruritania attacked Freedonia."
    ms = [m for m in mentions(text) if m.text != "Ruritania"]
    (c,) = find_candidates(text, ms, THU_2020_03_05, PLACES, TYPES)
    assert c.place_id is None  # a bare country name is not where it happened


def test_headline_restated_by_the_body_is_folded() -> None:
    text = "Ruritania Bombs Zenda\n\nRuritanian jets bombed Zenda on Monday."
    found = cands(text)
    assert [(c.trigger, c.source_actor_id) for c in found] == [("bombed", "ruritania-military")]


def test_since_dates_the_event_it_names() -> None:
    c = one("Tension has grown since Monday's attack by Freedonian troops on Zenda.", "attack")
    assert (c.source_actor_id, c.date_text) == ("freedonia-military", "Monday")
    assert c.date is not None and c.date.date_start == D(2020, 3, 2)
    c = one("Freedonia has fought the Blue Brigade since 2011, in Zenda.", "fought")
    assert c.date_text is None


def test_unaccounted_candidates() -> None:
    text = "Ruritanian jets bombed Zenda on Monday. Freedonia criticised Ruritania."
    found = cands(text)
    assert len(found) == 2
    bomb = text.index("Ruritanian jets bombed")
    crit = text.index("criticised")
    assert unaccounted_candidates(found, [(bomb, bomb + 30)], []) == [found[1]]
    assert unaccounted_candidates(found, [], [(crit, crit + 10)]) == [found[0]]
    assert unaccounted_candidates(found, [(bomb, bomb + 30)], [(crit, crit + 10)]) == []


# --------------------------------------------------------------------------- real articles


@pytest.fixture(scope="module")
def real():
    """Candidates for the five articles, or skip when the mention finder is unavailable."""
    import syria_deconfliction
    from syria_deconfliction.extract import mentions as mentions_mod

    actors_path, places_path = RAW / "knowledge" / "actors.yaml", RAW / "knowledge" / "places.yaml"
    if not (actors_path.exists() and places_path.exists()
            and hasattr(mentions_mod, "find_mentions")):
        pytest.skip("actor registry or mention finder not available")
    actors = yaml.safe_load(actors_path.read_text(encoding="utf-8"))["actors"]
    places = yaml.safe_load(places_path.read_text(encoding="utf-8"))["places"]
    articles = syria_deconfliction.load("articles")
    try:
        found_mentions = {row.article_id: mentions_mod.find_mentions(row.text, actors, places)
                          for row in articles.itertuples()}
    except Exception as exc:  # noqa: BLE001 - another module's failure is a skip here
        pytest.skip(f"mention finder failed: {exc!r}")
    types = {a["id"]: a["type"] for a in actors}
    parents = {a["id"]: a.get("parent") for a in actors}
    out = {}
    for row in articles.itertuples():
        published = row.published_date.date() if row.published_date is not None else None
        out[row.article_id] = (row.text, find_candidates(
            row.text, found_mentions[row.article_id], published, places, types,
            actor_parents=parents))
    return out, {a["id"] for a in actors}, {p["id"] for p in places}


def test_real_articles_offsets_round_trip(real) -> None:
    out, actor_ids, place_ids = real
    with open(RAW / "knowledge" / "reference" / "cameo_event_codes.csv", encoding="utf-8") as fh:
        codes = {row["code"] for row in csv.DictReader(fh)}
    assert len(out) == 5
    for article_id, (text, found) in out.items():
        assert found, article_id
        for c in found:
            sentence = text[c.sentence_start:c.sentence_end]
            assert sentence.strip() == sentence and sentence
            assert text[c.trigger_start:c.trigger_end] == c.trigger
            assert c.sentence_start <= c.trigger_start < c.trigger_end <= c.sentence_end
            if c.date_text is not None:
                assert text[c.date_start:c.date_end] == c.date_text
                assert c.sentence_start <= c.date_start < c.date_end <= c.sentence_end
            if c.place_text is not None:
                assert c.place_text in sentence and c.place_id in place_ids
            assert c.cameo_code in codes
            assert c.claim_status in ("reported", "claimed", "alleged", "denied", "planned",
                                      "confirmed")
            for aid in (c.source_actor_id, c.target_actor_id, c.claimed_by_actor_id):
                assert aid is None or aid in actor_ids
            assert 0.0 < c.confidence < 1.0


def _locate(text: str, words: str, occurrence: int = 1) -> tuple[int, int] | None:
    start = -1
    for _ in range(occurrence):
        start = text.find(words, start + 1)
        if start < 0:
            return None
    return start, start + len(words)


def test_every_candidate_is_curated_or_rejected(fresh_build) -> None:
    """The build runs the finder and reports candidates that no curated event covers and no
    rejection explains; none may be left."""
    from conftest import TODAY

    from syria_deconfliction.pipeline.run import build

    report = build(fresh_build, today=TODAY)
    assert report.gaps.get("uncovered_event_candidates", []) == []


# --------------------------------------------------------------------------- statements


def test_a_reported_statement_is_one_candidate_by_the_speaker() -> None:
    found = cands("Ana Kova said the harbour was calm.")
    assert [(c.trigger, c.cameo_code, c.source_actor_id) for c in found] == [
        ("said", "010", "ana-kova")]
    # the person stays the actor; the body she speaks for is listed beside her
    assert found[0].source_parties == ("ruritania-defence-ministry",)


def test_statement_target_is_the_addressee_of_tell() -> None:
    c = one("Ana Kova told the Blue Brigade that Freedonia was calm.", "told")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "blue-brigade")


def test_first_person_addressee_in_quoted_words_is_the_one_quoted() -> None:
    # '"X indicated to me ...", Y said': X's statement is addressed to Y, not to a side named
    c = one('"Ana Kova indicated to me that Freedonia would open Zenda," Ruritania said.',
            "indicated")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "ruritania")


def test_boasting_is_a_reporting_verb() -> None:
    # '"...," X boasted': a statement by X like '"...," X said'
    c = one('"Our side is winning against Freedonia," Ana Kova boasted.', "boasted")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == ("010", "ana-kova", "freedonia")


def test_statement_target_is_the_other_side_named_in_what_was_said() -> None:
    c = one("Ana Kova said the Ruritanian army and Freedonia were tired.", "said")
    assert c.target_actor_id == "freedonia"  # her own side's army is not the target


def test_statement_code_comes_from_what_was_said() -> None:
    assert one("Ana Kova said Freedonia must pay the sailors.", "said").cameo_code == "100"
    assert one("Ana Kova said Freedonia should pay the sailors.", "said").cameo_code == "020"


def test_a_news_outlet_publishing_a_report_is_no_statement() -> None:
    assert [c for c in cands("The Daily Planet said the harbour was calm.")
            if c.trigger == "said"] == []


def test_statement_takes_the_date_of_its_own_words_not_of_what_was_said() -> None:
    c = one("Ana Kova said on Monday that the harbour will be calm on Friday.", "said")
    assert (c.date_text, c.date.date_start) == ("Monday", D(2020, 3, 2))
    c = one("Ana Kova said the harbour will be calm on Friday.", "said")
    assert c.date is None  # the publication date, as for any undated candidate


def test_dateline_place_words_are_no_actor() -> None:
    text = "KORVAN (Wire) — Ana Kova said the harbour was calm."
    ms = [Mention(0, 6, "KORVAN", "new-korvan", "candidate"), *mentions(text)]
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, TYPES, actor_parents=PARENTS)
    assert [(c.trigger, c.source_actor_id) for c in found] == [("said", "ana-kova")]


def test_the_agency_credit_of_a_dateline_takes_no_part_in_events() -> None:
    text = "KORVAN (Wire Service) — Ana Kova said the harbour was calm."
    ms = [Mention(8, 20, "Wire Service", "new-wire-service", "candidate"), *mentions(text)]
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, TYPES, actor_parents=PARENTS)
    assert [(c.source_actor_id, c.target_actor_id) for c in found] == [("ana-kova", None)]


# --------------------------------------------------------------------------- lexicon gaps


def test_irregular_verbs_are_inflected() -> None:
    assert {"sent", "gave", "given", "expelled"} <= set(
        inflect_verb("send") + inflect_verb("give") + inflect_verb("expel"))
    assert "sended" not in inflect_verb("send")
    assert one("Ruritania has sent weapons to the Blue Brigade.", "sent").cameo_code == "072"


@pytest.mark.parametrize(
    ("text", "trigger", "code", "source", "target"),
    [
        ("Ruritanian forces retook Zenda on Monday.", "retook", "192", "ruritania-military",
         None),
        ("Blue Brigade fighters fired rockets at Ruritanian forces.", "fired rockets at", "195",
         "blue-brigade", "ruritania-military"),
        ("Ana Kova called the Freedonia blockade a crime.", "called", "111", "ana-kova",
         "freedonia"),
        ("Ruritania and Freedonia brokered a truce in March.", "brokered", "057", "ruritania",
         "freedonia"),
        ("Ruritania declared its right to retaliate.", "right to retaliate", "138", "ruritania",
         None),
        # a shown unwillingness is a refusal (12)
        ("Ana Kova has shown little willingness to share the Zenda wells.",
         "shown little willingness",
         "120", "ana-kova", None),
        # a delegation leaving the talks halts the negotiation (164)
        ("The talks broke down when the Blue Brigade delegation walked out.", "walked out",
         "164", "blue-brigade", None),
        # calling another's act "an attempt to ..." is criticism ("requires" words are single
        # words: the phrase once listed never matched)
        ("Calling the Freedonia vote an attempt to divide Zenda, Ana Kova said the talks were "
         "over.", "Calling", "111", "ana-kova", "freedonia"),
        # support that is only expected is an intent to support (032), not the support (051)
        ("Ruritania is expected to declare its support for the plan.", "declare its support for",
         "032", "ruritania", None),
    ],
)
def test_lexicon_gap_triggers(text: str, trigger: str, code: str, source: str,
                              target: str | None) -> None:
    c = one(text, trigger)
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (code, source, target)


def test_a_warning_of_repercussions_is_a_threat() -> None:
    assert one("Ana Kova warned Freedonia of serious repercussions.", "warned").cameo_code == "130"


def test_statement_of_own_intent_is_an_intent() -> None:
    assert one("Ana Kova said she was working to calm the harbour.", "said").cameo_code == "030"
    # another subject's future is no intent of the speaker
    assert one("Ana Kova said the harbour will be calm.", "said").cameo_code == "010"
    # a future the speaker rules out is a refusal, not an intent
    assert one('"We will never open the harbour," Ana Kova said.', "said").cameo_code == "120"


def test_demands_after_a_determiner_are_a_noun_not_a_demand() -> None:
    # "said these demands were heard" tells of demands; "said X demands Y" makes one
    assert one("Ana Kova said these demands were heard in Freedonia.", "said").cameo_code == "010"
    assert one("Ana Kova said Freedonia demands a truce.", "said").cameo_code == "100"


def test_we_must_binds_the_speakers_side_and_is_no_demand() -> None:
    # "we must ..." is said of the speaker's own side; "<other> must ..." demands
    assert one('"We all must stay in Zenda," Ana Kova said.', "said").cameo_code == "010"
    assert one('"Freedonia must leave Zenda," Ana Kova said.', "said").cameo_code == "100"


def test_statement_reporting_force_by_another_side_accuses_it() -> None:
    c = one("Ana Kova said Freedonian troops shelled the harbour.", "said")
    assert (c.cameo_code, c.target_actor_id) == ("112", "freedonia-military")


def test_use_of_chemical_weapons() -> None:
    assert one("Freedonia used chemical weapons on Zenda.", "used chemical weapons"
               ).cameo_code == "2041"


def test_an_outlet_told_is_no_side_and_a_date_after_the_verb_is_the_sayings() -> None:
    # "X told <outlet> on Monday Y ...": the outlet asked, Y is the side; Monday dates the telling
    c = one("Ana Kova told the Daily Planet on Monday Freedonia wanted new talks.", "told")
    assert (c.source_actor_id, c.target_actor_id, c.date_text) == (
        "ana-kova", "freedonia", "Monday")


def test_a_body_named_as_another_bodys_speaks_for_its_side() -> None:
    # "the X's council (XC)": what the council says of X is no statement aimed at X
    text = ("Ivo Petrov heads the Blue Brigade's Peace Council (PC). "
            "The PC said the Blue Brigade was ready to meet Freedonia.")
    names = (("Ivo Petrov", "ivo-petrov"), ("Blue Brigade", "blue-brigade"),
             ("Peace Council", "peace-council"), ("PC", "pc"), ("Freedonia", "freedonia"))
    extra = [Mention(m.start(), m.end(), m.group(), actor, "test") for name, actor in names
             for m in re.finditer(rf"\b{name}\b", text)]
    found = find_candidates(text, sorted(extra, key=lambda m: m.start), THU_2020_03_05, PLACES,
                            {**TYPES, "ivo-petrov": "person", "peace-council": "other",
                             "pc": "other"}, actor_parents=PARENTS)
    c = next(c for c in found if c.trigger == "said")
    assert (c.source_actor_id, c.target_actor_id) == ("pc", "freedonia")


def test_a_context_phrase_of_several_words_refines_the_code() -> None:
    # "war crimes" near an accusation: accused of war crimes (1124), not a plain accusation
    assert one("Ruritania accused Borduria of war crimes in Zenda.", "accused").cameo_code == \
        "1124"
    assert one("Ruritania warned Borduria of military action on Monday.", "warned"
               ).cameo_code == "138"
    assert one("Ruritania warned Borduria about the harbour on Monday.", "warned"
               ).cameo_code == "012"


def test_the_subject_of_came_under_fire_undergoes_it() -> None:
    # "X came under fire from Y": Y fired on X (194 with artillery)
    c = one("Freedonia came under artillery fire from Ruritania on Friday.",
            "came under artillery fire")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (
        "194", "ruritania-military", "freedonia")
    c = one("Ruritanian forces came under attack by Freedonia near Zenda.", "came under attack")
    assert (c.source_actor_id, c.target_actor_id) == ("freedonia-military", "ruritania-military")

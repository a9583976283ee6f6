"""Tests for the rule-based quotation extractor (syria_deconfliction.extract.quotes).

The small texts are made up (invented people and places); the last tests run the extractor
over the five project articles and check offsets and a few attributions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from syria_deconfliction.extract.quotes import Quote, SpeakerHint, extract_quotes

ROOT = Path(__file__).resolve().parents[1]


def find(quotes: list[Quote], text: str, qtype: str | None = None) -> Quote:
    hits = [q for q in quotes if q.text == text and (qtype is None or q.quote_type == qtype)]
    assert len(hits) == 1, f"{text!r} not found once in {[q.text for q in quotes]}"
    return hits[0]


def accepted(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.status == "accepted"]


def check_offsets(body: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert body[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert body[q.speaker_start:q.speaker_end] == q.speaker_mention
        if q.speaker_pronoun_start is not None:
            assert body[q.speaker_pronoun_start:q.speaker_pronoun_end] == q.speaker_pronoun
        if q.source_start is not None:
            assert body[q.source_start:q.source_end] == q.source_mention


def rules(q: Quote) -> list[str]:
    return q.attribution.split("+")


# --------------------------------------------------------------------------- direct quotes


def test_said_after_inverted_with_appositive_description() -> None:
    body = ("Border talks stall\n\n“We will not retreat from the river,” said Anna Kowalski, "
            "a spokeswoman for the Polish Interior Ministry.")
    qs = extract_quotes(body)
    check_offsets(body, qs)
    q = find(qs, "We will not retreat from the river")
    assert (q.start, q.end) == (body.index("We will"), body.index(",” said"))
    assert q.quote_type == "direct"
    assert q.speaker_mention == "Anna Kowalski"
    assert q.speaker_description == "spokeswoman for the Polish Interior Ministry"
    assert q.verb == "say"
    assert rules(q)[0] == "said_after"
    assert q.status == "accepted"
    assert len(accepted(qs)) == 1


def test_name_said_after_and_surname_is_a_person() -> None:
    body = ("Tomas Berg arrived in Lund on Monday.\n\n"
            "“The talks failed because nobody listened,” Berg said.")
    qs = extract_quotes(body)
    q = find(qs, "The talks failed because nobody listened")
    assert q.speaker_mention == "Berg"
    assert q.speaker_start == body.rindex("Berg")
    assert q.quote_type == "direct"
    assert rules(q) == ["said_after"]


def test_colon_introduction_with_title() -> None:
    body = "Interior Minister Tomas Berg told reporters on a call: “The convoy will move at dawn.”"
    q = find(extract_quotes(body), "The convoy will move at dawn")
    assert q.quote_type == "direct"
    assert q.speaker_mention == "Tomas Berg"
    assert q.speaker_description == "Interior Minister"
    assert q.verb == "tell"
    assert rules(q)[0] == "colon"


def test_headline_colon_without_verb() -> None:
    body = "Roth: “We will rebuild every school”\n\nThe mayor spoke in the square on Sunday."
    q = find(extract_quotes(body), "We will rebuild every school")
    assert q.speaker_mention == "Roth"
    assert q.verb is None
    assert rules(q)[0] == "colon"


def test_trailing_period_and_comma_excluded_but_question_mark_kept() -> None:
    body = ("“Where is the aid?” asked Omar Haddad. “We have waited a week.” "
            "\n\n“Nobody came,” he said.")
    qs = extract_quotes(body)
    check_offsets(body, qs)
    assert find(qs, "Where is the aid?").speaker_mention == "Omar Haddad"
    q2 = find(qs, "We have waited a week")
    assert q2.speaker_mention == "Omar Haddad"
    assert rules(q2) == ["previous_sentence"]
    q3 = find(qs, "Nobody came")
    assert q3.speaker_mention == "Omar Haddad"
    assert q3.speaker_pronoun == "he"
    assert "pronoun" in rules(q3)


def test_straight_quotes() -> None:
    body = 'Farmers marched on the capital.\n\n"We need diesel before the harvest," said Ivo Marek.'
    q = find(extract_quotes(body), "We need diesel before the harvest")
    assert q.speaker_mention == "Ivo Marek"
    assert q.quote_type == "direct"


def test_split_quote_around_attribution() -> None:
    body = "“We are ready,” said Lena Dahl, “to sign the deal tomorrow.”"
    qs = extract_quotes(body)
    assert find(qs, "We are ready").speaker_mention == "Lena Dahl"
    assert find(qs, "to sign the deal tomorrow").speaker_mention == "Lena Dahl"


# --------------------------------------------------------------------------- partial quotes


def test_described_as_is_a_partial_quote_of_a_role_speaker() -> None:
    body = ("A Danish diplomat familiar with the talks described the meeting as “tense but "
            "useful” and said that a second round was likely.")
    qs = extract_quotes(body, [SpeakerHint(2, 8, "denmark", "state")])
    check_offsets(body, qs)
    p = find(qs, "tense but useful")
    assert p.quote_type == "partial"
    assert p.speaker_mention == "A Danish diplomat familiar with the talks"
    assert p.speaker_description == "Danish diplomat familiar with the talks"
    assert p.speaker_actor_id == "denmark"
    assert p.verb == "describe"
    assert "role" in rules(p)
    i = find(qs, "a second round was likely")
    assert i.quote_type == "indirect"
    assert i.verb == "say"
    assert i.speaker_mention == p.speaker_mention


def test_called_x_a_quote_by_a_speaking_subject_is_partial() -> None:
    body = "The Red Cross has called the ceasefire a “fragile opening” for relief work."
    q = find(extract_quotes(body), "fragile opening")
    assert q.status == "accepted"
    assert q.quote_type == "partial"
    assert q.speaker_mention == "The Red Cross"
    assert q.verb == "call"


def test_partial_after_that_with_bracket_insertion() -> None:
    body = "The envoy said that “[the council] was not consulted before the raid.”"
    q = find(extract_quotes(body), "[the council] was not consulted before the raid")
    assert q.quote_type == "partial"
    assert q.speaker_mention == "The envoy"
    assert q.speaker_description == "envoy"
    assert q.verb == "say"


def test_ellipsis_and_nested_single_quotes_are_kept() -> None:
    body = ("“They told us ‘leave now’ and we waited . . . and nothing came,” said the farmer, "
            "Omar Haddad.")
    q = find(extract_quotes(body), "They told us ‘leave now’ and we waited . . . and nothing came")
    assert q.speaker_mention == "Omar Haddad"
    assert q.speaker_description == "farmer"
    body2 = "“We tried...” the mayor said."
    q2 = find(extract_quotes(body2), "We tried...")
    assert q2.speaker_mention == "the mayor"
    assert "role" in rules(q2)


def test_parenthetical_attribution() -> None:
    body = "The plan, Roth said, is “dead on arrival”."
    qs = extract_quotes(body)
    q = find(qs, "dead on arrival")
    assert q.speaker_mention == "Roth"
    assert rules(q)[0] == "parenthetical"
    ind = [x for x in qs if x.quote_type == "indirect"]
    assert len(ind) == 1 and ind[0].text.startswith("The plan, Roth said, is")


def test_trailing_attribution_after_partial_and_noting_that() -> None:
    body = ("The shelling was “a grave violation” of the truce, the army said in a statement, "
            "noting that the town was “calm again”.")
    qs = extract_quotes(body)
    check_offsets(body, qs)
    for text in ("a grave violation", "calm again"):
        q = find(qs, text)
        assert q.speaker_mention == "the army"
        assert "in_statement" in rules(q)
    assert find(qs, "calm again").verb == "note"
    assert find(qs, "the town was “calm again”", "indirect").verb == "note"
    assert find(qs, "The shelling was “a grave violation” of the truce").verb == "say"


# --------------------------------------------------------------------------- scare quotes


@pytest.mark.parametrize("body, text", [
    ("Officials treat the militia as a “partner” in the offensive.", "partner"),
    ("The court upheld the designation of the charity as “extremist.”", "extremist"),
    ("The so-called “peace dividend” never arrived.", "peace dividend"),
    ("The ministry added the charity to its register of “undesirable” groups.", "undesirable"),
    ("The paper was labelled a “foreign agent” last year.", "foreign agent"),
])
def test_scare_quotes_and_designations_are_rejected(body: str, text: str) -> None:
    q = find(extract_quotes(body), text)
    assert q.status == "rejected"
    assert q.reason == "scare quote/designation"
    assert q.speaker_mention is None


def test_short_quote_with_a_speaker_is_kept() -> None:
    body = "“No,” the minister said when asked about a deal."
    q = find(extract_quotes(body), "No")
    assert q.status == "accepted"
    assert q.speaker_mention == "the minister"


def test_long_unattributed_quote_is_kept_with_low_confidence() -> None:
    body = "The banner read “bread, water and peace for every family” in red letters."
    q = find(extract_quotes(body), "bread, water and peace for every family")
    assert q.status == "accepted"
    assert q.speaker_mention is None
    assert q.confidence < 0.5
    assert q.reason


# --------------------------------------------------------------------------- paragraphs


def test_quote_continued_over_paragraphs() -> None:
    body = ("Lind spoke for an hour.\n\n“The first thing is water.\n\n"
            "“The second thing is fuel,” said Marta Lind.")
    qs = extract_quotes(body)
    check_offsets(body, qs)
    q = find(qs, "The first thing is water.\n\n“The second thing is fuel")
    assert q.quote_type == "direct"
    assert q.speaker_mention == "Marta Lind"
    assert len(accepted(qs)) == 1


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    body = "“The river is rising and the dam is old.\n\nEngineers left the site on Monday."
    q = find(extract_quotes(body), "The river is rising and the dam is old")
    assert q.end == body.index(".\n\n")


def test_speaker_in_next_sentence() -> None:
    body = ("“The bridge must be rebuilt before the winter comes.”\n\n"
            "Mayor Ines Roth said this on Monday.")
    q = find(extract_quotes(body), "The bridge must be rebuilt before the winter comes")
    assert q.speaker_mention == "Ines Roth"
    assert rules(q)[0] == "next_sentence"


# --------------------------------------------------------------------------- indirect speech


@pytest.mark.parametrize("body, clause, speaker, verb", [
    ("The ministry said that the border would reopen on Friday.",
     "the border would reopen on Friday", "The ministry", "say"),
    ("Prime Minister Karl Moen told reporters on Tuesday that the budget was final.",
     "the budget was final", "Karl Moen", "tell"),
    ("Berg insisted the convoy had been authorised.", "the convoy had been authorised", "Berg",
     "insist"),
    ("The agency says the road is closed to trucks.", "the road is closed to trucks",
     "The agency", "say"),
    ("The army said the attack was repelled but gave no figures for casualties.",
     "the attack was repelled", "The army", "say"),
    ("The road was cut overnight, the governor said.", "The road was cut overnight",
     "the governor", "say"),
    ("Fuel prices doubled in a week, said Lars Eng, an economist at Nordbank.",
     "Fuel prices doubled in a week", "Lars Eng", "say"),
    ("According to the monitoring group, twelve villages were shelled.",
     "twelve villages were shelled", "the monitoring group", None),
    ("Twelve villages were shelled, according to local officials.",
     "Twelve villages were shelled", "local officials", None),
    ("The council, which met on Monday, warned residents that the dam could fail.",
     "the dam could fail", "The council", "warn"),
    ("Officials say the rebels shelled the town while the rebels claim that the army fired "
     "first.", "the rebels shelled the town", "Officials", "say"),
])
def test_indirect_patterns(body: str, clause: str, speaker: str, verb: str | None) -> None:
    qs = extract_quotes(body)
    check_offsets(body, qs)
    q = find(qs, clause, "indirect")
    assert (q.start, q.end) == (body.index(clause), body.index(clause) + len(clause))
    assert q.speaker_mention == speaker
    assert q.verb == verb


def test_indirect_span_offsets_and_writer_material_left_out() -> None:
    body = ("OSLO (AP) — Rebels shot down a helicopter near the lake, a commander said on Sunday, "
            "a claim denied by the army. The pilot, who said he had ejected safely, was found "
            "alive. The agency quoted a local doctor as saying that at least six people were "
            "hurt. Officials have since said the toll is higher.")
    qs = extract_quotes(body)
    check_offsets(body, qs)
    q = find(qs, "Rebels shot down a helicopter near the lake", "indirect")
    assert q.start == body.index("Rebels")
    assert q.speaker_mention == "a commander"
    assert find(qs, "he had ejected safely").speaker_mention == "The pilot"
    doc = find(qs, "at least six people were hurt")
    assert (doc.speaker_mention, doc.source_mention) == ("a local doctor", "The agency")
    assert find(qs, "the toll is higher").speaker_mention == "Officials"
    assert len(qs) == 4


def test_one_word_quote_forming_its_own_sentence_is_kept() -> None:
    body = "Asked whether he would resign, Ivo Marek said he had done nothing wrong. “Never.”"
    q = find(extract_quotes(body), "Never")
    assert q.status == "accepted"
    assert q.speaker_mention == "Ivo Marek"
    assert rules(q) == ["previous_sentence"]


def test_indirect_coordinated_clauses_and_while_claims() -> None:
    body = ("Mayor Ines Roth said the water supply was restored and added that schools would "
            "reopen. Both sides say they want peace while the rebels claim that the army broke "
            "the truce.")
    qs = extract_quotes(body)
    assert find(qs, "the water supply was restored").verb == "say"
    added = find(qs, "schools would reopen")
    assert (added.verb, added.speaker_mention) == ("add", "Ines Roth")
    assert find(qs, "they want peace").speaker_mention == "Both sides"
    assert find(qs, "the army broke the truce").speaker_mention == "the rebels"


def test_indirect_ends_at_direct_quote_and_no_indirect_for_quoted_clause() -> None:
    body = ("Dahl said the talks would resume in May, and: “That is all.” "
            "Roth told reporters that “nothing has changed”.")
    qs = extract_quotes(body)
    assert find(qs, "the talks would resume in May", "indirect").speaker_mention == "Dahl"
    d = find(qs, "That is all")
    assert (d.quote_type, d.speaker_mention) == ("direct", "Dahl")
    p = find(qs, "nothing has changed")
    assert (p.quote_type, p.verb) == ("partial", "tell")
    assert [q.quote_type for q in qs if "nothing" in q.text] == ["partial"]


def test_outer_reporter_becomes_source() -> None:
    body = ("The mayor told the governor that “the dam is safe,” the newspaper reported. "
            "Rebels shelled the town on Friday, the agency reported, citing witnesses.")
    qs = extract_quotes(body)
    q = find(qs, "the dam is safe")
    assert q.speaker_mention == "The mayor"
    assert q.source_mention == "the newspaper"
    r = find(qs, "Rebels shelled the town on Friday")
    assert r.speaker_mention == "the agency"
    assert r.source_mention is None


def test_what_x_called() -> None:
    body = "Officials denounced what they called “a campaign of lies”."
    q = find(extract_quotes(body), "a campaign of lies")
    assert q.speaker_mention == "Officials"
    assert q.speaker_pronoun == "they"


# --------------------------------------------------------------------------- pronouns, hints


def test_pronoun_prefers_last_named_speaker_and_skips_objects() -> None:
    body = ("“We are ready,” said Piotr Nowak, who met Colonel Ivan Petrenko on Monday. "
            "Petrenko left for the front.\n\nHe said the bridge was open.")
    q = find(extract_quotes(body), "the bridge was open")
    assert q.speaker_mention == "Piotr Nowak"
    assert q.speaker_pronoun == "He"
    assert (q.speaker_start, q.speaker_end) == (body.index("Piotr"), body.index(", who"))


def test_pronoun_resolves_to_subject_when_no_speaker_and_carries_actor_id() -> None:
    body = ("Foreign Minister Lena Dahl met her Austrian counterpart in Vienna on Monday.\n\n"
            "“Nobody wants another winter of shelling,” she said.")
    s = body.index("Lena Dahl")
    qs = extract_quotes(body, [SpeakerHint(s, s + 9, "lena-dahl", "person")])
    q = find(qs, "Nobody wants another winter of shelling")
    assert q.speaker_mention == "Lena Dahl"
    assert q.speaker_actor_id == "lena-dahl"
    assert q.speaker_pronoun == "she"


def test_unresolvable_pronoun_gives_no_speaker() -> None:
    body = "The storm closed the port.\n\n“It was the worst night in years,” he said."
    q = find(extract_quotes(body), "It was the worst night in years")
    assert q.speaker_mention is None and q.speaker_start is None
    assert q.speaker_pronoun == "he"
    assert "pronoun" in (q.reason or "")


def test_definite_description_takes_last_hint_of_matching_type() -> None:
    body = ("Fuel ran out in the city, the Daily Courier reported. The roads were empty, the "
            "paper said.")
    s = body.index("Daily Courier")
    qs = extract_quotes(body, [SpeakerHint(s, s + 13, "courier", "media")])
    q = find(qs, "The roads were empty")
    assert q.speaker_mention == "the paper"
    assert q.speaker_actor_id == "courier"
    assert q.reason and "definite description" in q.reason


def test_hint_inside_role_phrase_gives_actor() -> None:
    body = "A U.S. official said the convoy was attacked twice."
    q = find(extract_quotes(body, [SpeakerHint(2, 6, "usa", "state")]),
             "the convoy was attacked twice")
    assert q.speaker_mention == "A U.S. official"
    assert q.speaker_description == "U.S. official"
    assert q.speaker_actor_id == "usa"


def test_no_quotes_in_plain_reporting() -> None:
    body = ("Troops crossed the river on Monday. The imagery also confirms new construction "
            "at the base, which was expanded in May.")
    assert extract_quotes(body) == []
    assert extract_quotes("") == []


# --------------------------------------------------------------------------- real articles


def _clean_articles() -> dict[str, str]:
    from syria_deconfliction.pipeline.clean import clean, load_boilerplate

    bp = load_boilerplate(ROOT / "raw" / "boilerplate.yaml")
    out = {}
    for f in sorted((ROOT / "raw" / "articles").glob("*.txt")):
        out[f.name[:3]] = clean(f.read_text(encoding="utf-8"), bp).text
    return out


@pytest.fixture(scope="module")
def articles() -> dict[str, list[tuple[str, list[Quote]]]]:
    texts = _clean_articles()
    return {k: [(t, extract_quotes(t))] for k, t in texts.items()}


def test_real_articles_offsets_round_trip(articles) -> None:
    assert len(articles) == 5
    for [(body, qs)] in articles.values():
        assert qs
        check_offsets(body, qs)
        for q in qs:
            assert q.status in ("accepted", "rejected")
            assert 0.0 <= q.confidence <= 1.0
            assert q.quote_type in ("direct", "partial", "indirect")


def test_real_articles_raw_text_round_trip() -> None:
    for f in sorted((ROOT / "raw" / "articles").glob("*.txt")):
        body = f.read_text(encoding="utf-8")
        check_offsets(body, extract_quotes(body))


def test_real_articles_selected_attributions(articles) -> None:
    def q(aid: str, start: str) -> Quote:
        [(_body, qs)] = articles[aid]
        hits = [x for x in qs if x.text.startswith(start)]
        assert len(hits) == 1, (start, [x.text[:30] for x in qs])
        return hits[0]

    assert q("000", "very, very serious").speaker_mention.startswith("A U.S. official")
    assert q("000", "terrorist").status == "rejected"
    assert q("000", "In reality").speaker_mention == "Melnik"
    assert q("001", "in accordance with").speaker_mention == "Valery Gerasimov"
    assert q("002", "That's it").speaker_mention == "Ash Carter"
    assert q("003", "partner").status == "rejected"
    assert q("003", "we are looking").speaker_mention == "Vladimir Putin"
    assert q("004", "critical window").speaker_mention == "The UN"
    assert q("004", "It goes without saying").speaker_mention == "Dmitry Peskov"

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


def test_clause_in_marks_after_that_is_direct_with_bracket_insertion() -> None:
    # codebook: marks holding the whole reported clause (own subject and finite verb) after
    # "said that" are a direct quotation (this test said "partial" before the codebook rule)
    body = "The envoy said that “[the council] was not consulted before the raid.”"
    qs = extract_quotes(body)
    q = find(qs, "[the council] was not consulted before the raid")
    assert q.quote_type == "direct"
    assert len(qs) == 1
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
    # one statement, one row: no indirect wrapper around the partial quotation (codebook)
    assert [x.quote_type for x in qs] == ["partial"]
    body2 = "The plan, Roth said, is too costly for the town."
    ind = [x for x in extract_quotes(body2) if x.quote_type == "indirect"]
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
    assert find(qs, "a grave violation").verb == "say"
    # one statement, one row: the clauses holding the partial quotations are not rows
    assert [q.quote_type for q in qs] == ["partial", "partial"]


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
    # one row per paragraph (issue 13); the attribution after the continuation names the
    # speaker of the paragraph it continues
    q = find(qs, "The first thing is water")
    assert q.quote_type == "direct"
    assert (q.speaker_mention, q.attribution) == ("Marta Lind", "continuation")
    assert find(qs, "The second thing is fuel").speaker_mention == "Marta Lind"
    assert len(accepted(qs)) == 2


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
    # a whole clause in marks after "that" is direct (codebook; the test said partial before)
    assert (p.quote_type, p.verb) == ("direct", "tell")
    assert [q.quote_type for q in qs if "nothing" in q.text] == ["direct"]


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


# --------------------------------------------------------------------------- codebook rules


def hint(body: str, text: str, actor: str, kind: str, occurrence: int = 1) -> SpeakerHint:
    i = -1
    for _ in range(occurrence):
        i = body.index(text, i + 1)
    return SpeakerHint(i, i + len(text), actor, kind)


def test_one_statement_one_row_and_comma_and_that_splits_clauses() -> None:
    body = ("The minister said the plan was “dead on arrival” and would be withdrawn next week. "
            "Officials said the bridge had collapsed, and that two lorries fell into the river.")
    qs = extract_quotes(body)
    check_offsets(body, qs)
    assert [(q.text, q.quote_type) for q in qs] == [
        ("dead on arrival", "partial"),
        ("the bridge had collapsed", "indirect"),
        ("two lorries fell into the river", "indirect")]
    assert {q.speaker_mention for q in qs[1:]} == {"Officials"}


def test_clause_in_marks_after_that_is_direct_but_fragment_is_partial() -> None:
    body = ("Mayor Ines Roth said that “the water is safe to drink”. Dahl said the water was "
            "“safe to drink” again. Berg told the council that “is still unsafe” was wrong.")
    qs = extract_quotes(body)
    assert find(qs, "the water is safe to drink").quote_type == "direct"
    assert find(qs, "safe to drink").quote_type == "partial"
    assert find(qs, "is still unsafe").quote_type == "partial"


def test_as_a_quote_under_speech_act_verb_is_partial_designation_is_rejected() -> None:
    body = ("The council on Monday firmly urged the two towns to treat the river authority as a "
            "“neighbour” in future talks. Disputes include the classification of the militias as "
            "“rebels.”")
    qs = extract_quotes(body)
    q = find(qs, "neighbour")
    assert (q.status, q.quote_type, q.speaker_mention, q.verb) == (
        "accepted", "partial", "The council", "urge")
    assert find(qs, "rebels").status == "rejected"


def test_role_description_resolves_to_person_named_with_same_role() -> None:
    body = ("Ferry talks stall\n\n"
            "A spokeswoman for Norway's prime minister said the talks were over.\n\n"
            "A spokesman for the Red Cross said aid was waiting at the port.\n\n"
            "Norwegian government spokeswoman Lena Dahl told reporters on Monday that the border "
            "would stay shut.")
    hints = [hint(body, "Norway", "norway", "state"),
             hint(body, "Red Cross", "red-cross", "ngo"),
             hint(body, "Lena Dahl", "lena-dahl", "person")]
    qs = extract_quotes(body, hints)
    q = find(qs, "the talks were over")
    assert q.speaker_mention == "A spokeswoman for Norway's prime minister"  # as printed
    assert q.speaker_actor_id == "lena-dahl"
    assert q.reason and "Lena Dahl" in q.reason
    # another organisation's spokesman is not her
    assert find(qs, "aid was waiting at the port").speaker_actor_id == "red-cross"
    # nor is another rank of the same office
    body2 = ("Norway's ambassador said the vote was unfair. Norway's deputy ambassador, Eva Lind, "
             "said the vote was fair.")
    hints2 = [hint(body2, "Norway", "norway", "state"),
              hint(body2, "Norway", "norway", "state", 2),
              hint(body2, "Eva Lind", "eva-lind", "person")]
    qs2 = extract_quotes(body2, hints2)
    assert find(qs2, "the vote was unfair").speaker_actor_id == "norway"
    assert find(qs2, "the vote was fair").speaker_actor_id == "eva-lind"


def test_head_of_body_resolves_to_chief_of_same_body() -> None:
    body = ("The head of Norway's coast guard accused the trawler of ramming a patrol boat, "
            "alleging that “the crew ignored every warning”. Ivo Marek, chief of the Norwegian "
            "coast guard, told a radio station that the crew had been warned twice.")
    hints = [hint(body, "Norway's coast guard", "norway-coast-guard", "military"),
             hint(body, "Ivo Marek", "ivo-marek", "person"),
             hint(body, "Norwegian coast guard", "norway-coast-guard", "military")]
    q = find(extract_quotes(body, hints), "the crew ignored every warning")
    assert q.speaker_mention == "The head of Norway's coast guard"
    assert q.speaker_actor_id == "ivo-marek"


def test_role_description_identified_by_bare_name_in_next_sentence() -> None:
    body = ("Denmark's UN envoy said the vote was rigged by “a handful of capitals”. "
            "Anna Holm told reporters that the result would be challenged.")
    hints = [hint(body, "Denmark", "denmark", "state"), hint(body, "UN", "un", "other"),
             hint(body, "Anna Holm", "anna-holm", "person")]
    q = find(extract_quotes(body, hints), "a handful of capitals")
    assert q.speaker_actor_id == "anna-holm"
    # without the identification the envoy speaks for the state
    body2 = body.replace("Anna Holm told", "Reporters were told")
    q2 = find(extract_quotes(body2, hints[:2]), "a handful of capitals")
    assert q2.speaker_actor_id == "denmark"


def test_report_nested_in_adverbial_clause_is_its_own_quote() -> None:
    body = ("He said that while the rebels say they hold the bridge, the images show that most "
            "houses “are empty ruins”.")
    qs = extract_quotes(body)
    check_offsets(body, qs)
    n = find(qs, "they hold the bridge")
    assert (n.quote_type, n.speaker_mention, n.verb) == ("indirect", "the rebels", "say")
    assert [q.text for q in qs] == ["they hold the bridge", "are empty ruins"]
    # a report in a relative clause ("the villages the army says it protects") is not
    body2 = ("Lars Eng condemned the raids, calling them “cruel” and saying they hit the very "
             "villages the army says it protects from attack.")
    qs2 = extract_quotes(body2)
    said = find(qs2, "they hit the very villages the army says it protects from attack")
    assert (said.speaker_mention, said.verb) == ("Lars Eng", "say")
    assert [q.text for q in qs2 if q.speaker_mention != "Lars Eng"] == []


def test_agentless_passive_characterisation_has_no_speaker() -> None:
    body = ("The talks were described as tense but useful, with neither side giving ground. "
            "The raid was described by the monitor as the worst in a year.")
    qs = extract_quotes(body)
    q = find(qs, "tense but useful")
    assert (q.quote_type, q.speaker_mention, q.verb) == ("indirect", None, "describe")
    assert rules(q)[0] == "passive" and "passive" in (q.reason or "")
    assert find(qs, "the worst in a year").speaker_mention == "the monitor"
    body2 = "The flood was described as “a disaster” by aid workers."
    q2 = find(extract_quotes(body2), "a disaster")
    assert (q2.quote_type, q2.speaker_mention, rules(q2)[0]) == (
        "partial", "aid workers", "passive")


def test_both_countries_take_the_first_of_the_pair_named_before() -> None:
    body = "Norway backs the plan while Sweden has opposed it. Both countries say they want a deal."
    hints = [hint(body, "Norway", "norway", "state"), hint(body, "Sweden", "sweden", "state")]
    q = find(extract_quotes(body, hints), "they want a deal")
    assert (q.speaker_mention, q.speaker_actor_id) == ("Both countries", "norway")
    assert q.reason and "Norway and Sweden" in q.reason


def test_pronoun_prefers_subject_of_previous_sentence_over_older_speaker() -> None:
    body = ("“We will not pay,” said Piotr Nowak.\n\nAmbassador Eva Lind accused the council of "
            "ignoring the famine. “People are starving,” she said.")
    assert find(extract_quotes(body), "People are starving").speaker_mention == "Eva Lind"
    body2 = ("Tomas Berg said the convoy had left.\n\nGen. Ivo Marek, head of the army, was more "
             "cautious. Speaking in Oslo on Monday, he said:\n\n“We will wait. Nothing is "
             "decided.”")
    q = find(extract_quotes(body2), "We will wait. Nothing is decided")
    assert (q.speaker_mention, q.quote_type, rules(q)[0]) == ("Ivo Marek", "direct", "colon")


def test_definite_description_by_head_noun_and_number() -> None:
    body = ("The Nordic-led alliance struck the depot on Monday, after Kurdish fighters came under "
            "fire. The alliance said in a statement that the depot had been empty.")
    hints = [hint(body, "Nordic-led alliance", "nordic-alliance", "intergovernmental_org"),
             hint(body, "Kurdish", "kurds", "other")]
    q = find(extract_quotes(body, hints), "the depot had been empty")
    assert q.speaker_actor_id == "nordic-alliance"
    body2 = "Rebel groups said they had left the town. Three people were killed, the group said."
    q2 = find(extract_quotes(body2, [hint(body2, "Rebel groups", "rebels", "armed_group")]),
              "Three people were killed")
    assert q2.speaker_actor_id is None  # "the group" does not take up "Rebel groups"


def test_speaker_hints_document_head_name_head_and_surname() -> None:
    body = "Reports in local media suggested that the mayor had resigned."
    q = find(extract_quotes(body, [hint(body, "Reports", "new-reports", "other")]),
             "the mayor had resigned")
    assert q.speaker_actor_id is None
    body2 = "Norway's state broadcaster NRK said the ferry had sunk."
    q2 = find(extract_quotes(body2, [hint(body2, "Norway", "norway", "state"),
                                     hint(body2, "NRK", "new-nrk", "other")]),
              "the ferry had sunk")
    assert q2.speaker_actor_id == "new-nrk"
    body3 = ("Talks resume in Oslo\n\nAnna Holm met the envoy on Monday.\n\n"
             "“It was a good day,” Holm said.")
    q3 = find(extract_quotes(body3, [hint(body3, "Anna Holm", "new-anna-holm", "person"),
                                     hint(body3, "Holm", "new-holm", "other", 2)]),
              "It was a good day")
    assert (q3.speaker_mention, q3.speaker_actor_id) == ("Holm", "new-anna-holm")


def test_headline_report_is_not_a_row_and_clause_boundaries() -> None:
    body = ("Minister says talks failed\n\nThe minister said on Monday that the talks had failed. "
            "According to the Fjord Institute, a research group in Oslo, the ice has thinned by a "
            "third. The army said it had destroyed 40 tanks – a figure that could not be verified.")
    qs = extract_quotes(body)
    assert [q.text for q in qs] == ["the talks had failed", "the ice has thinned by a third",
                                    "it had destroyed 40 tanks"]


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

    bp = load_boilerplate(ROOT / "raw" / "knowledge" / "boilerplate.yaml")
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
    # codebook: marks under a speech act verb are the subject's word, even after "as a"
    assert q("003", "partner").status == "accepted"
    assert q("003", "partner").speaker_mention == "Russia"
    # "Putin also seemed ... he answered": the subject of the sentence is the antecedent
    assert q("003", "we are looking").speaker_mention == "Putin"
    assert q("004", "critical window").speaker_mention == "The UN"
    assert q("004", "It goes without saying").speaker_mention == "Dmitry Peskov"


def test_real_articles_with_registry_hints_follow_the_codebook() -> None:
    """Through the automatic article pipeline (registry mentions as hints)."""
    from syria_deconfliction.corpus.article import extract_article
    from syria_deconfliction.corpus.knowledge import Knowledge

    k = Knowledge.load(ROOT / "raw" / "knowledge")
    rows: dict[str, list[dict]] = {}
    for f in sorted((ROOT / "raw" / "articles").glob("*.txt")):
        rows[f.name[:3]] = extract_article(f.read_text(encoding="utf-8"), f.name, k)["quotes"]

    def speaker(aid: str, start: str) -> str | None:
        hits = [r for r in rows[aid] if r["text"].startswith(start)]
        assert len(hits) == 1, (aid, start)
        return hits[0]["speaker_actor_id"]

    # one statement, one row: no reported clause holds quotation marks
    for quotes in rows.values():
        for r in quotes:
            if r["quote_type"] == "indirect":
                assert not any(m in r["text"] for m in "“”\""), r["text"]
    assert speaker("002", "into the arms") == "matthew-rycroft"
    assert speaker("002", "they are attacking IS extremists") == "russia"
    assert speaker("004", "Russia is using its influence") == "dmitry-peskov"
    assert speaker("004", "All three were in rebel-held areas") is None
    assert speaker("004", "some of the most serious since") is None
    assert speaker("001", "in violation of existing agreements") == "valery-gerasimov"
    assert speaker("001", "they are seeking to combat terrorism") == "russia"
    assert speaker("003", "partner") == "russia"

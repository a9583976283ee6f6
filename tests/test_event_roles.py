"""Source and target rules of the event finder on invented sentences (one test per rule):
clause boundaries, fronted phrases, passive agents, adjectives and coordinated sides."""

from __future__ import annotations

import re

from test_event_candidates import PARENTS, PLACES, THU_2020_03_05, TYPES, D, cands, mentions, one

from syria_deconfliction.extract.events import Candidate, find_candidates
from syria_deconfliction.extract.mentions import Mention


def test_verb_after_said_x_is_not_an_inverted_frame() -> None:
    # ", says X V ..." with X the subject of the next verb: X is no speaker of an inverted frame
    c = one("The spokesman for the Blue Brigade, Ana Kova, says Freedonian troops shelled Zenda.",
            "shelled")
    assert c.source_actor_id == "freedonia-military"


def test_subordinate_clause_has_its_own_subject() -> None:
    # "since/as/after X <verb>": X, not the main clause's subject
    c = one("Freedonia has chaired the canal talks since Ruritania joined the war in 2017.",
            "joined the war")
    assert c.source_actor_id == "ruritania-military"


def test_fronted_phrase_before_the_subject_is_skipped() -> None:
    # "A day after X ..., Y met Z": Y meets, not X
    c = one("A day after the commander of the Blue Brigade was killed, Ana Kova met "
            "Freedonia on Wednesday.", "met")
    assert c.source_actor_id == "ana-kova"


def test_passive_of_a_particle_verb_takes_the_by_agent() -> None:
    # "had been blown up by X": X blew them up
    c = one("Two of the stone bridges at Zenda had been blown up by Blue Brigade fighters.",
            "blown up")
    assert c.source_actor_id == "blue-brigade"


def test_joint_agents_of_a_cooperative_act() -> None:
    # "a fishing accord was brokered by X and Y": X with Y as the other side
    c = one("A fishing accord was brokered by Ruritania and Freedonia in October.", "brokered")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania", "freedonia")


def test_forces_loyal_to_a_leader_are_his_states_army() -> None:
    # "forces loyal to X": the armed forces of X's state, not X in person
    c = one("Troops loyal to President Ana Kova attacked Zenda on Monday.", "attacked")
    assert c.source_actor_id == "ruritania-military"


def test_battle_is_also_a_verb_with_an_object() -> None:
    # "X battled Y": a fight with Y as the other side (not only the noun "a battle")
    c = one("Ruritanian forces battled Blue Brigade fighters near Zenda.", "battled")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania-military", "blue-brigade")


def test_a_denial_keeps_the_side_the_act_would_have_hit() -> None:
    c = one("Ana Kova said her forces did not attack the Blue Brigade.", "attack")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (
        "016", "ana-kova", "blue-brigade")


def test_adjacent_mentions_form_one_title_chain_ending_in_the_name() -> None:
    # "U.N. envoy Ana Kova": the org and the role noun are mentions too; the name is the side
    text = "Ruritania envoy Ana Kova criticized Freedonia on Monday."
    extra = [Mention(0, 9, "Ruritania", "ruritania", "test"),
             Mention(10, 15, "envoy", "ana-kova", "test"),
             Mention(16, 24, "Ana Kova", "ana-kova", "test"),
             Mention(36, 45, "Freedonia", "freedonia", "test")]
    found = find_candidates(text, extra, THU_2020_03_05, PLACES, TYPES, actor_parents=PARENTS)
    c = next(c for c in found if c.trigger == "criticized")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "freedonia")


def test_one_candidate_per_coordinated_object() -> None:
    # "urged X and Y to ...": an appeal to each
    found = [c for c in cands("Ana Kova called on Freedonia and Ruritania to halt their strikes.")
             if c.trigger == "called on"]
    assert {c.target_actor_id for c in found} == {"freedonia", "ruritania"}


def test_criticized_for_an_act_makes_the_criticized_its_source() -> None:
    # "condemned X for shelling Y": X shelled, as the critic alleges
    c = one("Ana Kova condemned Freedonia for shelling Zenda on Monday.", "shelling")
    assert (c.source_actor_id, c.claim_status) == ("freedonia-military", "alleged")


def test_person_in_apposition_is_the_source_with_the_body_beside() -> None:
    # "A senior X official, <title> Name, criticized Y": the named person, X listed beside
    c = one("A senior Ruritania official, Deputy Minister Ana Kova, criticized Freedonia on "
            "Monday.", "criticized")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "freedonia")
    assert "ruritania" in c.source_parties


def test_an_outlet_told_is_not_the_statements_target() -> None:
    # "X told <outlet> that ... Y ...": the outlet carries the words; Y is the other side
    c = one("Ana Kova told the Daily Planet that Freedonia would be crushed.", "told")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "freedonia")


def test_leading_a_campaign_makes_the_leader_its_source() -> None:
    # "with X leading/waging an air campaign against Y": X is the campaign's side
    c = one("The feud spread along the valley, with Ruritania waging an air campaign against the "
            "Blue Brigade.", "air campaign")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania-military", "blue-brigade")


def _with(text: str, spans: dict[str, str], rule: str = "test") -> list:
    ms = [Mention(text.index(t), text.index(t) + len(t), t, a, rule) for t, a in spans.items()]
    return find_candidates(text, ms, THU_2020_03_05, PLACES, TYPES, actor_parents=PARENTS)


def test_side_noun_adjective_refers_to_the_actor_named_with_that_noun() -> None:
    # "X rebels ... rebel-held areas": the rebels the article named
    found = _with("Ruritanian rebels attacked Zenda on Monday. Freedonian troops shelled "
                  "rebel-held areas on Tuesday.",
                  {"Ruritanian rebels": "blue-brigade", "Freedonian troops": "freedonia-military"})
    c = next(c for c in found if c.trigger == "shelled")
    assert (c.source_actor_id, c.target_actor_id) == ("freedonia-military", "blue-brigade")


def test_government_alone_is_the_main_states_government() -> None:
    # "government" alone is not a foreign government the article names once
    found = _with("Ruritania met the Freedonian government. Later government forces attacked "
                  "Zenda on Monday.",
                  {"Ruritania": "ruritania", "Freedonian government": "freedonia-government"})
    assert all(c.source_actor_id != "freedonia-government" for c in found
               if c.trigger == "attacked")


def test_two_different_acts_of_one_side_on_one_day_are_kept() -> None:
    # a repeat folds only with the same code: an attack and a capture are two acts
    found = cands("Blue Brigade fighters attacked Zenda on Monday. On Monday the Blue Brigade "
                  "captured Port Vella.")
    assert {c.trigger for c in found} >= {"attacked", "captured"}


def test_force_triggers_are_not_merged_into_a_side_fighting_itself() -> None:
    # "the X attack followed strikes on X areas": two acts, X's and someone's on X
    found = cands("The Blue Brigade attack on Monday followed heavy strikes on Blue Brigade "
                  "positions.")
    assert not any(c.source_actor_id and c.source_actor_id == c.target_actor_id for c in found)
    assert len(found) == 2


def test_said_before_a_pronoun_clause_frames_it() -> None:
    # "<phrase>, X said she was working to ...": a frame over what follows, not a parenthesis
    c = one("Speaking in Zenda on Monday, Ana Kova said she was working to end the war.", "said")
    assert c.cameo_code == "030"


def test_a_quotation_after_a_colon_is_part_of_what_was_said() -> None:
    c = one('Ana Kova told the Daily Planet that she had a message for Freedonia: "You will be '
            'crushed."', "told")
    assert (c.cameo_code, c.target_actor_id) == ("130", "freedonia")


def test_a_scare_quote_does_not_start_the_reported_words() -> None:
    c = one('Ana Kova said she was trying to build a "genuine" peace with Freedonia.', "said")
    assert c.cameo_code == "030"  # her own side's intent, read from "she was trying to"


def test_trying_to_convene_talks_is_an_intent() -> None:
    # "trying/attempting to <verb> the first talks": intent to meet (036), not a meeting
    c = one("Ruritania is attempting to arrange the first talks with Freedonia on fishing.",
            "talks")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == (
        "036", "ruritania", "freedonia")


def test_a_date_inside_another_relative_clause_is_not_the_events() -> None:
    # "X hit the base, which Y captured last week, ...": last week dates the capture only
    found = cands("Ruritanian jets hit the base, which Blue Brigade fighters captured last "
                  "week, and two villages.")
    hit = next(c for c in found if c.trigger == "hit")
    cap = next(c for c in found if c.trigger == "captured")
    assert (hit.date_text, cap.date_text) == (None, "last week")


def test_a_demonym_resolved_once_names_its_actor_where_it_recurs() -> None:
    found = _with("Freedonian guns shelled Zenda. Freedonian troops later attacked Port Vella.",
                  {"Freedonian": "freedonia"}, rule="demonym")
    c = next(c for c in found if c.trigger == "attacked")
    assert c.source_actor_id == "freedonia-military"


def test_he_said_is_the_person_named_last_outside_quotes() -> None:
    # "Ana Kova met X. "... Freedonia ...," she said.": she is Ana Kova, even when the quoted
    # words name someone else
    found = cands('Ana Kova met Freedonia on Monday. "The war must end," she said.')
    said = next(c for c in found if c.trigger == "said")
    assert said.source_actor_id == "ana-kova"


def test_each_reported_statement_is_kept() -> None:
    # two statements of one speaker in two sentences are two candidates, not a repeat
    found = cands('Ana Kova said the war must end. "Peace must come soon," Ana Kova said.')
    assert len([c for c in found if c.trigger == "said"]) == 2


def test_a_fronted_participle_has_the_main_clauses_subject() -> None:
    # "Accusing X of Y, Ana Kova said ...": Ana Kova accuses X
    c = one("Accusing Freedonia of breaking the truce, Ana Kova said the talks would go on.",
            "Accusing")
    assert (c.cameo_code[:3], c.source_actor_id, c.target_actor_id) == (
        "112", "ana-kova", "freedonia")
    assert not [c for c in cands("Speaking in Freedonia, Ana Kova said the war must end.")
                if c.source_actor_id == "freedonia"]


def test_asked_someone_to_act_is_a_request() -> None:
    c = one("Ana Kova met Freedonia and asked them to clear the canal.", "asked")
    assert (c.cameo_code, c.source_actor_id) == ("020", "ana-kova")
    assert not [c for c in cands("Ana Kova was asked about the plan on Monday.")
                if c.trigger == "asked"]


def test_expressed_concern_over_is_disapproval() -> None:
    c = one("In a statement, Ana Kova expressed concern over Freedonia's role.",
            "expressed concern over")
    assert (c.cameo_code[:2], c.source_actor_id, c.target_actor_id) == (
        "11", "ana-kova", "freedonia")


def test_patience_idioms_are_threats() -> None:
    c = one('"Freedonia should know our patience is not endless at the harbour," Ana Kova said.',
            "said")
    assert (c.cameo_code, c.target_actor_id) == ("130", "freedonia")


def test_it_is_important_for_x_to_is_a_demand() -> None:
    c = one("Ana Kova said it is important for Freedonia to leave Zenda.", "said")
    assert c.cameo_code == "100"


def test_adjacent_mentions_take_the_last_as_head_unless_a_name_precedes_a_generic_noun() -> None:
    # "the main Freedonian opposition groups say": the opposition, not Freedonia
    found = _with("The main Freedonian opposition groups criticized Ruritania on Monday.",
                  {"Freedonian": "freedonia", "opposition": "blue-brigade", "Ruritania":
                   "ruritania"})
    assert next(c for c in found if c.trigger == "criticized").source_actor_id == "blue-brigade"
    # "the Blue Brigade rebel group accused X": the named group, not the generic "rebel"
    text = "In a statement, the Blue Brigade rebel group accused Ruritania of lying."
    ms = [Mention(text.index("Blue Brigade"), text.index("Blue Brigade") + 12, "Blue Brigade",
                  "blue-brigade", "test"),
          Mention(text.index("rebel"), text.index("rebel") + 5, "rebel", "ana-kova", "side-noun"),
          Mention(text.index("Ruritania"), text.index("Ruritania") + 9, "Ruritania", "ruritania",
                  "test")]
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, TYPES, actor_parents=PARENTS)
    assert next(c for c in found if c.trigger == "accused").source_actor_id == "blue-brigade"


def test_person_in_apposition_after_the_object_is_the_target() -> None:
    # "... to the X envoy to Y, Ana Kova, ...": Ana Kova, her body X beside
    c = one("Freedonia declared its support for the plan to the Ruritania envoy to Zenda, "
            "Ana Kova, on Monday.", "declared its support for")
    assert c.target_actor_id == "ana-kova" and "ruritania" in c.target_parties


def test_a_backer_named_before_a_hyphen_is_no_side() -> None:
    # "X-backed fighters attacked Y": the fighters attacked, not X
    c = one("Ruritania-backed fighters attacked Zenda on Monday.", "attacked")
    assert c.source_actor_id is None


def test_coalition_alone_is_the_coalition_the_article_named() -> None:
    found = _with("The Ruritanian coalition met on Monday. The whole coalition hopes to meet "
                  "Freedonia again after the harvest.",
                  {"Ruritanian coalition": "blue-brigade", "Freedonia": "freedonia"})
    c = [c for c in found if c.sentence_start > 0][0]
    assert c.source_actor_id == "blue-brigade"


def test_a_new_coalition_of_others_is_not_the_one_named_before() -> None:
    # "a coalition of X fighters seized Y": a new referent, not "the Ruritanian coalition"
    found = _with("The Ruritanian coalition met on Monday. A coalition of local fighters seized "
                  "Zenda on Tuesday.", {"Ruritanian coalition": "blue-brigade"})
    assert next(c for c in found if c.trigger == "seized").source_actor_id is None


def test_who_ordered_a_withdrawal_is_its_source() -> None:
    # "X ordered a pullout of Y's barges": X, not the barges
    c = one("Ana Kova on Friday ordered a pullout of the Ruritanian barges from Zenda.", "pullout")
    assert c.source_actor_id == "ana-kova"


def test_a_threats_target_may_follow_for() -> None:
    # "warned of consequences for X's actions": X is threatened
    c = one("Freedonia has warned of consequences for Ana Kova's actions.", "warned")
    assert (c.cameo_code[:2], c.target_actor_id) == ("13", "ana-kova")


def test_according_to_x_is_no_object() -> None:
    # "..., according to X": X is whose account it is, not the target
    found = cands("Airstrikes hit the Zenda mills at dawn, according to the Zenda-based Blue "
                  "Brigade.")
    assert all(c.target_actor_id is None for c in found)


def test_its_forces_in_a_claim_are_the_speakers_forces() -> None:
    # "X said its jets struck Y", "... her country's military fired at Y": the speaker's side
    c = one("Ana Kova said her country's military fired at Blue Brigade fighters.", "fired at")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania-military", "blue-brigade")


def test_he_or_she_as_subject_is_the_person_named_last() -> None:
    # "X wanted to strike Y after she attacked Z": she is Y, the person named last before her
    found = cands("Freedonia wanted to strike Ana Kova after she attacked Zenda.")
    assert next(c for c in found if c.trigger == "attacked").source_actor_id == "ana-kova"
    # "After she left, she and Y discussed ...": she (named before) with Y
    c = one("Ana Kova left the army. After she left, she and Freedonia discussed the war.",
            "discussed")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "freedonia")


def test_a_speaker_introduced_by_a_body_has_it_beside_and_not_as_target() -> None:
    # "The X spokesman, Ana Kova, said X hoped ...": X is her body, not the other side
    c = one("The Freedonia spokesman, Ana Kova, said Freedonia hoped the truce would hold.",
            "said")
    assert c.source_actor_id == "ana-kova" and "freedonia" in c.source_parties
    assert c.target_actor_id is None


def test_a_co_subject_of_the_speaker_is_no_statement_target() -> None:
    # "X said she and Y had reached an understanding": Y is on the speaker's side of it
    c = one("Ana Kova said she and Freedonia had reached a common understanding.", "said")
    assert c.target_actor_id is None


def test_he_said_prefers_the_subject_of_the_sentence_before() -> None:
    # "Ana Kova met Y and Z. She said ...": she is the subject, not the last name
    text = "Ana Kova met Freedonia and Zed Obo on Monday. She said the war must end."
    ms = [Mention(0, 8, "Ana Kova", "ana-kova", "test"),
          Mention(13, 22, "Freedonia", "freedonia", "test"),
          Mention(27, 34, "Zed Obo", "zed-obo", "test")]
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, {**TYPES, "zed-obo": "person"},
                            actor_parents=PARENTS)
    assert next(c for c in found if c.trigger == "said").source_actor_id == "ana-kova"


def test_a_plural_side_noun_after_a_name_teaches_whom_it_means() -> None:
    # "Blue Brigade militants ... killing 30 militants": the militants are the Blue Brigade's
    found = _with("Blue Brigade militants held Zenda. Ruritanian jets struck Zenda, hitting "
                  "militants near the port.", {"Blue Brigade": "blue-brigade",
                                               "Ruritanian jets": "ruritania-military"})
    c = next(c for c in found if c.trigger == "struck")
    assert c.target_actor_id == "blue-brigade"


def test_a_day_after_dates_the_earlier_event_before_the_main_clause() -> None:
    # "A day after X was attacked, Y met on Wednesday": the attack was on Tuesday
    c = one("A day after a Ruritanian convoy was attacked by the Blue Brigade, Ana Kova met "
            "Freedonia on Wednesday.", "attacked")
    assert c.date is not None and c.date.date_start == D(2020, 3, 3)


def test_but_after_a_dash_takes_the_subject_before_the_dash() -> None:
    # "X has welcomed Y — but also declared a right to retaliate —": X declared it
    c = one("Ruritania has welcomed the canal deal — but also declared a right to retaliate — "
            "in March.", "right to retaliate")
    assert c.source_actor_id == "ruritania"


def test_bare_government_is_the_government_of_the_state_the_lead_names() -> None:
    # the lead names the state at war (here only in a place); of two governments the story
    # names, a diplomat's state named more often later is not whose "government" is shelled
    text = ("Blue Brigade attacks in Ruritania's Zenda\n\nThe Blue Brigade attacked Zenda on "
            "Monday in the heaviest fighting of the year, as aid workers tried to reach the "
            "town and many residents fled to the hills north of the river before the roads "
            "were closed by floods and the old bridges over the river fell down in the night. "
            "Freedonia urged calm. Freedonia met Ruritania. The Freedonian government met the "
            "Ruritanian government. The Blue Brigade shelled government offices on Tuesday.")
    spans = {"Blue Brigade": "blue-brigade", "Freedonia": "freedonia", "Ruritania": "ruritania",
             "Freedonian government": "freedonia-government",
             "Ruritanian government": "ruritania-government"}
    ms = sorted((Mention(m.start(), m.end(), w, a, "test") for w, a in spans.items()
                 for m in re.finditer(rf"{w}(?!')", text) if m.start() > 45),
                key=lambda m: m.start)
    types = {**TYPES, "ruritania-government": "government_body",
             "freedonia-government": "government_body"}
    parents = {**PARENTS, "ruritania-government": "ruritania",
               "freedonia-government": "freedonia"}
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, types, actor_parents=parents)
    c = next(c for c in found if c.trigger == "shelled")
    assert c.target_actor_id == "ruritania-government"


def test_the_object_of_help_does_the_bare_infinitive_act() -> None:
    # "helping Y retake Z": Y retakes, not whoever helps
    found = cands("Ruritanian jets bombed Zenda on Monday, helping the Blue Brigade retake the "
                  "town.")
    c = next(c for c in found if c.trigger == "retake")
    assert c.source_actor_id == "blue-brigade"


def test_a_government_position_is_the_armys() -> None:
    # an adjectival "government" before what an army holds names the state's armed forces
    text = ("The Ruritanian government accused the Blue Brigade. Blue Brigade fighters hit a "
            "government checkpoint near the ford.")
    ms = [Mention(4, 25, "Ruritanian government", "ruritania-government", "test"),
          Mention(52, 73, "Blue Brigade fighters", "blue-brigade", "test")]
    types = {**TYPES, "ruritania-government": "government_body"}
    parents = {**PARENTS, "ruritania-government": "ruritania"}
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, types, actor_parents=parents)
    c = next(c for c in found if c.trigger == "hit")
    assert c.target_actor_id == "ruritania-military"


def test_who_faces_a_force_noun_from_x_is_its_target() -> None:
    # "Y faced tough resistance from X": X acts, Y is the target
    c = one("Ruritanian forces faced fierce resistance from the Blue Brigade in Zenda on "
            "Monday.", "resistance")
    assert (c.source_actor_id, c.target_actor_id) == ("blue-brigade", "ruritania-military")


def test_a_relative_clause_between_coordinated_subjects_is_skipped() -> None:
    # "X, which backs Z, and Y intend to co-chair ...": X with Y
    c = one("Ruritania, which backs the Blue Brigade, and Freedonia intend to co-chair a "
            "river commission in autumn.", "co-chair")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania", "freedonia")


def test_anonymity_to_discuss_is_no_consultation() -> None:
    # "requested anonymity to discuss X": the press rules, not talks
    found = cands("Ana Kova, who requested anonymity to discuss the harbour budget of "
                  "Freedonia, said Freedonian troops shelled Zenda on Monday.")
    assert "discuss" not in [c.trigger for c in found]


def test_of_and_a_gerund_after_a_side_noun_is_a_complement() -> None:
    # "accused the government of shelling": the government named before, not a new one
    text = ("The Ruritanian government closed Zenda. The Blue Brigade accused the government "
            "of shelling Zenda.")
    ms = [Mention(4, 25, "Ruritanian government", "ruritania-government", "test"),
          Mention(44, 56, "Blue Brigade", "blue-brigade", "test")]
    types = {**TYPES, "ruritania-government": "government_body"}
    parents = {**PARENTS, "ruritania-government": "ruritania"}
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, types, actor_parents=parents)
    c = next(c for c in found if c.trigger == "accused")
    assert c.target_actor_id == "ruritania-government"


def test_a_participle_after_a_frame_is_the_speakers_act() -> None:
    # "..., X said, urging Y to stop": X urges, not the clause's subject before the frame
    c = one("Ruritania will hold talks, Ana Kova said, urging Freedonia to stop the shelling.",
            "urging")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "freedonia")


def test_an_appeal_from_x_is_addressed_to_x() -> None:
    # "a call for a halt from X": X is asked
    c = one("Ana Kova renewed a call for a halt to shelling from Freedonia.", "call for")
    assert c.target_actor_id == "freedonia"


def test_his_government_is_not_the_main_states_government() -> None:
    # "his government" is the person's state's (the mentions' business), not the main state's
    text = ("Freedonia met Ruritania. The Freedonian government spoke. Ana Kova said his "
            "government's jets shelled Zenda on Monday.")
    ms = [Mention(0, 9, "Freedonia", "freedonia", "test"),
          Mention(14, 23, "Ruritania", "ruritania", "test"),
          Mention(29, 50, "Freedonian government", "freedonia-government", "test"),
          Mention(58, 66, "Ana Kova", "ana-kova", "test")]
    types = {**TYPES, "ruritania-government": "government_body",
             "freedonia-government": "government_body"}
    parents = {**PARENTS, "ruritania-government": "ruritania",
               "freedonia-government": "freedonia"}
    found = find_candidates(text, ms, THU_2020_03_05, PLACES, types, actor_parents=parents)
    c = next(c for c in found if c.trigger == "shelled")
    assert c.source_actor_id != "freedonia-government"


def test_addressing_a_conference_is_a_statement_to_it() -> None:
    # "X addressed the Y conference" -> X's statement, Y the target; "address the issue" is not
    c = one("Ana Kova addressed a Blue Brigade congress on Monday.", "addressed")
    assert (c.cameo_code, c.source_actor_id, c.target_actor_id) == ("010", "ana-kova",
                                                                     "blue-brigade")
    assert not [c for c in cands("Ana Kova addressed the issue of Freedonia on Monday.")
                if c.trigger == "addressed"]


def test_an_accusation_denied_by_y_is_ys_denial_answering_the_accuser() -> None:
    # "X said Y did Z, an accusation denied by Y": Y denies, X is the target, not X's claim
    c = one("Ana Kova said on Monday that Freedonian troops had shelled Zenda, an accusation "
            "denied by Freedonia.", "denied")
    assert (c.source_actor_id, c.target_actor_id, c.claim_status) == (
        "freedonia", "ana-kova", "reported")


def test_an_object_is_not_searched_past_a_reporting_verb() -> None:
    # "Fighters battling in Z say Y ...": Y is in what they say, not whom they battle
    found = cands("Blue Brigade fighters battling in the hills say Freedonian troops left "
                  "Zenda.")
    assert all(c.target_actor_id != "freedonia-military" for c in found
               if c.trigger == "battling")


def test_the_attacks_named_next_give_the_earlier_strikes_their_source() -> None:
    # "Air strikes hit Z. X said Y's jets carried out the attacks.": Y's jets struck Z
    found = cands("Air strikes hit Zenda on Monday. Ana Kova said Ruritanian jets carried out "
                  "the attacks.")
    c = next(c for c in found if c.trigger.lower() == "air strikes")
    assert c.source_actor_id == "ruritania-military"


def test_as_with_a_plural_noun_subject_opens_its_own_clause() -> None:
    # "X shelled Z as envoys tried to revive talks": the talks are not X's
    found = cands("Blue Brigade fighters shelled Zenda as envoys tried to save a fishing "
                  "accord and revive the canal talks.")
    assert all(c.source_actor_id != "blue-brigade" for c in found if c.trigger == "talks")


def test_pressure_from_x_is_xs_demand_on_the_subject() -> None:
    # "Y came under pressure from X to ...": X demands of Y
    c = one("Blue Brigade fighters came under pressure from Ana Kova to leave Zenda.", "pressure")
    assert (c.source_actor_id, c.target_actor_id, c.cameo_code) == (
        "ana-kova", "blue-brigade", "100")


def test_a_second_predicate_said_is_a_statement_of_its_own() -> None:
    # "X accused Y of Z and said W": the accusation, then a statement about W
    c = one("Ruritania accused Freedonia of lying and said Blue Brigade fighters would need "
            "to leave Zenda.", "said")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania", "blue-brigade")


def test_a_participle_frame_goes_on_with_the_accusation() -> None:
    # "X accused Y of Z, alleging that W": one act, no second statement
    assert [c.trigger for c in cands("Ruritania accused Freedonia of lying, alleging that "
                                     "Freedonia had broken the truce.")
            if c.rule.startswith("statement")] == []


def _with_rebels(text: str) -> list[Candidate]:
    """The made-up world plus a generic side noun, "Rebels", of an armed group."""
    ms = [*mentions(text)] + [Mention(m.start(), m.end(), m.group(), "rebels", "test")
                              for m in re.finditer(r"\bRebels\b", text)]
    return find_candidates(text, sorted(ms, key=lambda m: m.start), D(2020, 3, 5), PLACES,
                           {**TYPES, "rebels": "armed_group"}, actor_parents=PARENTS)


def test_fighters_under_the_banner_of_a_group_list_the_group() -> None:
    # "X fighting under the flag of Y say ...": Y beside X, and no side of its own
    c = next(c for c in _with_rebels("Rebels fighting under the flag of the Blue Brigade say "
                                     "Freedonian troops shelled Zenda.") if c.trigger == "say")
    assert c.source_actor_id == "rebels" and "blue-brigade" in c.source_parties


def test_describing_them_as_members_of_a_group_names_the_accused() -> None:
    # "accused X of Z, describing them as members of Y": Y is X, beside X in both acts
    found = {c.trigger: c for c in _with_rebels(
        "Ruritania accused Rebels of shelling Zenda, describing them as members of the "
        "Blue Brigade.")}
    assert "blue-brigade" in found["accused"].target_parties
    assert found["shelling"].source_actor_id == "rebels"
    assert "blue-brigade" in found["shelling"].source_parties
    assert found["shelling"].target_actor_id != "blue-brigade"


def _with_alliance(text: str) -> list[Candidate]:
    """The made-up world plus an alliance, "the Grey Pact coalition"."""
    ms = [*mentions(text)] + [Mention(m.start(), m.end(), m.group(), "grey-pact", "test")
                              for m in re.finditer(r"Grey Pact coalition", text)]
    return find_candidates(text, sorted(ms, key=lambda m: m.start), D(2020, 3, 5), PLACES,
                           {**TYPES, "grey-pact": "military"}, actor_parents=PARENTS)


def test_envoys_of_allied_countries_are_the_alliance_the_article_names() -> None:
    # "met delegates from 7 partner countries": the one alliance named, as the target
    c = next(c for c in _with_alliance(
        "Ana Kova met on Friday with delegates from 7 partner countries in Zenda. "
        "The Grey Pact coalition hopes to gather again.") if c.trigger == "met")
    assert c.target_actor_id == "grey-pact"


def test_them_after_a_second_predicate_is_the_first_object() -> None:
    # "X met Y and asked them to ...": Y is asked
    c = one("Ana Kova met Blue Brigade fighters in Zenda and asked them to leave.", "asked")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "blue-brigade")


def test_they_said_goes_on_with_the_speakers_of_the_sentence_before() -> None:
    # "E, Ana Kova and monitors said. They said F.": Ana Kova speaks again
    c = next(c for c in cands("Shells hit Zenda on Monday, Ana Kova and monitors said. "
                              "They said Freedonian troops had fired the shells.")
             if c.rule.startswith("statement") and c.trigger == "said" and c.sentence_start > 0)
    assert c.source_actor_id == "ana-kova"


def test_a_date_in_the_speakers_relative_clause_does_not_date_the_statement() -> None:
    # "X, which joined the war in 2017, says ...": the statement is not of that year
    c = next(c for c in cands("Ruritania, which joined the war in 2017, says Freedonia "
                              "must leave the Zenda docks.") if c.trigger == "says")
    assert c.date_text is None


def test_opponents_of_a_leader_are_the_opposition_the_article_names() -> None:
    # "opponents of (President) X": the opposition named before, as the target
    text = ("The Varnian opposition met in Zenda. Freedonian troops shelled opponents of "
            "Ana Kova near Zenda.")
    ms = [*mentions(text), Mention(4, 22, "Varnian opposition", "varnia-opposition", "test")]
    found = find_candidates(text, sorted(ms, key=lambda m: m.start), D(2020, 3, 5), PLACES,
                            {**TYPES, "varnia-opposition": "other"}, actor_parents=PARENTS)
    c = next(c for c in found if c.trigger == "shelled")
    assert c.target_actor_id == "varnia-opposition"


def test_said_after_but_is_spoken_by_the_subject_before_it() -> None:
    # "X ordered A, but said B": X speaks (a statement of its own, B's claimant)
    found = cands("Ana Kova ordered a pullout of Ruritanian jets from Zenda, but said that "
                  "strikes on the Blue Brigade will continue.")
    said = next(c for c in found if c.trigger == "said")
    assert (said.source_actor_id, said.target_actor_id) == ("ana-kova", "blue-brigade")
    assert next(c for c in found if c.trigger == "strikes").claimed_by_actor_id == "ana-kova"


def test_a_participle_act_after_the_frame_leaves_the_statement_its_own() -> None:
    # "E, X said, urging Y to ...": X's statement of E, and X's appeal, two acts
    found = cands("Zenda is calm, Ana Kova said, urging Freedonia to stop the shelling.")
    assert any(c.rule.startswith("statement") and c.source_actor_id == "ana-kova"
               for c in found)
    assert any(c.trigger == "urging" and c.source_actor_id == "ana-kova" for c in found)


def test_it_opening_a_clause_is_the_body_named_first_in_the_sentence_before() -> None:
    # "X said A. On Thursday, it released B": X released it (a statement in support: 051)
    c = one("The Blue Brigade said the canal plan was sound. On Sunday, it released a statement "
            "backing the plan.", "released a statement")
    assert (c.source_actor_id, c.cameo_code) == ("blue-brigade", "051")


def test_both_x_and_y_act_together_not_against_each_other() -> None:
    # "Both X and Y advanced ...": co-sources, neither is the other's target
    for c in cands("Both the Blue Brigade and Freedonian troops advanced toward Zenda in "
                   "separate offensives."):
        assert {c.source_actor_id, c.target_actor_id} != {"blue-brigade", "freedonia-military"}


def test_by_sending_after_her_country_is_the_speakers_state() -> None:
    # "X said her country would ... by sending forces": the speaker's state sends them
    c = one("Ana Kova said her country would support Freedonia by sending forces to Zenda.",
            "sending")
    assert c.source_actor_id in ("ruritania", "ruritania-military")


def test_his_countrys_military_is_the_speakers_side_not_the_accused() -> None:
    # a speaker with no known state: what "his country's military" did is no accusation
    text = "Ivan Petrenko said his country's military had fired at Blue Brigade fighters."
    ms = [Mention(0, 13, "Ivan Petrenko", "ivan-petrenko", "test"),
          Mention(text.index("military"), text.index("military") + 8, "military",
                  "ruritania-military", "test"),
          Mention(text.index("Blue"), text.index("Blue") + 21, "Blue Brigade fighters",
                  "blue-brigade", "test")]
    found = find_candidates(text, ms, THU_2020_03_05, PLACES,
                            {**TYPES, "ivan-petrenko": "person"}, actor_parents=PARENTS)
    said = [c for c in found if c.trigger == "said"]
    assert [(c.cameo_code[:2], c.target_actor_id) for c in said] == [("01", "blue-brigade")]


def test_a_parenthetical_frames_speaker_is_not_in_the_talks() -> None:
    # "X, Y said, held talks with Z": Y reports the talks, Z is the other side
    c = one("Freedonia, Ana Kova said, held talks with Blue Brigade in Zenda on Monday.",
            "talks")
    assert (c.source_actor_id, c.target_actor_id) == ("freedonia", "blue-brigade")


def test_having_y_killed_is_the_subjects_act_on_y() -> None:
    # causative "have/get Y <participle>": Y undergoes the act, the subject of "have" does it
    c = one("Ana Kova wanted to have Blue Brigade fighters killed last year.", "killed")
    assert (c.source_actor_id, c.target_actor_id) == ("ana-kova", "blue-brigade")


def test_a_pronoun_opening_the_reported_words_is_their_subject() -> None:
    # "X said he had Y lined up for an attack": he (X) is the subject, Y no subject
    c = one("Ana Kova said that he had Blue Brigade fighters lined up for an attack.", "attack")
    assert c.source_actor_id != "blue-brigade"


def test_an_object_relative_clause_has_the_antecedent_as_target() -> None:
    # "the fighters that Y has bombed": Y bombs them, they do not bomb
    c = one("Ana Kova met the Blue Brigade fighters that Ruritanian jets have bombed for weeks.",
            "bombed")
    assert (c.source_actor_id, c.target_actor_id) == ("ruritania-military", "blue-brigade")


def test_it_as_subject_of_an_object_relative_clause_is_the_body_named_before() -> None:
    # "Freedonia welcomed ... the fighters that it has been shelling": Freedonia shells them
    c = one("Freedonia welcomed the truce along with the Blue Brigade fighters that it has been "
            "shelling for months.", "shelling")
    assert c.target_actor_id == "blue-brigade"
    assert c.source_actor_id in ("freedonia", "freedonia-military")


def test_calling_anothers_act_unacceptable_is_a_criticism() -> None:
    # the reported words disapprove of another side's act: the statement is 111, not 010
    c = one("Ana Kova said the Freedonian troops' move near Zenda was unacceptable.", "said")
    assert c.cameo_code == "111"


def test_a_gapped_second_object_is_an_event_with_its_own_date() -> None:
    # "met X in A on Monday and Y in B on Tuesday": two meetings, each on its own day
    found = [c for c in cands("Ana Kova met Freedonia in Zenda on Monday and the Blue Brigade "
                              "in Port Vella on Tuesday.") if c.trigger == "met"]
    days = {c.target_actor_id: c.date.date_start for c in found if c.date is not None}
    assert days == {"freedonia": D(2020, 3, 2), "blue-brigade": D(2020, 3, 3)}


def test_support_with_an_aside_before_its_for_is_an_endorsement() -> None:
    # "expressed support — but also ... — for X": the dash aside does not hide the act
    c = one("Freedonia has expressed cautious support — but also voiced doubts — for the "
            "truce in Zenda.", "expressed cautious support")
    assert (c.cameo_code, c.source_actor_id) == ("051", "freedonia")


def test_as_x_with_a_participle_aside_opens_xs_own_clause() -> None:
    # "Y said he hoped ... as X, backed by Z, attacked W": X attacks, not the speaker
    c = one("Ana Kova said he hoped to resume talks as Blue Brigade fighters, backed by "
            "Freedonian troops, attacked Zenda.", "attacked")
    assert c.source_actor_id == "blue-brigade"


def test_words_the_writer_calls_an_accusation_make_the_statement_one() -> None:
    # "X said Y did Z, an accusation Y denied": the statement accuses (112)
    c = one("Ana Kova said Freedonian troops were present in Zenda, an accusation Freedonia "
            "rejected.", "said")
    assert c.cameo_code == "112"


def test_his_country_opening_the_reported_words_is_the_speakers_own_intent() -> None:
    # "X said her country is ready to ...": the speaker's side intends it (030)
    c = one("Ana Kova said her country is ready to dredge the Zenda harbour for Freedonia.",
            "said")
    assert c.cameo_code == "030"


def test_force_of_two_sides_in_one_sentence_is_an_exchange() -> None:
    # "X's attack followed Y's strikes on X": X's act, its target unnamed, is on Y
    c = one("The Blue Brigade attack followed strikes by Ruritanian jets on Blue Brigade areas.",
            "attack")
    assert (c.source_actor_id, c.target_actor_id) == ("blue-brigade", "ruritania-military")


def test_talks_with_someone_in_reported_words_are_the_speakers() -> None:
    # "X said the talks with Y were useful": X's side held them, an event beside the statement
    found = cands("Ana Kova said the talks with Freedonia had been useful.")
    c = next(c for c in found if c.trigger == "talks")
    assert (c.cameo_code[:2], c.source_actor_id, c.target_actor_id) == (
        "04", "ana-kova", "freedonia")
    assert any(c.trigger == "said" for c in found)


def test_a_person_keeps_the_body_an_apposition_tied_them_to() -> None:
    # "X, a spokesman for Y, ...": later acts of X list Y beside X
    text = ("Ivo Petrov, a spokesman for the Blue Brigade, spoke on Monday. "
            "Ivo Petrov accused Freedonia of shelling Zenda.")
    extra = [Mention(m.start(), m.end(), m.group(), actor, "test") for name, actor in
             (("Ivo Petrov", "ivo-petrov"), ("Blue Brigade", "blue-brigade"),
              ("Freedonia", "freedonia")) for m in re.finditer(name, text)]
    found = find_candidates(text, sorted(extra, key=lambda m: m.start), THU_2020_03_05, PLACES,
                            {**TYPES, "ivo-petrov": "person"}, actor_parents=PARENTS)
    c = next(c for c in found if c.trigger == "accused")
    assert (c.source_actor_id, c.source_parties) == ("ivo-petrov", ("blue-brigade",))


def test_provide_is_a_light_verb_before_an_act_noun() -> None:
    # "X is providing air support": X's act, like "X carried out strikes"
    c = one("Ruritanian jets are providing air support near Zenda.", "air support")
    assert (c.cameo_code, c.source_actor_id) == ("195", "ruritania-military")

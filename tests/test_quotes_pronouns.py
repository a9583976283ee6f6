"""Pronoun agreement (issue 13): "she" never takes up a person the text calls "Mr". One invented
sentence."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import SpeakerHint, extract_quotes


def test_she_skips_a_man_named_with_mr() -> None:
    body = ("Senator Ruth Calder spoke after the vote. “The levy is fair,” Mr. Paul Brandt told "
            "her. “It will ruin the farms,” she said.")
    quotes = [q for q in extract_quotes(body) if q.status == "accepted"]
    last = next(q for q in quotes if q.text == "It will ruin the farms")
    assert (last.speaker_mention, last.speaker_pronoun) == ("Ruth Calder", "she")


def _accepted(body: str) -> dict[str, object]:
    return {q.text: q for q in extract_quotes(body) if q.status == "accepted"}


def test_dotted_honorific_makes_a_lone_surname_a_person() -> None:
    # "Mr. X" (American style, the stop a token of its own) names a person even when the text
    # never gives the full name, so a later "he" can take it up
    body = ("Bridge plan faces delay\nOn a wet morning, Mr. Alcott warned that the bridge would "
            "open late.\n“The steel has not come,” he said.")
    q = _accepted(body)["The steel has not come"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Mr. Alcott", "he")


def test_title_before_a_lone_surname_makes_a_person() -> None:
    # "President X", "Sen. X": a person title before a single name makes it a person, so "he"
    # takes it up rather than an older speaker
    body = ("Port strike ends\n“It is over,” said Lena Dorsey, a union official.\n"
            "President Alcott condemned the strike on Friday. “It cost us dearly,” he said.")
    q = _accepted(body)["It cost us dearly"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Alcott", "he")


def test_she_skips_a_man_known_by_his_given_name() -> None:
    # a common given name tells a gender (lexicon first_names.yaml): "she" passes over the
    # last speaker "Robert Hale" to the woman named before him
    body = ("Clinic funding cut\n“We will appeal,” said Karen Voss, the clinic's director.\n"
            "“The ruling is sound,” said Robert Hale, a lawyer for the county.\n"
            "“Patients will suffer,” she said.")
    q = _accepted(body)["Patients will suffer"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Karen Voss", "she")


def test_pronoun_opening_a_paragraph_takes_the_subject_ending_the_previous_one() -> None:
    # the subject of the last sentence of the previous paragraph beats an older speaker
    body = ("Ferry fares rise\n“Fares must rise,” said Anna Holm, the port director.\n"
            "Maria Lund had a query about the board.\n“Who pays for this?” she asked.")
    q = _accepted(body)["Who pays for this?"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Maria Lund", "she")


def test_subject_pronouns_keep_their_person_as_topic() -> None:
    # "He doubts ... He blames ...": each subject pronoun records the person it takes up, so
    # the "he" of the next paragraph's quotation is still that person, not an older speaker
    body = ("Bridge plan faces delay\n“It is late,” said Tom Reed, the port director.\n"
            "Mr. Alcott hopes to open the bridge in May. He doubts the date will hold. He blames "
            "the mills.\n“The steel has not come,” he said.")
    q = _accepted(body)["The steel has not come"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Mr. Alcott", "he")


def test_a_name_opening_with_the_is_no_person() -> None:
    # "The Harbour reported that he ...": a name opening with "the" is no person, even when a
    # hint guessed one, so "he" takes up the mayor
    body = ("Mayor under fire\nMayor Tom Reed spoke on Monday. The Harbour reported that he had "
            "called the critics “cowards.”")
    s = body.index("The Harbour")
    hints = [SpeakerHint(s, s + len("The Harbour"), "new-the-harbour", "person")]
    q = {q.text: q for q in extract_quotes(body, hints)}["cowards"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Tom Reed", "he")


def test_subject_before_an_adverb_is_the_antecedent() -> None:
    # "Holm largely agreed ...": the adverb before the verb is not part of the subject
    body = ("Levy vote\n“It is fair,” said Tom Reed, a farmer.\nPaul Holm largely agreed with "
            "Reed.\n“It is late, but fair,” he said.")
    q = _accepted(body)["It is late, but fair"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Paul Holm", "he")


def test_surname_opening_a_sentence_before_a_present_tense_verb() -> None:
    # "Holm bristles at ...": a known surname then a verb in -s is the sentence's subject
    body = ("Levy vote\nPaul Holm spoke first.\n“It is fair,” said Tom Reed, a farmer.\nHolm "
            "bristles at the claim.\n“It is not,” he said.")
    q = _accepted(body)["It is not"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Holm", "he")


def test_lone_name_speaking_is_a_person_and_its_given_name_tells_gender() -> None:
    # "Karen said": a lone capitalised name as a speech verb's subject is a person, and a
    # given name alone tells the gender for a later "she"
    body = "Rally\n“He loves us,” Karen said. “It is done,” she said."
    q = _accepted(body)["It is done"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Karen", "she")


def test_body_with_an_organisation_word_is_no_person_despite_a_person_hint() -> None:
    # "the Commission on Fair Votes": a person hint on "Fair Votes" does not make it a person
    body = ("Ferries\nTom Reed spoke on Monday. The Commission on Fair Votes announced that "
            "the ferry timetable had changed.\nHe says: “I doubt the boats will keep to it.”")
    s = body.index("Fair Votes")
    hints = [SpeakerHint(s, s + len("Fair Votes"), "new-fair-votes", "person")]
    q = {q.text: q for q in extract_quotes(body, hints)}["I doubt the boats will keep to it"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Tom Reed", "He")


def test_person_introduced_with_an_apposition_ending_the_previous_paragraph() -> None:
    # "... worries X, president of Y. ¶ “A. B,” he said": the newly introduced person speaks,
    # also when the quotation holds several sentences
    body = ("Songs\n“We lost,” said Dan Cole, a singer.\nNo one writes songs for her, which is "
            "something that worries Tom Reed, president of the Music Club.\n“Nobody sings for "
            "her. She has no band,” he said.")
    q = _accepted(body)["Nobody sings for her. She has no band"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Tom Reed", "he")


def test_quotation_of_several_sentences_opening_a_paragraph_counts_as_opening_it() -> None:
    # '“A. B,” he said' opening a paragraph: the subject ending the previous paragraph is
    # the antecedent, as for a one-sentence quotation
    body = ("Speech\n“We will win,” said Dan Cole, a rival.\nIn an August speech, Tom Reed "
            "attacked the plan.\n“We will win. We will not fail,” he said then.")
    q = _accepted(body)["We will win. We will not fail"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Tom Reed", "he")


def test_a_common_given_name_alone_is_a_person_antecedent() -> None:
    # a story that calls someone by a common given name only ("Karen thought ...") names a
    # person, so the "she" of the next paragraph's attribution takes her up
    body = "Bakery\nKaren thought the oven was too small.\n“I bake at night anyway,” she said."
    q = _accepted(body)["I bake at night anyway"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Karen", "she")


def test_a_lone_quotation_after_a_named_subject_is_that_persons() -> None:
    # a quotation standing as its own sentence after a sentence of the same paragraph whose
    # subject is a named person (no speech verb anywhere) is that person's
    body = "Vote\nTom Ruiz named fatigue as a reason for hope. “The young are tired of it.”"
    q = _accepted(body)["The young are tired of it"]
    assert (q.speaker_mention, q.attribution) == ("Tom Ruiz", "previous_sentence")


def test_a_bracket_after_a_subject_name_is_no_part_of_it() -> None:
    # "Sen. X (Vt.)": the state in brackets after the subject's name does not hide the person
    body = "Vote\nSen. Tom Ruiz (Vt.) named fatigue as a reason for hope. “The young are tired.”"
    q = _accepted(body)["The young are tired"]
    assert q.speaker_mention == "Tom Ruiz"


def test_an_introduction_whose_comma_stands_inside_marks() -> None:
    # 'On “The Morning Show,” X ...': the introduction ends at the comma inside the marks
    body = ("Vote\nOn “Sunday Talk,” Tom Ruiz, a senator, named fatigue as a reason for hope. "
            "“The young are tired.”")
    q = _accepted(body)["The young are tired"]
    assert q.speaker_mention == "Tom Ruiz"


def test_a_name_before_the_verb_after_an_opening_phrase_is_the_subject() -> None:
    # "In her book, Harbour Days, Ana Ruiz noted ...": the name right before the finite verb
    # after a comma is the subject, not the title or description before it
    body = ("Health\nIn her 2003 book, Harbour Days, Ana Ruiz noted the storm. Her boat was "
            "“so battered it barely stayed afloat,” she wrote.")
    q = _accepted(body)["so battered it barely stayed afloat"]
    assert q.speaker_mention == "Ana Ruiz"


def test_a_name_before_a_purpose_clause_is_no_apposition_introducing_a_speaker() -> None:
    # "..., overseen by X, to make ...": a name before an infinitive closing the previous
    # paragraph is no introduced person; the subject of that sentence stays the antecedent
    body = ("Visit\nAna Ruiz spoke to the council on Monday.\nRuiz set up a panel, led by the "
            "veteran Tovo Hale, to study the clashes.\n“Unity means peace,” she said.")
    q = _accepted(body)["Unity means peace"]
    assert q.speaker_mention in ("Ana Ruiz", "Ruiz")


def test_unattributed_words_in_marks_after_a_named_subjects_verb_are_the_subjects() -> None:
    # "In a speech, X attacked “...”": no speech verb or attribution governs the words in
    # marks, but the sentence's subject is a named person, who is their speaker
    body = "Speech\nIn an August speech, Tom Ruiz attacked “the greedy harbour lobby and its men.”"
    q = _accepted(body)["the greedy harbour lobby and its men"]
    assert (q.speaker_mention, q.attribution) == ("Tom Ruiz", "sentence_subject")


def test_a_short_adverbial_opening_is_no_subject() -> None:
    # "But for now, he is ...": lower-case words (or an adverb in -ly) before a comma and a
    # pronoun or name are an adverbial, so the he/she subject carries its person on
    body = ("Coal\nMr. Tarrant sells wheat. Ultimately, Mr. Tarrant hopes to sell more. But "
            "for now, he is selling only a little. That worries the bank. \"It is all I can "
            "grow,\" he said.")
    q = _accepted(body)["It is all I can grow"]
    assert q.speaker_mention == "Mr. Tarrant"


def test_a_contracted_pronoun_subject_of_a_progressive_speech_verb() -> None:
    # "He's claiming that ...": "'s" is a contracted "is", so the participle is a finite
    # speech verb whose subject is the pronoun
    body = "Drought\nTom Ruiz spoke on Monday. He’s claiming that the well is “a dry, dry hole.”"
    q = _accepted(body)["a dry, dry hole"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Tom Ruiz", "He")


def test_subject_after_an_opening_phrase_with_a_quoted_title() -> None:
    # "In his book, “Title,” X counted ...": the quoted title set off by commas is no subject;
    # the name after it is, and a later "he" takes it up
    body = ("Gardens\n\nWho pays for the shade? In his 2009 book, “Roots and Rain,” Mr. Okafor "
            "counted the trees of every city in the state.\n\nToo costly? He disagrees. "
            "“Shade pays for itself,” he said.")
    q = _accepted(body)["Shade pays for itself"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Mr. Okafor", "he")


def test_she_takes_up_the_one_woman_named_earlier_in_her_sentence() -> None:
    # "X described Ruth Calder as ... after she blamed ...": the sentence's speaker is a man,
    # so "she" is the one woman named before it in the same sentence
    body = ("Drought\nGovernor Paul Brandt described Senator Ruth Calder as a “menace” after "
            "she blamed the drought on “poor planning” by the county.")
    hints = [SpeakerHint(body.index(n), body.index(n) + len(n), a, "person")
             for n, a in (("Paul Brandt", "paul-brandt"), ("Ruth Calder", "ruth-calder"))]
    q = {q.text: q for q in extract_quotes(body, hints) if q.status == "accepted"}["poor planning"]
    assert (q.speaker_actor_id, q.speaker_pronoun) == ("ruth-calder", "she")


def test_the_first_person_narrator_is_the_author_of_the_closing_line() -> None:
    # an op-ed's "I" speaks as the author its closing line names ("X is a professor of ..."),
    # and is no antecedent of a later "she"
    body = ("Growing up by the harbour\nI grew up in a port town.\n"
            "Once, when my aunt mentioned the sea, I laughed and said, “I will never sail.”\n"
            "She frowned and said, “You will.”\n"
            "Ana Ruiz is a professor of history at Harbour College.")
    got = {q.text: (q.speaker_mention, q.speaker_pronoun) for q in extract_quotes(body)
           if q.quote_type != "indirect"}
    assert got["I will never sail"] == ("Ana Ruiz", "I")
    assert got["You will"][0] != "Ana Ruiz"

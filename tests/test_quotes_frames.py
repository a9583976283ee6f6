"""Attribution frames of real news the rules missed (issue 13): one invented sentence per rule."""

from __future__ import annotations

from syria_deconfliction.extract.quotes import Quote, SpeakerHint, extract_quotes


def _speaker(body: str, text: str) -> str | None:
    rows: dict[str, Quote] = {q.text: q for q in extract_quotes(body) if q.status == "accepted"}
    return rows[text].speaker_mention


def test_abbreviated_title_does_not_end_the_sentence() -> None:
    # "the Rev. X": the stop of "Rev." (lexicon quotes_abbrev) is no sentence end
    body = "Church reopens\n“It is over,” said the Rev. Tom Reed, of the First Church."
    assert _speaker(body, "It is over") == "Tom Reed"


def test_said_to_an_addressee_is_speech() -> None:
    # "X said to the crowd" is speech; only "said to be/have" is hearsay
    body = "Port strike ends\n“It is over,” Anna Holm said to the crowd."
    assert _speaker(body, "It is over") == "Anna Holm"


def test_inverted_subject_may_open_with_a_lower_case_modifier() -> None:
    # "said former mayor X", "said one union source": the inverted subject need not be capitalised
    body = "Port strike ends\n“It is over,” said former mayor Tom Reed."
    assert _speaker(body, "It is over") == "Tom Reed"


def test_inverted_subject_keeps_its_name_before_a_relative_clause() -> None:
    # "said X, a lawyer whom the union hired": a clause after the comma leaves X the speaker
    body = "Port strike ends\n“We won,” said Dan Cole, a lawyer whom the union hired last year."
    assert _speaker(body, "We won") == "Dan Cole"


def test_inverted_subject_before_a_bracketed_comment() -> None:
    # "said X (a view shared by many)": the writer's bracket is not part of the subject
    body = "Port strike ends\n“We won,” said Mr. Cole (a view shared by many)."
    assert _speaker(body, "We won") == "Mr. Cole"


def test_continued_with_a_comma_introduces_a_direct_quotation() -> None:
    # "X continued, “...”": "continue" (and "ask") introduce words in marks after a comma
    rows = {q.text: q for q in extract_quotes("Port strike ends\nMary Ames continued, “We won "
                                              "the vote.”")}
    q = rows["We won the vote"]
    assert (q.speaker_mention, q.quote_type) == ("Mary Ames", "direct")


def test_continued_with_a_colon_closing_the_paragraph() -> None:
    # "X continued:" ending a paragraph introduces the quotation opening the next one
    body = "Port strike ends\nDan Cole continued:\n“We won the vote and the pay.”"
    assert _speaker(body, "We won the vote and the pay") == "Dan Cole"


def test_colon_after_a_person_subject_without_speech_verb() -> None:
    # "X made the following comment:" (no speech verb) + a quotation: the subject speaks;
    # the year of a leading date is skipped to find the subject
    body = ("Harvest\nOn May 9, 2011, Piet Dorn made the following comment:\n"
            "“For pear growers the yield is 41 crates.”")
    assert _speaker(body, "For pear growers the yield is 41 crates") == "Piet Dorn"


def test_programme_title_in_the_tail_of_an_attribution() -> None:
    # '“...,” X said on BBC's “Morning Show.”': the title is part of the tail, not a quotation
    rows = {q.text: q for q in extract_quotes(
        "Port strike ends\n“We won it all,” Ames said on BBC's “Morning Show.”")}
    assert rows["We won it all"].speaker_mention == "Ames"
    assert rows["Morning Show"].status == "rejected"


def test_told_a_common_noun_audience_then_a_pronoun_clause() -> None:
    # "X told the council he was “...”": the audience is a short common noun phrase
    body = "Dam vote\nOtto Varga told the council he was “wholly opposed to a second dam.”"
    assert _speaker(body, "wholly opposed to a second dam") == "Otto Varga"


def test_single_mark_opening_the_next_sentence_starts_it() -> None:
    # "'...,' X said. '...'": the opening single mark after the stop belongs to the next
    # sentence, so the first quotation keeps its trailing attribution
    body = "Mayor under fire\n'He would keep you, but he did not win,' Reed said. 'He had no idea.'"
    assert _speaker(body, "He would keep you, but he did not win") == "Reed"


def test_definite_role_takes_the_person_named_with_that_title() -> None:
    # "the president" with no other words: the last person named with the title "President"
    body = ("Museum opens\nPresident Alcott opened the museum on Monday with Mayor Tom Reed.\n"
            "The museum, the president said, is “a gift to the city.”")
    s, r = body.index("Alcott"), body.index("Tom Reed")
    hints = [SpeakerHint(s, s + 6, "new-alcott", "other"),
             SpeakerHint(r, r + 8, "new-tom-reed", "person")]
    q = {q.text: q for q in extract_quotes(body, hints)}["a gift to the city"]
    assert (q.speaker_mention, q.speaker_actor_id) == ("the president", "new-alcott")


def test_speech_verb_coordinated_inside_a_relative_clause() -> None:
    # "X, who talked to Y and said that ...": the relative's antecedent speaks, not the subject
    # of the main clause
    body = ("Ferry row\nThe harbour master meant his old deputy Tom Reed, who talked to a "
            "pilot at the quay and said that the harbour master was “unfit.”")
    assert _speaker(body, "unfit") == "Tom Reed"


def _hinted(body: str, names: dict[str, tuple[str, str]]) -> dict[str, Quote]:
    hints = []
    for name, (aid, kind) in names.items():
        s = body.index(name)
        hints.append(SpeakerHint(s, s + len(name), aid, kind))
    return {q.text: q for q in extract_quotes(body, hints)}


def test_headline_outlet_after_a_dash_is_no_byline() -> None:
    # "... 'far from over' – Daily Planet": in a headline the dash names the site, and the
    # words are the body speaker's
    body = ("Bridge work 'far from over' – Daily Planet\n"
            "“The work is far from over,” Mayor Tom Reed said on Monday.")
    q = _hinted(body, {"Tom Reed": ("new-tom-reed", "person")})["far from over"]
    assert q.speaker_actor_id == "new-tom-reed"


def test_document_modified_by_its_issuer_speaks_for_it() -> None:
    # "An army statement said ...": a hint before the document noun is its issuer
    body = "Clash in north\nA Ruritanian army statement said the raid was “a grave provocation.”"
    q = _hinted(body, {"Ruritanian army": ("ruritania-army", "military")})["a grave provocation"]
    assert q.speaker_actor_id == "ruritania-army"


def test_definite_description_takes_up_the_earlier_one_with_its_head() -> None:
    # "A Ruritanian army source said ... . “...,” the source said.": the same source
    body = ("Floods in north\nA Ruritanian army source said two barges sank near Zenda.\n"
            "“The levee held,” the source said.")
    q = _hinted(body, {"Ruritanian army": ("ruritania-army", "military")})["The levee held"]
    assert q.speaker_actor_id == "ruritania-army"


def test_inner_verb_with_a_subject_that_cannot_speak() -> None:
    # "X said the protests demand “...”": the protests do not speak; X's clause holds the words
    body = ("Floods\nMayor Tom Reed said the long run of floods and storms demands "
            "that all keep “sandbags ready.”")
    assert _speaker(body, "sandbags ready") == "Tom Reed"


def test_told_does_not_invert_its_subject() -> None:
    # '“...,” X, a long appositive ..., told Radio Nord.': after "told" comes the addressee
    body = ("Town hall\n“We will rebuild,” Ada Lind, the director of the port and whose family "
            "ran it, told Radio Nord.")
    assert _speaker(body, "We will rebuild") == "Ada Lind"


def test_participle_takes_the_subject_without_its_adverb() -> None:
    # "He then backed the levy, saying, “...”": the subject is "He", not "He then"
    body = ("Town hall\nTom Reed spoke first.\nHe then backed the ferry levy, saying, “It pays "
            "for the pier.”")
    q = {q.text: q for q in extract_quotes(body)}["It pays for the pier"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Tom Reed", "He")


def test_writer_words_between_a_quotation_and_its_attribution() -> None:
    # '“...” for criminal behavior, X said.': a few words after the quotation, then the
    # attribution after a comma
    body = ("Bank row\n“The only way banks will change is if bosses face jail” for criminal "
            "behavior, Ana Lind said.")
    assert _speaker(body, "The only way banks will change is if bosses face jail") == "Ana Lind"


def test_tell_governs_quoted_words_in_its_object_clause() -> None:
    # "X tells his supporters to “...”": the directive's words in marks are X's
    body = "Fair\nNell Dorn tells her volunteers at the fair to “bring a spade and plant.”"
    assert _speaker(body, "bring a spade and plant") == "Nell Dorn"


def test_programme_title_after_a_possessive_following_the_speech_verb() -> None:
    # "X tells BBC's “Morning Show” that ...": the programme's title is no quotation
    rows = {q.text: q for q in extract_quotes(
        "Rally\nTom Reed tells BBC's “Morning Show” on Friday that “who did it” is unclear.")}
    assert rows["Morning Show"].status == "rejected"
    assert rows["who did it"].speaker_mention == "Tom Reed"


def test_speaker_goes_on_across_a_sentence_about_them() -> None:
    # '“A,” X said. He gave no reply. “B.”': one sentence about the speaker between quotations
    # of one paragraph does not end the speaker's turn
    body = ("Talks\n“We had problems,” Tom Reed said after the talks. He did not suggest a reply. "
            "“Our goal is calm.”")
    assert _speaker(body, "Our goal is calm") == "Tom Reed"


def test_demanded_after_a_quotation_attributes_it() -> None:
    # '“...?” X demanded.' (lexicon quotes_manner_verbs: demand, wonder, sigh ...)
    body = "Talks\nThe vote was close. “Why is this not proof?” Tom Reed demanded."
    assert _speaker(body, "Why is this not proof?") == "Tom Reed"


def test_noted_inverts_its_subject() -> None:
    # "..., noted X." (lexicon quotes_inverted_verbs: note, observe, recall ...)
    rows = {q.text: q for q in extract_quotes(
        "Talks\nHowever the talks will fail in the end, noted NBC’s Ana Lind.")}
    assert rows["the talks will fail in the end"].speaker_mention == "Ana Lind"


def test_horizontal_bar_ends_the_subject_phrase() -> None:
    # "... ― X boasted, “...”": a horizontal bar is a dash before the subject
    body = ("Fair\nWhen Ana Lind noted that Tom Reed grew no wheat ― as was the case all summer ― "
            "Tom Reed boasted, “Barley pays better.”")
    assert _speaker(body, "Barley pays better") == "Tom Reed"


def test_quotation_after_a_said_sentence_goes_on_before_a_next_paragraph_report() -> None:
    # '“A,” said X. “B.” ¶ Y said ...': B is X's, not the next paragraph's speaker's
    body = ("River\n“The water is still rising,” said Tom Reed, keeper of the lock. “It could "
            "reach the mill.”\nAna Lind said so too.")
    assert _speaker(body, "It could reach the mill") == "Tom Reed"


def test_relative_pronoun_after_an_apposition_takes_the_name() -> None:
    # "X, now the board chair, who said ...": the named person speaks, not the description
    body = ("Harbour\nHal Fenn has had a frosty rapport with Lena Ostrova, now the harbour board "
            "chairwoman, who said the aim was a “dredged channel.”")
    assert _speaker(body, "dredged channel") == "Lena Ostrova"


def test_trailing_attribution_followed_by_a_coordinated_quotation() -> None:
    # 'Y “A,” X said, and still “B.”': the attribution ends at ", and"; B is X's too
    body = ("Grain\nBrask \"won the grain contract,\" Ola Fenn said, and still \"kept a seat on "
            "the mill board.\"")
    assert _speaker(body, "won the grain contract") == "Ola Fenn"
    assert _speaker(body, "kept a seat on the mill board") == "Ola Fenn"


def test_participle_after_while_is_speech_of_the_subject() -> None:
    # "X marched while chanting, “...”" (lexicon quotes_participle_leads: while, after, by ...)
    body = "Protest\nSmall groups of protesters marched on Sunday while chanting, “Hands up, now.”"
    assert _speaker(body, "Hands up, now") == "Small groups of protesters"


def test_participle_in_a_leading_clause_takes_the_main_subject() -> None:
    # "After saying ... “...,” she was ...": the main clause's subject after the closing mark
    body = ("Floods\nMira Kovac farmed near Zenda in 2009.\nAfter saying her barn was “so flooded "
            "the goats could swim,” she was given a grant.")
    q = {q.text: q for q in extract_quotes(body)}["so flooded the goats could swim"]
    assert (q.speaker_mention, q.speaker_pronoun) == ("Mira Kovac", "she")


def test_inverted_subject_length_ignores_a_long_bracket() -> None:
    # "said Mr. X (a long remark in brackets).": the bracket is not measured
    body = ("Toll\nThe toll ''is a poor bargain for fishermen,'' said Mr. Dalby (a remark "
            "repeated by most of the dockers I met).")
    assert _speaker(body, "is a poor bargain for fishermen") == "Mr. Dalby"


def test_frequency_adverb_between_subject_and_speech_verb() -> None:
    # "X often say, “...”" (lexicon quotes_pre_verb_skip: often, usually, never ...)
    body = "Luck\nLamenting their luck, sailors often say, “The sea gives and takes.”"
    assert _speaker(body, "The sea gives and takes") == "sailors"


def test_parenthetical_attribution_after_a_leading_prepositional_phrase() -> None:
    # "During ..., X said, most people ... “...”": a long leading phrase before the aside
    body = ("Tides\nDuring her four winters as harbour master, Ms. Varga said, most sailors have "
            "come to accept ''that the tides are shifting.''")
    assert _speaker(body, "that the tides are shifting") == "Ms. Varga"


def test_name_before_a_speech_participle_and_a_quotation() -> None:
    # "footage of X asking, “...”": the name right before the participle speaks
    body = "Ad war\nThe ad uses footage of Ana Lind asking, “Why aren’t I ahead?”"
    assert _speaker(body, "Why aren’t I ahead?") == "Ana Lind"


def test_participle_without_comma_taking_a_that_clause() -> None:
    # "X left the auction touting that “...”": the subject speaks
    body = "Auction\nIda Brandt left the auction touting that “45 lots” of wool were sold."
    assert _speaker(body, "45 lots") == "Ida Brandt"


def test_characterising_participle_with_words_in_marks_after_its_object() -> None:
    # "X went off on Y calling him a 'terrible boss'": the subject's words
    body = "Feud\nTom Reed went off on Ana Lind calling her a 'terrible boss' on Tuesday."
    assert _speaker(body, "terrible boss") == "Tom Reed"


def test_two_speech_verbs_over_one_clause_give_one_row() -> None:
    # "she said at a news conference announcing that ...": one indirect row, not two
    body = ("Schools\nMira Kovac spoke on Friday. She said at a news conference announcing that "
            "the school board would close the old annex in Zenda.")
    rows = [q for q in extract_quotes(body) if q.quote_type == "indirect"]
    assert len({q.start for q in rows}) == len(rows) == 1


def test_headline_name_before_a_colon_speaks_its_quoted_words() -> None:
    # "X: ... ‘...’" opening a headline: X speaks, not the body's speaker of the same words;
    # a rubric ("Factcheck:", lexicon quotes_headline_rubrics) is no speaker
    tail = " Tom Reed Is Right About ‘Thousands of Fires’ This Year\nTom Reed said there were " \
        "“thousands of fires” this year."
    assert _speaker("Ana Lind:" + tail, "Thousands of Fires") == "Ana Lind"
    assert _speaker("Factcheck:" + tail, "Thousands of Fires") == "Tom Reed"


def test_lauded_governs_words_in_marks_in_its_clause() -> None:
    # "X lauded Y for helping develop “...”" (lexicon quotes_as_speech: laud, applaud, commend)
    body = ("Floods\nIn March, Mayor Ivo Brandt lauded Ms. Okafor in her speech for helping build "
            "\"sturdier flood walls.\"")
    assert _speaker(body, "sturdier flood walls") == "Ivo Brandt"


def test_as_x_put_it_names_the_speaker() -> None:
    # "As X, a tax lawyer, recently put it, “...”": the idiom's subject speaks
    body = "Tax\nAs Tom Reed, a tax lawyer, recently put it, ''Did he lower his taxes legally?''"
    assert _speaker(body, "Did he lower his taxes legally?") == "Tom Reed"


def test_bare_clause_whose_quoted_predicate_follows_a_long_subject() -> None:
    # "X said the permits held by the mills “do little ...”": a determiner-led subject with
    # a prepositional phrase, then a quoted predicate opening with a finite verb
    body = ("River\nIda Brandt said the water permits held by the mills and farms “do little to "
            "protect the river.”")
    assert _speaker(body, "do little to protect the river") == "Ida Brandt"


def test_quotation_set_off_by_dashes_after_a_name() -> None:
    # "... including X -- “...” -- and Y": the named person right before the dash speaks
    body = ("Orchards\nSeveral growers have agreed, including the former co-op head Tom "
            "Reed -- ''Frost will take half the plums'' -- and Dan Cole.")
    assert _speaker(body, "Frost will take half the plums") == "Tom Reed"


def test_trailing_attribution_before_a_negated_participle() -> None:
    # '“...,” X said, not even needing to ...': the attribution ends at the comma
    body = ("Orchard\n''Our orchard can feed the whole valley,'' Ms. Varga said, not even needing "
            "to name the grower behind that claim, Piet Dorn, who retired last spring.")
    assert _speaker(body, "Our orchard can feed the whole valley") == "Ms. Varga"


def test_statement_participle_speaks_for_the_issuer_after_a_split_intro() -> None:
    # "Following a hastily called, early session, the council issued a statement calling X
    # “...”": the intro runs over its inner comma, "hastily called" is an adjective, and a
    # statement's participle speaks for the subject that issued it
    body = ("Spill\nFollowing a hastily called, early-morning session, the Harbour Council issued "
            "a statement calling Zenda's spill \"a reckless breach\" of the permit.")
    assert _speaker(body, "a reckless breach") == "the Harbour Council"


def test_continue_without_words_in_marks_is_no_speech() -> None:
    # "we must continue to fund ...": "continue" speaks only before a comma or colon and marks,
    # so the later participle keeps the sentence's speaker
    body = ("Schools\nNell Dorn told the crowd that she thinks we must continue to fund "
            "schools that work, saying that “rural pupils still travel too far” in Freedonia.")
    assert _speaker(body, "rural pupils still travel too far") == "Nell Dorn"


def test_trailing_said_at_an_event_announcing_that() -> None:
    # '“...,” she said at a briefing announcing that ...': the participle clause belongs to the
    # briefing, so "she said" still attributes the quotation before it
    body = ("Ruth Calder runs the port authority.\n\n“We will reopen the docks by spring,” she "
            "said at a news conference announcing that the authority was suing the builder.")
    assert _speaker(body, "We will reopen the docks by spring") == "Ruth Calder"


def test_appositive_subject_alone_after_an_exclamation() -> None:
    # '“...!” Her cousin, X, said.': the sentence after the quotation holds only an
    # appositive subject and its verb, which attribute the quotation
    body = "Harvest fair\n“The harvest is good!” Calder's cousin, Paul Brandt, said."
    assert _speaker(body, "The harvest is good!") == "Paul Brandt"


def test_delegate_abbreviation_does_not_end_the_sentence() -> None:
    # "state Del. X" (lexicon quotes_place_title_abbrev): a title, no sentence end; after a
    # comma ("Dover, Del.") it is the state and may end one
    body = "Harvest fair\n“The harvest is good,” state Del. Ana Ruiz said."
    q = next(q for q in extract_quotes(body) if q.text == "The harvest is good")
    assert (q.quote_type, q.speaker_mention, q.attribution) == ("direct", "Ana Ruiz", "said_after")


def test_as_x_observed_names_the_speaker_of_marks_later() -> None:
    # "Yet, as X observed, ... “...”" (lexicon quotes_as_idiom_verbs) is the "as X put it"
    # idiom; "As for X, he said" is not
    body = ("Ports\nCalder praised the deal.\n\nYet, as Mr. Brandt observed, in the first year "
            "of a new government -- when it would not face voters -- “which ports would you "
            "close?”")
    assert _speaker(body, "which ports would you close?") == "Mr. Brandt"


def test_coordinated_speech_verb_in_an_adverbial_clause_takes_its_subject() -> None:
    # "X called Y a “...” after Z attacked ... and blamed it on “...”": "blamed" shares the
    # subject of the clause it is coordinated in, not the main clause's speaker
    body = ("Drought\nGovernor Paul Brandt called the plan a “disgrace” after Calder attacked "
            "the farmers and blamed the drought on “poor planning” by the county.")
    assert _speaker(body, "poor planning") == "Calder"


def test_name_before_a_speech_participle_with_a_time_phrase() -> None:
    # "footage of X saying during the fair last spring, “...”": a short phrase of time or place
    # may stand between the participle and the comma before the quotation
    body = ("Farm ad\nThe ad ends with footage of Brandt saying during the fair last "
            "spring, “Goats are cheaper to keep,” when Calder pressed him.")
    assert _speaker(body, "Goats are cheaper to keep") == "Brandt"


def test_as_x_put_it_closing_the_sentence_attributes_the_marks_before() -> None:
    # '... a “...,” as X put it.': the idiom after the quotation names its speaker
    body = ("Fishing\nThe main test for the licence is a “boat of sound timber,” as a county "
            "memo put it.")
    assert _speaker(body, "boat of sound timber") == "a county memo"


def test_attribution_closing_a_colon_quotation_names_its_speaker() -> None:
    # 'The letter noted the cost it said ...: “...,” the guild wrote.': the attribution after
    # the quotation wins over a speech verb inside the clause before the colon
    body = ("Guild backs mayor\nThe letter also noted the change it said the mayor would bring: "
            "“Our members have waited long enough for fair pay,” the guild wrote.")
    assert _speaker(body, "Our members have waited long enough for fair pay") == "the guild"


def test_a_text_reads_its_words() -> None:
    # '“...,” the letter reads.' (lexicon quotes_manner_verbs): a text's words in marks
    body = ("Farmers write to council\nA group of farmers mailed a letter to the water board.\n\n"
            "“Our ditches have been dry since June,” the letter reads.")
    assert _speaker(body, "Our ditches have been dry since June") == "the letter"


def test_the_text_takes_the_actor_of_the_earlier_text_described_alike() -> None:
    # "A Harbour Times article hailed X as “...” ... “...,” the article read.": "the article"
    # is the earlier article, whose actor is its paper
    body = ("Old praise\nYears ago, a Harbour Times article hailed the mayor as “the builder.”\n\n"
            "“The mayor has cleared the debts of the city,” the article read.")
    s = body.index("Harbour Times")
    hints = [SpeakerHint(s, s + len("Harbour Times"), "harbour-times", "media")]
    rows = {q.text: q for q in extract_quotes(body, hints)}
    q = rows["The mayor has cleared the debts of the city"]
    assert (q.speaker_mention, q.speaker_actor_id) == ("the article", "harbour-times")


def test_a_resolved_body_description_as_subject_owns_the_words_after_its_verb() -> None:
    # "the council" takes up the Harbour Council named before; as the subject of a sentence
    # with words in marks after its verb and no other attribution, it owns them
    body = ("Harbour row\nThe Harbour Council met on Monday. On Friday, the council attacked "
            "the port authority’s plan as “a gift to the shipping lobby and to nobody else in "
            "town.”")
    q = _hinted(body, {"Harbour Council": ("harbour-council", "government_body")})[
        "a gift to the shipping lobby and to nobody else in town"]
    assert (q.speaker_mention, q.speaker_actor_id) == ("the council", "harbour-council")


def test_quoted_as_saying_after_the_quotation_attributes_it() -> None:
    # "“...,” X was quoted as saying." / "“...,” Agency quoted X as saying.": a trailing
    # attribution; the agency is the source
    body = ("Port talks\n“We will not leave the harbour,” the minister was quoted as saying.\n"
            "“The talks are over,” Harbour Radio quoted the envoy as saying.")
    rows = {q.text: q for q in extract_quotes(body)}
    assert rows["We will not leave the harbour"].speaker_mention == "the minister"
    q = rows["The talks are over"]
    assert (q.speaker_mention, q.source_mention, q.quote_type) == (
        "the envoy", "Harbour Radio", "direct")


def test_both_parts_of_an_interrupted_quotation_are_direct() -> None:
    # "“A,” X said, “B.”" and "“A,” said X, “B.”": one utterance an attribution interrupts
    for body in ("Row\n“We will stay,” Mayor Jane Okafor said, “and we will fight for the pier.”",
                 "Row\n“We will stay,” said Mayor Jane Okafor, “and we will fight for the pier.”"):
        rows = [(q.quote_type, q.speaker_mention) for q in extract_quotes(body)]
        assert rows == [("direct", "Jane Okafor"), ("direct", "Jane Okafor")]

"""The fast paths of the mention rules find what their slow equivalents find (invented text)."""

from __future__ import annotations

import re

from syria_deconfliction.extract.mentions.registry import FormIndex, _whole_runs_re

TEXT = ("Varnia's envoy met Belmoran officials; the Varnian-led talks in Old Harbour ended. "
        "VarniaX and Varnias are no names, nor is xVarnia, but Old Harbour_s is one run.")


def test_whole_runs_pattern_finds_the_listed_runs_only() -> None:
    runs = {"Varnia", "Old", "Belmoran", "talks", "V"}
    slow = [(m.start(), m.group()) for m in re.finditer(r"\w+", TEXT) if m.group() in runs]
    fast = [(m.start(), m.group()) for m in _whole_runs_re(runs).finditer(TEXT)]
    assert fast == slow
    assert list(_whole_runs_re(set()).finditer(TEXT)) == []
    # no run in lower case: the alternatives open with their character (another pattern form)
    capitals = {"Varnia", "Old", "Belmoran", "V", "VarniaX", "Harbour_s"}
    slow = [(m.start(), m.group()) for m in re.finditer(r"\w+", TEXT) if m.group() in capitals]
    assert [(m.start(), m.group()) for m in _whole_runs_re(capitals).finditer(TEXT)] == slow
    # asked for, the same form with runs in lower case too
    slow = [(m.start(), m.group()) for m in re.finditer(r"\w+", TEXT) if m.group() in runs]
    assert [(m.start(), m.group()) for m in _whole_runs_re(runs, literal_first=True)
            .finditer(TEXT)] == slow


def test_select_clusters_agree_with_longest_first_over_the_text() -> None:
    from syria_deconfliction.extract.mentions.matcher import _Matcher
    from syria_deconfliction.extract.mentions.registry import compile_registry

    actors = [{"id": "varnia", "name": "Varnia", "type": "state", "aliases": ["Varnian Army"]},
              {"id": "harbour", "name": "Old Harbour Council", "type": "organisation",
               "aliases": ["Harbour Council", "Council of Old Harbour"]},
              {"id": "ana", "name": "Ana Varnia Cruz", "type": "person"}]
    places = [{"id": "p1", "name": "Old Harbour"}, {"id": "p2", "name": "Harbour"}]
    text = ("Varnia said the Old Harbour Council of Old Harbour met Ana Varnia Cruz and the "
            "Varnian Army; the Council of Old Harbour Council and Harbour Council agreed.")
    matcher = _Matcher(compile_registry(actors, places))
    chosen = [(c.start, c.end, c.form) for c in matcher._select(text)]
    found = matcher.reg.main_index.overlapping(text)
    slow = [(c.start, c.end, c.form) for c in matcher._select_cluster(text, found)]
    assert chosen == slow
    assert len({c[0] for c in chosen}) == len(chosen) > 5


def test_form_index_matches_the_alternation() -> None:
    forms = ["Varnia", "Varnian", "Old Harbour", "Old", "Belmoran officials", "-led",
             "Varnia's envoy", "Varnia's", "Old Harbour ended", "Old Harbour_s", "Old Harb"]
    index = FormIndex(forms)
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=lambda s: (-len(s), s)))
    slow = [(m.start(), m.group(1))
            for m in re.finditer(rf"(?<![\w])(?=({alternation})(?![\w]))", TEXT)]
    assert list(index.overlapping(TEXT)) == slow
    # runs opening in lower case with one or two letters: searched apart, merged by start
    forms += ["talks in Old", "no names", "nor", "talks"]
    index = FormIndex(forms)
    assert index.lower_first_re is not None
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=lambda s: (-len(s), s)))
    slow = [(m.start(), m.group(1))
            for m in re.finditer(rf"(?<![\w])(?=({alternation})(?![\w]))", TEXT)]
    assert list(index.overlapping(TEXT)) == slow
    assert {f for _, f in slow} >= {"talks in Old", "no names", "nor", "Varnian"}


def test_guard_stem_lookup_agrees_with_stemming_every_word() -> None:
    from syria_deconfliction.extract.mentions.guard import _LowerWords, _stem

    text = ("Envoys were hoping talks moved on; the rebels' offer of moves, boxes and "
            "a well-known plan. Reporting by staff; he hoped, she reported.")
    lower = _LowerWords(text)
    every = {_stem(w) for w in lower.words()}
    for word in ("Hope", "Hoping", "Moves", "Move", "Rebels", "Box", "Boxes", "Known",
                 "Report", "Reporting", "Staffs", "Plans", "Planned", "Talk", "Offered"):
        assert lower.has_stem(_stem(word.lower())) == (_stem(word.lower()) in every), word


def test_guard_word_lookup_agrees_with_listing_every_word() -> None:
    from syria_deconfliction.extract.mentions.guard import _LowerWords, _stem

    text = ("Well-known talks: a pro-talks bloc, 9-plan, -moves and x'-boxes; the rebels' "
            "’tis offer 'offers' up-to-date Talks-led ab-cd -cd Xy-ef ef- ff_gg hopes'’ "
            "o'neill ho-hum’s")
    lower = _LowerWords(text)
    listed = lower.words()
    stems = {w.strip("'’") for w in listed}
    long = _LowerWords(text + " " * 20_001)  # a long text lists its words once
    for word in ("well-known", "known", "talks", "pro-talks", "plan", "moves", "boxes",
                 "rebels", "rebels'", "tis", "offer", "offers", "up-to-date", "date", "led",
                 "ab-cd", "cd", "ef", "ef-", "gg", "hopes", "o'neill", "neill", "hum",
                 "ho-hum’s", "x", "9", "Talks", ""):
        assert lower.has_word(word) == long.has_word(word) == (word in listed), word
        stem = _stem(word) if word else word
        slow = any(f in stems and _stem(f) == stem
                   for f in (stem, stem + "ing", stem + "ed", stem + "es", stem + "s"))
        assert lower.has_stem(stem) == long.has_stem(stem) == slow, word


def test_occurrences_agree_with_the_pattern() -> None:
    from syria_deconfliction.extract.mentions.candidates import _occurrences

    text = ("Kova met Kova-Ruiz; al-Kova and 'Kova, then KovaKova Kova_s Kova. Ana Kova Ana "
            "Kova Ana Kovan, Ana Kova-led, xAna Kova.")
    for form in ("Kova", "Ana Kova", "Ana Kova Ana", "al-Kova", "Kov"):
        for lead in ("'’", "'’-"):
            rx = re.compile(rf"(?<![\w{re.escape(lead)}]){re.escape(form)}(?![\w-])")
            assert list(_occurrences(text, form, lead)) == [m.span() for m in rx.finditer(text)]
            # a long text: the places come from the index of word runs
            long = (text + " ") * 300
            assert list(_occurrences(long, form, lead)) == [m.span() for m in rx.finditer(long)]


def test_demonym_phrase_pattern_agrees_with_the_look_behind_first_form() -> None:
    from syria_deconfliction.extract.mentions.candidates import _DEMONYM_PHRASE_RE

    slow = re.compile(r"(?<![\w-])([A-Z][a-z]{4,})[ \t]+(?:([a-z]+)[ \t]+)?([a-z]+)\b")
    text = ("Varnian troops and Belmoran special forces met; pro-Varnian units, xVarnian "
            "forces, Varnian\tofficials said. Varnians fled, Ruritanian-backed Varnian army")
    assert [m.span() + m.groups() for m in _DEMONYM_PHRASE_RE.finditer(text)] == \
        [m.span() + m.groups() for m in slow.finditer(text)]


AGENCY_TEXT = ("Rebels rejected government demands and the regime's coalition efforts; "
               "x-ray opposition  support, al-Varnia's'opposition\tdemands, rebels’ coalition "
               "plans. Coalition efforts stalled: government-led opposition campaign, "
               "opposition plans' government support. His government said its  army and "
               "HIS regime, their coalition, ITS military's, this government, hers army.")


def test_agency_starts_find_what_the_pattern_finds() -> None:
    from syria_deconfliction.extract.mentions.descriptions import (
        _agency_starts,
        _before_agency_re,
        _nouns,
    )
    from syria_deconfliction.extract.mentions.model import DEFAULT_LEXICON, matches_from

    rx, tail, _ = _before_agency_re(_nouns()[0], DEFAULT_LEXICON)
    slow = [m.span() + m.groups() for m in rx.finditer(AGENCY_TEXT)]
    fast = [m.span() + m.groups() for m in matches_from(rx, AGENCY_TEXT,
                                                        _agency_starts(AGENCY_TEXT, tail))]
    assert fast == slow and len(slow) >= 3


def test_pronoun_starts_find_what_the_pattern_finds() -> None:
    from syria_deconfliction.extract.mentions.descriptions import (
        _pronoun_body_re,
        _pronoun_starts,
    )
    from syria_deconfliction.extract.mentions.model import matches_from

    rx, pronoun, _ = _pronoun_body_re()
    for text in (AGENCY_TEXT, "This government and their army, HIS government; other army, "
                              "hers army, Its\tgovernment and xits army, its\narmy, her army.",
                 "his", "her  their\u00a0its_ his-their hisher, theirs their\n"):
        low = text.lower()
        # the str.find prefilter finds where the searched pattern matches
        assert _pronoun_starts(low) == [m.start() for m in pronoun.finditer(low)]
        starts = _pronoun_starts(low)
        assert [m.span() + m.groups() for m in matches_from(rx, text, starts)] == \
            [m.span() + m.groups() for m in rx.finditer(text)]
    assert _pronoun_starts("her  their\u00a0its_ his-their hisher, theirs their\n") == \
        [0, 5, 20, 41]
    assert len(list(rx.finditer(AGENCY_TEXT))) >= 4


def test_epithet_starts_find_what_the_pattern_finds() -> None:
    from syria_deconfliction.extract.mentions.epithets import _epithets, _patterns

    text = ("The Varnian leader met ex-Pentagon chief and AT&T chief; Varnian  leader Ana, "
            "the Belmoran leader of the party, Varnian leader, Ruritanian\nstrongman said. "
            "U.S. leader, x-Varnian chief, Varnian's leader, Ex-Varnian leader; DOD.chief "
            "Varnian-backed leader, x&Varnian leader, ex-ex-Varnian chief.")
    slow = [m.span() + m.groups() for m in _patterns()[0].finditer(text)]
    assert [m.span() + m.groups() for m in _epithets(text)] == slow and len(slow) >= 4


def test_literal_first_pattern_agrees_with_the_plain_one() -> None:
    from syria_deconfliction.extract.mentions.registry import _plain_literal_first_re, _plain_re

    forms = {"Cold War", "Cold", "Sunni", "War", "-led", "Old Harbour", "Varnia's"}
    for f in (forms, set()):
        assert [m.span() for m in _plain_literal_first_re(f).finditer(TEXT + " Cold War-led")] \
            == [m.span() for m in _plain_re(f).finditer(TEXT + " Cold War-led")]
    assert [m.span() for m in _plain_literal_first_re(forms).finditer("War Cold Warx")] == \
        [(0, 3), (4, 8)]


def test_description_pattern_agrees_with_the_word_boundary_form() -> None:
    from syria_deconfliction.extract.mentions.descriptions import _description_re

    new = _description_re()
    old = re.compile(new.pattern.replace(r"[Tt](?<!\w[Tt])he", r"\bThe".replace("T", "[Tt]")))
    text = ("The government said; the coalition's jets, bathe the army, xthe regime, "
            "the main opposition groups, The\tministry of defence, tithe government.")
    assert [m.span() + m.groups() for m in new.finditer(text)] == \
        [m.span() + m.groups() for m in old.finditer(text)]
    assert old.pattern.startswith(r"\b[Tt]he")


def test_title_before_agrees_with_the_honorific_pattern() -> None:
    from syria_deconfliction.extract.mentions.matcher import _context_res, _title_before
    from syria_deconfliction.extract.mentions.model import DEFAULT_LEXICON as lex

    rx = _context_res(lex)["honorific"]
    titles = lex.honorifics | lex.title_words
    text = ("said President  met Mr. x.Gen. talks with Under-Secretary \n"
            "(Gen. aGen. \"Minister\t_President (President)  Secretary-General Prime Minister ")
    for end in range(len(text) + 1):
        for start in (max(0, end - 40), max(0, end - 7)):
            window = text[start:end]
            assert _title_before(window, titles) == (rx.search(window) is not None), window


def test_role_window_prefilters_skip_only_windows_the_patterns_miss() -> None:
    from syria_deconfliction.extract.mentions.descriptions import (
        _role_before_ends,
        _role_before_re,
    )
    from syria_deconfliction.extract.mentions.model import DEFAULT_LEXICON, may_end_with
    from syria_deconfliction.extract.mentions.role_anaphora import _before_ends, _patterns

    windows = ["the Varnian rebel commander ", "rebel commander, Gen. ", "said Foreign Minister ",
               "(Minister ", "the envoy for Old Harbour, Gen. ", "met the envoy,\n", "said ",
               "spokesman", "", "  ", "a x.official ", "the spokesman\t\n", "President\n"]
    for rx, ends in ((_role_before_re(DEFAULT_LEXICON), _role_before_ends(DEFAULT_LEXICON)),
                     (_patterns(DEFAULT_LEXICON)[0], _before_ends(DEFAULT_LEXICON))):
        for w in windows:
            if rx.search(w) is not None:
                assert may_end_with(w, ends), w
        assert not may_end_with("said ", ends)


def test_written_lower_lookup_agrees_with_listing_the_runs() -> None:
    from syria_deconfliction.extract.mentions.candidates import _word_runs, _written_lower

    text = ("Operations began; special operations\nfollowed. They took to Twitter, wrote on "
            "twitter-feeds and the latest Latest-news; Latest items, x Harbour, harbour’s "
            "ab-Harbour, Twitter")
    runs, after_lower = _word_runs(text)
    for word in ("Operations", "Twitter", "Latest", "Harbour", "Special", "Followed",
                 "Wrote", "Items", "Ab-Harbour"):
        slow = word.lower() in runs and word not in after_lower
        assert _written_lower(text, word) == slow, word
        assert _written_lower(text + " " * 20_001, word) == slow, word


def test_last_word_agrees_with_the_trailing_space_search() -> None:
    from syria_deconfliction.extract.mentions.descriptions import _last_word

    for window in ("said President ", "the dictator\n", "x  President", "", "  ", "a\tb\n",
                   "(President) ", "President\u00a0", "one two three \n"):
        found = re.search(r"(\S+)\s+$", window)
        assert _last_word(window) == (found.group(1) if found else None), window


def test_guard_name_tokens_agree_with_the_one_pattern() -> None:
    from syria_deconfliction.extract.mentions.guard import _NAME_TOKEN_RE, _name_tokens

    text = ("Ana O'Neil and D’Arcy met al-Varni, el-Kova-al-Ruse and U.S.-led A.B.C. forces; "
            "x-Ray, ab-Cd-ef-Gh, Rol's men, 3-D, the-End, xal-Varni and É.Ü. Émile-Zola. "
            "bin-Laden'Y, I, al-, -Q and abcd-Efg.")
    assert [m.span() for m in _name_tokens(text)] == \
        [m.span() for m in _NAME_TOKEN_RE.finditer(text)]
    assert [m.group() for m in _name_tokens(text) if "-" in m.group()[:4]]


def test_article_first_patterns_agree_with_the_look_behind_first_form() -> None:
    from syria_deconfliction.extract.mentions import epithets, kinds
    from syria_deconfliction.extract.mentions.model import ARTICLE_FORMS, DEFAULT_LEXICON
    from syria_deconfliction.extract.patterns import words_after_no

    fronted, kind = epithets._fronted_re(DEFAULT_LEXICON), kinds._pattern()
    articles = words_after_no(ARTICLE_FORMS, r"[\w-]")
    old_fronted = re.compile(fronted.pattern.replace(
        f"(?:{articles})", r"(?<![\w-])(?:[Aa]n?|[Tt]he)"))
    old_kind = re.compile(kind.pattern.replace(f"({articles})", r"(?<![\w-])([Tt]he|[Aa]n?)"))
    assert old_fronted.pattern != fronted.pattern and old_kind.pattern != kind.pattern
    text = ("The state-run news agency and xthe agency, a monitoring group, -a TV station and "
            "An opposition spokesman, former Prime Minister ")
    assert [(m.span(), m.groups()) for m in kind.finditer(text)] == \
        [(m.span(), m.groups()) for m in old_kind.finditer(text)]
    assert [m.span() for m in kind.finditer(text)]
    for end in range(len(text) + 1):
        a, b = fronted.search(text, 0, end), old_fronted.search(text, 0, end)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert fronted.search(text) is not None


def test_locative_context_agrees_with_searching_the_window() -> None:
    from syria_deconfliction.extract.mentions.matcher import _context_res, _locative_before
    from syria_deconfliction.extract.mentions.model import DEFAULT_LEXICON as lex

    text = ("Fighting in northern Varnia, north of the rebel-held Old Harbour and (in Belmor "
            "near\nthe border with the Varnian coast; IN THE Kesh, Off Varnia, outwith Sora, "
            "the north-east of Tarn, East of  Tarn, a war in\tVarnia said Sola, and held Tor.")
    rx = _context_res(lex)["locative"]
    for start in range(len(text) + 1):
        slow = rx.search(text[max(0, start - 60) : start]) is not None
        assert _locative_before(lex, text, start) == slow, start
    assert sum(_locative_before(lex, text, s) for s in range(len(text) + 1)) > 5

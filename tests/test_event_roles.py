"""Source and target rules of the event finder on invented sentences (one test per rule):
clause boundaries, fronted phrases, passive agents, adjectives and coordinated sides."""

from __future__ import annotations

from test_event_candidates import one


def test_verb_after_said_x_is_not_an_inverted_frame() -> None:
    # ", says X V ..." with X the subject of the next verb: X is no speaker of an inverted frame
    c = one("The spokesman for the Blue Brigade, Ana Kova, says Freedonian troops shelled Zenda.",
            "shelled")
    assert c.source_actor_id == "freedonia-military"


def test_subordinate_clause_has_its_own_subject() -> None:
    # "since/as/after X <verb>": X, not the main clause's subject
    c = one("Freedonia has led the talks since Ruritania joined the war last year.",
            "joined the war")
    assert c.source_actor_id == "ruritania-military"


def test_fronted_phrase_before_the_subject_is_skipped() -> None:
    # "A day after X ..., Y met Z": Y meets, not X
    c = one("A day after the commander of the Blue Brigade was killed, Ana Kova met "
            "Freedonia on Wednesday.", "met")
    assert c.source_actor_id == "ana-kova"

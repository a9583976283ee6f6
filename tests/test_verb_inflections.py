"""The verb inflection table (raw/knowledge/lexicon/inflections.yaml) is lemminflect's answer
for every verb the trigger lexicon inflects, so that loading the lexicon needs no lemminflect."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

from syria_deconfliction.extract.events import trigger_lexicon as tl

sys.path.insert(0, str(ROOT / "scripts"))
import gen_verb_inflections as gen  # noqa: E402


def test_table_in_sync_with_lemminflect() -> None:
    """Fails after a verb is added to event_triggers.yaml: run scripts/gen_verb_inflections.py."""
    assert gen.OUT.read_text(encoding="utf-8") == gen.render()


def _load(monkeypatch: pytest.MonkeyPatch, **patches: object) -> tl.TriggerLexicon:
    with monkeypatch.context() as m:
        for name, value in patches.items():
            m.setattr(tl, name, value)
        tl._load_cached.cache_clear()
        try:
            return tl.load_lexicon()
        finally:
            tl._load_cached.cache_clear()


def test_table_gives_what_lemminflect_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading never asks lemminflect (every verb is in the table), and yields the lexicon that
    lemminflect alone yields."""
    def refuse(verb: str) -> tuple[str, ...]:
        raise AssertionError(f"{verb!r} is missing from the inflection table")

    from_table = _load(monkeypatch, lemminflect_inflections=refuse)
    from_lemminflect = _load(monkeypatch, _inflection_table=dict)
    assert from_table.entries == from_lemminflect.entries
    assert from_table.frames == from_lemminflect.frames
    assert from_table.statements == from_lemminflect.statements


def test_verb_outside_table_asks_lemminflect() -> None:
    assert "bequeath" not in tl._inflection_table()
    assert tl._known_inflections("bequeath") == tl.lemminflect_inflections("bequeath")
    assert "bequeathed" in tl.inflect_verb("bequeath")

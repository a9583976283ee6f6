"""The extract CLI's process freezes what lives as long as it (gc.freeze); a library call of
run() leaves the caller's collector alone."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from syria_deconfliction.corpus import runner

TEXT = """Envoys meet in Vienna to discuss a ceasefire

VIENNA - Russian and American envoys met on Thursday to discuss a ceasefire in Syria, officials
said on Friday.
"""


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, freeze: bool) -> int:
    monkeypatch.setattr(runner, "FREEZE_GC", freeze)
    monkeypatch.setattr(runner, "_KNOWLEDGE", None)  # load (and freeze) as a new process would
    monkeypatch.setattr(runner, "_WARM", False)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    before = gc.get_freeze_count()
    try:
        report = runner.run([str(tmp_path / "in")], tmp_path / "out")
        assert report.articles == 1
        return gc.get_freeze_count() - before
    finally:
        gc.unfreeze()  # the test process goes on as before


def test_library_run_does_not_freeze(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gc.unfreeze()
    assert _run(tmp_path, monkeypatch, freeze=False) == 0


def test_cli_process_freezes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(tmp_path, monkeypatch, freeze=True) > 0

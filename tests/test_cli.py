"""The command line interface."""

from __future__ import annotations

import subprocess
import sys

import pytest

from syria_deconfliction.cli import main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "syria_deconfliction", *args],
                          capture_output=True, text=True)


@pytest.mark.parametrize("command", ["build", "validate", "info"])
def test_help(command: str) -> None:
    proc = _run(command, "--help")
    assert proc.returncode == 0 and "usage: syria-deconfliction" in proc.stdout


def test_info_lists_tables_rows_version_and_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "data version" in out and "articles" in out and "articles.parquet" in out
    assert "rows" in out


def test_validate_passes_on_committed_outputs() -> None:
    proc = _run("validate")
    assert proc.returncode == 0, proc.stderr
    assert "validation: OK" in proc.stdout


def test_unknown_command_fails() -> None:
    assert _run("frobnicate").returncode == 2

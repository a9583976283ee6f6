"""The command line interface."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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


def test_version() -> None:
    from syria_deconfliction import __version__

    proc = _run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"syria-deconfliction {__version__}"


def test_every_subcommand_help_has_a_description() -> None:
    from syria_deconfliction.cli import parser

    sub = next(a for a in parser()._actions if a.dest == "command")
    assert set(sub.choices) >= {"build", "validate", "info", "extract", "add", "hydrate"}
    for name, p in sub.choices.items():
        page = p.format_help()
        assert p.description and p.description.endswith("."), name
        assert " ".join(p.description.split())[:40] in " ".join(page.split()), name


FIXTURE_ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def test_extract_progress_has_a_total_and_time_left(tmp_path: Path) -> None:
    n = len(list(FIXTURE_ARTICLES.glob("*.txt")))
    proc = _run("extract", str(FIXTURE_ARTICLES), "--out", str(tmp_path / "o"))
    assert proc.returncode == 0, proc.stderr
    assert f"0/{n} " in proc.stderr and f"{n}/{n} " in proc.stderr, proc.stderr
    assert re.search(r"<\d\d:\d\d", proc.stderr), proc.stderr  # time left
    # a resumed run counts only what is left (here nothing)
    again = _run("extract", str(FIXTURE_ARTICLES), "--out", str(tmp_path / "o"))
    assert f"/{n} " not in again.stderr and "0article" in again.stderr, again.stderr


def test_extract_error_is_on_its_own_line_after_the_bar(tmp_path: Path) -> None:
    proc = _run("extract", str(tmp_path / "nope*.txt"), "--out", str(tmp_path / "o"))
    assert proc.returncode == 2
    lines = re.split(r"[\r\n]", proc.stderr)
    failed = [i for i, line in enumerate(lines) if "extract failed" in line]
    assert failed and lines[failed[0]].startswith("extract failed: "), proc.stderr
    assert "article" in proc.stderr[: proc.stderr.index("extract failed")]  # bar came first

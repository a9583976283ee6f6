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


def _package_copy(fresh_build, dest):
    """A copy of a built package (datapackage.json beside build/tables) to damage."""
    import shutil

    shutil.copytree(fresh_build / "build" / "tables", dest / "build" / "tables")
    shutil.copy(fresh_build / "datapackage.json", dest / "datapackage.json")
    return dest


def test_validate_a_folder_reports_a_truncated_parquet_in_one_line(fresh_build, tmp_path) -> None:
    pkg = _package_copy(fresh_build, tmp_path / "pkg")
    assert _run("validate", str(pkg)).returncode == 0
    f = pkg / "build" / "tables" / "quotes.parquet"
    f.write_bytes(f.read_bytes()[: len(f.read_bytes()) // 2])
    proc = _run("validate", str(pkg))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "table quotes: cannot read its files" in proc.stderr


def test_info_reports_a_truncated_parquet_without_a_traceback(fresh_build, tmp_path) -> None:
    pkg = _package_copy(fresh_build, tmp_path / "pkg")
    f = pkg / "build" / "tables" / "events.parquet"
    f.write_bytes(f.read_bytes()[:100])
    code = (
        "import sys, pathlib, syria_deconfliction.loader as L, syria_deconfliction.cli as c;"
        f"d = pathlib.Path({str(pkg)!r});"
        "L._locate = lambda: (d / 'datapackage.json', d / 'build' / 'tables');"
        "sys.exit(c.main(['info']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert re.search(r"events +unreadable", proc.stdout), proc.stdout
    assert re.search(r"quotes +\d+ rows", proc.stdout)


def test_validate_text_free_package_and_extract_output(fresh_build, tmp_path) -> None:
    from syria_deconfliction.pipeline.run import build

    text_free = tmp_path / "text-free"
    build(fresh_build, today=__import__("conftest").TODAY, text_free_out=text_free)
    proc = _run("validate", str(text_free))
    assert proc.returncode == 0, proc.stderr
    article = Path(__file__).parent / "fixtures" / "articles" / "f04_sochi_patrols.txt"
    out = tmp_path / "extracted"
    assert _run("extract", str(article), "--out", str(out), "--quiet").returncode == 0
    proc = _run("validate", str(out))
    assert proc.returncode == 0 and "keys unique across partitions" in proc.stdout, proc.stderr
    proc = _run("validate", str(tmp_path))
    assert proc.returncode == 1 and "neither a data package" in proc.stderr


def test_validate_refuses_a_file_in_one_line(tmp_path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("a\n", encoding="utf-8")
    proc = _run("validate", str(f))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "not a folder" in proc.stderr


@pytest.mark.parametrize("descriptor", ['{"resources": 5}', "not json", '{"resources": [{}]}'])
def test_damaged_package_is_one_line_for_validate_and_hydrate(descriptor: str, tmp_path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "datapackage.json").write_text(descriptor, encoding="utf-8")
    val = _run("validate", str(pkg))
    assert val.returncode == 1 and "not a readable data package" in val.stderr
    hyd = _run("hydrate", str(pkg), "--out", str(tmp_path / "out"))
    assert hyd.returncode == 1 and "Traceback" not in hyd.stderr and "hydrate failed" in hyd.stderr
    assert hyd.stderr.count("\n") == 1 and not (tmp_path / "out").exists()

"""Outputs never overwrite inputs: `--out` refuses what a user gave, one build per output
folder at a time, and what killed builds leave behind is cleaned up by the next one."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, output_digests

from syria_deconfliction.errors import InputError
from syria_deconfliction.pipeline.check import check_folder
from syria_deconfliction.pipeline.outdir import MARKER
from syria_deconfliction.pipeline.run import build, hydrate_package


def _tree(folder: Path) -> dict[str, str]:
    """Every file under folder with its sha256 (what must survive a refused build)."""
    return {
        str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def _user_folder(root: Path) -> Path:
    d = root / "mine"
    d.mkdir()
    (d / "notes.txt").write_text("An invented note of the user.\n", encoding="utf-8")
    return d


TARGETS = {
    "raw": lambda root: root / "raw",
    "raw/articles": lambda root: root / "raw" / "articles",
    "the checkout": lambda root: root,
    "src": lambda root: root / "src",
    "build": lambda root: root / "build",
    "a user's folder": _user_folder,
}


@pytest.mark.parametrize("mode", ["no_text", "include_drafts"])
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_out_refuses_what_a_user_gave(mode: str, target: str, project: Path) -> None:
    (project / "src").mkdir(exist_ok=True)
    (project / "src" / "module.py").write_text("VALUE = 1\n", encoding="utf-8")
    out = TARGETS[target](project)
    before = _tree(project)
    kwargs = {"text_free_out": out} if mode == "no_text" else {"include_drafts": True, "out": out}
    with pytest.raises(InputError) as info:
        build(project, today=TODAY, **kwargs)
    assert "\n" not in str(info.value) and "Fix:" in str(info.value)
    assert _tree(project) == before


def test_out_refuses_a_file(project: Path) -> None:
    f = project / "table.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="names a file"):
        build(project, today=TODAY, text_free_out=f)
    assert f.read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_drafts_never_go_into_the_text_free_folder(project: Path) -> None:
    with pytest.raises(InputError, match="never goes into dist/text-free"):
        build(project, today=TODAY, include_drafts=True, out=project / "dist" / "text-free")
    with pytest.raises(InputError, match="both given"):
        build(project, today=TODAY, include_drafts=True, out=project / "dist" / "x",
              text_free_out=project / "dist" / "y")


def test_own_output_is_replaced_but_a_file_added_by_a_person_is_kept(project: Path) -> None:
    out = project / "dist" / "package"
    build(project, today=TODAY, text_free_out=out)
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert marker["kind"] == "text-free" and "datapackage.json" in marker["files"]
    build(project, today=TODAY, text_free_out=out)  # its own folder: replaced
    (out / "my_analysis.py").write_text("print('mine')\n", encoding="utf-8")
    with pytest.raises(InputError, match="did not write"):
        build(project, today=TODAY, text_free_out=out)
    assert (out / "my_analysis.py").is_file()
    # A text-free package is never replaced by a drafts package (which holds the words).
    (out / "my_analysis.py").unlink()
    with pytest.raises(InputError, match="holds a text-free package"):
        build(project, today=TODAY, include_drafts=True, out=out)
    # The hydrated package is a valid package where it is written, and can be written again.
    restored = project / "dist" / "restored"
    for _ in range(2):
        hydrate_package(out, project / "raw" / "articles",
                        project / "raw" / "knowledge" / "boilerplate.yaml", restored, root=project)
    result = check_folder(restored, frictionless=False)
    assert result.ok, result.problems


def test_hydrate_refuses_a_users_folder(project: Path) -> None:
    mine = _user_folder(project)
    before = _tree(mine)
    with pytest.raises(InputError, match="not empty"):
        hydrate_package(project / "nowhere", project / "raw" / "articles",
                        project / "raw" / "knowledge" / "boilerplate.yaml", mine, root=project)
    assert _tree(mine) == before


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_running_build_holds_the_lock(project: Path) -> None:
    lock = project / "build" / ".lock"
    lock.write_text(f"{os.getppid()}\n", encoding="utf-8")  # a live process
    before = output_digests(project)
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    assert f"another run (process {os.getppid()})" in str(info.value)
    assert output_digests(project) == before and lock.is_file()


def test_stale_lock_and_staging_of_killed_builds_are_cleaned(project: Path) -> None:
    dead = _dead_pid()
    (project / "build" / ".lock").write_text(f"{dead}\n", encoding="utf-8")
    for name in (f".staging-{dead}", f".previous-{dead}"):
        (project / "build" / name / "tables").mkdir(parents=True)
        (project / "build" / name / "tables" / "half.csv").write_text("x\n", encoding="utf-8")
    build(project, today=TODAY)
    left = sorted(p.name for p in (project / "build").iterdir() if p.name.startswith("."))
    assert left == []


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys, syria_deconfliction.paths as p, pathlib;"
        f"p.ROOT = pathlib.Path({str(project)!r}); p.RAW = p.ROOT / 'raw';"
        "import syria_deconfliction.cli as c;"
        f"sys.exit(c.main({list(args)!r}))"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=project)


def test_cli_refusal_is_one_line_and_true(project: Path) -> None:
    before = _tree(project / "raw")
    proc = _cli(project, "build", "--no-text", "--out", "raw")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("build failed: raw: --out is inside the project's raw/")
    assert lines[1] == "raw was left as it was."
    assert _tree(project / "raw") == before


def test_cli_drafts_and_text_free_have_separate_defaults(project: Path) -> None:
    proc = _cli(project, "build", "--include-drafts")
    assert proc.returncode == 0, proc.stderr
    assert (project / "dist" / "with-drafts" / "datapackage.json").is_file()
    assert not (project / "dist" / "text-free").exists()
    result = check_folder(project / "dist" / "with-drafts", frictionless=False)
    assert result.ok, result.problems


@pytest.mark.parametrize("args,message", [
    (["build", "--out", "dist/x"], "--out is only for --no-text or --include-drafts"),
    (["build", "--no-text", "--include-drafts"], "were both given"),
    (["build", "--include-drafts", "--out", "dist/text-free"], "never goes into dist/text-free"),
])
def test_cli_out_misuse_is_one_line(args: list[str], message: str, project: Path) -> None:
    proc = _cli(project, *args)
    assert proc.returncode == 1 and message in proc.stderr and "Traceback" not in proc.stderr
    assert not (project / "dist").exists()

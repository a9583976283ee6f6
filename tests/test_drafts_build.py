"""Drafts written by `add` (raw/curation/drafts/) are checked like every curation file: a bad
draft is one line naming the draft, never a traceback, and never reads outside raw/articles."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TODAY, output_digests

from syria_deconfliction.corpus.add import add_article
from syria_deconfliction.errors import InputError
from syria_deconfliction.pipeline.run import build

SECRET = "Marmalade orbit violin thunder"  # words that must never reach a message


def _draft(root: Path, doc: Any, name: str = "2020-01-01-x-invented.yaml") -> Path:
    folder = root / "raw" / "curation" / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc), encoding="utf-8")
    return path


def _article(source_file: str, sha: str = "0" * 64) -> dict[str, Any]:
    return {"status": "unreviewed",
            "article": {"article_id": "2020-01-01-x-invented", "source_file": source_file,
                        "raw_sha256": sha}}


BAD = {
    "empty file": ("", r"the file holds null, not a mapping"),
    "a list": ("- a\n- b\n", r"the file holds a list"),
    "unknown status": ({**_article("a.txt"), "status": "maybe"}, r"status 'maybe'"),
    "no article": ({"status": "unreviewed"}, r"missing field\(s\) article"),
    "hash zero": ({"status": "unreviewed", "article": {
        "article_id": "2020-01-01-x-invented", "source_file": "a.txt", "raw_sha256": 0}},
        r"raw_sha256 is a whole number"),
    "missing article file": (_article("absent.txt"), r"no file raw/articles/absent.txt"),
    "alias": ("status: &s unreviewed\nother: *s\n", r"anchors and aliases"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_draft_is_one_line_naming_the_draft(case: str, project: Path) -> None:
    doc, message = BAD[case]
    _draft(project, doc)
    before = output_digests(project)
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    line = str(info.value)
    assert line.startswith("raw/curation/drafts/2020-01-01-x-invented.yaml"), line
    assert re.search(message, line) and "\n" not in line and "Fix:" in line, line
    assert output_digests(project) == before


@pytest.mark.parametrize("name", ["../outside.txt", "../../../outside.txt", "/etc/hostname",
                                  "link.txt"])
def test_draft_source_file_cannot_climb_out(name: str, project: Path) -> None:
    outside = project / "raw" / "outside.txt"
    outside.write_text(f"{SECRET}.\n", encoding="utf-8")
    (project / "raw" / "articles" / "link.txt").symlink_to(outside)
    _draft(project, _article(name, hashlib.sha256(outside.read_bytes()).hexdigest()))
    out = project / "dist" / "with-drafts"
    with pytest.raises(InputError) as info:
        build(project, today=TODAY, include_drafts=True, out=out)
    line = str(info.value)
    assert "not a file name inside raw/articles" in line and SECRET not in line
    assert not out.exists()


def test_draft_whose_article_changed_is_refused(project: Path, tmp_path: Path) -> None:
    src = tmp_path / "2020-03-04-invented.txt"
    src.write_text("Invented Council Repairs Bridge\n\nMarch 4, 2020\n\nThe invented council "
                   "said on Wednesday it would repair the bridge.\n", encoding="utf-8")
    draft = add_article(src, project / "raw", TODAY)
    copy = project / "raw" / "articles" / src.name
    copy.write_bytes(copy.read_bytes() + b"\nAn added line.\n")
    with pytest.raises(InputError) as info:
        build(project, today=TODAY, include_drafts=True, out=project / "dist" / "d")
    assert "sha256 is" in str(info.value) and draft.name in str(info.value)


def test_undated_headline_less_draft_builds_or_says_why(project: Path, tmp_path: Path) -> None:
    """An article with no date and no headline: the drafts build either gives it a valid id or
    fails in one line naming the draft, and then truly leaves everything as it was."""
    src = tmp_path / "undated.txt"
    src.write_text("The invented council met on a rainy afternoon and agreed to repair the "
                   "bridge near the market.\n\nOfficials said the work would take weeks.\n",
                   encoding="utf-8")
    add_article(src, project / "raw", TODAY)
    before = output_digests(project)
    code = (
        "import sys, syria_deconfliction.paths as p, pathlib;"
        f"p.ROOT = pathlib.Path({str(project)!r}); p.RAW = p.ROOT / 'raw';"
        "import syria_deconfliction.cli as c;"
        "sys.exit(c.main(['build', '--include-drafts', '--out', 'dist/d']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=project)
    assert "Traceback" not in proc.stderr
    assert output_digests(project) == before  # build/ is never touched by a drafts build
    if proc.returncode == 0:
        import pandas as pd

        ids = pd.read_csv(project / "dist" / "d" / "tables" / "articles.csv")["article_id"]
        assert ids.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*").all()
    else:
        lines = proc.stderr.strip().splitlines()
        assert lines[0].startswith("build failed: raw/curation/drafts/"), lines
        assert lines[1] == "dist/d was left as it was." and not (project / "dist" / "d").exists()

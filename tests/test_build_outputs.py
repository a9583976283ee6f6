"""The build: reproducible, equal to what is committed, valid for Frictionless."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, TODAY, copy_project, output_digests

from syria_deconfliction.pipeline.check import check_published
from syria_deconfliction.pipeline.run import build


def _digests(root: Path) -> dict[str, str]:
    return output_digests(root)


def test_two_builds_are_byte_identical(fresh_build: Path, tmp_path: Path) -> None:
    again = copy_project(tmp_path / "again")
    build(again, today=TODAY)
    assert _digests(again) == _digests(fresh_build)


def test_committed_outputs_equal_a_fresh_build(fresh_build: Path) -> None:
    committed, fresh = _digests(ROOT), _digests(fresh_build)
    drift = sorted(k for k in fresh.keys() | committed.keys() if fresh.get(k) != committed.get(k))
    assert not drift, (
        f"committed outputs differ from a fresh build in {drift}: run 'make data' and commit"
    )
    assert (
        any(k.startswith("build/figures/") for k in fresh)
        and "build/syria_deconfliction.sqlite" in fresh
    )


def test_published_files_pass_every_check(fresh_build: Path) -> None:
    result = check_published(fresh_build)
    assert result.ok, result.problems
    assert result.rows["articles"] == len(list((ROOT / "raw" / "articles").iterdir()))


def test_frictionless_cli_reports_zero_errors() -> None:
    exe = Path(sys.executable).with_name("frictionless")
    proc = subprocess.run(
        [str(exe), "validate", "--json", "datapackage.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    report = json.loads(proc.stdout)
    assert report["valid"], proc.stdout[-2000:]
    assert proc.returncode == 0
    assert {t["name"] for t in report["tasks"]} >= {"articles", "articles-parquet"}


def test_datapackage_describes_every_file(fresh_build: Path) -> None:
    desc = json.loads((fresh_build / "datapackage.json").read_text())
    for key in (
        "name",
        "title",
        "version",
        "description",
        "keywords",
        "licenses",
        "sources",
        "contributors",
        "created",
    ):
        assert desc.get(key), key
    assert any("publishers" in (lic.get("title") or "") for lic in desc["licenses"])
    for res in desc["resources"]:
        data = (fresh_build / res["path"]).read_bytes()
        assert res["bytes"] == len(data)
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert res["schema"]["fields"] and res["mediatype"] and res["format"] in {"csv", "parquet"}
    names = {r["name"] for r in desc["resources"]}
    assert all(f"{n}-parquet" in names for n in names if not n.endswith("-parquet"))


def test_nothing_is_left_for_a_curator(fresh_build: Path) -> None:
    """No unaccounted name, uncovered event candidate, unreviewed quote, article without events
    or pending draft."""
    report = build(fresh_build, today=TODAY)
    assert report.gaps == {}

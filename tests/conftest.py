"""Shared fixtures: a throwaway copy of the project to build into, and the committed tables."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 21)


OUTPUTS = ("build/tables", "build/figures", "build/syria_deconfliction.sqlite",
           "build/metadata.json", "datapackage.json", "docs/DATA_DICTIONARY.md")


def copy_project(dest: Path) -> Path:
    """A minimal project copy (raw/ and the committed outputs) that a build can write into."""
    shutil.copytree(ROOT / "raw", dest / "raw")
    for rel in OUTPUTS:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dest / rel)
        elif src.exists():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest / rel)
    return dest


def output_digests(root: Path) -> dict[str, str]:
    """sha256 of every published output file, by path relative to the project."""
    import hashlib

    out = {}
    for rel in OUTPUTS:
        p = root / rel
        for f in sorted(p.rglob("*")) if p.is_dir() else [p]:
            if f.is_file():
                out[str(f.relative_to(root))] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once from raw/ into a temporary folder."""
    from syria_deconfliction.pipeline.run import build

    root = copy_project(tmp_path_factory.mktemp("fresh") / "project")
    build(root, today=TODAY)
    return root


@pytest.fixture(scope="session")
def tables(fresh_build: Path):
    """Every table of the fresh build as the loader would return it."""
    import json

    from syria_deconfliction.loader import read_table_file

    desc = json.loads((fresh_build / "datapackage.json").read_text())
    out = {}
    for res in desc["resources"]:
        if res["format"] == "parquet":
            out[res["name"].removesuffix("-parquet")] = read_table_file(
                fresh_build / res["path"], res["schema"]["fields"], "parquet")
    return out

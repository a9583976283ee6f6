"""Shared fixtures: a throwaway copy of the project to build into, and the committed tables."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 21)


def copy_project(dest: Path) -> Path:
    """A minimal project copy (raw/ and the committed outputs) that a build can write into."""
    shutil.copytree(ROOT / "raw", dest / "raw")
    if (ROOT / "build" / "tables").exists():
        shutil.copytree(ROOT / "build" / "tables", dest / "build" / "tables")
    shutil.copy(ROOT / "datapackage.json", dest / "datapackage.json")
    return dest


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

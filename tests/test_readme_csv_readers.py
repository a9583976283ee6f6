"""The README's recipes for reading the CSVs without the loader keep the codes' leading zeros.

The pandas and DuckDB snippets are taken from the README itself and run, so the README cannot
drift from what works."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import ROOT

import syria_deconfliction as sd
from syria_deconfliction.pipeline.schemas import table_schemas, text_code_columns

SECTION = "## Reading the CSV files without the loader"


def _snippet(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[: section.index("\n## ", len(SECTION))]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    return next(b for b in blocks if marker in b)


def _run(code: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch.chdir(ROOT)
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 (the project's own README)
    return scope


def test_the_problem_is_real() -> None:
    """Without being told, pandas turns CAMEO codes into numbers and loses zeros."""
    naive = pd.read_csv(ROOT / "build/tables/cameo_codes.csv")
    assert pd.api.types.is_integer_dtype(naive["code"])
    assert naive["code"].duplicated().any()  # '010' and '10' collapse into one value


def _check(frames: dict[str, pd.DataFrame]) -> None:
    codes = text_code_columns(table_schemas())
    for table, df in frames.items():
        want = sd.load(table)
        for col in codes[table]:
            assert df[col].tolist() == want[col].tolist(), (table, col)
    assert frames["cameo_codes"]["code"].is_unique
    assert frames["events"]["cameo_code"].str.startswith("0").any()


def test_pandas_recipe_keeps_leading_zeros(monkeypatch: pytest.MonkeyPatch) -> None:
    scope = _run(_snippet("pd.read_csv"), monkeypatch)
    _check({"events": scope["events"], "events_flat": scope["flat"],
            "cameo_codes": scope["codes"]})


def test_duckdb_recipe_keeps_leading_zeros(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("duckdb")
    scope = _run(_snippet("duckdb.sql"), monkeypatch)
    _check({"events": scope["events"], "cameo_codes": scope["codes"]})


def test_readme_names_every_text_code_column() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    for table, cols in text_code_columns(table_schemas()).items():
        assert f"`{table}`" in section[:1200], table
        for col in cols:
            assert f"`{col}`" in section[:1200], col

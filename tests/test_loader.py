"""The loader: one obvious function, real dtypes, light imports, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT

import syria_deconfliction as sd

BUILD_STACK = (
    "pandera",
    "frictionless",
    "yaml",
    "matplotlib",
    "networkx",
    "spacy",
    "syria_deconfliction.pipeline",
    "syria_deconfliction.extract",
)


def test_every_table_loads_with_schema_dtypes() -> None:
    for table in sd.tables():
        df = sd.load(table)
        assert list(df.columns) == [f["name"] for f in sd.schema(table)["fields"]]
        for f in sd.schema(table)["fields"]:
            col, enum = df[f["name"]], (f.get("constraints") or {}).get("enum")
            if f["type"] == "date":
                assert pd.api.types.is_datetime64_dtype(col), f["name"]
            elif f["type"] == "integer":
                assert str(col.dtype) == "Int64", f["name"]
            elif enum is not None:
                assert isinstance(col.dtype, pd.CategoricalDtype)
                assert list(col.cat.categories) == enum
            elif f["type"] == "array":
                assert all(isinstance(v, list) for v in col)


def test_csv_and_parquet_load_the_same_rows() -> None:
    for table in sd.tables():
        a, b = sd.load(table), sd.load(table, format="csv")
        pd.testing.assert_frame_equal(
            a.astype(object).where(a.notna(), None),
            b.astype(object).where(b.notna(), None),
            check_dtype=False,
        )


def test_articles_dates_are_dates() -> None:
    articles = sd.load("articles")
    assert articles["published_date"].dt.year.between(2015, 2020).all()


def test_unknown_table_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match="unknown table 'evnts'; valid tables: articles"):
        sd.load("evnts")
    with pytest.raises(ValueError, match="valid formats: parquet, csv"):
        sd.path("articles", "xlsx")


def test_paths_point_at_published_files() -> None:
    assert sd.path("articles").name == "articles.parquet"
    assert sd.path("articles", "csv").read_text(encoding="utf-8").startswith("article_id,")
    assert sd.version() == json.loads((ROOT / "datapackage.json").read_text())["version"]


def test_loading_does_not_import_the_build_stack() -> None:
    code = (
        "import sys, syria_deconfliction as sd\n"
        "for t in sd.tables(): sd.load(t); sd.load(t, format='csv')\n"
        f"bad = [m for m in sys.modules if m.startswith({BUILD_STACK!r})]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_is_cheap() -> None:
    code = (
        "import sys, syria_deconfliction\nprint('pandas' in sys.modules, 'pyarrow' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]

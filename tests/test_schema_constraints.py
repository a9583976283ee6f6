"""Each constraint written in schemas/ really rejects a bad row (via the derived pandera schema)."""

from __future__ import annotations

import pandas as pd
import pytest

from syria_deconfliction.pipeline.schemas import table_schemas
from syria_deconfliction.pipeline.validate import (
    ValidationFailure,
    check_foreign_keys,
    check_spans,
    validate_table,
)


def _violations():
    """(table, field, constraint) for every constraint in every schema."""
    for name, schema in table_schemas().items():
        for f in schema.fields:
            for constraint in f.get("constraints") or {}:
                yield name, f["name"], constraint


def _break(df: pd.DataFrame, field: dict, constraint: str) -> pd.DataFrame | None:
    bad = df.copy()
    col, c = field["name"], field["constraints"]
    if constraint == "required":
        if field["type"] == "array":
            bad[col] = bad[col].astype(object)
            bad.at[0, col] = None
        else:
            bad[col] = (
                bad[col].astype(object)
                if isinstance(bad[col].dtype, pd.CategoricalDtype)
                else bad[col]
            )
            bad.loc[0, col] = None
            if isinstance(df[col].dtype, pd.CategoricalDtype):
                bad[col] = pd.Categorical(bad[col], categories=df[col].cat.categories)
    elif constraint == "unique":
        if len(bad) < 2:
            return None
        bad.loc[1, col] = bad.loc[0, col]
    elif constraint == "enum":
        bad[col] = pd.Categorical(bad[col].astype(object), categories=[*c["enum"], "not-allowed"])
        bad.loc[0, col] = "not-allowed"
    elif constraint == "minimum":
        bad.loc[0, col] = c["minimum"] - 1
    elif constraint == "maximum":
        bad.loc[0, col] = c["maximum"] + 1
    elif constraint == "pattern":
        bad.loc[0, col] = "!! does not match !!"
    else:
        raise AssertionError(f"no test for constraint {constraint}: add one")
    return bad


@pytest.mark.parametrize(("table", "column", "constraint"), sorted(set(_violations())))
def test_constraint_rejects_bad_row(tables, table: str, column: str, constraint: str) -> None:
    schema = table_schemas()[table]
    df = tables[table]
    if df.empty:
        pytest.skip(f"table {table} has no rows to break")
    validate_table(df, schema)  # the good table passes
    field = next(f for f in schema.fields if f["name"] == column)
    bad = _break(df, field, constraint)
    if bad is None:
        pytest.skip("needs two rows")
    with pytest.raises(ValidationFailure):
        validate_table(bad, schema)


@pytest.mark.parametrize("table", [n for n, s in table_schemas().items() if len(s.primary_key) > 1])
def test_composite_primary_key_rejects_duplicate(tables, table: str) -> None:
    df = tables[table]
    bad = pd.concat([df, df.iloc[[0]]], ignore_index=True)
    with pytest.raises(ValidationFailure):
        validate_table(bad, table_schemas()[table])


def test_foreign_key_rejects_unknown_article(tables) -> None:
    bad = dict(tables)
    seg = tables["text_segments"].copy()
    seg.loc[0, "article_id"] = "2099-01-01-nowhere"
    bad["text_segments"] = seg
    check_foreign_keys(tables, table_schemas())
    with pytest.raises(ValidationFailure, match="not in articles"):
        check_foreign_keys(bad, table_schemas())


def test_span_check_rejects_shifted_offsets(tables) -> None:
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True))
    spans = {
        name: df
        for name, df in tables.items()
        if {"char_start", "text"} <= set(df.columns) and name != "articles"
    }
    check_spans(spans, texts)
    assert spans, "some table must carry text spans"
    name, df = next(iter(spans.items()))
    bad = df.copy()
    bad.loc[0, "char_start"] = bad.loc[0, "char_start"] + 1
    with pytest.raises(ValidationFailure, match="text at"):
        check_spans({name: bad}, texts)

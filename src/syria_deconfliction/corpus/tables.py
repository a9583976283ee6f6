"""Rows of one partition as DataFrames with the published schemas, written like the build does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..paths import SCHEMAS
from ..pipeline.schemas import TableSchema, conform, relaxed, table_schemas
from ..pipeline.write import write_csv, write_parquet

# Automatic drafts may not know these: an event candidate with no date words in an article whose
# publication date the rules cannot fix has no date (it is never guessed).
UNKNOWABLE = {"events": ["date_start", "date_end", "date_precision", "date_method"]}


def schema_for(table: str) -> TableSchema:
    if table == "errors":
        desc = json.loads((SCHEMAS / "extract_errors.schema.json").read_text(encoding="utf-8"))
        return TableSchema("errors", desc)
    if (
        table == "actor_candidates"
    ):  # candidate actors of one partition, merged into actors at the end
        return TableSchema(table, table_schemas()["actors"].descriptor)
    return relaxed(table_schemas()[table], UNKNOWABLE.get(table, []))


def frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    schema = schema_for(table)
    return conform(pd.DataFrame(rows, columns=schema.field_names), schema)


def write_parquet_partition(df: pd.DataFrame, table: str, path: Path) -> None:
    write_parquet(df, schema_for(table), path)


def write_csv_partition(df: pd.DataFrame, table: str, path: Path) -> None:
    write_csv(df, schema_for(table), path)

"""Rows of one partition as DataFrames with the published schemas, written like the build does."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..paths import SCHEMAS
from ..pipeline.schemas import TableSchema, conform, relaxed, table_schemas
from ..pipeline.write import write_csv, write_parquet

# Automatic drafts may not know these: an event candidate with no date words in an article whose
# publication date the rules cannot fix has no date (it is never guessed).
UNKNOWABLE = {"events": ["date_start", "date_end", "date_precision", "date_method"]}


@cache  # asked once per table and article (the row checks): derived once per process
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


@cache
def _checks(table: str) -> list[tuple[str, Callable[[Any], bool], str]]:
    """(field, test, what it wants) for the constraints a row can break before it is written:
    a required value, an enum, a pattern. Checked per article in the worker, so one article
    whose rows do not fit becomes one errors line instead of failing its whole partition."""
    out: list[tuple[str, Callable[[Any], bool], str]] = []
    for f in schema_for(table).fields:
        c = f.get("constraints") or {}
        if c.get("required"):
            out.append((f["name"], lambda v: v is not None, "a value (it is required)"))
        if "enum" in c:
            allowed = frozenset(c["enum"])
            out.append((f["name"], lambda v, a=allowed: v is None or v in a, f"one of {c['enum']}"))
        if "pattern" in c and f["type"] == "string":
            rx = re.compile(c["pattern"])
            out.append(
                (f["name"], lambda v, rx=rx: v is None or bool(rx.fullmatch(str(v))),
                 f"the pattern {c['pattern']}")
            )
    return out


def rows_problem(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> str | None:
    """The first schema constraint an article's rows break, in one line; None if they fit."""
    for table, table_rows in rows.items():
        if table != "actor_candidates":  # candidates are merged by id across articles later
            pk = schema_for(table).primary_key
            keys = [tuple(r.get(k) for k in pk) for r in table_rows]
            if len(set(keys)) < len(keys):
                dup = next(k for k in keys if keys.count(k) > 1)
                return f"table {table}: primary key {' / '.join(map(str, dup))} is not unique"
        checks = _checks(table)
        for row in table_rows:
            for name, ok, wants in checks:
                if not ok(row.get(name)):
                    return f"table {table}, field {name}: {row.get(name)!r:.80} is not {wants}"
    return None


def duplicate_keys(table: str, df: pd.DataFrame) -> list[str]:
    """Primary key values that occur more than once in `df` (a few, for the message)."""
    pk = schema_for(table).primary_key
    if not pk or df.empty:
        return []
    dup = df[df.duplicated(pk, keep=False)]
    return sorted({" / ".join(map(str, r)) for r in dup[pk].itertuples(index=False)})[:5]

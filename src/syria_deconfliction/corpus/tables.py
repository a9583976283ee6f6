"""Rows of one partition checked against the published schemas and written like the build does."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..paths import SCHEMAS
from ..pipeline.schemas import TableSchema, relaxed, table_schemas
from ..pipeline.table_files import write_arrow_csv, write_arrow_parquet
from .columns import arrow_table
from .columns import duplicate_keys as _duplicate_keys

# Automatic drafts may not know these: an event candidate with no date words in an article whose
# publication date the rules cannot fix has no date (it is never guessed).
UNKNOWABLE = {"events": ["date_start", "date_end", "date_precision", "date_method"]}


# zstd's own default level for partitions: level 9 (kept for the published build) cost some
# 0.7 ms an article, about 5% of the extraction, for files only some 7% smaller.
PARTITION_ZSTD_LEVEL = 3


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


def frame(
    table: str, rows: list[dict[str, Any]], columns: list[list[tuple[Any, ...]]] | None = None
) -> pa.Table:
    """The rows as the Arrow table of the table's published schema. ``columns``, when given,
    are the rows' columns as `fitting_columns` made them, article by article."""
    joined = None
    if columns is not None:
        width = len(schema_for(table).field_names)
        joined = [list(chain.from_iterable(c[i] for c in columns)) for i in range(width)]
    return arrow_table(rows, schema_for(table), joined)


def write_partition(out: Path, table: str, n: int, data: pa.Table, formats: Sequence[str]) -> None:
    """`<out>/<fmt>/<table>/part-NNNNN.<fmt>` for each format, each written to a temporary
    file of this process first (two runs never write one) and then moved into place, so a
    reader never sees half a file."""
    for fmt in formats:
        folder = out / fmt / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{n:05d}.{fmt}"
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        if fmt == "parquet":
            write_arrow_parquet(data, schema_for(table), tmp, PARTITION_ZSTD_LEVEL)
        else:
            write_arrow_csv(data, schema_for(table), tmp)
        os.replace(tmp, final)


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


@cache
def _plan(table: str) -> tuple[Callable[[Any], Any], int, tuple[int, ...] | None, tuple[Any, ...]]:
    """How fitting_columns tests a table: a getter of the fields it reads (each row to a
    tuple), their count, the primary key's positions (None for candidates), and the
    constraints of _checks as (position, kind, parameter)."""
    fields = schema_for(table).fields
    names = [f["name"] for f in fields]
    pk = None if table == "actor_candidates" else tuple(
        names.index(k) for k in schema_for(table).primary_key
    )
    checks: list[tuple[int, str, Any]] = []
    for i, f in enumerate(fields):
        c = f.get("constraints") or {}
        if c.get("required"):
            checks.append((i, "required", None))
        if "enum" in c:
            checks.append((i, "enum", frozenset(c["enum"]) | {None}))
        if "pattern" in c and f["type"] == "string":
            checks.append((i, "pattern", re.compile(c["pattern"]).fullmatch))
    getter = itemgetter(*names) if len(names) > 1 else lambda r, n=names[0]: (r[n],)
    return getter, len(names), pk, tuple(checks)


Columns = dict[str, list[tuple[Any, ...]]]  # table -> one tuple of values per schema field


def fitting_columns(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> Columns | None:
    """Each table's rows as columns in the schema's field order when no row breaks a constraint
    (the checks of _first_problem, a column at a time: no Python call per value and check);
    None otherwise. Every test may only err towards None: the slow path then finds the problem,
    or raises what it raises (a row lacking a field reads None there). The columns are kept for
    the partition's Arrow table, which would otherwise transpose the same rows again."""
    out: Columns = {}
    try:
        for table, table_rows in rows.items():
            getter, width, pk, checks = _plan(table)
            cols = list(zip(*map(getter, table_rows), strict=True)) or [()] * width
            if pk is not None:
                keys = (cols[pk[0]] if len(pk) == 1 else
                        list(zip(*(cols[i] for i in pk), strict=True)) if pk else
                        [()] * len(table_rows))  # no key at all: any two rows share ()
                if len(set(keys)) < len(keys):
                    return None
            for i, kind, param in checks:
                col = cols[i]
                if kind == "required":
                    ok = None not in col  # `in` is identity first, so no None gets through
                elif kind == "enum":
                    ok = param.issuperset(col)
                else:
                    ok = all(map(param, map(str, col if None not in col else
                                            [v for v in col if v is not None])))
                if not ok:
                    return None
            out[table] = cols
    except Exception:  # noqa: BLE001 - a missing field or an odd value: the slow path decides
        return None
    return out


def checked_rows(
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
) -> tuple[str | None, Columns | None]:
    """(the first schema constraint an article's rows break, in one line, or None; their
    columns when the fast check passed, else None)."""
    cols = fitting_columns(rows)
    return (None, cols) if cols is not None else (_first_problem(rows), None)


def rows_problem(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> str | None:
    """The first schema constraint an article's rows break, in one line; None if they fit."""
    return checked_rows(rows)[0]


def _first_problem(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> str | None:
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


def duplicate_keys(table: str, data: pa.Table) -> list[str]:
    """Primary key values that occur more than once in `data` (a few, for the message)."""
    return _duplicate_keys(data, schema_for(table).primary_key)

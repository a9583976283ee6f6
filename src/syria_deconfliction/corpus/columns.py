"""Rows of one partition as an Arrow table with the published schema, built a column at a time.

It is the table the pandas path gives (`pipeline.frames.conform`, then `pa.Table.from_pandas`
with the Arrow schema), at a small part of its cost: a column whose cells are all of the plain
Python type its field wants goes straight to Arrow. A table with any other cell (a number in a
text field, a NaN, a date that is not YYYY-MM-DD, a value outside an enum) goes the pandas way
whole, so odd values are converted, or refused, exactly as they always were.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from operator import itemgetter
from typing import Any

import pyarrow as pa

from ..pipeline.schemas import TableSchema, arrow_schema, enum_of

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


_NONE = type(None)
# The cell types a column may hold to go straight to Arrow (not bool for integers: pandas
# would make True a 1; a float NaN is tested apart, pandas reads it as missing).
_PLAIN: dict[str, tuple[frozenset[type], pa.DataType]] = {
    "string": (frozenset({str, _NONE}), pa.string()),
    "integer": (frozenset({int, _NONE}), pa.int64()),
    "number": (frozenset({float, int, _NONE}), pa.float64()),
    "boolean": (frozenset({bool, _NONE}), pa.bool_()),
}


def _day(v: Any) -> dt.date | None:
    """The date of a cell, for a cell in a form that pandas reads the same way; else a
    ValueError (the pandas path decides)."""
    if v is None:
        return None
    if type(v) is dt.date:
        return v
    if type(v) is str and _ISO_DAY.fullmatch(v):
        return dt.date.fromisoformat(v)
    raise ValueError(v)


def _column(field: dict[str, Any], values: list[Any]) -> pa.Array | None:
    """The Arrow column of one field, or None when a cell is not plain."""
    kind = field["type"]
    categories = enum_of(field) if kind == "string" else None
    if categories is not None:
        index = {c: i for i, c in enumerate(categories)}
        try:
            codes = [None if v is None else index[v] for v in values]
        except (KeyError, TypeError):
            return None
        return pa.DictionaryArray.from_arrays(
            pa.array(codes, pa.int32()), pa.array(categories, pa.string())
        )
    if kind == "array":
        if not all(v is None or (type(v) in (list, tuple) and {str}.issuperset(map(type, v)))
                   for v in values):
            return None
        return pa.array([[] if v is None else list(v) for v in values], pa.list_(pa.string()))
    if kind == "date":
        try:
            return pa.array([_day(v) for v in values], pa.date32())
        except ValueError:
            return None
    types, arrow_type = _PLAIN[kind]
    if not types.issuperset(map(type, values)):
        return None
    if kind == "number" and any(map(math.isnan, filter(None, values))):
        return None
    return pa.array(values, arrow_type)


def arrow_table(
    rows: Sequence[dict[str, Any]],
    schema: TableSchema,
    cells: Sequence[Sequence[Any]] | None = None,
) -> pa.Table:
    """The rows as the Arrow table written to Parquet (columns in the schema's order).
    ``cells``, when given, are the rows' values a field at a time (the rows transposed)."""
    names = schema.field_names
    if all(len(r) == len(names) for r in rows):
        if cells is None:
            try:  # every row has every field and nothing else: a column at a time
                cells = list(zip(*map(itemgetter(*names), rows), strict=True)) or [()] * len(names)
            except KeyError:
                cells = None
        if cells is not None and len(names) > 1:
            columns = []
            for f, values in zip(schema.fields, cells, strict=True):
                col = _column(f, list(values))
                if col is None:
                    break
                columns.append(col)
            else:
                return pa.Table.from_arrays(columns, schema=arrow_schema(schema))
    return _by_pandas(rows, schema)


def _by_pandas(rows: Sequence[dict[str, Any]], schema: TableSchema) -> pa.Table:
    # imported here: only a table with an odd cell needs pandas (a process that only extracts
    # would otherwise load it for nothing)
    import pandas as pd

    from ..pipeline.frames import conform

    df = conform(pd.DataFrame(list(rows), columns=schema.field_names), schema)
    table = pa.Table.from_pandas(df, schema=arrow_schema(schema), preserve_index=False)
    return table.replace_schema_metadata(None)  # as the fast path: no pandas metadata


class _HidePandas:
    """An import finder that refuses pandas (see `arrow_without_pandas`)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name.partition(".")[0] == "pandas":
            raise ImportError("pandas is hidden while pyarrow settles that lists are not pandas")
        return None


def arrow_without_pandas() -> None:
    """Spare a process that only extracts the import of pandas (about 0.5 s of CPU, 1 s wall).

    pyarrow's first conversion of a Python list imports pandas only to ask whether the list is
    a pandas object; the columns here are always lists. With pandas hidden during one empty
    conversion, pyarrow notes "no pandas" for that question. Whatever really needs pandas
    (`Table.from_pandas` in `_by_pandas`, `to_pandas`) makes pyarrow try the import again, so
    it still works. Nothing to do once pandas is loaded."""
    if "pandas" in sys.modules:
        return
    finder = _HidePandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([], pa.int8())
    finally:
        sys.meta_path.remove(finder)


def duplicate_keys(table: pa.Table, key: Sequence[str]) -> list[str]:
    """Primary key values that occur more than once (a few, for the message)."""
    if not key or table.num_rows == 0:
        return []
    keys = list(zip(*(table.column(k).to_pylist() for k in key), strict=True))
    if len(set(keys)) == len(keys):
        return []
    seen: set[tuple[Any, ...]] = set()
    dups = set()
    for k in keys:
        if k in seen:
            dups.add(" / ".join(map(_key_text, k)))
        seen.add(k)
    return sorted(dups)[:5]


def _key_text(v: Any) -> str:
    return "nan" if v is None else str(v)  # as pandas printed a missing key

"""Table files written the same way by the build and by extract, byte for byte reproducibly:
Parquet with the table's description as the only metadata, and CSV cells by one rule per type."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .schemas import TableSchema


def write_arrow_parquet(table: pa.Table, schema: TableSchema, path: Path, level: int = 9) -> None:
    """An Arrow table with the schema's fields as Parquet: the table's description as the
    only file metadata, zstd at ``level``, dictionaries and statistics, nothing that varies
    between runs."""
    table = table.replace_schema_metadata(
        {b"description": schema.descriptor["description"].encode()}
    )
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=level,
        use_dictionary=True,
        write_statistics=True,
    )


def _cell(value: Any, kind: str) -> str:
    """A CSV cell: missing values empty, dates ISO, lists JSON, numbers as Python writes them."""
    if value is None:
        return ""
    if kind == "array":
        return json.dumps(list(value), ensure_ascii=False)
    if kind == "date":
        return value.isoformat()
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "number":
        return "" if math.isnan(value) else repr(float(value))
    if kind == "integer":
        return str(int(value))
    return str(value)


def write_arrow_csv(table: pa.Table, schema: TableSchema, path: Path) -> None:
    """The table as CSV (the header is the schema's field names)."""
    kinds = [f["type"] for f in schema.fields]
    columns = [table.column(name).to_pylist() for name in schema.field_names]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(schema.field_names)
        for row in zip(*columns, strict=True):
            w.writerow([_cell(v, k) for v, k in zip(row, kinds, strict=True)])

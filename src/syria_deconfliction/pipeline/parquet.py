"""Parquet files written the same way by the build and by extract, byte for byte reproducibly."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .schemas import TableSchema


def write_arrow_parquet(table: pa.Table, schema: TableSchema, path: Path) -> None:
    """An Arrow table with the schema's fields as Parquet: the table's description as the
    only file metadata, zstd, dictionaries and statistics, nothing that varies between runs."""
    table = table.replace_schema_metadata(
        {b"description": schema.descriptor["description"].encode()}
    )
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        use_dictionary=True,
        write_statistics=True,
    )

"""Write tables as Parquet and CSV, and describe them in datapackage.json, byte for byte
reproducibly: fixed column order, row order by primary key, no timestamps, no pandas
metadata in Parquet, and CSV cells formatted by one rule per type."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from .._version import __released__, __version__
from .schemas import TableSchema, arrow_schema, package_meta
from .table_files import write_arrow_csv, write_arrow_parquet

PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def sort_rows(df: pd.DataFrame, schema: TableSchema) -> pd.DataFrame:
    """Rows in reading order where the table has spans (article, then offset), else by key."""
    keys = list(schema.primary_key)
    for start in ("char_start", "evidence_char_start"):
        if start in df.columns and "article_id" in df.columns:
            keys = ["article_id", start, *keys]
            break
    return df.sort_values(keys, kind="stable").reset_index(drop=True)


def arrow_of(df: pd.DataFrame, schema: TableSchema) -> pa.Table:
    """A conformed frame as the Arrow table of its schema (what both files are written from)."""
    return pa.Table.from_pandas(df, schema=arrow_schema(schema), preserve_index=False)


def write_parquet(df: pd.DataFrame, schema: TableSchema, path: Path) -> None:
    write_arrow_parquet(arrow_of(df, schema), schema, path)


def write_csv(df: pd.DataFrame, schema: TableSchema, path: Path) -> None:
    write_arrow_csv(arrow_of(df, schema), schema, path)


def _file_stats(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def datapackage(
    schemas: Mapping[str, TableSchema],
    files: Mapping[str, Mapping[str, Path]],
    rel_dir: str,
) -> dict[str, Any]:
    """The package descriptor. CSV resources are tabular; Parquet resources are declared as
    files because frictionless-py reads Parquet through pandas and loses nullable integers and
    lists: Frictionless checks their bytes and hash, pandera checks their contents."""
    meta = {k: v for k, v in package_meta().items() if k != "tables" and v is not None}
    resources = []
    for name, schema in schemas.items():
        desc = {k: v for k, v in schema.descriptor.items() if k not in {"title", "description"}}
        common = {
            "title": schema.descriptor["title"],
            "description": schema.descriptor["description"],
        }
        csv_path, pq_path = files[name]["csv"], files[name]["parquet"]
        resources.append(
            {
                "name": name,
                "type": "table",
                "path": f"{rel_dir}/{csv_path.name}",
                **common,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                **_file_stats(csv_path),
                "schema": desc,
            }
        )
        resources.append(
            {
                "name": f"{name}-parquet",
                "type": "file",
                "path": f"{rel_dir}/{pq_path.name}",
                **common,
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                **_file_stats(pq_path),
                "schema": {k: v for k, v in desc.items() if k != "foreignKeys"},
            }
        )
    return {
        **meta,
        "version": __version__,
        "created": dt.datetime.fromisoformat(__released__).strftime("%Y-%m-%dT00:00:00Z"),
        "resources": resources,
    }


def write_json(obj: Any, path: Path) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

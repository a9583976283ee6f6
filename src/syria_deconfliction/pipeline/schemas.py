"""Read the Frictionless table schemas in schemas/ and derive everything else from them.

schemas/*.schema.json are the single source of truth for fields, types, constraints,
descriptions and keys. This module turns them into pandas dtypes for building, a pandera
DataFrameSchema for validation and an Arrow schema for Parquet.

pandera ships a Frictionless reader (pandera.io.from_frictionless_schema), but it reads
dates as plain strings, cannot express nullable integers and takes enum categories from the
data, so the mapping is done here, once; tests check that each constraint rejects a bad row.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from ..paths import SCHEMAS


@dataclass(frozen=True)
class TableSchema:
    name: str
    descriptor: dict[str, Any]

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.descriptor["fields"]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        pk = self.descriptor.get("primaryKey", [])
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        return self.descriptor.get("foreignKeys", [])


@cache
def package_meta(root: Path = SCHEMAS) -> dict[str, Any]:
    return json.loads((root / "package.json").read_text(encoding="utf-8"))


@cache
def table_schemas(root: Path = SCHEMAS) -> dict[str, TableSchema]:
    """All table schemas, in the order schemas/package.json lists them."""
    out = {}
    for name in package_meta(root)["tables"]:
        descriptor = json.loads((root / f"{name}.schema.json").read_text(encoding="utf-8"))
        out[name] = TableSchema(name, descriptor)
    return out


def enum_of(field: dict[str, Any]) -> list[Any] | None:
    return (field.get("constraints") or {}).get("enum")


# A pattern that admits only digits: a code such as CAMEO's '0212' that CSV readers would
# otherwise turn into the number 212.
DIGITS_ONLY = re.compile(r"(\[0-9\](\{[0-9]+(,[0-9]*)?\}|[+*?])?)+")


def is_text_code(field: dict[str, Any]) -> bool:
    """A string column whose values are all digits: read it as text, or codes lose zeros."""
    pattern = (field.get("constraints") or {}).get("pattern")
    return field["type"] == "string" and bool(pattern) and bool(DIGITS_ONLY.fullmatch(pattern))


def text_code_columns(schemas: dict[str, TableSchema]) -> dict[str, list[str]]:
    """table -> its text code columns, for tables that have any."""
    out = {n: [f["name"] for f in s.fields if is_text_code(f)] for n, s in schemas.items()}
    return {n: cols for n, cols in out.items() if cols}


def pandas_dtype(field: dict[str, Any]) -> Any:
    t = field["type"]
    if enum_of(field) is not None and t == "string":
        return pd.CategoricalDtype(enum_of(field), ordered=False)
    return {
        "string": "str",
        "integer": "Int64",
        "number": "Float64",
        "boolean": "boolean",
        "date": "datetime64[ns]",
        "array": "object",
    }[t]


def arrow_type(field: dict[str, Any]) -> pa.DataType:
    t = field["type"]
    if t == "string" and enum_of(field) is not None:
        return pa.dictionary(pa.int32(), pa.string())
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "array": pa.list_(pa.string()),
    }[t]


def arrow_schema(schema: TableSchema) -> pa.Schema:
    fields = []
    for f in schema.fields:
        required = bool((f.get("constraints") or {}).get("required"))
        meta = {b"description": f.get("description", "").encode("utf-8")}
        fields.append(pa.field(f["name"], arrow_type(f), nullable=not required, metadata=meta))
    return pa.schema(fields)


def conform(df: pd.DataFrame, schema: TableSchema) -> pd.DataFrame:
    """Order columns as the schema does and give each its dtype; unknown columns are an error."""
    extra = sorted(set(df.columns) - set(schema.field_names))
    missing = [n for n in schema.field_names if n not in df.columns]
    if extra or missing:
        raise ValueError(f"table {schema.name}: columns not in schema {extra}, missing {missing}")
    out = pd.DataFrame(index=range(len(df)))
    for f in schema.fields:
        col = df[f["name"]].reset_index(drop=True)
        dtype = pandas_dtype(f)
        if f["type"] == "array":
            out[f["name"]] = col.map(lambda v: list(v) if v is not None else [])
        elif f["type"] == "date":
            out[f["name"]] = pd.to_datetime(col, errors="raise").astype(dtype)
        elif isinstance(dtype, pd.CategoricalDtype):
            out[f["name"]] = pd.Categorical(
                col.astype(object).where(col.notna(), None), categories=dtype.categories
            )
            # the distinct values first: iterating every cell of an Arrow-backed column one by
            # one cost more than building the column
            unknown = set(col.dropna().unique()) - set(dtype.categories)
            if unknown:
                raise ValueError(
                    f"table {schema.name}, column {f['name']}: values "
                    f"{sorted(map(str, unknown))} not in enum {list(dtype.categories)}"
                )
        else:
            out[f["name"]] = col.astype(dtype)
    return out


def relaxed(
    schema: TableSchema,
    columns: list[str],
    why: str = "Null in the text-free profile: restore it with `syria-deconfliction hydrate`.",
) -> TableSchema:
    """The same schema with `columns` allowed to be null (the text-free profile strips them)."""
    if not columns:
        return schema
    fields = []
    for f in schema.fields:
        if f["name"] in columns:
            c = {k: v for k, v in (f.get("constraints") or {}).items() if k != "required"}
            f = {**f, "constraints": c, "description": f"{f['description']} {why}"}
        fields.append(f)
    return TableSchema(schema.name, {**schema.descriptor, "fields": fields})

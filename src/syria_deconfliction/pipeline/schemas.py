"""Read the Frictionless table schemas in schemas/ and derive everything else from them.

schemas/*.schema.json are the single source of truth for fields, types, constraints,
descriptions and keys. This module reads them and derives the Arrow schema for Parquet;
pipeline/frames.py gives their pandas dtypes, and pipeline/validate.py the pandera schemas.
Nothing here loads pandas: a process that only extracts writes Arrow tables.

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

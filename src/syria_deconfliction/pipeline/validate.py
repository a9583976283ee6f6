"""Validate tables with pandera schemas derived from schemas/, plus cross-table checks.

Per table: types, required, unique, enum, minimum/maximum, pattern, length and primary keys.
Across tables: foreign keys, and that every (article_id, char_start, char_end, text) span
equals the article's clean text at those offsets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa

from .frames import pandas_dtype
from .schemas import TableSchema, enum_of


class ValidationFailure(Exception):
    """Built tables break the schemas or cross-table rules."""


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def pandera_schema(schema: TableSchema) -> pa.DataFrameSchema:
    columns = {}
    for f in schema.fields:
        c = f.get("constraints") or {}
        checks: list[pa.Check] = []
        enum = enum_of(f)
        if enum is not None:
            checks.append(pa.Check.isin(enum, error="enum"))
        if "minimum" in c:
            checks.append(pa.Check.ge(c["minimum"], error="minimum"))
        if "maximum" in c:
            checks.append(pa.Check.le(c["maximum"], error="maximum"))
        if "pattern" in c:
            # Frictionless patterns match the whole value.
            checks.append(pa.Check.str_matches(f"(?:{c['pattern']})\\Z", error="pattern"))
        if "minLength" in c:
            checks.append(pa.Check.str_length(min_value=c["minLength"], error="minLength"))
        if "maxLength" in c:
            checks.append(pa.Check.str_length(max_value=c["maxLength"], error="maxLength"))
        if f["type"] == "array":
            checks.append(
                pa.Check(
                    lambda s: s.map(_is_str_list), element_wise=False, error="array of strings"
                )
            )
        columns[f["name"]] = pa.Column(
            pandas_dtype(f),
            checks=checks,
            nullable=not c.get("required", False),
            unique=bool(c.get("unique", False)),
            description=f.get("description"),
        )
    pk = schema.primary_key
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=pk if len(pk) > 1 else None,
        name=schema.name,
    )


def validate_table(df: pd.DataFrame, schema: TableSchema) -> None:
    try:
        pandera_schema(schema).validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.head(10)
        lines = [f"table {schema.name}: {len(exc.failure_cases)} schema failure(s):"]
        for _, row in cases.iterrows():
            lines.append(
                f"  column={row['column']} check={row['check']} "
                f"row={row['index']} value={row['failure_case']!r}"
            )
        raise ValidationFailure("\n".join(lines)) from exc


def check_foreign_keys(
    tables: Mapping[str, pd.DataFrame], schemas: Mapping[str, TableSchema]
) -> None:
    for name, schema in schemas.items():
        for fk in schema.foreign_keys:
            ref = fk["reference"]
            ref_table = ref.get("resource") or name
            fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
            left = tables[name][fields].dropna()
            keys = set(map(tuple, tables[ref_table][ref_fields].astype(object).values.tolist()))
            bad = [tuple(r) for r in left.astype(object).values.tolist() if tuple(r) not in keys]
            if bad:
                raise ValidationFailure(
                    f"table {name}: {len(bad)} value(s) of {fields} not in "
                    f"{ref_table}.{ref_fields},"
                    f" e.g. {bad[0]}"
                )


SPAN_RE = re.compile(r"(?P<prefix>.*?)char_start$")


def check_spans(tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str]) -> None:
    """Every span column pair (X_char_start, X_char_end) with a text column X_text or text must
    equal the clean text at those offsets."""
    for name, df in tables.items():
        if name == "articles" or "article_id" not in df.columns:
            continue
        for col in df.columns:
            m = SPAN_RE.fullmatch(col)
            if not m:
                continue
            prefix = m.group("prefix")
            end_col = f"{prefix}char_end"
            text_col = {
                "": "text",
                "speaker_": "speaker_mention",
                "evidence_": "evidence_text",
                "date_": "date_text",
            }.get(prefix, f"{prefix}text")
            if prefix.startswith("raw_") or end_col not in df.columns or text_col not in df.columns:
                continue
            for row in df[["article_id", col, end_col, text_col]].itertuples(index=False):
                aid, start, end, expected = row
                if pd.isna(start):
                    continue
                actual = texts[aid][int(start) : int(end)]
                if actual != expected:
                    raise ValidationFailure(
                        f"table {name}, article {aid}: text at [{start}:{end}] is {actual!r}, "
                        f"column {text_col} says {expected!r}"
                    )

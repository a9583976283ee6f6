"""The table schemas applied to pandas DataFrames: a dtype per field, and columns conformed."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .schemas import TableSchema, enum_of


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

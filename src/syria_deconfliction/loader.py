"""Load the published tables as pandas DataFrames with real dtypes.

Light on purpose: this module imports only the standard library at import time, and pandas and
pyarrow when a table is loaded; never the build stack (pandera, frictionless, YAML, NLP).
The dtypes come from the table schemas recorded in datapackage.json, which the build derives
from schemas/.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("parquet", "csv")


@cache
def _locate() -> tuple[Path, Path]:
    """(datapackage.json, tables folder) from an installed wheel or else from a checkout."""
    packaged = Path(str(resources.files(__package__))) / "data"
    if (packaged / "datapackage.json").is_file():
        return packaged / "datapackage.json", packaged / "tables"
    root = Path(__file__).resolve().parents[2]
    if (root / "datapackage.json").is_file() and (root / "build" / "tables").is_dir():
        return root / "datapackage.json", root / "build" / "tables"
    raise FileNotFoundError(
        "no published tables found: install the syria-deconfliction wheel, or run "
        "'make data' in a checkout to build them")


@cache
def _package() -> dict[str, Any]:
    descriptor, _ = _locate()
    return json.loads(descriptor.read_text(encoding="utf-8"))


def _resource(table: str) -> dict[str, Any]:
    for res in _package()["resources"]:
        if res["name"] == table:
            return res
    raise ValueError(f"unknown table {table!r}; valid tables: {', '.join(tables())}")


def tables() -> list[str]:
    """Names of the published tables, in package order."""
    return [r["name"] for r in _package()["resources"] if r.get("format") == "csv"]


def version() -> str:
    """Version of the data (semantic: schema change = major, row change = minor)."""
    return _package()["version"]


def path(table: str, format: str = "parquet") -> Path:
    """Path of a table's file, for people who want the CSV or Parquet itself."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; valid formats: {', '.join(FORMATS)}")
    res = _resource(table)
    _, folder = _locate()
    return folder / Path(res["path"]).name.replace(".csv", f".{format}")


def schema(table: str) -> dict[str, Any]:
    """The table's Frictionless schema: fields with types, descriptions and constraints."""
    return _resource(table)["schema"]


def load(table: str, format: str = "parquet") -> pd.DataFrame:
    """Load one table as a pandas DataFrame.

    Dates are datetime64, enumerations categoricals with every allowed value as a category,
    integers nullable Int64, lists Python lists. `format="csv"` reads the CSV instead (same
    rows and dtypes).

    >>> import syria_deconfliction as sd
    >>> events = sd.load("events")
    """
    return read_table_file(path(table, format), schema(table)["fields"], format)


def read_table_file(file: Path, fields: list[dict[str, Any]], format: str) -> pd.DataFrame:
    """Read one published file and give its columns the dtypes their schema fields declare."""
    import pandas as pd

    if format == "parquet":
        import pyarrow.parquet as pq

        df = pq.read_table(file).to_pandas(date_as_object=False)
    else:
        df = pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""])
    for f in fields:
        df[f["name"]] = _as_dtype(df[f["name"]], f, pd)
    return df


def load_all(format: str = "parquet") -> dict[str, pd.DataFrame]:
    """Every table, by name."""
    return {t: load(t, format) for t in tables()}


def _as_dtype(col: Any, field: dict[str, Any], pd: Any) -> Any:
    t = field["type"]
    enum = (field.get("constraints") or {}).get("enum")
    if t == "string" and enum is not None:
        return pd.Categorical(col.astype(object).where(col.notna(), None), categories=enum)
    if t == "integer":
        return pd.to_numeric(col).astype("Int64")
    if t == "number":
        return pd.to_numeric(col).astype("Float64")
    if t == "boolean":
        return col.map({"true": True, "false": False, True: True, False: False}).astype("boolean")
    if t == "date":
        return pd.to_datetime(col).astype("datetime64[ns]")
    if t == "array":
        return col.map(lambda v: json.loads(v) if isinstance(v, str) else
                       ([] if v is None else list(v)))
    return col

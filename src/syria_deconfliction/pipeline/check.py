"""Check published files: what `syria-deconfliction validate` and the tests run.

Three kinds of folder: a data package (a checkout's datapackage.json with build/tables, the copy
an installed wheel ships, a text-free package, a hydrated one), and the partitioned output of
`extract`. A file that cannot be read is a problem line, never a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..loader import read_table_file
from .schemas import TableSchema, relaxed, table_schemas
from .validate import ValidationFailure, check_foreign_keys, check_spans, validate_table

# What reading a damaged file raises (pyarrow.ArrowInvalid is a ValueError).
UNREADABLE = (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError)


@dataclass
class CheckResult:
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    checks: str = "pandera schemas, keys, offsets, CSV = Parquet, frictionless: 0 errors"

    @property
    def ok(self) -> bool:
        return not self.problems


def _why(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:160]}"


def check_published(root: Path, frictionless: bool = True) -> CheckResult:
    """Check the package described by root/datapackage.json."""
    return check_package(root / "datapackage.json", frictionless)


def check_folder(folder: Path, frictionless: bool = True) -> CheckResult:
    """A data package folder (holding datapackage.json) or an `extract` output folder."""
    if (folder / "datapackage.json").is_file():
        return check_package(folder / "datapackage.json", frictionless)
    if (folder / "parquet").is_dir():
        return check_extract(folder)
    result = CheckResult()
    result.problems.append(f"{folder}: neither a data package (no datapackage.json) nor an "
                           "extract output (no parquet/ folder)")
    return result


def _read_descriptor(descriptor: Path, result: CheckResult) -> dict[str, Any] | None:
    try:
        desc = json.loads(descriptor.read_text(encoding="utf-8"))
        {r["name"]: r["path"] for r in desc["resources"]}  # noqa: B018 - shape check
        return desc
    except UNREADABLE as exc:
        result.problems.append(f"{descriptor}: not a readable data package ({_why(exc)})")
        return None


def check_package(descriptor: Path, frictionless: bool = True) -> CheckResult:
    result = CheckResult()
    desc = _read_descriptor(descriptor, result)
    if desc is None:
        return result
    base = descriptor.parent
    by_name = {r["name"]: r for r in desc["resources"]}
    schemas = table_schemas()
    tables: dict[str, pd.DataFrame] = {}
    csvs: dict[str, pd.DataFrame] = {}
    for name, schema in schemas.items():
        if name not in by_name or f"{name}-parquet" not in by_name:
            result.problems.append(f"datapackage.json has no resource {name}")
            continue
        try:
            pq_path = base / by_name[f"{name}-parquet"]["path"]
            tables[name] = read_table_file(pq_path, schema.fields, "parquet")
            csv_path = base / by_name[name]["path"]
            csvs[name] = read_table_file(csv_path, schema.fields, "csv")
        except UNREADABLE as exc:
            tables.pop(name, None)
            result.problems.append(f"table {name}: cannot read its files ({_why(exc)})")
    schemas = _schemas_for(tables, schemas)
    for name, df in tables.items():
        result.rows[name] = len(df)
        try:
            validate_table(df, schemas[name])
        except ValidationFailure as exc:
            result.problems.append(str(exc))
        if not _same_rows(df, csvs[name]):
            result.problems.append(f"table {name}: CSV and Parquet rows differ")
    if result.ok:
        try:
            check_foreign_keys(tables, schemas)
            if "articles" in tables and "text" in tables["articles"]:
                texts = dict(
                    zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True)
                )
                if all(isinstance(t, str) for t in texts.values()):
                    check_spans(tables, texts)
        except ValidationFailure as exc:
            result.problems.append(str(exc))
    if frictionless:
        try:
            result.problems.extend(frictionless_errors(descriptor))
        except Exception as exc:  # frictionless refusing the descriptor is one more problem
            result.problems.append(f"frictionless: cannot check {descriptor} ({_why(exc)})")
    return result


def _schemas_for(
    tables: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]
) -> dict[str, TableSchema]:
    """A text-free package is checked against the schemas without the stripped columns'
    `required` (every other constraint stays)."""
    from ..publish.textfree import is_text_free, stripped_columns

    if not is_text_free(tables):
        return dict(schemas)
    strip = stripped_columns()
    return {n: relaxed(s, strip.get(n, [])) for n, s in schemas.items()}


def check_extract(out: Path) -> CheckResult:
    """The partitioned output of `extract`: every table against the schemas extract writes,
    every primary key unique across partitions."""
    from ..corpus.tables import schema_for

    result = CheckResult(checks="pandera schemas, keys unique across partitions")
    for folder in sorted(p for p in (out / "parquet").iterdir() if p.is_dir()):
        table = folder.name
        try:
            schema = schema_for(table)
        except KeyError:
            result.problems.append(f"{folder}: unknown table {table}")
            continue
        frames = []
        for part in sorted(folder.glob("part-*.parquet")):
            try:
                frames.append(read_table_file(part, schema.fields, "parquet"))
            except UNREADABLE as exc:
                result.problems.append(f"{part}: cannot be read ({_why(exc)})")
        if not frames:
            continue
        df = pd.concat(frames, ignore_index=True)
        result.rows[table] = len(df)
        try:
            validate_table(df, schema)
        except ValidationFailure as exc:
            result.problems.append(str(exc))
    if not result.rows and not result.problems:
        result.problems.append(f"{out}: no tables found under parquet/")
    return result


def _same_rows(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    if list(a.columns) != list(b.columns) or len(a) != len(b):
        return False

    def norm(df: pd.DataFrame) -> pd.DataFrame:
        plain = df.astype(object).where(df.notna(), None)
        return plain.map(lambda v: tuple(v) if isinstance(v, list) else v)

    return norm(a).equals(norm(b))


def frictionless_errors(descriptor: Path) -> list[str]:
    """Run Frictionless's own validator over the package, as `frictionless validate` does."""
    from frictionless import Package

    report = Package(str(descriptor), basepath=str(descriptor.parent)).validate()
    out = []
    for task in report.tasks:
        for err in task.errors:
            out.append(f"frictionless: {task.name}: {err.type}: {err.message}")
    out.extend(f"frictionless: {err.type}: {err.message}" for err in report.errors)
    return out

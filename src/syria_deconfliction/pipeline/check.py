"""Check the published files: what `syria-deconfliction validate` and the tests run."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..loader import read_table_file
from .schemas import table_schemas
from .validate import ValidationFailure, check_foreign_keys, check_spans, validate_table


@dataclass
class CheckResult:
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_published(root: Path, frictionless: bool = True) -> CheckResult:
    result = CheckResult()
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in descriptor["resources"]}
    schemas = table_schemas()
    tables: dict[str, pd.DataFrame] = {}
    for name, schema in schemas.items():
        if name not in by_name:
            result.problems.append(f"datapackage.json has no resource {name}")
            continue
        pq_df = read_table_file(root / by_name[f"{name}-parquet"]["path"], schema.fields, "parquet")
        csv_df = read_table_file(root / by_name[name]["path"], schema.fields, "csv")
        tables[name] = pq_df
        result.rows[name] = len(pq_df)
        try:
            validate_table(pq_df, schema)
        except ValidationFailure as exc:
            result.problems.append(str(exc))
        if not _same_rows(pq_df, csv_df):
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
        result.problems.extend(frictionless_errors(root / "datapackage.json"))
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

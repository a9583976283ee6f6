"""Reference code tables kept as data in raw/knowledge/reference/ (sources in SOURCES.yaml)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..errors import InputError


def read_csv(path: Path) -> list[dict[str, str]]:
    rel = f"raw/knowledge/reference/{path.name}"
    if not path.exists():
        raise InputError(rel, None, "file is missing", f"restore {rel} from version control")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def cameo_code_rows(ref: Path) -> list[dict[str, Any]]:
    """CAMEO event codes joined with their PLOVER type; every code must have one."""
    plover = {r["cameo_code"]: r for r in read_csv(ref / "cameo_to_plover.csv")}
    rows = []
    for r in read_csv(ref / "cameo_event_codes.csv"):
        p = plover.get(r["code"])
        if p is None:
            raise InputError("raw/knowledge/reference/cameo_to_plover.csv", r["code"],
                             "CAMEO code has no PLOVER type", "add a row for it")
        rows.append({
            "code": r["code"], "name": r["name"], "root": r["root"], "level": int(r["level"]),
            "quad_class": int(r["quad_class"]),
            "goldstein": float(r["goldstein"]) if r["goldstein"] else None,
            "plover_type": p["plover_type"], "plover_notes": p["notes"] or None,
        })
    return rows


def country_codes(ref: Path) -> set[str]:
    return {r["iso3"] for r in read_csv(ref / "countries.csv")}


def cameo_actor_codes(ref: Path) -> set[str]:
    return {r["code"] for r in read_csv(ref / "cameo_actor_codes.csv")}

"""Where the project's files live in a checkout (build time only)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "raw"
SCHEMAS = ROOT / "schemas"
BUILD = ROOT / "build"
DATAPACKAGE = ROOT / "datapackage.json"

"""The version lives in one place and every release file agrees with it."""

from __future__ import annotations

import json

import yaml
from conftest import ROOT

from syria_deconfliction._version import __released__, __version__


def test_citation_and_datapackage_carry_the_version() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["version"] == __version__
    assert str(cff["date-released"]) == __released__
    dp = json.loads((ROOT / "datapackage.json").read_text())
    assert dp["version"] == __version__
    assert dp["created"].startswith(__released__)
    assert f"## {__version__} ({__released__})" in (ROOT / "CHANGELOG.md").read_text()


def test_version_is_semantic() -> None:
    parts = __version__.split(".")
    assert len(parts) == 3 and all(p.isdigit() for p in parts)

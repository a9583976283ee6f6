"""Wheel build hook: ship datapackage.json with resource paths where the wheel puts the tables.

In a checkout the descriptor sits beside build/ and points at build/tables/; the wheel puts the
tables in syria_deconfliction/data/tables/ beside its copy of the descriptor, so the copy's
paths say tables/ (bytes and hashes of the files are unchanged). Frictionless then validates the
installed package where it is.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CHECKOUT_DIR = "build/tables/"
WHEEL_DIR = "tables/"


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        desc = json.loads((Path(self.root) / "datapackage.json").read_text(encoding="utf-8"))
        for res in desc["resources"]:
            if res["path"].startswith(CHECKOUT_DIR):
                res["path"] = WHEEL_DIR + res["path"][len(CHECKOUT_DIR):]
        self._tmp = tempfile.TemporaryDirectory()
        shipped = Path(self._tmp.name) / "datapackage.json"
        shipped.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        build_data["force_include"][str(shipped)] = "syria_deconfliction/data/datapackage.json"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_tmp", None) is not None:
            self._tmp.cleanup()

"""Where the project's files live: a checkout, or the copies an installed wheel ships."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(str(resources.files("syria_deconfliction")))
RAW = ROOT / "raw"
# The schemas are needed at run time by `extract`; a wheel carries a copy inside the package.
SCHEMAS = ROOT / "schemas" if (ROOT / "schemas" / "package.json").is_file() else PACKAGE / "schemas"

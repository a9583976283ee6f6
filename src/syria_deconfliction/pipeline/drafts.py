"""Load the drafts `add` wrote (raw/curation/drafts/*.yaml), refusing malformed ones.

Each draft is checked against schemas/curation/drafts.json; its source_file must name a file
inside raw/articles (never a path that climbs out of it) and that file must exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from ..paths import articles_dir, drafts_of
from .rawdata import _rel, contained, read_checked


def load_drafts(raw: Path) -> dict[str, dict[str, Any]]:
    """source_file -> draft document, for every draft still marked unreviewed."""
    folder = drafts_of(raw)
    out: dict[str, dict[str, Any]] = {}
    where: dict[str, str] = {}
    for f in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rel = _rel(f)
        doc = read_checked(f, "drafts")
        if doc["status"] != "unreviewed":
            continue
        record, name = doc["article"]["article_id"], doc["article"]["source_file"]
        path = contained(raw, name, rel, record)
        if not path.is_file():
            raise InputError(
                rel, record, f"no file raw/articles/{name}",
                "run `syria-deconfliction add` again for the article, or delete this draft",
            )
        if name in out:
            raise InputError(
                rel, record, f"another draft ({where[name]}) is for the same file",
                "keep one draft per article and delete the other",
            )
        out[name], where[name] = doc, rel
    return out


def draft_file(raw: Path, name: str) -> Path:
    """The article file of a loaded draft (its name was checked by load_drafts)."""
    return articles_dir(raw) / name

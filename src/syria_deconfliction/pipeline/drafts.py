"""Load the drafts `add` wrote (raw/curation/drafts/*.yaml), refusing malformed ones.

Each draft is checked against schemas/curation/drafts.json; its source_file must name a file
inside raw/articles (never a path that climbs out of it) and that file must exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..paths import articles_dir, drafts_of
from .rawdata import _rel, contained, read_checked


@dataclass(frozen=True)
class Draft:
    file: str  # the draft's path from the checkout, for messages
    doc: dict[str, Any]

    @property
    def meta(self) -> dict[str, Any]:
        """What read_article checks the article file against (the draft's file name already
        names the article, so messages carry no record)."""
        return {"raw_sha256": self.doc["article"]["raw_sha256"]}


def load_drafts(raw: Path) -> dict[str, Draft]:
    """source_file -> draft, for every draft still marked unreviewed."""
    folder = drafts_of(raw)
    out: dict[str, Draft] = {}
    for f in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rel = _rel(f)
        doc = read_checked(f, "drafts")
        if doc["status"] != "unreviewed":
            continue
        name = doc["article"]["source_file"]
        path = contained(raw, name, rel)
        if not path.is_file():
            raise InputError(
                rel, None, f"no file raw/articles/{name}",
                "run `syria-deconfliction add` again for the article, or delete this draft",
            )
        if name in out:
            raise InputError(
                rel, None, f"another draft ({out[name].file}) is for the same file",
                "keep one draft per article and delete the other",
            )
        out[name] = Draft(rel, doc)
    return out


def draft_file(raw: Path, name: str) -> Path:
    """The article file of a loaded draft (its name was checked by load_drafts)."""
    return articles_dir(raw) / name

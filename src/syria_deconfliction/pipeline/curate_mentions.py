"""Apply raw/curation/actor_mentions.yaml: mentions the automatic finder cannot
make (anaphors such as
"the Ministry") and automatic mentions that are wrong. Each entry has a reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, require_known
from ..paths import curation_of
from .anchor import anchor
from .rawdata import check_fields, read_checked

REL = "raw/curation/actor_mentions.yaml"
FIELDS = {"article", "text", "context", "occurrence", "actor", "reason"}


def apply_mention_curation(
    raw: Path, texts: dict[str, str], actor_ids: set[str], rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    path = curation_of(raw) / "actor_mentions.yaml"
    if not path.exists():
        return rows
    doc = read_checked(path, "actor_mentions") or {}
    check_fields(REL, "top level", doc, {"add", "remove"}, set())
    out = list(rows)
    for i, e in enumerate(doc.get("remove") or []):
        aid, start, end = _locate(
            e, i, "remove", texts, {"article", "text", "context", "occurrence", "reason"}
        )
        keep = [
            r
            for r in out
            if not (r["article_id"] == aid and r["char_start"] == start and r["char_end"] == end)
        ]
        if len(keep) == len(out):
            raise InputError(
                REL,
                f"remove {i + 1}",
                f"no automatic mention {e['text']!r} there",
                "remove the entry: the finder no longer makes this mention",
            )
        out = keep
    for i, e in enumerate(doc.get("add") or []):
        aid, start, end = _locate(e, i, "add", texts, FIELDS)
        fix = "use an id from raw/knowledge/actors.yaml"
        require_known(REL, f"add {i + 1}", e["actor"], actor_ids, "actor", fix)
        if any(
            r["article_id"] == aid and r["char_start"] < end and start < r["char_end"] for r in out
        ):
            raise InputError(
                REL,
                f"add {i + 1}",
                f"{e['text']!r} overlaps an automatic mention",
                "remove the automatic mention first or drop this entry",
            )
        out.append(
            {
                "mention_id": f"{aid}#m{start}",
                "article_id": aid,
                "actor_id": e["actor"],
                "char_start": start,
                "char_end": end,
                "text": e["text"],
                "rule": "curated",
                "possessive": False,
                "method": "curated",
            }
        )
    return out


def _locate(
    e: Any, i: int, kind: str, texts: dict[str, str], fields: set[str]
) -> tuple[str, int, int]:
    record = f"{kind} {i + 1}"
    if not isinstance(e, dict):
        raise InputError(
            REL, record, "entry is not a mapping", "write article, text, context, reason"
        )
    check_fields(REL, record, e, fields, fields - {"context", "occurrence"})
    require_known(REL, record, e["article"], texts, "article", "use an article_id")
    start, end = anchor(
        texts[e["article"]],
        e["text"],
        file=REL,
        record=record,
        context=e.get("context"),
        occurrence=e.get("occurrence"),
    )
    return e["article"], start, end

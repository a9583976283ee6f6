"""Quotes: the automatic extractor's rows, reviewed by raw/curation/quotes.yaml, linked to events.

Every accepted automatic quote must be reviewed in raw/curation/quotes.yaml (confirm, correct
or reject);
missed quotes are added there. Entries are anchored by the quoted words, never by offsets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, require_known
from ..paths import curation_of
from .anchor import anchor
from .rawdata import check_fields, read_checked

REL = "raw/curation/quotes.yaml"
FIELDS = {
    "article",
    "text",
    "occurrence",
    "action",
    "speaker",
    "speaker_mention",
    "speaker_description",
    "quote_type",
    "verb",
    "reason",
}
ACTIONS = {"confirm", "correct", "add", "reject"}
QUOTE_TYPES = {"direct", "partial", "indirect"}


def load_quote_curation(raw: Path) -> list[dict[str, Any]] | None:
    path = curation_of(raw) / "quotes.yaml"
    if not path.exists():
        return None
    doc = read_checked(path, "quotes")
    check_fields(REL, "top level", doc, {"quotes"}, {"quotes"})
    return doc["quotes"]


def apply_quote_curation(
    rows: list[dict[str, Any]],
    entries: list[dict[str, Any]],
    texts: dict[str, str],
    actor_ids: set[str],
) -> tuple[list[dict[str, Any]], list[str]]:
    """Curated rows, and the automatic quotes nobody reviewed (reported as gaps)."""
    by_span = {(r["article_id"], r["char_start"], r["char_end"]): r for r in rows}
    reviewed: set[tuple[str, int, int]] = set()
    added: list[dict[str, Any]] = []
    rejected: set[tuple[str, int, int]] = set()
    for i, e in enumerate(entries):
        record = _checked(i, e, texts, actor_ids)
        text = texts[e["article"]]
        start, end = anchor(
            text, e["text"], file=REL, record=record, occurrence=e.get("occurrence")
        )
        key = (e["article"], start, end)
        if e["action"] == "add":
            if key in by_span and key not in rejected:
                raise InputError(
                    REL,
                    record,
                    "the extractor already finds this quote",
                    "confirm or correct it instead of adding it",
                )
            row = _new_row(e, start, end)
            _speaker(row, e, text, record)
            added.append(row)
            continue
        if key not in by_span:
            raise InputError(
                REL,
                record,
                f"no automatic quote has exactly these words to {e['action']}",
                "quote the extractor's span exactly, or use action: add",
            )
        reviewed.add(key)
        row = by_span[key]
        if e["action"] == "reject":
            rejected.add(key)
            continue
        row.update(method="curated", confidence=1.0)
        if e["action"] == "confirm":
            row["curation"] = "confirmed"
            if e.get("reason"):
                row["reason"] = e["reason"]
            continue
        _correct(row, e, text, record)
    out = [r for k, r in by_span.items() if k not in rejected] + added
    unreviewed = [
        f"{r['article_id']} [{r['char_start']}:{r['char_end']}] {r['text'][:60]!r}"
        for k, r in by_span.items()
        if k not in reviewed
    ]
    return out, unreviewed


def _checked(i: int, e: Any, texts: dict[str, str], actor_ids: set[str]) -> str:
    """The record name of a well-formed entry (fields, action, article, speaker, type)."""
    record = f"quote {i + 1}"
    if not isinstance(e, dict):
        raise InputError(REL, record, "entry is not a mapping", "see the header of the file")
    check_fields(REL, record, e, FIELDS, {"article", "text", "action"})
    record = f"{e['article']}: {e['text'][:40]!r}"
    if e["action"] not in ACTIONS:
        raise InputError(
            REL, record, f"unknown action {e['action']!r}", f"use one of {sorted(ACTIONS)}"
        )
    if e["action"] != "confirm" and not e.get("reason"):
        raise InputError(REL, record, f"{e['action']} without a reason", "say why")
    require_known(REL, record, e["article"], texts, "article", "use an article_id")
    if e.get("speaker"):
        fix = "use an id from raw/knowledge/actors.yaml"
        require_known(REL, record, e["speaker"], actor_ids, "speaker", fix)
    if e.get("quote_type"):
        fix = f"use one of {sorted(QUOTE_TYPES)}"
        require_known(REL, record, e["quote_type"], QUOTE_TYPES, "quote_type", fix)
    return record


def _correct(row: dict[str, Any], e: dict[str, Any], text: str, record: str) -> None:
    """Apply a `correct` entry: speaker, quote type and verb, with what changed and why."""
    changed = []
    if "speaker" in e and e["speaker"] != row["speaker_actor_id"]:
        changed.append("speaker_corrected")
    if e.get("quote_type") and e["quote_type"] != row["quote_type"]:
        row["quote_type"] = e["quote_type"]
        changed.append("type_corrected")
    _speaker(row, e, text, record)
    if e.get("verb"):
        row["verb"] = e["verb"]
    row["curation"] = changed[0] if changed else "confirmed"
    row["reason"] = e["reason"]
    row["attribution"] = "curated" if "speaker_corrected" in changed else row["attribution"]


def _new_row(e: dict[str, Any], start: int, end: int) -> dict[str, Any]:
    return {
        "quote_id": f"{e['article']}#q{start}",
        "article_id": e["article"],
        "text": e["text"],
        "char_start": start,
        "char_end": end,
        "quote_type": e.get("quote_type") or "direct",
        "speaker_actor_id": None,
        "speaker_mention": None,
        "speaker_char_start": None,
        "speaker_char_end": None,
        "speaker_description": None,
        "verb": e.get("verb"),
        "attribution": "curated",
        "event_id": None,
        "confidence": 1.0,
        "method": "curated",
        "curation": "added",
        "reason": e["reason"],
    }


def _speaker(row: dict[str, Any], e: dict[str, Any], text: str, record: str) -> None:
    if "speaker" in e:
        row["speaker_actor_id"] = e["speaker"]
    if "speaker_description" in e:
        row["speaker_description"] = e["speaker_description"]
    if "speaker_mention" in e:
        if e["speaker_mention"]:
            s, t = anchor(
                text,
                e["speaker_mention"],
                file=REL,
                record=f"{record} speaker",
                near=row["char_start"],
            )
            row.update(
                speaker_mention=e["speaker_mention"], speaker_char_start=s, speaker_char_end=t
            )
        else:
            row.update(speaker_mention=None, speaker_char_start=None, speaker_char_end=None)


def link_events(
    quotes: list[dict[str, Any]],
    events: list[dict[str, Any]],
    links: list[dict[str, Any]],
    parents: dict[str, str | None],
) -> None:
    """A quote reports the event whose evidence overlaps the quote and its attribution; among
    several, the one whose actors include the speaker (or a body the speaker belongs to), then the
    largest overlap."""
    actors_of: dict[str, set[str]] = {}
    for link in links:
        actors_of.setdefault(link["event_id"], set()).add(link["actor_id"])
    by_article: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        by_article.setdefault(ev["article_id"], []).append(ev)
    for q in quotes:
        lo = min(
            q["char_start"],
            q["speaker_char_start"] if q["speaker_char_start"] is not None else q["char_start"],
        )
        hi = max(q["char_end"], q["speaker_char_end"] or q["char_end"])
        chain, cur = set(), q["speaker_actor_id"]
        while cur and cur not in chain:
            chain.add(cur)
            cur = parents.get(cur)
        best, best_key = None, None
        for ev in by_article.get(q["article_id"], []):
            overlap = min(hi, ev["evidence_char_end"]) - max(lo, ev["evidence_char_start"])
            if overlap <= 0:
                continue
            key = (bool(chain & actors_of.get(ev["event_id"], set())), overlap)
            if best_key is None or key > best_key:
                best, best_key = ev, key
        q["event_id"] = best["event_id"] if best else None

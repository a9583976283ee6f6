"""Curated events (raw/curation/events.yaml): anchored by their evidence words, with
offsets, codes, dates,
places and actors filled in and checked by rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus.rows import actor_links, event_row
from ..errors import InputError, require_known
from ..extract.dates import ResolvedDate, resolve, shift
from ..paths import curation_of
from .anchor import anchor
from .rawdata import check_fields, read_checked

REL = "raw/curation/events.yaml"
EVENT_FIELDS = {
    "article",
    "id",
    "incident",
    "evidence",
    "occurrence",
    "summary",
    "cameo",
    "source",
    "target",
    "participants",
    "date",
    "place",
    "claim_status",
    "claimed_by",
    "fatalities",
    "injuries",
    "notes",
}
EVENT_REQUIRED = {
    "article",
    "id",
    "incident",
    "evidence",
    "summary",
    "cameo",
    "date",
    "claim_status",
}
CURATED_DATE_FIELDS = {"start", "end", "precision", "text", "reason", "occurrence"}
TEXT_DATE_FIELDS = {"text", "relative_to", "occurrence"}
ROLES = {
    "source",
    "target",
    "associated",
    "supporter",
    "informed",
    "victim",
    "mediator",
    "claimant",
}
# Shortest span (days) a period of each precision may cover. Precision is the grain of the
# endpoints: "between September 4 and 15" is a span of known days (precision day).
MIN_SPAN = {"week": 2, "month": 7, "year": 28}
EARLIEST = dt.date(2011, 1, 1)


@dataclass(frozen=True)
class ArticleDate:
    date: dt.date
    precision: str

    @property
    def last_day(self) -> dt.date:
        """Last day the article may have appeared (its date is the first day of its period)."""
        if self.precision == "year":
            return dt.date(self.date.year, 12, 31)
        if self.precision == "month":
            nxt = dt.date(self.date.year + self.date.month // 12, self.date.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return self.date


def load_events(raw: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    doc = read_checked(curation_of(raw) / "events.yaml", "events")
    check_fields(REL, "top level", doc, {"events", "rejected_candidates"}, {"events"})
    events = doc["events"]
    if not isinstance(events, list):
        raise InputError(REL, None, "'events' must be a list", "write '- article: ...' entries")
    return events, doc.get("rejected_candidates") or []


def event_rows(
    events: list[dict[str, Any]],
    texts: dict[str, str],
    pub: dict[str, ArticleDate],
    actor_ids: set[str],
    place_ids: set[str],
    cameo: dict[str, dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """events and event_actors rows from the curated records."""
    by_key = _index(events, texts)
    rows: dict[tuple[str, str], dict[str, Any]] = {}

    def build(key: tuple[str, str], chain: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
        # A date relative_to another event needs that event's row first: built on demand.
        if key not in rows:
            e, aid = by_key[key], key[0]

            def other(ref: str) -> dict[str, Any]:
                return build((aid, ref), (*chain, key))

            _check_refs(e, actor_ids, place_ids)
            rows[key] = _row(e, texts[aid], pub[aid], cameo, other, chain, key)
        return rows[key]

    for key in by_key:
        build(key)
    links = [
        link for key, e in by_key.items() for link in _links(rows[key]["event_id"], e, actor_ids)
    ]
    return list(rows.values()), links


def _index(
    events: list[dict[str, Any]], texts: dict[str, str]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The records by (article, id), their fields and relative_to references checked."""
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for i, e in enumerate(events):
        record = (
            f"{e.get('article', '?')}#{e.get('id', i + 1)}"
            if isinstance(e, dict)
            else f"entry {i + 1}"
        )
        if not isinstance(e, dict):
            raise InputError(
                REL, record, "entry is not a mapping", "write the fields of the contract"
            )
        check_fields(REL, record, e, EVENT_FIELDS, EVENT_REQUIRED)
        require_known(REL, record, e["article"], texts, "article", "use an article_id")
        key = (e["article"], e["id"])
        if key in by_key:
            raise InputError(
                REL, record, "duplicate event id in the article", "number events uniquely"
            )
        by_key[key] = e
    for (aid, eid), e in by_key.items():
        ref = e["date"].get("relative_to") if isinstance(e["date"], dict) else None
        if ref and (aid, ref) not in by_key:
            raise InputError(
                REL, f"{aid}#{eid}", f"date.relative_to {ref!r} is not an event of the article",
                "point at the id of another event of the same article",
            )
    return by_key


def _row(
    e: dict[str, Any],
    text: str,
    pub: ArticleDate,
    cameo: dict[str, dict[str, Any]],
    other,
    chain,
    key,
) -> dict[str, Any]:
    """The events row of one curated record (its CAMEO code and date resolved and checked)."""
    aid, record = e["article"], f"{e['article']}#{e['id']}"
    start, end = anchor(
        text, e["evidence"], file=REL, record=record, occurrence=e.get("occurrence")
    )
    code = cameo.get(str(e["cameo"]))
    if code is None:
        raise InputError(
            REL,
            record,
            f"unknown CAMEO code {e['cameo']!r}",
            "use a code from raw/knowledge/reference/cameo_event_codes.csv (quoted)",
        )
    row = event_row(
        event_id=f"{aid}#{e['id']}",
        article_id=aid,
        incident_id=e["incident"],
        summary=" ".join(str(e["summary"]).split()),
        evidence=(start, end, e["evidence"]),
        code=code,
        source=e.get("source"),
        target=e.get("target"),
        date=_date(e, text, start, pub, record, other, chain, key),
        place=e.get("place"),
        claim_status=e["claim_status"],
        claimed_by=e.get("claimed_by"),
        fatalities=e.get("fatalities"),
        injuries=e.get("injuries"),
        method="curated",
        notes=" ".join(str(e["notes"]).split()) if e.get("notes") else None,
    )
    _check_date(row, pub, record)
    return row


def _check_refs(e: dict[str, Any], actor_ids: set[str], place_ids: set[str]) -> None:
    record = f"{e['article']}#{e['id']}"
    for role in ("source", "target", "claimed_by"):
        if e.get(role):
            fix = "add it to raw/knowledge/actors.yaml or correct the id"
            require_known(REL, record, e[role], actor_ids, f"{role} actor", fix)
    if e.get("place"):
        fix = "add it to raw/knowledge/places.yaml or correct the id"
        require_known(REL, record, e["place"], place_ids, "place", fix)


def _links(eid: str, e: dict[str, Any], actor_ids: set[str]) -> list[dict[str, Any]]:
    """event_actors rows of one record: source, target, claimant, then its participants."""
    pairs = [(e.get("source"), "source"), (e.get("target"), "target")]
    pairs.append((e.get("claimed_by"), "claimant"))
    for p in e.get("participants") or []:
        if not isinstance(p, dict) or set(p) != {"actor", "role"}:
            raise InputError(REL, eid, f"bad participant {p!r}", "write {actor: id, role: role}")
        fix = "add it to raw/knowledge/actors.yaml"
        require_known(REL, eid, p["actor"], actor_ids, "participant", fix)
        require_known(REL, eid, p["role"], ROLES, "role", f"use one of {sorted(ROLES)}")
        pairs.append((p["actor"], p["role"]))
    return actor_links(eid, pairs)


def _date(
    e: dict[str, Any], text: str, ev_start: int, pub: ArticleDate, record: str, other, chain, key
) -> dict[str, Any]:
    d = e["date"]
    empty = {"date_text": None, "date_char_start": None, "date_char_end": None}
    if d == "inferred":
        # No date words: dated by the article itself (an ongoing state or a same-day report).
        return {
            "date_start": pub.date,
            "date_end": pub.date,
            "date_precision": pub.precision,
            **empty,
            "date_method": "inferred",
        }
    if not isinstance(d, dict):
        raise InputError(
            REL,
            record,
            f"date {d!r} is not understood",
            "write {text: ...}, inferred, or {start, end, precision, reason}",
        )
    if "start" in d:
        check_fields(REL, record, d, CURATED_DATE_FIELDS, {"start", "end", "precision", "reason"})
        words = _date_words(d, text, ev_start, record) if d.get("text") else empty
        return {
            "date_start": d["start"],
            "date_end": d["end"],
            "date_precision": d["precision"],
            **words,
            "date_method": "curated",
        }
    check_fields(REL, record, d, TEXT_DATE_FIELDS, {"text"})
    words = _date_words(d, text, ev_start, record)
    if d.get("relative_to"):
        ref_key = (e["article"], d["relative_to"])
        if ref_key in chain or ref_key == key:
            raise InputError(REL, record, "relative_to forms a loop", "point at an earlier event")
        base = other(d["relative_to"])
        base_date = ResolvedDate(
            base["date_start"],
            base["date_end"],
            base["date_precision"],
            "explicit",
            base["date_text"] or "",
        )
        try:
            r = shift(base_date, d["text"])
        except ValueError as exc:
            raise InputError(
                REL,
                record,
                f"{d['text']!r} is not a duration from another event",
                "use relative_to only with words like '24 hours prior'",
            ) from exc
        return {
            "date_start": r.date_start,
            "date_end": r.date_end,
            "date_precision": r.precision,
            **words,
            "date_method": "relative-resolved",
        }
    r = resolve(d["text"], pub.date)
    if r is None:
        raise InputError(
            REL,
            record,
            f"the resolver cannot read the date words {d['text']!r}",
            "curate the date as {start, end, precision, reason}, or fix the resolver",
        )
    return {
        "date_start": r.date_start,
        "date_end": r.date_end,
        "date_precision": r.precision,
        **words,
        "date_method": r.method,
    }


def _date_words(d: dict[str, Any], text: str, ev_start: int, record: str) -> dict[str, Any]:
    """The date words nearest the event's evidence (inside it when they are there)."""
    s, e = anchor(
        text,
        d["text"],
        file=REL,
        record=f"{record} date",
        near=ev_start,
        occurrence=d.get("occurrence"),
    )
    return {"date_text": d["text"], "date_char_start": s, "date_char_end": e}


def _check_date(row: dict[str, Any], pub: ArticleDate, record: str) -> None:
    start, end, precision = row["date_start"], row["date_end"], row["date_precision"]
    if end < start:
        raise InputError(
            REL, record, f"date ends ({end}) before it starts ({start})", "swap or fix them"
        )
    if start == end and precision != "day":
        raise InputError(
            REL,
            record,
            f"precision {precision} does not fit the single day {start}",
            "a single date has precision day",
        )
    if precision in MIN_SPAN and (end - start).days + 1 < MIN_SPAN[precision]:
        raise InputError(
            REL,
            record,
            f"{start}..{end} is too short for precision {precision}",
            "use a finer precision",
        )
    latest = dt.date.max if row["claim_status"] == "planned" else pub.last_day
    if start < EARLIEST or start > latest:
        raise InputError(
            REL,
            record,
            f"date {start} is outside {EARLIEST}..{pub.last_day}",
            "only planned events may lie after the article's date",
        )

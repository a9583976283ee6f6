"""Turn extractor output into table rows: one place, used by the build and by `extract`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..extract.mentions import Mention


def slug(text: str, words: int = 8) -> str:
    return "-".join(slug_words(text)[:words]) or "untitled"


def slug_words(text: str) -> list[str]:
    """The lower-case ASCII letter and digit runs of `text`, the words of its slug."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_text.lower())


def mention_rows(
    article_id: str, mentions: Iterable[Mention], method: str = "automatic"
) -> list[dict[str, Any]]:
    return [
        {
            "mention_id": f"{article_id}#m{m.start}",
            "article_id": article_id,
            "actor_id": m.actor_id,
            "char_start": m.start,
            "char_end": m.end,
            "text": m.text,
            "rule": m.rule,
            "possessive": m.possessive,
            "method": method,
        }
        for m in mentions
    ]


def quote_rows(article_id: str, quotes: Sequence[Any]) -> list[dict[str, Any]]:
    """Accepted quotes of the automatic extractor as rows (rejected scare quotes are dropped)."""
    rows = []
    for q in quotes:
        if q.status != "accepted":
            continue
        rows.append(
            {
                "quote_id": f"{article_id}#q{q.start}",
                "article_id": article_id,
                "text": q.text,
                "char_start": q.start,
                "char_end": q.end,
                "quote_type": q.quote_type,
                "speaker_actor_id": q.speaker_actor_id,
                "speaker_mention": q.speaker_mention,
                "speaker_char_start": q.speaker_start,
                "speaker_char_end": q.speaker_end,
                "speaker_description": q.speaker_description,
                "verb": q.verb,
                "attribution": q.attribution,
                "event_id": None,
                "confidence": round(float(q.confidence), 3),
                "method": "automatic",
                "curation": "none",
                "reason": q.reason,
            }
        )
    return rows


def candidate_event_rows(
    article_id: str,
    text: str,
    candidates: Sequence[Any],
    cameo: Mapping[str, Mapping[str, Any]],
    names: Mapping[str, str],
    published: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Automatic event candidates as events rows (method automatic) and their event_actors."""
    events, links = [], []
    # an incident id is the slug of the event id: the article's slug words, then "cNN"
    base = slug_words(article_id)
    for n, c in enumerate(candidates, start=1):
        code = cameo[c.cameo_code]
        eid = f"{article_id}#c{n:02d}"
        if c.date is not None:
            d0, d1, prec, dmethod = (
                c.date.date_start,
                c.date.date_end,
                c.date.precision,
                c.date.method,
            )
        elif published is not None:
            d0 = d1 = published
            prec, dmethod = "day", "inferred"
        else:  # neither date words nor a publication date: unknown, never guessed
            d0 = d1 = prec = dmethod = None
        src, tgt = c.source_actor_id, c.target_actor_id
        s0, s1 = c.sentence_start, c.sentence_end
        summary = (
            f"{names.get(src, 'An unnamed actor')}: {code['name'].rstrip('.').lower()}"
            + (f" ({names[tgt]})" if tgt in names else "")
            + "."
        )
        date = {
            "date_start": d0,
            "date_end": d1,
            "date_precision": prec,
            "date_text": c.date_text,
            "date_char_start": c.date_start,
            "date_char_end": c.date_end,
            "date_method": dmethod,
        }
        events.append(
            event_row(
                event_id=eid,
                article_id=article_id,
                incident_id="-".join([*base, f"c{n:02d}"][:40]),
                summary=summary,
                evidence=(s0, s1, text[s0:s1]),
                code=code,
                source=src,
                target=tgt,
                date=date,
                place=c.place_id,
                claim_status=c.claim_status,
                claimed_by=c.claimed_by_actor_id,
                method="automatic",
                notes=f"automatic candidate, trigger {c.trigger!r}, confidence {c.confidence:.2f}",
            )
        )
        roles = [(src, "source"), (tgt, "target"), (c.claimed_by_actor_id, "claimant")]
        roles += [(a, "source") for a in getattr(c, "source_parties", ()) if a != src]
        roles += [(a, "target") for a in getattr(c, "target_parties", ()) if a != tgt]
        links += actor_links(eid, roles)
    return events, links


def event_row(
    *,
    event_id: str,
    article_id: str,
    incident_id: str,
    summary: str,
    evidence: tuple[int, int, str],
    code: Mapping[str, Any],
    source: str | None,
    target: str | None,
    date: Mapping[str, Any],
    place: str | None,
    claim_status: str,
    claimed_by: str | None,
    method: str,
    notes: str | None,
    fatalities: int | None = None,
    injuries: int | None = None,
) -> dict[str, Any]:
    """One events row, curated or automatic: the single place its columns are laid out.

    `code` is the CAMEO reference row of the event's code; `date` holds the seven date columns
    (date_start, date_end, date_precision, date_text, date_char_start, date_char_end,
    date_method)."""
    start, end, words = evidence
    return {
        "event_id": event_id,
        "article_id": article_id,
        "incident_id": incident_id,
        "summary": summary,
        "evidence_char_start": start,
        "evidence_char_end": end,
        "evidence_text": words,
        "cameo_code": code["code"],
        "cameo_root": code["root"],
        "quad_class": code["quad_class"],
        "goldstein": code["goldstein"],
        "plover_type": code["plover_type"],
        "source_actor_id": source,
        "target_actor_id": target,
        **{k: date[k] for k in DATE_COLUMNS},
        "place_id": place,
        "claim_status": claim_status,
        "claimed_by_actor_id": claimed_by,
        "fatalities": fatalities,
        "injuries": injuries,
        "method": method,
        "notes": notes,
    }


DATE_COLUMNS = (
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "date_char_start",
    "date_char_end",
    "date_method",
)


def actor_links(event_id: str, pairs: Sequence[tuple[str | None, str]]) -> list[dict[str, Any]]:
    """event_actors rows for (actor, role) pairs: empty actors skipped, each pair once."""
    seen: set[tuple[str, str]] = set()
    links = []
    for actor, role in pairs:
        if actor and (actor, role) not in seen:
            seen.add((actor, role))
            links.append({"event_id": event_id, "actor_id": actor, "role": role})
    return links

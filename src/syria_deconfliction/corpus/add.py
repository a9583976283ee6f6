"""`syria-deconfliction add FILE`: bring a new article into raw/ with a machine-drafted review file.

The file is copied byte for byte into raw/articles/, and
raw/curation/drafts/<article_id>.yaml receives
everything the automatic extractors draft for it (metadata, quotes with speakers, new actors,
dated event candidates with places), marked `status: unreviewed`. The build leaves the article
out of the published tables until a person has moved its reviewed records into the curation
files (raw/curation/articles.yaml, quotes.yaml, events.yaml, raw/knowledge/actors.yaml)
and deleted the draft, unless it
is run with --include-drafts, where every row of the article says `draft`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..paths import articles_dir, drafts_of, knowledge_of
from .article import extract_article
from .inputs import printable
from .knowledge import Knowledge
from .metadata import Given, make_given
from .reading import decode_article, read_bytes

HEADER = """\
# Draft curation for a new article, written by `syria-deconfliction add` on {today}.
# Nothing here is published while `status` is unreviewed. To review: check each record against the
# article, move what is right into raw/curation/articles.yaml, quotes.yaml, events.yaml and
# raw/knowledge/actors.yaml (formats in their headers), and delete this file.
# confidence values are the extractor's own; they are not probabilities.
# `given` (if present): values given with `add` (--metadata or flags); they win over the rules.
"""


def add_article(
    src: Path, raw: Path, today: dt.date | None = None, given: Given | None = None
) -> Path:
    """Copy `src` into raw/articles and write its draft; returns the draft's path. `given`
    (metadata file or flags) wins over what the rules infer, and the draft records it."""
    if given is not None and given.error:
        raise InputError(str(src), None, given.error, "correct the value given for the article")
    if printable(src.name) != src.name:
        raise InputError(
            printable(str(src)),
            None,
            "the file name is not UTF-8",
            "rename the file (raw/articles names must be readable on every system)",
        )
    try:
        data = read_bytes(src)
        text = decode_article(data)
    except ValueError as exc:
        raise InputError(str(src), None, str(exc).split("; ")[0], _fix(str(exc))) from exc
    dest = articles_dir(raw) / src.name
    sha = hashlib.sha256(data).hexdigest()
    for existing in articles_dir(raw).iterdir():
        if existing.name == src.name or hashlib.sha256(existing.read_bytes()).hexdigest() == sha:
            raise InputError(
                str(src),
                None,
                f"already in raw/articles as {existing.name}",
                "rename the file if it is a different article",
            )
    k = Knowledge.load(knowledge_of(raw))
    rows = extract_article(text, src.name, k, today, given=given, raw_sha256=sha)
    art = rows["articles"][0]
    draft = drafts_of(raw) / f"{art['article_id']}.yaml"
    if draft.exists():
        raise InputError(
            str(draft),
            art["article_id"],
            "a draft with this id exists",
            "review or delete it first",
        )
    draft.parent.mkdir(exist_ok=True)
    shutil.copyfile(src, dest)
    body = yaml.safe_dump(
        draft_document(rows, sha, given), sort_keys=False, allow_unicode=True, width=100
    )
    draft.write_text(HEADER.format(today=today or dt.date.today()) + body, encoding="utf-8")
    return draft


def _fix(reason: str) -> str:
    """The fix half of a reading error ("...; convert the file to UTF-8")."""
    return reason.split("; ", 1)[1] if "; " in reason else "give a UTF-8 text file"


def draft_document(
    rows: dict[str, list[dict[str, Any]]], sha: str, given: Given | None = None
) -> dict[str, Any]:
    art = rows["articles"][0]
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    # What the user gave (method metadata in the rows), kept so that a build with drafts
    # drafts the article with the same values.
    given_doc = {}
    if given is not None:
        given_doc["given"] = {
            k: iso(v) if isinstance(v, dt.date) else v for k, v in given.as_meta().items()
        }
    return {
        "status": "unreviewed",
        **given_doc,
        "article": {
            "article_id": art["article_id"],
            "source_file": art["source_file"],
            "raw_sha256": sha,
            "notes": art["notes"],
            "headline": art["headline"],
            "publisher": art["publisher"],
            "publisher_method": art["publisher_method"],
            "url": art["url"],
            "credits": art["credits"],
            "printed_date_text": art["printed_date_text"],
            "published_date": {
                "date": iso(art["published_date"]),
                "precision": art["published_date_precision"],
                "method": art["published_date_method"],
                "evidence": art["published_date_evidence"],
                "note": art["published_date_note"],
            },
        },
        "quotes": [
            {
                "text": q["text"],
                "quote_type": q["quote_type"],
                "speaker": q["speaker_actor_id"],
                "speaker_mention": q["speaker_mention"],
                "verb": q["verb"],
                "confidence": q["confidence"],
                "reason": q["reason"],
            }
            for q in rows["quotes"]
        ],
        "new_actors": [
            {
                "id": a["actor_id"],
                "name": a["name"],
                "type_guess": a["type"],
                "mentions": a["mention_count"],
            }
            for a in rows["actor_candidates"]
        ],
        "events": [
            {
                "evidence": e["evidence_text"],
                "cameo": e["cameo_code"],
                "source": e["source_actor_id"],
                "target": e["target_actor_id"],
                "date": {
                    "text": e["date_text"],
                    "start": iso(e["date_start"]),
                    "end": iso(e["date_end"]),
                    "precision": e["date_precision"],
                    "method": e["date_method"],
                },
                "place": e["place_id"],
                "claim_status": e["claim_status"],
                "claimed_by": e["claimed_by_actor_id"],
                "notes": e["notes"],
            }
            for e in rows["events"]
        ],
    }


def given_of_draft(doc: dict[str, Any]) -> Given | None:
    """The values a draft was added with, as `add` recorded them."""
    given = doc.get("given")
    if not given:
        return None
    return make_given(str(given.get("origin") or "draft"), given)

"""Load raw/: the article files and the curated YAML, refusing anything malformed.

Every failure is an InputError that names the file, the record and the fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, show
from ..paths import articles_dir, curation_of
from ..yaml_plain import AnchorRefused, load_plain

SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class RawArticle:
    source_file: str
    raw_text: str
    raw_sha256: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        return self.meta["article_id"]


def read_yaml(path: Path) -> Any:
    """Parse a curated YAML file, turning syntax errors into an InputError with the line."""
    rel = _rel(path)
    if not path.is_file():
        raise InputError(rel, None, "file is missing", f"create {rel}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            rel, None, f"not UTF-8 ({exc.reason} at byte {exc.start})", "save the file as UTF-8"
        ) from exc
    try:
        return load_plain(text)
    except AnchorRefused as exc:
        raise InputError(
            rel,
            f"line {exc.mark.line + 1}, column {exc.mark.column + 1}",
            "YAML anchors and aliases (&name, *name) are not allowed in curation files",
            "write the value out in full",
        ) from None
    except RecursionError:
        raise InputError(rel, None, "YAML nested too deeply", "flatten the structure") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(
            rel,
            where,
            f"YAML syntax error: {problem}",
            "correct the YAML at that line (indentation, quotes, colons)",
        ) from exc
    except ValueError as exc:  # PyYAML raises this for impossible dates such as 2016-02-30
        raise InputError(
            rel, None, f"impossible value: {exc}", "write a real calendar date as YYYY-MM-DD"
        ) from exc


def read_checked(path: Path, spec_name: str) -> Any:
    """Parse a curation or knowledge file and check it against schemas/curation/<spec>.json."""
    from .spec import check

    doc = read_yaml(path)
    check(doc, spec_name, _rel(path))
    return doc


def check_fields(
    rel: str, record: str, entry: dict[str, Any], allowed: set[str], required: set[str]
) -> None:
    """Refuse unknown and missing fields in one curated record."""
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise InputError(
            rel,
            record,
            f"unknown field(s) {', '.join(unknown)}",
            f"use only: {', '.join(sorted(allowed))}",
        )
    missing = sorted(k for k in required if entry.get(k) in (None, ""))
    if missing:
        raise InputError(
            rel,
            record,
            f"missing field(s) {', '.join(missing)}",
            "add them (see the comment at the top of the file)",
        )


ARTICLE_FIELDS = {
    "article_id",
    "source_file",
    "raw_sha256",
    "publisher",
    "publisher_reason",
    "url",
    "rights",
    "notes",
    "published_date",
}
ARTICLE_REQUIRED = {"article_id", "source_file", "raw_sha256", "rights"}
PUBDATE_FIELDS = {"date", "precision", "evidence", "reason", "confidence", "outside_knowledge"}
PUBDATE_REQUIRED = PUBDATE_FIELDS - {"outside_knowledge"}


def load_articles(raw: Path, drafts: set[str] = frozenset()) -> list[RawArticle]:
    """Read raw/curation/articles.yaml and every file in raw/articles/, cross-checked both ways.

    `drafts` are files added with `syria-deconfliction add` whose review is pending: they may
    lack an entry (the build handles them apart)."""
    meta_path = curation_of(raw) / "articles.yaml"
    rel = _rel(meta_path)
    doc = read_checked(meta_path, "articles")
    if not isinstance(doc, dict) or not isinstance(doc.get("articles"), list):
        raise InputError(
            rel,
            None,
            "expected a mapping with a list under 'articles'",
            "start the file with 'articles:' followed by '- article_id: ...' entries",
        )
    files = {p.name: p for p in sorted(articles_dir(raw).iterdir()) if p.is_file()}
    # Every source_file names a file inside raw/articles (checked before anything is read).
    for name in [e.get("source_file") for e in doc["articles"] if isinstance(e, dict)]:
        if isinstance(name, str):
            contained(raw, name, rel)
    seen_ids: dict[str, str] = {}
    seen_files: set[str] = set()
    out: list[RawArticle] = []
    for i, entry in enumerate(doc["articles"]):
        if not isinstance(entry, dict):
            raise InputError(
                rel,
                f"entry {i + 1}",
                "entry is not a mapping",
                "write each article as '- article_id: ...' with its fields",
            )
        record = str(entry.get("article_id") or f"entry {i + 1}")
        check_fields(rel, record, entry, ARTICLE_FIELDS, ARTICLE_REQUIRED)
        _check_published_date(rel, record, entry.get("published_date"))
        if entry.get("publisher") and not entry.get("publisher_reason"):
            raise InputError(
                rel,
                record,
                "curated publisher without publisher_reason",
                "say why the publisher is believed",
            )
        aid, name = entry["article_id"], entry["source_file"]
        if aid in seen_ids:
            raise InputError(
                rel,
                aid,
                f"duplicate article_id (also used for {seen_ids[aid]})",
                "give each article its own id",
            )
        if name in seen_files:
            raise InputError(
                rel, aid, f"source_file {name} is listed twice", "keep one entry per file"
            )
        seen_ids[aid] = name
        seen_files.add(name)
        if name not in files:
            raise InputError(
                rel, aid, f"no file raw/articles/{name}", "add the file or remove this entry"
            )
        out.append(read_article(files[name], entry))
    unlisted = sorted(set(files) - seen_files - set(drafts))
    if unlisted:
        raise InputError(
            f"raw/articles/{unlisted[0]}",
            None,
            "file has no entry in raw/curation/articles.yaml",
            "add an entry with article_id, source_file, raw_sha256 and rights",
        )
    return out


def read_article(
    path: Path, meta: dict[str, Any], recorded_in: str = "raw/curation/articles.yaml"
) -> RawArticle:
    """Read one article file as strict UTF-8 and check it against its recorded hash."""
    rel = _rel(path)
    record = meta.get("article_id")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(rel, record, "file is empty", "replace it with the article's text")
    sha = hashlib.sha256(data).hexdigest()
    recorded = meta.get("raw_sha256")
    # Always checked: a missing, empty or malformed hash never skips the check.
    if not (isinstance(recorded, str) and SHA256.fullmatch(recorded)):
        raise InputError(
            rel,
            record,
            f"raw_sha256 {show(recorded)} is not 64 hexadecimal characters",
            f"record the file's sha256 (64 lowercase hex digits, e.g. from sha256sum {rel})",
        )
    if recorded != sha:
        raise InputError(
            rel,
            record,
            f"sha256 is {sha}, {recorded_in} records {recorded[:16]}…",
            "raw files are never edited: restore the original or record a new article",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            rel,
            record,
            f"not UTF-8 ({exc.reason} at byte {exc.start})",
            "convert the file to UTF-8 (e.g. iconv -f cp1252 -t utf-8)",
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return RawArticle(path.name, text, sha, meta)


def contained(raw: Path, name: str, rel: str, record: str | None = None) -> Path:
    """The file `name` inside raw/articles, refusing names that climb out of it.

    Absolute paths, '..', folders and symbolic links that resolve outside raw/articles are
    refused; the message never shows the file's contents."""
    folder = articles_dir(raw)
    candidate = Path(name)
    bad = (
        not name
        or candidate.is_absolute()
        or ".." in candidate.parts
        or len(candidate.parts) != 1
        or "\\" in name
        or "\0" in name
    )
    if not bad:
        resolved = (folder / candidate).resolve()
        bad = resolved.parent != folder.resolve()
    if bad:
        raise InputError(
            rel,
            record,
            f"source_file {show(name)} is not a file name inside raw/articles",
            "give the bare name of a file in raw/articles/ (no folders, '..' or links out)",
        )
    return folder / candidate


def _check_published_date(rel: str, record: str, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise InputError(
            rel,
            record,
            "published_date must be a mapping",
            "give date, precision, evidence, reason and confidence",
        )
    check_fields(rel, f"{record}.published_date", value, PUBDATE_FIELDS, PUBDATE_REQUIRED)
    if not isinstance(value["date"], dt.date):
        raise InputError(
            rel,
            record,
            f"published_date.date {value['date']!r} is not a date",
            "write it as YYYY-MM-DD, unquoted",
        )
    for key, allowed in (("precision", ("day", "month", "year")),
                         ("confidence", ("high", "medium", "low"))):
        if value[key] not in allowed:
            raise InputError(rel, record, f"published_date.{key} {value[key]!r} is invalid",
                             f"use {', '.join(allowed)}")


def _rel(path: Path) -> str:
    parts = path.parts
    return str(Path(*parts[parts.index("raw") :])) if "raw" in parts else str(path)

"""What a user knows about an article before the extractors read it: a metadata manifest.

`extract --metadata FILE` and `add --metadata FILE` take a CSV or JSON Lines file (`.csv`,
`.jsonl`, `.jsonl.gz`) with one record per input file: `file` (the name or path as given on the
command line) and optional `published_date`, `url`, `publisher`, `headline`. A given value wins
over what the rules infer from the text, and the row says so (method `metadata`).

Structural faults (unknown columns, no `file`, a repeated file, unreadable lines) are one-line
`InputError`s before anything runs. A bad value (a date that is no date, a URL that is no URL)
does not stop the run: it travels with the record as `Given.error` and sends that one article to
errors.csv with the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError

FIELDS = ("published_date", "url", "publisher", "headline")
COLUMNS = ("file", *FIELDS)


@dataclass(frozen=True)
class Given:
    """Values given for one article from outside its text; `origin` names where they came from
    (for messages and notes), `error` is set when one of them is unusable."""

    origin: str
    published_date: dt.date | None = None
    url: str | None = None
    publisher: str | None = None
    headline: str | None = None
    error: str | None = None

    def as_meta(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in ("origin", *FIELDS)}


def parse_date(value: str) -> dt.date:
    """An ISO date, or an ISO date-time as scrapers write it ("2019-04-01 12:30:00",
    "2019-04-01T12:30:00Z"): the calendar date as written, no time-zone shift."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published_date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def check_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value.strip():
        raise ValueError(f"url {value!r} is not an http(s) address")
    return value.strip()


def _text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and name != "url":
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {type(value).__name__}")
    return value.strip() or None


def make_given(origin: str, values: Mapping[str, Any]) -> Given:
    """A Given from raw values; an unusable value becomes `error` instead of raising."""
    try:
        date = values.get("published_date")
        if isinstance(date, dt.date):  # YAML and JSON readers may have parsed it already
            date = date.isoformat()
        date = _text(date, "published_date")
        url = _text(values.get("url"), "url")
        return Given(
            origin,
            parse_date(date) if date else None,
            check_url(url) if url else None,
            _text(values.get("publisher"), "publisher"),
            _text(values.get("headline"), "headline"),
        )
    except ValueError as exc:
        return Given(origin, error=f"{origin}: {exc}")


def open_lines(path: Path) -> io.BufferedIOBase:
    """Binary line stream of a plain or gzip-compressed file (lines decoded one at a time, so
    one bad line is one bad record)."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


@dataclass(frozen=True)
class Row:
    file: str
    given: Given


def read_manifest(path: Path) -> list[Row]:
    """Every record of a manifest; one InputError for the first structural fault."""
    name = path.name.lower()
    if name.endswith(".csv"):
        rows = _read_csv(path)
    elif name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        rows = _read_jsonl(path)
    else:
        raise InputError(
            str(path), None, "unknown metadata format", "name it .csv, .jsonl or .jsonl.gz"
        )
    seen: dict[str, str] = {}
    out = []
    for where, rec in rows:
        unknown = sorted(set(rec) - set(COLUMNS))
        if unknown:
            raise InputError(
                str(path),
                where,
                f"unknown column(s) {', '.join(unknown)}",
                f"use only: {', '.join(COLUMNS)}",
            )
        file = rec.get("file")
        if not isinstance(file, str) or not file.strip():
            raise InputError(str(path), where, "no `file`", "name the input file of every record")
        file = file.strip()
        if file in seen:
            raise InputError(
                str(path), where, f"{file} is listed again ({seen[file]})", "keep one record"
            )
        seen[file] = where
        out.append(Row(file, make_given(f"{path.name} {where}", rec)))
    return out


def _read_csv(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            unknown = sorted(set(header) - set(COLUMNS))
            if unknown:  # checked on the header, so that an empty manifest says it too
                raise InputError(
                    str(path),
                    "header",
                    f"unknown column(s) {', '.join(unknown)}",
                    f"use only: {', '.join(COLUMNS)}",
                )
            rows = [(f"row {reader.line_num}", dict(r)) for r in reader]
    except UnicodeDecodeError as exc:
        raise InputError(str(path), None, f"not UTF-8 ({exc.reason})", "save it as UTF-8") from exc
    except csv.Error as exc:
        raise InputError(str(path), None, f"not valid CSV: {exc}", "fix the quoting") from exc
    for where, r in rows:
        if None in r:  # more cells than the header has columns
            raise InputError(str(path), where, "more cells than columns", "fix the row")
    return iter(rows)


def _read_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    rows = []
    try:
        with open_lines(path) as fh:
            for no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise InputError(
                        str(path), f"line {no}", f"not a JSON object: {exc}", "fix the line"
                    ) from exc
                if not isinstance(rec, dict):
                    raise InputError(str(path), f"line {no}", "not a JSON object", "fix the line")
                rows.append((f"line {no}", rec))
    except (OSError, EOFError) as exc:
        raise InputError(str(path), None, f"unreadable: {exc}", "check the file") from exc
    return iter(rows)


class Manifest:
    """Manifest records bound to the input files of one run.

    A record matches an input by the exact path given, else by resolved path, else by base name
    when exactly one input has it. `bind` sees every input path once (paths only, no reading) so
    that an ambiguous base name is found before the run starts."""

    def __init__(self, rows: Iterable[Row], origin: str = "metadata") -> None:
        self.rows = list(rows)
        self.origin = origin
        self.by_given = {r.file: r for r in self.rows}
        self.by_resolved = {_resolve(r.file): r for r in self.rows}
        self.by_name: dict[str, list[Row]] = {}
        for r in self.rows:
            self.by_name.setdefault(Path(r.file).name, []).append(r)
        self.bound: dict[str, Given] = {}
        self.unused: list[Row] = []

    @classmethod
    def load(cls, path: Path) -> Manifest:
        return cls(read_manifest(path), str(path))

    def _direct(self, p: str) -> Row | None:
        return self.by_given.get(p) or self.by_resolved.get(_resolve(p))

    def bind(self, inputs: Iterable[str]) -> None:
        """Match every record to its input. Raises InputError for an ambiguous base name."""
        direct: dict[str, Row] = {}
        named: dict[str, list[str]] = {}  # base name -> inputs not matched directly
        for p in inputs:
            row = self._direct(p)
            if row is not None:
                direct[p] = row
            elif Path(p).name in self.by_name:
                named.setdefault(Path(p).name, []).append(p)
        used = {id(r) for r in direct.values()}
        bound = dict(direct)
        for name, paths in named.items():
            rows = [r for r in self.by_name[name] if id(r) not in used]
            if not rows:
                continue
            if len(rows) > 1 or len(paths) > 1:
                raise InputError(
                    self.origin,
                    ", ".join(r.file for r in rows),
                    f"base name {name} matches {len(paths)} input file(s) and "
                    f"{len(rows)} record(s): ambiguous",
                    "give the file's path as on the command line",
                )
            bound[paths[0]] = rows[0]
            used.add(id(rows[0]))
        self.bound = {p: r.given for p, r in bound.items()}
        self.unused = [r for r in self.rows if id(r) not in used]

    def given_for(self, path: str) -> Given | None:
        return self.bound.get(path)


def _resolve(p: str) -> str:
    return os.path.realpath(p)


def given_from_flags(
    origin: str,
    published_date: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    headline: str | None = None,
) -> Given | None:
    values = {"published_date": published_date, "url": url, "publisher": publisher}
    values["headline"] = headline
    if all(v is None for v in values.values()):
        return None
    return make_given(origin, values)


def merge(base: Given | None, over: Given | None) -> Given | None:
    """Values of `over` (command-line flags) win over `base` (a manifest record)."""
    if base is None or over is None:
        return over or base
    values = {f: getattr(over, f) or getattr(base, f) for f in FIELDS}
    return Given(f"{over.origin} and {base.origin}", **values, error=over.error or base.error)

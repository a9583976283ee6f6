"""Scraped corpora as input: JSON Lines (`.jsonl`, `.jsonl.gz`), one article a line.

Field names are the ones news-please and trafilatura write, taken as they are: the text from
`text` or `maintext`; `title` (the headline); the date from `date_publish`, `published_date` or
`date` ("2019-04-01", "2019-04-01 12:30:00"); `url`; the publisher from `publisher`, `sitename`
or `source_domain`; `id`. Other fields are ignored. The file is read one line at a time (a corpus
of any size streams), and a line that cannot be used becomes one error naming file and line.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .metadata import make_given, open_lines
from .source import Document

TEXT_FIELDS = ("text", "maintext")
DATE_FIELDS = ("date_publish", "published_date", "date")
PUBLISHER_FIELDS = ("publisher", "sitename", "source_domain")


def _first(rec: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if rec.get(name) not in (None, ""):
            return rec[name]
    return None


def record_document(path: str, line_no: int, rec: Any) -> Document:
    """The document of one parsed JSONL record."""
    key = f"{path}:{line_no}"
    where = f"{Path(path).name}:{line_no}"
    if not isinstance(rec, dict):
        return Document(key, where, error=f"line {line_no}: not a JSON object")
    ident = rec.get("id")
    source = str(ident) if isinstance(ident, (str, int)) and str(ident).strip() else where
    text = _first(rec, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        problem = "no text (neither `text` nor `maintext`)" if text is None else "text is empty"
        if text is not None and not isinstance(text, str):
            problem = f"text is {type(text).__name__}, not a string"
        return Document(key, source, error=f"line {line_no}: {problem}")
    given = make_given(
        where,
        {
            "published_date": _first(rec, DATE_FIELDS),
            "url": rec.get("url"),
            "publisher": _first(rec, PUBLISHER_FIELDS),
            "headline": rec.get("title"),
        },
    )
    return Document(key, source, text=text.removeprefix("\ufeff"), given=given, error=given.error)


def iter_jsonl(path: str, skip: Callable[[str], bool] = lambda key: False) -> Iterator[Document]:
    """One document per non-blank line, in order; lines whose key `skip` accepts are passed over
    without being parsed (a resumed run)."""
    no = 0
    try:
        with open_lines(Path(path)) as fh:
            for no, line in enumerate(fh, start=1):  # noqa: B007 - `no` is reported on failure
                if not line.strip() or skip(f"{path}:{no}"):
                    continue
                try:
                    rec = json.loads(line.decode("utf-8").removeprefix("\ufeff"))
                except UnicodeDecodeError as exc:
                    yield Document(
                        f"{path}:{no}",
                        f"{Path(path).name}:{no}",
                        error=f"line {no}: not UTF-8 ({exc.reason} at byte {exc.start})",
                    )
                    continue
                except json.JSONDecodeError as exc:
                    yield Document(
                        f"{path}:{no}",
                        f"{Path(path).name}:{no}",
                        error=f"line {no}: malformed JSON ({exc.msg} at column {exc.colno})",
                    )
                    continue
                yield record_document(path, no, rec)
    except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt gzip, unreadable file
        key = f"{path}:{no + 1}"
        if not skip(key):
            yield Document(
                key,
                f"{Path(path).name}:{no + 1}",
                error=f"unreadable after line {no}: {exc}; the lines before it were read",
            )

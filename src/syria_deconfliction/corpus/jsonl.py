"""JSON Lines corpora as input: one article a line, with the field names news-please and
trafilatura write (`text`/`maintext`, `title`, `date_publish`/`published_date`/`date`, `url`,
`source_domain`/`publisher`/`sitename`, `id`), accepted as they are. The file is streamed line
by line; a malformed line becomes one input with its problem (one errors.csv row naming the
line), and the rest of the file goes on.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .metadata import make_given, open_lines
from .source import Input

TEXT_FIELDS = ("text", "maintext")
DATE_FIELDS = ("date_publish", "published_date", "date")
PUBLISHER_FIELDS = ("publisher", "sitename", "source_domain")


def _first(rec: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if rec.get(name) not in (None, ""):
            return rec[name]
    return None


def record_input(path: str, key: str, where: str, rec: Any) -> Input:
    """The input of one parsed JSONL record; `where` (`name:line`) names it in messages."""
    line_no = where.rsplit(":", 1)[1]
    if not isinstance(rec, dict):
        return Input(path, key, where, f"line {line_no}: not a JSON object")
    ident = rec.get("id")
    name = str(ident) if isinstance(ident, (str, int)) and str(ident).strip() else where
    text = _first(rec, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        problem = "no text (neither `text` nor `maintext`)" if text is None else "text is empty"
        if text is not None and not isinstance(text, str):
            problem = f"text is {type(text).__name__}, not a string"
        return Input(path, key, name, f"line {line_no}: {problem}")
    given = make_given(
        where,
        {
            "published_date": _first(rec, DATE_FIELDS),
            "url": rec.get("url"),
            "publisher": _first(rec, PUBLISHER_FIELDS),
            "headline": rec.get("title"),
        },
    )
    return Input(path, key, name, given.error, text=text.removeprefix("\ufeff"), given=given)


def iter_jsonl(path: str, key: str, name: str, seen: set[str]) -> Iterator[Input]:
    """One input per non-blank line, in order, keyed `key:line`; lines whose key is in `seen`
    (done in an earlier run) are passed over without being parsed."""
    no = 0
    try:
        with open_lines(Path(path)) as fh:
            for no, line in enumerate(fh, start=1):  # noqa: B007 - `no` is reported on failure
                rec_key, where = f"{key}:{no}", f"{name}:{no}"
                if not line.strip() or rec_key in seen:
                    continue
                seen.add(rec_key)
                try:
                    rec = json.loads(line.decode("utf-8").removeprefix("\ufeff"))
                except UnicodeDecodeError as exc:
                    problem = f"line {no}: not UTF-8 ({exc.reason} at byte {exc.start})"
                    yield Input(path, rec_key, where, problem)
                    continue
                except json.JSONDecodeError as exc:
                    problem = f"line {no}: malformed JSON ({exc.msg} at column {exc.colno})"
                    yield Input(path, rec_key, where, problem)
                    continue
                yield record_input(path, rec_key, where, rec)
    except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt gzip, unreadable file
        rec_key = f"{key}:{no + 1}"
        if rec_key not in seen:
            problem = f"unreadable after line {no}: {exc}; the lines before it were read"
            yield Input(path, rec_key, f"{name}:{no + 1}", problem)

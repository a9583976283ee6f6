"""One input of an `extract` run, as the runner sees it: an article file or a JSONL record."""

from __future__ import annotations

from dataclasses import dataclass

from .metadata import Given

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True)
class Document:
    key: str  # unique in a run: the path as given, or `path:line` for a JSONL record
    source: str  # what the articles row records as source_file
    path: str | None = None  # a file to read (None when `text` is given)
    text: str | None = None
    given: Given | None = None
    error: str | None = None


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)

"""One input of an `extract` run, as the runner sees it: an article file or a JSONL record."""

from __future__ import annotations

from dataclasses import dataclass

from .metadata import Given

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True)
class Input:
    """One article to extract, or (with `problem`) an input that gives none, with the reason."""

    path: str  # as the file system knows it (may hold surrogate escapes of undecodable bytes)
    key: str  # unique in a run and what resume keys on: resolved path, or `path:line` for JSONL
    name: str  # the name in the tables: relative to the sources' common root, always printable
    problem: str | None = None
    text: str | None = None  # the article's text when it came inside a corpus record
    given: Given | None = None  # what the user knows about it (metadata file, corpus record)


def printable(name: str) -> str:
    """A file name as text that any writer accepts: bytes that are not UTF-8 (kept by Python
    as surrogate escapes) become backslash escapes such as \\xff, and the run goes on."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)

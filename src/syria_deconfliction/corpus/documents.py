"""The input documents of an `extract` run: article files and records of JSON Lines corpora.

One small interface for the runner: `iter_documents` yields `Document`s lazily, each with the
name its rows record (`source`), the key that errors and resume use (`key`), the raw text or
the file to read it from, and what was given about it (`Given`). A document that is already
known to be bad (a malformed JSONL line, an unusable metadata value) carries `error` and goes to
errors.csv like any failing article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .jsonl import iter_jsonl
from .metadata import Manifest
from .source import Document, is_jsonl


def as_document(item: Document | str) -> Document:
    """Plain paths are still accepted where documents are expected."""
    return item if isinstance(item, Document) else Document(item, Path(item).name, path=item)


def read_article_file(path: str) -> str:
    data = Path(path).read_bytes()
    if not data.strip():
        raise ValueError("file is empty")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from exc


def bind_manifest(manifest: Manifest, paths: Iterable[str]) -> None:
    """Match the manifest to the input files; a record naming a JSONL corpus is refused (its
    records carry their own metadata)."""
    manifest.bind(paths)
    corpora = sorted(p for p in manifest.bound if is_jsonl(p))
    if corpora:
        raise InputError(
            manifest.origin,
            corpora[0],
            "a metadata record names a JSON Lines corpus",
            "put the values into the corpus records (date_publish, url, publisher, title)",
        )


def iter_documents(
    paths: Iterable[str],
    manifest: Manifest | None = None,
    skip: Callable[[str], bool] = lambda key: False,
) -> Iterator[Document]:
    """Documents of the input paths in order, leaving out those whose key `skip` accepts
    (finished in an earlier run); JSONL corpora are streamed record by record."""
    for p in paths:
        if is_jsonl(p):
            yield from iter_jsonl(p, skip)
        elif not skip(p):
            given = manifest.given_for(p) if manifest is not None else None
            error = given.error if given is not None else None
            yield Document(p, Path(p).name, path=p, given=given, error=error)


def manifest_for(path: Path, inputs: Iterable[str], warn: Callable[[str], None]) -> Manifest:
    """Load a manifest and bind it to the inputs; one warning per record that names no input."""
    manifest = Manifest.load(path)
    bind_manifest(manifest, inputs)
    for row in manifest.unused:
        warn(f"warning: {path} [{row.file}]: names no input file; the record is not used")
    return manifest

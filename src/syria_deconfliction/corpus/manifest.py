"""Metadata files for an `extract` run, bound to its input files.

A record naming a JSON Lines corpus is refused: a corpus's records carry their own metadata.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from .metadata import Manifest
from .source import is_jsonl


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


def manifest_for(path: Path, inputs: Iterable[str], warn: Callable[[str], None]) -> Manifest:
    """Load a manifest and bind it to the inputs; one warning per record that names no input."""
    manifest = Manifest.load(path)
    bind_manifest(manifest, inputs)
    for row in manifest.unused:
        warn(f"warning: {path} [{row.file}]: names no input file; the record is not used")
    return manifest

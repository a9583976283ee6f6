"""The English news lexicon: word lists the rules use, kept as data in knowledge/lexicon/*.yaml.

Like spaCy's ``lang/en``, the language knowledge (function words, speech verbs, titles, role
nouns, abbreviations, months, number words ...) lives in data files, not in code. Each file maps
a key to its words separated by white space (or to a list of lines for tables). The files are
read and compiled once per process; a key missing from the data is a loud error, never an empty
set. The prefix of a key names the extractor using that copy: copies that differ are kept apart
until merging them has been measured on the evaluation sets.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..paths import lexicon_dir
from ..yaml_plain import load_plain

__all__ = ["entries", "sequence", "table", "words"]


@cache
def entries(folder: Path | None = None) -> dict[str, str | list[str]]:
    """Every key of every lexicon file (duplicate keys across files are an error)."""
    folder = folder or lexicon_dir()
    out: dict[str, str | list[str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = load_plain(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a lexicon file maps keys to word lists")
        for key, value in data.items():
            if key in out:
                raise ValueError(f"{path}: lexicon key {key!r} is defined twice")
            if not isinstance(value, str | list):
                raise ValueError(f"{path}: {key}: expected words separated by spaces or a list")
            out[key] = value
    return out


def _value(key: str) -> str | list[str]:
    try:
        return entries()[key]
    except KeyError:
        raise KeyError(f"lexicon key {key!r} missing from {lexicon_dir()}") from None


@cache
def sequence(key: str) -> tuple[str, ...]:
    """The words of ``key`` in the order written (for regex alternations, where order counts)."""
    value = _value(key)
    return tuple(value.split()) if isinstance(value, str) else tuple(str(v) for v in value)


@cache
def words(key: str) -> frozenset[str]:
    """The words of ``key`` as a set."""
    return frozenset(sequence(key))


@cache
def table(key: str) -> tuple[tuple[str, ...], ...]:
    """A table: one row per list item, cells separated by white space."""
    value = _value(key)
    if not isinstance(value, list):
        raise ValueError(f"lexicon key {key!r} is not a table (a list of rows)")
    return tuple(tuple(str(row).split()) for row in value)

"""Which files an `extract` run reads: the files, folders and globs a user named, expanded.

Every named source either yields files or is reported (never skipped in silence): a path that
does not exist stops the run before any work; a folder or glob with no article file in it
becomes one line in errors.csv. Each file is read once however often it is named (a folder
and a file inside it, a relative and an absolute name): files are identified by their resolved
path, which is also what resume keys on. The name a file gets in the tables is its path
relative to the common root of the sources, so two `a.txt` in different folders stay apart.
"""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .jsonl import iter_jsonl
from .metadata import Manifest
from .reading import MAX_ARTICLE_BYTES
from .source import Input, is_jsonl, printable

# Folder members that are read as articles; files named explicitly are read whatever they end in.
ARTICLE_SUFFIXES = (".txt",)


def is_article_file(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


def check_sources(sources: Sequence[str]) -> None:
    """Fail before any work if a source names nothing at all (a typo, not an empty folder)."""
    for src in sources:
        if not os.path.lexists(src) and next(glob.iglob(src, recursive=True), None) is None:
            raise FileNotFoundError(f"{printable(src)}: no such file, directory or glob match")


def common_root(sources: Sequence[str]) -> str:
    """The deepest folder holding every source (a folder counts as its own root)."""
    dirs = []
    for src in sources:
        if glob.has_magic(src) and not os.path.lexists(src):  # "in[1]" may be a real folder
            prefix = []
            for part in Path(src).parts:
                if glob.has_magic(part):
                    break
                prefix.append(part)
            base = str(Path(*prefix)) if prefix else "."
        else:
            base = src if os.path.isdir(src) else os.path.dirname(src) or "."
        dirs.append(os.path.abspath(base))
    return os.path.commonpath(dirs) if dirs else os.path.abspath(".")


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if is_article_file(name):
                yield os.path.join(root, name)


def _expand(src: str) -> Iterator[str]:
    """Files of one source, in a stable order: a folder's article files (recursively), a file
    itself, or every match of a glob (folders among the matches expand into their files)."""
    if os.path.isdir(src):
        yield from _walk(src)
    elif os.path.lexists(src):
        yield src
    else:
        for match in sorted(glob.iglob(src, recursive=True)):
            if os.path.isdir(match):
                yield from _walk(match)
            else:
                yield match


def iter_inputs(
    sources: Sequence[str], skip: Iterable[str] = (), manifest: Manifest | None = None
) -> Iterator[Input]:
    """Every article of the sources once, lazily, minus those whose key is in `skip` (done
    before): files, and the records of JSON Lines corpora one by one. A source that yields no
    file at all comes as one Input with a problem. `manifest` (bound to `input_files`) gives
    what the user knows about each file."""
    root = common_root(sources)
    seen: set[str] = set(skip)
    for src in sources:
        found = False
        for path in _expand(src):
            found = True
            # A dangling link has no file to be: it stays itself (and gets its errors line).
            key = os.path.realpath(path) if os.path.exists(path) else os.path.abspath(path)
            if key in seen:
                continue
            seen.add(key)
            name = Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
            if is_jsonl(path):
                yield from iter_jsonl(path, key, printable(name), seen)
                continue
            given = manifest.given_for(path) if manifest is not None else None
            problem = given.error if given is not None else None
            yield Input(path, key, printable(name), problem, given=given)
        if not found:
            key = "source:" + os.path.realpath(src)
            if key not in seen:
                seen.add(key)
                kind = "folder" if os.path.isdir(src) else "glob"
                yield Input(
                    src,
                    key,
                    printable(src),
                    f"no article file found in this {kind} (files ending in .txt, any case, "
                    "are read from folders; name other files explicitly)",
                )


def input_files(sources: Sequence[str]) -> list[str]:
    """The article files the sources name (as the file system knows them), for binding a
    metadata file to them; JSON Lines corpora carry their own metadata and are left out."""
    seen: set[str] = set()
    files = []
    for src in sources:
        for path in _expand(src):
            key = os.path.realpath(path)
            if not is_jsonl(path) and key not in seen:
                seen.add(key)
                files.append(path)
    return files


def drop_duplicate_content(items: Iterable[Input], seen: dict[str, str]) -> Iterator[Input]:
    """Read each file once here to hash it: a file whose bytes equal an earlier one's (the same
    article saved twice) becomes a problem naming the first, so the article is extracted once and
    its id, which holds the content hash, stays unique. `seen` maps sha256 to the first name and
    is filled as files pass (a resumed run passes in the hashes of its finished articles)."""
    for item in items:
        if item.problem is None and item.text is not None:  # a corpus record: hash its text
            sha: str | None = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
            first = seen.setdefault(sha, item.name)
            if first != item.name:
                problem = f"same text as {first}: extracted once, under that name"
                item = replace(item, problem=problem)
        elif item.problem is None:
            sha = None
            try:  # only regular files of article size: the worker says why it refuses others
                st = os.stat(item.path)
                if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_ARTICLE_BYTES:
                    with open(item.path, "rb") as fh:
                        sha = hashlib.file_digest(fh, "sha256").hexdigest()
            except OSError:  # the worker reports it, with the reason
                pass
            if sha is not None:
                first = seen.setdefault(sha, item.name)
                if first != item.name:
                    item = replace(
                        item, problem=f"same bytes as {first}: extracted once, under that name"
                    )
        yield item

"""Bad input stops the build with one clear line naming file, record and fix, exits non-zero
and leaves the previous build untouched."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TODAY, output_digests

from syria_deconfliction.errors import InputError
from syria_deconfliction.pipeline.run import build


def _outputs(root: Path) -> dict[str, str]:
    return output_digests(root)


def _meta(root: Path) -> Path:
    return root / "raw" / "curation" / "articles.yaml"


def _first_file(root: Path) -> Path:
    return sorted((root / "raw" / "articles").iterdir())[0]


def _rehash(root: Path, f: Path) -> None:
    """Record the new hash of an edited file so the test reaches the check it is about."""
    meta = _meta(root)
    text = meta.read_text()
    new = hashlib.sha256(f.read_bytes()).hexdigest()
    text = re.sub(
        rf"(source_file: {re.escape(f.name)}\n\s+raw_sha256: )[0-9a-f]+", rf"\g<1>{new}", text
    )
    meta.write_text(text)


def not_utf8(root: Path) -> None:
    f = _first_file(root)
    f.write_bytes(f.read_bytes().replace("’".encode(), b"\x92"))
    _rehash(root, f)


def empty(root: Path) -> None:
    f = _first_file(root)
    f.write_bytes(b"\n\n")
    _rehash(root, f)


def all_boilerplate(root: Path) -> None:
    f = _first_file(root)
    f.write_bytes(
        b"Advertisement\n\nShare\n\nSign up for our free weekly newsletter\n\nRead more\n"
    )
    _rehash(root, f)


def duplicate_id(root: Path) -> None:
    text = _meta(root).read_text()
    ids = re.findall(r"article_id: (\S+)", text)
    _meta(root).write_text(text.replace(f"article_id: {ids[1]}", f"article_id: {ids[0]}"))


def yaml_syntax(root: Path) -> None:
    _meta(root).write_text(
        _meta(root).read_text().replace("articles:\n", "articles:\n  - [unclosed\n", 1)
    )


def unknown_field(root: Path) -> None:
    _meta(root).write_text(
        _meta(root).read_text().replace("    url: null\n", "    url: null\n    colour: red\n", 1)
    )


def missing_article(root: Path) -> None:
    _first_file(root).unlink()


def impossible_date(root: Path) -> None:
    text = _meta(root).read_text()
    _meta(root).write_text(re.sub(r"date: \d{4}-\d{2}-\d{2}", "date: 2016-02-30", text, count=1))


def edited_raw_file(root: Path) -> None:
    f = _first_file(root)
    f.write_bytes(f.read_bytes() + b"\nEdited.\n")


def unlisted_file(root: Path) -> None:
    (root / "raw" / "articles" / "999_new.txt").write_text("A headline\n\nA sentence.\n")


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "not UTF-8": (not_utf8, r"raw/articles/\S+\.txt \[\S+\]: not UTF-8 .* Fix: convert"),
    "empty file": (empty, r"raw/articles/\S+\.txt \[\S+\]: file is empty"),
    "all boilerplate": (all_boilerplate, r"raw/articles/\S+\.txt \[\S+\]: no story text left"),
    "duplicate id": (duplicate_id, r"raw/curation/articles.yaml \[\S+\]: duplicate article_id"),
    "YAML syntax": (
        yaml_syntax,
        r"raw/curation/articles.yaml \[line \d+, column \d+\]: YAML syntax error",
    ),
    "unknown field": (
        unknown_field,
        r"raw/curation/articles.yaml \[\S+\]: unknown field\(s\) colour. Fix: use only",
    ),
    "metadata for missing article": (
        missing_article,
        r"raw/curation/articles.yaml \[\S+\]: no file raw/articles/",
    ),
    "impossible date": (impossible_date, r"raw/curation/articles.yaml: impossible value"),
    "edited raw file": (
        edited_raw_file,
        r"raw/articles/\S+ \[\S+\]: sha256 is [0-9a-f]+, raw/curation/articles.yaml records",
    ),
    "file without metadata": (unlisted_file, r"raw/articles/999_new.txt: file has no entry"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_loudly_and_leaves_build_untouched(case: str, project: Path) -> None:
    breaker, message = CASES[case]
    before = _outputs(project)
    breaker(project)
    with pytest.raises(InputError) as info:
        build(project, today=TODAY)
    line = str(info.value)
    assert "\n" not in line
    assert re.search(message, line), line
    assert "Fix:" in line
    assert _outputs(project) == before
    assert not list((project / "build").glob(".staging-*"))


def test_cli_exits_non_zero_on_bad_input(project: Path) -> None:
    duplicate_id(project)
    code = (
        "import sys, syria_deconfliction.paths as p, pathlib;"
        f"p.ROOT = pathlib.Path({str(project)!r});"
        "import syria_deconfliction.cli as c;"
        "sys.exit(c.main(['build']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "duplicate article_id" in proc.stderr and "left as they were" in proc.stderr

"""Read one article file as text, or say in one line why it is not an article.

Only UTF-8 text is read (a byte-order mark is dropped). Text that decodes but is not text is
refused too, because it would otherwise pass as an article of garbage: NUL bytes mean UTF-16
without a byte-order mark or a binary file, and many other control characters mean binary data.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

# Far above any news article (a long one is 100 KB): a bigger file is data, and reading it whole
# would only cost memory before the time limit stops it.
MAX_ARTICLE_BYTES = 50_000_000

# Control characters plain text does not hold (tab, line and page breaks are allowed).
BINARY_CONTROLS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
# Share of other control characters above which a file is binary, not text with a stray byte.
MAX_CONTROL_SHARE = 0.01
BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def decode_article(data: bytes) -> str:
    """The text of an article file; ValueError with the reason and the fix if it has none."""
    if not data.strip():
        raise ValueError("file is empty (or holds only white space); give the article's text")
    for bom, encoding in BOMS.items():  # UTF-32 first: its LE mark starts like UTF-16's
        if data.startswith(bom):
            raise ValueError(f"{encoding} text (byte-order mark); convert the file to UTF-8")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 ({exc.reason} at byte {exc.start}); convert the file to UTF-8"
        ) from exc
    if "\x00" in text:
        raise ValueError(
            "holds NUL bytes: UTF-16 without a byte-order mark or a binary file; "
            "convert the file to UTF-8 text"
        )
    controls = len(BINARY_CONTROLS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ValueError(
            f"{controls} control characters in {len(text)}: a binary file, not text"
        )
    if not text.strip():
        raise ValueError("file holds only white space; give the article's text")
    return text


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes; ValueError for what is not a regular file of article size (a pipe
    would block the run forever, a device never ends)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise ValueError("not a regular file (a pipe, socket or device); give a text file")
    if st.st_size > MAX_ARTICLE_BYTES:
        raise ValueError(
            f"{st.st_size:,} bytes is too large for one article "
            f"(limit {MAX_ARTICLE_BYTES:,}); split the file into articles"
        )
    return Path(path).read_bytes()


def read_article(path: str | Path) -> str:
    return decode_article(read_bytes(path))

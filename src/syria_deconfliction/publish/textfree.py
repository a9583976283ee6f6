"""Publish the tables without the publishers' words, and put the words back from a user's copy.

The article texts belong to their publishers. `strip_text` returns copies of the tables in which
every column holding words printed by a publisher is null, while every offset, every hash and
every value of our own (codes, ids, dates, curators' notes and summaries) stays. `hydrate` takes
the clean texts (article_id -> text; rebuild them from your own copies of the raw files with
`restore_texts`, which runs the project's cleaner) and refills every stripped column from the
offsets, after checking each text against `articles.text_sha256`. `hydrate(strip_text(t), ...)`
gives back `t` exactly.

Stripped (null in a text-free publication), and how each is restored:

- articles.text: the whole clean text; restored from `texts`, checked against text_sha256.
- articles.published_date_evidence: phrases of the article joined with ' | ' (no offset
  columns exist for it); each phrase is replaced by a locator, `@clean:START-END` into the clean
  text or `@raw:START-END` into the raw text, and restored from those. A phrase that is not in
  the article (a curator's own words) is kept as written.
- actor_mentions.text: clean text [char_start:char_end].
- quotes.text: clean text [char_start:char_end].
- quotes.speaker_mention: clean text [speaker_char_start:speaker_char_end].
- events.evidence_text: clean text [evidence_char_start:evidence_char_end].
- events.date_text: clean text [date_char_start:date_char_end].
- events_flat.evidence_text: as events.evidence_text.
- boilerplate.text: the removed lines of the raw page (adverts, but also donation appeals,
  photo captions and truncated story fragments); raw text [raw_char_start:raw_char_end],
  restored only when `raw_texts` (article_id -> the raw file's decoded text) is given.

Kept on purpose: articles.headline (the title of the work, needed to cite and identify it),
articles.credits and articles.rights (attribution, which the licences require),
articles.printed_date_text (a printed date, not expression), quotes.speaker_description,
events.summary and every notes column (written by the project's curators).

A value that the offsets cannot reproduce is never stripped silently: `strip_text` refuses
a span whose text differs from the article at its offsets, or which has words but no offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ARTICLE_TEXT = ("articles", "text")
DATE_EVIDENCE = ("articles", "published_date_evidence")
EVIDENCE_SEP = " | "
LOCATOR_RE = re.compile(r"@(?P<src>clean|raw):(?P<start>\d+)-(?P<end>\d+)")


@dataclass(frozen=True)
class Span:
    """A text column that equals a slice of an article's clean or raw text."""

    table: str
    text: str
    start: str
    end: str
    source: str  # "clean" or "raw"


SPANS: tuple[Span, ...] = (
    Span("actor_mentions", "text", "char_start", "char_end", "clean"),
    Span("quotes", "text", "char_start", "char_end", "clean"),
    Span("quotes", "speaker_mention", "speaker_char_start", "speaker_char_end", "clean"),
    Span("events", "evidence_text", "evidence_char_start", "evidence_char_end", "clean"),
    Span("events", "date_text", "date_char_start", "date_char_end", "clean"),
    Span("events_flat", "evidence_text", "evidence_char_start", "evidence_char_end", "clean"),
    Span("boilerplate", "text", "raw_char_start", "raw_char_end", "raw"),
)


class TextMismatch(ValueError):
    """A supplied text is not the one the tables were built from."""


def stripped_columns() -> dict[str, list[str]]:
    """table -> columns that a text-free publication leaves null (or, for
    published_date_evidence, replaces by locators)."""
    out: dict[str, list[str]] = {ARTICLE_TEXT[0]: [ARTICLE_TEXT[1], DATE_EVIDENCE[1]]}
    for s in SPANS:
        out.setdefault(s.table, []).append(s.text)
    return out


def is_text_free(tables: Mapping[str, pd.DataFrame]) -> bool:
    """True when the articles table has rows and none of them carries its text."""
    art = tables.get("articles")
    return art is not None and len(art) > 0 and bool(art["text"].isna().all())


def strip_text(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Copies of `tables` without the publishers' words (see the module docstring)."""
    out = {name: df.copy() for name, df in tables.items()}
    if "articles" not in out:
        raise ValueError("strip_text needs the articles table (its texts check every span)")
    art = out["articles"]
    if art["text"].isna().any():
        raise ValueError("articles.text already has nulls: the tables are already stripped")
    clean = dict(zip(art["article_id"], art["text"], strict=True))
    raw_lines = _raw_lines(out.get("boilerplate"))
    for span in SPANS:
        df = out.get(span.table)
        if df is None or len(df) == 0:
            continue
        for row in df[["article_id", span.text, span.start, span.end]].itertuples(index=False):
            aid, text, start, end = row
            if pd.isna(text):
                continue
            if pd.isna(start) or pd.isna(end):
                raise ValueError(f"cannot strip {span.table}.{span.text} ({aid}): it has words "
                                 f"({text!r}) but no {span.start}/{span.end} to restore them from")
            if span.source == "clean" and clean[aid][int(start):int(end)] != text:
                raise ValueError(f"cannot strip {span.table}.{span.text} ({aid}): {text!r} is not "
                                 f"the clean text at [{start}:{end}]")
        df[span.text] = _nulls_like(df[span.text])
    art["published_date_evidence"] = [
        _encode_evidence(v, clean[aid], raw_lines.get(aid, []))
        for aid, v in zip(art["article_id"], art["published_date_evidence"], strict=True)]
    art["published_date_evidence"] = art["published_date_evidence"].astype(
        tables["articles"]["published_date_evidence"].dtype)
    art["text"] = _nulls_like(art["text"])
    return out


def hydrate(tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str],
            raw_texts: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Copies of text-free `tables` with every stripped column refilled.

    `texts` maps article_id to the clean text; each must hash to articles.text_sha256 or a
    TextMismatch is raised. `raw_texts` (optional) maps article_id to the raw file's decoded
    text (UTF-8, without a byte-order mark); each must hash to articles.raw_sha256. Without it,
    boilerplate.text and any '@raw:' evidence locator stay as they are.
    """
    out = {name: df.copy() for name, df in tables.items()}
    art = out["articles"]
    clean = _checked(art, texts, "text_sha256", "clean text", _sha)
    raw = _checked(art, raw_texts, "raw_sha256", "raw text", _raw_sha) if raw_texts else None
    dtype = art["text"].dtype
    art["text"] = pd.Series([clean[a] for a in art["article_id"]], index=art.index, dtype=dtype)
    art["published_date_evidence"] = pd.Series(
        [_decode_evidence(v, clean[a], raw.get(a) if raw else None)
         for a, v in zip(art["article_id"], art["published_date_evidence"], strict=True)],
        index=art.index, dtype=art["published_date_evidence"].dtype)
    for span in SPANS:
        df = out.get(span.table)
        if df is None:
            continue
        source = clean if span.source == "clean" else raw
        if source is None:
            continue
        values = [None if pd.isna(s) or pd.isna(e) else source[a][int(s):int(e)]
                  for a, s, e in zip(df["article_id"], df[span.start], df[span.end], strict=True)]
        df[span.text] = pd.Series(values, index=df.index, dtype=df[span.text].dtype)
    return out


def restore_texts(articles: pd.DataFrame, raw_dir: Path,
                  boilerplate: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(clean texts, raw texts) by article_id, from a folder holding the raw article files
    (named as articles.source_file) and the boilerplate rules
    (raw/knowledge/boilerplate.yaml), through
    the project's own reader and cleaner. The reader refuses a file whose bytes differ."""
    from ..pipeline.clean import clean, load_boilerplate
    from ..pipeline.rawdata import read_article

    bp = load_boilerplate(boilerplate)
    texts: dict[str, str] = {}
    raws: dict[str, str] = {}
    for aid, name, sha in zip(articles["article_id"], articles["source_file"],
                              articles["raw_sha256"], strict=True):
        raw = read_article(raw_dir / name, {"article_id": aid, "raw_sha256": sha})
        raws[aid] = raw.raw_text
        texts[aid] = clean(raw.raw_text, bp).text
    return texts, raws


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _raw_sha(text: str) -> str | tuple[str, str]:
    # The reader drops a UTF-8 byte-order mark, so the file may have had one.
    return _sha(text), _sha("\ufeff" + text)


def _checked(art: pd.DataFrame, supplied: Mapping[str, str] | None, sha_col: str, what: str,
             sha_fn) -> dict[str, str]:
    supplied = supplied or {}
    missing = [a for a in art["article_id"] if a not in supplied]
    if missing:
        raise TextMismatch(f"no {what} supplied for {len(missing)} article(s): "
                           f"{', '.join(missing)}")
    out = {}
    for aid, want, name in zip(art["article_id"], art[sha_col], art["source_file"], strict=True):
        text = supplied[aid]
        got = sha_fn(text)
        ok = want in got if isinstance(got, tuple) else got == want
        if not ok:
            shown = got[0] if isinstance(got, tuple) else got
            raise TextMismatch(
                f"article {aid}: the supplied {what} has sha256 {shown}, but articles.{sha_col} "
                f"is {want}. It is not the text these tables were built from: rebuild it from "
                f"an unchanged copy of raw/articles/{name} with restore_texts().")
        out[aid] = text
    return out


def _nulls_like(col: pd.Series) -> pd.Series:
    return pd.Series([None] * len(col), index=col.index, dtype=col.dtype)


def _raw_lines(boilerplate: pd.DataFrame | None) -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    if boilerplate is None:
        return out
    for aid, start, text in zip(boilerplate["article_id"], boilerplate["raw_char_start"],
                                boilerplate["text"], strict=True):
        if not pd.isna(text):
            out.setdefault(aid, []).append((int(start), text))
    return out


def _encode_evidence(value: object, clean: str, raw_lines: list[tuple[int, str]]) -> str | None:
    if value is None or pd.isna(value):
        return None
    parts = []
    for phrase in str(value).split(EVIDENCE_SEP):
        if LOCATOR_RE.fullmatch(phrase):
            raise ValueError(f"published_date_evidence phrase {phrase!r} looks like a locator")
        at = clean.find(phrase) if phrase else -1
        if at >= 0:
            parts.append(f"@clean:{at}-{at + len(phrase)}")
            continue
        for start, line in raw_lines:
            i = line.find(phrase) if phrase else -1
            if i >= 0:
                parts.append(f"@raw:{start + i}-{start + i + len(phrase)}")
                break
        else:
            parts.append(phrase)  # not the article's words: the curator's own
    return EVIDENCE_SEP.join(parts)


def _decode_evidence(value: object, clean: str, raw: str | None) -> str | None:
    if value is None or pd.isna(value):
        return None
    parts = []
    for part in str(value).split(EVIDENCE_SEP):
        m = LOCATOR_RE.fullmatch(part)
        if not m or (m["src"] == "raw" and raw is None):
            parts.append(part)
            continue
        source = clean if m["src"] == "clean" else raw
        parts.append(source[int(m["start"]):int(m["end"])])
    return EVIDENCE_SEP.join(parts)

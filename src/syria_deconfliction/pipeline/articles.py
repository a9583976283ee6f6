"""Derive each article's metadata row: headline, publisher, credits, printed and published dates."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..extract.dates import PublicationDate, infer_publication_date, parse_printed_date
from .clean import CleanArticle
from .rawdata import RawArticle

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# The most frequent English function words; a text where they make up a large share of the
# words is English. Other languages get null until their word lists are added.
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "that",
        "is",
        "was",
        "he",
        "for",
        "it",
        "with",
        "as",
        "his",
        "on",
        "be",
        "at",
        "by",
        "i",
        "this",
        "had",
        "not",
        "are",
        "but",
        "from",
        "or",
        "have",
        "an",
        "they",
        "which",
        "one",
        "you",
        "were",
        "her",
        "all",
        "she",
        "there",
        "would",
        "their",
        "we",
        "him",
        "been",
        "has",
        "when",
        "who",
        "will",
        "more",
        "no",
        "if",
        "out",
        "so",
        "said",
        "what",
        "up",
        "its",
        "about",
        "into",
        "than",
        "them",
        "can",
        "only",
        "other",
        "new",
        "some",
        "could",
        "time",
        "these",
        "two",
        "may",
        "then",
        "do",
        "first",
        "any",
        "my",
        "now",
        "such",
        "like",
        "our",
        "over",
        "man",
        "me",
        "even",
        "most",
        "made",
        "after",
        "also",
        "did",
        "many",
        "before",
        "must",
        "through",
        "back",
        "years",
        "where",
        "much",
        "your",
        "way",
        "well",
        "down",
        "should",
        "because",
        "each",
        "just",
        "those",
        "people",
        "how",
        "too",
        "little",
        "state",
        "good",
        "very",
        "make",
        "world",
        "still",
        "own",
        "see",
        "men",
        "work",
        "long",
        "get",
        "here",
        "between",
        "both",
        "life",
        "being",
        "under",
        "never",
        "day",
        "same",
        "another",
        "know",
        "while",
        "last",
        "might",
        "us",
        "great",
        "old",
        "year",
        "off",
        "come",
        "since",
        "against",
        "go",
        "came",
        "right",
        "used",
        "take",
        "three",
    ]
)
EARLIEST_STORY = dt.date(2011, 1, 1)


def detect_language(text: str) -> str:
    return _language(lower_words(text))


def lower_words(text: str) -> list[str]:
    """``WORD_RE``'s words of ``text``, lower-cased. Lower case keeps every other character's
    length and class (word character, joiner or neither), so the words of the lower-cased
    text are the lower-cased words (one lowering, not one per word); but for İ, which lower
    case makes two characters, and Σ, whose lower case depends on what follows the word."""
    if "\u0130" in text or "\u03a3" in text:
        return [w.lower() for w in WORD_RE.findall(text)]
    return WORD_RE.findall(text.lower())


def _language(words: list[str]) -> str:
    # counted by map (a C loop): the share of the (lower-case) words that are function words
    share = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) / max(len(words), 1)
    return "en" if share >= 0.25 else "und"


def article_row(
    raw: RawArticle, clean: CleanArticle, today: dt.date, where: str | None = None
) -> dict[str, Any]:
    """The articles row; `where` names the file in messages (default: its place in raw/)."""
    meta = raw.meta
    if not clean.text.strip() or not any(s.role == "body" for s in clean.segments):
        raise InputError(
            where or f"raw/articles/{raw.source_file}",
            raw.article_id,
            "no story text left after removing boilerplate",
            "check that the file holds the article, or narrow the rule in "
            "raw/knowledge/boilerplate.yaml that removed its lines",
        )
    printed = parse_printed_date(clean.printed_date_text) if clean.printed_date_text else None
    rule = infer_publication_date(
        clean.text,
        printed,
        printed_line=clean.printed_date_text,
        copyright_year=clean.copyright_year,
    )
    pub = _published(raw, clean, rule, today)
    status, note = _printed_status(printed, rule, pub.date, pub.note)
    publisher, pub_method = _publisher(clean, meta)
    given = meta.get("given") or {}
    words = lower_words(clean.text)
    return {
        "article_id": raw.article_id,
        "source_file": raw.source_file,
        "raw_sha256": raw.raw_sha256,
        "text_sha256": hashlib.sha256(clean.text.encode("utf-8")).hexdigest(),
        "publisher": publisher,
        "publisher_method": pub_method or "none",
        "headline": given.get("headline") or clean.headline,
        "credits": list(clean.credits),
        "printed_date_text": clean.printed_date_text,
        "printed_date": printed,
        "printed_date_status": status,
        "published_date": pub.date,
        "published_date_precision": pub.precision,
        "published_date_evidence": pub.evidence or None,
        "published_date_method": pub.method,
        "published_date_confidence": pub.confidence,
        "published_date_note": note,
        "rule_published_date": rule.date,
        "rule_published_date_precision": rule.precision,
        "copyright_year": clean.copyright_year,
        "language": _language(words),
        "word_count": len(words),
        "text": clean.text,
        "boilerplate_lines_removed": len(clean.removed),
        "url": meta.get("url") or given.get("url"),
        "review_status": meta.get("review_status", "reviewed"),
        "rights": meta["rights"].strip(),
        "notes": (meta.get("notes") or "").strip() or None,
    }


@dataclass(frozen=True)
class _Published:
    date: dt.date | None
    precision: str | None
    method: str
    confidence: str
    evidence: str | None
    note: str


def _published(raw: RawArticle, clean: CleanArticle, rule: PublicationDate, today: dt.date
               ) -> _Published:
    """The publication date: curation (raw/curation/articles.yaml) wins over values given from
    outside the text (a metadata file, a corpus record), which win over the rules."""
    meta = raw.meta
    rel = "raw/curation/articles.yaml"
    given = meta.get("given") or {}
    curated = meta.get("published_date")
    if curated:
        for words in curated["evidence"]:
            if words not in clean.text:
                raise InputError(
                    rel,
                    raw.article_id,
                    f"published_date evidence {words!r} is not in the clean text",
                    "quote the article's words exactly (curly quotes and all)",
                )
        pub = _Published(curated["date"], curated["precision"], "curated",
                         curated["confidence"], " | ".join(curated["evidence"]),
                         curated["reason"].strip())
    elif given.get("published_date"):
        date = given["published_date"]
        note = f"Given in {given['origin']}."
        if rule.date is not None and rule.date != date:
            note += f" The rules alone give {rule.date.isoformat()} ({rule.precision})."
        rel = given["origin"]
        pub = _Published(date, "day", "metadata", "high", None, note)
    else:
        pub = _Published(rule.date, rule.precision, rule.method, rule.confidence, rule.evidence,
                         rule.note)
    if pub.date is not None and not (EARLIEST_STORY <= pub.date <= today):
        raise InputError(
            rel,
            raw.article_id,
            f"publication date {pub.date} is impossible",
            f"dates must fall between {EARLIEST_STORY} and today",
        )
    return pub


def _printed_status(printed: dt.date | None, rule: PublicationDate, date: dt.date | None,
                    note: str) -> tuple[str, str]:
    """Whether the printed date is absent, consistent or contradicted, and the date note (which
    says so when the printed date is not the story's)."""
    if printed is None:
        return "absent", note
    if rule.printed_contradicted or (date is not None and date != printed):
        if f"{printed}" not in note:
            note += f" The printed date {printed.isoformat()} is not the story's date."
        return "contradicted", note
    return "consistent", note


def _publisher(clean: CleanArticle, meta: dict[str, Any]) -> tuple[str | None, str | None]:
    """The publisher and how it is known: curated, given, the cleaner's, or a wire credit."""
    given = meta.get("given") or {}
    if meta.get("publisher"):
        return meta["publisher"], "curated"
    if given.get("publisher"):
        return given["publisher"], "metadata"
    if clean.publisher is None and clean.agency_credits:
        return clean.agency_credits[0], "wire_credit"
    return clean.publisher, clean.publisher_method


def segment_rows(article_id: str, clean: CleanArticle) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "segment_no": i,
            "role": s.role,
            "char_start": s.clean_start,
            "char_end": s.clean_end,
            "raw_char_start": s.raw_start,
            "raw_char_end": s.raw_end,
            "raw_line_no": s.line_no,
        }
        for i, s in enumerate(clean.segments)
    ]


def boilerplate_rows(article_id: str, clean: CleanArticle) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "raw_line_no": r.line_no,
            "raw_char_start": r.raw_start,
            "raw_char_end": r.raw_end,
            "text": r.text,
            "rule": r.rule,
            "kind": r.kind,
        }
        for r in clean.removed
    ]

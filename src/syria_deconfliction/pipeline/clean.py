"""Separate an article's story from page boilerplate, keeping a map back to the raw file.

The raw text is read line by line. Each line is either kept (headline, body paragraph or credit
line) or removed by a rule from raw/knowledge/boilerplate.yaml, and every removal is recorded
with its rule so a reader can audit it. Kept lines are copied verbatim (only surrounding
whitespace is dropped and no-break spaces become plain spaces, which keeps lengths equal) and
joined with blank lines, so each clean character maps back to exactly one raw character through
`segments`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from re import _constants as _sre  # the regex parser's node types
from re import _parser as _sre_parser  # CPython's regex parser (its syntax tree)

from ..errors import InputError
from ..extract.case import lower_for_ignorecase
from .rawdata import _rel, check_fields, read_checked

PARAGRAPH_BREAK = "\n\n"
# What a rule's match removes: the line, the line and all after it, the line and the links
# after it until the story resumes (a related-links rail), or nothing (the line stays in the
# story as a `credit` segment and only feeds the metadata).
SCOPES = frozenset({"line", "tail", "rail", "none"})


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    scope: str
    pattern: re.Pattern[str]

    @cached_property
    def needs(self) -> tuple[str, bool] | None:
        """Characters every match holds, written together (in lower case when the pattern
        ignores case), and whether it does: a line without them is not tried (see
        _needed_literal)."""
        needed = _needed_literal(self.pattern)
        return None if needed is None else (needed, bool(self.pattern.flags & re.IGNORECASE))


_MIN_NEEDED = 4  # shorter literals are in most lines: not worth a test


def _needed_literal(pattern: re.Pattern[str]) -> str | None:
    """The longest run of ASCII characters written one after the other at the pattern's top
    level ("directly to your inbox" in ".*(news|newsletter)[^.]*directly to your inbox.*"),
    which every match holds; lower-cased when the pattern ignores case (extract/case.py says
    when the lower-cased line holds it then). None when no run has _MIN_NEEDED characters."""
    best, run = "", ""
    for op, av in _sre_parser.parse(pattern.pattern, pattern.flags):
        if op is _sre.LITERAL and chr(av).isascii():
            run += chr(av)
            continue
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    if len(best) < _MIN_NEEDED:
        return None
    return best.lower() if pattern.flags & re.IGNORECASE else best


@dataclass(frozen=True)
class Boilerplate:
    rules: tuple[Rule, ...]
    duplicate_captions: bool
    caption_credit: re.Pattern[str] | None
    sentence_end: re.Pattern[str]
    # A line after a rail resumes the story when it has this many words and ends so
    # (boilerplate.yaml rail_resumes).
    prose_min_words: int
    prose_end: re.Pattern[str]


@dataclass(frozen=True)
class Segment:
    """A kept line: clean[clean_start:clean_end] == raw[raw_start:raw_end] (spaces normalised)."""

    clean_start: int
    clean_end: int
    raw_start: int
    raw_end: int
    line_no: int
    role: str  # headline, body or credit (a line a rule of scope `none` read and kept)


@dataclass(frozen=True)
class Removed:
    line_no: int
    raw_start: int
    raw_end: int
    text: str
    rule: str
    kind: str


@dataclass
class CleanArticle:
    text: str
    headline: str | None
    segments: list[Segment]
    removed: list[Removed]
    credits: list[str] = field(default_factory=list)
    # The credits that name a wire agency (kind `credit`): only these can stand for the
    # publisher; a byline or contributor line names people, never the outlet.
    agency_credits: list[str] = field(default_factory=list)
    printed_date_text: str | None = None
    copyright_year: int | None = None
    publisher: str | None = None
    publisher_method: str | None = None



def load_boilerplate(path: Path) -> Boilerplate:
    doc = read_checked(path, "boilerplate")
    rel = _rel(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise InputError(rel, None, "expected a 'rules:' list", "see the comment at the top")
    rules = []
    for i, r in enumerate(doc["rules"]):
        record = str(r.get("id", f"rule {i + 1}")) if isinstance(r, dict) else f"rule {i + 1}"
        if not isinstance(r, dict):
            raise InputError(
                rel, record, "rule is not a mapping", "write {id, kind, scope, pattern}"
            )
        check_fields(
            rel, record, r, {"id", "kind", "scope", "pattern"}, {"id", "kind", "scope", "pattern"}
        )
        if r["scope"] not in SCOPES:
            raise InputError(rel, record, f"scope {r['scope']!r} is invalid",
                             f"use one of {', '.join(sorted(SCOPES))}")
        rules.append(Rule(r["id"], r["kind"], r["scope"], _compile(rel, record, r["pattern"])))
    cap = doc.get("photo_caption") or {}
    tail = doc.get("truncated_tail") or {}
    rail = doc.get("rail_resumes") or {}
    return Boilerplate(
        tuple(rules),
        bool(cap.get("duplicate_consecutive", False)),
        # A caption ENDS in its credit; a wire lede ("CITY (Agency) - ...") only starts with one.
        _compile(rel, "photo_caption", rf"(?:{cap['credit_suffix']})[\s.]*$")
        if cap.get("credit_suffix")
        else None,
        _compile(rel, "truncated_tail", tail.get("sentence_end", r"[.!?]$")),
        int(rail.get("min_words", 10)),
        _compile(rel, "rail_resumes", rail.get("sentence_end", r"[.!?]$")),
    )


def _compile(rel: str, record: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InputError(rel, record, f"bad regular expression: {exc}", "fix the pattern") from exc


@dataclass
class _Line:
    no: int
    start: int  # raw offset of the stripped content
    end: int
    text: str


def _lines(raw: str) -> list[_Line]:
    out, pos = [], 0
    for no, line in enumerate(raw.splitlines(keepends=True)):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            out.append(_Line(no, start, start + len(stripped), stripped))
        pos += len(line)
    return out


def clean(raw: str, bp: Boilerplate) -> CleanArticle:
    """Split one raw article into its clean text and the removed lines, with reasons."""
    lines = _lines(raw)
    removed: list[Removed] = []
    kept: list[_Line] = []
    credit_lines: set[int] = set()  # line numbers kept by a rule of scope `none`
    art = CleanArticle("", None, [], removed)
    tail_from: Rule | None = None

    def drop(line: _Line, rule: str, kind: str) -> None:
        removed.append(Removed(line.no, line.start, line.end, line.text, rule, kind))

    for i, line in enumerate(lines):
        rule, match = _match(bp.rules, line.text)
        if tail_from is not None and rule is None and tail_from.scope == "rail" \
                and _reads_as_prose(line.text, bp):
            tail_from = None  # a rail of links inside the page: the story goes on after it
        if tail_from is not None and (rule is None or rule.scope != "none"):
            # a tail ends the story, but an author's credit after a related-links rail is
            # still the story's own
            drop(line, tail_from.id, tail_from.kind)
            continue
        if rule is not None and match is not None:
            _harvest(art, rule, match, line.text)
            if rule.scope == "none":
                credit_lines.add(line.no)
                kept.append(line)
                continue
            drop(line, rule.id, rule.kind)
            # A tail rule ends the story only once the story has begun: the same rail or box
            # printed above the headline removes just its own line.
            if rule.scope in ("tail", "rail") and kept:
                tail_from = rule
            continue
        if _is_caption(bp, lines, i):
            drop(line, "photo-caption", "photo_caption")
            continue
        kept.append(line)

    # A crawl that stopped mid-sentence leaves a fragment as the last line.
    if len(kept) > 2 and kept[-1].no not in credit_lines \
            and not bp.sentence_end.search(kept[-1].text):
        frag = kept.pop()
        drop(frag, "truncated-tail", "truncated_fragment")

    removed.sort(key=lambda r: r.line_no)
    parts: list[str] = []
    pos = 0
    for j, line in enumerate(kept):
        if j:
            parts.append(PARAGRAPH_BREAK)
            pos += len(PARAGRAPH_BREAK)
        if line.no in credit_lines:
            role = "credit"
        elif j == 0 and _looks_like_headline(line.text, bp):
            role = "headline"
        else:
            role = "body"
        if role == "headline":
            art.headline = line.text.replace("\xa0", " ")
        art.segments.append(Segment(pos, pos + len(line.text), line.start, line.end, line.no, role))
        parts.append(line.text.replace("\xa0", " "))
        pos += len(line.text)
    art.text = "".join(parts)
    return art


def _match(rules: tuple[Rule, ...], text: str) -> tuple[Rule | None, re.Match[str] | None]:
    """The first rule whose pattern matches the whole line. A rule is skipped when the line
    lacks what every match of it holds (Rule.needs), a test much cheaper than the pattern."""
    folded: str | None = None  # the line's lower case, made when a rule first needs it
    regular = True  # the lower case stands for case-insensitive matching (extract/case.py)
    for rule in rules:
        if rule.needs is not None:
            needs, ignorecase = rule.needs
            if not ignorecase:
                if needs not in text:
                    continue
            elif regular:
                if folded is None:
                    folded = lower_for_ignorecase(text)
                    regular = folded is not None
                if folded is not None and needs not in folded:
                    continue
        m = rule.pattern.fullmatch(text)
        if m:
            return rule, m
    return None, None


def _harvest(art: CleanArticle, rule: Rule, m: re.Match[str], text: str) -> None:
    """Keep what a removed line says about the article: credits, dates, copyright, publisher."""
    groups = m.groupdict()
    if rule.kind in {"credit", "contributors"}:
        credit = groups.get("credit") or text
        if credit not in art.credits:
            art.credits.append(credit)
        if rule.kind == "credit" and credit not in art.agency_credits:
            art.agency_credits.append(credit)
    elif rule.kind == "dateline" and art.printed_date_text is None:
        art.printed_date_text = text
    elif rule.kind == "copyright" and groups.get("year"):
        art.copyright_year = int(groups["year"])
    publisher = groups.get("publisher")
    if publisher and art.publisher is None:
        art.publisher = publisher.strip()
        art.publisher_method = "copyright" if rule.kind == "copyright" else "page"


def _reads_as_prose(text: str, bp: Boilerplate) -> bool:
    """A paragraph of story text, not a link's headline or teaser: long, and ends a sentence."""
    return len(text.split()) >= bp.prose_min_words and bool(bp.prose_end.search(text))


def _is_caption(bp: Boilerplate, lines: list[_Line], i: int) -> bool:
    text = lines[i].text
    if bp.caption_credit is not None and bp.caption_credit.search(text):
        return True
    if bp.duplicate_captions:
        prev = lines[i - 1].text if i > 0 else None
        nxt = lines[i + 1].text if i + 1 < len(lines) else None
        return text in (prev, nxt)
    return False


def _looks_like_headline(text: str, bp: Boilerplate) -> bool:
    # Headlines are short and do not end like a sentence ("Reports" and "get through" do not).
    return len(text.split()) <= 25 and not re.search(r"[.]$", text)

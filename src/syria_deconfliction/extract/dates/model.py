"""Date expressions and resolved dates as the date rules return them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KINDS = (
    "explicit_day",
    "explicit_month",
    "explicit_year",
    "weekday",
    "relative",
    "range",
    "since",
    "duration_before",
    "duration_after",
)
PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    text: str  # == the searched text[start:end]
    kind: str  # one of KINDS


@dataclass(frozen=True)
class ResolvedDate:
    date_start: dt.date
    date_end: dt.date
    precision: str  # day, week, month, year
    method: str  # explicit, relative-resolved
    text: str  # the words resolved
    note: str = ""  # set when the date is implausible (before 1900, after the anchor, ...)


@dataclass(frozen=True)
class PublicationDate:
    date: dt.date | None
    precision: str | None  # day, month, year
    method: str  # printed, rule, none
    evidence: str  # the words that fix it, joined with " | "
    confidence: str  # high, medium, low
    note: str
    printed_contradicted: bool



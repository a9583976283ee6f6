"""Date expressions in English news text, and the publication date of a story.

Part 1 finds date expressions (``find_date_expressions``) and resolves them against an
anchor, the article's publication date (``resolve``). Expressions that count from another
event rather than from the anchor ("24 hours prior", "roughly 90 minutes later") are found
with kind ``duration_before``/``duration_after`` and applied to an event date with ``shift``.

Part 2 decides the publication date of a story (``infer_publication_date``) from the date
printed on the page and the evidence in the body; the rules are listed in its docstring.

Conventions
-----------
* Spans follow TimeML practice for neutral prepositions: "on", "in", "at", "during" and
  "throughout" before an expression are not part of its span ("on June 16" -> "June 16"),
  while words that change the meaning are ("since 2011", "between September 4 and 15",
  "late on Wednesday", "early this month", "Roughly 90 minutes later"). ``resolve`` accepts
  either form, and a trailing possessive ("last October's").
* Only capitalised month and weekday names are recognised. A bare "May" (no day or year),
  a bare year and bare abbreviations ("Sept.") need a preposition or modifier before them,
  because "may", "2000 people" and "Sun" are more often something else.
* Years 1800-2099 only. Day numbers are checked against the month (February 29 only in leap
  years). A resolved date before 1900, or an explicit date after the anchor when ``future``
  is False, is returned with a ``note`` saying so.
* ``precision`` is the size of the period the words name (day, week, month, year); early/mid/
  late parts narrow ``date_start``/``date_end`` but keep the period's precision
  (mid-September: 11-20 September, precision month).
* ``method`` is "explicit" when the words carry the year, "relative-resolved" when the anchor
  was needed (year-less dates, weekdays, "last week", "since ...").
"""

from __future__ import annotations

from .expressions import find_date_expressions
from .model import DateExpr, PublicationDate, ResolvedDate
from .publication import STALE_YEARS, copyright_years, infer_publication_date, parse_printed_date
from .resolution import resolve, shift

__all__ = [
    "DateExpr",
    "PublicationDate",
    "ResolvedDate",
    "STALE_YEARS",
    "copyright_years",
    "find_date_expressions",
    "infer_publication_date",
    "parse_printed_date",
    "resolve",
    "shift",
]

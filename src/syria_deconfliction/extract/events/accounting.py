"""Accounting: candidates not covered by curated evidence or rejections."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Candidate

# --------------------------------------------------------------------------- accounting


def unaccounted_candidates(
    candidates: Sequence[Candidate],
    evidence_spans: Iterable[tuple[int, int]],
    rejected_spans: Iterable[tuple[int, int]],
) -> list[Candidate]:
    """Candidates neither covered nor rejected.

    Covered: the trigger lies inside the evidence span of a curated event. Rejected: a rejected
    span (words of the candidate's sentence) lies inside the candidate's sentence.
    """
    ev = list(evidence_spans)
    rej = list(rejected_spans)
    out = []
    for c in candidates:
        if any(a <= c.trigger_start and c.trigger_end <= b for a, b in ev):
            continue
        if any(c.sentence_start <= a and b <= c.sentence_end for a, b in rej):
            continue
        out.append(c)
    return out

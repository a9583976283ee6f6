"""The automatic quote extractor alone (no curation) against the curated quotes of the five
articles, per article and overall: detection precision and recall, and speaker accuracy.
Targets on the five articles: precision and recall 1.00, speaker accuracy >= 0.95.
The same figures for the unseen fixture articles follow.

    python benchmarks/quotes.py
"""

from __future__ import annotations

from evaluate import main

if __name__ == "__main__":
    raise SystemExit(main(["--only", "quotes", "--per-article"]))

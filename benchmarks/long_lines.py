"""Time of `extract` on one article whose story is a single line, as the line grows.

For each size (default 100 KB, 500 KB, 1 MB, 5 MB) a file of invented sentences on one line is
generated under --work and extracted in-process, as one worker does it (knowledge loaded once,
before timing), with the per-article time limit (--timeout seconds), so the benchmark always
finishes: a size over the limit is reported as such. Printed
per size: seconds, seconds per MB, and that figure relative to the smallest size. Extraction
linear in the line's length keeps the ratio flat (about 1); growing ratios mean super-linear work.

    python benchmarks/long_lines.py [--sizes-kb 100 500 1000 5000] [--timeout 60] [--work DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

WORDS = ["convoy", "envoy", "talks", "meeting", "hall", "delegates", "border", "ministry",
         "statement", "village", "morning", "report", "crossing", "patrol", "council"]
NAMES = ["Anna Berg", "Tomas Lind", "Mira Holt", "Jonas Falk"]


def one_line_article(size: int, seed: int = 0) -> str:
    """A headline and one paragraph of invented sentences of `size` characters or more."""
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        s = (f"{rng.choice(NAMES)} said the {rng.choice(WORDS)} near the {rng.choice(WORDS)} "
             f"was {rng.choice(['closed', 'open', 'delayed', 'calm'])} on Tuesday. ")
        parts.append(s)
        n += len(s)
    return "Envoy reports on the crossing\n\n" + "".join(parts).rstrip() + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes-kb", type=int, nargs="+", default=[100, 500, 1000, 5000])
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per file (limit)")
    ap.add_argument("--work", type=Path, default=None, help="folder for inputs and outputs")
    args = ap.parse_args()

    from syria_deconfliction.corpus.inputs import Input
    from syria_deconfliction.corpus.runner import process_chunk

    work = args.work or Path(tempfile.mkdtemp(prefix="sd-long-lines-"))
    work.mkdir(parents=True, exist_ok=True)
    warm = work / "warm-up.txt"
    warm.write_text(one_line_article(2000), encoding="utf-8")
    process_chunk([Input(str(warm), str(warm), warm.name)], None, args.timeout)
    print(f"{'size':>8} {'seconds':>9} {'s per MB':>9} {'ratio':>7}  (linear: ratio ~1)")
    base = None
    for kb in args.sizes_kb:
        path = work / f"line-{kb}kb.txt"
        path.write_text(one_line_article(kb * 1000), encoding="utf-8")
        t0 = time.perf_counter()
        rows = process_chunk([Input(str(path), str(path), path.name)], None, args.timeout)
        seconds = time.perf_counter() - t0
        if rows["errors"]:
            print(f"{kb:>6}KB {seconds:>9.1f}  not extracted: {rows['errors'][0]['error'][:60]}")
            continue
        per_mb = seconds / (kb / 1000)
        base = base or per_mb
        print(f"{kb:>6}KB {seconds:>9.2f} {per_mb:>9.2f} {per_mb / base:>7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

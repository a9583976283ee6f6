"""Time of a build of the curated dataset from raw/, and how it splits across stages.

The build runs in a temporary copy of the project (the published files are not touched), a few
times; per stage the median is printed.

    python benchmarks/build_stages.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from syria_deconfliction.pipeline.run import build  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    stages: dict[str, list[float]] = {}
    totals = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(ROOT / "raw", root / "raw")
        for _ in range(args.runs):
            t0 = time.perf_counter()
            report = build(root)
            totals.append(time.perf_counter() - t0)
            for k, v in report.seconds.items():
                stages.setdefault(k, []).append(v)
    total = statistics.median(totals)
    print(f"build of the curated dataset: median {total:.2f} s over {args.runs} runs "
          f"({sum(report.rows.values())} rows in {len(report.rows)} tables)")
    for k, v in stages.items():
        m = statistics.median(v)
        print(f"  {k:<10} {m:6.2f} s  {100 * m / total:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

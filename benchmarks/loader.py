"""Cold start of the loader against plain pandas on the same Parquet file, measured in one run.

A: python -c "import syria_deconfliction as s; s.load('events')"
B: python -c "import pandas; pandas.read_parquet('<the same file>')"
Each run is a fresh interpreter; A and B alternate (A B A B ...) so drift hits both, and the
ratio is taken pair by pair. Target: median A/B <= 1.15.

    python benchmarks/loader.py [--table events] [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def timed(code: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--table", default="events")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    import syria_deconfliction as sd

    path = sd.path(args.table)
    a = f"import syria_deconfliction as s; s.load({args.table!r})"
    b = f"import pandas; pandas.read_parquet({str(path)!r})"
    timed(a), timed(b)  # warm the file cache and the bytecode caches
    pairs = [(timed(a), timed(b)) for _ in range(args.runs)]
    ra, rb = [p[0] for p in pairs], [p[1] for p in pairs]
    ratios = [x / y for x, y in pairs]
    print(f"loader cold start, table {args.table} ({path.stat().st_size} bytes), {args.runs} pairs")
    print(f"  syria_deconfliction.load : median {statistics.median(ra) * 1000:.0f} ms "
          f"(min {min(ra) * 1000:.0f}, max {max(ra) * 1000:.0f})")
    print(f"  pandas.read_parquet      : median {statistics.median(rb) * 1000:.0f} ms "
          f"(min {min(rb) * 1000:.0f}, max {max(rb) * 1000:.0f})")
    print(f"  ratio A/B pair by pair   : median {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f}); target <= 1.15")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

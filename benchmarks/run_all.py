"""Every benchmark in turn (what `make bench` runs). The 100k-article scale run takes about an
hour on 2 cores; pass --quick for sizes 1000 and 10000."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    quick = "--quick" in sys.argv
    steps = [["evaluate.py", "--per-article"], ["loader.py"], ["build_stages.py"],
             ["long_lines.py", *(["--sizes-kb", "100", "500"] if quick else [])],
             ["scale.py", *(["--sizes", "1000", "10000"] if quick else [])]]
    for step in steps:
        print(f"== {' '.join(step)}", flush=True)
        subprocess.run([sys.executable, str(HERE / step[0]), *step[1:]], check=True, cwd=HERE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

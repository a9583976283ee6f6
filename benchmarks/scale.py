"""Throughput and memory of the automatic extraction as the corpus grows, and the speed-up of
two worker processes over one.

For each size N (default 1000, 10000, 100000) a synthetic corpus is made once with
make_corpus.py (cached under --work), then `syria-deconfliction extract` runs over it as a
separate process with --parquet-only. Reported per N: wall seconds, articles per second, per
second per core, and the peak memory of the whole process tree (sum of resident sets, sampled
every 0.2 s with psutil). Time per article should stay flat (within 20% of the smallest N) and
peak memory should not grow with N.

The speed-up is measured in one run, alternating 1 worker and 2 workers on the same corpus
(--speedup-size articles, --repeat pairs), as the median of the pair-by-pair ratios; the
1-worker runs give the throughput of one core (target >= 100 articles/s, aim 200).

The package's bytecode is written first (as pip does for an installed wheel). The stage
breakdown runs the extraction in this process over --stage-articles articles of the
same corpus and prints the time of each stage (clean, article row with the publication date,
Document, mentions, candidate actors, quotes, events, rows) per article and as a share.

With --jsonl the same articles are packed into one gzipped JSON Lines corpus per N (news-please
field names, cached under --work) and extract streams it: memory must stay flat there too.
--repeat 0 skips the speed-up pairs.

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--workers 2] [--work /tmp/sd-bench]
        [--jsonl] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "syria_deconfliction"]


def compile_package() -> None:
    """Write the package's bytecode first, as pip does when it installs a wheel. Where
    PYTHONDONTWRITEBYTECODE is set (as on this project's machines) an editable checkout would
    otherwise compile its sources again in every process, some 0.15 s an installed copy never
    spends."""
    import compileall

    import syria_deconfliction

    compileall.compile_dir(Path(syria_deconfliction.__file__).parent, quiet=1)


def ensure_corpus(work: Path, n: int) -> Path:
    """The first n articles of one cached corpus (folders of 1,000 articles)."""
    corpus = work / "corpus"
    have = sum(1 for _ in corpus.glob("*/*.txt")) if corpus.exists() else 0
    if have < n:
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(corpus), str(n)],
            check=True,
        )
    return corpus


def inputs_for(corpus: Path, n: int) -> list[str]:
    folders = sorted(corpus.iterdir())
    if n % 1000 == 0:
        return [str(f) for f in folders[: n // 1000]]
    return [str(p) for p in sorted(folders[0].glob("*.txt"))[:n]]


def ensure_jsonl(work: Path, corpus: Path, n: int) -> Path:
    """The first n articles of the corpus as one .jsonl.gz (one article a line), made once."""
    import gzip
    import json

    path = work / f"corpus-{n}.jsonl.gz"
    if not path.exists():
        tmp = path.with_name(path.name + ".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8") as fh:
            for f in sorted(corpus.glob("*/*.txt"))[:n]:
                rec = {
                    "id": f.stem,
                    "maintext": f.read_text(encoding="utf-8"),
                    "date_publish": None,
                }
                fh.write(json.dumps(rec) + "\n")
        os.replace(tmp, path)
    return path


def run_extract(inputs: list[str], out: Path, workers: int) -> tuple[float, float]:
    """(wall seconds, peak resident MiB of the process tree) of one extract run."""
    import psutil

    shutil.rmtree(out, ignore_errors=True)
    cmd = [
        *CLI,
        "extract",
        *inputs,
        "--out",
        str(out),
        "--workers",
        str(workers),
        "--parquet-only",
        "--quiet",
    ]
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                procs = [ps, *ps.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"extract failed: {err.decode()[-2000:]}")
    return wall, peak / 2**20


def stage_breakdown(corpus: Path, n: int) -> None:
    """Seconds per extraction stage over the first n articles, in this process (one core)."""
    sys.path.insert(0, str(ROOT / "src"))
    from syria_deconfliction.corpus.article import Stopwatch, extract_article
    from syria_deconfliction.corpus.knowledge import Knowledge

    k = Knowledge.load()
    files = sorted(corpus.glob("*/*.txt"))[:n]
    texts = [(f.read_text(encoding="utf-8"), f.name) for f in files]
    extract_article(*texts[0], k)  # compile the knowledge outside the measurement
    clock = Stopwatch()
    cpu0 = time.process_time()
    for text, name in texts:
        extract_article(text, name, k, clock=clock)
    cpu = time.process_time() - cpu0
    total = sum(clock.seconds.values())
    print(f"stage breakdown, one process, {len(texts)} articles: {1000 * total / len(texts):.1f} "
          f"ms/article wall, {1000 * cpu / len(texts):.1f} ms/article CPU "
          f"({len(texts) / cpu:.0f} articles/s per core of CPU time)")
    for stage, sec in sorted(clock.seconds.items(), key=lambda kv: -kv[1]):
        ms = 1000 * sec / len(texts)
        print(f"  {stage:<32} {ms:>7.2f} ms/article {100 * sec / total:>5.1f}%")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--speedup-size", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/sd-bench"))
    ap.add_argument("--jsonl", action="store_true", help="one .jsonl.gz corpus per size")
    ap.add_argument("--stage-articles", type=int, default=300)
    args = ap.parse_args(argv)
    corpus = ensure_corpus(args.work, max([*args.sizes, args.speedup_size, args.stage_articles]))
    compile_package()
    if args.stage_articles:
        stage_breakdown(corpus, args.stage_articles)
    kind = "one .jsonl.gz corpus" if args.jsonl else "files"
    print(
        f"machine: {os.cpu_count()} cores; extract --workers {args.workers}, synthetic corpus "
        f"({kind})"
    )
    print(
        f"  {'articles':>9} {'seconds':>9} {'art/s':>8} {'art/s/core':>11} "
        f"{'ms/article/core':>16} {'peak MiB':>9}"
    )
    base = None
    results = []
    for n in args.sizes:
        inputs = [str(ensure_jsonl(args.work, corpus, n))] if args.jsonl else inputs_for(corpus, n)
        wall, peak = run_extract(inputs, args.work / f"out-{n}", args.workers)
        per_core = n / wall / args.workers
        ms = 1000 / per_core
        base = base or (ms, peak)
        results.append((n, ms, peak))
        print(f"  {n:>9} {wall:>9.1f} {n / wall:>8.1f} {per_core:>11.1f} {ms:>16.1f} {peak:>9.0f}")
    if len(results) > 1:
        worst_time = max(ms for _, ms, _ in results) / base[0]
        worst_mem = max(p for _, _, p in results) / base[1]
        print(f"  time per article, largest / smallest N: {worst_time:.2f} (target <= 1.20)")
        print(f"  peak memory, largest / smallest N:      {worst_mem:.2f} (flat: ~1.0)")
    if args.repeat < 1:
        return 0
    inputs = inputs_for(corpus, args.speedup_size)
    ratios, ones = [], []
    for _ in range(args.repeat):
        one, _ = run_extract(inputs, args.work / "out-speedup", 1)
        two, _ = run_extract(inputs, args.work / "out-speedup", 2)
        ratios.append(one / two)
        ones.append(one)
    if ratios:
        print(
            f"  one worker on {args.speedup_size} articles: median "
            f"{args.speedup_size / statistics.median(ones):.1f} articles/s per core "
            "(target >= 100, aim 200)"
        )
        print(
            f"  speed-up, 2 workers over 1 on {args.speedup_size} articles: median "
            f"{statistics.median(ratios):.2f} (pairs: {', '.join(f'{r:.2f}' for r in ratios)}; "
            "target >= 1.80)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

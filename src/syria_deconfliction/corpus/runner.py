"""Run the automatic extractors over a corpus of any size, streaming.

Inputs are enumerated lazily and cut into chunks of `chunk_size` articles; each chunk is one
task (local processes or Dask) that returns the rows of its articles, and one partition file per
table (`<out>/parquet/<table>/part-NNNNN.parquet`, and CSV on request) is written as soon as its
chunk is done. Memory therefore holds a few chunks, whatever the corpus size. A failing article
becomes a row in `errors` (file, reason) and the run goes on. `_progress.jsonl` lists finished
partitions and their files, so an interrupted run resumes without redoing them.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from .documents import Document, as_document, iter_documents, read_article_file
from .knowledge import Knowledge, knowledge_dir
from .metadata import Manifest

# Per-partition tables; `actors` (registry entries referenced, plus candidates) comes at the end.
TABLES = ("articles", "actor_mentions", "actor_candidates", "quotes", "events", "event_actors")
ERRORS_SCHEMA = ["source_file", "error"]
PROGRESS = "_progress.jsonl"

_KNOWLEDGE: Knowledge | None = None


def _init_worker(raw: str | None) -> None:
    """Load the knowledge once per process, and compile what the extractors derive from it
    (a forked worker inherits both from a parent that called this)."""
    global _KNOWLEDGE
    wanted = Path(raw) if raw else knowledge_dir()
    if _KNOWLEDGE is not None and _KNOWLEDGE.raw == wanted:
        return
    _KNOWLEDGE = Knowledge.load(wanted)
    from ..extract.mentions import find_mentions

    find_mentions("", _KNOWLEDGE.registry.actors, _KNOWLEDGE.registry.places)
    _KNOWLEDGE.triggers  # noqa: B018 - loads and compiles the trigger lexicon


def process_chunk(
    docs: Sequence[Document | str], raw: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Extract every article of a chunk (documents, or plain file paths). The one function both
    engines run."""
    from .article import extract_article

    _init_worker(raw)
    assert _KNOWLEDGE is not None
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in (*TABLES, "errors")}
    for d in map(as_document, docs):
        p = d.key
        try:
            if d.error:
                raise ValueError(d.error)
            text = d.text if d.text is not None else read_article_file(d.path or p)
            rows = extract_article(text, d.source, _KNOWLEDGE, where=p, given=d.given)
        except (InputError, ValueError, OSError) as exc:
            out["errors"].append({"source_file": p, "error": str(exc)})
            continue
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            out["errors"].append({"source_file": p, "error": f"{type(exc).__name__}: {exc}"})
            continue
        for table, table_rows in rows.items():
            out[table].extend(table_rows)
    return out


def iter_inputs(sources: Iterable[str]) -> Iterator[str]:
    """Files named, files in directories (recursively, *.txt) and glob matches, lazily."""
    for src in sources:
        p = Path(src)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(".txt"):
                        yield str(Path(root) / name)
        elif p.exists():
            yield str(p)
        else:
            matches = glob.iglob(src, recursive=True)
            first = next(matches, None)
            if first is None:
                raise FileNotFoundError(f"{src}: no such file, directory or glob match")
            yield first
            yield from matches


def chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while batch := list(islice(items, size)):
        yield batch


@dataclass
class RunReport:
    articles: int = 0
    errors: int = 0
    partitions: int = 0
    skipped_partitions: int = 0


class PartitionWriter:
    def __init__(self, out: Path, formats: Sequence[str]) -> None:
        self.out, self.formats = out, tuple(formats)
        out.mkdir(parents=True, exist_ok=True)
        self.progress = out / PROGRESS

    def done(self) -> dict[int, list[str]]:
        if not self.progress.exists():
            return {}
        parts = {}
        for line in self.progress.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            parts[rec["partition"]] = rec["files"]
        return parts

    def write(self, n: int, files: list[str], rows: dict[str, list[dict[str, Any]]]) -> None:
        from .tables import frame

        for table, table_rows in rows.items():
            df = frame(table, table_rows)
            for fmt in self.formats:
                folder = self.out / fmt / table
                folder.mkdir(parents=True, exist_ok=True)
                final = folder / f"part-{n:05d}.{fmt}"
                tmp = final.with_suffix(f".{fmt}.tmp")
                if fmt == "parquet":
                    from .tables import write_parquet_partition

                    write_parquet_partition(df, table, tmp)
                else:
                    from .tables import write_csv_partition

                    write_csv_partition(df, table, tmp)
                os.replace(tmp, final)
        with self.progress.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"partition": n, "files": files}) + "\n")


TASK_SIZE = 25  # articles per task: small, so that workers share the load evenly


def run(
    sources: Sequence[str],
    out: Path,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = 200,
    formats: Sequence[str] = ("parquet",),
    raw: Path | None = None,
    progress: Callable[[int], None] | None = None,
    manifest: Manifest | None = None,
) -> RunReport:
    """Extract a corpus into partitioned files under `out`.

    Work goes out in tasks of TASK_SIZE articles (so that workers stay evenly busy) and comes
    back in input order; every `chunk_size` articles make one output partition. `manifest`
    (bound to the inputs beforehand) gives metadata for input files; JSON Lines corpora are
    read record by record."""
    writer = PartitionWriter(out, formats)
    done = writer.done()
    finished = {f for files in done.values() for f in files}
    report = RunReport(skipped_partitions=len(done))
    n = max(done, default=-1) + 1
    todo = iter_documents(iter_inputs(sources), manifest, skip=finished.__contains__)
    tasks = enumerate(chunks(todo, min(TASK_SIZE, chunk_size)))
    raw_arg = str(raw) if raw else None
    if engine == "local" and workers > 1:
        _init_worker(raw_arg)  # forked workers inherit the loaded knowledge

    files: list[str] = []
    rows: dict[str, list[dict[str, Any]]] = {}

    def flush() -> None:
        nonlocal n, files, rows
        writer.write(n, files, rows)
        report.partitions += 1
        report.articles += len(rows["articles"])
        report.errors += len(rows["errors"])
        n, files, rows = n + 1, [], {}

    for _, task_files, task_rows in _execute(tasks, workers, engine, scheduler, raw_arg):
        files += [d.key for d in task_files]
        for table, table_rows in task_rows.items():
            rows.setdefault(table, []).extend(table_rows)
        if progress:
            progress(len(task_files))
        if len(files) >= chunk_size:
            flush()
    if files:
        flush()
    write_actors(out, formats, Knowledge.load(raw))
    if "csv" in formats:
        concat_csv(out)
    return report


def write_actors(out: Path, formats: Sequence[str], k: Knowledge) -> None:
    """The actors table of a run: every registry actor the run mentions, and every candidate,
    with mention and article counts summed over partitions (articles never span partitions)."""
    from ..pipeline.registry import actor_rows
    from .tables import frame

    counts: dict[str, list[int]] = {}
    for f in sorted((out / "parquet" / "actor_mentions").glob("part-*.parquet")):
        df = pd.read_parquet(f, columns=["article_id", "actor_id"])
        per_actor = df.groupby("actor_id")["article_id"].agg(["size", "nunique"])
        for actor, n_mentions, n_articles in per_actor.itertuples():
            c = counts.setdefault(actor, [0, 0])
            c[0] += int(n_mentions)
            c[1] += int(n_articles)
    rows = [r for r in actor_rows(k.registry, []) if r["actor_id"] in counts]
    cands: dict[str, dict[str, Any]] = {}
    for f in sorted((out / "parquet" / "actor_candidates").glob("part-*.parquet")):
        for r in pd.read_parquet(f).to_dict("records"):
            cands.setdefault(r["actor_id"], {**r, "aliases": list(r["aliases"])})
    rows += list(cands.values())
    for r in rows:
        r["mention_count"], r["article_count"] = counts.get(r["actor_id"], [0, 0])
    df = frame("actors", rows).sort_values("actor_id", kind="stable").reset_index(drop=True)
    for fmt in formats:
        folder = out / fmt / "actors"
        folder.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            from .tables import write_parquet_partition

            write_parquet_partition(df, "actors", folder / "part-00000.parquet")
        else:
            from .tables import write_csv_partition

            write_csv_partition(df, "actors", folder / "part-00000.csv")


def _execute(
    numbered: Iterator[tuple[int, list[str]]],
    workers: int,
    engine: str,
    scheduler: str | None,
    raw: str | None,
):
    """Yield (task, files, rows) in task order, keeping at most 2 x workers tasks in flight."""
    if engine == "dask":
        from .dask_engine import execute_dask

        yield from execute_dask(numbered, workers, scheduler, raw, process_chunk)
        return
    if workers <= 1:
        for n, files in numbered:
            yield n, files, process_chunk(files, raw)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(raw,)
    ) as pool:
        pending: list[tuple[int, list[str], Any]] = []
        for n, files in numbered:
            pending.append((n, files, pool.submit(process_chunk, files, raw)))
            if len(pending) >= 2 * workers:
                n0, f0, fut = pending.pop(0)
                yield n0, f0, fut.result()
        for n0, f0, fut in pending:
            yield n0, f0, fut.result()


def concat_csv(out: Path) -> None:
    """One CSV per table (`<out>/<table>.csv`) from the CSV partitions, streamed."""
    for folder in sorted((out / "csv").iterdir()) if (out / "csv").exists() else []:
        parts = sorted(folder.glob("part-*.csv"))
        with (out / f"{folder.name}.csv").open("w", encoding="utf-8", newline="") as dst:
            for i, part in enumerate(parts):
                with part.open(encoding="utf-8", newline="") as src:
                    header = src.readline()
                    if i == 0:
                        dst.write(header)
                    for line in src:
                        dst.write(line)


def read_partitions(out: Path, table: str) -> pd.DataFrame:
    files = sorted((out / "parquet" / table).glob("part-*.parquet"))
    return (
        pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
        if files
        else pd.DataFrame()
    )

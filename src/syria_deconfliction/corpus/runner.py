"""Run the automatic extractors over a corpus of any size, streaming.

Inputs (corpus/inputs.py) are enumerated lazily and cut into chunks of `chunk_size` articles;
each chunk is one task (local processes or Dask) that returns the rows of its articles, and one
partition file per table (`<out>/parquet/<table>/part-NNNNN.parquet`, and CSV on request) is
written as soon as its chunk is done. Memory therefore holds a few chunks, whatever the corpus
size. Every input gives its rows or one row in `errors` (file, reason): any failure of one
article, its rows not fitting the schema, or its time limit running out, and the run goes on.
`_progress.jsonl` lists finished partitions and the resolved paths of their files, so an
interrupted run resumes without redoing them, however the files are named the second time.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import errors
from ..errors import InputError
from .columns import arrow_without_pandas
from .deadline import DEFAULT_TIMEOUT, ArticleTimeout, deadline
from .inputs import Input, check_sources, drop_duplicate_content, iter_inputs, printable
from .knowledge import Knowledge, knowledge_dir
from .lock import LOCK, OutputLock
from .metadata import Manifest
from .tables import Columns, checked_rows, duplicate_keys, frame, schema_for, write_partition

# Per-partition tables; `actors` (registry entries referenced, plus candidates) comes at the end.
TABLES = ("articles", "actor_mentions", "actor_candidates", "quotes", "events", "event_actors")
ERRORS_SCHEMA = ["source_file", "error"]
PROGRESS = "_progress.jsonl"
MAX_ERROR_CHARS = 500  # an error line stays a line, whatever the exception carried

_KNOWLEDGE: Knowledge | None = None
# gc.freeze() puts every live object where the collector never looks again: right for a process
# that only extracts (the CLI sets this), not for a library caller's session, whose garbage
# not yet collected would stay for good.
FREEZE_GC = False
_WARM = False  # whether this process has frozen what its first chunk built


def _freeze() -> None:
    if FREEZE_GC:
        gc.freeze()


def _init_worker(raw: str | None) -> None:
    """Load the knowledge once per process, and compile what the extractors derive from it
    (a forked worker inherits both from a parent that called this)."""
    global _KNOWLEDGE
    arrow_without_pandas()
    wanted = Path(raw) if raw else knowledge_dir()
    if _KNOWLEDGE is not None and _KNOWLEDGE.raw == wanted:
        return
    _KNOWLEDGE = Knowledge.load(wanted)
    from ..extract.mentions import find_mentions

    find_mentions("", _KNOWLEDGE.registry.actors, _KNOWLEDGE.registry.places)
    _KNOWLEDGE.triggers  # noqa: B018 - loads and compiles the trigger lexicon
    # The knowledge lives as long as the process: out of the collector's generations, it is no
    # longer traversed by every full collection (and forked workers share its pages untouched).
    _freeze()


def _knowledge(raw: str | None) -> Knowledge:
    """The knowledge this process loaded for its articles, else loaded now (parsing the YAML
    again for the actors table cost a tenth of a second per run)."""
    wanted = Path(raw) if raw else knowledge_dir()
    if _KNOWLEDGE is not None and _KNOWLEDGE.raw == wanted:
        return _KNOWLEDGE
    return Knowledge.load(wanted)


def one_line(message: str) -> str:
    """An error as one printable line of bounded length, whatever the exception carried."""
    return errors.one_line(printable(message), MAX_ERROR_CHARS)


def extract_input(
    item: Input, k: Knowledge, timeout: float | None
) -> tuple[dict[str, list[dict[str, Any]]] | None, Columns | None, str | None]:
    """(rows, their columns or None, None) for an article, or (None, None, reason) for an
    input that gives none. Every exception becomes a reason: one article never stops the run."""
    from .article import extract_article
    from .reading import decode_article, read_bytes

    if item.problem:
        return None, None, item.problem
    try:
        with deadline(timeout):
            if item.text is not None:  # a corpus record: its text is the article as received
                text, data = item.text, item.text.encode("utf-8")
            else:
                data = read_bytes(item.path)
                text = decode_article(data)
            sha = hashlib.sha256(data).hexdigest()
            rows = extract_article(
                text, item.name, k, where=item.name, given=item.given, raw_sha256=sha
            )
            problem, columns = checked_rows(rows)
    except ArticleTimeout:
        return None, None, (
            f"took longer than the time limit of {timeout:g} s per article (--timeout); "
            "the file is probably not an article (one huge line, or data), or raise the limit"
        )
    except OSError as exc:  # the row names the file; the message says why it cannot be read
        return None, None, one_line(f"cannot read the file: {exc.strerror or exc}")
    except (InputError, ValueError) as exc:
        return None, None, one_line(str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        return None, None, one_line(f"{type(exc).__name__}: {exc}")
    if problem:
        return None, None, one_line(f"its rows do not fit the output schema: {problem}")
    return rows, columns, None


def process_chunk(
    items: Sequence[Input], raw: str | None = None, timeout: float | None = DEFAULT_TIMEOUT
) -> dict[str, pa.Table]:
    """Extract every article of a chunk, as one Arrow table per table (built in the worker, so
    the parent that writes only joins them). The one function both engines run."""
    _init_worker(raw)
    assert _KNOWLEDGE is not None
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in (*TABLES, "errors")}
    # each article's columns, kept while every article of the chunk has them (a table whose
    # rows needed the slow check is built from its rows alone)
    columns: dict[str, list[list[tuple[Any, ...]]] | None] = {t: [] for t in TABLES}
    for item in items:
        rows, cols, error = extract_input(item, _KNOWLEDGE, timeout)
        if rows is None:
            out["errors"].append({"source_file": item.name, "error": error})
            continue
        for table, table_rows in rows.items():
            out[table].extend(table_rows)
            kept = columns.get(table)
            if kept is not None and cols is not None and table in cols:
                kept.append(cols[table])
            else:
                columns[table] = None
    global _WARM
    if not _WARM:
        # The first chunk filled the caches the rules build lazily (compiled patterns, word
        # tables): they live as long as the process too, so out of the collector's way as well.
        _freeze()
        _WARM = True
    return {table: frame(table, rows, columns.get(table)) for table, rows in out.items()}


def chunks(items: Iterator[Input], size: int) -> Iterator[list[Input]]:
    while batch := list(islice(items, size)):
        yield batch


@dataclass
class RunReport:
    articles: int = 0
    errors: int = 0
    partitions: int = 0
    skipped_partitions: int = 0


class DuplicateKey(RuntimeError):
    """Two rows of one table share a primary key: a bug to fix, never a table to publish."""


class PartitionWriter:
    def __init__(self, out: Path, formats: Sequence[str]) -> None:
        self.out, self.formats = out, tuple(formats)
        out.mkdir(parents=True, exist_ok=True)
        self.progress = out / PROGRESS
        # Keys unique across partitions: article ids and error files. Every other key starts
        # with its article's id and an article's rows never span partitions, so checking those
        # within each partition makes them unique in the whole run.
        self.global_keys: dict[str, set[str]] = {"articles": set(), "errors": set()}

    def done(self) -> dict[int, list[str]]:
        """Finished partitions and the resolved paths of their inputs (older runs recorded the
        paths as given; they are resolved here, from the current folder)."""
        if not self.progress.exists():
            return {}
        parts = {}
        for line in self.progress.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue  # a run killed while appending leaves at most a partial last line
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            keys = rec.get("keys") or [os.path.realpath(f) for f in rec["files"]]
            parts[rec["partition"]] = keys
        return parts

    def finished_articles(self) -> dict[str, str]:
        """sha256 -> source_file of the articles earlier runs wrote (for duplicate content),
        and the known article ids (for the uniqueness check)."""
        seen: dict[str, str] = {}
        for f in sorted((self.out / "parquet" / "articles").glob("part-*.parquet")):
            done = _read_parquet(f, ["article_id", "source_file", "raw_sha256"])
            self.global_keys["articles"].update(done.column("article_id").to_pylist())
            for sha, name in zip(done.column("raw_sha256").to_pylist(),
                                 done.column("source_file").to_pylist(), strict=True):
                seen.setdefault(sha, name)
        for f in sorted((self.out / "parquet" / "errors").glob("part-*.parquet")):
            names = _read_parquet(f, ["source_file"]).column("source_file").to_pylist()
            self.global_keys["errors"].update(names)
        return seen

    def check_keys(self, table: str, data: pa.Table) -> None:
        dups = duplicate_keys(table, data)
        if table in self.global_keys:
            pk = schema_for(table).primary_key[0]
            known = self.global_keys[table]
            dups += sorted(set(data.column(pk).to_pylist()) & known)[:5]
        if dups:
            raise DuplicateKey(
                f"table {table}: primary key not unique ({', '.join(map(str, dups))}); "
                "nothing of this partition was written - please report this as a bug"
            )

    def write(self, n: int, keys: list[str], frames: dict[str, pa.Table]) -> None:
        for table, df in frames.items():  # all checked before anything is written
            if table != "actor_candidates":  # one per article that names it; merged at the end
                self.check_keys(table, df)
        for table, df in frames.items():
            write_partition(self.out, table, n, df, self.formats)
        for table in self.global_keys:
            if table in frames:
                pk = "article_id" if table == "articles" else "source_file"
                self.global_keys[table].update(frames[table].column(pk).to_pylist())
        names = [name for t in ("articles", "errors") if t in frames
                 for name in frames[t].column("source_file").to_pylist()]
        with self.progress.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"partition": n, "keys": keys, "files": names}) + "\n")


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
    timeout: float | None = DEFAULT_TIMEOUT,
    manifest: Manifest | None = None,
) -> RunReport:
    """Extract a corpus into partitioned files under `out`.

    Work goes out in tasks of TASK_SIZE articles (so that workers stay evenly busy) and comes
    back in input order; every `chunk_size` articles make one output partition. One run per
    `out` at a time (OutputLocked otherwise). `manifest` (bound to the input files beforehand)
    gives what the user knows about each file; JSON Lines corpora are read record by record."""
    if chunk_size < 1 or workers < 1:
        raise ValueError("--chunk-size and --workers must be at least 1")
    check_sources(sources)
    check_out(out)
    with OutputLock(out):
        return _run(sources, out, workers, engine, scheduler, chunk_size, formats, raw,
                    progress, timeout, manifest)


def check_out(out: Path) -> None:
    """`extract` writes only into a new folder or one of its own earlier outputs, never over a
    user's files (it replaces `<out>/<table>.csv`)."""
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"--out {out} is a file; give a folder (new or a previous --out)")
    ours = {"parquet", "csv", PROGRESS, LOCK, *(f"{t}.csv" for t in (*TABLES, "actors", "errors"))}
    foreign = sorted(p.name for p in out.iterdir() if p.name not in ours) if out.is_dir() else []
    if foreign:
        raise FileExistsError(
            f"--out {out} holds files extract did not write ({', '.join(foreign[:3])}); "
            "give a new folder or one a previous extract run wrote"
        )


def _run(
    sources: Sequence[str],
    out: Path,
    workers: int,
    engine: str,
    scheduler: str | None,
    chunk_size: int,
    formats: Sequence[str],
    raw: Path | None,
    progress: Callable[[int], None] | None,
    timeout: float | None,
    manifest: Manifest | None,
) -> RunReport:
    writer = PartitionWriter(out, formats)
    done = writer.done()
    finished = {k for keys in done.values() for k in keys}
    report = RunReport(skipped_partitions=len(done))
    n = max(done, default=-1) + 1
    todo = drop_duplicate_content(
        iter_inputs(sources, skip=finished, manifest=manifest), writer.finished_articles()
    )
    tasks = enumerate(chunks(todo, min(TASK_SIZE, chunk_size)))
    raw_arg = str(raw) if raw else None
    if engine == "local" and workers > 1:
        _init_worker(raw_arg)  # forked workers inherit the loaded knowledge

    keys: list[str] = []
    parts: dict[str, list[pa.Table]] = {}

    def flush() -> None:
        nonlocal n, keys, parts
        # one chunk per partition: the file is then what one table of all its rows gives
        frames = {t: pa.concat_tables(ts).combine_chunks() for t, ts in parts.items()}
        writer.write(n, keys, frames)
        report.partitions += 1
        report.articles += frames["articles"].num_rows
        report.errors += frames["errors"].num_rows
        n, keys, parts = n + 1, [], {}

    for _, items, task_tables in _execute(tasks, workers, engine, scheduler, raw_arg, timeout):
        keys += [item.key for item in items]
        for table, data in task_tables.items():
            parts.setdefault(table, []).append(data)
        if progress:
            progress(len(items))
        if len(keys) >= chunk_size:
            flush()
    if keys:
        flush()
    write_actors(out, formats, _knowledge(raw_arg))
    if "csv" in formats:
        concat_csv(out)
    return report


def _read_parquet(file: Path, columns: list[str] | None = None) -> pa.Table:
    """One partition file (not `pq.read_table`: its dataset layer imports pandas, which a run
    that only extracts never needs)."""
    with pq.ParquetFile(file) as pf:
        return pf.read(columns=columns)


def write_actors(out: Path, formats: Sequence[str], k: Knowledge) -> None:
    """The actors table of a run: every registry actor the run mentions, and every candidate,
    with mention and article counts summed over partitions (articles never span partitions)."""
    from ..pipeline.registry import actor_rows

    counts: dict[str, list[int]] = {}
    for f in sorted((out / "parquet" / "actor_mentions").glob("part-*.parquet")):
        part = _read_parquet(f, ["article_id", "actor_id"])
        actors = part.column("actor_id").to_pylist()
        mentions = Counter(actors)
        articles = Counter(a for a, _ in set(zip(actors, part.column("article_id").to_pylist(),
                                                  strict=True)))
        for actor, n_mentions in mentions.items():
            c = counts.setdefault(actor, [0, 0])
            c[0] += n_mentions
            c[1] += articles[actor]
    rows = [r for r in actor_rows(k.registry, []) if r["actor_id"] in counts]
    cands: dict[str, dict[str, Any]] = {}
    for f in sorted((out / "parquet" / "actor_candidates").glob("part-*.parquet")):
        for r in _read_parquet(f).to_pylist():
            cands.setdefault(r["actor_id"], r)
    rows += list(cands.values())
    for r in rows:
        r["mention_count"], r["article_count"] = counts.get(r["actor_id"], [0, 0])
    df = frame("actors", sorted(rows, key=lambda r: r["actor_id"]))
    if dups := duplicate_keys("actors", df):
        raise DuplicateKey(f"table actors: primary key not unique ({', '.join(dups)})")
    write_partition(out, "actors", 0, df, formats)


def _execute(
    numbered: Iterator[tuple[int, list[Input]]],
    workers: int,
    engine: str,
    scheduler: str | None,
    raw: str | None,
    timeout: float | None,
) -> Iterator[tuple[int, list[Input], dict[str, pa.Table]]]:
    """Yield (task, files, rows) in task order, keeping at most 2 x workers tasks in flight."""
    if engine == "dask":
        from .dask_engine import execute_dask

        yield from execute_dask(numbered, workers, scheduler, raw, process_chunk, timeout)
        return
    if workers <= 1:
        for n, files in numbered:
            yield n, files, process_chunk(files, raw, timeout)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(raw,)
    ) as pool:
        pending: list[tuple[int, list[Input], Any]] = []
        for n, files in numbered:
            pending.append((n, files, pool.submit(process_chunk, files, raw, timeout)))
            if len(pending) >= 2 * workers:
                n0, f0, fut = pending.pop(0)
                yield n0, f0, fut.result()
        for n0, f0, fut in pending:
            yield n0, f0, fut.result()


def concat_csv(out: Path) -> None:
    """One CSV per table (`<out>/<table>.csv`) from the CSV partitions, streamed."""
    for folder in sorted((out / "csv").iterdir()) if (out / "csv").exists() else []:
        parts = sorted(folder.glob("part-*.csv"))
        final = out / f"{folder.name}.csv"
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")  # readers never see half a file
        with tmp.open("w", encoding="utf-8", newline="") as dst:
            for i, part in enumerate(parts):
                with part.open(encoding="utf-8", newline="") as src:
                    header = src.readline()
                    if i == 0:
                        dst.write(header)
                    for line in src:
                        dst.write(line)
        os.replace(tmp, final)


def read_partitions(out: Path, table: str) -> Any:
    """The partitions of one table of a run as one pandas DataFrame (for tests and notebooks)."""
    import pandas as pd  # the runner itself never needs pandas: only this reader loads it

    files = sorted((out / "parquet" / table).glob("part-*.parquet"))
    return (
        pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
        if files
        else pd.DataFrame()
    )

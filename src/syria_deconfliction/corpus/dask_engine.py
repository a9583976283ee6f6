"""Run the same per-chunk function on a Dask cluster (`pip install syria-deconfliction[dask]`)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

Rows = dict[str, Any]  # table name -> the chunk's rows of it (an Arrow table)


def execute_dask(
    numbered: Iterator[tuple[int, list[Any]]],
    workers: int,
    scheduler: str | None,
    raw: str | None,
    process_chunk: Callable[[list[Any], str | None, float | None], Rows],
    timeout: float | None = None,
) -> Iterator[tuple[int, list[Any], Rows]]:
    """Yield chunk results in chunk order, keeping a bounded number of tasks in flight.

    With `scheduler` the run joins an existing cluster (its workers must reach the input files
    at the same paths); without one it starts a LocalCluster of `workers` processes.
    `process_chunk` is the runner's per-chunk function (passed in: this module imports no runner).
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise SystemExit(
            "--engine dask needs the dask extra: pip install 'syria-deconfliction[dask]'"
        ) from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(workers, 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
        client = Client(cluster)
    try:
        window = 2 * max(workers, len(client.scheduler_info().get("workers", {})), 1)
        pending: deque[tuple[int, list[str], Any]] = deque()
        for n, files in numbered:
            fut = client.submit(process_chunk, files, raw, timeout, pure=False)
            pending.append((n, files, fut))
            if len(pending) >= window:
                n0, f0, fut = pending.popleft()
                yield n0, f0, fut.result()
        while pending:
            n0, f0, fut = pending.popleft()
            yield n0, f0, fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

"""One `extract` run per output folder at a time.

A second run into the same folder would redo the same partitions and race on their files, so
the first run holds `<out>/.extract.lock` (its process id) and a second one stops with one line.
A lock left by a process that no longer runs (a killed run) is taken over.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

LOCK = ".extract.lock"


class OutputLocked(Exception):
    """Another live process is extracting into the folder."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


class OutputLock:
    def __init__(self, out: Path) -> None:
        self.path = out / LOCK
        self.held = False

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(3):  # a stale lock is removed, then created afresh under O_EXCL
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                pid = self._owner()
                if pid is None and self._young():  # another run is writing its id right now
                    raise OutputLocked(
                        f"{self.path.parent}: another extract run is starting here; "
                        "wait for it to finish or give another --out"
                    ) from None
                if pid is not None and pid != os.getpid() and _alive(pid):
                    raise OutputLocked(
                        f"{self.path.parent}: another extract run (process {pid}) is writing "
                        "here; wait for it to finish or give another --out"
                    ) from None
                self.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as fh:
                fh.write(f"{os.getpid()}\n")
            self.held = True
            return
        raise OutputLocked(f"{self.path}: could not take the lock; remove it if no run is active")

    def _owner(self) -> int | None:
        try:
            return int(self.path.read_text().strip())
        except (OSError, ValueError):  # half-written or unreadable: treat as stale
            return None

    def _young(self) -> bool:
        try:
            return time.time() - self.path.stat().st_mtime < 5
        except OSError:
            return False

    def release(self) -> None:
        if self.held and self._owner() == os.getpid():
            self.path.unlink(missing_ok=True)
        self.held = False

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

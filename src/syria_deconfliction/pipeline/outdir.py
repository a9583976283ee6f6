"""Output folders the tool may write: refuse anything a user gave, lock, stage, then swap in.

A command never deletes or overwrites what a user gave it. So an output folder (`build --no-text
--out`, `build --include-drafts --out`, `hydrate --out`) must be new, empty, or one this tool
made earlier: every folder it makes holds a marker file that lists the files it wrote and the
kind of package. Anything else in the folder (a file the tool did not write) means a person put
it there, and the folder is refused. The project's own folders (raw/, src/, the checkout) are
refused by name whatever they hold.

One run per output folder at a time: a lock file holds the writer's process id; a lock left by a
process that no longer exists is taken over. Staging folders left by killed runs are removed
by the next run that holds the lock.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError

MARKER = ".syria-deconfliction-output.json"
# Folders of a checkout that hold code, curated data or documentation; never an output.
PROTECTED = ("raw", "src", "schemas", "tests", "docs", "scripts", "benchmarks", ".git", "build")
# Files whose presence shows a folder holds sources or curation, whoever made it.
SOURCE_SUFFIXES = (".yaml", ".yml", ".py", ".txt", ".md", ".toml")


def _refuse(out: Path, problem: str, fix: str) -> InputError:
    return InputError(str(out), None, problem, fix)


def check_out(out: Path, root: Path, kind: str) -> None:
    """Raise InputError (one line) unless `out` is safe to replace with a `kind` package."""
    target, checkout = out.resolve(), root.resolve()
    if target.exists() and not target.is_dir():
        raise _refuse(out, "--out names a file, not a folder", "give a new folder for the output")
    if target == checkout or target in checkout.parents:
        raise _refuse(out, "--out is the checkout or a folder holding it",
                      "give a new folder, e.g. dist/<name>")
    for name in PROTECTED:
        guarded = checkout / name
        if target == guarded or guarded in target.parents:
            raise _refuse(out, f"--out is inside the project's {name}/ folder, which holds "
                          "sources, code or the published build", "give a folder under dist/")
    if kind != "text-free" and target == (checkout / "dist" / "text-free"):
        raise _refuse(out, f"a {kind} package never goes into dist/text-free, the folder meant "
                      "to hold no publishers' text", "give another --out folder")
    if not target.is_dir() or not any(target.iterdir()):
        return
    marker = target / MARKER
    if not marker.is_file():
        raise _refuse(out, "folder is not empty and was not made by syria-deconfliction "
                      "(it may hold your files)", "give a new or empty folder")
    try:
        made = json.loads(marker.read_text(encoding="utf-8"))
        written, made_kind = set(made["files"]), made["kind"]
    except (ValueError, KeyError, TypeError) as exc:
        raise _refuse(out, f"marker file {MARKER} is unreadable",
                      "give a new or empty folder") from exc
    if made_kind != kind:
        raise _refuse(out, f"folder holds a {made_kind} package, not a {kind} one",
                      "give another --out folder")
    for f in sorted(p for p in target.rglob("*") if not p.is_dir()):
        rel = f.relative_to(target).as_posix()
        if rel != MARKER and rel not in written:
            why = "a source or curation file" if f.suffix in SOURCE_SUFFIXES else "a file"
            raise _refuse(out, f"folder holds {why} the tool did not write ({rel[:80]})",
                          "move that file away or give another folder")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def locked(lock: Path, what: str) -> Iterator[None]:
    """Hold `lock` (a file with our pid) for the duration; take it over if its owner is dead."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                pid = int(lock.read_text(encoding="utf-8").strip() or 0)
            except (OSError, ValueError):
                pid = 0
            if pid and pid != os.getpid() and _alive(pid):
                raise InputError(str(lock), None, f"another run (process {pid}) is writing "
                                 f"{what}", "wait for it to finish; delete the lock file only "
                                 "if no such process runs") from None
            lock.unlink(missing_ok=True)  # stale: its process is gone
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        break
    else:
        raise InputError(str(lock), None, "could not take the lock", "try again")
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def clean_stale(folder: Path, prefix: str) -> None:
    """Remove `prefix<pid>` folders left by runs that were killed (called under the lock)."""
    if not folder.is_dir():
        return
    for p in folder.glob(f"{prefix}*"):
        pid = p.name.removeprefix(prefix)
        if p.is_dir() and pid.isdigit() and int(pid) != os.getpid():
            shutil.rmtree(p, ignore_errors=True)


def lock_path(out: Path) -> Path:
    target = out.resolve()
    return target.parent / f".{target.name}.lock"


def replace_folder(out: Path, root: Path, kind: str, write: Callable[[Path], None]) -> None:
    """Write a new package into a staging folder beside `out`, then swap it in.

    Call it holding `locked(lock_path(out), ...)`: it checks `out` again (another run may have
    changed it meanwhile) and removes staging folders that killed runs left."""
    check_out(out, root, kind)
    target = out.resolve()
    clean_stale(target.parent, f".{target.name}.staging-")
    clean_stale(target.parent, f".{target.name}.previous-")
    staging = target.parent / f".{target.name}.staging-{os.getpid()}"
    previous = target.parent / f".{target.name}.previous-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        write(staging)
        files = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*")
                       if not p.is_dir())
        (staging / MARKER).write_text(
            json.dumps({"kind": kind, "files": files}, indent=1) + "\n", encoding="utf-8")
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

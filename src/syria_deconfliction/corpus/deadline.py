"""A time limit for one article's extraction, in whatever process or thread runs it.

In a process's main thread (one worker, or the local process pool) the limit is a real-time
interval timer (SIGALRM). Dask runs tasks in a worker thread, where signals cannot be used;
there a watchdog thread raises the same exception asynchronously in the working thread. Both
interrupt Python code between bytecodes, which is where a pathological article spends its time.
An exception that lands in a weakref callback or a finaliser is dropped by Python, so both fire
again every REFIRE seconds until the block ends; while a limit runs, such a dropped interruption
is not printed (it is no error: the next one follows).
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

DEFAULT_TIMEOUT = 120.0  # seconds per article; a real article takes well under one
REFIRE = 0.5  # seconds between repeated interruptions once the limit is passed


class ArticleTimeout(BaseException):
    """The article took longer than the per-article limit. A BaseException, as KeyboardInterrupt
    is, so that no `except Exception` inside an extractor swallows it and runs on."""


def _raise_timeout(signum: int, frame: object) -> None:
    raise ArticleTimeout


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ArticleTimeout in the block if it runs longer than `seconds` (None or 0: no limit).
    The exception may surface as the block ends; callers catch it around the `with`."""
    if not seconds or seconds <= 0:
        yield
        return
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_timeouts(previous_hook)
    try:
        yield from _limited(seconds)
    finally:
        sys.unraisablehook = previous_hook


def _quiet_timeouts(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    def quiet(unraisable: Any) -> None:
        if unraisable.exc_type is not ArticleTimeout:
            hook(unraisable)

    return quiet


def _limited(seconds: float) -> Iterator[None]:
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGALRM, _raise_timeout)
        signal.setitimer(signal.ITIMER_REAL, seconds, REFIRE)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    yield from _watchdog(seconds)


def _watchdog(seconds: float) -> Iterator[None]:
    tid = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()  # the block has ended
    state = {"fired": False}

    def fire() -> None:
        wait = seconds
        while not done.wait(wait):
            with lock:
                if done.is_set():
                    return
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(tid), ctypes.py_object(ArticleTimeout)
                )
            wait = REFIRE

    watcher = threading.Thread(target=fire, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        with lock:
            if state["fired"]:  # withdraw an exception still pending after the block ended
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), None)

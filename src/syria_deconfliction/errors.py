"""The one error type the build raises for bad input, and how it shows a value."""

from __future__ import annotations

import datetime as dt
from typing import Any

# A message is one line a person reads: cut so that no input (a huge value, an alias bomb)
# can make it long.
MAX_MESSAGE = 300


def one_line(text: object, limit: int = 300) -> str:
    """Any text (an exception's too) as one line of at most `limit` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"



def _cut_path(text: str, limit: int) -> str:
    """A long path cut in the middle: its start and its file name both stay readable."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    tail = limit * 2 // 3
    return text[: limit - tail - 1] + "…" + text[-tail:]


def show(value: Any, limit: int = 40, quote: bool = True) -> str:
    """A value as a short one-line snippet for a message."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return one_line(repr(value) if quote else str(value), limit)


class InputError(Exception):
    """Bad input in raw/: names the file, the record and the fix, in one line."""

    def __init__(self, file: str, record: str | None, problem: str, fix: str) -> None:
        self.file, self.record, self.problem, self.fix = file, record, problem, fix
        # File and record are cut apart so that the brackets survive; the problem takes
        # whatever room is left.
        where = _cut_path(file, 70) + (f" [{one_line(record, 70)}]" if record else "")
        fix_text = one_line(fix, 90)
        room = MAX_MESSAGE - len(where) - len(fix_text) - len(": . Fix: ")
        super().__init__(f"{where}: {one_line(problem, max(room, 50))}. Fix: {fix_text}")


def require_known(
    file: str, record: str | None, value: Any, known: Any, what: str, fix: str
) -> None:
    """Raise the one-line error for a reference to an id or code the project does not know."""
    if value not in known:
        raise InputError(file, record, f"unknown {what} {value!r}", fix)

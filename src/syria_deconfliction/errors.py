"""The one error type the build raises for bad input."""

from __future__ import annotations


class InputError(Exception):
    """Bad input in raw/: names the file, the record and the fix, in one line."""

    def __init__(self, file: str, record: str | None, problem: str, fix: str) -> None:
        self.file, self.record, self.problem, self.fix = file, record, problem, fix
        where = f"{file}" + (f" [{record}]" if record else "")
        super().__init__(f"{where}: {problem}. Fix: {fix}")

"""`InputError`: one clear message naming the file and what is wrong with it."""
from __future__ import annotations

import os


class InputError(Exception):
    """A document could not be read or written; `str(err)` is "<path>: <problem>".

    `path` is the file as the user named it (or "-" / "<stdin>"), `problem` a short,
    specific phrase such as "binary file (NUL bytes at byte 12)".
    """

    def __init__(self, path: str | os.PathLike[str] | None, problem: str) -> None:
        self.path = os.fspath(path) if path is not None else "<input>"
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # keep picklable across worker processes
        return (type(self), (self.path, self.problem))

"""Running service calls off the UI thread (QThreadPool + QRunnable)."""
from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    done = Signal(object)            # the function's return value
    failed = Signal(object)          # the exception
    progress = Signal(int, int)      # done, total


class Task(QRunnable):
    """Runs `fn(*args, **kwargs)` in a pool thread and reports through `signals`.

    With `with_progress=True` the function gets `progress=` (a callable(done, total)) and
    `cancel=` (a callable returning True once `cancel()` was asked).
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False, **kwargs: Any):
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        if with_progress:
            self.kwargs["progress"] = self._report
            self.kwargs["cancel"] = self._cancel.is_set

    def _report(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(done), int(total))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # pool thread
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_live: set[Task] = set()


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    """Start `task`, keeping it alive until it has reported."""
    _live.add(task)
    task.signals.done.connect(lambda *_: _live.discard(task))
    task.signals.failed.connect(lambda *_: _live.discard(task))
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def run_async(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], Any] | None = None,
              on_failed: Callable[[BaseException], Any] | None = None,
              on_progress: Callable[[int, int], Any] | None = None, with_progress: bool = False,
              pool: QThreadPool | None = None, **kwargs: Any) -> Task:
    task = Task(fn, *args, with_progress=with_progress, **kwargs)
    if on_done:
        task.signals.done.connect(on_done)
    if on_failed:
        task.signals.failed.connect(on_failed)
    if on_progress:
        task.signals.progress.connect(on_progress)
    return start(task, pool)

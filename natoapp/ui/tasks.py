"""Running slow work off the GUI thread and handing its result back to the GUI thread.

The function given to :func:`run_in_thread` runs on a pool thread and must not touch a
widget; its result (or exception) comes back through a queued signal, and the callback
runs on the GUI thread only if the object that asked for the work still exists.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")

_log = logging.getLogger("natoapp.ui.tasks")


class _Relay(QObject):
    """Lives on the GUI thread; its signals cross from the pool thread to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to say
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


def run_in_thread(
    parent: QObject,
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``fn()`` on a pool thread, then ``on_done(result)`` on the GUI thread.

    Call from the GUI thread. If ``fn`` raises, ``on_error(exc)`` runs instead; without
    ``on_error`` the exception is logged. Neither callback runs once ``parent`` has
    been deleted.
    """
    parent_ref = weakref.ref(parent)
    # Owned by the application until the result is delivered: the relay must outlive
    # both the pool thread and, possibly, ``parent``.
    relay = _Relay(QCoreApplication.instance())

    def parent_alive() -> QObject | None:
        owner = parent_ref()
        return owner if owner is not None and shiboken6.isValid(owner) else None

    def finish() -> None:
        relay.deleteLater()

    def deliver(result: object) -> None:
        finish()
        if parent_alive() is not None:
            on_done(result)  # type: ignore[arg-type]

    def report(exc: object) -> None:
        finish()
        if parent_alive() is None:
            return
        if on_error is not None and isinstance(exc, BaseException):
            on_error(exc)
        else:
            _log.error("background task failed", exc_info=exc)  # type: ignore[arg-type]

    relay.succeeded.connect(deliver)
    relay.failed.connect(report)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def wait_for_tasks(timeout_ms: int = 5000) -> bool:
    """Wait for running tasks to end (before the application quits); True if all ended."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

"""Logging to a rotating file, Qt's own messages included, and the last-resort error dialog."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

LOG_FILENAME = "natoapp.log"

_log = logging.getLogger("natoapp.ui")
_qt_log = logging.getLogger("natoapp.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def setup_logging(log_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to ``log_dir/natoapp.log`` (rotated at 1 MB, 3 kept) and route Qt's messages there.

    Returns the log file, or None when the folder cannot be written (then only Qt's
    messages are routed, to the default handler).
    """
    qInstallMessageHandler(_qt_message)
    root = logging.getLogger("natoapp")
    root.setLevel(level)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILENAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_dir / LOG_FILENAME


def _qt_message(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    _qt_log.log(_QT_LEVELS.get(msg_type, logging.WARNING), "%s%s", message, where)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def make_excepthook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """An exception hook that logs the traceback and tells the reader in a short dialog.

    The window stays open: the hook returns to Qt's event loop. ``parent`` gives the
    window to put the dialog on (or None).
    """
    showing: list[bool] = []  # one dialog at a time, even if the dialog itself fails

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        _log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if showing or QApplication.instance() is None:
            return
        showing.append(True)
        try:
            show_error(parent(), exc)
        finally:
            showing.clear()

    return hook


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A short dialog about an unexpected error; the details are in the log."""
    title = QCoreApplication.translate("errors", "Unexpected error")
    text = QCoreApplication.translate(
        "errors", "Something went wrong, but your work is safe. The details are in the log."
    )
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(_one_line(exc))
    box.setAccessibleName(title)
    box.exec()


def _one_line(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


def install_excepthook(parent: Callable[[], QWidget | None]) -> None:
    """Make :func:`make_excepthook` the interpreter's exception hook."""
    sys.excepthook = make_excepthook(parent)

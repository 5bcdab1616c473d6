"""Starting the window: application, translations, colours, logging, database, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from natoapp import __version__, paths
from natoapp.store.errors import DatabaseError
from natoapp.store.lifecycle import ensure_database
from natoapp.ui.errors import install_excepthook, setup_logging
from natoapp.ui.i18n import Translators, resolve_language
from natoapp.ui.main_window import MainWindow, app_icon
from natoapp.ui.settings import APPLICATION, ORGANIZATION, Settings
from natoapp.ui.tasks import run_in_thread, wait_for_tasks
from natoapp.ui.theme import apply_color_scheme

_log = logging.getLogger("natoapp.ui.app")

# The progress dialog appears only when preparing the database takes longer than this.
_PROGRESS_DELAY_MS = 400


class _Notes(QObject):
    """Carries the database's one-line notes from the worker thread to the GUI thread."""

    note = Signal(str)


@dataclass(slots=True)
class AppContext:
    """The application and what lives as long as it: settings and translators."""

    app: QApplication
    settings: Settings
    translators: Translators


def run_gui(argv: list[str], *, self_test: bool = False) -> int:
    """Open natoapp's window; returns the exit status when it closes.

    ``argv`` is the program name and the command line (``--db FILE`` picks the database).
    With ``self_test``, the real window is opened offscreen with throwaway settings, driven
    through a search, a framework and a copy, and closed: 0 when all held, else 1 with a
    one-line message on stderr.
    """
    if self_test:
        from natoapp.ui.self_test import self_test_session

        with self_test_session() as settings:
            return _run(argv, settings, self_test=True)
    if _no_display():
        print(
            "natoapp: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "the command line works without one: natoapp --help",
            file=sys.stderr,
        )
        return 2
    return _run(argv, None, self_test=False)


def _no_display() -> bool:
    """True on Linux with no X11 or Wayland display and no other Qt platform asked for,
    where Qt would abort with a long message of its own."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run(argv: list[str], settings: Settings | None, *, self_test: bool) -> int:
    context = create_application(argv, settings)
    library_path = prepare_database(_db_argument(argv[1:]), interactive=not self_test)
    if library_path is None:
        return 1
    window = MainWindow(library_path, context.settings, translators=context.translators)
    window.show()
    if self_test:
        from natoapp.ui.self_test import run_self_test

        status = run_self_test(window)
        window.close()
    else:
        status = context.app.exec()
    wait_for_tasks()
    return status


def create_application(argv: list[str], settings: Settings | None = None) -> AppContext:
    """The QApplication with natoapp's names, icon, log, language, colours and error dialog."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("natoapp")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.natoapp")  # the desktop entry's name, for the icon
    app.setWindowIcon(app_icon())

    log_file = setup_logging(paths.log_dir())
    _log.info("natoapp %s starting (log: %s)", __version__, log_file)
    settings = settings if settings is not None else Settings()
    translators = Translators(app)
    translators.install(resolve_language(settings.language))
    apply_color_scheme(app, settings.color_scheme)
    install_excepthook(lambda: app.activeWindow())
    return AppContext(app, settings, translators)


def _db_argument(args: list[str]) -> Path | None:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", type=Path)
    known, _ = parser.parse_known_args(args)
    return known.db if isinstance(known.db, Path) else None


def prepare_database(
    db_path: Path | None = None, parent: QWidget | None = None, *, interactive: bool = True
) -> Path | None:
    """Find or (re)build the database off the GUI thread, with progress when it takes time.

    Returns its path, or None after telling the reader, in one line, why there is none
    (in a dialog, or on stderr when not ``interactive``: nobody could close a dialog).
    """
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    notes = _Notes()
    progress = QProgressDialog(parent)
    progress.setWindowTitle(QApplication.translate("app", "natoapp"))
    progress.setLabelText(QApplication.translate("app", "Preparing the library…"))
    progress.setAccessibleName(QApplication.translate("app", "Preparing the library"))
    progress.setRange(0, 0)  # how long a build takes is not known in advance
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.reset()
    progress.hide()
    notes.note.connect(lambda text: _on_note(progress, text))
    delay = QTimer()
    delay.setSingleShot(True)
    delay.timeout.connect(progress.show)
    delay.start(_PROGRESS_DELAY_MS)

    def done(path: Path) -> None:
        outcome["path"] = path
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    # A database the reader named is read as it is when sound, as on the command line:
    # it may have been built from other texts than the shipped ones.
    run_in_thread(
        notes,
        lambda: ensure_database(
            db_path, on_note=notes.note.emit, keep_existing=db_path is not None
        ),
        done,
        failed,
    )
    loop.exec()
    delay.stop()
    progress.close()
    progress.deleteLater()
    error = outcome.get("error")
    if error is not None:
        if not isinstance(error, DatabaseError):
            _log.error("could not prepare the database", exc_info=error)  # type: ignore[arg-type]
        message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        if not interactive:
            print(f"natoapp: the library could not be opened: {message}", file=sys.stderr)
            return None
        QMessageBox.critical(
            parent,
            QApplication.translate("app", "natoapp"),
            QApplication.translate("app", "The library could not be opened: %1").replace(
                "%1", message
            ),
        )
        return None
    path = outcome.get("path")
    return path if isinstance(path, Path) else None


def _on_note(progress: QProgressDialog, text: str) -> None:
    _log.info("%s", text)
    progress.setLabelText(
        QApplication.translate("app", "Building the library from the source texts…") + "\n" + text
    )
    progress.show()

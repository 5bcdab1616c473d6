"""File → Import documents…: choosing files or a folder, importing them off the GUI thread with
a progress dialog and Cancel, then a report listing what became of every file.

Nothing here touches the library on the GUI thread: the import runs on a pool thread
with its own :class:`~natoapp.userlib.UserLibrary` connection, and reports progress and
its result through queued signals. The progress dialog is not modal, so the window
stays usable meanwhile. :class:`ImportController` is what the window wires to its
menu action and to drag-and-drop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natoapp.corpus.importers import IMPORT_SUFFIXES
from natoapp.userlib.importing import import_files
from natoapp.userlib.knowledge import UserKnowledge, load_knowledge
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.records import ImportReport

_log = logging.getLogger("natoapp.ui.import_dialog")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def file_filter() -> str:
    """The file dialog's filter: the kinds of file natoapp imports, then all files."""
    patterns = " ".join(f"*{suffix}" for suffix in IMPORT_SUFFIXES)
    return _tr("Documents ({patterns});;All files (*)").format(patterns=patterns)


def choose_import_files(parent: QWidget | None) -> list[Path]:
    """Ask for one or more files to import; an empty list when the user cancels."""
    names, _ = QFileDialog.getOpenFileNames(parent, _tr("Import documents"), "", file_filter())
    return [Path(name) for name in names]


def choose_import_folder(parent: QWidget | None) -> Path | None:
    """Ask for a folder whose files are all imported; None when the user cancels."""
    name = QFileDialog.getExistingDirectory(parent, _tr("Import a folder"))
    return Path(name) if name else None


def paths_from_mime(mime: QMimeData) -> list[Path]:
    """The local files and folders dropped on the window (other URLs are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class _Signals(QObject):
    """Lives on the GUI thread; carries the worker's news across threads."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class _ImportTask(QRunnable):
    def __init__(
        self,
        paths: Sequence[Path],
        user_db: Path | None,
        knowledge: UserKnowledge | None,
        cancel: threading.Event,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self._paths = list(paths)
        self._user_db = user_db
        self._knowledge = knowledge
        self._cancel = cancel
        self._signals = signals

    def run(self) -> None:
        notes: list[str] = []
        try:
            knowledge = self._knowledge or load_knowledge()
            with UserLibrary.open(self._user_db, on_note=notes.append) as library:
                report = import_files(
                    library,
                    self._paths,
                    knowledge=knowledge,
                    on_progress=self._progress,
                    should_cancel=self._cancel.is_set,
                )
        except Exception as exc:  # any failure becomes a one-line message on the GUI thread
            _log.exception("import failed")
            self._signals.failed.emit(str(exc).splitlines()[0] if str(exc) else repr(exc))
            return
        for note in notes:
            _log.warning("%s", note)
        self._signals.finished.emit(replace(report, notes=report.notes + tuple(notes)))

    def _progress(self, done: int, total: int, current: Path | None) -> None:
        self._signals.progressed.emit(done, total, current.name if current else "")


class ImportRun(QObject):
    """One import running on a pool thread; its signals arrive on the GUI thread."""

    progressed = Signal(int, int, str)  # done, total, name of the file being read
    finished = Signal(object)  # ImportReport
    failed = Signal(str)  # a one-line reason the import could not run at all

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        user_db: Path | None = None,
        knowledge: UserKnowledge | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Prepare an import of ``paths`` into the library at ``user_db`` (default: the user's)."""
        super().__init__(parent)
        self._paths = list(paths)
        self._user_db = user_db
        self._knowledge = knowledge
        self._cancel = threading.Event()
        self._signals = _Signals(self)
        self._signals.progressed.connect(self.progressed)
        self._signals.finished.connect(self.finished)
        self._signals.failed.connect(self.failed)
        self._running = False

    def start(self) -> None:
        """Start the import on a pool thread (once)."""
        if self._running:
            return
        self._running = True
        task = _ImportTask(self._paths, self._user_db, self._knowledge, self._cancel, self._signals)
        QThreadPool.globalInstance().start(task)

    @Slot()
    def cancel(self) -> None:
        """Stop after the file being imported; every file already imported stays."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()


class ImportReportDialog(QDialog):
    """Every file of an import with its result and, for a refused one, the reason."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        """Show ``report``."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        self._model = QStandardItemModel(0, 3, self)
        self._model.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("Details")]
        )
        for outcome in report.outcomes:
            self._add_row(outcome.path, self._status_text(outcome.status), self._details(outcome))
        for path in report.not_started:
            self._add_row(path, self.tr("Not imported"), self.tr("the import was cancelled"))
        self._summary = QLabel(self._summary_text(report))
        self._summary.setWordWrap(True)
        table = QTableView()
        table.setModel(self._model)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        self._table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _add_row(self, path: Path, status: str, details: str) -> None:
        name = QStandardItem(path.name)
        name.setToolTip(str(path))
        self._model.appendRow([name, QStandardItem(status), QStandardItem(details)])

    def _status_text(self, status: str) -> str:
        return {
            "imported": self.tr("Imported"),
            "duplicate": self.tr("Already in the library"),
            "refused": self.tr("Not imported"),
        }.get(status, status)

    def _details(self, outcome: object) -> str:
        status = getattr(outcome, "status", "")
        if status == "imported":
            return self.tr("{title} — {count} passages").format(
                title=getattr(outcome, "title", "") or "", count=getattr(outcome, "passages", 0)
            )
        if status == "duplicate":
            return self.tr("same content as {doc}").format(doc=getattr(outcome, "doc", ""))
        return str(getattr(outcome, "reason", ""))

    def _summary_text(self, report: ImportReport) -> str:
        text = self.tr(
            "{imported} imported, {duplicates} already in the library, {refused} not imported"
        ).format(
            imported=len(report.imported),
            duplicates=len(report.duplicates),
            refused=len(report.refused),
        )
        if report.cancelled:
            text += self.tr(" — cancelled, {count} files left").format(
                count=len(report.not_started)
            )
        # What happened to the library itself (a damaged file set aside) comes first.
        return "\n".join([*report.notes, text])

    def summary(self) -> str:
        """The line above the table."""
        return self._summary.text()

    def rows(self) -> list[tuple[str, str, str]]:
        """The table's rows as (file, result, details), as shown."""
        return [
            tuple(self._model.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(self._model.rowCount())
        ]


class ImportController(QObject):
    """What the window wires to File → Import documents… and to drops: runs imports, shows reports.

    ``imported`` is emitted with the report when an import ends, so the window can
    refresh its tree and search results.
    """

    imported = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        *,
        user_db: Path | None = None,
        knowledge: UserKnowledge | None = None,
        show_report: bool = True,
    ) -> None:
        """Import into ``user_db`` (default: the user's library) on behalf of window ``parent``."""
        super().__init__(parent)
        self._window = parent
        self._user_db = user_db
        self._knowledge = knowledge
        self._show_report = show_report
        self._run: ImportRun | None = None
        self._progress: QProgressDialog | None = None
        self._report_dialog: ImportReportDialog | None = None

    @property
    def running(self) -> bool:
        """True while an import runs."""
        return self._run is not None

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The progress dialog of the running import, or None."""
        return self._progress

    @property
    def report_dialog(self) -> ImportReportDialog | None:
        """The last report shown, or None."""
        return self._report_dialog

    @Slot()
    def ask_files(self) -> None:
        """Ask for files, then import them."""
        paths = choose_import_files(self._window)
        if paths:
            self.import_paths(paths)

    @Slot()
    def ask_folder(self) -> None:
        """Ask for a folder, then import every file in it."""
        folder = choose_import_folder(self._window)
        if folder is not None:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[Path]) -> ImportRun | None:
        """Start importing ``paths`` (files or folders); None when an import already runs."""
        if self._run is not None or not paths:
            return None
        run = ImportRun(paths, user_db=self._user_db, knowledge=self._knowledge, parent=self)
        progress = QProgressDialog(self.tr("Reading files…"), self.tr("Cancel"), 0, 0, self._window)
        progress.setWindowTitle(self.tr("Importing documents"))
        # Not modal: reading, searching and copying go on while files are imported.
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(run.cancel)
        run.progressed.connect(self._on_progress)
        run.finished.connect(self._on_finished)
        run.failed.connect(self._on_failed)
        self._run, self._progress = run, progress
        run.start()
        return run

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        if self._progress is None:
            return
        self._progress.setMaximum(max(total, 1))
        self._progress.setValue(done)
        if name:
            self._progress.setLabelText(
                self.tr("Reading {name} ({done} of {total})").format(
                    name=name, done=done + 1, total=total
                )
            )

    def _end(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
        if self._run is not None:
            self._run.deleteLater()
        self._run, self._progress = None, None

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        self._end()
        if self._show_report:
            dialog = ImportReportDialog(report, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._report_dialog = dialog
            dialog.show()
        self.imported.emit(report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._end()
        if self._show_report:
            QMessageBox.warning(
                self._window,
                self.tr("Import documents"),
                self.tr("The documents could not be imported: {reason}").format(reason=message),
            )
        self.failed.emit(message)

"""Import documents…: a worker thread, a progress dialog with Cancel, a report of every file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from natoapp.ui.import_dialog import (
    ImportController,
    ImportReportDialog,
    ImportRun,
    file_filter,
    paths_from_mime,
)
from natoapp.userlib.knowledge import UserKnowledge, load_knowledge
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.records import FileOutcome, ImportReport


@pytest.fixture(scope="module")
def knowledge() -> UserKnowledge:
    return load_knowledge()


@pytest.fixture
def user_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NATOAPP_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "library.sqlite"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "golfe.html").write_text(
        "<html><body><main><h1>Le Golfe</h1><p>Le Koweït et le Qatar.</p></main></body></html>",
        encoding="utf-8",
    )
    (docs / "notes.txt").write_text("Notes\n\nLa Mongolie coopère.\n", encoding="utf-8")
    (docs / "vide.txt").write_bytes(b"")
    (docs / "faux.pdf").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    return docs


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_an_import_runs_in_the_background_and_reports_every_file(
    qtbot: QtBot, window: QWidget, folder: Path, user_db: Path, knowledge: UserKnowledge
) -> None:
    controller = ImportController(window, user_db=user_db, knowledge=knowledge)
    with qtbot.waitSignal(controller.imported, timeout=30_000) as finished:
        run = controller.import_paths([folder])
        assert run is not None
        progress = controller.progress_dialog
        assert progress is not None
        # The window stays usable: the progress dialog does not block it.
        assert progress.windowModality() == Qt.WindowModality.NonModal
        assert controller.running
        assert controller.import_paths([folder]) is None  # one import at a time
    report: ImportReport = finished.args[0]
    assert len(report.imported) == 2 and len(report.refused) == 2
    assert not controller.running
    dialog = controller.report_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {row[0]: row for row in dialog.rows()}
    assert rows["vide.txt"][1:] == ("Not imported", "empty file")
    assert rows["faux.pdf"][2] == "not a PDF but an HTML page, whatever its name says"
    assert rows["golfe.html"][1:] == ("Imported", "Le Golfe — 1 passages")
    assert dialog.summary() == "2 imported, 0 already in the library, 2 not imported"
    dialog.close()
    with UserLibrary.open(user_db) as library:
        assert sorted(r.source_file for r in library.imported()) == ["golfe.html", "notes.txt"]


def test_cancel_from_the_progress_dialog_stops_the_import(
    qtbot: QtBot, window: QWidget, folder: Path, user_db: Path, knowledge: UserKnowledge
) -> None:
    controller = ImportController(window, user_db=user_db, knowledge=knowledge, show_report=False)
    with qtbot.waitSignal(controller.imported, timeout=30_000) as finished:
        run = controller.import_paths([folder])
        assert run is not None and controller.progress_dialog is not None
        controller.progress_dialog.findChild(QPushButton).click()
        assert run.is_cancelled()
    report: ImportReport = finished.args[0]
    # Whatever was imported before Cancel stays; the rest is listed as not started.
    assert len(report.outcomes) + len(report.not_started) == 4
    with UserLibrary.open(user_db) as library:
        assert len(library.imported()) == len(report.imported)


def test_a_run_cancelled_before_it_starts_imports_nothing(
    qtbot: QtBot, folder: Path, user_db: Path, knowledge: UserKnowledge
) -> None:
    run = ImportRun([folder], user_db=user_db, knowledge=knowledge)
    run.cancel()
    with qtbot.waitSignal(run.finished, timeout=30_000) as finished:
        run.start()
    report: ImportReport = finished.args[0]
    assert report.cancelled and report.outcomes == ()
    assert len(report.not_started) == 4


def test_progress_is_reported_file_by_file(
    qtbot: QtBot, folder: Path, user_db: Path, knowledge: UserKnowledge
) -> None:
    run = ImportRun([folder], user_db=user_db, knowledge=knowledge)
    seen: list[tuple[int, int, str]] = []
    run.progressed.connect(lambda done, total, name: seen.append((done, total, name)))
    with qtbot.waitSignal(run.finished, timeout=30_000):
        run.start()
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen[0] == (0, 4, "faux.pdf") and seen[-1] == (4, 4, "")


def test_an_import_that_cannot_run_says_why_in_one_line(
    qtbot: QtBot, window: QWidget, folder: Path, tmp_path: Path, knowledge: UserKnowledge
) -> None:
    not_a_file = tmp_path / "dossier"
    not_a_file.mkdir()
    controller = ImportController(
        window, user_db=not_a_file, knowledge=knowledge, show_report=False
    )
    with qtbot.waitSignal(controller.failed, timeout=30_000) as failed:
        controller.import_paths([folder])
    assert "not a file" in failed.args[0] and "\n" not in failed.args[0]
    assert not controller.running


def test_report_dialog_lists_files_not_started(qtbot: QtBot, tmp_path: Path) -> None:
    report = ImportReport(
        (FileOutcome(tmp_path / "a.txt", "duplicate", "already", doc="user:a-1"),),
        cancelled=True,
        not_started=(tmp_path / "b.txt",),
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.rows() == [
        ("a.txt", "Already in the library", "same content as user:a-1"),
        ("b.txt", "Not imported", "the import was cancelled"),
    ]
    assert dialog.summary().endswith("— cancelled, 1 files left")


def test_dropped_local_files_and_the_file_filter(tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.pdf")), QUrl("https://example.org/x")])
    assert paths_from_mime(mime) == [tmp_path / "a.pdf"]
    assert paths_from_mime(QMimeData()) == []
    assert "*.pdf" in file_filter() and "*.html" in file_filter() and "*.md" in file_filter()

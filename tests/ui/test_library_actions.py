"""The window's commands for the user's library: importing (menu and drops), saving excerpts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from natoapp.store.library import Library
from natoapp.ui.history import Location
from natoapp.ui.main_window import MainWindow
from natoapp.ui.save_excerpt_dialog import SaveExcerptDialog
from natoapp.ui.user_library import open_library, prepare_user_library
from natoapp.userlib.importing import import_files
from natoapp.userlib.knowledge import load_knowledge
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.records import is_user_id

TIMEOUT = 30_000


@pytest.fixture
def user_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's library of this test alone (the window finds it through the data folder),
    made ready before the window opens, as at start-up."""
    monkeypatch.setenv("NATOAPP_DATA_DIR", str(tmp_path / "data"))
    notes: list[str] = []
    path = prepare_user_library(notes.append)
    assert path == tmp_path / "data" / "library.sqlite" and notes == []
    return path


@pytest.fixture
def window(qtbot: QtBot, library_path: Path, settings, user_db: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(library_path, settings)
    qtbot.addWidget(win)
    with qtbot.waitSignals([win.overviewLoaded, win.detail().pageShown], timeout=TIMEOUT):
        win.show()
    return win


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zanzibar.txt").write_text(
        "Rapport sur Zanzibar\n\nLe Koweït a reçu une délégation zanzibarite en 2023.\n",
        encoding="utf-8",
    )
    (docs / "notes.txt").write_text(
        "Notes de lecture\n\nLa Mongolie coopère avec des partenaires quadrilatéraux.\n",
        encoding="utf-8",
    )
    (docs / "golfe.html").write_text(
        "<html><head><title>Le Golfe</title></head><body><main><h1>Le Golfe</h1>"
        "<p>Le Qatar accueille un séminaire hyperboréen.</p></main></body></html>",
        encoding="utf-8",
    )
    return docs


def imported_titles(user_db: Path) -> set[str]:
    with UserLibrary.open(user_db) as user:
        return {record.title for record in user.imported()}


def run_import(qtbot: QtBot, window: MainWindow, start) -> object:  # type: ignore[no-untyped-def]
    """Start an import and wait until it is done and the window has read its library again."""
    importer = window.library_actions().importer()
    reports: list[object] = []
    importer.imported.connect(reports.append)
    with qtbot.waitSignals([importer.imported, window.overviewLoaded], timeout=TIMEOUT):
        start()
    return reports[0]


def test_the_commands_are_in_the_menus_with_their_keys(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.action("import_files") in file_menu.actions()
    assert window.action("import_folder") in file_menu.actions()
    assert window.action("remove_document") in file_menu.actions()
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.action("save_excerpt") in edit_menu.actions()
    assert window.action("save_excerpt").shortcut().toString() == "Ctrl+D"
    assert window.action("import_files").shortcut().toString() == "Ctrl+O"
    assert window.action("show_collections").shortcut().toString() == "Ctrl+7"
    assert window.acceptDrops()


def test_importing_a_folder_puts_its_documents_in_the_library(
    qtbot: QtBot,
    window: MainWindow,
    folder: Path,
    user_db: Path,
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (folder / "vide.txt").write_bytes(b"")
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(folder))
    )
    report = run_import(qtbot, window, window.action("import_folder").trigger)
    assert len(report.imported) == 3
    assert [o.path.name for o in report.refused] == ["vide.txt"]  # reported, the others kept
    rows = window.library_actions().importer().report_dialog.rows()
    assert ("vide.txt", "Not imported", "empty file") in [
        (name, result, details.split(";")[0]) for name, result, details in rows
    ]
    assert imported_titles(user_db) == {"Rapport sur Zanzibar", "Notes de lecture", "Le Golfe"}
    assert "3 imported" in window.statusBar().currentMessage()
    # What the window's readers open spans both databases.
    with open_library(library_path) as combined:
        assert {d.title for d in combined.documents() if is_user_id(d.id)} == imported_titles(
            user_db
        )
        assert combined.search("hyperboréen").total == 1


def test_imported_documents_join_the_tree_and_search(
    qtbot: QtBot,
    window: MainWindow,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(folder))
    )
    run_import(qtbot, window, window.action("import_folder").trigger)
    overview = window.overview()
    assert overview is not None
    titles = {d.title for d in overview.documents if is_user_id(d.id)}
    assert titles == {"Rapport sur Zanzibar", "Notes de lecture", "Le Golfe"}
    doc = next(d for d in overview.documents if d.title == "Le Golfe")
    assert window.tree().model().find(f"doc:{doc.id}").isValid()
    panel = window.search_panel()
    qtbot.keyClicks(window.search_box(), "hyperboreen")  # accents are optional
    qtbot.waitUntil(lambda: panel.model().rowCount() > 0, timeout=TIMEOUT)
    assert panel.model().hit(0).doc == doc.id


def test_dropping_a_file_on_the_window_imports_it(
    qtbot: QtBot, window: MainWindow, folder: Path, user_db: Path
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "zanzibar.txt"))])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    report = run_import(qtbot, window, lambda: QApplication.sendEvent(window, drop))
    assert [o.path.name for o in report.imported] == ["zanzibar.txt"]
    assert imported_titles(user_db) == {"Rapport sur Zanzibar"}


def test_a_drag_without_files_is_not_taken(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("du texte")
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_ctrl_d_saves_the_selected_part_of_a_shown_passage(
    qtbot: QtBot, window: MainWindow, library: Library, user_db: Path
) -> None:
    hit = library.search("Koweït", limit=1).hits[0]
    passage = library.passage(hit.passage)
    assert passage is not None
    with qtbot.waitSignal(window.detail().pageShown, timeout=TIMEOUT):
        window.open_location(Location.passage(passage.id))
    detail = window.detail()
    index = next(
        i for i, p in enumerate(detail.rendered().excerpts) if p.excerpt.passage.id == passage.id
    )
    excerpt = detail.rendered().excerpts[index].excerpt
    words = excerpt.text.split()
    part = " ".join(words[1:5])
    start = excerpt.text.index(part)
    detail.select_in_excerpt(index, start, start + len(part))

    seen: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SaveExcerptDialog):
            QTimer.singleShot(20, fill_in)  # the dialog opens once the passage is read
            return
        seen.append(dialog.choice().quote)
        dialog.set_collection("Golfe persique")
        dialog.set_note("pour le chapitre 2")
        dialog.accept()

    QTimer.singleShot(20, fill_in)
    window.activateWindow()
    detail.browser().setFocus()
    with qtbot.waitSignal(window.library_actions().excerptSaved, timeout=TIMEOUT) as saved:
        qtbot.keyClick(detail.browser(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert seen == [part]  # the dialog proposed the words selected in the reader
    item = saved.args[0]
    with UserLibrary.open(user_db) as user:
        golfe = user.find_collection("Golfe persique")
        assert golfe is not None
        stored = user.items(golfe.id)
    assert [(i.passage, i.quote, i.note) for i in stored] == [
        (passage.id, part, "pour le chapitre 2")
    ]
    assert stored[0].id == item.id
    assert "Golfe persique" in window.statusBar().currentMessage()
    # The collections tab, opened afterwards, shows it.
    panel = window.collections_panel()
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        window.action("show_collections").trigger()
    assert panel.snapshot()[0].items[0].quote == part


def test_removing_an_imported_document_asks_first_and_keeps_its_excerpts(
    qtbot: QtBot,
    window: MainWindow,
    folder: Path,
    user_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with UserLibrary.open(user_db) as user:
        report = import_files(user, [folder / "notes.txt"], knowledge=load_knowledge())
        doc = report.imported[0].doc
        assert doc is not None
        with Library.open(user_db) as reader:
            passage = reader.passages(doc)[0]
            document = reader.document(doc)
        assert document is not None
        user.add_excerpt("Lectures", passage, document)
    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        staticmethod(lambda parent, title, label, items, *rest: (items[0], True)),
    )

    def answer(parent, title, text, *rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    actions = window.library_actions()
    with qtbot.waitSignal(actions.documentRemoved, timeout=TIMEOUT) as removed:
        window.action("remove_document").trigger()
    assert len(asked) == 1 and "Notes de lecture" in asked[0]
    assert removed.args[0].doc == doc and removed.args[0].excerpts_kept == 1
    assert imported_titles(user_db) == set()
    with UserLibrary.open(user_db) as user:
        kept = user.find_collection("Lectures")
        assert kept is not None and [i.quote for i in user.items(kept.id)] == [passage.text]


def test_a_no_to_the_confirmation_removes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    folder: Path,
    user_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = run_import(
        qtbot, window, lambda: window.library_actions().import_paths([folder / "notes.txt"])
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.No)
    )
    window.library_actions().remove_document(report.imported[0].doc)
    qtbot.wait(200)
    assert imported_titles(user_db) == {"Notes de lecture"}

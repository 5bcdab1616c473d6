"""The collections panel as a person uses it: rename, reorder, delete and undo, notes,
export with citations and copy all, over a real user library on disk."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from natoapp.citation import format_reference
from natoapp.store.library import Library
from natoapp.ui.collections_panel import CollectionsPanel, export_formats
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.records import CollectionItem

TIMEOUT = 10_000


@pytest.fixture
def user_db(tmp_path: Path, library: Library) -> Path:
    """A user library with two collections: "Golfe" (two excerpts) and "Asie" (one)."""
    path = tmp_path / "data" / "library.sqlite"
    hits = library.search("Koweït", limit=3).hits + library.search("Mongolie", limit=1).hits
    assert len(hits) == 4
    with UserLibrary.open(path) as user:
        for collection, hit, note in (
            ("Golfe", hits[0], "à citer"),
            ("Golfe", hits[1], ""),
            ("Asie", hits[3], ""),
        ):
            passage = library.passage(hit.passage)
            document = library.document(hit.doc)
            assert passage is not None and document is not None
            words = passage.text.split()
            user.add_excerpt(collection, passage, document, quote=" ".join(words[:8]), note=note)
    return path


def items_of(user_db: Path, name: str) -> list[CollectionItem]:
    with UserLibrary.open(user_db) as user:
        found = user.find_collection(name)
        return user.items(found.id) if found is not None else []


def names(user_db: Path) -> list[str]:
    with UserLibrary.open(user_db) as user:
        return [c.name for c in user.collections()]


@pytest.fixture
def panel(qtbot: QtBot, user_db: Path) -> CollectionsPanel:
    widget = CollectionsPanel(user_db=user_db)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.reloaded, timeout=TIMEOUT):
        widget.show()
    return widget


def press(
    qtbot: QtBot, panel: CollectionsPanel, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
):  # type: ignore[no-untyped-def]
    panel.activateWindow()
    panel.view().setFocus()
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        qtbot.keyClick(panel.view(), key, modifier)


def test_the_panel_shows_the_library_and_its_model_passes_the_tester(
    qtmodeltester,
    panel: CollectionsPanel,  # type: ignore[no-untyped-def]
) -> None:
    model = panel.model()
    qtmodeltester.check(model)
    assert model.collection_names() == ["Golfe", "Asie"]
    golfe = model.index(0, 0)
    assert golfe.data() == "Golfe (2)"
    assert panel.view().isExpanded(golfe)
    assert model.rowCount(golfe) == 2


def test_renaming_in_place_with_f2(qtbot: QtBot, panel: CollectionsPanel, user_db: Path) -> None:
    assert panel.select_collection(panel.snapshot()[1].collection.id)
    panel.activateWindow()
    panel.view().setFocus()
    qtbot.keyClick(panel.view(), Qt.Key.Key_F2)
    editor = panel.view().findChild(QLineEdit)
    assert editor is not None and editor.text() == "Asie"
    editor.selectAll()
    qtbot.keyClicks(editor, "Asie centrale")
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert names(user_db) == ["Golfe", "Asie centrale"]
    assert panel.model().collection_names() == ["Golfe", "Asie centrale"]
    assert "Asie centrale" in panel.message_text()


def test_a_taken_name_is_refused_with_a_message_and_nothing_changes(
    qtbot: QtBot, panel: CollectionsPanel, user_db: Path
) -> None:
    index = panel.model().index(1, 0)
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        panel.model().setData(index, "golfe")
    assert names(user_db) == ["Golfe", "Asie"]
    assert panel.model().collection_names() == ["Golfe", "Asie"]
    assert "already exists" in panel.message_text()
    assert "\n" not in panel.message_text()


def test_alt_down_and_alt_up_reorder_collections_and_excerpts(
    qtbot: QtBot, panel: CollectionsPanel, user_db: Path
) -> None:
    golfe = panel.snapshot()[0]
    panel.select_collection(golfe.collection.id)
    press(qtbot, panel, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(user_db) == ["Asie", "Golfe"]
    assert panel.current_collection_id() == golfe.collection.id  # the moved row stays current

    second = golfe.items[1]
    panel.select_item(second.id)
    press(qtbot, panel, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [i.id for i in items_of(user_db, "Golfe")] == [second.id, golfe.items[0].id]
    assert panel.current_item_id() == second.id


def test_dragging_a_collection_moves_it(
    qtbot: QtBot, panel: CollectionsPanel, user_db: Path
) -> None:
    model = panel.model()
    mime = model.mimeData([model.index(1, 0)])
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert names(user_db) == ["Asie", "Golfe"]


def test_deleting_a_collection_can_be_undone(
    qtbot: QtBot, panel: CollectionsPanel, user_db: Path
) -> None:
    before = items_of(user_db, "Golfe")
    panel.select_collection(panel.snapshot()[0].collection.id)
    press(qtbot, panel, Qt.Key.Key_Delete)
    assert names(user_db) == ["Asie"]
    assert panel.can_undo() and "Golfe" in panel.message_text()
    assert panel.undo_button().isVisible()
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        qtbot.mouseClick(panel.undo_button(), Qt.MouseButton.LeftButton)
    assert sorted(names(user_db)) == ["Asie", "Golfe"]
    after = items_of(user_db, "Golfe")
    assert [(i.quote, i.note) for i in after] == [(i.quote, i.note) for i in before]
    assert not panel.can_undo()


def test_deleting_an_excerpt_then_ctrl_z_brings_it_back(
    qtbot: QtBot, panel: CollectionsPanel, user_db: Path
) -> None:
    first = panel.snapshot()[0].items[0]
    panel.select_item(first.id)
    press(qtbot, panel, Qt.Key.Key_Delete)
    assert [i.id for i in items_of(user_db, "Golfe")] == [panel.snapshot()[0].items[0].id]
    press(qtbot, panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = items_of(user_db, "Golfe")
    assert (restored[0].id, restored[0].quote, restored[0].note) == (
        first.id,
        first.quote,
        "à citer",
    )


def test_editing_a_note(
    qtbot: QtBot, panel: CollectionsPanel, user_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = panel.snapshot()[0].items[1]
    panel.select_item(item.id)
    asked: list[str] = []

    def answer(parent, title, label, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Chiffres de 2017", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(answer))
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        panel.action("edit_note").trigger()
    assert asked == [""]
    assert items_of(user_db, "Golfe")[1].note == "Chiffres de 2017"


@pytest.mark.parametrize(("typed", "chosen", "written"), [
    ("golfe", "Markdown (*.md)", "golfe.md"),
    ("golfe.csv", "Markdown (*.md)", "golfe.csv"),  # the name typed wins over the filter
])  # fmt: skip
def test_export_writes_each_excerpt_verbatim_with_its_citation(
    qtbot: QtBot,
    panel: CollectionsPanel,
    user_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    chosen: str,
    written: str,
) -> None:
    assert chosen in [label for _, label in export_formats()]
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args, **kwargs: (str(tmp_path / typed), chosen)),
    )
    panel.select_collection(panel.snapshot()[0].collection.id)
    with qtbot.waitSignal(panel.reloaded, timeout=TIMEOUT):
        panel.action("export").trigger()
    out = tmp_path / written
    assert out.is_file(), panel.message_text()
    items = items_of(user_db, "Golfe")
    text = out.read_text(encoding="utf-8")
    if written.endswith(".csv"):
        rows = list(csv.DictReader(text.splitlines()))
        assert [row["quote"] for row in rows] == [i.quote for i in items]
        assert [row["citation"] for row in rows] == [
            format_reference(i.source(), "plain") for i in items
        ]
        assert rows[0]["note"] == "à citer"
    else:
        assert text.startswith("# Golfe\n")
        for item in items:
            assert f"> {item.quote}" in text
            assert item.title in text
        assert "Note: à citer" in text
    assert str(out) in panel.message_text()


def test_copy_all_puts_plain_text_and_html_on_the_clipboard(panel: CollectionsPanel) -> None:
    QGuiApplication.clipboard().clear()
    golfe = panel.snapshot()[0]
    panel.select_item(golfe.items[1].id)  # an excerpt stands for its collection
    panel.action("copy_all").trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasText() and mime.hasHtml()
    for item in golfe.items:
        assert item.quote in mime.text()
        assert format_reference(item.source(), "plain") in mime.text()
    assert "<blockquote" in mime.html()
    assert "2 excerpts" in panel.message_text()


def test_enter_on_an_excerpt_opens_its_passage(qtbot: QtBot, panel: CollectionsPanel) -> None:
    item = panel.snapshot()[1].items[0]
    panel.select_item(item.id)
    panel.activateWindow()
    panel.view().setFocus()
    with qtbot.waitSignal(panel.passageActivated, timeout=2000) as blocker:
        qtbot.keyClick(panel.view(), Qt.Key.Key_Return)
    assert blocker.args == [item.passage, ""]


def test_an_empty_library_says_how_to_begin(qtbot: QtBot, tmp_path: Path) -> None:
    widget = CollectionsPanel(user_db=tmp_path / "new" / "library.sqlite")
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.reloaded, timeout=TIMEOUT):
        widget.show()
    assert widget.model().rowCount() == 0
    assert "Ctrl+D" in widget.empty_text()
    assert panel_actions_enabled(widget) == {"new"}


def panel_actions_enabled(panel: CollectionsPanel) -> set[str]:
    names = ("open", "new", "rename", "move_up", "move_down", "delete", "undo", "edit_note",
             "export", "copy_all")  # fmt: skip
    return {name for name in names if panel.action(name).isEnabled()}

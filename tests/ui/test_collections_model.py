"""The collections tree model, and the dialog that saves an excerpt to a collection."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from natoapp.ui.collections_model import (
    CITATION_ROLE,
    COLLECTION_ID_ROLE,
    ITEM_ID_ROLE,
    KIND_ROLE,
    MIME_TYPE,
    NOTE_ROLE,
    PASSAGE_ID_ROLE,
    QUOTE_ROLE,
    CollectionsModel,
    CollectionSnapshot,
)
from natoapp.ui.save_excerpt_dialog import SaveExcerptDialog
from natoapp.userlib.records import Collection, CollectionItem


def item(item_id: int, collection: int, quote: str, note: str = "") -> CollectionItem:
    return CollectionItem(
        id=item_id,
        collection=collection,
        position=item_id,
        passage=f"003_x:{item_id}",
        doc="003_x",
        ordinal=item_id,
        quote=quote,
        note=note,
        cut_start=False,
        cut_end=False,
        title="L’Otan au Koweït",
        date="2017-01-25",
        updated=None,
        publisher=None,
        source_file="003_x.txt",
        language="fr",
        added="2024-01-01",
    )


SNAPSHOT = [
    CollectionSnapshot(
        Collection(5, "Golfe", 0, "2024", 2),
        (item(1, 5, "Le Koweït et le Qatar", "à citer"), item(2, 5, "x " * 80)),
    ),
    CollectionSnapshot(Collection(9, "Asie", 1, "2024", 0), ()),
]


@pytest.fixture
def model(qtbot: QtBot) -> CollectionsModel:
    model = CollectionsModel()
    model.set_snapshot(SNAPSHOT)
    return model


def test_the_model_passes_qt_model_tester(qtmodeltester, model: CollectionsModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    model.set_snapshot([])
    qtmodeltester.check(model)


def test_collections_and_their_excerpts(model: CollectionsModel) -> None:
    golfe = model.index(0, 0)
    assert model.rowCount() == 2 and model.rowCount(golfe) == 2
    assert golfe.data() == "Golfe (2)"
    assert golfe.data(Qt.ItemDataRole.EditRole) == "Golfe"
    assert golfe.data(KIND_ROLE) == "collection" and golfe.data(COLLECTION_ID_ROLE) == 5
    first = model.index(0, 0, golfe)
    assert first.parent() == golfe
    assert first.data() == "Le Koweït et le Qatar"
    assert first.data(KIND_ROLE) == "excerpt"
    assert (first.data(ITEM_ID_ROLE), first.data(PASSAGE_ID_ROLE)) == (1, "003_x:1")
    assert (first.data(QUOTE_ROLE), first.data(NOTE_ROLE)) == ("Le Koweït et le Qatar", "à citer")
    citation = "L’Otan au Koweït. 2017-01-25, passage 1. 003_x.txt"
    assert first.data(CITATION_ROLE) == citation
    assert (
        first.data(Qt.ItemDataRole.ToolTipRole)
        == f"Le Koweït et le Qatar\n\n— {citation}\n\nà citer"
    )
    long_label = model.index(1, 0, golfe).data()
    assert len(long_label) == 90 and long_label.endswith("…")
    assert model.rowCount(first) == 0
    assert model.collection_index(9).data() == "Asie (0)"
    assert model.item_index(2).row() == 1
    assert not model.collection_index(404).isValid()
    assert model.collection_names() == ["Golfe", "Asie"]


def test_renaming_in_place_asks_the_library(qtbot: QtBot, model: CollectionsModel) -> None:
    golfe = model.index(0, 0)
    assert model.flags(golfe) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0, golfe)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.renameRequested) as renamed:
        assert model.setData(golfe, "  Golfe   arabo-persique ")
    assert renamed.args == [5, "Golfe arabo-persique"]
    assert golfe.data() == "Golfe arabo-persique (2)"
    with qtbot.assertNotEmitted(model.renameRequested):
        assert not model.setData(golfe, "   ")
        assert not model.setData(model.index(0, 0, golfe), "Nom")


def drag(model: CollectionsModel, index: QModelIndex) -> QMimeData:
    return model.mimeData([index])


def test_dragging_a_collection_asks_for_the_move(qtbot: QtBot, model: CollectionsModel) -> None:
    mime = drag(model, model.index(0, 0))
    action = Qt.DropAction.MoveAction
    assert model.canDropMimeData(mime, action, 2, 0, QModelIndex())
    assert not model.canDropMimeData(mime, action, 0, 0, model.index(1, 0))
    with qtbot.waitSignal(model.collectionMoveRequested) as moved:
        # False: the rows change when the library's new snapshot comes.
        assert not model.dropMimeData(mime, action, 2, 0, QModelIndex())
    assert moved.args == [5, 1]  # dropped after Asie: second place once it leaves the first


def test_dragging_an_excerpt_within_its_collection(qtbot: QtBot, model: CollectionsModel) -> None:
    golfe = model.index(0, 0)
    mime = drag(model, model.index(1, 0, golfe))
    action = Qt.DropAction.MoveAction
    assert not model.canDropMimeData(mime, action, 0, 0, model.index(1, 0))
    assert not model.canDropMimeData(mime, action, 0, 0, QModelIndex())
    with qtbot.waitSignal(model.itemMoveRequested) as moved:
        model.dropMimeData(mime, action, 0, 0, golfe)
    assert moved.args == [2, 0]


def test_foreign_or_broken_drops_are_refused(model: CollectionsModel) -> None:
    text = QMimeData()
    text.setText("hello")
    broken = QMimeData()
    broken.setData(MIME_TYPE, QByteArray(b"{not json"))
    odd = QMimeData()
    odd.setData(MIME_TYPE, QByteArray(json.dumps({"kind": "other"}).encode()))
    for mime in (text, broken, odd):
        assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
        assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


# -- saving an excerpt (natoapp/ui/save_excerpt_dialog.py) -------------------------------

PASSAGE = "L’Initiative de coopération d’Istanbul réunit Bahreïn, le Koweït et le Qatar."


def test_saving_a_selected_part_with_a_note(qtbot: QtBot) -> None:
    start = PASSAGE.index("Bahreïn")
    dialog = SaveExcerptDialog(
        PASSAGE, "L’Otan au Koweït. 2017-01-25", ["Golfe", "Asie"], selection=(start, start + 7)
    )
    qtbot.addWidget(dialog)
    dialog.set_collection("Asie")
    dialog.set_note("  premier pays  ")
    choice = dialog.choice()
    assert (choice.collection, choice.quote, choice.note) == ("Asie", "Bahreïn", "premier pays")
    assert not choice.whole_passage


def test_nothing_selected_saves_the_whole_passage_to_a_new_collection(qtbot: QtBot) -> None:
    dialog = SaveExcerptDialog(PASSAGE, "ref", [])
    qtbot.addWidget(dialog)
    assert dialog.choice().collection == "Excerpts"
    dialog.set_collection("  Nouvelle   collection ")
    choice = dialog.choice()
    assert choice.whole_passage and choice.quote == PASSAGE
    assert choice.collection == "Nouvelle collection"


def test_a_collection_must_be_named_and_ctrl_return_saves(qtbot: QtBot) -> None:
    dialog = SaveExcerptDialog(PASSAGE, "ref", ["Golfe"], collection="Golfe")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    dialog.set_collection("   ")
    assert not save.isEnabled() and not dialog.can_save()
    dialog.accept()
    assert dialog.isVisible()  # not closed without a collection
    dialog.set_collection("Golfe")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

"""The user's collections of excerpts as a panel: rename, reorder, delete with Undo, notes,
export with citations and "copy all".

Every read and write of the library runs on a pool thread with its own
:class:`~natoapp.userlib.UserLibrary`, one change after another in the order they were
asked for (so two quick moves land in that order), and each change ends by reading a
fresh snapshot for the model. The GUI thread only ever holds plain frozen records.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QStandardPaths,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from natoapp.ui.clipboard import _put_on_clipboard
from natoapp.ui.collections_model import (
    COLLECTION_ID_ROLE,
    ITEM_ID_ROLE,
    KIND_ROLE,
    NOTE_ROLE,
    PASSAGE_ID_ROLE,
    CollectionsModel,
    CollectionSnapshot,
    collections_snapshot,
)
from natoapp.ui.tasks import run_in_thread
from natoapp.userlib.errors import UserLibraryError
from natoapp.userlib.exports import (
    SUFFIX_BY_FORMAT,
    all_with_citations,
    format_for_path,
    write_collection,
)
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.records import CollectionItem, DeletedCollection

_log = logging.getLogger("natoapp.ui.collections")

_UNDO_DEPTH = 20
# File-name characters some systems refuse; a collection name may hold any of them.
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

Change = Callable[[UserLibrary], Any]


@dataclass(frozen=True, slots=True)
class _Outcome:
    result: Any
    snapshot: list[CollectionSnapshot]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Job:
    change: Change | None
    on_done: Callable[[Any], object] | None


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _run_job(user_db: Path | None, change: Change | None) -> _Outcome:
    """Open the library on this (pool) thread, make the change, read the collections again."""
    notes: list[str] = []
    with UserLibrary.open(user_db, on_note=notes.append) as library:
        result = change(library) if change is not None else None
        return _Outcome(result, collections_snapshot(library), tuple(notes))


def _read_items(library: UserLibrary, collection_id: int) -> tuple[str, list[CollectionItem]]:
    found = library.collection(collection_id)
    if found is None:
        raise UserLibraryError(f"no collection {collection_id}")
    return found.name, library.items(collection_id)


def export_formats() -> list[tuple[str, str]]:
    """(format, file-dialog filter) for every export this installation can write."""
    formats = [
        ("markdown", QCoreApplication.translate("CollectionsPanel", "Markdown (*.md)")),
        ("html", QCoreApplication.translate("CollectionsPanel", "Web page (*.html)")),
        ("csv", QCoreApplication.translate("CollectionsPanel", "CSV table (*.csv)")),
        ("bibtex", QCoreApplication.translate("CollectionsPanel", "BibTeX (*.bib)")),
        ("csl-json", QCoreApplication.translate("CollectionsPanel", "CSL-JSON (*.json)")),
    ]
    if importlib.util.find_spec("docx") is not None:
        formats.append(
            ("docx", QCoreApplication.translate("CollectionsPanel", "Word document (*.docx)"))
        )
    formats.append(("text", QCoreApplication.translate("CollectionsPanel", "Plain text (*.txt)")))
    return formats


class CollectionsPanel(QWidget):
    """Collections and their excerpts, with everything a person does to them.

    ``passageActivated(passage_id, query)``: an excerpt was opened (Enter, double click).
    ``statusMessage(str)``: a one-line report for the status bar.
    ``reloaded()``: a fresh snapshot of the collections is shown.
    """

    passageActivated = Signal(str, str)
    statusMessage = Signal(str)
    reloaded = Signal()

    def __init__(self, parent: QWidget | None = None, *, user_db: Path | None = None) -> None:
        """A panel over the library at ``user_db`` (default: the user's)."""
        super().__init__(parent)
        self._user_db = user_db
        self._snapshot: list[CollectionSnapshot] = []
        self._seen: set[int] | None = None  # collection ids shown so far (None: nothing yet)
        self._jobs: deque[_Job] = deque()
        self._busy = False
        self._loaded = False
        self._undo: list[DeletedCollection | CollectionItem] = []

        self._model = CollectionsModel(self)
        self._model.renameRequested.connect(self._on_rename_requested)
        self._model.collectionMoveRequested.connect(self._on_collection_move_requested)
        self._model.itemMoveRequested.connect(self._on_item_move_requested)
        self._view = QTreeView(self)
        self._view.setModel(self._model)
        self._view.setHeaderHidden(True)
        self._view.setUniformRowHeights(True)
        self._view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self._view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._view.setDropIndicatorShown(True)
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._view.customContextMenuRequested.connect(self._on_context_menu)
        self._view.activated.connect(self._on_activated)
        self._view.selectionModel().currentChanged.connect(self._update_actions)

        self._empty = QLabel(self)
        self._empty.setWordWrap(True)
        self._notice = QLabel(self)
        self._notice.setWordWrap(True)
        self._undo_button = QPushButton(self)
        self._undo_button.clicked.connect(self.undo)
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(4, 0, 4, 0)
        notice_row.addWidget(self._notice, 1)
        notice_row.addWidget(self._undo_button)

        self._actions = self._create_actions()
        self._toolbar = QToolBar(self)
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("new", "export", "copy_all", None, "move_up", "move_down", "delete"):
            if name is None:
                self._toolbar.addSeparator()
            else:
                self._toolbar.addAction(self._actions[name])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._toolbar)
        layout.addWidget(self._empty)
        layout.addWidget(self._view, 1)
        layout.addLayout(notice_row)
        self.setFocusProxy(self._view)
        self._retranslate()
        self._empty.hide()
        self._show_notice("")
        self._update_actions()

    # --- public -----------------------------------------------------------------------

    def model(self) -> CollectionsModel:
        """The collections tree model."""
        return self._model

    def view(self) -> QTreeView:
        """The tree view."""
        return self._view

    def action(self, name: str) -> QAction:
        """One of the panel's actions ("new", "rename", "move_up", "move_down", "delete",
        "undo", "edit_note", "export", "copy_all", "open")."""
        return self._actions[name]

    def snapshot(self) -> list[CollectionSnapshot]:
        """The collections as last read."""
        return list(self._snapshot)

    def collection_names(self) -> list[str]:
        """The collections' names in order."""
        return [entry.collection.name for entry in self._snapshot]

    def message_text(self) -> str:
        """The line under the tree (what was just done, or why it could not be)."""
        return self._notice.text()

    def empty_text(self) -> str:
        """The hint shown instead of collections when there are none, else ""."""
        return self._empty.text() if not self._empty.isHidden() else ""

    def undo_button(self) -> QPushButton:
        """The Undo button beside the message, shown while a deletion can be undone."""
        return self._undo_button

    def can_undo(self) -> bool:
        """True when a deletion can be undone."""
        return bool(self._undo)

    @Slot()
    def reload(self) -> None:
        """Read the collections again (after an excerpt was saved elsewhere)."""
        self._loaded = True
        self._submit(None)

    def select_collection(self, collection_id: int) -> bool:
        """Make collection ``collection_id`` current; False when it is not shown."""
        return self._select(self._model.collection_index(collection_id))

    def select_item(self, item_id: int) -> bool:
        """Make excerpt ``item_id`` current; False when it is not shown."""
        return self._select(self._model.item_index(item_id))

    def current_collection_id(self) -> int | None:
        """The current collection, or the collection of the current excerpt."""
        value = self._view.currentIndex().data(COLLECTION_ID_ROLE)
        return int(value) if value is not None else None

    def current_item_id(self) -> int | None:
        """The current excerpt, or None when a collection (or nothing) is current."""
        value = self._view.currentIndex().data(ITEM_ID_ROLE)
        return int(value) if value is not None else None

    @Slot()
    def new_collection(self) -> None:
        """Ask for a name, then create an empty collection."""
        name, ok = QInputDialog.getText(self, self.tr("New collection"), self.tr("Name:"))
        if ok and name.strip():
            self.create_collection(name)

    def create_collection(self, name: str) -> None:
        """Create an empty collection called ``name`` and make it current."""
        self._submit(
            lambda lib: lib.create_collection(name),
            lambda made: self._done(
                self.tr("Created the collection “%1”.").replace("%1", made.name),
                collection=made.id,
            ),
        )

    @Slot()
    def rename_current(self) -> None:
        """Edit the current collection's name in place (F2)."""
        index = self._view.currentIndex()
        if index.isValid() and index.data(KIND_ROLE) == "collection":
            self._view.edit(index)

    def rename_collection(self, collection_id: int, name: str) -> None:
        """Rename a collection (a taken or empty name is refused with a message)."""
        self._submit(
            lambda lib: lib.rename_collection(collection_id, name),
            lambda renamed: self._done(
                self.tr("Renamed the collection “%1”.").replace("%1", renamed.name),
                collection=renamed.id,
            ),
        )

    def move_current(self, delta: int) -> None:
        """Move the current collection or excerpt ``delta`` places (negative: up)."""
        index = self._view.currentIndex()
        if not index.isValid():
            return
        target = index.row() + delta
        if target < 0 or target >= self._model.rowCount(index.parent()):
            return
        item_id = self.current_item_id()
        if item_id is not None:
            self._move_item(item_id, target)
        else:
            collection_id = self.current_collection_id()
            if collection_id is not None:
                self._move_collection(collection_id, target)

    @Slot()
    def move_up(self) -> None:
        """Move the current row one place up (Alt+Up)."""
        self.move_current(-1)

    @Slot()
    def move_down(self) -> None:
        """Move the current row one place down (Alt+Down)."""
        self.move_current(1)

    @Slot()
    def delete_current(self) -> None:
        """Delete the current excerpt, or the current collection with its excerpts (undoable)."""
        item_id = self.current_item_id()
        if item_id is not None:
            self._submit(lambda lib: lib.delete_item(item_id), self._on_item_deleted)
            return
        collection_id = self.current_collection_id()
        if collection_id is not None:
            self._submit(lambda lib: lib.delete_collection(collection_id), self._on_deleted)

    @Slot()
    def undo(self) -> None:
        """Bring back what was deleted last."""
        if not self._undo:
            return
        deleted = self._undo.pop()
        if isinstance(deleted, DeletedCollection):
            self._submit(
                lambda lib: lib.restore_collection(deleted),
                lambda restored: self._done(
                    self.tr("Restored the collection “%1”.").replace("%1", restored.name),
                    collection=restored.id,
                ),
            )
        else:
            self._submit(
                lambda lib: lib.restore_item(deleted),
                lambda restored: self._done(self.tr("Restored the excerpt."), item=restored.id),
            )

    @Slot()
    def edit_note(self) -> None:
        """Ask for the current excerpt's note, then save it."""
        index = self._view.currentIndex()
        item_id = self.current_item_id()
        if item_id is None:
            self._show_notice(self.tr("Choose an excerpt to write a note on it."))
            return
        note, ok = QInputDialog.getMultiLineText(
            self, self.tr("Note"), self.tr("Your note on this excerpt:"), index.data(NOTE_ROLE)
        )
        if ok:
            self.set_note(item_id, note)

    def set_note(self, item_id: int, note: str) -> None:
        """Replace the note of excerpt ``item_id``."""
        self._submit(
            lambda lib: lib.set_note(item_id, note),
            lambda item: self._done(self.tr("Saved the note."), item=item.id),
        )

    @Slot()
    def export_current(self) -> None:
        """Ask where and in which format, then write the current collection with its citations."""
        collection_id = self.current_collection_id()
        entry = self._entry(collection_id)
        if collection_id is None or entry is None:
            self._show_notice(self.tr("Choose a collection to export."))
            return
        formats = export_formats()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = _UNSAFE_FILE_CHARS.sub("-", entry.collection.name).strip(" .-") or "collection"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the collection “%1”").replace("%1", entry.collection.name),
            str(Path(folder) / f"{name}.md") if folder else f"{name}.md",
            ";;".join(label for _, label in formats),
        )
        if not path:
            return
        fmt = next((f for f, label in formats if label == chosen), None)
        target = Path(path)
        by_suffix = format_for_path(target)
        if by_suffix is not None and (fmt is None or by_suffix != fmt):
            fmt = by_suffix  # the name typed wins over the filter left selected
        if fmt is None:
            fmt = "markdown"
        if by_suffix is None:
            target = target.with_name(target.name + SUFFIX_BY_FORMAT[fmt])
        self.export_collection(collection_id, target, fmt)

    def export_collection(self, collection_id: int, path: Path, fmt: str) -> None:
        """Write collection ``collection_id`` to ``path`` in ``fmt``, off the GUI thread."""

        def write(lib: UserLibrary) -> Path:
            name, items = _read_items(lib, collection_id)
            return write_collection(path, name, items, fmt)

        self._submit(
            write,
            lambda written: self._done(
                self.tr("Exported to %1.").replace("%1", str(written)), collection=collection_id
            ),
        )

    @Slot()
    def copy_all(self) -> None:
        """Copy every excerpt of the current collection with its citation (text and HTML)."""
        entry = self._entry(self.current_collection_id())
        if entry is None:
            self._show_notice(self.tr("Choose a collection to copy."))
            return
        if not entry.items:
            self._show_notice(
                self.tr("The collection “%1” is empty.").replace("%1", entry.collection.name)
            )
            return
        _put_on_clipboard(all_with_citations(entry.items))
        self._report(
            self.tr("Copied %1 excerpts with their citations.").replace("%1", str(len(entry.items)))
        )

    @Slot()
    def open_current(self) -> None:
        """Open the current excerpt's passage in the reader."""
        self._on_activated(self._view.currentIndex())

    # --- the queue of library jobs ------------------------------------------------------

    def _submit(
        self, change: Change | None, on_done: Callable[[Any], object] | None = None
    ) -> None:
        self._jobs.append(_Job(change, on_done))
        if not self._busy:
            self._next_job()

    def _next_job(self) -> None:
        if not self._jobs:
            self._busy = False
            return
        self._busy = True
        job = self._jobs.popleft()
        user_db = self._user_db
        run_in_thread(
            self,
            lambda: _run_job(user_db, job.change),
            lambda outcome: self._on_job_done(job, outcome),
            self._on_job_failed,
        )

    def _on_job_done(self, job: _Job, outcome: _Outcome) -> None:
        self._show_snapshot(outcome.snapshot)
        for note in outcome.notes:
            self._report(note)
        if job.on_done is not None:
            job.on_done(outcome.result)
        self.reloaded.emit()
        self._next_job()

    def _on_job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserLibraryError):
            message = _one_line(exc)
        else:
            _log.error("a change to the collections failed", exc_info=exc)
            message = self.tr("The collections could not be changed: %1").replace(
                "%1", _one_line(exc)
            )
        self._report(message)
        # What the view shows may be ahead of the library (an inline rename): read it again.
        self._jobs.appendleft(_Job(None, None))
        self._next_job()

    # --- showing a snapshot -------------------------------------------------------------

    def _show_snapshot(self, snapshot: list[CollectionSnapshot]) -> None:
        current = self._view.currentIndex()
        item_id = current.data(ITEM_ID_ROLE)
        collection_id = current.data(COLLECTION_ID_ROLE)
        expanded = {
            entry.collection.id
            for entry in self._snapshot
            if self._view.isExpanded(self._model.collection_index(entry.collection.id))
        }
        seen = self._seen
        self._snapshot = list(snapshot)
        self._model.set_snapshot(snapshot)
        for entry in snapshot:
            cid = entry.collection.id
            if seen is None or cid not in seen or cid in expanded:
                self._view.expand(self._model.collection_index(cid))
        self._seen = {entry.collection.id for entry in snapshot}
        if item_id is not None and self.select_item(int(item_id)):
            pass
        elif collection_id is not None:
            self.select_collection(int(collection_id))
        self._empty.setVisible(not snapshot)
        self._update_actions()

    def _select(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        self._view.setCurrentIndex(index)
        self._view.scrollTo(index)
        return True

    def _entry(self, collection_id: int | None) -> CollectionSnapshot | None:
        return next((e for e in self._snapshot if e.collection.id == collection_id), None)

    # --- results ------------------------------------------------------------------------

    def _done(
        self, message: str, *, collection: int | None = None, item: int | None = None
    ) -> None:
        if item is not None:
            self.select_item(item)
        elif collection is not None:
            self.select_collection(collection)
        self._report(message)

    def _on_deleted(self, deleted: DeletedCollection) -> None:
        self._push_undo(deleted)
        self._report(
            self.tr("Deleted the collection “%1” (%2 excerpts).")
            .replace("%1", deleted.collection.name)
            .replace("%2", str(len(deleted.items)))
        )

    def _on_item_deleted(self, item: CollectionItem) -> None:
        self._push_undo(item)
        self._report(self.tr("Deleted the excerpt."))

    def _push_undo(self, deleted: DeletedCollection | CollectionItem) -> None:
        self._undo.append(deleted)
        del self._undo[:-_UNDO_DEPTH]

    def _report(self, message: str) -> None:
        self._show_notice(message)
        self.statusMessage.emit(message)

    def _show_notice(self, message: str) -> None:
        self._notice.setText(message)
        self._notice.setVisible(bool(message))
        self._undo_button.setVisible(bool(self._undo))
        self._update_actions()

    # --- signals from the model and the view --------------------------------------------

    @Slot(int, str)
    def _on_rename_requested(self, collection_id: int, name: str) -> None:
        self.rename_collection(collection_id, name)

    @Slot(int, int)
    def _on_collection_move_requested(self, collection_id: int, index: int) -> None:
        self._move_collection(collection_id, index)

    @Slot(int, int)
    def _on_item_move_requested(self, item_id: int, index: int) -> None:
        self._move_item(item_id, index)

    def _move_collection(self, collection_id: int, index: int) -> None:
        self._submit(
            lambda lib: lib.move_collection(collection_id, index),
            lambda _order: self.select_collection(collection_id),
        )

    def _move_item(self, item_id: int, index: int) -> None:
        self._submit(
            lambda lib: lib.move_item(item_id, index), lambda _order: self.select_item(item_id)
        )

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        passage = index.data(PASSAGE_ID_ROLE) if index.isValid() else None
        if passage:
            self.passageActivated.emit(str(passage), "")

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self._view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The menu of what can be done to the current row."""
        menu = QMenu(self)
        names = (
            "open", "edit_note", None, "new", "rename", "move_up", "move_down", "delete",
            "undo", None, "export", "copy_all",
        )  # fmt: skip
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self._actions[name])
        return menu

    # --- actions and texts --------------------------------------------------------------

    def _create_actions(self) -> dict[str, QAction]:
        def make(name: str, slot: Callable[[], None], key: str | None = None) -> QAction:
            action = QAction(self)
            action.setObjectName(f"collections_{name}")
            if key is not None:
                action.setShortcut(QKeySequence(key))
                # Only while the panel has focus: the window has its own keys elsewhere.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        return {
            "open": make("open", self.open_current),
            "new": make("new", self.new_collection),
            "rename": make("rename", self.rename_current, "F2"),
            "move_up": make("move_up", self.move_up, "Alt+Up"),
            "move_down": make("move_down", self.move_down, "Alt+Down"),
            "delete": make("delete", self.delete_current, "Del"),
            "undo": make("undo", self.undo, "Ctrl+Z"),
            "edit_note": make("edit_note", self.edit_note, "Ctrl+Shift+N"),
            "export": make("export", self.export_current),
            "copy_all": make("copy_all", self.copy_all),
        }

    @Slot()
    def _update_actions(self, *_args: object) -> None:
        index = self._view.currentIndex()
        kind = index.data(KIND_ROLE) if index.isValid() else None
        rows = self._model.rowCount(index.parent()) if index.isValid() else 0
        a = self._actions
        a["open"].setEnabled(kind == "excerpt")
        a["edit_note"].setEnabled(kind == "excerpt")
        a["rename"].setEnabled(kind == "collection")
        a["move_up"].setEnabled(kind is not None and index.row() > 0)
        a["move_down"].setEnabled(kind is not None and index.row() < rows - 1)
        a["delete"].setEnabled(kind is not None)
        a["undo"].setEnabled(bool(self._undo))
        a["export"].setEnabled(kind is not None)
        a["copy_all"].setEnabled(kind is not None)
        self._undo_button.setVisible(bool(self._undo))

    def _retranslate(self) -> None:
        texts = {
            "open": (self.tr("&Open Passage"), self.tr("Show the excerpt's passage in the reader")),
            "new": (self.tr("&New Collection…"), self.tr("Create an empty collection")),
            "rename": (self.tr("&Rename"), self.tr("Rename the collection")),
            "move_up": (self.tr("Move &Up"), self.tr("Move it one place up")),
            "move_down": (self.tr("Move &Down"), self.tr("Move it one place down")),
            "delete": (self.tr("&Delete"), self.tr("Delete it (Undo brings it back)")),
            "undo": (self.tr("&Undo Delete"), self.tr("Bring back what was deleted last")),
            "edit_note": (self.tr("Edit &Note…"), self.tr("Write a note on the excerpt")),
            "export": (self.tr("&Export…"), self.tr("Save the collection with its citations")),
            "copy_all": (
                self.tr("&Copy All with Citations"),
                self.tr("Copy every excerpt of the collection with its citation"),
            ),
        }
        for name, (text, tip) in texts.items():
            action = self._actions[name]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        self._undo_button.setText(self.tr("Undo"))
        self._empty.setText(
            self.tr("No collections yet. Save an excerpt from the reader with Ctrl+D.")
        )
        self._view.setAccessibleName(self.tr("Collections of excerpts"))
        self._toolbar.setAccessibleName(self.tr("Collection tools"))

    def showEvent(self, event: QShowEvent) -> None:
        # Read on first sight: the first screen does not wait for the user's library.
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

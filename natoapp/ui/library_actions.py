"""The window's commands for the user's own library: import documents (menu and drops),
remove an imported document, and save an excerpt to a collection.

Every read and write runs on a pool thread with its own connection; the window is asked
to read its library again (:meth:`MainWindow.reload_library`) after documents came or went.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from natoapp.citation import format_reference, source_for
from natoapp.store.records import DocumentInfo, PassageInfo
from natoapp.ui.history import DOCUMENT, PASSAGE
from natoapp.ui.save_excerpt_dialog import ExcerptChoice, ask_excerpt
from natoapp.ui.search_model import PASSAGE_ID_ROLE
from natoapp.ui.selection import trim_selection
from natoapp.ui.tasks import run_in_thread
from natoapp.ui.user_library import open_library
from natoapp.userlib.errors import UserLibraryError
from natoapp.userlib.records import (
    CollectionItem,
    ImportRecord,
    ImportReport,
    RemovedDocument,
    is_user_id,
)

if TYPE_CHECKING:
    from natoapp.ui.import_dialog import ImportController
    from natoapp.ui.main_window import MainWindow
    from natoapp.userlib.knowledge import UserKnowledge
    from natoapp.userlib.library import UserLibrary

# The import machinery (HTML and PDF readers) and the writable library are loaded on
# first use, on a pool thread where possible: the first screen does not wait for them.

_log = logging.getLogger("natoapp.ui.library_actions")
_STATUS_MS = 8000


@dataclass(frozen=True, slots=True)
class _ToSave:
    passage: PassageInfo
    document: DocumentInfo
    collections: tuple[str, ...]


def _local_paths(mime: QMimeData) -> list[Path]:
    # The same reading of a drop as the import dialog's, without loading the importers
    # for every drag that passes over the window.
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _open_user(user_db: Path | None) -> UserLibrary:
    from natoapp.userlib.library import UserLibrary

    return UserLibrary.open(user_db)


def _read_for_saving(library_path: Path, user_db: Path | None, passage_id: str) -> _ToSave:
    """The passage, its document and the collection names (on a pool thread)."""
    library = open_library(library_path, user_db)
    try:
        passage = library.passage(passage_id)
        document = library.document(passage.doc) if passage is not None else None
    finally:
        library.close()
    if passage is None or document is None:
        raise UserLibraryError(f"the passage {passage_id} is no longer in the library")
    with _open_user(user_db) as user:
        names = tuple(c.name for c in user.collections())
    return _ToSave(passage, document, names)


def _save(user_db: Path | None, saving: _ToSave, choice: ExcerptChoice) -> CollectionItem:
    with _open_user(user_db) as user:
        return user.add_excerpt(
            choice.collection,
            saving.passage,
            saving.document,
            quote=None if choice.whole_passage else choice.quote,
            note=choice.note,
        )


def _imported(user_db: Path | None) -> list[ImportRecord]:
    with _open_user(user_db) as user:
        return user.imported()


def _remove(user_db: Path | None, doc_id: str) -> RemovedDocument:
    with _open_user(user_db) as user:
        return user.remove_document(doc_id)


class LibraryActions(QObject):
    """Import, remove and save-excerpt commands of ``window``, with drops on it.

    ``excerptSaved(CollectionItem)`` and ``documentRemoved(RemovedDocument)`` follow a
    change; the import controller's ``imported(ImportReport)`` follows an import.
    """

    excerptSaved = Signal(object)
    documentRemoved = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        library_path: Path,
        *,
        user_db: Path | None = None,
        knowledge: UserKnowledge | None = None,
        show_report: bool = True,
        on_collections_changed: Callable[[], None] | None = None,
        on_language_change: Callable[[], None] | None = None,
    ) -> None:
        """Commands for ``window`` reading the seed database at ``library_path``.

        ``user_db`` is the user's library (default: the one in the user data folder);
        ``on_collections_changed`` is called after an excerpt is saved or a document
        removed, ``on_language_change`` when the interface language changes.
        """
        super().__init__(window)
        self._window = window
        self._library_path = library_path
        self._user_db = user_db
        self._knowledge = knowledge
        self._show_report = show_report
        self._on_collections_changed = on_collections_changed
        self._on_language_change = on_language_change
        self._last_collection: str | None = None
        self._importer: ImportController | None = None
        self._actions = self._create_actions()
        self.retranslate()
        window.installEventFilter(self)

    # --- public -----------------------------------------------------------------------

    def actions(self) -> dict[str, QAction]:
        """The commands by name: import_files, import_folder, remove_document, save_excerpt."""
        return dict(self._actions)

    def importer(self) -> ImportController:
        """The import controller (made on first use), with its progress and report dialogs."""
        if self._importer is None:
            from natoapp.ui.import_dialog import ImportController

            importer = ImportController(
                self._window,
                user_db=self._user_db,
                knowledge=self._knowledge,
                show_report=self._show_report,
            )
            importer.imported.connect(self._on_imported)
            importer.failed.connect(self._on_import_failed)
            self._importer = importer
        return self._importer

    @Slot()
    def import_files(self) -> None:
        """Ask for files, then import them (Ctrl+O)."""
        self.importer().ask_files()

    @Slot()
    def import_folder(self) -> None:
        """Ask for a folder, then import every document in it."""
        self.importer().ask_folder()

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Import ``paths`` (files or folders) in the background; False when one is running."""
        if not paths:
            return False
        if self._importer is not None and self._importer.running:
            self._status(self.tr("An import is running; try again when it ends."))
            return False
        return self.importer().import_paths(paths) is not None

    def accepts_drop(self, mime: QMimeData | None) -> bool:
        """True when ``mime`` holds local files or folders to import."""
        return mime is not None and bool(_local_paths(mime))

    def drop(self, mime: QMimeData | None) -> bool:
        """Import the files and folders dropped; False when there is nothing to import."""
        return mime is not None and self.import_paths(_local_paths(mime))

    @Slot()
    def save_current_excerpt(self) -> None:
        """Save what the reader or the search results point at (Ctrl+D).

        A search hit with focus saves its passage; in the reader, a selection inside one
        excerpt saves that part, else the excerpt under the cursor, else the passage shown.
        """
        target = self._current_target()
        if target is None:
            self._status(self.tr("Select an excerpt in the reader or a search result to save it."))
            return
        self.save_excerpt_for(*target)

    def save_excerpt_for(self, passage_id: str, selection: tuple[int, int] | None) -> None:
        """Ask where to save (part of) passage ``passage_id``, then save it.

        ``selection`` is offsets into the passage's text to propose; None proposes the
        whole passage.
        """
        path, user_db = self._library_path, self._user_db
        run_in_thread(
            self,
            lambda: _read_for_saving(path, user_db, passage_id),
            lambda saving: self._ask_and_save(saving, selection),
            self._on_failed,
        )

    @Slot()
    def ask_remove_document(self) -> None:
        """Choose an imported document (the one shown first), confirm, then remove it."""
        user_db = self._user_db
        run_in_thread(self, lambda: _imported(user_db), self._choose_removal, self._on_failed)

    def remove_document(self, doc_id: str, *, confirm: bool = True) -> None:
        """Remove imported document ``doc_id``, asking first when ``confirm``."""
        if confirm:
            answer = QMessageBox.question(
                self._window,
                self.tr("Remove imported document"),
                self.tr(
                    "Remove “%1” from your library? The excerpts you saved from it stay "
                    "in their collections."
                ).replace("%1", doc_id),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        user_db = self._user_db
        run_in_thread(self, lambda: _remove(user_db, doc_id), self._on_removed, self._on_failed)

    def retranslate(self) -> None:
        """Set the commands' texts in the interface language."""
        texts = {
            "import_files": (
                self.tr("&Import Documents…"),
                self.tr("Add text, Markdown, HTML or PDF files to your library"),
            ),
            "import_folder": (
                self.tr("Import &Folder…"),
                self.tr("Add every document of a folder to your library"),
            ),
            "remove_document": (
                self.tr("&Remove Imported Document…"),
                self.tr("Take a document you imported out of your library"),
            ),
            "save_excerpt": (
                self.tr("Save &Excerpt to Collection…"),
                self.tr("Keep the excerpt, with its citation, in a collection"),
            ),
        }
        for name, (text, tip) in texts.items():
            action = self._actions[name]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._on_language_change is not None:
                self._on_language_change()
        return super().eventFilter(watched, event)

    # --- building -----------------------------------------------------------------------

    def _create_actions(self) -> dict[str, QAction]:
        def make(name: str, slot: Callable[[], None], *keys: QKeySequence) -> QAction:
            action = QAction(self._window)
            action.setObjectName(name)
            if keys:
                action.setShortcuts(list(keys))
            action.triggered.connect(slot)
            self._window.addAction(action)
            return action

        open_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Open) or [
            QKeySequence("Ctrl+O")
        ]
        return {
            "import_files": make("import_files", self.import_files, *open_keys),
            "import_folder": make("import_folder", self.import_folder),
            "remove_document": make("remove_document", self.ask_remove_document),
            "save_excerpt": make("save_excerpt", self.save_current_excerpt, QKeySequence("Ctrl+D")),
        }

    # --- what to save -------------------------------------------------------------------

    def _current_target(self) -> tuple[str, tuple[int, int] | None] | None:
        focus = QApplication.focusWidget()
        results = self._window.search_panel().results_view()
        if focus is not None and (focus is results or results.isAncestorOf(focus)):
            passage = results.currentIndex().data(PASSAGE_ID_ROLE)
            if passage:
                return str(passage), None
        return self._reader_target()

    def _reader_target(self) -> tuple[str, tuple[int, int] | None] | None:
        detail = self._window.detail()
        rendered = detail.rendered()
        cursor = detail.browser().textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if cursor.hasSelection():
            touched = rendered.excerpts_between(start, end)
            if len(touched) == 1:
                placed = touched[0]
                excerpt = placed.excerpt
                first, last = trim_selection(
                    excerpt.text, max(start, placed.start) - placed.start, end - placed.start
                )
                if first < last:
                    return excerpt.passage.id, (excerpt.offset + first, excerpt.offset + last)
        under_cursor = detail.current_excerpt()
        if under_cursor is not None:
            excerpt = under_cursor.excerpt
            if excerpt.whole_passage:
                return excerpt.passage.id, None
            return excerpt.passage.id, (excerpt.offset, excerpt.offset + len(excerpt.text))
        location = detail.current_location()
        if location is not None and location.kind == PASSAGE:
            return location.target, None
        return None

    # --- results ------------------------------------------------------------------------

    def _ask_and_save(self, saving: _ToSave, selection: tuple[int, int] | None) -> None:
        citation = format_reference(source_for(saving.document, saving.passage), "plain")
        choice = ask_excerpt(
            self._window,
            saving.passage.text,
            citation,
            saving.collections,
            selection=selection,
            collection=self._last_collection,
        )
        if choice is None:
            return
        self._last_collection = choice.collection
        user_db = self._user_db
        run_in_thread(self, lambda: _save(user_db, saving, choice), self._on_saved, self._on_failed)

    def _on_saved(self, item: CollectionItem) -> None:
        if self._on_collections_changed is not None:
            self._on_collections_changed()
        self._status(
            self.tr("Saved the excerpt to “%1”.").replace("%1", self._last_collection or "")
        )
        self.excerptSaved.emit(item)

    def _choose_removal(self, records: list[ImportRecord]) -> None:
        if not records:
            self._status(self.tr("You have not imported any document."))
            return
        shown = self._shown_document()
        labels = [f"{r.title} — {r.source_file}" for r in records]
        current = next((i for i, r in enumerate(records) if r.doc == shown), 0)
        label, ok = QInputDialog.getItem(
            self._window,
            self.tr("Remove imported document"),
            self.tr("Document to remove:"),
            labels,
            current,
            False,
        )
        if not ok:
            return
        record = records[labels.index(label)]
        answer = QMessageBox.question(
            self._window,
            self.tr("Remove imported document"),
            self.tr(
                "Remove “%1” (%2) from your library? The excerpts you saved from it stay "
                "in their collections."
            )
            .replace("%1", record.title)
            .replace("%2", record.source_file),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_document(record.doc, confirm=False)

    def _shown_document(self) -> str | None:
        location = self._window.detail().current_location()
        if location is None:
            return None
        if location.kind == DOCUMENT:
            doc = location.target
        elif location.kind == PASSAGE:
            doc = location.target.rpartition(":")[0]
        else:
            return None
        return doc if is_user_id(doc) else None

    def _reload_then_say(self, message: str) -> None:
        # Said once the window has read the library again, so "Ready." does not hide it.
        self._window.overviewLoaded.connect(
            lambda: self._status(message), Qt.ConnectionType.SingleShotConnection
        )
        self._window.reload_library()

    def _on_removed(self, removed: RemovedDocument) -> None:
        if self._on_collections_changed is not None:
            self._on_collections_changed()
        message = self.tr("Removed “%1” from your library.").replace("%1", removed.title)
        if removed.excerpts_kept:
            message += " " + self.tr("%1 saved excerpts from it are kept.").replace(
                "%1", str(removed.excerpts_kept)
            )
        self._reload_then_say(message)
        self.documentRemoved.emit(removed)

    @Slot(object)
    def _on_imported(self, report: ImportReport) -> None:
        message = (
            self.tr("%1 imported, %2 already in the library, %3 not imported.")
            .replace("%1", str(len(report.imported)))
            .replace("%2", str(len(report.duplicates)))
            .replace("%3", str(len(report.refused)))
        )
        if report.imported:
            self._reload_then_say(message)
        else:
            self._status(message)

    @Slot(str)
    def _on_import_failed(self, message: str) -> None:
        self._status(self.tr("The documents could not be imported: %1").replace("%1", message))

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserLibraryError):
            _log.error("a library command failed", exc_info=exc)
        self._status(_one_line(exc))

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, _STATUS_MS)

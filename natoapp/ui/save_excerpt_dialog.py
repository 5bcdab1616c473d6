"""Saving an excerpt, or a part of it, to a named collection with an optional note.

The dialog shows the passage's text, read-only, with the part to save selected:
the person may select another part (nothing selected saves the whole passage),
pick a collection or type the name of a new one, and add a note. What it
returns is checked again by :meth:`natoapp.userlib.UserLibrary.add_excerpt`,
which keeps only the passage's own characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class ExcerptChoice:
    """What the person chose: the collection's name, the words to save, the note."""

    collection: str
    quote: str
    note: str
    whole_passage: bool


class SaveExcerptDialog(QDialog):
    """Ask which part of a passage to save, to which collection, with which note."""

    def __init__(
        self,
        passage_text: str,
        citation: str,
        collections: Sequence[str],
        *,
        selection: tuple[int, int] | None = None,
        collection: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Show ``passage_text`` with ``selection`` (offsets into it) selected.

        ``collections`` are the existing names, offered first; ``collection`` is
        the one chosen at the start (the last one used, say).
        """
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save excerpt"))
        self._passage_text = passage_text

        self._text = QPlainTextEdit(passage_text)
        self._text.setReadOnly(True)
        self._text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._text.setAccessibleName(self.tr("Passage"))
        self._hint = QLabel(
            self.tr("Select the words to save; with nothing selected the whole passage is saved.")
        )
        self._hint.setWordWrap(True)
        self._citation = QLabel(f"— {citation}")
        self._citation.setWordWrap(True)
        self._citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._collection = QComboBox()
        self._collection.setEditable(True)
        self._collection.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._collection.addItems(list(collections))
        self._collection.setAccessibleName(self.tr("Collection"))
        if collection:
            self._collection.setCurrentText(collection)
        elif not collections:
            self._collection.setCurrentText(self.tr("Excerpts"))
        self._note = QPlainTextEdit()
        self._note.setPlaceholderText(self.tr("Your note (optional)"))
        self._note.setTabChangesFocus(True)
        self._note.setMaximumHeight(90)
        self._note.setAccessibleName(self.tr("Note"))

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._collection.currentTextChanged.connect(self._update_buttons)
        # Ctrl+Return saves from anywhere, the note included.
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self._save_if_possible)

        form = QFormLayout()
        form.addRow(self.tr("&Collection:"), self._collection)
        form.addRow(self.tr("&Note:"), self._note)
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._citation)
        layout.addLayout(form)
        layout.addWidget(self._buttons)
        self.resize(560, 420)

        if selection is not None:
            self.select(*selection)
        self._update_buttons()
        self._collection.setFocus()

    def select(self, start: int, end: int) -> None:
        """Select ``passage_text[start:end]`` (clamped to the text)."""
        length = len(self._passage_text)
        start, end = max(0, min(start, length)), max(0, min(end, length))
        cursor = self._text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._text.setTextCursor(cursor)

    def set_collection(self, name: str) -> None:
        """Choose (or type) the collection's name."""
        self._collection.setCurrentText(name)

    def set_note(self, note: str) -> None:
        """Write the note."""
        self._note.setPlainText(note)

    def choice(self) -> ExcerptChoice:
        """What is chosen now: collection name, the selected words (or all), note."""
        selected = self._text.textCursor().selectedText()
        # Qt hands a selection over with U+2029 between paragraphs.
        selected = selected.replace("\u2029", "\n").replace("\u2028", "\n").strip()
        whole = not selected
        return ExcerptChoice(
            collection=" ".join(self._collection.currentText().split()),
            quote=self._passage_text if whole else selected,
            note=self._note.toPlainText().strip(),
            whole_passage=whole,
        )

    def can_save(self) -> bool:
        """True when a collection is named."""
        return bool(self._collection.currentText().strip())

    @Slot()
    def _update_buttons(self) -> None:
        button = self._buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setEnabled(self.can_save())

    @Slot()
    def _save_if_possible(self) -> None:
        if self.can_save():
            self.accept()

    def accept(self) -> None:
        """Close with Save, only when a collection is named."""
        if self.can_save():
            super().accept()


def ask_excerpt(
    parent: QWidget | None,
    passage_text: str,
    citation: str,
    collections: Sequence[str],
    *,
    selection: tuple[int, int] | None = None,
    collection: str | None = None,
) -> ExcerptChoice | None:
    """Show the dialog and wait; the choice, or None when cancelled."""
    dialog = SaveExcerptDialog(
        passage_text,
        citation,
        collections,
        selection=selection,
        collection=collection,
        parent=parent,
    )
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.choice()
        return None
    finally:
        dialog.deleteLater()

"""The preferences dialog: text size, citation format (with a live preview), language, colours."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from natoapp.citation import CITATION_FORMATS, CitationSource, format_excerpt
from natoapp.ui.settings import COLOR_SCHEMES, LANGUAGES, MAX_TEXT_SIZE, MIN_TEXT_SIZE, Settings

# A language is named in itself so that a reader can find theirs in any interface language.
_LANGUAGE_ENDONYMS = {"fr": "Français", "en": "English"}


class PreferencesDialog(QDialog):
    """Edits ``Settings``; the values are written only when the dialog is accepted.

    ``sample`` is the excerpt shown in the citation preview (a quote and its source,
    typically the passage being read); without one the preview shows placeholders.
    ``changed`` is emitted after accepting when at least one value changed.
    """

    changed = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        sample: tuple[str, CitationSource] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._sample = sample
        self._preview_text = ""

        self._text_size = QSpinBox(self)
        self._text_size.setRange(MIN_TEXT_SIZE, MAX_TEXT_SIZE)
        self._text_size.setValue(settings.text_size)

        self._citation_format = QComboBox(self)
        self._preview = QPlainTextEdit(self)
        self._preview.setReadOnly(True)
        self._preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._preview.setMinimumHeight(140)
        self._preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self._language = QComboBox(self)
        self._color_scheme = QComboBox(self)

        self._text_size_label = QLabel(self)
        self._citation_label = QLabel(self)
        self._preview_label = QLabel(self)
        self._language_label = QLabel(self)
        self._color_label = QLabel(self)
        for label, field in (
            (self._text_size_label, self._text_size),
            (self._citation_label, self._citation_format),
            (self._preview_label, self._preview),
            (self._language_label, self._language),
            (self._color_label, self._color_scheme),
        ):
            label.setBuddy(field)

        form = QFormLayout()
        form.addRow(self._text_size_label, self._text_size)
        form.addRow(self._citation_label, self._citation_format)
        form.addRow(self._preview_label, self._preview)
        form.addRow(self._language_label, self._language)
        form.addRow(self._color_label, self._color_scheme)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(480)  # room for a citation line in the preview

        self._retranslate()
        self._select(self._citation_format, settings.citation_format)
        self._select(self._language, settings.language)
        self._select(self._color_scheme, settings.color_scheme)
        self._citation_format.currentIndexChanged.connect(self._update_preview)
        self._update_preview()

    # --- what the dialog holds ------------------------------------------------------

    def text_size(self) -> int:
        """The text size chosen in the dialog (points)."""
        return self._text_size.value()

    def citation_format(self) -> str:
        """The citation format chosen in the dialog."""
        return str(self._citation_format.currentData())

    def language(self) -> str:
        """The language chosen in the dialog ("system", "fr", "en")."""
        return str(self._language.currentData())

    def color_scheme(self) -> str:
        """The colour scheme chosen in the dialog ("system", "light", "dark")."""
        return str(self._color_scheme.currentData())

    def preview_text(self) -> str:
        """The citation preview as shown (with its no-break spaces, which the editor hides)."""
        return self._preview_text

    # --- applying -------------------------------------------------------------------

    def accept(self) -> None:
        """Write the chosen values to the settings, then close."""
        if self.apply():
            self.changed.emit()
        super().accept()

    def apply(self) -> bool:
        """Write the chosen values to the settings; True if any of them changed."""
        before = self._current_settings()
        self._settings.text_size = self.text_size()
        self._settings.citation_format = self.citation_format()
        self._settings.language = self.language()
        self._settings.color_scheme = self.color_scheme()
        self._settings.sync()
        return self._current_settings() != before

    def _current_settings(self) -> tuple[int, str, str, str]:
        s = self._settings
        return (s.text_size, s.citation_format, s.language, s.color_scheme)

    # --- display --------------------------------------------------------------------

    @Slot()
    def _update_preview(self) -> None:
        quote, source = self._sample if self._sample is not None else self._placeholder_sample()
        copied = format_excerpt(quote, source, self.citation_format())
        self._preview_text = copied.plain
        self._preview.setPlainText(copied.plain)

    def _placeholder_sample(self) -> tuple[str, CitationSource]:
        source = CitationSource(
            title=self.tr("Title of the document"),
            publisher=self.tr("Publisher"),
            date="2004-06-29",
            updated=None,
            doc="000_example",
            source_file="000_example.txt",
            passage_id="000_example:2",
            passage_ordinal=2,
            language="fr",
        )
        return self.tr("Text of the quoted passage."), source

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self._text_size_label.setText(self.tr("&Text size:"))
        self._text_size.setSuffix(self.tr(" pt"))
        self._text_size.setAccessibleName(self.tr("Text size in points"))
        self._citation_label.setText(self.tr("&Copy citations as:"))
        self._citation_format.setAccessibleName(self.tr("Citation format"))
        self._preview_label.setText(self.tr("Preview:"))
        self._preview.setAccessibleName(self.tr("Citation preview"))
        self._language_label.setText(self.tr("&Language:"))
        self._language.setAccessibleName(self.tr("Interface language"))
        self._color_label.setText(self.tr("C&olours:"))
        self._color_scheme.setAccessibleName(self.tr("Colour scheme"))
        self._buttons.setAccessibleName(self.tr("Accept or cancel"))
        format_names = {
            "plain": self.tr("Plain text"),
            "markdown": self.tr("Markdown block quote"),
            "html": self.tr("HTML"),
            "bibtex": self.tr("BibTeX entry"),
            "csl-json": self.tr("CSL-JSON"),
        }
        self._fill(self._citation_format, [(f, format_names[f]) for f in CITATION_FORMATS])
        self._fill(
            self._language,
            [
                (code, self.tr("System language") if code == "system" else _LANGUAGE_ENDONYMS[code])
                for code in LANGUAGES
            ],
        )
        scheme_names = {
            "system": self.tr("As the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        self._fill(self._color_scheme, [(c, scheme_names[c]) for c in COLOR_SCHEMES])

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        """(Re)label ``combo``'s items, keeping the current choice."""
        current = combo.currentData() if combo.count() else None
        blocked = combo.blockSignals(True)
        combo.clear()
        for value, label in items:
            combo.addItem(label, value)
        combo.blockSignals(blocked)
        if current is not None:
            PreferencesDialog._select(combo, str(current))

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

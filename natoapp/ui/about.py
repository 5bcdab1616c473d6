"""The About dialog: version, the source texts, licences and where the database comes from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from natoapp import __version__
from natoapp.ui.labels import date_or_none
from natoapp.ui.overview import Overview
from natoapp.ui.rich_text import PageWriter

# (component, licence) of what natoapp is built on; shown as written.
LICENCES: tuple[tuple[str, str], ...] = (
    ("natoapp", "MIT"),
    ("Qt / Qt for Python (PySide6)", "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"),
    ("SQLite", "Public domain"),
    ("sqlite-utils", "Apache-2.0"),
    ("platformdirs", "MIT"),
    ("pycountry", "LGPL-2.1-only"),
)


class AboutDialog(QDialog):
    """What natoapp is, what it reads, and which database it reads it from."""

    def __init__(
        self, overview: Overview | None, library_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._overview = overview
        self._library_path = library_path
        self._text = QTextBrowser(self)
        self._text.setOpenLinks(False)
        self._text.setOpenExternalLinks(False)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._text)
        layout.addWidget(self._buttons)
        self.resize(620, 560)
        self._retranslate()

    def text(self) -> str:
        """The dialog's text as shown."""
        return self._text.toPlainText()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("About natoapp"))
        self.setAccessibleName(self.tr("About natoapp"))
        self._text.setAccessibleName(self.tr("About natoapp"))
        size = self.font().pointSize() if self.font().pointSize() > 0 else 10
        w = PageWriter(self._text.document(), self._text.palette(), size)
        w.heading(f"natoapp {__version__}", 1)
        w.paragraph(
            self.tr(
                "An offline reference browser of NATO's partnership frameworks: find, read "
                "and quote the source texts. Every fact it shows comes with the passage it "
                "is read from."
            )
        )
        self._sources(w)
        self._provenance(w)
        w.heading(self.tr("Licences"), 2)
        for component, licence in LICENCES:
            w.line()
            w.text(f"{component}: ", "strong")
            w.text(licence, "body")
        w.paragraph(
            self.tr(
                "The source texts are public web pages kept here for reference; their "
                "rights remain with their publishers."
            ),
            style="meta",
        )

    def _sources(self, w: PageWriter) -> None:
        w.heading(self.tr("Sources"), 2)
        if self._overview is None:
            w.paragraph(self.tr("The library is still being read."), style="meta")
            return
        for document in sorted(self._overview.documents, key=lambda d: (d.date or "", d.id)):
            w.line()
            w.text(f"{date_or_none(document.date)} — ", "meta")
            w.text(document.title, "body")
            details = [d for d in (document.publisher, document.source_file) if d]
            w.text(f" ({', '.join(details)})", "meta")

    def _provenance(self, w: PageWriter) -> None:
        w.heading(self.tr("Database"), 2)
        rows = [(self.tr("File"), str(self._library_path))]
        if self._overview is not None:
            prov = self._overview.provenance
            rows += [
                (self.tr("Schema version"), str(prov.schema_version)),
                (self.tr("Built on"), prov.build_date),
                (self.tr("Input hash"), prov.input_hash),
                (self.tr("Built by natoapp"), prov.natoapp_version),
                (self.tr("SQLite"), prov.sqlite_version),
                (self.tr("Documents"), str(prov.documents)),
                (self.tr("Passages"), str(prov.passages)),
            ]
        for label, value in rows:
            w.line()
            w.text(f"{label}: ", "meta")
            w.text(value, "body")

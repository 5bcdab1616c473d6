"""Explaining search to the reader: the syntax (F1, help button), how a query was understood."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from natoapp.corpus.normalize import fold
from natoapp.store.records import ParsedQuery
from natoapp.ui.search_model import fill_placeholders


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchHelp", text)


def syntax_rules() -> list[tuple[str, str]]:
    """The search syntax as (example, explanation) pairs, translated."""
    return [
        (_tr("partenariat Golfe"), _tr("Several words: passages containing all of them.")),
        (
            _tr('"Dialogue méditerranéen"'),
            _tr("Words between double quotes: that exact phrase."),
        ),
        (_tr("coopér*"), _tr("A star ends a prefix: coopération, coopérer, coopératif…")),
        (_tr("Qatar OR Bahreïn"), _tr("OR (in capitals): passages containing either word.")),
        (
            _tr("terrorisme -Afghanistan"),
            _tr("A minus sign or NOT before a word: passages without it."),
        ),
        (
            _tr("koweit"),
            _tr("Case and accents do not matter: koweit, Koweït and KOWEÏT are the same."),
        ),
        (
            _tr("Kuwait"),
            _tr(
                "A known name also finds the other names of the same country, framework or "
                "organisation (French, English, acronyms); such results are marked "
                "“via name → entity”."
            ),
        ),
    ]


def keyboard_rules() -> list[tuple[str, str]]:
    """The keys of the search box and result list as (key, explanation) pairs, translated."""
    copy = QKeySequence(QKeySequence.StandardKey.Copy).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    return [
        (_tr("Down"), _tr("From the search box, move into the results.")),
        (_tr("Enter"), _tr("Search at once; on a result, open its passage.")),
        (_tr("Esc"), _tr("Clear the search box.")),
        (copy, _tr("Copy the selected result's passage with its citation.")),
        (_tr("F1"), _tr("Show this help.")),
    ]


def help_html() -> str:
    """The help page as HTML built only from the application's own (escaped) strings."""
    parts = [f"<h2>{html.escape(_tr('Searching the texts'))}</h2>", "<table cellpadding='4'>"]
    for example, meaning in syntax_rules():
        parts.append(
            f"<tr><td><code>{html.escape(example)}</code></td><td>{html.escape(meaning)}</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        "<p>"
        + html.escape(
            _tr(
                "The line under the search box tells how the query was understood: the "
                "words searched and the names recognised. Filters narrow the results to a "
                "framework, a country, a document or a year."
            )
        )
        + "</p>"
    )
    parts.append(f"<h3>{html.escape(_tr('Keyboard'))}</h3><table cellpadding='4'>")
    for key, meaning in keyboard_rules():
        parts.append(f"<tr><td><b>{html.escape(key)}</b></td><td>{html.escape(meaning)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def describe_query(parsed: ParsedQuery, entity_label: Callable[[str], str]) -> str:
    """How a query was understood, in one line: the words searched, those excluded, the
    names recognised (``entity_label`` names an entity id) and the engine's remarks."""
    parts: list[str] = []
    # A word typed twice is searched once; say it once.
    searched = list(dict.fromkeys(t.text for t in parsed.terms if not t.negated))
    excluded = list(dict.fromkeys(t.text for t in parsed.terms if t.negated))
    if searched:
        parts.append(fill_placeholders(_tr("Searched: %1"), ", ".join(searched)))
    if excluded:
        parts.append(fill_placeholders(_tr("Excluded: %1"), ", ".join(excluded)))
    names: dict[str, str] = {}
    for match in parsed.entities:
        entity = entity_label(match.entity)
        same = fold(match.words) == fold(entity)
        names.setdefault(match.entity, entity if same else f"“{match.words}” → {entity}")
    if names:
        parts.append(
            fill_placeholders(
                _tr("Names recognised (their other names are searched too): %1"),
                ", ".join(names.values()),
            )
        )
    parts.extend(parsed.notes)
    if not parts and parsed.text.strip():
        parts.append(_tr("Nothing searchable in this query."))
    return " · ".join(parts)


class SearchHelpDialog(QDialog):
    """A small non-modal window explaining the search syntax."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search help"))
        self.setAccessibleName(self.tr("Search help"))
        self._browser = QTextBrowser(self)
        # Nothing in the help is a link to follow; never let a click leave the application.
        self._browser.setOpenLinks(False)
        self._browser.setOpenExternalLinks(False)
        self._browser.setAccessibleName(self.tr("Search syntax"))
        self._browser.setHtml(help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setAccessibleName(self.tr("Close search help"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._browser)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def text(self) -> str:
        """The help as a person reads it (plain text)."""
        return self._browser.toPlainText()


def show_search_help(parent: QWidget | None = None) -> SearchHelpDialog:
    """Open (or raise) the search help next to ``parent``."""
    existing = parent.findChild(SearchHelpDialog) if parent is not None else None
    dialog = existing if isinstance(existing, SearchHelpDialog) else SearchHelpDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog

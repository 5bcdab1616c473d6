"""Painting a search hit: heading, "via …" line and the snippet with its matched words marked.

The snippet is document text: it goes into a QTextDocument through ``QTextCursor.insertText``
with character formats for the marks, so markup in a document is shown as characters and
never interpreted.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from natoapp.ui.search_model import HEADING_ROLE, MARKS_ROLE, SNIPPET_ROLE, VIA_ROLE
from natoapp.ui.theme import highlight_colors

_Index = QModelIndex | QPersistentModelIndex
_PADDING = 6
# Laid-out hits kept for measuring and painting again: a page and a screenful or two
# besides, so scrolling back and forth and the view's repeated measuring cost no layout.
_CACHE_SIZE = 400


def snippet_document(
    heading: str,
    via: str,
    snippet: str,
    marks: Iterable[tuple[int, int]],
    font: QFont,
    palette: QPalette,
    *,
    selected: bool = False,
) -> QTextDocument:
    """A QTextDocument showing one hit; every string is inserted as plain text."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    text_color = palette.color(group)
    cursor = QTextCursor(doc)

    plain = QTextCharFormat()
    plain.setForeground(text_color)
    heading_format = QTextCharFormat(plain)
    heading_format.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(heading, heading_format)

    if via:
        via_format = QTextCharFormat(plain)
        via_format.setFontItalic(True)
        via_format.setForeground(
            text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        )
        cursor.insertBlock()
        cursor.insertText(via, via_format)

    cursor.insertBlock()
    mark_format = QTextCharFormat(plain)
    mark_format.setFontWeight(QFont.Weight.Bold)
    if not selected:
        mark_format.setBackground(highlight_colors(palette)["hit"])
    position = 0
    for start, end in _clean_spans(marks, len(snippet)):
        if start > position:
            cursor.insertText(snippet[position:start], plain)
        cursor.insertText(snippet[start:end], mark_format)
        position = end
    if position < len(snippet):
        cursor.insertText(snippet[position:], plain)
    return doc


def _clean_spans(marks: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Sorted, clipped, non-overlapping spans (the engine's marks are trusted, not assumed)."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in marks):
        if end <= start:
            continue
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


class SnippetDelegate(QStyledItemDelegate):
    """Draws hits of a :class:`~natoapp.ui.search_model.SearchResultsModel`.

    Building and laying out a hit's document is the costly part of measuring and painting
    it, and the view asks for both several times per row (each layout batch, each paint):
    laid-out documents are kept, keyed by everything they are made of, so a row is laid out
    once per text, width, font, palette and selection.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[Hashable, QTextDocument] = OrderedDict()

    def clear_cache(self) -> None:
        """Forget the laid-out hits (they are rebuilt when next measured or painted)."""
        self._documents.clear()

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        heading = str(index.data(HEADING_ROLE) or "")
        via = str(index.data(VIA_ROLE) or "")
        snippet = str(index.data(SNIPPET_ROLE) or "")
        marks = tuple(index.data(MARKS_ROLE) or ())
        width = option.rect.width() if option.rect.width() > 0 else 400
        text_width = max(50, width - 2 * _PADDING)
        key = (
            heading,
            via,
            snippet,
            marks,
            text_width,
            option.font.key(),
            option.palette.cacheKey(),
            selected,
        )
        doc = self._documents.get(key)
        if doc is not None:
            self._documents.move_to_end(key)
            return doc
        doc = snippet_document(
            heading, via, snippet, marks, option.font, option.palette, selected=selected
        )
        doc.setTextWidth(text_width)
        self._documents[key] = doc
        if len(self._documents) > _CACHE_SIZE:
            self._documents.popitem(last=False)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Draw the item background (selection, focus) then the hit's text."""
        self.initStyleOption(option, index)
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        option_text = option.text
        option.text = ""  # the style draws the panel and focus; the text is ours
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = option_text
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + _PADDING, option.rect.top() + _PADDING)
        clip = QRectF(0, 0, option.rect.width() - _PADDING, option.rect.height() - _PADDING)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Tall enough for the wrapped snippet at the view's width."""
        self.initStyleOption(option, index)
        view = option.widget
        if isinstance(view, QAbstractItemView):
            # Wrap at the visible width, whatever rectangle the view asks about.
            option.rect.setWidth(view.viewport().width())
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()) + 2 * _PADDING, int(doc.size().height()) + 2 * _PADDING)

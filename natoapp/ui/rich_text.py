"""Writing pages into a QTextDocument with a cursor: document text is inserted as text.

Nothing here parses HTML. Every string from a document goes in through
``QTextCursor.insertText``, so ``<b>``, ``<a href=…>`` or ``<script>`` in a source stay
visible characters; links exist only where :class:`PageWriter` makes them, and their
targets are natoapp's own ``natoapp:`` URLs.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from natoapp.ui.theme import highlight_colors

LINK_SCHEME = "natoapp"

# A character format carries the kind of mark it shows, so tests and the copy code can
# find marks without knowing colours.
MARK_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
# A block carries the id of the passage it shows.
PASSAGE_PROPERTY = int(QTextFormat.Property.UserProperty) + 2

HIT = "hit"  # a matched search word
MENTION = "mention"  # the entity the page is about, or a cited quote
FOCUS = "passage"  # the passage a citation or a hit points to


@dataclass(frozen=True, slots=True)
class Decoration:
    """A span of a string to show marked (``mark``) and/or as a link (``href``)."""

    start: int
    end: int
    mark: str = ""
    href: str = ""


class PageWriter:
    """Appends headings, paragraphs and links to a QTextDocument.

    The document is cleared first, unless ``append``: then writing goes on after what
    the document already holds (a page laid out a part at a time).
    """

    def __init__(
        self,
        document: QTextDocument,
        palette: QPalette,
        text_size: int,
        *,
        append: bool = False,
    ) -> None:
        self._document = document
        self._palette = palette
        self._size = text_size
        self._colors = highlight_colors(palette)
        if not append:
            document.clear()
            font = QFont(document.defaultFont())
            font.setPointSize(text_size)
            document.setDefaultFont(font)
        self._cursor = QTextCursor(document)
        self._cursor.movePosition(QTextCursor.MoveOperation.End)
        self._first_block = not append or document.isEmpty()

    @contextmanager
    def editing(self) -> Iterator[None]:
        """Group the writes made inside into one edit of the document.

        A view showing the document then lays it out once at the end instead of after
        every insertion (three times faster for a page of a few hundred runs).
        """
        self._cursor.beginEditBlock()
        try:
            yield
        finally:
            self._cursor.endEditBlock()

    @property
    def position(self) -> int:
        """The cursor's position in the document (where the next text goes)."""
        return self._cursor.position()

    @property
    def colors(self) -> dict[str, QColor]:
        """Background colours of the marks ("hit", "mention", "passage")."""
        return dict(self._colors)

    def heading(
        self,
        text: str,
        level: int = 1,
        decorations: Sequence[Decoration] = (),
        *,
        block_property: str | None = None,
        label: str = "",
    ) -> tuple[int, int]:
        """A heading (level 1 is the page title); returns the span ``text`` occupies."""
        scale = {1: 1.6, 2: 1.25, 3: 1.05}.get(level, 1.0)
        block = QTextBlockFormat()
        block.setHeadingLevel(level)
        block.setTopMargin(self._size * (1.4 if level > 1 else 0.2))
        block.setBottomMargin(self._size * 0.4)
        if block_property is not None:
            block.setProperty(PASSAGE_PROPERTY, block_property)
        fmt = self.char_format()
        fmt.setFontPointSize(round(self._size * scale, 1))
        fmt.setFontWeight(QFont.Weight.Bold if level < 3 else QFont.Weight.DemiBold)
        self.new_block(block)
        if label:
            self._cursor.insertText(label, self.char_format("label"))
        start = self._cursor.position()
        self.insert(text, decorations, fmt)
        return start, self._cursor.position()

    def paragraph(
        self,
        text: str,
        decorations: Sequence[Decoration] = (),
        *,
        indent: int = 0,
        style: str = "body",
        background: QColor | None = None,
        block_property: str | None = None,
        label: str = "",
    ) -> tuple[int, int]:
        """A paragraph of ``text`` with its decorations; returns the span ``text`` occupies.

        ``style``: "body", "quote" (italic-free, indented), "meta" (smaller, muted),
        "caption" (italic), "note" (smaller). ``label`` goes before the text, muted
        (a passage number), outside the returned span.
        """
        block = QTextBlockFormat()
        block.setIndent(indent)
        block.setTopMargin(self._size * 0.35)
        block.setBottomMargin(self._size * 0.35)
        if background is not None:
            block.setBackground(background)
        if block_property is not None:
            block.setProperty(PASSAGE_PROPERTY, block_property)
        self.new_block(block)
        if label:
            self._cursor.insertText(label, self.char_format("label"))
        start = self._cursor.position()
        self.insert(text, decorations, self.char_format(style))
        return start, self._cursor.position()

    def line(self, *, indent: int = 0, top: float = 0.15) -> None:
        """Start a new block for :meth:`text` and :meth:`link` runs."""
        block = QTextBlockFormat()
        block.setIndent(indent)
        block.setTopMargin(self._size * top)
        block.setBottomMargin(self._size * 0.35)
        self.new_block(block)

    def text(self, text: str, style: str = "meta") -> None:
        """Plain text at the cursor."""
        self._cursor.insertText(text, self.char_format(style))

    def link(self, text: str, href: str, style: str = "meta", tooltip: str = "") -> None:
        """A link at the cursor; ``href`` must be a natoapp: URL."""
        if not href.startswith(f"{LINK_SCHEME}:"):
            raise ValueError("only natoapp: links are made")
        fmt = self.char_format(style)
        self._as_link(fmt, href)
        if tooltip:
            fmt.setToolTip(tooltip)
        self._cursor.insertText(text, fmt)

    def insert(self, text: str, decorations: Sequence[Decoration], base: QTextCharFormat) -> None:
        """``text`` at the cursor, cut into runs where decorations start and end."""
        for start, end, covering in _runs(len(text), decorations):
            fmt = QTextCharFormat(base)
            for deco in covering:
                if deco.mark:
                    fmt.setBackground(self._colors.get(deco.mark, self._colors[HIT]))
                    fmt.setProperty(MARK_PROPERTY, deco.mark)
                    if deco.mark == HIT:
                        fmt.setFontWeight(QFont.Weight.DemiBold)
                if deco.href:
                    # Names linked inside a text are coloured, not underlined: a page full
                    # of underlines is hard to read.
                    self._as_link(fmt, deco.href, underline=False)
            self._cursor.insertText(text[start:end], fmt)

    def char_format(self, style: str = "body") -> QTextCharFormat:
        """The character format of a style."""
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self._size)
        fmt.setForeground(self._palette.color(QPalette.ColorRole.Text))
        if style == "meta":
            fmt.setFontPointSize(max(self._size - 1, 6))
            fmt.setForeground(self._palette.color(QPalette.ColorRole.PlaceholderText))
        elif style == "caption":
            fmt.setFontItalic(True)
        elif style == "note":
            fmt.setFontPointSize(max(self._size - 1, 6))
        elif style == "strong":
            fmt.setFontWeight(QFont.Weight.DemiBold)
        elif style == "label":
            fmt.setFontPointSize(max(self._size - 2, 6))
            fmt.setForeground(self._palette.color(QPalette.ColorRole.PlaceholderText))
            fmt.setFontWeight(QFont.Weight.Normal)
        return fmt

    def new_block(self, block: QTextBlockFormat) -> None:
        """Start a block (the document's first block is reused)."""
        if self._first_block:
            self._cursor.setBlockFormat(block)
            self._first_block = False
        else:
            self._cursor.insertBlock(block, self.char_format())

    def _as_link(self, fmt: QTextCharFormat, href: str, *, underline: bool = True) -> None:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(self._palette.color(QPalette.ColorRole.Link))
        fmt.setFontUnderline(underline)


def _runs(
    length: int, decorations: Iterable[Decoration]
) -> list[tuple[int, int, list[Decoration]]]:
    """Cut ``[0, length)`` where decorations start or end; each run lists what covers it."""
    decos = [
        Decoration(max(0, d.start), min(length, d.end), d.mark, d.href)
        for d in decorations
        if d.end > d.start and d.start < length and d.end > 0
    ]
    cuts = sorted({0, length, *(d.start for d in decos), *(d.end for d in decos)})
    runs = []
    for start, end in itertools.pairwise(cuts):
        if end > start:
            runs.append((start, end, [d for d in decos if d.start <= start and d.end >= end]))
    return runs


def marks_in(document: QTextDocument) -> list[tuple[int, int, str, str]]:
    """Every marked span of ``document``: (start, end, mark kind, text).

    Neighbouring fragments with the same mark (a quote cut by a link) make one span.
    """
    found: list[tuple[int, int, str, str]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            mark = fragment.charFormat().property(MARK_PROPERTY)
            if fragment.isValid() and mark:
                start, end = fragment.position(), fragment.position() + fragment.length()
                if found and found[-1][1] == start and found[-1][2] == str(mark):
                    prev = found.pop()
                    found.append((prev[0], end, prev[2], prev[3] + fragment.text()))
                else:
                    found.append((start, end, str(mark), fragment.text()))
            it += 1
        block = block.next()
    return found


def anchors_in(document: QTextDocument) -> list[tuple[str, str]]:
    """Every link of ``document``: (href, text)."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fragment.isValid() and fmt.isAnchor():
                found.append((fmt.anchorHref(), fragment.text()))
            it += 1
        block = block.next()
    return found

"""The reading pane: an entity, a document or a grid cell, with copyable excerpts.

Pages are read on a worker thread (:func:`natoapp.ui.detail_data.load_page`) and laid
out with a cursor (:mod:`natoapp.ui.page_render`), never from HTML: a source holding
``<a href=file:…>`` shows those characters and opens nothing. Links are natoapp's own and
are handled here; the browser never follows a URL.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QVBoxLayout, QWidget

from natoapp.citation import CitationSource, Copied, source_for
from natoapp.ui.clipboard import copy_excerpt, copy_reference
from natoapp.ui.detail_data import DocumentPage, EntityPage, Page, PageNotFound, load_page
from natoapp.ui.history import Location
from natoapp.ui.page_render import (
    MENTIONS_PER_BATCH,
    PASSAGES_PER_SLICE,
    CopyExcerpt,
    CopyReference,
    PlacedExcerpt,
    Rendered,
    ShowMoreMentions,
    render_more_mentions,
    render_more_passages,
    render_page,
)
from natoapp.ui.rich_text import PageWriter
from natoapp.ui.selection import sentence_cuts, trim_selection
from natoapp.ui.settings import Settings
from natoapp.ui.tasks import run_in_thread

_log = logging.getLogger("natoapp.ui.detail")


class ExcerptBrowser(QTextBrowser):
    """A read-only text view that hands Ctrl+C to its pane and opens no URL itself."""

    copyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def loadResource(self, type: int, name: QUrl | str) -> object:
        # Nothing is ever fetched: no image, no stylesheet, no file.
        return None

    def setSource(self, name: QUrl, type: object = None) -> None:  # type: ignore[override]
        # A link's target is never loaded into the view; the pane decides what it means.
        return


class DetailPane(QWidget):
    """Shows a :class:`~natoapp.ui.history.Location`; emits what the reader asks for.

    ``locationRequested(Location)``: a link to another page was followed.
    ``pageShown(str)``: a page (its location key) is on screen; a long document goes on
    being laid out a slice at a time after it, and ``pageComplete()`` follows its last slice.
    ``pageFailed(str)``: a location could not be shown (one-line message).
    ``copied(str)``: something was put on the clipboard (a status message).
    """

    locationRequested = Signal(object)
    pageShown = Signal(str)
    pageComplete = Signal()
    pageFailed = Signal(str)
    copied = Signal(str)
    saveExcerptRequested = Signal()  # the excerpt under the cursor, or the selected part of it

    def __init__(self, library_path: Path, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self._library_path = library_path
        self._settings = settings
        self._generation = 0
        self._location: Location | None = None
        self._page: Page | None = None
        self._rendered = Rendered()
        self._text_size = settings.text_size
        # Bumped whenever the page is laid out anew: slices of an older layout stop.
        self._layout = 0
        self._focus_pending = False

        self._browser = ExcerptBrowser(self)
        self._browser.anchorClicked.connect(self._on_anchor)
        self._browser.copyRequested.connect(self.copy_selection)
        self._browser.customContextMenuRequested.connect(self._on_context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self.setFocusProxy(self._browser)
        self._retranslate()
        self._show_placeholder()

    # --- public -----------------------------------------------------------------------

    def browser(self) -> QTextBrowser:
        """The text view."""
        return self._browser

    def current_location(self) -> Location | None:
        """The location being shown (or loading)."""
        return self._location

    def current_page(self) -> Page | None:
        """The page on screen, or None."""
        return self._page

    def rendered(self) -> Rendered:
        """Where the page's excerpts and links are."""
        return self._rendered

    def is_complete(self) -> bool:
        """True once every passage of the page shown is laid out (see ``pageComplete``)."""
        return not self._rendered.has_more_passages

    def text_size(self) -> int:
        """The reading text size in points."""
        return self._text_size

    def set_text_size(self, size: int) -> None:
        """Show the page at ``size`` points."""
        if size != self._text_size:
            self._text_size = size
            self._rerender(keep_scroll=True)

    def set_library(self, library_path: Path) -> None:
        """Read pages from another database from now on."""
        self._library_path = library_path

    def show_location(self, location: Location) -> None:
        """Load and show ``location``; ``pageShown`` or ``pageFailed`` follows."""
        self._generation += 1
        generation = self._generation
        self._location = location
        path = self._library_path
        run_in_thread(
            self,
            lambda: load_page(path, location),
            lambda page: self._on_loaded(generation, page),
            lambda exc: self._on_failed(generation, location, exc),
        )

    def refresh(self) -> None:
        """Lay the page out again (the language or the colours changed)."""
        self._rerender(keep_scroll=True)

    def current_excerpt(self) -> PlacedExcerpt | None:
        """The excerpt holding the text cursor, or None."""
        cursor = self._browser.textCursor()
        return self._rendered.excerpt_at(cursor.selectionStart())

    def sample(self) -> tuple[str, CitationSource] | None:
        """The excerpt under the cursor, or the first on the page, with its source."""
        placed = self.current_excerpt() or (
            self._rendered.excerpts[0] if self._rendered.excerpts else None
        )
        if placed is None:
            return None
        excerpt = placed.excerpt
        return excerpt.text, source_for(excerpt.document, excerpt.passage)

    @Slot()
    def copy_selection(self) -> Copied | None:
        """Copy the selected part of an excerpt, or the excerpt under the cursor, cited.

        A selection inside one excerpt copies just those characters, with "[…]" where
        it cuts a sentence; a selection across excerpts copies its plain text.
        """
        cursor = self._browser.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if cursor.hasSelection():
            # A selection that reaches into one excerpt only (a triple click takes the
            # passage number and the paragraph end too) copies that excerpt's part.
            touched = self._rendered.excerpts_between(start, end)
            if len(touched) != 1:
                self._browser.copy()
                self.copied.emit(self.tr("Copied the selected text."))
                return None
            only = touched[0]
            return self._copy_part(
                only, max(start, only.start) - only.start, min(end, only.end) - only.start
            )
        placed = self._rendered.excerpt_at(start)
        if placed is None:
            self.copied.emit(self.tr("Select an excerpt to copy it with its citation."))
            return None
        return self._copy_part(placed, 0, len(placed.excerpt.text))

    @Slot()
    def copy_citation(self) -> Copied | None:
        """Copy the reference of the document shown (or of the excerpt under the cursor)."""
        if isinstance(self._page, DocumentPage):
            document = self._page.document
        else:
            placed = self.current_excerpt()
            if placed is None:
                self.copied.emit(self.tr("Open a document or select an excerpt first."))
                return None
            document = placed.excerpt.document
        copied = copy_reference(source_for(document), self._settings.citation_format)
        self.copied.emit(self.tr("Copied the reference of “%1”.").replace("%1", document.title))
        return copied

    def show_more_mentions(self) -> bool:
        """Append the next batch of excerpts naming the entity shown; False when none is left."""
        page = self._page
        if not isinstance(page, EntityPage) or not self._rendered.has_more_mentions:
            return False
        document = self._browser.document()
        bar = self._browser.verticalScrollBar()
        scrolled = bar.value()
        if self._rendered.more_at is not None:
            cursor = QTextCursor(document)
            cursor.setPosition(self._rendered.more_at)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        writer = PageWriter(document, self._browser.palette(), self._text_size, append=True)
        render_more_mentions(page, writer, self._rendered)
        bar.setValue(scrolled)
        return True

    def select_in_excerpt(self, index: int, start: int, end: int) -> None:
        """Select characters ``start``–``end`` of excerpt number ``index`` (as a reader would)."""
        placed = self._rendered.excerpts[index]
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(placed.start + start)
        cursor.setPosition(placed.start + end, QTextCursor.MoveMode.KeepAnchor)
        self._browser.setTextCursor(cursor)

    # --- loading ----------------------------------------------------------------------

    def _on_loaded(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # a newer location was asked for meanwhile
        self._page = page
        self._rerender(keep_scroll=False)
        self.pageShown.emit(page.location.key)

    def _on_failed(self, generation: int, location: Location, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, PageNotFound):
            message = str(exc)
        else:
            _log.error("could not show %s", location.key, exc_info=exc)
            message = self.tr("This page could not be read: %1").replace("%1", _one_line(exc))
        self._page = None
        self._layout += 1
        self._rendered = Rendered()
        self._show_placeholder(message)
        self.pageFailed.emit(message)

    @Slot()
    def _rerender_keeping_scroll(self) -> None:
        self._rerender(keep_scroll=True)

    def _rerender(self, *, keep_scroll: bool) -> None:
        if self._page is None:
            return
        bar = self._browser.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if keep_scroll and bar.maximum() > 0 else None
        document = self._browser.document()
        writer = PageWriter(document, self._browser.palette(), self._text_size)
        # Laid out again (text size, colours, language), a page keeps the excerpts the
        # reader asked to see; a new page starts with one batch.
        shown = self._rendered.mentions_shown if keep_scroll else MENTIONS_PER_BATCH
        self._layout += 1
        self._rendered = render_page(
            self._page,
            writer,
            mentions=max(shown, MENTIONS_PER_BATCH),
            passages=PASSAGES_PER_SLICE,
        )
        self._browser.setAccessibleDescription(self._rendered.title)
        self._focus_pending = False
        if ratio is not None:
            bar.setValue(round(ratio * bar.maximum()))
        elif self._rendered.focus is not None:
            self._scroll_to(self._rendered.focus)
        else:
            self._browser.moveCursor(QTextCursor.MoveOperation.Start)
            bar.setValue(0)
            self._focus_pending = isinstance(self._page, DocumentPage) and bool(self._page.focus)
        if self._rendered.has_more_passages:
            self._schedule_slice()

    def _schedule_slice(self) -> None:
        # The rest of a long document follows in later turns of the event loop, so that
        # typing, scrolling and painting go on meanwhile.
        layout = self._layout
        QTimer.singleShot(0, self, lambda: self._render_slice(layout))

    def _render_slice(self, layout: int) -> None:
        page = self._page
        if layout != self._layout or not isinstance(page, DocumentPage):
            return
        bar = self._browser.verticalScrollBar()
        scrolled = bar.value()
        writer = PageWriter(
            self._browser.document(), self._browser.palette(), self._text_size, append=True
        )
        render_more_passages(page, writer, self._rendered)
        bar.setValue(scrolled)
        if self._focus_pending and self._rendered.focus is not None:
            self._focus_pending = False
            self._scroll_to(self._rendered.focus)
        if self._rendered.has_more_passages:
            self._schedule_slice()
        else:
            self.pageComplete.emit()

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(position)
        self._browser.setTextCursor(cursor)
        block = cursor.block()
        layout = self._browser.document().documentLayout()
        top = layout.blockBoundingRect(block).top()
        bar = self._browser.verticalScrollBar()
        bar.setValue(max(0, round(top) - self._text_size * 2))
        self._browser.ensureCursorVisible()

    def _show_placeholder(self, message: str = "") -> None:
        text = message or self.tr(
            "Choose a framework, a country or a document on the left, or search the texts."
        )
        self._browser.setPlainText(text)

    # --- links and copying ------------------------------------------------------------

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        target = self._rendered.target(url.toString())
        if target is None:
            return  # not one of ours: nothing is opened
        if isinstance(target, Location):
            self.locationRequested.emit(target)
        elif isinstance(target, CopyExcerpt):
            placed = self._rendered.excerpts[target.index]
            self._copy_part(placed, 0, len(placed.excerpt.text))
        elif isinstance(target, ShowMoreMentions):
            self.show_more_mentions()
        elif isinstance(target, CopyReference):
            copy_reference(source_for(target.document), self._settings.citation_format)
            self.copied.emit(
                self.tr("Copied the reference of “%1”.").replace("%1", target.document.title)
            )

    def _copy_part(self, placed: PlacedExcerpt, start: int, end: int) -> Copied | None:
        excerpt = placed.excerpt
        start, end = trim_selection(excerpt.text, start, end)
        if start >= end:
            return None
        cut_start, cut_end = sentence_cuts(excerpt.text, start, end)
        copied = copy_excerpt(
            excerpt.text[start:end],
            source_for(excerpt.document, excerpt.passage),
            self._settings.citation_format,
            cut_start=cut_start,
            cut_end=cut_end,
        )
        self.copied.emit(
            self.tr("Copied an excerpt of passage %1 with its citation.").replace(
                "%1", str(excerpt.passage.ordinal)
            )
        )
        return copied

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.exec(self._browser.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu for a point of the view: Qt's own entries, then natoapp's."""
        menu = self._browser.createStandardContextMenu(pos)
        cursor = self._browser.textCursor()
        at = self._browser.cursorForPosition(pos).position()
        placed = self._rendered.excerpt_at(at)
        if placed is not None and not (
            cursor.hasSelection() and placed.start <= cursor.selectionStart() <= placed.end
        ):
            # Right-clicking an excerpt makes it the one the entries act on.
            moved = QTextCursor(self._browser.document())
            moved.setPosition(at)
            self._browser.setTextCursor(moved)
        menu.addSeparator()
        if placed is not None:
            partial = self._browser.textCursor().hasSelection()
            copy = QAction(
                self.tr("Copy Selection with Citation")
                if partial
                else self.tr("Copy Excerpt with Citation"),
                menu,
            )
            copy.triggered.connect(self.copy_selection)
            menu.addAction(copy)
            save = QAction(
                self.tr("Save Selection to Collection…")
                if partial
                else self.tr("Save Excerpt to Collection…"),
                menu,
            )
            save.triggered.connect(self.saveExcerptRequested)
            menu.addAction(save)
            if not isinstance(self._page, DocumentPage):
                passage = placed.excerpt.passage
                mark = "" if placed.excerpt.whole_passage else placed.excerpt.text
                open_doc = QAction(self.tr("Open in Document"), menu)
                open_doc.triggered.connect(
                    lambda: self.locationRequested.emit(Location.passage(passage.id, mark=mark))
                )
                menu.addAction(open_doc)
        if placed is not None or isinstance(self._page, DocumentPage):
            cite = QAction(self.tr("Copy Citation"), menu)
            cite.triggered.connect(self.copy_citation)
            menu.addAction(cite)
        return menu

    # --- events -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._page is None:
                self._show_placeholder()
            else:
                self._rerender(keep_scroll=True)
        elif event.type() == QEvent.Type.PaletteChange:
            # The pane hears of a new palette before its browser does: render once the
            # browser has it too, or the text keeps the old scheme's colours.
            QTimer.singleShot(0, self, self._rerender_keeping_scroll)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._browser.setAccessibleName(self.tr("Reading pane"))


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__

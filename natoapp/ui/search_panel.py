"""Search as you type: the toolbar's search box and the panel listing what it finds.

Typing restarts a short single-shot timer; when it fires the query goes to the
:class:`~natoapp.ui.search_worker.SearchService` (its own thread and Library), and only the
results of the newest query are ever shown. Filters narrow the search to frameworks,
countries, documents and years; a line says how the query was understood.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natoapp.citation import source_for
from natoapp.store.library import Library
from natoapp.store.records import (
    DocumentInfo,
    EntityInfo,
    Hit,
    ParsedQuery,
    PassageInfo,
    SearchFilters,
)
from natoapp.ui.choice_model import ChoiceModel
from natoapp.ui.clipboard import copy_excerpt, copy_reference
from natoapp.ui.labels import document_label, entity_name
from natoapp.ui.search_help import describe_query, show_search_help
from natoapp.ui.search_model import SearchResultsModel, fill_placeholders
from natoapp.ui.search_worker import (
    FilterChoices,
    SearchPage,
    SearchService,
    Suggestion,
    load_filter_choices,
    load_passage_and_document,
    suggest_spellings,
)
from natoapp.ui.settings import Settings
from natoapp.ui.snippet_delegate import SnippetDelegate, snippet_document
from natoapp.ui.tasks import run_in_thread
from natoapp.ui.user_library import open_library

TYPING_DELAY_MS = 150
# A search that came back faster than this runs on every key, without waiting for a pause.
_INSTANT_SEARCH_MS = 250.0
# "Searching…" replaces the count only when a search takes longer than this: a fast one
# would make the line flicker, and the relayout repaints the whole list for nothing.
_SEARCHING_NOTICE_MS = 150
# Rows laid out before the list is first painted; the rest follow a batch at a time.
_LAYOUT_BATCH = 20
_MAX_SUGGESTIONS = 3


class SearchBox(QLineEdit):
    """The search field: Down moves into the results, Esc clears, Enter searches at once,
    F1 asks for the syntax help (``helpRequested``)."""

    downPressed = Signal()
    helpRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down leaves for the results; Esc empties a non-empty box."""
        if event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.downPressed.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.HelpContents):
            self.helpRequested.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search the texts (F1: syntax)"))
        self.setAccessibleName(self.tr("Search"))
        self.setToolTip(self.tr('Words, "phrase", prefix*, OR, -word'))


class SearchPanel(QWidget):
    """Results of the search box's query, with filters, hit count and explanations.

    ``passageActivated(passage_id, query)`` when a hit is opened (Enter, double click);
    ``entityActivated(entity_id)`` when the reader asks to see an entity a hit was found
    through; ``excerptCopied(text)`` after a hit was copied with its citation.
    """

    passageActivated = Signal(str, str)
    entityActivated = Signal(str)
    excerptCopied = Signal(str)
    saveExcerptRequested = Signal(str)  # passage id of a hit to keep in a collection

    def __init__(
        self,
        library_path: Path,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        read_choices: bool = True,
    ) -> None:
        """``read_choices`` False: the filters' choices come from :meth:`set_choices` (the
        window has them from its own read of the library)."""
        super().__init__(parent)
        self._settings = settings
        self._query = ""
        self._box: SearchBox | None = None
        self._choices: FilterChoices | None = None
        self._parsed: ParsedQuery | None = None
        self._searching = False
        self._search_started = 0.0
        self._last_search_ms: float | None = None
        self._searches_done = 0

        self._service = SearchService(library_path, self)
        self._service.resultsReady.connect(self._on_results)
        self._service.countReady.connect(self._on_count)
        self._service.searchFailed.connect(self._on_search_failed)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self._start_search)
        self._slow_search = False
        self._searching_notice = QTimer(self)
        self._searching_notice.setSingleShot(True)
        self._searching_notice.setInterval(_SEARCHING_NOTICE_MS)
        self._searching_notice.timeout.connect(self._on_search_slow)

        self._model = SearchResultsModel(self)
        self._model.fetchRequested.connect(self._fetch_page)
        self._build_widgets()
        self._retranslate()
        self._show_state()
        self._library_path = library_path
        self._reads_choices = read_choices
        if read_choices:
            self._read_filter_choices()
        # Once the window is up: the first key should not pay for first uses.
        QTimer.singleShot(0, self._prime)

    # --- public API -----------------------------------------------------------------

    def connect_search_box(self, box: SearchBox) -> None:
        """Drive the panel from ``box``: typing searches, Enter at once, Down into results."""
        self._box = box
        box.textChanged.connect(self.set_query)
        box.returnPressed.connect(self.search_now)
        box.downPressed.connect(self.focus_results)
        box.helpRequested.connect(self.show_help)

    @Slot(str)
    def set_query(self, text: str) -> None:
        """Search for ``text`` once typing pauses."""
        if text == self._query:
            return
        self._query = text
        if not text.strip() and self.filters().is_empty():
            self._clear_results()
            return
        delay = self.typing_delay()
        if delay == 0:
            # At once rather than through a zero timer: the worker then searches while the
            # box repaints, instead of after it.
            self._timer.stop()
            self._start_search()
            return
        self._timer.start(delay)

    def typing_delay(self) -> int:
        """How long, in ms, a search waits after a key: 0 while searches come back fast.

        Fast searches follow each key; slow ones wait for a pause in the typing, so that
        the worker is not kept busy with queries the next key makes useless. Until a
        search after the first has been timed the panel assumes it is fast (a superseded
        search is interrupted anyway), so the first keys do not wait.
        """
        last = self._last_search_ms
        return 0 if last is None or last < _INSTANT_SEARCH_MS else TYPING_DELAY_MS

    @Slot()
    def reload_library(self) -> None:
        """Documents came or went: read the library afresh, refill the filters, search again."""
        self._service.reopen()
        if self._reads_choices:
            self._read_filter_choices()
        self.search_now()

    def search_now(self) -> None:
        """Search for the current query without waiting (Enter, a filter changed)."""
        if not self._query.strip() and self.filters().is_empty():
            self._clear_results()
            return
        self._timer.stop()
        self._start_search()

    def query(self) -> str:
        """The query the panel searches for."""
        return self._query

    def is_searching(self) -> bool:
        """True from the start of a search until its first page (or its failure) arrives."""
        return self._searching or self._timer.isActive()

    def model(self) -> SearchResultsModel:
        """The results model (hits of the newest query)."""
        return self._model

    def results_view(self) -> QListView:
        """The list showing the hits."""
        return self._view

    def outcome_widgets(self) -> list[QWidget]:
        """The widgets that show a search's outcome: the list's viewport, and the page
        saying there was none."""
        return [self._view.viewport(), self._state_page]

    def hit_count_text(self) -> str:
        """The hit count as shown ("12 passages in 4 documents")."""
        return self._count.text()

    def understood_text(self) -> str:
        """The "how the query was understood" line as shown."""
        return self._understood.text()

    def message_text(self) -> str:
        """The empty-state, no-result or error message as shown ("" when hits are shown)."""
        if self._stack.currentWidget() is self._state_page:
            return self._state_text.text()
        return self._inline_message.text()

    def suggestions(self) -> list[str]:
        """The spellings suggested after a search that found nothing."""
        return [b.property("suggested_query") for b in self._suggestion_buttons()]

    @Slot()
    def focus_search(self) -> None:
        """Put the cursor in the search box (all of its text selected)."""
        if self._box is not None:
            self._box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._box.selectAll()
        else:
            self._view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def focus_results(self) -> None:
        """Move the focus into the results, on the first hit if none is current."""
        if self._model.rowCount() == 0:
            return
        self._stack.setCurrentWidget(self._view)
        if not self._view.currentIndex().isValid():
            self._view.setCurrentIndex(self._model.index(0, 0))
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def show_help(self) -> None:
        """Explain the search syntax."""
        show_search_help(self)

    def set_filters(self, filters: SearchFilters) -> None:
        """Select the given filters in the combo boxes (the first value of each field; a
        value the boxes do not offer, or not yet, selects no filter for that field)."""
        for combo, values in (
            (self._framework_filter, filters.frameworks),
            (self._country_filter, filters.countries),
            (self._document_filter, filters.documents),
            (self._year_filter, filters.years),
        ):
            index = _choices_of(combo).row_of(values[0]) if values else 0
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(blocked)
        self.search_now()

    def shutdown(self) -> None:
        """Stop the search thread now (it also stops when the panel is destroyed)."""
        self._timer.stop()
        self._service.shutdown()

    # --- building -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self._framework_filter = _filter_box(self)
        self._country_filter = _filter_box(self)
        self._document_filter = _filter_box(self)
        self._year_filter = _filter_box(self)
        for combo in self._filter_combos():
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self._help_button = QToolButton(self)
        self._help_button.setText("?")
        self._help_button.clicked.connect(self.show_help)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in self._filter_combos():
            filters.addWidget(combo, 1)
        filters.addWidget(self._help_button)

        self._understood = QLabel(self)
        self._understood.setTextFormat(Qt.TextFormat.PlainText)
        self._understood.setWordWrap(True)
        self._understood.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._understood.hide()
        self._count = QLabel(self)
        self._count.setTextFormat(Qt.TextFormat.PlainText)
        self._inline_message = QLabel(self)
        self._inline_message.setTextFormat(Qt.TextFormat.PlainText)
        self._inline_message.setWordWrap(True)
        self._inline_message.hide()

        self._view = QListView(self)
        self._view.setModel(self._model)
        self._view.setItemDelegate(SnippetDelegate(self._view))
        self._view.setUniformItemSizes(False)
        # Snippet rows differ in height: lay out (and measure) a screenful first, so the
        # first paint does not wait for every row of the page.
        self._view.setLayoutMode(QListView.LayoutMode.Batched)
        self._view.setBatchSize(_LAYOUT_BATCH)
        self._view.setResizeMode(QListView.ResizeMode.Adjust)
        self._view.setWordWrap(True)
        self._view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.activated.connect(self._on_activated)
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._view.customContextMenuRequested.connect(self._on_context_menu)
        self._view.installEventFilter(self)

        # No shortcut on the action: the view takes the Copy key itself (see eventFilter),
        # so that a window-wide Copy shortcut never makes the key ambiguous.
        self._copy_action = QAction(self)
        self._copy_action.triggered.connect(self.copy_current_excerpt)
        self._copy_reference_action = QAction(self)
        self._copy_reference_action.triggered.connect(self.copy_current_reference)

        self._state_page = QWidget(self)
        self._state_text = QLabel(self._state_page)
        self._state_text.setTextFormat(Qt.TextFormat.PlainText)
        self._state_text.setWordWrap(True)
        self._state_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._suggestion_row = QHBoxLayout()
        self._state_help = QPushButton(self._state_page)
        self._state_help.clicked.connect(self.show_help)
        state_layout = QVBoxLayout(self._state_page)
        state_layout.addWidget(self._state_text)
        state_layout.addLayout(self._suggestion_row)
        state_layout.addWidget(self._state_help, 0, Qt.AlignmentFlag.AlignLeft)
        state_layout.addStretch(1)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._state_page)
        self._stack.addWidget(self._view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self._understood)
        layout.addWidget(self._count)
        layout.addWidget(self._inline_message)
        layout.addWidget(self._stack, 1)

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (
            self._framework_filter,
            self._country_filter,
            self._document_filter,
            self._year_filter,
        )

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Search results panel"))
        self._framework_filter.setAccessibleName(self.tr("Filter by framework"))
        self._country_filter.setAccessibleName(self.tr("Filter by country"))
        self._document_filter.setAccessibleName(self.tr("Filter by document"))
        self._year_filter.setAccessibleName(self.tr("Filter by year"))
        self._help_button.setAccessibleName(self.tr("Search syntax help"))
        self._help_button.setToolTip(self.tr("How to write a search (F1)"))
        self._understood.setAccessibleName(self.tr("How the query was understood"))
        self._count.setAccessibleName(self.tr("Number of results"))
        self._inline_message.setAccessibleName(self.tr("Search message"))
        self._view.setAccessibleName(self.tr("Search results"))
        self._state_text.setAccessibleName(self.tr("Search message"))
        self._state_help.setText(self.tr("Search syntax…"))
        self._state_help.setAccessibleName(self.tr("Search syntax help"))
        copy_key = QKeySequence(QKeySequence.StandardKey.Copy).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        # The tab shows the key in the menu's shortcut column.
        self._copy_action.setText(f"{self.tr('Copy excerpt with citation')}\t{copy_key}")
        self._copy_reference_action.setText(self.tr("Copy reference"))
        self._fill_filters()
        if self._parsed is not None:
            _show_line(self._understood, self._describe(self._parsed))
        self._update_count()
        if self._stack.currentWidget() is self._state_page and not self._searching:
            self._show_state()

    @Slot()
    def _prime(self) -> None:
        """Do once, while the reader looks at the new window, what the first key would do
        for the first time: lay out a hit's text (fonts, shaping) and open the library on
        the search thread with one small search (its pages and code paths)."""
        if not shiboken6.isValid(self._view):
            return
        snippet_document(
            "Titre · 2017-01-25 · §1",
            "",
            "Le Dialogue méditerranéen, « partenariat » de l’OTAN.",
            [(4, 12)],
            self._view.font(),
            self._view.palette(),
        ).size()
        self._service.call(_warm_up, lambda _result: None)

    # --- filters --------------------------------------------------------------------

    def _read_filter_choices(self) -> None:
        # On a thread of its own: in a large library this reads tens of thousands of
        # documents, and the search worker must be free for the first key.
        path = self._library_path

        def read() -> FilterChoices:
            with open_library(path) as library:
                return load_filter_choices(library)

        run_in_thread(self, read, self.set_choices)

    def set_choices(self, choices: FilterChoices) -> None:
        """Offer ``choices`` in the filter boxes (the choices made stay when still offered)."""
        self._choices = choices
        self._fill_filters()

    def _fill_filters(self) -> None:
        choices = self._choices
        frameworks = [(e.id, entity_name(e)) for e in choices.frameworks] if choices else []
        countries = sorted(
            ((e.id, entity_name(e)) for e in choices.countries) if choices else [],
            key=lambda item: item[1].casefold(),
        )
        years = [(y, str(y)) for y in choices.years] if choices else []
        for combo, everything, items in (
            (self._framework_filter, self.tr("All frameworks"), frameworks),
            (self._country_filter, self.tr("All countries"), countries),
            (self._year_filter, self.tr("All years"), years),
        ):
            self._fill(combo, partial(ChoiceModel.set_items, everything=everything, items=items))
        documents = choices.documents if choices else ()
        everything = self.tr("All documents")
        # Tens of thousands of documents: each is labelled when its row is shown.
        self._fill(
            self._document_filter,
            lambda model: model.set_choices(
                everything, [d.id for d in documents], lambda i: document_label(documents[i])
            ),
        )

    @staticmethod
    def _fill(combo: QComboBox, fill: Callable[[ChoiceModel], None]) -> None:
        """(Re)fill a filter's model with ``fill`` ("everything" at index 0), keeping the
        choice made when it is still offered."""
        current = combo.currentData() if combo.currentIndex() > 0 else None
        blocked = combo.blockSignals(True)
        model = _choices_of(combo)
        fill(model)
        combo.setCurrentIndex(max(model.row_of(current), 0) if current is not None else 0)
        combo.blockSignals(blocked)

    def filters(self) -> SearchFilters:
        """The filters chosen in the panel."""

        def chosen(combo: QComboBox) -> tuple[Any, ...]:
            return (combo.currentData(),) if combo.currentIndex() > 0 else ()

        return SearchFilters(
            frameworks=chosen(self._framework_filter),
            countries=chosen(self._country_filter),
            documents=chosen(self._document_filter),
            years=chosen(self._year_filter),
        )

    @Slot()
    def _on_filter_changed(self) -> None:
        self.search_now()

    # --- searching ------------------------------------------------------------------

    @Slot()
    def _start_search(self) -> None:
        self._searching = True
        self._slow_search = False
        self._searching_notice.start()
        self._search_started = time.perf_counter()
        self._inline_message.hide()
        self._service.search(self._query, self.filters())
        self._update_count()

    @Slot(int)
    def _fetch_page(self, offset: int) -> None:
        model = self._model
        self._service.fetch_page(model.generation, model.query, model.filters, offset)

    @Slot(object)
    def _on_results(self, page: SearchPage) -> None:
        if page.offset > 0:
            self._model.append_page(page)
            self._update_count()
            return
        self._searching = False
        self._searches_done += 1
        if self._searches_done > 1:
            # The first search pays once for what follows the start (a cold cache, the
            # overview read on other threads): it says nothing of the next key's.
            self._last_search_ms = (time.perf_counter() - self._search_started) * 1000
        self._parsed = page.result.parsed
        self._model.set_page(page, self._named_entities(page.result.parsed))
        _show_line(self._understood, self._describe(page.result.parsed))
        self._update_count()
        if page.result.hits:
            self._stack.setCurrentWidget(self._view)
            self._view.setCurrentIndex(QModelIndex())
            self._view.scrollToTop()
        else:
            self._show_no_results(page.result.parsed)

    @Slot(int, int)
    def _on_count(self, generation: int, total: int) -> None:
        if self._model.set_total(generation, total):
            self._update_count()

    @Slot(int, str)
    def _on_search_failed(self, generation: int, message: str) -> None:
        # Quietly, in the panel: a query the engine cannot run is not an emergency.
        text = fill_placeholders(self.tr("This search could not be run: %1"), message)
        if self._model.generation == generation:  # a later page failed; keep what is shown
            self._model.fetch_failed()
            self._inline_message.setText(text)
            self._inline_message.show()
            return
        self._searching = False
        self._parsed = None
        self._model.clear()
        _show_line(self._understood, "")
        _show_line(self._count, self.tr("No results"))
        self._clear_suggestions()
        self._state_text.setText(text)
        self._stack.setCurrentWidget(self._state_page)

    def _clear_results(self) -> None:
        self._timer.stop()
        self._service.cancel()
        self._searching = False
        self._parsed = None
        self._model.clear()
        _show_line(self._understood, "")
        self._inline_message.hide()
        self._update_count()
        self._show_state()

    @Slot()
    def _on_search_slow(self) -> None:
        if self._searching:
            self._slow_search = True
            self._update_count()

    def _update_count(self) -> None:
        if self._searching:
            if self._slow_search or not self._count.text():
                _show_line(self._count, self.tr("Searching…"))
            # Otherwise the previous count stays, with the previous hits, a moment more.
        elif self._parsed is None:
            _show_line(self._count, "")
        else:
            _show_line(self._count, self._model.count_text())

    # --- explaining -----------------------------------------------------------------

    def _entity(self, entity_id: str) -> EntityInfo | None:
        return self._choices.entities.get(entity_id) if self._choices else None

    def _entity_label(self, entity_id: str) -> str:
        entity = self._entity(entity_id)
        return entity_name(entity) if entity is not None else entity_id

    def _named_entities(self, parsed: ParsedQuery) -> dict[str, str]:
        return {match.entity: self._entity_label(match.entity) for match in parsed.entities}

    def _describe(self, parsed: ParsedQuery) -> str:
        return describe_query(parsed, self._entity_label)

    def _show_state(self) -> None:
        self._clear_suggestions()
        self._state_text.setText(
            self.tr(
                "Type words to search the texts, for example: Koweït, "
                '"Dialogue méditerranéen", coopér*, Qatar OR Bahreïn. '
                "Or choose a framework, a country, a document or a year above."
            )
        )
        self._stack.setCurrentWidget(self._state_page)

    def _show_no_results(self, parsed: ParsedQuery) -> None:
        self._clear_suggestions()
        self._stack.setCurrentWidget(self._state_page)
        if not parsed.text.strip():
            self._state_text.setText(self.tr("No passage matches these filters."))
            return
        self._state_text.setText(
            fill_placeholders(
                self.tr(
                    "Nothing found for “%1”. Check the spelling, remove a filter, "
                    "or see the search syntax."
                ),
                parsed.text.strip() or self._query.strip(),
            )
        )
        self._stack.setCurrentWidget(self._state_page)
        generation = self._service.generation
        self._service.call(
            lambda lib: suggest_spellings(lib, parsed, _MAX_SUGGESTIONS),
            lambda found: self._on_suggestions(generation, found),
        )

    def _on_suggestions(self, generation: int, found: list[Suggestion]) -> None:
        if generation != self._service.generation or not found:
            return
        self._clear_suggestions()
        label = QLabel(self.tr("Did you mean:"), self._state_page)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self._suggestion_row.addWidget(label)
        for suggestion in found:
            button = QPushButton(suggestion.name, self._state_page)
            button.setProperty("suggested_query", suggestion.query)
            button.setAccessibleName(fill_placeholders(self.tr("Search for %1"), suggestion.query))
            button.clicked.connect(lambda _=False, q=suggestion.query: self._use_suggestion(q))
            self._suggestion_row.addWidget(button)
        self._suggestion_row.addStretch(1)

    def _suggestion_buttons(self) -> list[QPushButton]:
        buttons = []
        for i in range(self._suggestion_row.count()):
            item = self._suggestion_row.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                buttons.append(widget)
        return buttons

    def _clear_suggestions(self) -> None:
        while self._suggestion_row.count():
            item = self._suggestion_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _use_suggestion(self, query: str) -> None:
        if self._box is not None:
            self._box.setText(query)
        else:
            self.set_query(query)
        self.search_now()

    # --- hits -----------------------------------------------------------------------

    def _current_hit(self) -> Hit | None:
        index = self._view.currentIndex()
        return self._model.hit(index.row()) if index.isValid() else None

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        hit = self._model.hit(index.row()) if index.isValid() else None
        if hit is not None:
            self.passageActivated.emit(hit.passage, self._model.query)

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        index = self._view.indexAt(pos)
        if not index.isValid():
            return
        self._view.setCurrentIndex(index)
        hit = self._model.hit(index.row())
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setAccessibleName(self.tr("Search result actions"))
        open_action = menu.addAction(self.tr("Open passage"))
        open_action.triggered.connect(lambda: self._on_activated(index))
        menu.addAction(self._copy_action)
        menu.addAction(self._copy_reference_action)
        if hit is not None:
            passage_id = hit.passage
            save = menu.addAction(self.tr("Save to Collection…"))
            save.triggered.connect(lambda: self.saveExcerptRequested.emit(passage_id))
        if hit is not None and hit.match == "entity" and hit.entity:
            entity_id = hit.entity
            show = menu.addAction(
                fill_placeholders(self.tr("Show %1"), self._entity_label(entity_id))
            )
            show.triggered.connect(lambda: self.entityActivated.emit(entity_id))
        menu.popup(self._view.viewport().mapToGlobal(pos))

    @Slot()
    def copy_current_excerpt(self) -> None:
        """Copy the selected hit's whole passage, verbatim, with its citation."""
        hit = self._current_hit()
        if hit is not None:
            self._service.call(
                lambda lib: load_passage_and_document(lib, hit.passage),
                self._copy_excerpt_loaded,
                self._show_copy_error,
            )

    @Slot()
    def copy_current_reference(self) -> None:
        """Copy the reference (no quote) of the selected hit's passage."""
        hit = self._current_hit()
        if hit is not None:
            self._service.call(
                lambda lib: load_passage_and_document(lib, hit.passage),
                self._copy_reference_loaded,
                self._show_copy_error,
            )

    def _copy_excerpt_loaded(self, loaded: tuple[PassageInfo, DocumentInfo] | None) -> None:
        if loaded is None:
            self._show_copy_error(self.tr("this passage is no longer in the library"))
            return
        passage, document = loaded
        copied = copy_excerpt(
            passage.text, source_for(document, passage), self._settings.citation_format
        )
        self._show_copied(
            fill_placeholders(self.tr("Copied passage %1 with its citation."), str(passage.ordinal))
        )
        self.excerptCopied.emit(copied.plain)

    def _copy_reference_loaded(self, loaded: tuple[PassageInfo, DocumentInfo] | None) -> None:
        if loaded is None:
            self._show_copy_error(self.tr("this passage is no longer in the library"))
            return
        passage, document = loaded
        copied = copy_reference(source_for(document, passage), self._settings.citation_format)
        self._show_copied(self.tr("Copied the reference."))
        self.excerptCopied.emit(copied.plain)

    def _show_copied(self, text: str) -> None:
        self._inline_message.setText(text)
        self._inline_message.show()

    def _show_copy_error(self, message: str) -> None:
        self._inline_message.setText(fill_placeholders(self.tr("Nothing copied: %1"), message))
        self._inline_message.show()

    # --- keyboard -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F1 (help) from anywhere in the panel that does not use the key itself."""
        if event.matches(QKeySequence.StandardKey.HelpContents):
            self.show_help()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Copy in the results copies the hit with its citation; Up on the first hit
        returns to the search box."""
        if watched is not self._view or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        copies = event.matches(QKeySequence.StandardKey.Copy)
        if event.type() == QEvent.Type.ShortcutOverride and copies:
            event.accept()  # the key comes to the view rather than to a window shortcut
            return True
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if copies:
            self.copy_current_excerpt()
            return True
        if (
            event.key() == Qt.Key.Key_Up
            and self._view.currentIndex().row() <= 0
            and self._box is not None
            and shiboken6.isValid(self._box)
        ):
            self._box.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)


def _show_line(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``; an empty line takes no room."""
    label.setText(text)
    label.setVisible(bool(text))


def _filter_box(parent: QWidget) -> QComboBox:
    """A filter's combo box, its choices held by a :class:`ChoiceModel`."""
    combo = QComboBox(parent)
    combo.setModel(ChoiceModel(combo))
    # A library may offer tens of thousands of documents: rows of one height are laid
    # out without measuring each (the box itself is not sized to its labels: see
    # _build_widgets).
    view = combo.view()
    if isinstance(view, QListView):
        view.setUniformItemSizes(True)
    return combo


def _choices_of(combo: QComboBox) -> ChoiceModel:
    model = combo.model()
    assert isinstance(model, ChoiceModel)
    return model


def _warm_up(library: Library) -> None:
    """One small search, run on the search thread when the panel opens."""
    library.search("otan", limit=1, with_total=False)

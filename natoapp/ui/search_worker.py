"""Searching off the GUI thread.

A :class:`SearchService` lives on the GUI thread and owns a worker thread with its own
:class:`~natoapp.store.library.Library` (SQLite connections belong to the thread that
opened them). Each new query gets a generation number; starting one interrupts the query
still running (``Library.interrupt``), requests queued for older generations are skipped,
and results of an older generation that still arrive are dropped.

A page is searched without counting every hit (``with_total=False``) and delivered at
once; when more hits follow it, the worker counts them next and the count arrives on its
own (``countReady``), so the list is painted before the total is known.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from natoapp.store.errors import SearchCancelled
from natoapp.store.library import Library
from natoapp.store.records import (
    DocumentInfo,
    EntityInfo,
    ParsedQuery,
    PassageInfo,
    SearchFilters,
    SearchResult,
)
from natoapp.ui.user_library import open_library

PAGE_SIZE = 50

_log = logging.getLogger("natoapp.ui.search")


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of results for one query, as delivered to the GUI thread."""

    generation: int
    query: str
    filters: SearchFilters
    offset: int
    result: SearchResult

    @property
    def more_follow(self) -> bool:
        """True when hits beyond this page exist (then ``result.total`` is only a floor)."""
        return self.result.total > self.offset + len(self.result.hits)


class _Worker(QObject):
    """Lives on the worker thread; opens its Library there on first use."""

    searched = Signal(object)  # SearchPage
    counted = Signal(int, int)  # generation, how many hits in all
    searchFailed = Signal(int, str)  # generation, one-line message
    called = Signal(int, object)  # request id, result
    callFailed = Signal(int, str)  # request id, one-line message

    def __init__(self, library_path: Path, latest: _Latest) -> None:
        super().__init__()
        self._library_path = library_path
        self._latest = latest
        self._library: Library | None = None
        self._lock = threading.Lock()
        self._running: int | None = None  # generation of the search now running

    def _open(self) -> Library:
        if self._library is None:
            library = open_library(self._library_path)
            with self._lock:
                self._library = library
        return self._library

    @Slot()
    def reopen(self) -> None:
        """Drop the open library: the next request opens it again, with what came or went."""
        with self._lock:
            library, self._library = self._library, None
        if library is not None:
            library.close()

    @Slot(int, str, object, int, int)
    def search(self, generation: int, query: str, filters: Any, offset: int, limit: int) -> None:
        """Run one search unless a newer query has been asked for meanwhile."""
        if generation < self._latest.value:
            return
        with self._lock:
            self._running = generation
        try:
            result = self._open().search(
                query, limit=limit, offset=offset, filters=filters, with_total=False
            )
        except Exception as exc:  # the GUI shows it in one quiet line
            if generation >= self._latest.value:
                self.searchFailed.emit(generation, _one_line(exc))
            return
        finally:
            with self._lock:
                self._running = None
        if generation < self._latest.value:
            return
        page = SearchPage(generation, query, filters, offset, result)
        self.searched.emit(page)
        if offset == 0 and page.more_follow:
            self._count(generation, query, filters)

    def _count(self, generation: int, query: str, filters: Any) -> None:
        """Count the hits of a query whose first page was just delivered."""
        with self._lock:
            if generation < self._latest.value:
                return
            self._running = generation
        try:
            total = self._open().count(query, filters)
        except SearchCancelled:
            return  # a newer query took over; its own count follows it
        except Exception as exc:  # the page is shown; the count stays a floor
            _log.warning("could not count the hits of %r: %s", query, _one_line(exc))
            return
        finally:
            with self._lock:
                self._running = None
        if generation >= self._latest.value:
            self.counted.emit(generation, total)

    @Slot(int, object)
    def call(self, request: int, fn: Any) -> None:
        """Run ``fn(library)`` for the GUI thread."""
        try:
            result = fn(self._open())
        except Exception as exc:  # reported to the caller, never raised in the worker
            self.callFailed.emit(request, _one_line(exc))
        else:
            self.called.emit(request, result)

    def interrupt_older_than(self, generation: int) -> None:
        """Interrupt the running search if it belongs to an older generation (any thread)."""
        with self._lock:
            running = self._running
            if self._library is not None and running is not None and running < generation:
                self._library.interrupt()

    @Slot()
    def close(self) -> None:
        """Close the Library on the thread that opened it."""
        with self._lock:
            library, self._library = self._library, None
        if library is not None:
            library.close()
        # Hand the worker back to the GUI thread so that deleting it there is safe.
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())


class _Latest:
    """The newest generation asked for, shared by the GUI thread and the worker thread."""

    def __init__(self) -> None:
        self.value = 0  # an int assignment is atomic; only the GUI thread writes it


class SearchService(QObject):
    """Runs searches and library look-ups on a worker thread for the GUI.

    ``resultsReady(page)`` carries a :class:`SearchPage` of the newest query only;
    ``searchFailed(generation, message)`` a one-line message. Call :meth:`shutdown`
    (done automatically when the service is destroyed) to stop the thread.
    """

    resultsReady = Signal(object)
    countReady = Signal(int, int)
    searchFailed = Signal(int, str)
    _searchRequested = Signal(int, str, object, int, int)
    _callRequested = Signal(int, object)
    _reopenRequested = Signal()

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = _Latest()
        # A child of the service: destroyed with it, after ``destroyed`` has stopped it.
        self._thread = QThread(self)
        self._thread.setObjectName("natoapp-search")
        self._worker = _Worker(library_path, self._latest)
        self._worker.moveToThread(self._thread)
        self._searchRequested.connect(self._worker.search)
        self._callRequested.connect(self._worker.call)
        self._reopenRequested.connect(self._worker.reopen)
        # ``finished`` is emitted by the ending thread itself: a direct connection closes
        # the Library on the thread that opened it.
        self._thread.finished.connect(self._worker.close, Qt.ConnectionType.DirectConnection)
        self._worker.searched.connect(self._on_searched)
        self._worker.counted.connect(self._on_counted)
        self._worker.searchFailed.connect(self._on_search_failed)
        self._worker.called.connect(self._on_called)
        self._worker.callFailed.connect(self._on_call_failed)
        self._requests = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._thread.start()
        # When the owner goes, the C++ service dies before Python notices: stop the thread
        # from the destroyed signal, through objects that are still alive then.
        self.destroyed.connect(_stopper(self._thread, self._worker, self._latest))

    @property
    def generation(self) -> int:
        """The newest generation asked for."""
        return self._latest.value

    def search(self, query: str, filters: SearchFilters, limit: int = PAGE_SIZE) -> int:
        """Start a new query (superseding any other); returns its generation."""
        self._latest.value += 1
        generation = self._latest.value
        self._worker.interrupt_older_than(generation)
        self._searchRequested.emit(generation, query, filters, 0, limit)
        return generation

    def fetch_page(self, generation: int, query: str, filters: SearchFilters, offset: int) -> None:
        """Ask for the next page of the current query (ignored if it is no longer current)."""
        if generation == self._latest.value:
            self._searchRequested.emit(generation, query, filters, offset, PAGE_SIZE)

    def cancel(self) -> None:
        """Drop whatever search is running or queued (the query box was emptied)."""
        self._latest.value += 1
        self._worker.interrupt_older_than(self._latest.value)

    def call(
        self,
        fn: Callable[[Library], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``fn(library)`` on the worker thread, then ``on_done(result)`` here."""
        request = next(self._requests)
        self._callbacks[request] = (on_done, on_error)
        self._callRequested.emit(request, fn)

    def reopen(self) -> None:
        """Read the library afresh from the next request on (documents were imported or removed,
        or the user's library was created after the worker opened the seed texts alone)."""
        self._reopenRequested.emit()

    def shutdown(self) -> None:
        """Stop the worker thread and close its Library; the service is unusable afterwards."""
        _stopper(self._thread, self._worker, self._latest)()

    @Slot(object)
    def _on_searched(self, page: SearchPage) -> None:
        if page.generation == self._latest.value:
            self.resultsReady.emit(page)

    @Slot(int, int)
    def _on_counted(self, generation: int, total: int) -> None:
        if generation == self._latest.value:
            self.countReady.emit(generation, total)

    @Slot(int, str)
    def _on_search_failed(self, generation: int, message: str) -> None:
        if generation == self._latest.value:
            self.searchFailed.emit(generation, message)

    @Slot(int, object)
    def _on_called(self, request: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(request, (None, None))
        if on_done is not None:
            on_done(result)

    @Slot(int, str)
    def _on_call_failed(self, request: int, message: str) -> None:
        _, on_error = self._callbacks.pop(request, (None, None))
        if on_error is not None:
            on_error(message)
        else:
            _log.warning("library look-up failed: %s", message)


def _stopper(thread: QThread, worker: _Worker, latest: _Latest) -> Callable[..., None]:
    def stop(*_args: object) -> None:
        if not shiboken6.isValid(thread) or not thread.isRunning():
            return
        latest.value += 1
        worker.interrupt_older_than(latest.value)
        thread.quit()
        thread.wait()

    return stop


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the search filters offer, read once from the library."""

    frameworks: tuple[EntityInfo, ...]
    countries: tuple[EntityInfo, ...]
    documents: tuple[DocumentInfo, ...]
    years: tuple[int, ...]
    entities: dict[str, EntityInfo]


def load_filter_choices(library: Library) -> FilterChoices:
    """Frameworks, countries, documents and years to filter on (runs on a worker thread)."""
    return filter_choices(library.entities(), tuple(library.documents()))


def filter_choices(
    entities: Sequence[EntityInfo], documents: tuple[DocumentInfo, ...]
) -> FilterChoices:
    """The filters' choices among ``entities`` and ``documents`` (as the library lists them)."""
    years = sorted({int(d.date[:4]) for d in documents if d.date and d.date[:4].isdigit()})
    return FilterChoices(
        frameworks=tuple(e for e in entities if e.kind == "framework"),
        countries=tuple(e for e in entities if e.kind == "country"),
        documents=documents,
        years=tuple(years),
        entities={e.id: e for e in entities},
    )


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A known name close to a word of a query that found nothing, and the query using it."""

    name: str
    query: str


def suggest_spellings(library: Library, parsed: ParsedQuery, limit: int = 3) -> list[Suggestion]:
    """Known names spelt like the query's unknown words (runs on the worker thread)."""
    out: list[Suggestion] = []
    seen: set[str] = set()
    candidates = [parsed.text.strip()] if len(parsed.terms) > 1 else []
    candidates += [t.text for t in parsed.terms if not t.negated]
    for words in candidates:
        if not words or library.find_entity(words) is not None:
            continue
        for name in library.suggest(words, n=limit):
            if name in seen:
                continue
            seen.add(name)
            replaced = parsed.text.replace(words, name, 1)
            out.append(Suggestion(name, replaced if replaced != parsed.text else name))
    return out[:limit]


def load_passage_and_document(
    library: Library, passage_id: str
) -> tuple[PassageInfo, DocumentInfo] | None:
    """A passage and its document, for citing it (runs on the worker thread)."""
    passage = library.passage(passage_id)
    document = library.document(passage.doc) if passage is not None else None
    if passage is None or document is None:
        return None
    return passage, document

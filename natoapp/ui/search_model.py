"""The list of search results, fetched a page at a time as the reader scrolls.

Rows are the hits of the current query; only fetched pages are in memory (each hit comes
with its snippet), and :meth:`SearchResultsModel.fetchMore` asks for the next page through
``fetchRequested`` instead of reading the database itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from natoapp.corpus.normalize import fold
from natoapp.store.records import Hit, SearchFilters
from natoapp.ui.search_worker import SearchPage

_Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Hit record
PASSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # str
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # str, document text (never markup)
MARKS_ROLE = Qt.ItemDataRole.UserRole + 4  # tuple of (start, end) spans of the snippet
VIA_ROLE = Qt.ItemDataRole.UserRole + 5  # "via Koweït → Kuwait" for entity matches, else ""
HEADING_ROLE = Qt.ItemDataRole.UserRole + 6  # "title · date"


class SearchResultsModel(QAbstractListModel):
    """Hits of one query (one generation), appended page by page."""

    fetchRequested = Signal(int)  # offset of the page wanted

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._total = 0
        self._total_known = True
        self._ranking_window = 0
        self._generation = -1
        self._query = ""
        self._filters = SearchFilters()
        self._fetching = False
        self._exhausted = False
        self._entity_names: Mapping[str, str] = {}
        self._no_date = self.tr("n.d.")

    # --- filling --------------------------------------------------------------------

    def set_page(self, page: SearchPage, entity_names: Mapping[str, str] | None = None) -> None:
        """Show the first page of a new query; ``entity_names`` labels the entities the
        query named (for the "via …" line of hits found through them)."""
        self.beginResetModel()
        self._hits = list(page.result.hits)
        self._total = max(page.result.total, len(self._hits))
        # A page that says more hits follow gives only a floor; the count comes later.
        self._total_known = not page.more_follow
        self._ranking_window = page.result.ranking_window
        self._generation = page.generation
        self._query = page.query
        self._filters = page.filters
        self._entity_names = dict(entity_names or {})
        self._fetching = False
        self._exhausted = not page.result.hits
        self.endResetModel()

    def append_page(self, page: SearchPage) -> bool:
        """Add a later page of the current query; False if it does not follow the rows shown."""
        if page.generation != self._generation or page.offset != len(self._hits):
            return False
        self._fetching = False
        hits = list(page.result.hits)
        if not hits:
            # The engine found fewer than it counted (the corpus changed meanwhile): stop asking.
            self._exhausted = True
            self._total = len(self._hits)
            self._total_known = True
            return True
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()
        if not self._total_known or len(self._hits) > self._total:
            self._total = max(self._total, page.result.total, len(self._hits))
            if not page.more_follow:
                self._total = len(self._hits)
                self._total_known = True
        return True

    def set_total(self, generation: int, total: int) -> bool:
        """The count of the query shown, arrived after its first page; False if stale."""
        if generation != self._generation:
            return False
        self._total = max(total, len(self._hits))
        self._total_known = True
        return True

    def fetch_failed(self) -> None:
        """The page asked for could not be read: stop asking for more."""
        self._fetching = False
        self._exhausted = True

    def clear(self) -> None:
        """Show no results at all."""
        self.beginResetModel()
        self._hits = []
        self._total = 0
        self._total_known = True
        self._ranking_window = 0
        self._generation = -1
        self._query = ""
        self._filters = SearchFilters()
        self._entity_names = {}
        self._fetching = False
        self._exhausted = False
        self.endResetModel()

    # --- reading --------------------------------------------------------------------

    @property
    def generation(self) -> int:
        """The generation of the query shown."""
        return self._generation

    @property
    def query(self) -> str:
        """The query whose hits are shown."""
        return self._query

    @property
    def filters(self) -> SearchFilters:
        """The filters of the query whose hits are shown."""
        return self._filters

    @property
    def total(self) -> int:
        """How many hits the query has in all (fetched or not); a floor until
        :attr:`total_known`."""
        return self._total

    @property
    def total_known(self) -> bool:
        """False while the hits are still being counted (``total`` is then a floor)."""
        return self._total_known

    def count_text(self) -> str:
        """The hit count as shown: "12 passages in 4 documents" once every hit is fetched
        (the documents are counted from the hits), "120 passages" before."""
        total = self._total
        if total == 0:
            return self.tr("No results")
        if not self._total_known:
            # "50+ passages" while the count is on its way.
            return fill_placeholders(self.tr("%1 passages"), f"{len(self._hits)}+")
        passages = (
            self.tr("1 passage") if total == 1 else fill_placeholders(self.tr("%1 passages"), total)
        )
        if self._ranking_window:
            # Too many hits to rank together: say how they are ordered.
            return fill_placeholders(
                self.tr("%1 — best of the newest %2 first"), passages, self._ranking_window
            )
        documents = self.document_count()
        if documents is None:
            return passages
        where = (
            self.tr("in 1 document")
            if documents == 1
            else fill_placeholders(self.tr("in %1 documents"), documents)
        )
        return f"{passages} {where}"

    def loaded(self) -> int:
        """How many hits are fetched."""
        return len(self._hits)

    def document_count(self) -> int | None:
        """In how many documents the hits are, once every hit is fetched; else None."""
        if not self._total_known or len(self._hits) < self._total:
            return None
        return len({hit.doc for hit in self._hits})

    def hit(self, row: int) -> Hit | None:
        """The hit shown at ``row``."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def row_of_passage(self, passage_id: str) -> int | None:
        """The row of the hit in passage ``passage_id``, if it is fetched."""
        for row, hit in enumerate(self._hits):
            if hit.passage == passage_id:
                return row
        return None

    # --- QAbstractListModel ---------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        """Number of fetched hits (none under a row: this is a flat list)."""
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The hit's text for the view, the delegate and assistive technology."""
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            via = self._via_label(hit)
            parts = [self._heading(hit), *([via] if via else []), hit.snippet]
            return "\n".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n{hit.passage}"
        if role == HIT_ROLE:
            return hit
        if role == PASSAGE_ID_ROLE:
            return hit.passage
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == MARKS_ROLE:
            return tuple(hit.marks)
        if role == VIA_ROLE:
            return self._via_label(hit)
        if role == HEADING_ROLE:
            return self._heading(hit)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Hits can be selected; nothing is editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def canFetchMore(self, parent: _Index) -> bool:
        """True while hits remain unfetched and no page is on its way."""
        if parent.isValid() or self._fetching or self._exhausted:
            return False
        return len(self._hits) < self._total

    def fetchMore(self, parent: _Index) -> None:
        """Ask (asynchronously) for the next page; rows arrive through :meth:`append_page`."""
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self.fetchRequested.emit(len(self._hits))

    # --- labels ----------------------------------------------------------------------

    def _heading(self, hit: Hit) -> str:
        return f"{hit.title} · {hit.date or self._no_date} · §{hit.ordinal}"

    def _via_label(self, hit: Hit) -> str:
        """ "via Koweït → Kuwait": the passage's own words, then the entity they name."""
        if hit.match != "entity" or not hit.entity:
            return ""
        entity = self._entity_names.get(hit.entity, hit.entity)
        named = next((hit.snippet[s:e] for s, e in hit.marks if e > s), "")
        if not named or fold(named) == fold(entity):
            return fill_placeholders(self.tr("via %1"), entity)
        return fill_placeholders(self.tr("via %1 → %2"), named, entity)


def fill_placeholders(template: str, *values: object) -> str:
    """Fill ``%1``, ``%2``… of a translated string in one pass (a value may hold "%1";
    translations may put the placeholders in another order)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return re.sub(r"%(\d+)", value, template)

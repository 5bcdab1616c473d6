"""The navigation tree with its filter box: typing narrows the tree, accents ignored."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from natoapp.corpus.normalize import fold
from natoapp.ui.history import Location
from natoapp.ui.tree_model import (
    COLLECTION_ROLE,
    FOLDED_ROLE,
    KIND_ROLE,
    LOCATION_ROLE,
    LibraryTreeModel,
    TreeNode,
)


class FoldFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose label contains the filter text, compared folded (no case, no accents).

    A row stays when it matches, when one of its descendants matches (recursive filtering)
    or when an entry above it, other than a section heading, matches: filtering on a
    framework keeps its members in view.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)

    def set_filter_text(self, text: str) -> None:
        """Narrow the tree to ``text`` ("" shows everything)."""
        needle = fold(text).strip()
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = needle
            self.invalidateRowsFilter()

    def filter_text(self) -> str:
        """The folded text rows are filtered on."""
        return self._needle

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._needle in str(model.data(index, FOLDED_ROLE) or ""):
            return True
        # sibling() turns a persistent index into a plain one (an invalid one stays invalid).
        ancestor = source_parent.sibling(source_parent.row(), source_parent.column())
        while ancestor.isValid():
            if model.data(ancestor, KIND_ROLE) != "section" and self._needle in str(
                model.data(ancestor, FOLDED_ROLE) or ""
            ):
                return True
            ancestor = ancestor.parent()
        return False


class NavigatorTree(QWidget):
    """The filter box above the tree; emits ``locationActivated`` for the row a reader opens.

    A collection's row emits ``collectionActivated`` with its id when activated (Enter or a
    double click), not when merely made current.
    """

    locationActivated = Signal(object)  # Location
    collectionActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = LibraryTreeModel(self)
        self._proxy = FoldFilterProxy(self)
        self._proxy.setSourceModel(self._model)
        self._quiet = False  # True while the tree follows navigation made elsewhere

        self._filter = QLineEdit(self)
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._on_filter_changed)
        self._filter.installEventFilter(self)

        self._view = QTreeView(self)
        self._view.setModel(self._proxy)
        self._view.setHeaderHidden(True)
        self._view.setUniformRowHeights(True)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.activated.connect(self._on_activated)
        self._view.selectionModel().currentChanged.connect(self._on_current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._filter)
        layout.addWidget(self._view)
        self.setFocusProxy(self._view)
        self._retranslate()

    # --- public ----------------------------------------------------------------------

    def model(self) -> LibraryTreeModel:
        """The tree model (source of the filter proxy)."""
        return self._model

    def proxy(self) -> FoldFilterProxy:
        """The filtering proxy the view shows."""
        return self._proxy

    def view(self) -> QTreeView:
        """The tree view."""
        return self._view

    def filter_box(self) -> QLineEdit:
        """The filter line edit."""
        return self._filter

    def set_root(self, root: object) -> None:
        """Show a freshly built tree, keeping the current and the open rows that still exist."""
        current = self.current_location_key()
        expanded = self._expanded_paths()
        self._model.set_root(root)  # type: ignore[arg-type]
        self._expand_top_level()
        self._expand_paths(expanded)
        if current:
            self.select_location(current)

    def current_location_key(self) -> str:
        """The location key of the current row, or ""."""
        return str(self._view.currentIndex().data(LOCATION_ROLE) or "")

    def select_location(self, key: str) -> bool:
        """Make the row that opens ``key`` current without opening it again."""
        source = self._model.find(key)
        if not source.isValid():
            return False
        index = self._proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self._quiet = True
        try:
            self._view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self._view.scrollTo(index)
        finally:
            self._quiet = False
        return True

    # --- events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the filter box goes into the tree, Esc clears the filter.
        if watched is self._filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down:
                self._view.setFocus(Qt.FocusReason.TabFocusReason)
                if not self._view.currentIndex().isValid():
                    self._view.setCurrentIndex(self._proxy.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape and self._filter.text():
                self._filter.clear()
                return True
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        self._filter.setPlaceholderText(self.tr("Filter the list…"))
        self._filter.setAccessibleName(self.tr("Filter the library tree"))
        self._filter.setToolTip(self.tr("Type to narrow the tree; accents and case are ignored"))
        self._view.setAccessibleName(self.tr("Library tree"))
        self._view.setAccessibleDescription(
            self.tr("Frameworks, countries, organisations, people, events and documents")
        )

    def _expanded_paths(self) -> set[tuple[str, ...]]:
        paths: set[tuple[str, ...]] = set()
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self._proxy.rowCount(parent)):
                index = self._proxy.index(row, 0, parent)
                if self._view.isExpanded(index):
                    paths.add(self._path(self._model.node(self._proxy.mapToSource(index))))
                    pending.append(index)
        return paths

    def _expand_paths(self, paths: set[tuple[str, ...]]) -> None:
        if not paths:
            return
        for node in self._model.root().walk():
            if node.children and node.parent is not None and self._path(node) in paths:
                index = self._proxy.mapFromSource(self._model.index_of(node))
                if index.isValid():
                    self._view.expand(index)

    @staticmethod
    def _path(node: TreeNode) -> tuple[str, ...]:
        path: list[str] = []
        current: TreeNode | None = node
        while current is not None and current.parent is not None:
            path.append(current.identity)
            current = current.parent
        return tuple(reversed(path))

    def _expand_top_level(self) -> None:
        for row in range(self._proxy.rowCount()):
            index = self._proxy.index(row, 0)
            if self._proxy.data(index, KIND_ROLE) == "section" and row == 0:
                self._view.expand(index)

    @Slot(str)
    def _on_filter_changed(self, text: str) -> None:
        self._proxy.set_filter_text(text)
        if self._proxy.filter_text():
            self._view.expandAll()
        else:
            self._view.collapseAll()
            self._expand_top_level()
            current = self._view.currentIndex()
            if current.isValid():
                self._view.scrollTo(current)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        collection = index.data(COLLECTION_ROLE)
        if collection is not None:
            self.collectionActivated.emit(int(collection))
            return
        self._emit_location(index)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._quiet:
            self._emit_location(current)

    def _emit_location(self, index: QModelIndex) -> None:
        location = Location.parse(str(index.data(LOCATION_ROLE) or ""))
        if location is not None:
            self.locationActivated.emit(location)

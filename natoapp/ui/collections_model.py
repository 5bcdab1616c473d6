"""The user's collections of excerpts as a Qt tree: collections, and under each its excerpts.

The model shows a snapshot (:func:`collections_snapshot`, read on a worker thread)
and never writes to the library itself: renaming a collection in place and
dragging a collection or an excerpt to another place emit
:attr:`CollectionsModel.renameRequested` and the ``...MoveRequested`` signals;
whoever owns the library makes the change (on a worker) and hands the model a
new snapshot. Rows are plain Python nodes; each knows its row, so ``parent()``
is O(1).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from natoapp.citation import format_reference
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.records import Collection, CollectionItem

Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "collection" or "excerpt"
COLLECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 3
PASSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 4
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 5
NOTE_ROLE = Qt.ItemDataRole.UserRole + 6
CITATION_ROLE = Qt.ItemDataRole.UserRole + 7

MIME_TYPE = "application/x-natoapp-collection-rows"
# An excerpt's label shows this much of its quote; the tooltip shows it all.
_LABEL_CHARS = 90


@dataclass(frozen=True, slots=True)
class CollectionSnapshot:
    """A collection and its excerpts, as read at one moment."""

    collection: Collection
    items: tuple[CollectionItem, ...]


def collections_snapshot(library: UserLibrary) -> list[CollectionSnapshot]:
    """Every collection with its excerpts; call on the thread that owns ``library``."""
    return [CollectionSnapshot(c, tuple(library.items(c.id))) for c in library.collections()]


class _Node:
    __slots__ = ("children", "collection", "item", "parent", "row")

    def __init__(
        self,
        parent: _Node | None,
        row: int,
        collection: Collection | None = None,
        item: CollectionItem | None = None,
    ) -> None:
        self.parent = parent
        self.row = row
        self.collection = collection
        self.item = item
        self.children: list[_Node] = []


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _LABEL_CHARS else flat[: _LABEL_CHARS - 1].rstrip() + "…"


class CollectionsModel(QAbstractItemModel):
    """Collections at the top level, their excerpts below, one column."""

    renameRequested = Signal(int, str)  # collection id, new name
    collectionMoveRequested = Signal(int, int)  # collection id, new index
    itemMoveRequested = Signal(int, int)  # excerpt id, new index within its collection

    def __init__(self, parent: Any = None) -> None:
        """An empty model; fill it with :meth:`set_snapshot`."""
        super().__init__(parent)
        self._root = _Node(None, 0)

    def set_snapshot(self, snapshot: Sequence[CollectionSnapshot]) -> None:
        """Show ``snapshot`` (from :func:`collections_snapshot`)."""
        self.beginResetModel()
        root = _Node(None, 0)
        for row, entry in enumerate(snapshot):
            node = _Node(root, row, collection=entry.collection)
            node.children = [
                _Node(node, i, collection=entry.collection, item=item)
                for i, item in enumerate(entry.items)
            ]
            root.children.append(node)
        self._root = root
        self.endResetModel()

    # -- structure -------------------------------------------------------------------

    def _node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, _Node):
                return node
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of ``row`` under ``parent``."""
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """The collection of an excerpt; the root for a collection."""
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Collections at the top; a collection's excerpts below it; nothing under an excerpt."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column."""
        return 1

    # -- data ------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What each role shows for a collection or an excerpt."""
        if not index.isValid():
            return None
        node = self._node(index)
        if node.item is None and node.collection is not None:
            return self._collection_data(node.collection, role)
        if node.item is not None:
            return self._item_data(node.item, role)
        return None

    def _collection_data(self, collection: Collection, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{name} ({count})").format(name=collection.name, count=collection.items)
        if role == Qt.ItemDataRole.EditRole:
            return collection.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{count} excerpts").format(count=collection.items)
        if role == KIND_ROLE:
            return "collection"
        if role == COLLECTION_ID_ROLE:
            return collection.id
        return None

    def _item_data(self, item: CollectionItem, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _short(item.quote)
        if role == Qt.ItemDataRole.ToolTipRole:
            citation = format_reference(item.source(), "plain")
            note = f"\n\n{item.note}" if item.note else ""
            return f"{item.quote}\n\n— {citation}{note}"
        if role == KIND_ROLE:
            return "excerpt"
        if role == COLLECTION_ID_ROLE:
            return item.collection
        if role == ITEM_ID_ROLE:
            return item.id
        if role == PASSAGE_ID_ROLE:
            return item.passage
        if role == QUOTE_ROLE:
            return item.quote
        if role == NOTE_ROLE:
            return item.note
        if role == CITATION_ROLE:
            return format_reference(item.source(), "plain")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Collections can be renamed and dragged; excerpts dragged; collections take drops."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemIsDragEnabled
        node = self._node(index)
        if node.item is None:
            return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDropEnabled
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renaming a collection in place: shown at once, and asked of the library by signal."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        node = self._node(index)
        name = " ".join(str(value).split())
        if node.item is not None or node.collection is None or not name:
            return False
        if name == node.collection.name:
            return True
        renamed = replace(node.collection, name=name)
        node.collection = renamed
        for child in node.children:
            child.collection = renamed
        self.dataChanged.emit(index, index)
        self.renameRequested.emit(renamed.id, name)
        return True

    # -- finding rows ----------------------------------------------------------------

    def collection_index(self, collection_id: int) -> QModelIndex:
        """The index of collection ``collection_id``, or an invalid index."""
        for node in self._root.children:
            if node.collection is not None and node.collection.id == collection_id:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def item_index(self, item_id: int) -> QModelIndex:
        """The index of excerpt ``item_id``, or an invalid index."""
        for top in self._root.children:
            for node in top.children:
                if node.item is not None and node.item.id == item_id:
                    return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def collection_names(self) -> list[str]:
        """The collections' names in order."""
        return [n.collection.name for n in self._root.children if n.collection is not None]

    # -- drag and drop: only to reorder -------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        """Rows are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """Rows are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The one type this model drags: collection and excerpt ids."""
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The dragged row (the first one: rows move one at a time)."""
        mime = QMimeData()
        for index in indexes:
            node = self._node(index)
            if node.item is not None:
                payload = {
                    "kind": "excerpt",
                    "id": node.item.id,
                    "collection": node.item.collection,
                }
            elif node.collection is not None:
                payload = {"kind": "collection", "id": node.collection.id}
            else:
                continue
            mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
            break
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A collection drops between collections; an excerpt within its own collection."""
        payload = _payload(data)
        if payload is None or action != Qt.DropAction.MoveAction:
            return False
        if payload["kind"] == "collection":
            return not parent.isValid()
        if not parent.isValid():
            return False
        target = self._node(parent)
        return (
            target.item is None
            and target.collection is not None
            and target.collection.id == payload.get("collection")
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move by signal; the rows change when a new snapshot comes."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = _payload(data)
        assert payload is not None  # checked by canDropMimeData
        siblings = self._node(parent).children
        index = len(siblings) if row < 0 else row
        current = next(
            (n.row for n in siblings if _node_id(n, payload["kind"]) == payload["id"]), None
        )
        if current is not None and current < index:
            index -= 1  # the row leaves its place before it takes the new one
        signal = (
            self.collectionMoveRequested
            if payload["kind"] == "collection"
            else self.itemMoveRequested
        )
        signal.emit(int(payload["id"]), index)
        # False: the view must not remove the dragged row itself.
        return False


def _node_id(node: _Node, kind: str) -> int | None:
    if kind == "excerpt":
        return node.item.id if node.item is not None else None
    return node.collection.id if node.collection is not None and node.item is None else None


def _payload(data: QMimeData) -> dict[str, Any] | None:
    if not data.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or payload.get("kind") not in ("collection", "excerpt"):
        return None
    return payload

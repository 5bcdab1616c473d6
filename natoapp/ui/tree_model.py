"""The navigation tree: frameworks, countries, organisations, people, events, documents and
the user's collections of excerpts.

Plain-Python :class:`TreeNode` objects know their parent and their row, so the model's
``parent()`` and ``index()`` are O(1). :func:`build_tree` turns an
:class:`~natoapp.ui.overview.Overview` into nodes; it reads no database.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from natoapp.corpus.normalize import fold
from natoapp.store.records import DocumentInfo, EntityInfo, RelationInfo
from natoapp.ui.history import Location
from natoapp.ui.labels import document_label, entity_name, other_name, relation_label
from natoapp.ui.overview import MEMBER, Overview, UserCollection

LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the node's location key, "" for a heading
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 2  # the label folded for accent-free filtering
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "section", "group", "framework", "country", ...
COLLECTION_ROLE = Qt.ItemDataRole.UserRole + 4  # a collection's id, None for any other row

# Above this many documents the tree lists them by year, each year's on demand: a row for
# each of 50 000 documents would cost the window a second to build and lay out.
LISTED_DOCUMENTS = 1000
EXCERPT_LABEL_CHARS = 60  # an excerpt's row shows the start of its quote
EXCERPT_TOOLTIP_CHARS = 400

Index = QModelIndex | QPersistentModelIndex


class TreeNode:
    """One row of the tree; ``row`` is its place among its parent's children."""

    __slots__ = (
        "_locations",
        "children",
        "collection",
        "folded",
        "kind",
        "label",
        "location",
        "parent",
        "pending",
        "row",
        "tooltip",
    )

    def __init__(
        self,
        label: str,
        kind: str,
        location: Location | None = None,
        tooltip: str = "",
        also_known_as: tuple[str, ...] = (),
        collection: int | None = None,
    ) -> None:
        self.label = label
        self.kind = kind
        self.location = location
        self.tooltip = tooltip
        self.collection = collection  # the id of the user's collection this row stands for
        # What the filter box matches: the label, and the entity's other names, so that
        # "Koweït" finds Kuwait in an English interface.
        names = dict.fromkeys(fold(text) for text in (label, *also_known_as) if text)
        self.folded = " | ".join(names)
        self.children: list[TreeNode] = []
        self.parent: TreeNode | None = None
        self.row = 0
        self._locations: dict[str, TreeNode] | None = None
        # Documents not made into rows yet: a large library's are, once their year is opened.
        self.pending: tuple[DocumentInfo, ...] = ()

    def add(self, child: TreeNode) -> TreeNode:
        """Append ``child`` and return it."""
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    @property
    def identity(self) -> str:
        """What names this row across rebuilds: its location, its collection, or its label."""
        if self.location is not None:
            return self.location.key
        if self.collection is not None:
            return f"collection:{self.collection}"
        return f"{self.kind}:{self.label}"

    def locations(self) -> dict[str, TreeNode]:
        """The first node below this one (itself included) opening each location key; for a
        pending document, the node that holds it.

        Worked out once; :func:`build_tree` does it on the reading thread, so that finding
        a row among tens of thousands of documents costs the window nothing.
        """
        if self._locations is None:
            found: dict[str, TreeNode] = {}
            for node in self.walk():
                if node.location is not None:
                    found.setdefault(node.location.key, node)
                for document in node.pending:
                    found.setdefault(Location.document(document.id).key, node)
            self._locations = found
        return self._locations

    def make_pending_rows(self) -> list[TreeNode]:
        """Turn the pending documents into rows (children) and return them."""
        made = [self.add(document_node(document)) for document in self.pending]
        self.pending = ()
        root = self
        while root.parent is not None:
            root = root.parent
        if root._locations is not None:
            for node in made:
                assert node.location is not None
                root._locations[node.location.key] = node
        return made

    def walk(self) -> list[TreeNode]:
        """This node and every node below it, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class LibraryTreeModel(QAbstractItemModel):
    """A read-only tree over :class:`TreeNode` objects."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = TreeNode("", "root")

    def set_root(self, root: TreeNode) -> None:
        """Show the tree under ``root`` (its own label is not shown)."""
        self.beginResetModel()
        self._root = root
        self.endResetModel()

    def root(self) -> TreeNode:
        """The invisible root node."""
        return self._root

    def node(self, index: Index) -> TreeNode:
        """The node behind ``index`` (the root for an invalid index)."""
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, TreeNode):
                return node
        return self._root

    def index_of(self, node: TreeNode) -> QModelIndex:
        """The index that shows ``node``."""
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def find(self, location_key: str) -> QModelIndex:
        """The first row that opens ``location_key``, or an invalid index (a pending document
        is made a row first)."""
        node = self._root.locations().get(location_key)
        if (
            node is not None
            and node.pending
            and (node.location is None or node.location.key != location_key)
        ):
            self.fetchMore(self.index_of(node))
            node = self._root.locations().get(location_key)
        return self.index_of(node) if node is not None else QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        parent_node = self.node(parent)
        if row >= len(parent_node.children):
            return QModelIndex()
        return self.createIndex(row, 0, parent_node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0 or bool(self.node(parent).pending)

    def canFetchMore(self, parent: Index) -> bool:
        return bool(self.node(parent).pending)

    def fetchMore(self, parent: Index) -> None:
        node = self.node(parent)
        if not node.pending:
            return
        first = len(node.children)
        self.beginInsertRows(parent, first, first + len(node.pending) - 1)
        node.make_pending_rows()
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or None
        if role == LOCATION_ROLE:
            return node.location.key if node.location is not None else ""
        if role == FOLDED_ROLE:
            return node.folded
        if role == KIND_ROLE:
            return node.kind
        if role == COLLECTION_ROLE:
            return node.collection
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            section == 0
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return QCoreApplication.translate("LibraryTreeModel", "Library")
        return None


# --- building the tree ---------------------------------------------------------------


def build_tree(overview: Overview) -> TreeNode:
    """The whole navigation tree for ``overview``, labelled in the interface language."""
    root = TreeNode("", "root")
    _add_frameworks(
        root.add(TreeNode(QCoreApplication.translate("LibraryTreeModel", "Frameworks"), "section")),
        overview,
    )
    for title, entities in (
        (QCoreApplication.translate("LibraryTreeModel", "Countries A–Z"), overview.countries()),
        (
            QCoreApplication.translate("LibraryTreeModel", "Organisations"),
            overview.of_kind("organisation"),
        ),
        (QCoreApplication.translate("LibraryTreeModel", "People"), overview.of_kind("person")),
    ):
        section = root.add(TreeNode(title, "section"))
        for entity in _by_name(entities):
            _add_entity_with_relations(section, entity, overview)
    events = root.add(TreeNode(QCoreApplication.translate("LibraryTreeModel", "Events"), "section"))
    for event in sorted(overview.of_kind("event"), key=_date_then_name):
        label = f"{event.date} — {entity_name(event)}" if event.date else entity_name(event)
        _add_entity_with_relations(events, event, overview, label=label)
    documents = root.add(
        TreeNode(QCoreApplication.translate("LibraryTreeModel", "Documents"), "section")
    )
    listed = sorted(overview.documents, key=lambda d: (d.date is None, d.date or "", d.id))
    if len(listed) <= LISTED_DOCUMENTS:
        for document in listed:
            documents.add(document_node(document))
    else:
        # One row a year, its documents made rows when it is opened.
        for year, group in groupby(listed, key=lambda d: (d.date or "")[:4]):
            of_year = tuple(group)
            label = year or QCoreApplication.translate("labels", "n.d.")
            node = documents.add(TreeNode(f"{label} ({len(of_year)})", "year"))
            node.pending = of_year
    if overview.collections:
        _add_collections(
            root.add(
                TreeNode(QCoreApplication.translate("LibraryTreeModel", "Collections"), "section")
            ),
            overview.collections,
        )
    root.locations()
    return root


def document_node(document: DocumentInfo) -> TreeNode:
    """The row of one document."""
    return TreeNode(
        document_label(document),
        "document",
        Location.document(document.id),
        tooltip=f"{document.title}\n{document.source_file}",
    )


def _add_collections(section: TreeNode, collections: tuple[UserCollection, ...]) -> None:
    hint = QCoreApplication.translate(
        "LibraryTreeModel", "Rename, reorder or delete collections in the Collections tab."
    )
    for entry in collections:
        collection = entry.collection
        node = section.add(
            TreeNode(
                f"{collection.name} ({len(entry.items)})",
                "collection",
                tooltip="\n".join(
                    (
                        collection.name,
                        QCoreApplication.translate("LibraryTreeModel", "Excerpts: %1").replace(
                            "%1", str(len(entry.items))
                        ),
                        hint,
                    )
                ),
                collection=collection.id,
            )
        )
        for item in entry.items:
            node.add(
                TreeNode(
                    _shorten(item.quote, EXCERPT_LABEL_CHARS),
                    "excerpt",
                    Location.passage(item.passage),
                    tooltip="\n".join(
                        part
                        for part in (_shorten(item.quote, EXCERPT_TOOLTIP_CHARS), item.title, hint)
                        if part
                    ),
                    also_known_as=(item.quote, item.note),
                )
            )


def _shorten(text: str, limit: int) -> str:
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


def _by_name(entities: list[EntityInfo]) -> list[EntityInfo]:
    return sorted(entities, key=lambda e: fold(entity_name(e)))


def _date_then_name(entity: EntityInfo) -> tuple[bool, str, str]:
    return (entity.date is None, entity.date or "", fold(entity_name(entity)))


def _tooltip(entity: EntityInfo, overview: Overview) -> str:
    lines = [entity_name(entity)]
    if other := other_name(entity):
        lines.append(other)
    count = overview.mention_counts.get(entity.id, 0)
    lines.append(
        QCoreApplication.translate("LibraryTreeModel", "Mentions in the texts: %1").replace(
            "%1", str(count)
        )
    )
    return "\n".join(lines)


def _add_frameworks(section: TreeNode, overview: Overview) -> None:
    frameworks = overview.of_kind("framework")
    ids = {f.id for f in frameworks}
    tops = [f for f in frameworks if f.parent not in ids]
    for framework in _by_name(tops):
        _add_framework(section, framework, overview, seen=set())


def _add_framework(
    parent: TreeNode, framework: EntityInfo, overview: Overview, seen: set[str]
) -> None:
    seen = seen | {framework.id}  # a cycle of parents in curated data must not loop forever
    members = overview.members(framework.id)
    node = parent.add(
        TreeNode(
            f"{entity_name(framework)} ({len(members)})",
            "framework",
            Location.entity(framework.id),
            _tooltip(framework, overview),
            _names(framework),
        )
    )
    for child in _by_name(overview.children(framework.id)):
        if child.id not in seen:
            _add_framework(node, child, overview, seen)
    for member in _sorted_others(members, framework.id, overview):
        node.add(_entity_leaf(member, overview))
    others: dict[str, list[RelationInfo]] = defaultdict(list)
    for relation in overview.relations_of(framework.id):
        if relation.kind != MEMBER and relation.object == framework.id:
            others[relation.kind].append(relation)
    for kind in sorted(others):
        relations = others[kind]
        group = node.add(
            TreeNode(f"{relation_label(kind, as_subject=False)} ({len(relations)})", "group")
        )
        for entity in _sorted_others(relations, framework.id, overview):
            group.add(_entity_leaf(entity, overview))


def _sorted_others(
    relations: list[RelationInfo], entity_id: str, overview: Overview
) -> list[EntityInfo]:
    others = []
    for relation in relations:
        other_id = relation.subject if relation.object == entity_id else relation.object
        other = overview.entity(other_id)
        if other is not None and other not in others:
            others.append(other)
    return _by_name(others)


def _names(entity: EntityInfo) -> tuple[str, ...]:
    return (entity.name_fr, entity.name_en, *entity.aliases)


def _entity_leaf(entity: EntityInfo, overview: Overview) -> TreeNode:
    return TreeNode(
        entity_name(entity),
        entity.kind,
        Location.entity(entity.id),
        _tooltip(entity, overview),
        _names(entity),
    )


def _add_entity_with_relations(
    parent: TreeNode, entity: EntityInfo, overview: Overview, label: str | None = None
) -> None:
    node = parent.add(
        TreeNode(
            label or entity_name(entity),
            entity.kind,
            Location.entity(entity.id),
            _tooltip(entity, overview),
            _names(entity),
        )
    )
    rows = []
    for relation in overview.relations_of(entity.id):
        as_subject = relation.subject == entity.id
        other = overview.entity(relation.object if as_subject else relation.subject)
        if other is None:
            continue
        text = f"{relation_label(relation.kind, as_subject=as_subject)}: {entity_name(other)}"
        rows.append((relation.kind != MEMBER, fold(text), text, other))
    for _, _, text, other in sorted(rows, key=lambda r: (r[0], r[1])):
        node.add(TreeNode(text, "relation", Location.entity(other.id), _tooltip(other, overview)))

"""The country × framework grid: who belongs to what, and every other stated relation.

Rows are countries; columns are the frameworks, then each other kind of relation a
country has with something that is not a framework (took part in an operation, opened a
mission…). A filled cell opens the passages that state it.
"""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from natoapp.corpus.normalize import fold
from natoapp.store.records import EntityInfo, RelationInfo
from natoapp.ui.history import Location
from natoapp.ui.labels import entity_name, relation_label
from natoapp.ui.overview import MEMBER, Overview

LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's location key, "" when empty

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class GridColumn:
    """A framework column ("fw:<id>") or a relation-kind column ("kind:<kind>")."""

    key: str
    entity: EntityInfo | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class GridData:
    """Rows, columns and the relations in each (row id, column key) cell."""

    rows: tuple[EntityInfo, ...] = ()
    columns: tuple[GridColumn, ...] = ()
    cells: dict[tuple[str, str], tuple[RelationInfo, ...]] = field(default_factory=dict)
    names: dict[str, EntityInfo] = field(default_factory=dict)


def build_grid(overview: Overview) -> GridData:
    """The grid for ``overview``: every country, every framework, every other relation kind."""
    frameworks = _framework_order(overview)
    framework_ids = {f.id for f in frameworks}
    countries = sorted(overview.countries(), key=lambda e: fold(entity_name(e)))
    country_ids = {c.id for c in countries}
    cells: dict[tuple[str, str], list[RelationInfo]] = defaultdict(list)
    kinds: set[str] = set()
    for relation in overview.relations:
        if relation.subject not in country_ids:
            continue
        if relation.object in framework_ids:
            cells[(relation.subject, f"fw:{relation.object}")].append(relation)
        else:
            kinds.add(relation.kind)
            cells[(relation.subject, f"kind:{relation.kind}")].append(relation)
    columns = [GridColumn(f"fw:{f.id}", entity=f) for f in frameworks]
    columns += [
        GridColumn(f"kind:{k}", kind=k)
        for k in sorted(kinds, key=lambda k: fold(relation_label(k, as_subject=True)))
    ]
    return GridData(
        tuple(countries),
        tuple(columns),
        {key: tuple(value) for key, value in cells.items()},
        {e.id: e for e in overview.entities},
    )


def _framework_order(overview: Overview) -> list[EntityInfo]:
    """Frameworks as the tree lists them: each followed by those nested in it."""
    frameworks = overview.of_kind("framework")
    ids = {f.id for f in frameworks}
    ordered: list[EntityInfo] = []

    def add(framework: EntityInfo) -> None:
        if framework in ordered:
            return
        ordered.append(framework)
        for child in sorted(overview.children(framework.id), key=lambda e: fold(entity_name(e))):
            add(child)

    for top in sorted(
        (f for f in frameworks if f.parent not in ids), key=lambda e: fold(entity_name(e))
    ):
        add(top)
    for framework in frameworks:  # any left in a cycle of parents
        add(framework)
    return ordered


def short_name(entity: EntityInfo) -> str:
    """A column title: the entity's acronym when it has one, else its name."""
    acronyms = [a for a in entity.aliases if 2 <= len(a) <= 6 and a.isupper() and a.isalpha()]
    if acronyms:
        # Prefer the acronym of the interface language: the one the name's initials make.
        words = re.split(r"[^a-z]+", fold(entity_name(entity)))
        initials = "".join(word[0] for word in words if len(word) > 2)
        for acronym in acronyms:
            if fold(acronym) == initials:
                return acronym
        return acronyms[0]
    return entity_name(entity)


class GridModel(QAbstractTableModel):
    """Countries × frameworks and relation kinds, read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid = GridData()

    def set_grid(self, grid: GridData) -> None:
        """Show ``grid``."""
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    def grid(self) -> GridData:
        """The data shown."""
        return self._grid

    def relations_at(self, index: Index) -> tuple[RelationInfo, ...]:
        """The relations in the cell at ``index``."""
        if not index.isValid():
            return ()
        row = self._grid.rows[index.row()]
        column = self._grid.columns[index.column()]
        return self._grid.cells.get((row.id, column.key), ())

    def location_at(self, index: Index) -> Location | None:
        """What opening the cell shows, or None for an empty cell."""
        if not self.relations_at(index):
            return None
        row = self._grid.rows[index.row()]
        return Location.cell(row.id, self._grid.columns[index.column()].key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        relations = self.relations_at(index)
        column = self._grid.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(relations, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            country = entity_name(self._grid.rows[index.row()])
            value = self._cell_words(relations, column) or QCoreApplication.translate(
                "GridModel", "nothing stated"
            )
            return f"{country}, {self._column_title(column)}: {value}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(relations) if relations else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.entity is not None:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == LOCATION_ROLE:
            location = self.location_at(index)
            return location.key if location is not None else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._grid.columns):
                return None
            column = self._grid.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                title = short_name(column.entity) if column.entity else self._column_title(column)
                return textwrap.fill(title, 16)  # long names on a few short lines
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._column_title(column)
            return None
        if not 0 <= section < len(self._grid.rows):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return entity_name(self._grid.rows[section])
        return None

    # --- cell wording -------------------------------------------------------------------

    def _column_title(self, column: GridColumn) -> str:
        if column.entity is not None:
            return entity_name(column.entity)
        return relation_label(column.kind or "", as_subject=True)

    def _cell_text(self, relations: tuple[RelationInfo, ...], column: GridColumn) -> str:
        if column.entity is not None:
            kinds = sorted({r.kind for r in relations}, key=lambda k: k != MEMBER)
            return ", ".join(
                "●" if k == MEMBER else relation_label(k, as_subject=True) for k in kinds
            )
        return ", ".join(self._object_names(relations))

    def _cell_words(self, relations: tuple[RelationInfo, ...], column: GridColumn) -> str:
        if column.entity is not None:
            return ", ".join(sorted({relation_label(r.kind, as_subject=True) for r in relations}))
        return ", ".join(self._object_names(relations))

    def _object_names(self, relations: tuple[RelationInfo, ...]) -> list[str]:
        names = []
        for relation in relations:
            entity = self._grid.names.get(relation.object)
            name = entity_name(entity) if entity is not None else relation.object
            if name not in names:
                names.append(name)
        return names

    def _tooltip(self, relations: tuple[RelationInfo, ...]) -> str:
        lines = []
        for relation in relations:
            entity = self._grid.names.get(relation.object)
            target = entity_name(entity) if entity is not None else relation.object
            lines.append(f"{relation_label(relation.kind, as_subject=True)} {target}")
            for evidence in relation.evidence[:1]:
                lines.append(f"« {evidence.quote} »")
        lines.append(QCoreApplication.translate("GridModel", "Press Enter to read the passages."))
        return "\n".join(lines)


class GridView(QWidget):
    """The grid with a one-line explanation; emits ``locationActivated`` for a filled cell."""

    locationActivated = Signal(object)  # Location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = GridModel(self)
        self._caption = QLabel(self)
        self._caption.setWordWrap(True)
        self._table = QTableView(self)
        self._table.setModel(self._model)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.horizontalHeader().setDefaultSectionSize(64)
        self._table.horizontalHeader().setHighlightSections(True)
        row_height = self._table.fontMetrics().height() + 8
        self._table.verticalHeader().setDefaultSectionSize(row_height)
        self._table.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._caption)
        layout.addWidget(self._table)
        self.setFocusProxy(self._table)
        self._retranslate()

    def model(self) -> GridModel:
        """The grid model."""
        return self._model

    def table(self) -> QTableView:
        """The table view."""
        return self._table

    def set_grid(self, grid: GridData) -> None:
        """Show ``grid`` and size the columns to their contents."""
        self._model.set_grid(grid)
        self._table.resizeColumnsToContents()
        header = self._table.horizontalHeader()
        for column in range(self._model.columnCount()):
            if header.sectionSize(column) > 220:
                header.resizeSection(column, 220)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._caption.setText(
            self.tr(
                "● member. Other cells name what the texts state. "
                "Select a cell and press Enter (or double-click) to read the passages."
            )
        )
        self._table.setAccessibleName(self.tr("Countries and frameworks grid"))
        self._table.setAccessibleDescription(
            self.tr("Rows are countries, columns are frameworks and other relations")
        )

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        location = self._model.location_at(index)
        if location is not None:
            self.locationActivated.emit(location)

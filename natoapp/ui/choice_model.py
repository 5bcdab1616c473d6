"""The items of a filter box, as a model: filling it with 50 000 documents costs one reset.

Row 0 is "everything" (no filter); its data is "" because some Qt for Python releases
mishandle None in item data. Each other row shows a label and carries a value in
``Qt.UserRole`` (what ``QComboBox.currentData`` returns), with the label as tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex


class ChoiceModel(QAbstractListModel):
    """ "Everything" and then choices, each a value and a label, with a value → row index.

    Labels are worked out when a row is shown, not when the box is filled.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._everything = ""
        self._values: Sequence[Hashable] = ()
        self._label: Callable[[int], str] = str
        self._labels: dict[int, str] = {}
        self._rows: dict[Hashable, int] = {}

    def set_choices(
        self, everything: str, values: Sequence[Hashable], label: Callable[[int], str]
    ) -> None:
        """Offer ``values`` after the ``everything`` row; ``label(i)`` names ``values[i]``."""
        self.beginResetModel()
        self._everything = everything
        self._values = values
        self._label = label
        self._labels = {}
        self._rows = {}
        for row, value in enumerate(values, 1):
            self._rows.setdefault(value, row)
        self.endResetModel()

    def set_items(self, everything: str, items: Sequence[tuple[Hashable, str]]) -> None:
        """Offer ``(value, label)`` pairs after the ``everything`` row."""
        self.set_choices(everything, [value for value, _ in items], lambda i: items[i][1])

    def row_of(self, value: Hashable) -> int:
        """The row offering ``value``, or -1."""
        return self._rows.get(value, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._values) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row <= len(self._values):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._values[row - 1] if row else ""
        if role not in _TEXT_ROLES or (row == 0 and role == Qt.ItemDataRole.ToolTipRole):
            return None
        if row == 0:
            return self._everything
        label = self._labels.get(row)
        if label is None:
            label = self._labels[row] = self._label(row - 1)
        return label


_TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
)

"""A tab whose widget is only built the first time it is shown.

The map and the timeline read shapes and data that the first screen does not
need; building them on demand keeps start-up to what the first screen shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    """Holds the place of a widget made by ``factory`` on first show."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory: Callable[[], QWidget] | None = factory
        self._widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def widget(self) -> QWidget:
        """The real widget, built now if it was not yet."""
        if self._widget is None and self._factory is not None:
            factory, self._factory = self._factory, None
            self._widget = factory()
            self.layout().addWidget(self._widget)
            self.setFocusProxy(self._widget)
        assert self._widget is not None
        return self._widget

    def is_built(self) -> bool:
        """Whether the real widget exists yet."""
        return self._widget is not None

    def showEvent(self, event: QShowEvent) -> None:
        self.widget()
        super().showEvent(event)

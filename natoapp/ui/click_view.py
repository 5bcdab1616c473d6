"""A graphics view where dragging pans and only a press and release in one place clicks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView


class ClickableGraphicsView(QGraphicsView):
    """Calls :meth:`clicked_at` for a left click that did not move past the drag distance."""

    _pressed_at: QPoint | None = None

    def clicked_at(self, pos: QPoint) -> None:
        """A click at the viewport position ``pos``; subclasses say what it opens."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        released = event.position().toPoint()
        if (released - pressed).manhattanLength() <= QApplication.startDragDistance():
            self.clicked_at(released)

"""The timeline: dated events and documents on a time axis, one lane per framework.

Each mark's tooltip cites the passage that dates it (an event) or the document itself; a
click emits ``eventActivated(entity_id)`` or ``documentActivated(doc_id)``. The wheel and
plus/minus zoom in time around the pointer, dragging, the scroll bars and the arrow keys
pan, and the whole timeline can be saved as PNG or SVG. What the texts do not date is
listed under the axis, never placed by guess.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natoapp.store.library import Library
from natoapp.ui.click_view import ClickableGraphicsView
from natoapp.ui.image_export import ask_and_export, save_png, save_svg
from natoapp.ui.labels import entity_name, interface_is_french
from natoapp.ui.timeline_model import (
    DOCUMENT,
    EVENT,
    GENERAL,
    Lane,
    TimelineData,
    TimelineMark,
    load_timeline_data,
)

LABEL_WIDTH = 250.0  # the lane names' column
AXIS_HEIGHT = 34.0
ROW_HEIGHT = 24.0
LANE_PADDING = 6.0
MARK_SIZE = 12.0
TEXT_GAP = 5.0
MARK_TEXT_WIDTH = 220.0  # a mark's name is cut to this many pixels
LEFT_MARGIN = 24.0
RIGHT_MARGIN = MARK_TEXT_WIDTH + 40.0
MAX_PX_PER_DAY = 40.0
ZOOM_STEP = 1.25
TICK_SPACING = 70.0  # pixels wanted between two labelled ticks at least
QUOTE_LENGTH = 220
GENERAL_COLOUR = "#7f8c99"
EXPORT_WIDTH = 1800

MARK_TYPE = 65536 + 2  # QGraphicsItem.UserType + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


def mark_name(mark: TimelineMark) -> str:
    """The mark's name in the interface language."""
    first, second = (
        (mark.name_fr, mark.name_en) if interface_is_french() else (mark.name_en, mark.name_fr)
    )
    return first or second or mark.target


def lane_name(lane: Lane) -> str:
    """A lane's title: its framework's name, or "General"."""
    return entity_name(lane.framework.entity) if lane.framework is not None else _tr("General")


def lane_colour(lane: Lane) -> QColor:
    """A lane's colour: its framework's colour on the map, else a neutral grey-blue."""
    if lane.framework is not None and lane.framework.colour:
        return QColor(lane.framework.colour)
    return QColor(GENERAL_COLOUR)


def timeline_colours(palette: QPalette | None = None) -> dict[str, QColor]:
    """Background, alternate lanes, grid lines and text from the current palette."""
    pal = palette if palette is not None else QApplication.palette()
    return {
        "base": pal.color(QPalette.ColorRole.Base),
        "alternate": pal.color(QPalette.ColorRole.AlternateBase),
        "grid": pal.color(QPalette.ColorRole.Mid),
        "text": pal.color(QPalette.ColorRole.Text),
        "window": pal.color(QPalette.ColorRole.Window),
        "highlight": pal.color(QPalette.ColorRole.Highlight),
    }


def mark_tooltip(mark: TimelineMark, lanes: Sequence[Lane]) -> str:
    """Rich text: the mark's names, kind and date, and the citation that dates it."""
    names = dict.fromkeys(n for n in (mark.name_fr, mark.name_en) if n)
    lines = [f"<b>{' · '.join(html.escape(n) for n in names)}</b>"]
    if mark.kind == EVENT:
        lines.append(html.escape(_tr("Event — {date}").format(date=mark.span.text)))
    elif mark.dated_by == "updated":
        lines.append(
            html.escape(
                _tr("Document — updated {date} (the text gives no other date)").format(
                    date=mark.span.text.replace("T", " ")
                )
            )
        )
    else:
        lines.append(html.escape(_tr("Document — {date}").format(date=mark.span.text)))
    if mark.quote:
        lines.append(f"« {html.escape(_shorten(mark.quote))} »")
    if mark.reference:
        lines.append(f"<i>— {html.escape(mark.reference)}</i>")
    named = [lane_name(lane) for lane in lanes if lane.id in mark.lanes and lane.id != GENERAL]
    if named:
        lines.append(html.escape(_tr("Frameworks: {names}").format(names=", ".join(named))))
    lines.append(f"<small>{html.escape(_tr('Click to open it.'))}</small>")
    return f"<table width='420'><tr><td>{'<br>'.join(lines)}</td></tr></table>"


def _shorten(text: str, limit: int = QUOTE_LENGTH) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " […]"


class MarkItem(QGraphicsPathItem):
    """One event or document in one lane: its shape, with its name beside it."""

    def __init__(self, mark: TimelineMark, lane: str, path: QPainterPath, colour: QColor) -> None:
        super().__init__(path)
        self.mark = mark
        self.lane = lane
        self._colour = colour
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._paint(hovered=False)

    def type(self) -> int:
        return MARK_TYPE

    def centre(self) -> QPointF:
        """The scene point in the middle of the mark's shape."""
        return self.mapToScene(self.path().boundingRect().center())

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._paint(hovered=True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._paint(hovered=False)
        super().hoverLeaveEvent(event)

    def _paint(self, *, hovered: bool) -> None:
        if self.mark.kind == DOCUMENT:
            fill = QColor(timeline_colours()["base"])
            pen = QPen(self._colour, 2.0)
        else:
            fill = QColor(self._colour)
            pen = QPen(self._colour.darker(135), 1.0)
        if hovered:
            pen = QPen(timeline_colours()["highlight"], 2.5)
        self.setBrush(QBrush(fill))
        self.setPen(pen)


class TimelineScene(QGraphicsScene):
    """The timeline drawn at a given scale (pixels per day); rebuilt when that changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = TimelineData()
        self._px_per_day = 1.0
        self._origin = date(2000, 1, 1)
        self._end = date(2000, 12, 31)
        self._marks: list[MarkItem] = []
        self._label_column: list[tuple[QGraphicsItem, float]] = []  # item, its own x
        self._font = QFont(QApplication.font())
        self._small = QFont(self._font)
        self._small.setPointSizeF(max(7.0, self._font.pointSizeF() * 0.9))

    # --- geometry ---------------------------------------------------------------------

    def x_of(self, day: date) -> float:
        """The scene x of the start of ``day``."""
        return LABEL_WIDTH + LEFT_MARGIN + (day - self._origin).days * self._px_per_day

    def date_at(self, x: float) -> float:
        """The day number (fractional, from the first day shown) at scene x."""
        return (x - LABEL_WIDTH - LEFT_MARGIN) / self._px_per_day

    def x_of_day_number(self, days: float) -> float:
        """The scene x of a day number as :meth:`date_at` gives it."""
        return LABEL_WIDTH + LEFT_MARGIN + days * self._px_per_day

    def days_shown(self) -> int:
        """How many days the axis covers (whole years around the marks)."""
        return (self._end - self._origin).days + 1

    def px_per_day(self) -> float:
        """The current scale."""
        return self._px_per_day

    def mark_items(self) -> list[MarkItem]:
        """Every mark item (a mark in several lanes has one item in each)."""
        return list(self._marks)

    def label_column(self) -> list[QGraphicsItem]:
        """The items of the lane names' column, which stays in view when panning."""
        return [item for item, _ in self._label_column]

    # --- building ---------------------------------------------------------------------

    def rebuild(self, data: TimelineData, px_per_day: float) -> None:
        """Lay out ``data`` at ``px_per_day``."""
        self.clear()
        self._marks = []
        self._label_column = []
        self._data = data
        self._px_per_day = px_per_day
        span = data.first_and_last()
        if span is not None:
            self._origin = date(span[0].year, 1, 1)
            self._end = date(span[1].year, 12, 31)
        colours = timeline_colours()
        self.setBackgroundBrush(colours["base"])
        width = self.x_of(self._end + timedelta(days=1)) + RIGHT_MARGIN
        y = AXIS_HEIGHT
        lane_tops: list[tuple[Lane, float, float]] = []
        for index, lane in enumerate(data.lanes):
            rows = self._place_marks(lane, y + LANE_PADDING)
            height = max(rows, 1) * ROW_HEIGHT + 2 * LANE_PADDING
            if index % 2:
                band = self.addRect(QRectF(0, y, width, height), QPen(Qt.PenStyle.NoPen))
                band.setBrush(colours["alternate"])
                band.setZValue(-2)
            lane_tops.append((lane, y, height))
            y += height
        self._draw_axis(width, y, colours)
        self._draw_labels(lane_tops, width, colours)
        self.setSceneRect(QRectF(0, 0, width, y + 1))

    def _place_marks(self, lane: Lane, top: float) -> int:
        """Add the lane's marks in rows that do not overlap; return how many rows it took."""
        metrics = QFontMetricsF(self._small)
        row_ends: list[float] = []
        colour = lane_colour(lane)
        for mark in self._data.in_lane(lane.id):
            x0 = self.x_of(mark.span.start)
            x1 = max(self.x_of(mark.span.end + timedelta(days=1)), x0 + 2)
            text = metrics.elidedText(mark_name(mark), Qt.TextElideMode.ElideRight, MARK_TEXT_WIDTH)
            path, right = self._shape(mark, x0, x1)
            extent = right + TEXT_GAP + metrics.horizontalAdvance(text) + 2 * TEXT_GAP
            left = path.boundingRect().left()
            row = next((i for i, end in enumerate(row_ends) if end <= left), len(row_ends))
            if row == len(row_ends):
                row_ends.append(extent)
            else:
                row_ends[row] = extent
            item = MarkItem(mark, lane.id, path, colour)
            item.setPos(0, top + row * ROW_HEIGHT + ROW_HEIGHT / 2)
            item.setToolTip(mark_tooltip(mark, self._data.lanes))
            item.setZValue(1)
            label = QGraphicsSimpleTextItem(text, item)
            label.setFont(self._small)
            label.setBrush(timeline_colours()["text"])
            label.setPos(right + TEXT_GAP, -metrics.height() / 2)
            label.setToolTip(item.toolTip())
            self.addItem(item)
            self._marks.append(item)
        return len(row_ends)

    def _shape(self, mark: TimelineMark, x0: float, x1: float) -> tuple[QPainterPath, float]:
        """The mark's outline around y = 0, and the x where its name may start."""
        half = MARK_SIZE / 2
        path = QPainterPath()
        if mark.kind == DOCUMENT:
            # A page with a folded corner, centred on the day.
            cx = (x0 + x1) / 2
            w, h, fold = MARK_SIZE * 0.8, MARK_SIZE * 1.1, MARK_SIZE * 0.3
            left, top = cx - w / 2, -h / 2
            path.moveTo(left, top)
            path.lineTo(left + w - fold, top)
            path.lineTo(left + w, top + fold)
            path.lineTo(left + w, top + h)
            path.lineTo(left, top + h)
            path.closeSubpath()
            return path, left + w
        if mark.span.is_day:
            cx = (x0 + x1) / 2
            path.moveTo(cx, -half)
            path.lineTo(cx + half, 0)
            path.lineTo(cx, half)
            path.lineTo(cx - half, 0)
            path.closeSubpath()
            return path, cx + half
        # A month, a year or a range of days: a bar over the whole of it, so that what
        # the texts date only roughly does not look exact.
        width = max(x1 - x0, MARK_SIZE * 0.6)
        path.addRoundedRect(QRectF(x0, -half * 0.7, width, MARK_SIZE * 0.7), 3, 3)
        return path, x0 + width

    def _draw_axis(self, width: float, bottom: float, colours: dict[str, QColor]) -> None:
        grid = QPen(colours["grid"], 0)
        grid.setStyle(Qt.PenStyle.DotLine)
        axis = self.addLine(LABEL_WIDTH, AXIS_HEIGHT, width, AXIS_HEIGHT, QPen(colours["grid"], 1))
        axis.setZValue(-1)
        metrics = QFontMetricsF(self._small)
        for day, text in self._ticks():
            x = self.x_of(day)
            line = self.addLine(x, AXIS_HEIGHT - 6, x, bottom, grid)
            line.setZValue(-1)
            label = self.addSimpleText(text, self._small)
            label.setBrush(colours["text"])
            label.setPos(x + 3, AXIS_HEIGHT - 6 - metrics.height())

    def _ticks(self) -> list[tuple[date, str]]:
        """Labelled ticks: days, months, quarters or years, whichever stay readable."""
        locale = QLocale()
        ppd = self._px_per_day
        if ppd * 7 >= TICK_SPACING:
            step = max(1, math.ceil(1.5 * TICK_SPACING / ppd))
            days = range(0, self.days_shown(), step)
            return [
                (d, locale.toString(QDate(d.year, d.month, d.day), "d MMM yyyy"))
                for d in (self._origin + timedelta(days=n) for n in days)
            ]
        if ppd * 30.4 >= TICK_SPACING or ppd * 91 >= TICK_SPACING:
            months = tuple(range(1, 13)) if ppd * 30.4 >= TICK_SPACING else (1, 4, 7, 10)
            return [
                (date(year, month, 1), locale.toString(QDate(year, month, 1), "MMM yyyy"))
                for year in range(self._origin.year, self._end.year + 1)
                for month in months
            ]
        step = max(1, math.ceil(TICK_SPACING / (365.25 * ppd)))
        return [
            (date(year, 1, 1), str(year))
            for year in range(self._origin.year, self._end.year + 1, step)
        ]

    def _draw_labels(
        self,
        lanes: Sequence[tuple[Lane, float, float]],
        width: float,
        colours: dict[str, QColor],
    ) -> None:
        metrics = QFontMetricsF(self._font)
        bottom = lanes[-1][1] + lanes[-1][2] if lanes else AXIS_HEIGHT
        column = self.addRect(QRectF(0, 0, LABEL_WIDTH, bottom), QPen(colours["grid"], 0))
        column.setBrush(colours["window"])
        column.setZValue(5)
        self._label_column.append((column, 0.0))
        for lane, top, height in lanes:
            indent = 10 + 14 * lane.depth
            swatch = self.addRect(
                QRectF(indent, top + height / 2 - 5, 10, 10),
                QPen(QColor(0, 0, 0, 90), 0),
                lane_colour(lane),
            )
            swatch.setZValue(6)
            name = lane_name(lane)
            room = LABEL_WIDTH - indent - 22
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            label = self.addSimpleText(text, self._font)
            label.setBrush(colours["text"])
            label.setPos(indent + 16, top + (height - metrics.height()) / 2)
            label.setZValue(6)
            label.setToolTip(name)
            divider = self.addLine(0, top + height, width, top + height)
            divider.setPen(QPen(colours["grid"], 0))
            divider.setZValue(-1)
            self._label_column += [(swatch, 0.0), (label, label.x())]

    def move_label_column(self, x: float) -> None:
        """Keep the lane names at scene x (the left edge of the view)."""
        for item, own_x in self._label_column:
            item.setX(own_x + x)


class TimelineCanvas(ClickableGraphicsView):
    """The timeline's view: zoom in time around the pointer, pan, click a mark."""

    markClicked = Signal(object)  # TimelineMark
    zoomRequested = Signal(float, float)  # factor, viewport x to keep in place
    viewportResized = Signal()

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.horizontalScrollBar().valueChanged.connect(self.keep_labels)

    @Slot()
    def keep_labels(self) -> None:
        """Move the lane names to the view's left edge (after a scroll or a rebuild)."""
        scene = self.scene()
        if isinstance(scene, TimelineScene):  # None while the widget is torn down
            scene.move_label_column(self.mapToScene(0, 0).x())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - round(steps * bar.singleStep() * 3))
        elif steps:
            self.zoomRequested.emit(ZOOM_STEP**steps, event.position().x())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        middle = self.viewport().width() / 2
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoomRequested.emit(ZOOM_STEP, middle)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoomRequested.emit(1 / ZOOM_STEP, middle)
        elif key == Qt.Key.Key_0 and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomRequested.emit(0.0, middle)  # 0: fit
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def clicked_at(self, pos: QPoint) -> None:
        item = self.mark_at(pos)
        if item is not None:
            self.markClicked.emit(item.mark)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.viewportResized.emit()

    def mark_at(self, pos: QPoint) -> MarkItem | None:
        """The mark under the viewport position ``pos`` (its shape or its name), or None."""
        for item in self.items(pos):
            while item is not None and not isinstance(item, MarkItem):
                item = item.parentItem()
            if isinstance(item, MarkItem):
                return item
        return None


class TimelineView(QWidget):
    """The timeline with its tools; emits ``eventActivated`` or ``documentActivated``."""

    eventActivated = Signal(str)
    documentActivated = Signal(str)

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = TimelineData()
        self._fitted = True
        self._scene = TimelineScene(self)
        self._canvas = TimelineCanvas(self._scene, self)
        self._canvas.markClicked.connect(self._on_mark_clicked)
        self._canvas.zoomRequested.connect(self._on_zoom_requested)
        self._canvas.viewportResized.connect(self._on_viewport_resized)
        self._undated = QLabel(self)
        self._undated.setWordWrap(True)
        self._undated.setTextFormat(Qt.TextFormat.PlainText)
        self._key = QLabel(self)
        self._key.setWordWrap(True)
        self._buttons: dict[str, QToolButton] = {}
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        middle: Callable[[], float] = lambda: self._canvas.viewport().width() / 2  # noqa: E731
        for name, slot in (
            ("zoom_in", lambda: self.zoom_by(ZOOM_STEP, middle())),
            ("zoom_out", lambda: self.zoom_by(1 / ZOOM_STEP, middle())),
            ("fit", self.fit),
            ("png", self._ask_png),
            ("svg", self._ask_svg),
        ):
            button = QToolButton(self)
            button.clicked.connect(slot)
            self._buttons[name] = button
            tools.addWidget(button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(tools)
        layout.addWidget(self._canvas, 1)
        layout.addWidget(self._key)
        layout.addWidget(self._undated)
        self.setFocusProxy(self._canvas)
        self._retranslate()
        if library is not None:
            self.set_data(load_timeline_data(library))

    # --- data ---------------------------------------------------------------------------

    def load(self, library: Library) -> None:
        """Read what to show from ``library`` (on this thread) and show it."""
        self.set_data(load_timeline_data(library))

    def set_data(self, data: TimelineData) -> None:
        """Show ``data`` (from :func:`natoapp.ui.timeline_model.read_timeline_data`)."""
        self._data = data
        self._fitted = True
        self._scene.rebuild(data, self._fit_scale())
        self._canvas.keep_labels()
        self._show_undated()

    def data(self) -> TimelineData:
        """What the timeline shows."""
        return self._data

    # --- queries (for the window and the tests) ------------------------------------------

    def canvas(self) -> TimelineCanvas:
        """The graphics view."""
        return self._canvas

    def mark_items(self, key: str | None = None) -> list[MarkItem]:
        """The mark items (of the mark ``key`` only, e.g. ``"event:lisbon-summit-2010"``)."""
        items = self._scene.mark_items()
        return [i for i in items if i.mark.key == key] if key is not None else items

    def mark_position(self, item: MarkItem) -> QPoint:
        """Where ``item``'s shape is in the viewport (scrolled into view first)."""
        self._canvas.ensureVisible(item, 40, 20)
        return self._canvas.mapFromScene(item.centre())

    def px_per_day(self) -> float:
        """The current scale of the time axis."""
        return self._scene.px_per_day()

    def undated_text(self) -> str:
        """The line listing what the texts do not date."""
        return self._undated.text()

    # --- zoom ---------------------------------------------------------------------------

    def fit(self) -> None:
        """Show the whole time span in the view's width."""
        self._fitted = True
        self._scene.rebuild(self._data, self._fit_scale())
        self._canvas.horizontalScrollBar().setValue(0)
        self._canvas.keep_labels()

    def zoom_by(self, factor: float, view_x: float) -> None:
        """Scale time by ``factor``, keeping the date at viewport x ``view_x`` in place."""
        fit = self._fit_scale()
        current = self._scene.px_per_day()
        wanted = min(max(current * factor, fit), MAX_PX_PER_DAY)
        if abs(wanted - current) < 1e-9:
            return
        scene_x = self._canvas.mapToScene(round(view_x), 0).x()
        days = self._scene.date_at(scene_x)
        self._scene.rebuild(self._data, wanted)
        self._fitted = abs(wanted - fit) < 1e-9
        bar = self._canvas.horizontalScrollBar()
        bar.setValue(round(self._scene.x_of_day_number(days) - view_x))
        self._canvas.keep_labels()

    def _fit_scale(self) -> float:
        span = self._data.first_and_last()
        if span is None:
            return 1.0
        days = (date(span[1].year, 12, 31) - date(span[0].year, 1, 1)).days + 1
        room = self._canvas.viewport().width() - LABEL_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
        return max(room, 200.0) / days

    @Slot(float, float)
    def _on_zoom_requested(self, factor: float, view_x: float) -> None:
        if factor == 0.0:
            self.fit()
        else:
            self.zoom_by(factor, view_x)

    @Slot()
    def _on_viewport_resized(self) -> None:
        if self._fitted:
            self.fit()

    # --- clicks -------------------------------------------------------------------------

    @Slot(object)
    def _on_mark_clicked(self, mark: TimelineMark) -> None:
        if mark.kind == EVENT:
            self.eventActivated.emit(mark.target)
        else:
            self.documentActivated.emit(mark.target)

    # --- export -------------------------------------------------------------------------

    def export_png(self, path: Path, width: int = EXPORT_WIDTH) -> None:
        """Save the whole timeline, ``width`` pixels wide, as PNG."""
        scene, size = self._export_scene(width)
        save_png(path, size, lambda painter, s: self._paint(painter, s, scene))

    def export_svg(self, path: Path, width: int = EXPORT_WIDTH) -> None:
        """Save the whole timeline as SVG."""
        scene, size = self._export_scene(width)
        save_svg(
            path,
            size,
            lambda painter, s: self._paint(painter, s, scene),
            title=self.tr("Events and documents of NATO's partnerships"),
            description=self.tr("Dated events and documents, one lane per framework."),
        )

    def _export_scene(self, width: int) -> tuple[TimelineScene, QSize]:
        scene = TimelineScene()
        span = self._data.first_and_last()
        days = (date(span[1].year, 12, 31) - date(span[0].year, 1, 1)).days + 1 if span else 365
        room = max(width - LABEL_WIDTH - LEFT_MARGIN - RIGHT_MARGIN, 200.0)
        scene.rebuild(self._data, room / days)
        rect = scene.sceneRect()
        return scene, QSize(round(rect.width()), round(rect.height()))

    @staticmethod
    def _paint(painter: QPainter, size: QSize, scene: TimelineScene) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF(0, 0, size.width(), size.height())
        painter.fillRect(target, timeline_colours()["base"])
        scene.render(painter, target, scene.sceneRect())

    @Slot()
    def _ask_png(self) -> None:
        self._ask_export("png", self.tr("PNG image (*.png)"), self.export_png)

    @Slot()
    def _ask_svg(self) -> None:
        self._ask_export("svg", self.tr("SVG image (*.svg)"), self.export_svg)

    def _ask_export(self, suffix: str, filter_text: str, write: Callable[[Path], None]) -> None:
        ask_and_export(
            self, self.tr("Save the timeline"), f"natoapp-timeline.{suffix}", filter_text, write
        )

    # --- texts --------------------------------------------------------------------------

    def _show_undated(self) -> None:
        events = [
            f"{u.name_fr if interface_is_french() else u.name_en}"
            for u in self._data.undated
            if u.kind == EVENT
        ]
        documents = [u.name_fr for u in self._data.undated if u.kind == DOCUMENT]
        parts = []
        if events:
            parts.append(self.tr("events: {names}").format(names="; ".join(events)))
        if documents:
            parts.append(self.tr("documents: {names}").format(names="; ".join(documents)))
        if parts:
            self._undated.setText(
                self.tr("Not on the axis, as the texts give no date — {list}.").format(
                    list=" — ".join(parts)
                )
            )
        else:
            self._undated.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._scene.rebuild(self._data, self._scene.px_per_day())
            self._canvas.keep_labels()
            self._show_undated()
        elif event.type() == QEvent.Type.PaletteChange:
            self._scene.rebuild(self._data, self._scene.px_per_day())
            self._canvas.keep_labels()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = {
            "zoom_in": (self.tr("Zoom in"), self.tr("Zoom in time (wheel, +)")),
            "zoom_out": (self.tr("Zoom out"), self.tr("Zoom out in time (wheel, -)")),
            "fit": (self.tr("All years"), self.tr("Show the whole time span (Ctrl+0)")),
            "png": (self.tr("Save PNG…"), self.tr("Save the whole timeline as a PNG image")),
            "svg": (self.tr("Save SVG…"), self.tr("Save the whole timeline as SVG")),
        }
        for name, (text, tip) in texts.items():
            self._buttons[name].setText(text)
            self._buttons[name].setToolTip(tip)
        self._key.setText(
            self.tr(
                "◆ an event dated to the day; ▬ an event the texts date by month, year or range "
                "of days (the bar covers it); ▯ a document. Hover a mark for the passage that "
                "dates it; click to open it. Wheel or +/- to zoom in time, drag to move."
            )
        )
        self._canvas.setAccessibleName(self.tr("Timeline of events and documents"))

"""The world map: every partner country coloured by the frameworks it is a member of.

A country in several frameworks is striped with each of their colours (a small state drawn
as a dot gets one sector per framework), so every membership stays visible. Countries with
no stated membership are left blank; so are NATO's own members, which the texts never
list. Who is coloured comes from ``Library.members`` through :mod:`natoapp.ui.map_model`.

Hovering a country shows its French and English names and its frameworks with the
passages that state them; a click emits ``countryActivated(code)``. The wheel and
Ctrl+plus/minus zoom, dragging and the arrow keys pan, and the map (with its legend) can
be saved as PNG or SVG.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QConicalGradient,
    QFont,
    QFontMetricsF,
    QGradient,
    QIcon,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natoapp.knowledge.geography import (
    CountryShape,
    GeographyError,
    WorldMap,
    equal_earth,
    inner_point,
    largest_polygon,
    load_world,
)
from natoapp.store.library import Library
from natoapp.store.records import RelationInfo
from natoapp.ui.click_view import ClickableGraphicsView
from natoapp.ui.image_export import ask_and_export, save_png, save_svg
from natoapp.ui.labels import entity_name, relation_label
from natoapp.ui.map_model import MapData, MapFramework, load_map_data
from natoapp.ui.theme import is_dark

SCENE_SCALE = 200.0  # scene units per unit of the Equal Earth plane: the world is ~1080 wide
STRIPE_WIDTH = 2.2  # scene units; about a degree of longitude near the equator
MARKER_RADIUS = 5.0  # pixels: a small state is a dot whatever the zoom
MAX_ZOOM = 40.0  # times the scale that fits the world in the view
ZOOM_STEP = 1.25
QUOTE_LENGTH = 170

COUNTRY_TYPE = 65536 + 1  # QGraphicsItem.UserType + 1


# --- colours ---------------------------------------------------------------------------


def map_colours(palette: QPalette | None = None) -> dict[str, QColor]:
    """Sea, blank land, borders and highlight for the current colour scheme."""
    pal = palette if palette is not None else QApplication.palette()
    if is_dark(pal):
        colours = {"sea": "#18212a", "land": "#3b4046", "border": "#707980", "text": "#e6e6e6"}
    else:
        colours = {"sea": "#dde8f2", "land": "#f7f6f2", "border": "#8e979f", "text": "#1f2328"}
    out = {name: QColor(value) for name, value in colours.items()}
    out["highlight"] = pal.color(QPalette.ColorRole.Highlight)
    return out


def membership_brush(colours: Sequence[QColor], blank: QColor, *, dot: bool = False) -> QBrush:
    """The fill of a country in the frameworks of ``colours`` (blank for none).

    Several colours become diagonal stripes of equal width (``dot``: equal sectors), drawn
    with hard gradient stops so each colour stays pure.
    """
    if not colours:
        return QBrush(blank)
    if len(colours) == 1:
        return QBrush(colours[0])
    count = len(colours)
    gradient: QGradient
    if dot:
        gradient = QConicalGradient(QPointF(0, 0), 90)
    else:
        reach = STRIPE_WIDTH * count / math.sqrt(2)
        gradient = QLinearGradient(QPointF(0, 0), QPointF(reach, reach))
        gradient.setSpread(QGradient.Spread.RepeatSpread)
    for index, colour in enumerate(colours):
        gradient.setColorAt(index / count, colour)
        gradient.setColorAt((index + 1) / count - 1e-4, colour)
    return QBrush(gradient)


def brush_colours(brush: QBrush) -> list[QColor]:
    """The distinct colours a brush paints with, in order (its stops for a gradient)."""
    gradient = brush.gradient()
    if gradient is None:
        return [brush.color()]
    colours: list[QColor] = []
    for _, colour in gradient.stops():
        if colour not in colours:
            colours.append(colour)
    return colours


# --- the scene -------------------------------------------------------------------------


class CountryItem(QGraphicsPathItem):
    """One country's outline (or dot), filled by its memberships."""

    def __init__(self, shape: CountryShape, path: QPainterPath, anchor: QPointF) -> None:
        super().__init__(path)
        self._shape = shape
        self._anchor = anchor
        self._frameworks: tuple[str, ...] = ()
        self._hovered = False
        self._selected = False
        self._border = QPen()
        self.setAcceptHoverEvents(True)
        if shape.point is not None:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self.setPos(anchor)
            self.setZValue(2)

    def type(self) -> int:
        return COUNTRY_TYPE

    @property
    def code(self) -> str:
        """The country's ISO 3166-1 alpha-2 code."""
        return self._shape.code

    @property
    def is_dot(self) -> bool:
        """True for a state too small for a shape, drawn as a dot at its capital."""
        return self._shape.point is not None

    @property
    def frameworks(self) -> tuple[str, ...]:
        """The frameworks whose colours fill the country, in legend order."""
        return self._frameworks

    def anchor(self) -> QPointF:
        """A scene point inside the country: where a click on it lands."""
        return self._anchor

    def set_fill(self, frameworks: tuple[str, ...], brush: QBrush, border: QPen) -> None:
        """Fill with ``brush`` (the colours of ``frameworks``) and outline with ``border``."""
        self._frameworks = frameworks
        self._border = border
        self.setBrush(brush)
        self._update_pen()

    def set_selected_country(self, selected: bool) -> None:
        """Outline the country as the one selected elsewhere in the window."""
        self._selected = selected
        self.setZValue(3 if selected else (2 if self.is_dot else 0))
        self._update_pen()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self._update_pen()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self._update_pen()
        super().hoverLeaveEvent(event)

    def clear_hover(self) -> None:
        """Forget the hover outline (before an export)."""
        self._hovered = False
        self._update_pen()

    def _update_pen(self) -> None:
        if self._hovered or self._selected:
            pen = QPen(map_colours()["highlight"], 2.5 if self._selected else 2.0)
            pen.setCosmetic(True)
            self.setPen(pen)
        else:
            self.setPen(self._border)


def build_country_items(world: WorldMap) -> list[CountryItem]:
    """One item per country of ``world``, in scene coordinates (y grows southwards)."""
    items = []
    for shape in world.countries:
        if shape.point is not None:
            x, y = equal_earth(*shape.point)
            path = QPainterPath()
            path.addEllipse(QPointF(0, 0), MARKER_RADIUS, MARKER_RADIUS)
            items.append(CountryItem(shape, path, QPointF(x * SCENE_SCALE, -y * SCENE_SCALE)))
            continue
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)  # holes (Lesotho in South Africa) stay open
        for polygon in shape.polygons:
            for ring in polygon:
                projected = [equal_earth(lon, lat) for lon, lat in ring]
                path.moveTo(projected[0][0] * SCENE_SCALE, -projected[0][1] * SCENE_SCALE)
                for x, y in projected[1:]:
                    path.lineTo(x * SCENE_SCALE, -y * SCENE_SCALE)
                path.closeSubpath()
        largest = largest_polygon(shape)
        assert largest is not None  # a shape without a point has polygons
        inside = inner_point(tuple(tuple(equal_earth(*p) for p in ring) for ring in largest))
        anchor = QPointF(inside[0] * SCENE_SCALE, -inside[1] * SCENE_SCALE)
        items.append(CountryItem(shape, path, anchor))
    return items


def map_rect(items: Sequence[CountryItem]) -> QRectF:
    """The scene rectangle the countries cover, with a small margin of sea."""
    rect = QRectF()
    for item in items:
        if item.is_dot:
            rect = rect.united(QRectF(item.anchor(), QSizeF(0, 0)))
        else:
            rect = rect.united(item.sceneBoundingRect())
    if rect.isEmpty():
        left, _ = equal_earth(-180, 0)
        _, top = equal_earth(0, 90)
        rect = QRectF(left, -top, -2 * left, 2 * top)
        rect = QRectF(rect.topLeft() * SCENE_SCALE, rect.bottomRight() * SCENE_SCALE)
    return rect.adjusted(-10, -10, 10, 10)


def country_tooltip(code: str, data: MapData, fallback_name: str) -> str:
    """Rich text: the country's French and English names, then its frameworks with sources."""
    country = data.countries.get(code)
    if country is None:
        return f"<b>{html.escape(fallback_name)}</b> ({html.escape(code)})"
    entity = country.entity
    names = [entity.name_fr, entity.name_en]
    title = " · ".join(html.escape(n) for n in dict.fromkeys(n for n in names if n))
    lines = [f"<b>{title}</b> ({html.escape(code)})"]
    if not country.memberships:
        lines.append(
            html.escape(
                QCoreApplication.translate(
                    "MapView", "No framework membership stated in the texts."
                )
            )
        )
    for heading, relations in (
        (QCoreApplication.translate("MapView", "Member of"), country.memberships),
        (QCoreApplication.translate("MapView", "Not a member"), country.other_relations),
    ):
        if not relations:
            continue
        lines.append(f"<br><u>{html.escape(heading)}</u>")
        for relation in relations:
            lines.append(_relation_line(relation, data))
    body = "<br>".join(lines)
    return f"<table width='440'><tr><td>{body}</td></tr></table>"


def _relation_line(relation: RelationInfo, data: MapData) -> str:
    framework = data.framework(relation.object)
    name = entity_name(framework.entity) if framework is not None else relation.object
    swatch = ""
    if framework is not None and framework.colour and relation.kind == "member":
        swatch = f"<span style='color:{framework.colour}'>■</span> "
    label = name
    if relation.kind != "member":
        label = f"{relation_label(relation.kind, as_subject=True)} {name}"
    line = f"{swatch}<b>{html.escape(label)}</b>"
    for evidence in relation.evidence[:1]:
        quote = _shorten(evidence.quote)
        line += f"<br>« {html.escape(quote)} »<br><i>— {html.escape(data.reference(evidence))}</i>"
    return line


def _shorten(text: str, limit: int = QUOTE_LENGTH) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " […]"


# --- the view --------------------------------------------------------------------------


class MapCanvas(ClickableGraphicsView):
    """The map's view: wheel and keys zoom, drag and arrows pan, a click picks a country."""

    countryClicked = Signal(str)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._fitted = True
        self._world_rect = QRectF(-500, -300, 1000, 600)

    def set_world_rect(self, rect: QRectF) -> None:
        """The scene rectangle "the whole world" means, then show it."""
        self._world_rect = QRectF(rect)
        self.setSceneRect(rect)
        self.fit()

    def zoom_level(self) -> float:
        """The current scale over the scale that fits the world (1.0 when fitted)."""
        return self.transform().m11() / max(self._fit_scale(), 1e-9)

    def fit(self) -> None:
        """Show the whole world."""
        self.resetTransform()
        self.fitInView(self._world_rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    def zoom_by(self, factor: float, *, under_mouse: bool = False) -> None:
        """Zoom by ``factor``, kept between the fitted world and :data:`MAX_ZOOM` times it."""
        current = self.zoom_level()
        wanted = min(max(current * factor, 1.0), MAX_ZOOM)
        if math.isclose(wanted, current):
            return
        anchor = (
            QGraphicsView.ViewportAnchor.AnchorUnderMouse
            if under_mouse
            else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        self.setTransformationAnchor(anchor)
        self.scale(wanted / current, wanted / current)
        self._fitted = math.isclose(wanted, 1.0)

    def pan_by(self, dx: int, dy: int) -> None:
        """Move the map by ``dx``, ``dy`` pixels."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def _fit_scale(self) -> float:
        rect = self._world_rect
        view = self.viewport().rect()
        return min(view.width() / rect.width(), view.height() / rect.height())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps, under_mouse=True)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        step = max(self.viewport().width(), self.viewport().height()) // 10
        moves = {
            Qt.Key.Key_Left: (-step, 0),
            Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step),
            Qt.Key.Key_Down: (0, step),
        }
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0 and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.fit()
        elif key in moves:
            self.pan_by(*moves[key])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def clicked_at(self, pos: QPoint) -> None:
        item = self.country_at(pos)
        if item is not None:
            self.countryClicked.emit(item.code)

    def country_at(self, pos: QPoint) -> CountryItem | None:
        """The country under the viewport position ``pos`` (dots first), or None."""
        found = [item for item in self.items(pos) if isinstance(item, CountryItem)]
        if found and found[0].is_dot:
            return found[0]
        # Outlines overlap by a pen's width: prefer the country whose fill holds the point.
        scene_pos = self.mapToScene(pos)
        for item in found:
            if item.path().contains(item.mapFromScene(scene_pos)):
                return item
        return found[0] if found else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()


class MapLegend(QWidget):
    """The frameworks and their colours, each with a box to show or hide it, and notes."""

    shownChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._boxes: dict[str, QCheckBox] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._title = QLabel(self)
        self._title.setStyleSheet("font-weight: bold")
        self._entries = QVBoxLayout()
        self._notes = QLabel(self)
        self._notes.setWordWrap(True)
        self._notes.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self._title)
        self._layout.addLayout(self._entries)
        self._layout.addSpacing(8)
        self._layout.addWidget(self._notes)
        self._layout.addStretch(1)

    def set_frameworks(self, frameworks: Sequence[MapFramework]) -> None:
        """List ``frameworks``: a box for each coloured one, a plain line for the others."""
        while self._entries.count():
            entry = self._entries.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()
        self._boxes.clear()
        for framework in frameworks:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(16 * framework.depth, 0, 0, 0)
            name = entity_name(framework.entity)
            if framework.colour is not None:
                box = QCheckBox(row)
                box.setChecked(True)
                box.setIcon(swatch_icon(QColor(framework.colour)))
                box.setAccessibleName(name)
                box.toggled.connect(self.shownChanged)
                self._boxes[framework.id] = box
                label = _ToggleLabel(f"{name} ({len(framework.members)})", box, row)
                line.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            else:
                label = _ToggleLabel(
                    self.tr("{name}: no member named in the texts").format(name=name), None, row
                )
                label.setEnabled(False)
            line.addWidget(label, 1)
            self._entries.addWidget(row)

    def shown(self) -> set[str]:
        """The frameworks whose colours are shown."""
        return {fid for fid, box in self._boxes.items() if box.isChecked()}

    def set_shown(self, framework_id: str, shown: bool) -> None:
        """Show or hide one framework's colour."""
        box = self._boxes.get(framework_id)
        if box is not None:
            box.setChecked(shown)

    def set_texts(self, title: str, notes: str) -> None:
        """The legend's heading and its notes."""
        self._title.setText(title)
        self._notes.setText(notes)


class _ToggleLabel(QLabel):
    """A legend line's text, which toggles its check box when clicked, and wraps."""

    def __init__(self, text: str, box: QCheckBox | None, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._box is not None and event.button() == Qt.MouseButton.LeftButton:
            self._box.toggle()
            event.accept()
            return
        super().mousePressEvent(event)


def swatch_icon(colour: QColor, size: int = 14) -> QIcon:
    """A square of ``colour`` with a thin outline."""
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    painter = QPainter(pixmap)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class MapView(QWidget):
    """The map with its tools and legend; ``countryActivated(code)`` on a click."""

    countryActivated = Signal(str)

    def __init__(
        self,
        library: Library | None = None,
        parent: QWidget | None = None,
        *,
        world_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._data = MapData()
        self._world: WorldMap | None = None
        self._world_rect = QRectF()
        self._items: dict[str, CountryItem] = {}
        self._selected = ""
        self._scene = QGraphicsScene(self)
        self._canvas = MapCanvas(self._scene, self)
        self._canvas.countryClicked.connect(self.countryActivated)
        self._legend = MapLegend(self)
        self._legend.shownChanged.connect(self._recolour)
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.hide()
        self._buttons: dict[str, QToolButton] = {}
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for name, slot in (
            ("zoom_in", lambda: self._canvas.zoom_by(ZOOM_STEP)),
            ("zoom_out", lambda: self._canvas.zoom_by(1 / ZOOM_STEP)),
            ("fit", self._canvas.fit),
            ("png", self._ask_png),
            ("svg", self._ask_svg),
        ):
            button = QToolButton(self)
            button.clicked.connect(slot)
            self._buttons[name] = button
            tools.addWidget(button)
        tools.addStretch(1)
        legend_area = QScrollArea(self)
        legend_area.setWidget(self._legend)
        legend_area.setWidgetResizable(True)
        legend_area.setFixedWidth(270)
        legend_area.setFrameShape(QScrollArea.Shape.NoFrame)
        legend_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QHBoxLayout()
        body.addWidget(self._canvas, 1)
        body.addWidget(legend_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(tools)
        layout.addWidget(self._message)
        layout.addLayout(body, 1)
        self.setFocusProxy(self._canvas)
        self._load_world(world_path)
        self._retranslate()
        if library is not None:
            self.set_data(load_map_data(library))

    # --- data ---------------------------------------------------------------------------

    def _load_world(self, world_path: Path | None) -> None:
        try:
            self._world = load_world(world_path)
        except GeographyError as exc:
            self._show_message(self.tr("The map cannot be drawn: {reason}").format(reason=str(exc)))
            return
        self._scene.setBackgroundBrush(map_colours()["sea"])
        items = build_country_items(self._world)
        for item in items:
            self._scene.addItem(item)
            self._items[item.code] = item
        self._world_rect = map_rect(items)
        self._scene.setSceneRect(self._world_rect)
        self._canvas.set_world_rect(self._world_rect)

    def load(self, library: Library) -> None:
        """Read what to show from ``library`` (on this thread) and show it."""
        self.set_data(load_map_data(library))

    def set_data(self, data: MapData) -> None:
        """Show ``data`` (from :func:`natoapp.ui.map_model.read_map_data` on a worker)."""
        self._data = data
        self._legend.set_frameworks(data.frameworks)
        self._recolour()
        missing = sorted(
            code
            for f in data.frameworks
            for code in f.members
            if self._world is not None and code not in self._items
        )
        if missing and self._world is not None:
            self._show_message(
                self.tr("Not on the map: {codes}").format(codes=", ".join(dict.fromkeys(missing)))
            )

    def data(self) -> MapData:
        """What the map shows."""
        return self._data

    # --- queries (for the window and the tests) ------------------------------------------

    def canvas(self) -> MapCanvas:
        """The graphics view."""
        return self._canvas

    def legend(self) -> MapLegend:
        """The legend."""
        return self._legend

    def country_item(self, code: str) -> CountryItem | None:
        """The item drawing the country ``code``, or None when the map has no shape for it."""
        return self._items.get(code.upper())

    def country_items(self) -> list[CountryItem]:
        """Every country item."""
        return list(self._items.values())

    def country_position(self, code: str) -> QPoint | None:
        """Where country ``code`` is in the view's viewport, or None when not drawn."""
        item = self.country_item(code)
        return self._canvas.mapFromScene(item.anchor()) if item is not None else None

    def framework_colour(self, framework_id: str) -> QColor | None:
        """The colour of a framework, or None when it has no member."""
        framework = self._data.framework(framework_id)
        return QColor(framework.colour) if framework and framework.colour else None

    def message(self) -> str:
        """The one-line message shown above the map ("" when none)."""
        return self._message.text() if not self._message.isHidden() else ""

    # --- actions ----------------------------------------------------------------------

    def set_framework_shown(self, framework_id: str, shown: bool) -> None:
        """Show or hide one framework's colour on the map."""
        self._legend.set_shown(framework_id, shown)

    def select_country(self, code: str) -> None:
        """Outline ``code`` as the selected country ("" to clear)."""
        previous = self._items.get(self._selected)
        if previous is not None:
            previous.set_selected_country(False)
        self._selected = code.upper()
        item = self._items.get(self._selected)
        if item is not None:
            item.set_selected_country(True)

    def centre_on(self, code: str) -> None:
        """Scroll the map so country ``code`` is in the middle."""
        item = self.country_item(code)
        if item is not None:
            self._canvas.centerOn(item.anchor())

    def export_png(self, path: Path, width: int = 2400) -> None:
        """Save the whole map with its legend as a PNG ``width`` pixels wide."""
        save_png(path, self._export_size(width), self._paint_export)

    def export_svg(self, path: Path, width: int = 1200) -> None:
        """Save the whole map with its legend as SVG."""
        save_svg(
            path,
            self._export_size(width),
            self._paint_export,
            title=self.tr("Partnership frameworks of NATO"),
            description=self.tr("Country shapes: Natural Earth (public domain)."),
        )

    def _legend_lines(self) -> tuple[list[tuple[QColor, str, int]], list[str]]:
        shown = self._legend.shown()
        entries = [
            (QColor(f.colour), f"{entity_name(f.entity)} ({len(f.members)})", f.depth)
            for f in self._data.frameworks
            if f.colour is not None and f.id in shown
        ]
        return entries, self._export_notes()

    def _export_size(self, width: int) -> QSize:
        rect = self._world_rect
        entries, notes = self._legend_lines()
        band = legend_height(len(entries) + len(notes), legend_font(width))
        return QSize(width, round(width * rect.height() / rect.width() + band))

    # --- drawing ----------------------------------------------------------------------

    @Slot()
    def _recolour(self) -> None:
        colours = map_colours()
        shown = self._legend.shown()
        border = QPen(colours["border"], 0.6)
        border.setCosmetic(True)
        for code, item in self._items.items():
            frameworks = tuple(
                fid
                for fid in dict.fromkeys(self._data.frameworks_of(code))
                if fid in shown and self.framework_colour(fid) is not None
            )
            palette = [c for c in (self.framework_colour(f) for f in frameworks) if c is not None]
            brush = membership_brush(palette, colours["land"], dot=item.is_dot)
            item.set_fill(frameworks, brush, border)
            shape = self._world.get(code) if self._world else None
            item.setToolTip(country_tooltip(code, self._data, shape.name if shape else code))
        self._scene.setBackgroundBrush(colours["sea"])

    def _paint_export(self, painter: QPainter, size: QSize) -> None:
        for item in self._items.values():
            item.clear_hover()
        rect = self._world_rect
        map_height = size.width() * rect.height() / rect.width()
        target = QRectF(0, 0, size.width(), map_height)
        painter.fillRect(target, map_colours()["sea"])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._scene.render(painter, target, rect)
        entries, notes = self._legend_lines()
        band = QRectF(0, map_height, size.width(), size.height() - map_height)
        paint_legend(painter, band, entries, notes, legend_font(size.width()))

    def _export_notes(self) -> list[str]:
        return [
            self.tr("Stripes: member of several frameworks. Blank: no membership stated."),
            self.tr("NATO member countries are not shaded: the texts do not list them."),
            self.tr("Shapes: Natural Earth (public domain)."),
        ]

    # --- exports through dialogs --------------------------------------------------------

    @Slot()
    def _ask_png(self) -> None:
        self._ask_export("png", self.tr("PNG image (*.png)"), self.export_png)

    @Slot()
    def _ask_svg(self) -> None:
        self._ask_export("svg", self.tr("SVG image (*.svg)"), self.export_svg)

    def _ask_export(self, suffix: str, filter_text: str, write: Callable[[Path], None]) -> None:
        ask_and_export(self, self.tr("Save the map"), f"natoapp-map.{suffix}", filter_text, write)

    # --- language and colour scheme -------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self._message.setText(text)
        self._message.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.set_data(self._data)
        elif event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = {
            "zoom_in": (self.tr("Zoom in"), self.tr("Zoom in (wheel, Ctrl++)")),
            "zoom_out": (self.tr("Zoom out"), self.tr("Zoom out (wheel, Ctrl+-)")),
            "fit": (self.tr("Whole world"), self.tr("Show the whole world (Ctrl+0)")),
            "png": (self.tr("Save PNG…"), self.tr("Save the map and its legend as a PNG image")),
            "svg": (self.tr("Save SVG…"), self.tr("Save the map and its legend as SVG")),
        }
        for name, (text, tip) in texts.items():
            self._buttons[name].setText(text)
            self._buttons[name].setToolTip(tip)
        self._legend.set_texts(
            self.tr("Partnership frameworks"),
            "\n".join(
                [
                    self.tr(
                        "Each partner country is coloured by the frameworks the texts make it "
                        "a member of; stripes (or a dot's sectors) show each of them."
                    ),
                    self.tr("Blank: no membership stated in the texts."),
                    self.tr("NATO member countries are not shaded: the texts do not list them."),
                    self.tr("Small states are drawn as dots."),
                    self.tr(
                        "Click a country to open it. Scroll or Ctrl+plus/minus to zoom, "
                        "drag or use the arrow keys to move."
                    ),
                    self.tr("Shapes: Natural Earth (public domain)."),
                ]
            ),
        )
        self._canvas.setAccessibleName(self.tr("World map of the partnership frameworks"))


def legend_font(width: int) -> QFont:
    """The font of an exported legend, sized to the image's width."""
    font = QFont(QApplication.font())
    font.setPixelSize(max(12, width // 110))
    return font


def legend_height(lines: int, font: QFont) -> float:
    """The height of a legend band of ``lines`` lines in ``font``."""
    line = QFontMetricsF(font).height() * 1.35
    return line * (lines + 1)


def paint_legend(
    painter: QPainter,
    band: QRectF,
    entries: Sequence[tuple[QColor, str, int]],
    notes: Sequence[str],
    font: QFont,
) -> None:
    """Fill ``band`` and draw the swatches with their names, then the notes, one a line."""
    colours = map_colours()
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line = metrics.height() * 1.35
    swatch = metrics.height() * 0.8
    painter.fillRect(band, colours["land"])
    painter.setPen(QPen(colours["border"], 1))
    painter.drawLine(band.topLeft(), band.topRight())
    y = band.top() + line / 2
    left = band.left() + line
    flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    for colour, text, depth in entries:
        x = left + swatch * 1.5 * depth
        painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
        painter.setBrush(colour)
        painter.drawRect(QRectF(x, y + (line - swatch) / 2, swatch, swatch))
        painter.setPen(colours["text"])
        painter.drawText(QRectF(x + swatch * 1.6, y, band.right() - x, line), flags, text)
        y += line
    painter.setPen(colours["text"])
    for note in notes:
        painter.drawText(QRectF(left, y, band.right() - left, line), flags, note)
        y += line
    painter.restore()

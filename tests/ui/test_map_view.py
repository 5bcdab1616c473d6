"""The world map: colours from the knowledge layer, clicks, hover, zoom, pan and exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from natoapp.store.library import Library
from natoapp.ui.image_export import ExportError
from natoapp.ui.map_view import (
    MapView,
    brush_colours,
    map_colours,
    membership_brush,
)


@pytest.fixture
def view(qtbot: QtBot, library: Library) -> MapView:
    widget = MapView(library)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def coloured_by(view: MapView, colour: QColor) -> set[str]:
    return {item.code for item in view.country_items() if colour in brush_colours(item.brush())}


def test_a_frameworks_members_are_exactly_the_countries_in_its_colour(
    view: MapView, library: Library
) -> None:
    frameworks = library.entities("framework")
    coloured = 0
    for framework in frameworks:
        members = {r.subject for r in library.members(framework.id)}
        colour = view.framework_colour(framework.id)
        if not members:
            assert colour is None  # nothing to colour, and no colour used for it
            continue
        assert colour is not None
        assert coloured_by(view, colour) == members, framework.id
        coloured += 1
    assert coloured >= 5
    colours = [view.framework_colour(f.id) for f in frameworks]
    distinct = {c.name() for c in colours if c is not None}
    assert len(distinct) == coloured  # each framework its own colour
    assert map_colours()["land"].name() not in distinct


def test_countries_in_no_framework_are_blank(view: MapView, library: Library) -> None:
    members = {r.subject for f in library.entities("framework") for r in library.members(f.id)}
    blank = map_colours()["land"]
    for item in view.country_items():
        if item.code in members:
            assert item.frameworks, item.code
        else:
            assert brush_colours(item.brush()) == [blank], item.code
    # Intending to join is not membership: Saudi Arabia and Oman stay blank.
    assert view.country_item("SA").frameworks == ()
    assert view.country_item("OM").frameworks == ()


def test_a_country_in_several_frameworks_shows_each_colour(view: MapView, library: Library) -> None:
    georgia = view.country_item("GE")
    frameworks = {r.object for r in library.country_relations("GE") if r.kind == "member"}
    assert len(frameworks) >= 2
    assert set(georgia.frameworks) == frameworks
    expected = {view.framework_colour(f).name() for f in frameworks}
    assert {c.name() for c in brush_colours(georgia.brush())} == expected
    assert georgia.brush().style() == Qt.BrushStyle.LinearGradientPattern


def test_a_small_state_is_a_dot_in_its_frameworks_colour(view: MapView) -> None:
    bahrain = view.country_item("BH")
    assert bahrain.is_dot
    ici = view.framework_colour("istanbul-cooperation-initiative")
    assert brush_colours(bahrain.brush()) == [ici]


def test_hiding_a_framework_takes_its_colour_off_the_map(view: MapView) -> None:
    colour = view.framework_colour("mediterranean-dialogue")
    assert coloured_by(view, colour)
    view.set_framework_shown("mediterranean-dialogue", False)
    assert coloured_by(view, colour) == set()
    assert "mediterranean-dialogue" not in view.country_item("JO").frameworks
    view.set_framework_shown("mediterranean-dialogue", True)
    assert "JO" in coloured_by(view, colour)


def test_clicking_a_country_emits_its_code(qtbot: QtBot, view: MapView) -> None:
    for code in ("KW", "BH", "RU"):
        position = view.country_position(code)
        assert view.canvas().viewport().rect().contains(position)
        with qtbot.waitSignal(view.countryActivated) as signal:
            qtbot.mouseClick(view.canvas().viewport(), Qt.MouseButton.LeftButton, pos=position)
        assert signal.args == [code]


def test_clicking_the_sea_emits_nothing(qtbot: QtBot, view: MapView) -> None:
    sea = view.canvas().mapFromScene(QPointF(-400, 150))  # the South Pacific
    assert view.canvas().country_at(sea) is None
    with qtbot.assertNotEmitted(view.countryActivated):
        qtbot.mouseClick(view.canvas().viewport(), Qt.MouseButton.LeftButton, pos=sea)


def test_a_drag_pans_and_selects_nothing(qtbot: QtBot, view: MapView) -> None:
    view.canvas().zoom_by(4)
    viewport = view.canvas().viewport()
    start = view.canvas().mapToScene(viewport.rect().center())
    with qtbot.assertNotEmitted(view.countryActivated):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
        qtbot.mouseMove(viewport, QPoint(420, 260))
        qtbot.mouseMove(viewport, QPoint(380, 240))
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(380, 240))
    assert view.canvas().mapToScene(viewport.rect().center()) != start


def test_tooltip_gives_both_names_frameworks_and_the_passage(view: MapView) -> None:
    tip = view.country_item("KW").toolTip()
    assert "Koweït" in tip and "Kuwait" in tip
    assert "Istanbul Cooperation Initiative" in tip
    assert "003_cac1df43d34c3008.txt" in tip and "passage 1" in tip
    saudi = view.country_item("SA").toolTip()
    assert "Arabie saoudite" in saudi and "Saudi Arabia" in saudi
    assert "No framework membership" in saudi and "Intends to join" in saudi


def test_legend_lists_the_frameworks_and_says_nato_members_are_not_shaded(
    view: MapView,
) -> None:
    legend = view.legend()
    assert legend.shown() == {f.id for f in view.data().frameworks if f.colour}
    texts = " ".join(label.text() for label in legend.findChildren(QLabel))
    assert "Mediterranean Dialogue (7)" in texts
    assert "Open door policy: no member named in the texts" in texts
    assert "NATO member countries are not shaded" in texts


def test_wheel_and_keys_zoom_and_arrows_pan(qtbot: QtBot, view: MapView) -> None:
    canvas = view.canvas()
    assert canvas.zoom_level() == pytest.approx(1.0, abs=0.02)
    centre = QPointF(canvas.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        canvas.viewport().mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    canvas.wheelEvent(wheel)
    assert canvas.zoom_level() == pytest.approx(1.25**2, rel=0.02)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_level() == pytest.approx(1.25**3, rel=0.02)
    before = canvas.mapToScene(canvas.viewport().rect().center())
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.mapToScene(canvas.viewport().rect().center()).x() > before.x()
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_level() == pytest.approx(1.25**2, rel=0.02)
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_level() == pytest.approx(1.0, abs=0.02)
    for _ in range(5):  # never smaller than the whole world
        qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_level() == pytest.approx(1.0, abs=0.02)


def test_selecting_a_country_outlines_it(view: MapView) -> None:
    item = view.country_item("QA")
    before = item.pen().widthF()
    view.select_country("QA")
    assert item.pen().widthF() > before
    view.select_country("")
    assert item.pen().widthF() == before


def test_png_export_is_a_picture_of_the_whole_map(view: MapView, tmp_path: Path) -> None:
    path = tmp_path / "map.png"
    view.export_png(path, width=1200)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert image.width() == 1200 and image.height() > 500
    # Inside Russia, the picture shows one of its frameworks' colours.
    rect = view._world_rect
    anchor = view.country_item("RU").anchor()
    x = round((anchor.x() - rect.left()) / rect.width() * 1200)
    y = round((anchor.y() - rect.top()) / rect.width() * 1200)
    russia = {view.framework_colour(f).name() for f in view.country_item("RU").frameworks}
    assert image.pixelColor(x, y).name() in russia


def test_svg_export_is_valid_svg_with_the_countries(view: MapView, tmp_path: Path) -> None:
    path = tmp_path / "map.svg"
    view.export_svg(path)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    namespace = {"svg": "http://www.w3.org/2000/svg"}
    assert len(root.findall(".//svg:path", namespace)) > 150
    text = path.read_text(encoding="utf-8")
    assert "Natural Earth" in text
    assert view.framework_colour("mediterranean-dialogue").name() in text


def test_export_to_a_missing_folder_is_a_one_line_error(view: MapView, tmp_path: Path) -> None:
    for write in (view.export_png, view.export_svg):
        with pytest.raises(ExportError) as caught:
            write(tmp_path / "no such folder" / "map.img")
        assert "no such folder" in str(caught.value) and "\n" not in str(caught.value)


def test_a_broken_map_file_is_a_message_not_a_crash(
    qtbot, library: Library, tmp_path: Path
) -> None:
    broken = tmp_path / "world.geojson"
    broken.write_text("{ not json", encoding="utf-8")
    widget = MapView(library, world_path=broken)
    qtbot.addWidget(widget)
    assert widget.message().startswith("The map cannot be drawn: map file")
    assert widget.country_items() == []
    assert widget.legend().shown()  # the legend still lists the frameworks


def test_membership_brush_keeps_every_colour_pure() -> None:
    blank = QColor("#ffffff")
    colours = [QColor("#ff0000"), QColor("#00ff00"), QColor("#0000ff")]
    assert brush_colours(membership_brush([], blank)) == [blank]
    assert brush_colours(membership_brush(colours[:1], blank)) == colours[:1]
    for dot in (False, True):
        brush = membership_brush(colours, blank, dot=dot)
        assert brush_colours(brush) == colours
        stops = brush.gradient().stops()
        # Hard stops: each colour starts where the one before it ends.
        assert all(colour in colours for _, colour in stops)
    assert brush_colours(QBrush(QColor("#123456"))) == [QColor("#123456")]

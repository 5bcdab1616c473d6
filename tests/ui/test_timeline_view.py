"""The timeline: lanes from the knowledge layer, citations, clicks, zoom in time and exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from pytestqt.qtbot import QtBot

from natoapp.store.library import Library
from natoapp.ui.image_export import ExportError
from natoapp.ui.timeline_model import GENERAL, load_timeline_data
from natoapp.ui.timeline_view import TimelineView


@pytest.fixture
def view(qtbot: QtBot, library: Library) -> TimelineView:
    widget = TimelineView(library)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def wheel(view: TimelineView, x: float, notches: int) -> None:
    viewport = view.canvas().viewport()
    at = QPointF(x, 100)
    view.canvas().wheelEvent(
        QWheelEvent(
            at,
            viewport.mapToGlobal(at),
            QPoint(0, 0),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
    )


def test_clicking_an_event_mark_opens_the_event(qtbot: QtBot, view: TimelineView) -> None:
    items = view.mark_items("event:istanbul-summit-2004")
    assert items
    position = view.mark_position(items[0])
    with qtbot.waitSignal(view.eventActivated) as signal:
        qtbot.mouseClick(view.canvas().viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert signal.args == ["istanbul-summit-2004"]


def test_clicking_a_document_mark_opens_the_document(qtbot: QtBot, view: TimelineView) -> None:
    item = view.mark_items("document:003_cac1df43d34c3008")[0]
    position = view.mark_position(item)
    with (
        qtbot.assertNotEmitted(view.eventActivated),
        qtbot.waitSignal(view.documentActivated) as signal,
    ):
        qtbot.mouseClick(view.canvas().viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert signal.args == ["003_cac1df43d34c3008"]


def test_clicking_empty_time_opens_nothing(qtbot: QtBot, view: TimelineView) -> None:
    empty = view.canvas().mapFromScene(QPointF(view._scene.x_of(date(2007, 6, 1)), 80))
    assert view.canvas().mark_at(empty) is None
    with (
        qtbot.assertNotEmitted(view.eventActivated),
        qtbot.assertNotEmitted(view.documentActivated),
    ):
        qtbot.mouseClick(view.canvas().viewport(), Qt.MouseButton.LeftButton, pos=empty)


def test_marks_sit_in_the_lanes_of_the_frameworks_they_name(view: TimelineView) -> None:
    lanes = {item.lane for item in view.mark_items("event:istanbul-summit-2004")}
    # The summit's passage names both frameworks it made and launched.
    assert lanes == {"mediterranean-dialogue", "istanbul-cooperation-initiative"}
    kuwait = {
        item.lane for item in view.mark_items("event:kuwait-regional-office-inauguration-2017")
    }
    assert kuwait == {"istanbul-cooperation-initiative"}
    # An event whose passage names no framework goes to the general lane.
    assert {item.lane for item in view.mark_items("event:lisbon-summit-2010")} == {GENERAL}
    lane_ids = [lane.id for lane in view.data().lanes]
    assert lane_ids[-1] == GENERAL and "partnership-for-peace" in lane_ids


def test_every_event_with_a_date_is_on_the_axis_and_the_others_are_listed(
    view: TimelineView, library: Library
) -> None:
    placed = {item.mark.target for item in view.mark_items() if item.mark.kind == "event"}
    for event in library.entities("event"):
        if event.date:
            assert event.id in placed, event.id
        else:
            assert event.id not in placed
            assert event.name_en in view.undated_text()
    # The one undated document is named too, not guessed onto the axis.
    assert "Partenariats : une approche coopérative de la sécurité" in view.undated_text()
    assert "document:001_9ae11caa2999d0e2" not in {i.mark.key for i in view.mark_items()}


def test_marks_are_where_their_dates_are(view: TimelineView) -> None:
    scene = view._scene
    summit = view.mark_items("event:istanbul-summit-2004")[0]
    assert summit.centre().x() == pytest.approx(scene.x_of(date(2004, 6, 29)), abs=1)
    # A year-dated event is a bar over the whole year: no invented day.
    operation = view.mark_items("event:operation-unified-protector")[0]
    bar = operation.mapRectToScene(operation.path().boundingRect())
    assert bar.left() == pytest.approx(scene.x_of(date(2011, 1, 1)), abs=1)
    assert bar.right() == pytest.approx(scene.x_of(date(2012, 1, 1)), abs=1)


def test_tooltips_cite_the_passage_that_dates_each_mark(view: TimelineView) -> None:
    tip = view.mark_items("event:kuwait-regional-office-inauguration-2017")[0].toolTip()
    assert "2017-01-24" in tip and "le 24 janvier" in tip
    assert "passage 3" in tip and "003_cac1df43d34c3008.txt" in tip
    chicago = view.mark_items("document:002_af67e7122fc495c4")[0].toolTip()
    assert "updated 2012-06-04 17:06" in chicago and "002_af67e7122fc495c4.txt" in chicago


def test_wheel_zooms_in_time_around_the_pointer(view: TimelineView) -> None:
    scene = view._scene
    fitted = view.px_per_day()
    x = 700.0
    before = scene.date_at(view.canvas().mapToScene(round(x), 0).x())
    wheel(view, x, 3)
    assert view.px_per_day() == pytest.approx(fitted * 1.25**3, rel=1e-6)
    after = scene.date_at(view.canvas().mapToScene(round(x), 0).x())
    assert after == pytest.approx(before, abs=2 / view.px_per_day() + 1)
    wheel(view, x, -10)  # never smaller than the whole span
    assert view.px_per_day() == pytest.approx(fitted)
    wheel(view, x, 100)  # nor past the largest scale
    assert view.px_per_day() <= 40


def test_keys_zoom_and_the_lane_names_stay_in_view(qtbot: QtBot, view: TimelineView) -> None:
    canvas = view.canvas()
    fitted = view.px_per_day()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert view.px_per_day() > fitted
    for _ in range(12):
        qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().maximum())
    assert canvas.horizontalScrollBar().value() > 0
    left_edge = canvas.mapToScene(0, 0).x()
    assert all(item.x() >= left_edge - 1 for item in view._scene.label_column())
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.px_per_day() == pytest.approx(fitted)


def test_png_and_svg_exports_hold_the_whole_timeline(view: TimelineView, tmp_path: Path) -> None:
    view.zoom_by(10, 600)  # the on-screen zoom does not limit what is saved
    png = tmp_path / "timeline.png"
    view.export_png(png, width=1500)
    image = QImage(str(png))
    assert image.width() >= 1500 and image.height() > 200
    svg = tmp_path / "timeline.svg"
    view.export_svg(svg)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "Istanbul Summit" in text and "2004" in text and "2017" in text
    with pytest.raises(ExportError):
        view.export_png(tmp_path / "missing" / "t.png")


def test_a_library_with_nothing_dated_shows_an_empty_axis(qtbot: QtBot) -> None:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    assert widget.mark_items() == []
    widget.zoom_by(2, 100)
    widget.fit()


def test_timeline_data_orders_marks_by_date(library: Library) -> None:
    data = load_timeline_data(library)
    starts = [m.span.start for m in data.marks]
    assert starts == sorted(starts)
    assert data.first_and_last() == (date(2004, 6, 29), date(2017, 12, 6))

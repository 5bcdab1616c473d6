"""The country × framework grid: filled cells are exactly the stated relations."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from natoapp.ui.detail_pane import DetailPane
from natoapp.ui.grid import LOCATION_ROLE, GridModel, GridView, build_grid
from natoapp.ui.history import Location
from natoapp.ui.labels import entity_name
from natoapp.ui.overview import load_overview

ICI = "istanbul-cooperation-initiative"


@pytest.fixture(scope="module")
def overview(library_path):
    return load_overview(library_path)


@pytest.fixture
def model(qapp, overview):
    QLocale.setDefault(QLocale(QLocale.Language.English))
    model = GridModel()
    model.set_grid(build_grid(overview))
    return model


def _column(model: GridModel, key: str) -> int:
    return next(i for i, c in enumerate(model.grid().columns) if c.key == key)


def _row(model: GridModel, entity_id: str) -> int:
    return next(i for i, e in enumerate(model.grid().rows) if e.id == entity_id)


def test_the_model_passes_qt_model_checks(qtmodeltester, model):
    qtmodeltester.check(model)


def test_rows_are_countries_and_columns_start_with_frameworks(model, library):
    grid = model.grid()
    assert all(row.kind == "country" for row in grid.rows)
    frameworks = {f.id for f in library.entities("framework")}
    framework_columns = [c.entity.id for c in grid.columns if c.entity is not None]
    assert set(framework_columns) == frameworks
    first_kind = next(i for i, c in enumerate(grid.columns) if c.entity is None)
    assert all(c.entity is None for c in grid.columns[first_kind:])
    assert model.headerData(_column(model, f"fw:{ICI}"), Qt.Orientation.Horizontal) == "ICI"
    assert (
        model.headerData(
            _column(model, f"fw:{ICI}"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        == "Istanbul Cooperation Initiative"
    )


def test_framework_cells_are_filled_exactly_for_the_members(model, library):
    column = _column(model, f"fw:{ICI}")
    members = {r.subject for r in library.members(ICI)}
    assert members
    for row, country in enumerate(model.grid().rows):
        text = model.index(row, column).data()
        if country.id in members:
            assert "●" in text, country.id
        else:
            assert "●" not in text, country.id


def test_other_relations_are_cells_too(model, library):
    stated = [
        r
        for c in model.grid().rows
        for r in library.relations(c.id)
        if r.subject == c.id and library.entity(r.object).kind != "framework"
    ]
    assert stated
    for relation in stated:
        cell = model.index(_row(model, relation.subject), _column(model, f"kind:{relation.kind}"))
        assert entity_name(library.entity(relation.object)) in cell.data()
        assert relation in model.relations_at(cell)


def test_tooltips_quote_the_evidence_and_empty_cells_open_nothing(model, library):
    relation = next(r for r in library.members(ICI))
    cell = model.index(_row(model, relation.subject), _column(model, f"fw:{ICI}"))
    assert relation.evidence[0].quote in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(LOCATION_ROLE) == f"cell:{relation.subject}|fw:{ICI}"
    accessible = cell.data(Qt.ItemDataRole.AccessibleTextRole)
    assert entity_name(library.entity(relation.subject)) in accessible and "Member of" in accessible
    empty = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if not model.relations_at(model.index(r, c))
    )
    assert empty.data() == ""
    assert model.location_at(empty) is None
    assert empty.data(Qt.ItemDataRole.ToolTipRole) is None


def test_enter_on_a_cell_opens_its_evidence(
    qtbot, model, overview, library, library_path, settings
):
    view = GridView()
    qtbot.addWidget(view)
    view.set_grid(build_grid(overview))
    view.show()
    relation = next(r for r in library.members(ICI))
    grid_model = view.model()
    index = grid_model.index(_row(grid_model, relation.subject), _column(grid_model, f"fw:{ICI}"))
    view.table().setCurrentIndex(index)
    view.table().setFocus()
    with qtbot.waitSignal(view.locationActivated) as blocker:
        qtbot.keyClick(view.table(), Qt.Key.Key_Return)
    (location,) = blocker.args
    assert location == Location.cell(relation.subject, f"fw:{ICI}")

    pane = DetailPane(library_path, settings)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.pageShown, timeout=5000):
        pane.show_location(location)
    text = pane.browser().document().toRawText()
    assert relation.evidence[0].quote in text
    assert entity_name(library.entity(relation.subject)) in text

    opened = []
    view.locationActivated.connect(opened.append)
    empty_row = next(
        r
        for r in range(grid_model.rowCount())
        if not grid_model.relations_at(grid_model.index(r, 0))
    )
    view.table().setCurrentIndex(grid_model.index(empty_row, 0))
    qtbot.keyClick(view.table(), Qt.Key.Key_Return)
    assert opened == []

"""The library tree: what it lists, in which order, and how the filter box narrows it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from natoapp.corpus.normalize import fold
from natoapp.ui.history import Location
from natoapp.ui.labels import entity_name
from natoapp.ui.overview import load_overview
from natoapp.ui.tree_model import (
    FOLDED_ROLE,
    KIND_ROLE,
    LOCATION_ROLE,
    LibraryTreeModel,
    TreeNode,
    build_tree,
)
from natoapp.ui.tree_view import FoldFilterProxy, NavigatorTree

ICI = "istanbul-cooperation-initiative"


@pytest.fixture(scope="module")
def overview(library_path):
    return load_overview(library_path)


@pytest.fixture
def english():
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English))


@pytest.fixture
def model(qapp, overview, english):
    model = LibraryTreeModel()
    model.set_root(build_tree(overview))
    return model


def _section(model: LibraryTreeModel, title: str) -> TreeNode:
    return next(node for node in model.root().children if node.label == title)


def _labels(node: TreeNode) -> list[str]:
    return [child.label for child in node.children]


def test_the_model_passes_qt_model_checks(qtmodeltester, model):
    qtmodeltester.check(model)


def test_the_filter_proxy_passes_qt_model_checks(qtmodeltester, model):
    proxy = FoldFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("koweit")
    qtmodeltester.check(proxy)


def test_sections_in_reading_order(model):
    assert _labels(model.root()) == [
        "Frameworks",
        "Countries A–Z",
        "Organisations",
        "People",
        "Events",
        "Documents",
    ]


def test_a_framework_lists_exactly_its_members_with_their_count(model, library):
    members = library.members(ICI)
    assert members, "the knowledge layer names the ICI's members"
    ici_index = model.find(Location.entity(ICI).key)
    ici = model.node(ici_index)
    expected = sorted(entity_name(library.entity(r.subject)) for r in members)
    member_rows = [c for c in ici.children if c.kind == "country"]
    assert sorted(c.label for c in member_rows) == expected
    assert ici.label == f"{entity_name(library.entity(ICI))} ({len(members)})"
    assert {c.location.key for c in member_rows} == {f"entity:{r.subject}" for r in members}


def test_every_framework_count_matches_the_knowledge_layer(model, library):
    for framework in library.entities("framework"):
        node = model.node(model.find(Location.entity(framework.id).key))
        count = int(re.search(r"\((\d+)\)$", node.label).group(1))
        assert count == len(library.members(framework.id)), framework.id


def test_nested_frameworks_sit_under_their_parent(model, library):
    for framework in library.entities("framework"):
        if framework.parent:
            node = model.node(model.find(Location.entity(framework.id).key))
            assert node.parent.location == Location.entity(framework.parent)


def test_countries_are_in_alphabetical_order_and_named_by_the_texts(model, library):
    countries = _section(model, "Countries A–Z")
    labels = _labels(countries)
    assert labels == sorted(labels, key=fold)
    assert "Kuwait" in labels
    # The catalogue knows every country; the tree lists those the texts speak of.
    assert len(labels) < len(library.entities("country"))
    kuwait = next(c for c in countries.children if c.label == "Kuwait")
    assert library.mention_count("KW") > 0
    for row in kuwait.children:
        assert row.kind == "relation" and ": " in row.label


def test_documents_and_events_in_date_order(model, library):
    documents = _section(model, "Documents")
    dated = [d for d in library.documents() if d.date]
    shown = [c.location.target for c in documents.children]
    assert set(shown) == {d.id for d in library.documents()}
    dated_ids = [d.id for d in sorted(dated, key=lambda d: d.date)]
    assert shown[: len(dated_ids)] == dated_ids
    events = _section(model, "Events")
    dates = [c.label[:10] for c in events.children if c.label[:4].isdigit()]
    assert dates == sorted(dates)


def test_rows_know_their_row_and_parent(model):
    for node in model.root().walk()[1:]:
        assert node.parent.children[node.row] is node
        index = model.index_of(node)
        assert model.node(index) is node
        parent = model.parent(index)
        assert model.node(parent) is node.parent


def test_roles(model):
    countries = model.index(1, 0)
    assert model.data(countries, KIND_ROLE) == "section"
    assert model.data(countries, LOCATION_ROLE) == ""
    first = model.index(0, 0, countries)
    assert model.data(first, LOCATION_ROLE).startswith("entity:")
    folded = model.data(first, FOLDED_ROLE)
    assert folded.split(" | ")[0] == fold(model.data(first, Qt.ItemDataRole.DisplayRole))
    assert len(set(folded.split(" | "))) == len(folded.split(" | "))
    assert "Mentions in the texts" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None


def test_names_follow_the_interface_language(qapp, overview):
    QLocale.setDefault(QLocale(QLocale.Language.French))
    try:
        root = build_tree(overview)
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English))
    labels = [n.label for n in root.walk()]
    assert "Koweït" in labels
    assert "Kuwait" not in labels


def _visible_labels(proxy, parent=None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    out = []
    for row in range(proxy.rowCount(parent)):
        index = proxy.index(row, 0, parent)
        out.append(index.data())
        out.extend(_visible_labels(proxy, index))
    return out


def test_filter_ignores_accents_and_case(model):
    proxy = FoldFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("KOWEÏT")  # the French name finds the English label
    assert "Kuwait" in _visible_labels(proxy)
    proxy.set_filter_text("kuwaït")
    visible = _visible_labels(proxy)
    assert "Kuwait" in visible
    assert "Countries A–Z" in visible  # the way down to a match stays
    assert "Jordan" not in visible
    proxy.set_filter_text("")
    assert len(_visible_labels(proxy)) == len(model.root().walk()) - 1


def test_filtering_on_a_framework_keeps_its_members(model, library):
    proxy = FoldFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("istanbul coop")
    visible = _visible_labels(proxy)
    for relation in library.members(ICI):
        assert entity_name(library.entity(relation.subject)) in visible


def test_typing_in_the_filter_box_narrows_the_view(qtbot, overview, english):
    tree = NavigatorTree()
    qtbot.addWidget(tree)
    tree.set_root(build_tree(overview))
    tree.show()
    qtbot.keyClicks(tree.filter_box(), "tunisie")  # the French name, in an English tree
    assert tree.proxy().filter_text() == "tunisie"
    labels = _visible_labels(tree.proxy())
    assert "Tunisia" in labels
    assert "Jordan" not in labels
    # Down goes into the tree, Enter opens the row.
    qtbot.keyClick(tree.filter_box(), Qt.Key.Key_Down)
    assert tree.focusWidget() is tree.view()
    tree.view().setCurrentIndex(
        tree.proxy().mapFromSource(tree.model().find(Location.entity("TN").key))
    )
    with qtbot.waitSignal(tree.locationActivated) as blocker:
        qtbot.keyClick(tree.view(), Qt.Key.Key_Return)
    assert blocker.args == [Location.entity("TN")]
    # Esc in the box clears the filter.
    tree.filter_box().setFocus()
    qtbot.keyClick(tree.filter_box(), Qt.Key.Key_Escape)
    assert tree.filter_box().text() == ""


def test_select_location_does_not_reopen(qtbot, overview, english):
    tree = NavigatorTree()
    qtbot.addWidget(tree)
    tree.set_root(build_tree(overview))
    opened = []
    tree.locationActivated.connect(opened.append)
    assert tree.select_location("entity:KW")
    assert tree.current_location_key() == "entity:KW"
    assert opened == []
    assert not tree.select_location("entity:nowhere")

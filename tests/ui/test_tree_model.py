"""The library tree: what it lists, in which order, and how the filter box narrows it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from natoapp.corpus.normalize import fold
from natoapp.ui import tree_model
from natoapp.ui.history import Location
from natoapp.ui.labels import entity_name
from natoapp.ui.overview import load_overview
from natoapp.ui.tree_model import (
    COLLECTION_ROLE,
    FOLDED_ROLE,
    KIND_ROLE,
    LOCATION_ROLE,
    LibraryTreeModel,
    TreeNode,
    build_tree,
)
from natoapp.ui.tree_view import FoldFilterProxy, NavigatorTree
from natoapp.userlib.library import UserLibrary

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


def test_a_large_library_lists_its_documents_by_year_each_year_on_demand(
    qtmodeltester, overview, english, monkeypatch
):
    monkeypatch.setattr(tree_model, "LISTED_DOCUMENTS", 2)
    model = LibraryTreeModel()
    model.set_root(build_tree(overview))
    documents = _section(model, "Documents")
    years = documents.children
    assert years and all(year.kind == "year" and year.pending for year in years)
    assert sum(len(year.pending) for year in years) == len(overview.documents)
    first = model.index_of(years[0])
    assert model.hasChildren(first) and model.rowCount(first) == 0 and model.canFetchMore(first)
    # Finding a document of a year not opened yet makes that year's rows first.
    last_doc = years[-1].pending[-1]
    index = model.find(Location.document(last_doc.id).key)
    assert index.isValid() and model.node(index).location.target == last_doc.id
    assert model.node(index).parent is years[-1] and not years[-1].pending
    assert model.canFetchMore(first)  # the other years are still to be made
    model.fetchMore(first)
    assert not model.canFetchMore(first) and model.rowCount(first) == len(years[0].children)
    assert all(child.kind == "document" for child in years[0].children)
    qtmodeltester.check(model)


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


# --- the user's collections ------------------------------------------------------------


@pytest.fixture
def user_db(tmp_path, library):
    """A user library with "Golfe" (two excerpts of Kuwait's passages) and an empty "Vide"."""
    path = tmp_path / "data" / "library.sqlite"
    hits = library.search("Koweït", limit=2).hits
    assert len(hits) == 2
    with UserLibrary.open(path) as user:
        for hit in hits:
            passage = library.passage(hit.passage)
            document = library.document(hit.doc)
            assert passage is not None and document is not None
            user.add_excerpt("Golfe", passage, document, note="à citer")
        user.create_collection("Vide")
    return path


@pytest.fixture
def collections_model(qapp, library_path, user_db, english):
    model = LibraryTreeModel()
    model.set_root(build_tree(load_overview(library_path, user_db)))
    return model


def test_without_a_library_of_ones_own_there_is_no_collections_branch(
    qapp, library_path, tmp_path, english
):
    overview = load_overview(library_path, tmp_path / "none" / "library.sqlite")
    assert overview.collections == ()
    assert "Collections" not in _labels(build_tree(overview))
    assert not (tmp_path / "none").exists()  # reading creates nothing


def test_collections_come_last_with_their_excerpts(collections_model, user_db):
    model = collections_model
    assert _labels(model.root())[-1] == "Collections"
    section = _section(model, "Collections")
    assert section.kind == "section"
    assert _labels(section) == ["Golfe (2)", "Vide (0)"]
    with UserLibrary.open(user_db) as user:
        golfe = user.find_collection("Golfe")
        assert golfe is not None
        items = user.items(golfe.id)
    node = section.children[0]
    index = model.index_of(node)
    assert model.data(index, KIND_ROLE) == "collection"
    assert model.data(index, COLLECTION_ROLE) == golfe.id
    assert model.data(index, LOCATION_ROLE) == ""
    assert "Collections tab" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert [child.kind for child in node.children] == ["excerpt", "excerpt"]
    for child, item in zip(node.children, items, strict=True):
        excerpt = model.index_of(child)
        assert model.data(excerpt, LOCATION_ROLE) == Location.passage(item.passage).key
        assert model.data(excerpt, COLLECTION_ROLE) is None
        label = model.data(excerpt, Qt.ItemDataRole.DisplayRole)
        assert len(label) <= 60
        assert item.quote.startswith(label.rstrip("…"))
        tooltip = model.data(excerpt, Qt.ItemDataRole.ToolTipRole)
        assert item.title in tooltip and "Collections tab" in tooltip
    assert section.children[1].children == []


def test_the_model_with_collections_passes_qt_model_checks(qtmodeltester, collections_model):
    qtmodeltester.check(collections_model)
    proxy = FoldFilterProxy()
    proxy.setSourceModel(collections_model)
    proxy.set_filter_text("golfe")
    qtmodeltester.check(proxy)


def test_the_filter_finds_collections_and_excerpts(collections_model, user_db):
    proxy = FoldFilterProxy()
    proxy.setSourceModel(collections_model)
    proxy.set_filter_text("GOLFE")  # a collection keeps its excerpts in view
    visible = _visible_labels(proxy)
    golfe = _section(collections_model, "Collections").children[0]
    assert "Golfe (2)" in visible
    assert all(child.label in visible for child in golfe.children)
    assert "Vide (0)" not in visible
    proxy.set_filter_text("vide")
    assert "Vide (0)" in _visible_labels(proxy)
    # An excerpt is found by words of its quote, past what its row shows.
    with UserLibrary.open(user_db) as user:
        found = user.find_collection("Golfe")
        assert found is not None
        quote = user.items(found.id)[0].quote
    words = quote.split()[-3:]
    proxy.set_filter_text(" ".join(words))
    assert golfe.children[0].label in _visible_labels(proxy)


def test_activating_a_collection_says_which_without_opening_a_location(
    qtbot, library_path, user_db, english
):
    tree = NavigatorTree()
    qtbot.addWidget(tree)
    tree.set_root(build_tree(load_overview(library_path, user_db)))
    tree.show()
    opened = []
    tree.locationActivated.connect(opened.append)
    collection = _section(tree.model(), "Collections").children[0]
    index = tree.proxy().mapFromSource(tree.model().index_of(collection))
    tree.view().setCurrentIndex(index)  # merely current: nothing happens
    assert opened == []
    with qtbot.waitSignal(tree.collectionActivated) as blocker:
        qtbot.keyClick(tree.view(), Qt.Key.Key_Return)
    assert blocker.args == [collection.collection]
    assert opened == []
    excerpt = collection.children[0]
    with qtbot.waitSignal(tree.locationActivated) as blocker:
        tree.view().setCurrentIndex(tree.proxy().mapFromSource(tree.model().index_of(excerpt)))
    assert blocker.args == [excerpt.location]


def test_rebuilding_keeps_open_rows_open(qtbot, library_path, user_db, english):
    tree = NavigatorTree()
    qtbot.addWidget(tree)
    overview = load_overview(library_path, user_db)
    tree.set_root(build_tree(overview))
    golfe = _section(tree.model(), "Collections").children[0]
    for node in (golfe.parent, golfe):
        tree.view().expand(tree.proxy().mapFromSource(tree.model().index_of(node)))
    with UserLibrary.open(user_db) as user:
        user.rename_collection(golfe.collection, "Golfe persique")
    tree.set_root(build_tree(load_overview(library_path, user_db)))
    renamed = _section(tree.model(), "Collections").children[0]
    assert renamed.label == "Golfe persique (2)"
    for node in (renamed.parent, renamed):
        assert tree.view().isExpanded(tree.proxy().mapFromSource(tree.model().index_of(node)))

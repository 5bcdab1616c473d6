"""The main window as a reader uses it: browsing, searching, going back, copying, restarting."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QSpinBox, QWidget

from natoapp import paths
from natoapp.citation import format_excerpt, source_for
from natoapp.store.build import build_from_sources
from natoapp.store.library import Library
from natoapp.ui import app as app_module
from natoapp.ui import errors
from natoapp.ui.about import AboutDialog
from natoapp.ui.history import Location
from natoapp.ui.i18n import Translators, resolve_language
from natoapp.ui.labels import entity_name
from natoapp.ui.main_window import MainWindow
from natoapp.ui.preferences import PreferencesDialog
from natoapp.ui.rich_text import HIT, marks_in
from natoapp.ui.save_excerpt_dialog import SaveExcerptDialog
from natoapp.ui.settings import Settings
from natoapp.ui.theme import is_dark
from natoapp.ui.tree_model import TreeNode
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.location import DATA_DIR_ENV, default_user_db

ICI = "istanbul-cooperation-initiative"


@pytest.fixture(autouse=True)
def english():
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English))


def open_window(qtbot, library_path, settings) -> MainWindow:
    window = MainWindow(library_path, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.overviewLoaded, window.detail().pageShown], timeout=10000):
        window.show()
    return window


@pytest.fixture
def window(qtbot, library_path, settings) -> MainWindow:
    return open_window(qtbot, library_path, settings)


def go(qtbot, window: MainWindow, location: Location) -> None:
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000):
        window.open_location(location)


def reader_text(window: MainWindow) -> str:
    return window.detail().browser().document().toRawText().replace("\u2029", "\n")


def test_start_fills_tree_grid_and_status_bar(window, library):
    prov = library.provenance()
    assert f"{prov.documents} documents · {prov.passages} passages" in window.status_text()
    assert str(window.overview().library_path) in window.status_text()
    tree = window.tree().model()
    assert tree.rowCount() == 6
    assert window.grid().model().rowCount() > 0
    first_framework = window.tree().current_location_key()
    assert first_framework.startswith("entity:")
    assert window.detail().current_location().key == first_framework
    assert window.windowTitle().endswith("— natoapp")


def test_choosing_a_framework_in_the_tree_shows_members_and_evidence(qtbot, window, library):
    tree = window.tree()
    index = tree.proxy().mapFromSource(tree.model().find(f"entity:{ICI}"))
    tree.view().scrollTo(index)
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        qtbot.mouseClick(
            tree.view().viewport(),
            Qt.MouseButton.LeftButton,
            pos=tree.view().visualRect(index).center(),
        )
    assert blocker.args == [f"entity:{ICI}"]
    text = reader_text(window)
    assert "Members" in text
    for relation in library.members(ICI):
        assert entity_name(library.entity(relation.subject)) in text
        assert relation.evidence[0].quote in text
    assert window.windowTitle().startswith(entity_name(library.entity(ICI)))


def test_a_search_hit_opens_its_document_at_the_passage(qtbot, window, library):
    panel = window.search_panel()
    qtbot.keyClicks(window.search_box(), "terrorisme")
    qtbot.waitUntil(lambda: panel.model().rowCount() > 0, timeout=5000)
    panel.focus_results()
    view = panel.results_view()
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    location = window.detail().current_location()
    assert location.kind == "passage" and location.query == "terrorisme"
    assert blocker.args == [location.key]
    hits = [s for s in marks_in(window.detail().browser().document()) if s[2] == HIT]
    assert hits and all(text.lower().startswith("terroris") for *_, text in hits)
    doc_id = location.target.rpartition(":")[0]
    assert window.tree().current_location_key() == f"doc:{doc_id}"


def test_back_and_forward_by_keyboard_toolbar_and_mouse(qtbot, window):
    start = window.detail().current_location()
    go(qtbot, window, Location.entity("KW"))
    go(qtbot, window, Location.document("003_cac1df43d34c3008"))
    assert window.action("back").isEnabled() and not window.action("forward").isEnabled()

    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Back):
        assert key in window.action("back").shortcuts()
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["entity:KW"]
    assert window.action("forward").isEnabled()

    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["doc:003_cac1df43d34c3008"]

    viewport = window.detail().browser().viewport()
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        _side_button(viewport, Qt.MouseButton.BackButton)
    assert blocker.args == ["entity:KW"]
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        window.action("back").trigger()
    assert blocker.args == [start.key]
    assert not window.action("back").isEnabled()
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        _side_button(window.tree().view().viewport(), Qt.MouseButton.ForwardButton)
    assert blocker.args == ["entity:KW"]


def _side_button(widget: QWidget, button: Qt.MouseButton) -> None:
    point = QPointF(10, 10)
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        QPointF(widget.mapToGlobal(QPoint(10, 10))),
        button,
        button,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_following_a_link_in_the_reader_adds_to_history(qtbot, window):
    go(qtbot, window, Location.document("003_cac1df43d34c3008"))
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as blocker:
        window.detail().locationRequested.emit(Location.entity("KW"))
    assert blocker.args == ["entity:KW"]
    assert window.history().can_go_back()


def test_copy_action_copies_the_excerpt_with_its_citation(qtbot, window, library, settings):
    settings.citation_format = "html"
    go(qtbot, window, Location.document("003_cac1df43d34c3008"))
    placed = window.detail().rendered().excerpts[1]
    cursor = QTextCursor(window.detail().browser().document())
    cursor.setPosition(placed.start)
    window.detail().browser().setTextCursor(cursor)
    window.detail().browser().setFocus()
    window.action("copy").trigger()
    passage = placed.excerpt.passage
    expected = format_excerpt(
        passage.text, source_for(library.document(passage.doc), passage), "html"
    )
    mime = QGuiApplication.clipboard().mimeData()
    assert (mime.text(), mime.html()) == (expected.plain, expected.html)
    assert "Copied" in window.statusBar().currentMessage()


def test_find_shortcuts_focus_the_search_box_and_escape_clears_it(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search_box()
    qtbot.keyClicks(window.search_box(), "Qatar")
    assert window.search_panel().query() == "Qatar"
    qtbot.keyClick(window.search_box(), Qt.Key.Key_Escape)
    assert window.search_box().text() == ""
    window.tree().view().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search_box()


def test_tab_shortcuts_reach_every_pane(qtbot, window):
    for name, widget in (
        ("show_grid", window.grid()),
        ("show_search", window.search_panel()),
        ("show_reader", window.detail()),
        ("show_tree", window.tree()),
    ):
        window.action(name).trigger()
        assert widget.isVisible(), name


def test_text_size_shortcuts(qtbot, window, settings):
    before = settings.text_size
    window.action("zoom_in").trigger()
    window.action("zoom_in").trigger()
    assert settings.text_size == before + 2 == window.detail().text_size()
    window.action("zoom_out").trigger()
    assert settings.text_size == before + 1
    assert QKeySequence(QKeySequence.StandardKey.ZoomIn) in window.action("zoom_in").shortcuts()


def test_layout_selection_and_text_size_survive_a_restart(qtbot, library_path, tmp_path):
    path = tmp_path / "restart.ini"
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    first = open_window(qtbot, library_path, settings)
    first.resize(720, 520)
    first._splitter.setSizes([250, 470])
    sizes = first._splitter.sizes()
    go(qtbot, first, Location.entity("KW"))
    first.action("zoom_in").trigger()
    size = settings.text_size
    settings.citation_format = "csl-json"
    first.close()

    again = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    second = MainWindow(library_path, again)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.detail().pageShown, timeout=10000) as blocker:
        second.show()
    assert blocker.args == ["entity:KW"]
    assert (second.width(), second.height()) == (720, 520)
    assert second._splitter.sizes() == sizes
    assert second.detail().text_size() == size
    assert again.citation_format == "csl-json"
    assert second.tree().current_location_key() == "entity:KW"


def test_a_broken_settings_file_is_ignored(qtbot, library_path, tmp_path):
    path = tmp_path / "broken.ini"
    path.write_bytes(b"[window]\ngeometry=@ByteArray(\xff\x00garbage\nstate=[[[\n\x00\x01")
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    window = open_window(qtbot, library_path, settings)
    assert window.isVisible()


def test_the_interface_speaks_french_and_english(qtbot, qapp, window):
    translators = Translators(qapp)
    try:
        assert translators.install("fr") == "fr"
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&Fichier")
        assert window.action("back").text() == "&Précédent"
        assert window.tree().filter_box().placeholderText() == "Filtrer la liste…"
        go(qtbot, window, Location.entity("KW"))
        assert window.windowTitle().startswith("Koweït")
        assert "Membre de" in reader_text(window)
        assert window.tree().model().root().children[0].label == "Cadres de partenariat"
        assert translators.install("en") == "en"
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
        assert window.tree().model().root().children[0].label == "Frameworks"
    finally:
        translators.install("en")
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000):
        window.open_location(Location.document("003_cac1df43d34c3008"))
    assert window.windowTitle().endswith("— natoapp")


def test_language_setting_resolution():
    assert resolve_language("fr") == "fr"
    assert resolve_language("en") == "en"
    assert resolve_language("system", QLocale(QLocale.Language.French)) == "fr"
    assert resolve_language("system", QLocale(QLocale.Language.German)) == "en"


def test_preferences_are_applied(qtbot, window, settings, monkeypatch):
    def choose_and_accept(dialog: PreferencesDialog) -> int:
        dialog.findChild(QSpinBox).setValue(17)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", choose_and_accept)
    window.action("preferences").trigger()
    assert settings.text_size == 17 == window.detail().text_size()

    settings.color_scheme = "dark"
    window.apply_settings()
    try:
        assert is_dark(QGuiApplication.palette())
    finally:
        settings.color_scheme = "light"
        window.apply_settings()
    assert not is_dark(QGuiApplication.palette())


def test_about_tells_version_sources_licences_and_provenance(qtbot, window, library):
    dialog = AboutDialog(window.overview(), window.overview().library_path, window)
    qtbot.addWidget(dialog)
    text = dialog.text()
    prov = library.provenance()
    for value in (prov.input_hash, prov.build_date, str(prov.schema_version), "Licences"):
        assert value in text
    for document in library.documents():
        assert document.title in text and document.source_file in text


def test_every_control_has_an_accessible_name(window):
    window.action("show_search").trigger()
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and not isinstance(w, QDialog)
        and type(w).__name__ not in ("QScrollBar", "QTabBar", "QToolButton", "QSplitterHandle")
        and not w.objectName().startswith("qt_")
    ]
    assert unnamed == []


def test_an_unexpected_error_is_logged_and_shown_and_the_window_survives(
    window, monkeypatch, caplog
):
    shown = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc: shown.append((parent, exc)))
    hook = errors.make_excepthook(lambda: window)
    boom = RuntimeError("the tree fell over\nsecond line")
    with caplog.at_level(logging.ERROR, logger="natoapp"):
        hook(RuntimeError, boom, boom.__traceback__)
    assert shown == [(window, boom)]
    assert "unexpected error" in caplog.text and "the tree fell over" in caplog.text
    assert window.isVisible()
    assert errors._one_line(boom) == "RuntimeError: the tree fell over"


def test_the_database_is_prepared_off_the_gui_thread(qtbot, library_path):
    assert app_module.prepare_database(library_path) == library_path


def test_a_named_database_built_from_other_texts_is_read_as_it_is(qtbot, tmp_path):
    seeds = tmp_path / "other-seeds"
    shutil.copytree(paths.seeds_dir(), seeds)
    (seeds / "note.txt").write_text(
        "Note de travail\n\nLe Dialogue méditerranéen réunit sept pays.\n", encoding="utf-8"
    )
    named = tmp_path / "other.sqlite"
    build_from_sources(seeds, paths.resources_dir(), named)
    before = named.stat().st_mtime_ns
    assert app_module.prepare_database(named, interactive=False) == named
    assert named.stat().st_mtime_ns == before  # not rebuilt from the shipped texts
    with Library.open(named) as library:
        assert "note" in {d.id for d in library.documents()}


def test_a_database_that_cannot_be_had_says_why_in_one_line(qtbot, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: told.append(text))
    )
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    assert app_module.prepare_database(Path(folder)) is None
    assert len(told) == 1 and "\n" not in told[0] and "folder" in told[0]


def test_map_and_timeline_tabs_open_what_is_clicked(qtbot, window):
    window.action("show_map").trigger()
    map_view = window.map_view()
    qtbot.waitUntil(lambda: bool(map_view._data.frameworks), timeout=10_000)
    with qtbot.waitSignal(window.detail().pageShown, timeout=10_000):
        map_view.countryActivated.emit("KW")
    assert window.history().current.key == "entity:KW"
    window.action("show_timeline").trigger()
    timeline = window.timeline_view()
    with qtbot.waitSignal(window.detail().pageShown, timeout=10_000):
        timeline.documentActivated.emit("003_cac1df43d34c3008")
    assert window.history().current.key == "doc:003_cac1df43d34c3008"


# --- the user's collections in the tree ----------------------------------------------------


def collections_branch(window: MainWindow) -> TreeNode | None:
    return next(
        (n for n in window.tree().model().root().children if n.label == "Collections"), None
    )


def activate(window: MainWindow, node: TreeNode) -> None:
    tree = window.tree()
    index = tree.proxy().mapFromSource(tree.model().index_of(node))
    tree.view().setCurrentIndex(index)
    tree.view().activated.emit(index)


@pytest.fixture
def own_library(tmp_path, monkeypatch, library):
    """A library of the user's own, in a folder of this test, with "Golfe" holding one excerpt."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    hits = library.search("Koweït", limit=2).hits
    passage = library.passage(hits[0].passage)
    document = library.document(hits[0].doc)
    assert passage is not None and document is not None
    with UserLibrary.open(default_user_db()) as user:
        item = user.add_excerpt(
            "Golfe", passage, document, quote=" ".join(passage.text.split()[:6])
        )
    return item, [h.passage for h in hits]


def test_the_tree_lists_the_collections_and_opens_them(qtbot, own_library, library_path, settings):
    item, _ = own_library
    window = open_window(qtbot, library_path, settings)
    branch = collections_branch(window)
    assert branch is not None and branch is window.tree().model().root().children[-1]
    golfe = branch.children[0]
    assert golfe.label == "Golfe (1)" and golfe.collection == item.collection
    # A collection opens the Collections tab on it.
    activate(window, golfe)
    panel = window.collections_panel()
    qtbot.waitUntil(lambda: panel.current_collection_id() == item.collection, timeout=10000)
    assert panel.isVisible()  # the Collections tab is the one shown
    # An excerpt opens its passage in the reader, its row staying current.
    excerpt = golfe.children[0]
    with qtbot.waitSignal(window.detail().pageShown, timeout=5000) as shown:
        activate(window, excerpt)
    assert shown.args == [Location.passage(item.passage).key]
    assert window.tree().current_location_key() == Location.passage(item.passage).key


def test_the_tree_follows_changes_to_the_collections(qtbot, own_library, library_path, settings):
    item, passages = own_library
    window = open_window(qtbot, library_path, settings)

    # Saved from the reader: the tree counts the new excerpt.
    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SaveExcerptDialog):
            QTimer.singleShot(20, fill_in)
            return
        dialog.set_collection("Golfe")
        dialog.accept()

    QTimer.singleShot(20, fill_in)
    with qtbot.waitSignal(window.overviewLoaded, timeout=10000):
        window.library_actions().save_excerpt_for(passages[1], None)
    branch = collections_branch(window)
    assert branch is not None and [n.label for n in branch.children] == ["Golfe (2)"]
    # Renamed in the Collections tab: the tree follows.
    panel = window.collections_panel()
    with qtbot.waitSignal(panel.reloaded, timeout=10000):
        window.action("show_collections").trigger()
    with qtbot.waitSignal(window.overviewLoaded, timeout=10000):
        panel.rename_collection(item.collection, "Golfe persique")
    branch = collections_branch(window)
    assert branch is not None and [n.label for n in branch.children] == ["Golfe persique (2)"]

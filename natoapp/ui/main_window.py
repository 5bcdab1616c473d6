"""natoapp's main window: library tree and search on the left, reader and grid on the right."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from natoapp import paths
from natoapp.ui.detail_pane import DetailPane
from natoapp.ui.grid import GridData, GridView, build_grid
from natoapp.ui.history import ENTITY, PASSAGE, History, Location
from natoapp.ui.i18n import Translators, resolve_language
from natoapp.ui.labels import interface_is_french
from natoapp.ui.lazy_tab import LazyTab
from natoapp.ui.overview import Overview, load_overview
from natoapp.ui.search_panel import SearchBox, SearchPanel
from natoapp.ui.search_worker import FilterChoices, filter_choices
from natoapp.ui.settings import Settings, clamp_text_size, default_text_size
from natoapp.ui.tasks import run_in_thread
from natoapp.ui.theme import apply_color_scheme
from natoapp.ui.tree_model import TreeNode, build_tree
from natoapp.ui.tree_view import NavigatorTree

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    from natoapp.ui.collections_panel import CollectionsPanel
    from natoapp.ui.library_actions import LibraryActions
    from natoapp.ui.map_view import MapView
    from natoapp.ui.timeline_view import TimelineView

_log = logging.getLogger("natoapp.ui.window")
# How long after start the user's library is checked (set aside if damaged, upgraded).
_USER_LIBRARY_CHECK_DELAY_MS = 1500

SPLITTER = "main"
_FOCUS_STYLE = (
    "QTreeView:focus, QTableView:focus, QListView:focus, QTextBrowser:focus "
    "{ border: 2px solid palette(highlight); }"
)


def app_icon() -> QIcon:
    """natoapp's icon."""
    return QIcon(str(paths.resources_dir() / "icons" / "natoapp.svg"))


def arrow_icon(*, left: bool, palette: QPalette) -> QIcon:
    """A back (``left``) or forward chevron in the palette's colours, enabled and disabled."""
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        for size in (16, 24, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(palette.color(group, QPalette.ColorRole.ButtonText), size / 8)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            tip, back = (size * 0.3, size * 0.62) if left else (size * 0.7, size * 0.38)
            painter.drawPolyline(
                [QPointF(back, size * 0.2), QPointF(tip, size * 0.5), QPointF(back, size * 0.8)]
            )
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


class MainWindow(QMainWindow):
    """The window; ``overviewLoaded`` fires once the tree, grid and status bar are filled."""

    overviewLoaded = Signal()

    def __init__(
        self,
        library_path: Path,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        translators: Translators | None = None,
    ) -> None:
        super().__init__(parent)
        self._library_path = library_path
        self._settings = settings
        self._translators = translators
        self._overview: Overview | None = None
        self._overview_loading = False
        self._overview_stale = False
        self._labels_read: tuple[TreeNode, GridData] | None = None
        self._language_changes = 0
        self._history = History(self)
        self._history.changed.connect(self._update_navigation)

        self._repolish_pending = False
        self.setObjectName("natoappMainWindow")
        self.setWindowIcon(app_icon())
        self.setStyleSheet(_FOCUS_STYLE)

        self._tree = NavigatorTree(self)
        self._tree.locationActivated.connect(self.open_location)
        self._tree.collectionActivated.connect(self.show_collection)
        self._search_box = SearchBox(self)
        # The filters' choices come with the overview, read once for both.
        self._search = SearchPanel(library_path, settings, self, read_choices=False)
        self._search.connect_search_box(self._search_box)
        self._search.passageActivated.connect(self._on_passage_activated)
        self._search.entityActivated.connect(self._on_entity_activated)
        self._search.excerptCopied.connect(self._on_search_copied)
        self._search_box.textChanged.connect(self._on_search_text)

        self._detail = DetailPane(library_path, settings, self)
        self._detail.locationRequested.connect(self.open_location)
        self._detail.pageShown.connect(self._on_page_shown)
        self._detail.pageFailed.connect(self._on_page_failed)
        self._detail.copied.connect(self._show_status)
        self._grid = GridView(self)
        self._grid.locationActivated.connect(self.open_location)

        self._left = QTabWidget(self)
        self._left.addTab(self._tree, "")
        self._left.addTab(self._search, "")
        self._right = QTabWidget(self)
        self._right.addTab(self._detail, "")
        self._right.addTab(self._grid, "")
        self._map_tab = LazyTab(self._make_map, self)
        self._timeline_tab = LazyTab(self._make_timeline, self)
        self._right.addTab(self._map_tab, "")
        self._right.addTab(self._timeline_tab, "")
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self._left)
        self._splitter.addWidget(self._right)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self._splitter)

        self._status_label = QLabel(self)
        self._status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self._status_label)

        self._create_actions()
        self._create_menus_and_toolbar()
        self._retranslate()
        self._restore_layout()
        self._update_navigation()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # the mouse's side buttons, wherever they are pressed
        self._load_overview()
        self._install_user_library()

    # --- public -------------------------------------------------------------------------

    def history(self) -> History:
        """The back/forward list."""
        return self._history

    def tree(self) -> NavigatorTree:
        """The library tree with its filter box."""
        return self._tree

    def detail(self) -> DetailPane:
        """The reading pane."""
        return self._detail

    def grid(self) -> GridView:
        """The country × framework grid."""
        return self._grid

    def map_view(self) -> MapView:
        """The map of partners by framework (built on first use)."""
        return self._map_tab.widget()  # type: ignore[return-value]

    def timeline_view(self) -> TimelineView:
        """The timeline of events and documents (built on first use)."""
        return self._timeline_tab.widget()  # type: ignore[return-value]

    def _make_map(self) -> MapView:
        # Imported here: the first screen does not need the map's code or shapes.
        from natoapp.ui.map_model import read_map_data
        from natoapp.ui.map_view import MapView

        view = MapView(parent=self._map_tab)
        view.countryActivated.connect(self._on_entity_activated)
        path = self._library_path
        run_in_thread(view, lambda: read_map_data(path), view.set_data, self._on_view_failed)
        return view

    def _make_timeline(self) -> TimelineView:
        from natoapp.ui.timeline_model import read_timeline_data
        from natoapp.ui.timeline_view import TimelineView

        view = TimelineView(parent=self._timeline_tab)
        view.eventActivated.connect(self._on_entity_activated)
        view.documentActivated.connect(self._on_document_activated)
        path = self._library_path
        run_in_thread(view, lambda: read_timeline_data(path), view.set_data, self._on_view_failed)
        return view

    def _on_view_failed(self, exc: BaseException) -> None:
        _log.error("could not read the library for a view", exc_info=exc)
        self._show_status(self.tr("The library could not be read: %1").replace("%1", str(exc)))

    @Slot(str)
    def _on_document_activated(self, doc_id: str) -> None:
        self.open_location(Location.document(doc_id))

    def search_panel(self) -> SearchPanel:
        """The search results panel."""
        return self._search

    def search_box(self) -> SearchBox:
        """The search field in the toolbar."""
        return self._search_box

    def overview(self) -> Overview | None:
        """The library overview, once loaded."""
        return self._overview

    def status_text(self) -> str:
        """The status bar's permanent text (database, documents, passages)."""
        return self._status_label.text()

    def action(self, name: str) -> QAction:
        """One of the window's actions by name ("back", "copy", "zoom_in", ...)."""
        return self._actions[name]

    @Slot(object)
    def open_location(self, location: Location) -> None:
        """Show ``location`` in the reader and remember it for Back."""
        self._history.visit(location)
        self._show(location)

    # --- actions ------------------------------------------------------------------------

    def _create_actions(self) -> None:
        def make(name: str, slot, *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:  # type: ignore[no-untyped-def]
            action = QAction(self)
            action.setObjectName(name)
            sequences: list[QKeySequence] = []
            for key in keys:
                if isinstance(key, QKeySequence.StandardKey):
                    sequences.extend(QKeySequence.keyBindings(key))
                else:
                    sequences.append(QKeySequence(key))
            if sequences:
                action.setShortcuts(sequences)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        preferences_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self._actions: dict[str, QAction] = {
            "back": make("back", self.go_back, QKeySequence.StandardKey.Back),
            "forward": make("forward", self.go_forward, QKeySequence.StandardKey.Forward),
            "copy": make("copy", self._copy, QKeySequence.StandardKey.Copy),
            "copy_citation": make("copy_citation", self._detail.copy_citation, "Ctrl+Shift+C"),
            "find": make("find", self.focus_search, QKeySequence.StandardKey.Find, "Ctrl+K"),
            "filter_tree": make("filter_tree", self._focus_tree_filter, "Ctrl+L"),
            "preferences": make(
                "preferences",
                self.show_preferences,
                *(preferences_keys or [QKeySequence("Ctrl+,")]),
            ),
            "quit": make("quit", self.close, QKeySequence.StandardKey.Quit),
            "zoom_in": make("zoom_in", self.zoom_in, QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
            "zoom_out": make("zoom_out", self.zoom_out, QKeySequence.StandardKey.ZoomOut),
            "zoom_reset": make("zoom_reset", self.zoom_reset, "Ctrl+0"),
            "show_tree": make("show_tree", lambda: self._show_tab(self._left, 0), "Ctrl+1"),
            "show_search": make("show_search", lambda: self._show_tab(self._left, 1), "Ctrl+2"),
            "show_reader": make("show_reader", lambda: self._show_tab(self._right, 0), "Ctrl+3"),
            "show_grid": make("show_grid", lambda: self._show_tab(self._right, 1), "Ctrl+4"),
            "show_map": make("show_map", lambda: self._show_tab(self._right, 2), "Ctrl+5"),
            "show_timeline": make(
                "show_timeline", lambda: self._show_tab(self._right, 3), "Ctrl+6"
            ),
            "search_help": make(
                "search_help", self._search.show_help, QKeySequence.StandardKey.HelpContents
            ),
            "about": make("about", self.show_about),
        }
        self._set_arrow_icons()
        self._actions["preferences"].setMenuRole(QAction.MenuRole.PreferencesRole)
        self._actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self._actions["about"].setMenuRole(QAction.MenuRole.AboutRole)
        # Esc in the search box clears it (the box does it too when it has focus).
        clear = QAction(self._search_box)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self._search_box.clear)
        self._search_box.addAction(clear)

    def _set_arrow_icons(self) -> None:
        # Drawn in the palette's text colours so they read in light and dark schemes alike.
        self._actions["back"].setIcon(arrow_icon(left=True, palette=self.palette()))
        self._actions["forward"].setIcon(arrow_icon(left=False, palette=self.palette()))

    def _create_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        a = self._actions
        self._menus = {
            "file": bar.addMenu(""),
            "edit": bar.addMenu(""),
            "view": bar.addMenu(""),
            "go": bar.addMenu(""),
            "help": bar.addMenu(""),
        }
        self._menus["file"].addAction(a["quit"])
        for name in ("copy", "copy_citation", None, "find", "filter_tree", None, "preferences"):
            if name is None:
                self._menus["edit"].addSeparator()
            else:
                self._menus["edit"].addAction(a[name])
        for name in ("zoom_in", "zoom_out", "zoom_reset", None):
            if name is None:
                self._menus["view"].addSeparator()
            else:
                self._menus["view"].addAction(a[name])
        for name in (
            "show_tree",
            "show_search",
            "show_reader",
            "show_grid",
            "show_map",
            "show_timeline",
        ):
            self._menus["view"].addAction(a[name])
        self._menus["go"].addAction(a["back"])
        self._menus["go"].addAction(a["forward"])
        self._menus["help"].addAction(a["search_help"])
        self._menus["help"].addAction(a["about"])

        self._toolbar = QToolBar(self)
        self._toolbar.setObjectName("mainToolbar")
        self._toolbar.setMovable(False)
        self._toolbar.addAction(a["back"])
        self._toolbar.addAction(a["forward"])
        self._toolbar.addSeparator()
        self._search_box.setMinimumWidth(280)
        self._toolbar.addWidget(self._search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._toolbar)

    def _retranslate(self) -> None:
        self._set_title()
        texts = {
            "back": (self.tr("&Back"), self.tr("Go back to the previous page")),
            "forward": (self.tr("&Forward"), self.tr("Go forward again")),
            "copy": (self.tr("&Copy with Citation"), self.tr("Copy the excerpt with its citation")),
            "copy_citation": (self.tr("Copy C&itation"), self.tr("Copy the document's reference")),
            "find": (self.tr("&Find in Texts"), self.tr("Search the texts")),
            "filter_tree": (self.tr("Filter the &Library"), self.tr("Narrow the library tree")),
            "preferences": (self.tr("&Preferences…"), self.tr("Text size, citations, language")),
            "quit": (self.tr("&Quit"), self.tr("Quit natoapp")),
            "zoom_in": (self.tr("&Larger Text"), self.tr("Make the reading text larger")),
            "zoom_out": (self.tr("&Smaller Text"), self.tr("Make the reading text smaller")),
            "zoom_reset": (self.tr("&Normal Text Size"), self.tr("Reset the reading text size")),
            "show_tree": (self.tr("Library &Tree"), self.tr("Show the library tree")),
            "show_search": (self.tr("&Search Results"), self.tr("Show the search results")),
            "show_reader": (self.tr("&Reader"), self.tr("Show the reading pane")),
            "show_grid": (self.tr("Countries × &Frameworks"), self.tr("Show the grid")),
            "show_map": (self.tr("&Map"), self.tr("Show the map of partners by framework")),
            "show_timeline": (self.tr("T&imeline"), self.tr("Show events and documents in time")),
            "search_help": (self.tr("Search &Syntax"), self.tr("How to write a search")),
            "about": (self.tr("&About natoapp"), self.tr("Version, sources and licences")),
        }
        for name, (text, tip) in texts.items():
            action = self._actions[name]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        self._menus["file"].setTitle(self.tr("&File"))
        self._menus["edit"].setTitle(self.tr("&Edit"))
        self._menus["view"].setTitle(self.tr("&View"))
        self._menus["go"].setTitle(self.tr("&Go"))
        self._menus["help"].setTitle(self.tr("&Help"))
        self._toolbar.setWindowTitle(self.tr("Navigation"))
        self._toolbar.setAccessibleName(self.tr("Navigation toolbar"))
        self._left.setTabText(0, self.tr("Library"))
        self._left.setTabText(1, self.tr("Search"))
        self._right.setTabText(0, self.tr("Reader"))
        self._right.setTabText(1, self.tr("Countries × Frameworks"))
        self._right.setTabText(2, self.tr("Map"))
        self._right.setTabText(3, self.tr("Timeline"))
        self._left.setAccessibleName(self.tr("Library and search"))
        self._right.setAccessibleName(self.tr("Reader and grid"))
        self._splitter.setAccessibleName(self.tr("Panes"))
        self._search.setAccessibleName(self.tr("Search results"))
        self._status_label.setAccessibleName(self.tr("Database"))
        self._update_status()

    def _set_title(self, page_title: str = "") -> None:
        if page_title:
            self.setWindowTitle(f"{page_title} — natoapp")
        else:
            self.setWindowTitle(self.tr("natoapp — NATO partnership frameworks"))

    # --- navigation ---------------------------------------------------------------------

    @Slot()
    def go_back(self) -> None:
        """Show the previous page."""
        location = self._history.back()
        if location is not None:
            self._show(location)

    @Slot()
    def go_forward(self) -> None:
        """Show the next page after going back."""
        location = self._history.forward()
        if location is not None:
            self._show(location)

    def _show(self, location: Location) -> None:
        self._right.setCurrentWidget(self._detail)
        self._detail.show_location(location)
        key = location.key
        if location.kind == PASSAGE:
            key = f"doc:{location.target.rpartition(':')[0]}"
        # A passage shows its document in the tree, unless one of the saved excerpts of that
        # passage is the row the reader is on already.
        if self._tree.current_location_key() != location.key:
            self._tree.select_location(key) or self._tree.select_location(location.key)
        self._settings.last_selection = location.key

    @Slot()
    def _update_navigation(self) -> None:
        self._actions["back"].setEnabled(self._history.can_go_back())
        self._actions["forward"].setEnabled(self._history.can_go_forward())

    @Slot(str, str)
    def _on_passage_activated(self, passage_id: str, query: str) -> None:
        self.open_location(Location.passage(passage_id, query=query))

    @Slot(str)
    def _on_entity_activated(self, entity_id: str) -> None:
        self.open_location(Location.entity(entity_id))

    @Slot(str)
    def _on_page_shown(self, key: str) -> None:
        self._set_title(self._detail.rendered().title)
        location = Location.parse(key)
        if location is not None and location.kind == ENTITY and self._map_tab.is_built():
            self.map_view().select_country(location.target)

    @Slot(str)
    def _on_page_failed(self, message: str) -> None:
        self._set_title()
        self._show_status(message)

    @Slot(str)
    def _on_search_text(self, text: str) -> None:
        if text.strip():
            self._left.setCurrentWidget(self._search)

    @Slot(str)
    def _on_search_copied(self, _text: str) -> None:
        self._show_status(self.tr("Copied the passage with its citation."))

    @Slot()
    def focus_search(self) -> None:
        """Put the cursor in the search box and show the results."""
        self._left.setCurrentWidget(self._search)
        self._search.focus_search()

    def _focus_tree_filter(self) -> None:
        self._left.setCurrentWidget(self._tree)
        self._tree.filter_box().setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._tree.filter_box().selectAll()

    def _show_tab(self, tabs: QTabWidget, index: int) -> None:
        tabs.setCurrentIndex(index)
        tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _copy(self) -> None:
        # A field with focus copies its own text; everywhere else the reader's excerpt.
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QPlainTextEdit):
            focus.copy()
            return
        self._detail.copy_selection()

    # --- text size, preferences, about --------------------------------------------------

    @Slot()
    def zoom_in(self) -> None:
        """Larger reading text."""
        self._set_text_size(self._settings.text_size + 1)

    @Slot()
    def zoom_out(self) -> None:
        """Smaller reading text."""
        self._set_text_size(self._settings.text_size - 1)

    @Slot()
    def zoom_reset(self) -> None:
        """The default reading text size."""
        self._set_text_size(default_text_size())

    def _set_text_size(self, size: int) -> None:
        size = clamp_text_size(size)
        self._settings.text_size = size
        self._detail.set_text_size(size)
        self._show_status(self.tr("Text size: %1 pt").replace("%1", str(size)))

    @Slot()
    def show_preferences(self) -> None:
        """Open the Preferences dialog and apply what changed."""
        from natoapp.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self._settings, self, sample=self._detail.sample())
        dialog.changed.connect(self.apply_settings)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def apply_settings(self) -> None:
        """Apply text size, language and colour scheme from the settings now."""
        self._detail.set_text_size(self._settings.text_size)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_color_scheme(app, self._settings.color_scheme)
        language = resolve_language(self._settings.language)
        if self._translators is None:
            if language != ("fr" if interface_is_french() else "en"):
                self._show_status(self.tr("The language applies on restart."))
        elif language != self._translators.language:
            self._translators.install(language)

    @Slot()
    def show_about(self) -> None:
        """Version, sources, licences and database provenance."""
        # Imported here: the first screen does not need the dialog's code.
        from natoapp.ui.about import AboutDialog

        dialog = AboutDialog(self._overview, self._library_path, self)
        dialog.exec()
        dialog.deleteLater()

    # --- overview -----------------------------------------------------------------------

    def _load_overview(self) -> None:
        # One read at a time: a request made during a read is served by one more read after it.
        if self._overview_loading:
            self._overview_stale = True
            return
        self._overview_loading = True
        self._overview_stale = False
        path = self._library_path
        language = self._language_changes
        self._show_status(self.tr("Reading the library…"))

        def read() -> tuple[Overview, TreeNode, GridData, FilterChoices, int]:
            # The tree, the grid and the filters' choices are made here too: tens of ms of
            # Python that would otherwise stall the window, as the first searches are typed.
            overview = load_overview(path)
            choices = filter_choices(overview.entities, overview.documents)
            return overview, build_tree(overview), build_grid(overview), choices, language

        run_in_thread(self, read, self._on_overview_read, self._on_overview_failed)

    def _on_overview_read(
        self, read: tuple[Overview, TreeNode, GridData, FilterChoices, int]
    ) -> None:
        overview, tree, grid, choices, language = read
        self._search.set_choices(choices)
        # Built in another language than the one now shown: built again, here.
        self._labels_read = (tree, grid) if language == self._language_changes else None
        try:
            self._on_overview(overview)
        finally:
            self._labels_read = None

    def _overview_read(self) -> bool:
        """Mark the read as over; True when another one was asked for meanwhile."""
        self._overview_loading = False
        if self._overview_stale:
            self._load_overview()
            return True
        return False

    def _on_overview(self, overview: Overview) -> None:
        if self._overview_read():
            return
        first = self._overview is None
        self._overview = overview
        self._relabel()
        self._show_status(self.tr("Ready."), 3000)
        if first:
            self._restore_selection()
        self.overviewLoaded.emit()

    def _on_overview_failed(self, exc: BaseException) -> None:
        if self._overview_read():
            return
        _log.error("could not read the library", exc_info=exc)
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        self._show_status(self.tr("The library could not be read: %1").replace("%1", message))

    def _relabel(self) -> None:
        # Names and headings follow the interface language: rebuild from the overview.
        if self._overview is None:
            return
        if self._labels_read is not None:
            tree, grid = self._labels_read
            self._labels_read = None
        else:
            tree, grid = build_tree(self._overview), build_grid(self._overview)
        self._tree.set_root(tree)
        self._grid.set_grid(grid)
        self._update_status()

    def _update_status(self) -> None:
        if self._overview is None:
            self._status_label.setText(str(self._library_path))
            return
        prov = self._overview.provenance
        text = self.tr("%1 documents · %2 passages").replace("%1", str(prov.documents))
        self._status_label.setText(
            f"{text.replace('%2', str(prov.passages))} · {self._library_path}"
        )
        self._status_label.setToolTip(str(self._library_path))

    def _restore_selection(self) -> None:
        last = self._settings.last_selection
        location = Location.parse(last) if last else None
        if location is not None:
            self.open_location(location)
        else:
            # A first start: the first framework of the tree, as a reader would begin.
            sections = self._tree.model().root().children
            if sections and sections[0].children:
                first = self._tree.model().index_of(sections[0].children[0])
                self._tree.view().setCurrentIndex(self._tree.proxy().mapFromSource(first))

    @Slot(str)
    def _show_status(self, message: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout)

    # --- the user's library: imports, collections, saved excerpts --------------------------

    def _install_user_library(self) -> None:
        # Imported here, like the map: the first screen needs neither the panel nor the importers.
        from natoapp.ui.library_actions import LibraryActions
        from natoapp.ui.user_library import prepare_user_library
        from natoapp.userlib.location import default_user_db

        self._collections_tab = LazyTab(self._make_collections, self)
        self._left.addTab(self._collections_tab, "")
        show = QAction(self)
        show.setObjectName("show_collections")
        show.setShortcut(QKeySequence("Ctrl+7"))
        show.triggered.connect(lambda: self._show_tab(self._left, 2))
        self.addAction(show)
        self._actions["show_collections"] = show
        self._library_actions = LibraryActions(
            self,
            self._library_path,
            on_collections_changed=self._on_collections_changed,
            on_language_change=self._retranslate_user_library,
        )
        library = self._library_actions.actions()
        self._actions.update(library)

        file_menu, quit_action = self._menus["file"], self._actions["quit"]
        file_menu.insertAction(quit_action, library["import_files"])
        file_menu.insertAction(quit_action, library["import_folder"])
        file_menu.insertSeparator(quit_action)
        file_menu.insertAction(quit_action, library["remove_document"])
        file_menu.insertSeparator(quit_action)
        edit_actions = self._menus["edit"].actions()
        after = edit_actions.index(self._actions["copy_citation"]) + 1
        if after < len(edit_actions):
            self._menus["edit"].insertAction(edit_actions[after], library["save_excerpt"])
        else:
            self._menus["edit"].addAction(library["save_excerpt"])
        self._menus["view"].insertAction(self._actions["show_reader"], show)
        self.setAcceptDrops(True)
        actions = self._library_actions
        self._detail.saveExcerptRequested.connect(actions.save_current_excerpt)
        self._search.saveExcerptRequested.connect(
            lambda passage_id: actions.save_excerpt_for(passage_id, None)
        )
        self._retranslate_user_library()

        def prepare() -> list[str]:
            notes: list[str] = []
            prepare_user_library(notes.append)
            return notes

        # Without a library of their own there is nothing to check: one is made by the first
        # import or saved excerpt. With one, the check (which loads the library's code) waits
        # until the first screen is up, so that it does not compete with the first keystrokes.
        if default_user_db().is_file():
            QTimer.singleShot(
                _USER_LIBRARY_CHECK_DELAY_MS,
                self,
                lambda: run_in_thread(self, prepare, self._on_user_library_prepared),
            )

    def _make_collections(self) -> CollectionsPanel:
        from natoapp.ui.collections_panel import CollectionsPanel

        panel = CollectionsPanel(self._collections_tab)
        panel.passageActivated.connect(self._on_passage_activated)
        panel.statusMessage.connect(self._show_status)
        panel.reloaded.connect(self._on_collections_shown)
        return panel

    @Slot()
    def _on_collections_shown(self) -> None:
        # A rename, a move or a deletion in the panel: the tree's Collections follow.
        if self._overview is None:
            return
        if self._overview_loading:
            self._load_overview()  # the read under way may predate the change
            return
        shown = [(entry.collection, entry.items) for entry in self.collections_panel().snapshot()]
        if shown != [(entry.collection, entry.items) for entry in self._overview.collections]:
            self._load_overview()

    def collections_panel(self) -> CollectionsPanel:
        """The collections of excerpts (built on first use)."""
        return self._collections_tab.widget()  # type: ignore[return-value]

    def library_actions(self) -> LibraryActions:
        """Import, remove and save-excerpt commands, with drops on the window."""
        return self._library_actions

    @Slot()
    def reload_library(self) -> None:
        """Read the library again after documents came or went: tree, grid, status bar, search."""
        self._load_overview()
        self._search.reload_library()

    def _on_collections_changed(self) -> None:
        if self._collections_tab.is_built():
            self.collections_panel().reload()
        self._load_overview()  # the tree lists the collections too

    @Slot(int)
    def show_collection(self, collection_id: int) -> None:
        """Show the Collections tab with collection ``collection_id`` selected."""
        self._left.setCurrentWidget(self._collections_tab)
        panel = self.collections_panel()
        if panel.select_collection(collection_id):
            panel.setFocus(Qt.FocusReason.OtherFocusReason)
            return

        # The panel reads its collections on a pool thread: select once they are shown.
        def select() -> None:
            panel.reloaded.disconnect(select)
            if panel.select_collection(collection_id):
                panel.setFocus(Qt.FocusReason.OtherFocusReason)

        panel.reloaded.connect(select)

    def _on_user_library_prepared(self, notes: list[str]) -> None:
        if not notes:
            return
        # A damaged library set aside, or an upgrade: what is shown may have changed.
        self._show_status(" ".join(notes), 20000)
        self.reload_library()
        self._on_collections_changed()

    def _retranslate_user_library(self) -> None:
        self._left.setTabText(2, self.tr("Collections"))
        action = self._actions["show_collections"]
        action.setText(self.tr("&Collections"))
        tip = self.tr("Show your collections of excerpts")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})")
        action.setStatusTip(tip)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._library_actions.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._library_actions.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self._library_actions.drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    # --- layout persistence -------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self._settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            size = screen.availableGeometry().size() if screen is not None else None
            if size is not None:
                self.resize(
                    min(1280, int(size.width() * 0.85)), min(820, int(size.height() * 0.85))
                )
        state = self._settings.window_state
        if state is not None:
            self.restoreState(state)
        splitter = self._settings.splitter_state(SPLITTER)
        if splitter is None or not self._splitter.restoreState(splitter):
            self._splitter.setSizes([360, 900])
        self._detail.set_text_size(self._settings.text_size)

    def save_layout(self) -> None:
        """Remember geometry, toolbars and splitter positions."""
        self._settings.geometry = self.saveGeometry()
        self._settings.window_state = self.saveState()
        self._settings.set_splitter_state(SPLITTER, self._splitter.saveState())
        self._settings.sync()

    # --- events -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self._search.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and not self._repolish_pending:
            # Widgets under a style sheet keep the palette they were polished with; polish
            # them again, once Qt has finished spreading the change, so that a new colour
            # scheme reaches every pane.
            self._repolish_pending = True
            QTimer.singleShot(0, self._repolish)
        if event.type() == QEvent.Type.LanguageChange:
            self._language_changes += 1
            self._retranslate()
            self._relabel()
            if self._detail.current_page() is not None:
                self._set_title(self._detail.rendered().title)
        super().changeEvent(event)

    @Slot()
    def _repolish(self) -> None:
        self.setStyleSheet("")
        self.setStyleSheet(_FOCUS_STYLE)
        self._set_arrow_icons()
        self._repolish_pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The mouse's side buttons go back and forward anywhere in the window.
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton)
            and isinstance(watched, QWidget)
            and (watched is self or self.isAncestorOf(watched))
        ):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
            else:
                self.go_forward()
            return True
        return super().eventFilter(watched, event)

"""The search panel as a reader uses it: typing, filtering, opening, copying, the keyboard."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QThread
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QMenu,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from natoapp.corpus.normalize import fold
from natoapp.store.library import Library
from natoapp.store.records import Hit, SearchFilters, SearchResult
from natoapp.ui.choice_model import ChoiceModel
from natoapp.ui.search_help import SearchHelpDialog
from natoapp.ui.search_model import MARKS_ROLE, SNIPPET_ROLE, VIA_ROLE, SearchResultsModel
from natoapp.ui.search_panel import TYPING_DELAY_MS, SearchBox, SearchPanel
from natoapp.ui.search_worker import PAGE_SIZE, SearchPage, SearchService
from natoapp.ui.snippet_delegate import SnippetDelegate, snippet_document

HOSTILE_QUERIES = [
    '"unbalanced',
    "NEAR(",
    "title:x",
    "'; DROP TABLE passages;--",
    "Koweït " * 1429,  # about 10,000 characters
    "🇰🇼 coopération 🤝",
    "* OR - NOT ) ( ^",
]


@pytest.fixture
def search(qtbot, library_path, settings):
    """A search box driving a panel, shown in one window as the main window would."""
    window = QWidget()
    box = SearchBox(window)
    panel = SearchPanel(library_path, settings, window)
    panel.connect_search_box(box)
    layout = QVBoxLayout(window)
    layout.addWidget(box)
    layout.addWidget(panel)
    qtbot.addWidget(window)
    window.resize(700, 600)
    window.show()
    qtbot.waitUntil(lambda: _combo(panel, "Filter by document").count() > 1)
    yield box, panel
    panel.shutdown()


def _combo(panel: SearchPanel, name: str) -> QComboBox:
    return next(c for c in panel.findChildren(QComboBox) if c.accessibleName() == name)


def _settled(panel: SearchPanel, query: str):
    """Waiting condition: the results shown are those of ``query``, nothing in flight."""

    def check() -> None:
        assert not panel.is_searching()
        assert panel.hit_count_text() not in ("", "Searching…")
        assert panel.model().query == query or panel.model().total == 0
        assert panel.model().total_known

    return check


def _marked_words(panel: SearchPanel) -> list[str]:
    model = panel.model()
    words = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        snippet = index.data(SNIPPET_ROLE)
        words += [fold(snippet[s:e]) for s, e in index.data(MARKS_ROLE)]
    return words


def test_empty_panel_says_what_to_try(search):
    _box, panel = search
    assert "Type words to search" in panel.message_text()
    assert panel.model().rowCount() == 0
    assert panel.hit_count_text() == ""


def test_typing_shows_marked_snippets_and_the_hit_count(qtbot, search):
    box, panel = search
    qtbot.keyClicks(box, "koweit")  # typed without its accent
    qtbot.waitUntil(_settled(panel, "koweit"))
    model = panel.model()
    assert model.rowCount() > 0
    literal = [model.hit(r) for r in range(model.rowCount()) if model.hit(r).match == "literal"]
    assert literal
    assert all(hit.marks for hit in literal)
    assert all(w.startswith("kowe") for w in _marked_words(panel) if w.startswith("k"))
    count = panel.hit_count_text()
    documents = len({model.hit(r).doc for r in range(model.rowCount())})
    passages = "1 passage" if model.total == 1 else f"{model.total} passages"
    where = "1 document" if documents == 1 else f"{documents} documents"
    assert count == f"{passages} in {where}"
    assert "Searched:" in panel.understood_text()


def test_display_text_names_title_date_and_snippet(qtbot, search, library):
    box, panel = search
    qtbot.keyClicks(box, "Stoltenberg")
    qtbot.waitUntil(_settled(panel, "Stoltenberg"))
    hit = panel.model().hit(0)
    shown = panel.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    document = library.document(hit.doc)
    assert document.title in shown
    assert (document.date or "n.d.") in shown
    assert hit.snippet in shown


def test_a_superseded_query_never_shows_its_results(qtbot, search):
    box, panel = search
    shown: list[str] = []
    panel.model().modelReset.connect(lambda: shown.append(panel.model().query))
    final = "Jordanie"
    for query in ("Qatar", "coopération", "Jor", "Jorda", final):
        box.setText(query)
        panel.search_now()
    qtbot.waitUntil(_settled(panel, final))
    qtbot.wait(200)  # anything stale would have arrived by now
    assert [q for q in shown if q] == [final]
    assert panel.model().rowCount() > 0
    assert all(w.startswith("jordan") for w in _marked_words(panel))


def test_fast_typing_ends_on_the_final_query(qtbot, search):
    box, panel = search
    qtbot.keyClicks(box, "Tunisie")
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "e")
    qtbot.waitUntil(_settled(panel, "Tunisie"))
    assert panel.model().query == "Tunisie"
    assert all(w.startswith("tunisi") for w in _marked_words(panel))


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_query_shows_no_dialog_and_keeps_the_window_responsive(qtbot, search, query):
    box, panel = search
    started = time.monotonic()
    box.setText(query)
    panel.search_now()
    assert time.monotonic() - started < 1.0  # the GUI thread never waits for the engine
    qtbot.waitUntil(lambda: panel.hit_count_text() not in ("", "Searching…"), timeout=10000)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    assert not [d for d in dialogs if d.isVisible()]
    assert "Traceback" not in panel.message_text()
    # Still answering: a new query after the hostile one works.
    box.setText("Maroc")
    panel.search_now()
    qtbot.waitUntil(_settled(panel, "Maroc"), timeout=10000)
    assert panel.model().rowCount() > 0


def test_filters_narrow_the_results(qtbot, search, library):
    box, panel = search
    qtbot.keyClicks(box, "OTAN")
    qtbot.waitUntil(_settled(panel, "OTAN"))
    everywhere = panel.model().total
    doc_id = "003_cac1df43d34c3008"
    documents = _combo(panel, "Filter by document")
    generation = panel.model().generation
    documents.setCurrentIndex(documents.findData(doc_id))
    qtbot.waitUntil(lambda: panel.model().generation > generation)
    qtbot.waitUntil(_settled(panel, "OTAN"))
    model = panel.model()
    assert 0 < model.total < everywhere
    assert {model.hit(r).doc for r in range(model.rowCount())} == {doc_id}


def test_country_filter_keeps_passages_that_mention_the_country(qtbot, search, library):
    box, panel = search
    qtbot.keyClicks(box, "OTAN")
    qtbot.waitUntil(_settled(panel, "OTAN"))
    everywhere = panel.model().total
    countries = _combo(panel, "Filter by country")
    generation = panel.model().generation
    countries.setCurrentIndex(countries.findData("KW"))
    assert countries.currentText() in ("Kuwait", "Koweït")
    qtbot.waitUntil(lambda: panel.model().generation > generation)
    qtbot.waitUntil(_settled(panel, "OTAN"))
    model = panel.model()
    assert 0 < model.total < everywhere
    for row in range(model.rowCount()):
        mentioned = {m.entity for m in library.mentions(passage_id=model.hit(row).passage)}
        assert "KW" in mentioned


def test_a_filter_alone_lists_what_it_keeps(qtbot, search, library):
    _box, panel = search
    frameworks = _combo(panel, "Filter by framework")
    frameworks.setCurrentIndex(frameworks.findData("istanbul-cooperation-initiative"))
    qtbot.waitUntil(lambda: panel.model().rowCount() > 0)
    model = panel.model()
    for row in range(model.rowCount()):
        mentioned = {m.entity for m in library.mentions(passage_id=model.hit(row).passage)}
        assert "istanbul-cooperation-initiative" in mentioned
    frameworks.setCurrentIndex(0)
    qtbot.waitUntil(lambda: "Type words to search" in panel.message_text())
    assert panel.model().rowCount() == 0


def test_year_filter_keeps_that_year_only(qtbot, search, library):
    box, panel = search
    years = _combo(panel, "Filter by year")
    dated = {d.id: d.date for d in library.documents() if d.date}
    year = int(next(iter(dated.values()))[:4])
    qtbot.keyClicks(box, "OTAN")
    qtbot.waitUntil(_settled(panel, "OTAN"))
    generation = panel.model().generation
    years.setCurrentIndex(years.findData(year))
    qtbot.waitUntil(lambda: panel.model().generation > generation)
    qtbot.waitUntil(_settled(panel, "OTAN"))
    model = panel.model()
    assert model.rowCount() > 0
    assert all(dated.get(model.hit(r).doc, "")[:4] == str(year) for r in range(model.rowCount()))


def test_entity_matches_say_through_which_name(qtbot, search, library):
    box, panel = search
    qtbot.keyClicks(box, "Kuwait")
    qtbot.waitUntil(_settled(panel, "Kuwait"))
    model = panel.model()
    entity_rows = [r for r in range(model.rowCount()) if model.hit(r).match == "entity"]
    assert entity_rows
    kuwait = library.find_entity("Kuwait")
    hit = model.hit(entity_rows[0])
    start, end = hit.marks[0]
    label = model.index(entity_rows[0], 0).data(VIA_ROLE)
    # The passage's own words, then the entity they name (English interface).
    assert label == f"via {hit.snippet[start:end]} → {kuwait.name_en}"
    assert fold(hit.snippet[start:end]).startswith("kowe")
    assert label in model.index(entity_rows[0], 0).data(Qt.ItemDataRole.DisplayRole)
    assert "Names recognised" in panel.understood_text()
    assert "Kuwait" in panel.understood_text()


def test_nothing_found_suggests_a_known_spelling(qtbot, search):
    box, panel = search
    box.setText("Jordanye")
    panel.search_now()
    qtbot.waitUntil(lambda: bool(panel.suggestions()), timeout=5000)
    assert "Nothing found" in panel.message_text()
    assert "Jordanie" in panel.suggestions()


def test_enter_on_a_hit_opens_its_passage(qtbot, search):
    box, panel = search
    qtbot.keyClicks(box, "Bahrein")
    qtbot.waitUntil(_settled(panel, "Bahrein"))
    qtbot.keyClick(box, Qt.Key.Key_Down)
    view = panel.results_view()
    assert view.hasFocus()
    assert view.currentIndex().row() == 0
    expected = panel.model().hit(0).passage
    with qtbot.waitSignal(panel.passageActivated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [expected, "Bahrein"]


def test_up_from_the_first_hit_returns_to_the_box_and_esc_clears_it(qtbot, search):
    box, panel = search
    qtbot.keyClicks(box, "Qatar")
    qtbot.waitUntil(_settled(panel, "Qatar"))
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results_view(), Qt.Key.Key_Up)
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert "Type words to search" in panel.message_text()


def test_ctrl_c_copies_the_whole_passage_with_its_citation(qtbot, search, library):
    box, panel = search
    qtbot.keyClicks(box, "Stoltenberg")
    qtbot.waitUntil(_settled(panel, "Stoltenberg"))
    qtbot.keyClick(box, Qt.Key.Key_Down)
    hit = panel.model().hit(0)
    passage = library.passage(hit.passage)
    document = library.document(hit.doc)
    with qtbot.waitSignal(panel.excerptCopied, timeout=3000):
        qtbot.keyClick(panel.results_view(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasText()
    assert mime.hasHtml()
    assert passage.text in mime.text()
    assert f"passage {passage.ordinal}. {document.source_file}" in mime.text()
    assert "Copied passage" in panel.message_text()


def test_context_menu_copies_the_excerpt_with_its_citation(qtbot, search, library):
    box, panel = search
    qtbot.keyClicks(box, "Qatar")
    qtbot.waitUntil(_settled(panel, "Qatar"))
    view = panel.results_view()
    where = view.visualRect(panel.model().index(1, 0)).center()
    view.customContextMenuRequested.emit(where)
    menu = panel.findChild(QMenu)
    assert menu is not None and menu.isVisible()
    labels = [a.text().split("\t")[0] for a in menu.actions()]
    assert "Copy excerpt with citation" in labels
    copy = next(a for a in menu.actions() if a.text().startswith("Copy excerpt"))
    with qtbot.waitSignal(panel.excerptCopied, timeout=3000) as blocker:
        copy.trigger()
    menu.close()
    passage = library.passage(panel.model().hit(1).passage)
    assert passage.text in blocker.args[0]


def test_copy_key_wins_over_a_window_wide_copy_shortcut(qtbot, search):
    box, panel = search
    window = panel.window()
    window_copies: list[bool] = []
    action = QAction(window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    action.triggered.connect(lambda: window_copies.append(True))
    window.addAction(action)
    qtbot.keyClicks(box, "Stoltenberg")
    qtbot.waitUntil(_settled(panel, "Stoltenberg"))
    qtbot.keyClick(box, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.excerptCopied, timeout=3000):
        qtbot.keyClick(panel.results_view(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert window_copies == []


def test_copy_follows_the_chosen_citation_format(qtbot, search, settings):
    box, panel = search
    settings.citation_format = "bibtex"
    qtbot.keyClicks(box, "Stoltenberg")
    qtbot.waitUntil(_settled(panel, "Stoltenberg"))
    panel.results_view().setCurrentIndex(panel.model().index(0, 0))
    with qtbot.waitSignal(panel.excerptCopied, timeout=3000) as blocker:
        panel.copy_current_excerpt()
    assert blocker.args[0].startswith(f"@misc{{natoapp:{panel.model().hit(0).doc},")


def test_f1_explains_the_syntax(qtbot, search):
    box, panel = search
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_F1)
    dialog = panel.findChild(SearchHelpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert "OR" in text and "*" in text and '"' in text
    dialog.close()


def test_results_model_passes_the_model_tester(qtbot, qtmodeltester, search):
    box, panel = search
    qtmodeltester.check(panel.model())
    qtbot.keyClicks(box, "cooperation")
    qtbot.waitUntil(_settled(panel, "cooperation"))
    qtmodeltester.check(panel.model())


def test_results_arrive_a_page_at_a_time(qtbot, search):
    box, panel = search
    box.setText("la")
    panel.search_now()
    qtbot.waitUntil(_settled(panel, "la"))
    model = panel.model()
    if model.total <= model.loaded():
        pytest.skip("the corpus has too few hits for a second page")
    first = model.loaded()
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.loaded() > first)
    passages = [model.hit(r).passage for r in range(model.rowCount())]
    assert len(passages) == len(set(passages))


def _page(generation, offset, count, total, query="q"):
    hits = [
        Hit(
            doc="d",
            passage=f"d:{offset + i + 1}",
            ordinal=offset + i + 1,
            title="T",
            date=None,
            snippet=f"snippet {offset + i}",
            marks=((0, 7),),
            score=1.0,
        )
        for i in range(count)
    ]
    return SearchPage(generation, query, SearchFilters(), offset, SearchResult(hits, total))


def test_model_fetches_pages_on_demand_and_only_in_order(qtbot, qtmodeltester):
    model = SearchResultsModel()
    model.set_page(_page(3, 0, 50, 120))
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.fetchRequested) as asked:
        model.fetchMore(QModelIndex())
    assert asked.args == [50]
    with qtbot.assertNotEmitted(model.fetchRequested):
        model.fetchMore(QModelIndex())  # one page on its way at a time
    assert not model.append_page(_page(2, 50, 50, 120))  # an older query's page
    assert not model.append_page(_page(3, 60, 50, 120))  # not the next rows
    assert model.append_page(_page(3, 50, 50, 120))
    assert model.rowCount() == 100
    assert model.document_count() is None  # not everything is fetched yet
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    assert model.append_page(_page(3, 100, 0, 120))  # fewer than counted: stop asking
    assert not model.canFetchMore(QModelIndex())
    assert model.total == 100
    assert model.document_count() == 1
    qtmodeltester.check(model)


def test_destroying_the_panel_stops_its_search_thread(qtbot, library_path, settings):
    parent = QWidget()
    panel = SearchPanel(library_path, settings, parent)
    panel.set_query("OTAN")
    panel.search_now()
    thread = panel.findChild(SearchService).findChild(QThread)
    assert thread.isRunning()
    stopped: list[bool] = []
    thread.finished.connect(lambda: stopped.append(True), Qt.ConnectionType.DirectConnection)
    shiboken6.delete(parent)  # a running QThread destroyed would abort the process
    assert stopped == [True]


def test_every_control_has_an_accessible_name(search):
    box, panel = search
    controls = [box, *panel.findChildren(QComboBox), panel.results_view()]
    assert all(c.accessibleName() for c in controls)


def test_snippet_markup_is_shown_as_text(qapp):
    snippet = '<b>Koweït</b> <a href="file:///etc/passwd">x</a> <img src=y> <script>'
    start = snippet.index("Koweït")
    doc = snippet_document(
        "Titre · n.d.",
        "",
        snippet,
        [(start, start + len("Koweït"))],
        QFont(),
        QPalette(),
    )
    assert doc.toPlainText().split("\n")[-1] == snippet
    block = doc.lastBlock()  # format ranges count from the start of their block
    weights = {
        snippet[r.start : r.start + r.length]: r.format.fontWeight() for r in block.textFormats()
    }
    assert [text for text, weight in weights.items() if weight == QFont.Weight.Bold] == ["Koweït"]
    markup = doc.toHtml()
    assert "<img" not in markup and "<script>" not in markup and "<a " not in markup


def test_the_page_comes_first_and_its_count_follows(qtbot, search, library):
    box, panel = search
    query = "pa"  # a prefix: more hits than a page holds
    total = library.count(query)
    assert total > PAGE_SIZE
    service = panel.findChild(SearchService)
    arrivals: list[str] = []
    service.resultsReady.connect(lambda page: arrivals.append(f"page {page.result.total}"))
    service.countReady.connect(lambda _generation, n: arrivals.append(f"count {n}"))
    box.setText(query)
    panel.search_now()
    qtbot.waitUntil(_settled(panel, query))
    assert arrivals == [f"page {PAGE_SIZE + 1}", f"count {total}"]
    assert panel.model().total == total
    assert panel.hit_count_text() == f"{total} passages"


def test_model_shows_a_floor_until_the_count_arrives(qtbot):
    model = SearchResultsModel()
    model.set_page(_page(4, 0, 50, 51))  # a page that says more follow
    assert not model.total_known
    assert model.count_text() == "50+ passages"
    assert model.document_count() is None
    assert model.canFetchMore(QModelIndex())
    assert not model.set_total(3, 999)  # another query's count
    assert model.set_total(4, 120)
    assert model.total_known and model.total == 120
    assert model.count_text() == "120 passages"


def test_model_says_when_hits_were_ranked_a_window_at_a_time(qtbot):
    model = SearchResultsModel()
    page = _page(6, 0, 50, 51)
    model.set_page(replace(page, result=replace(page.result, ranking_window=5000)))
    assert model.set_total(6, 400985)
    assert model.count_text() == "400985 passages — best of the newest 5000 first"
    model.set_page(_page(7, 0, 3, 3))
    assert model.count_text() == "3 passages in 1 document"


def test_model_learns_the_total_from_the_last_page_when_no_count_came(qtbot):
    model = SearchResultsModel()
    model.set_page(_page(5, 0, 50, 51))
    model.fetchMore(QModelIndex())
    assert model.append_page(_page(5, 50, 50, 101))
    assert not model.total_known and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.append_page(_page(5, 100, 7, 107))  # no more follow
    assert model.total_known and model.total == 107
    assert not model.canFetchMore(QModelIndex())


def test_the_first_key_does_not_wait_for_a_pause(qtbot, search):
    box, panel = search
    assert panel.typing_delay() == 0  # nothing timed yet: searches are taken to be fast
    qtbot.keyClicks(box, "O")
    assert panel.is_searching()
    qtbot.waitUntil(_settled(panel, "O"))
    assert panel.typing_delay() == 0  # the seeds are searched in a few milliseconds


def test_a_key_searches_at_once_while_searches_are_fast(qtbot, search):
    box, panel = search
    box.setText("OT")
    assert panel.is_searching()
    assert panel.model().query != "OT"  # asked for, not yet shown
    qtbot.waitUntil(_settled(panel, "OT"))
    assert panel.model().rowCount() > 0


def test_delegate_lays_out_a_hit_again_only_when_what_it_shows_changes(qtbot, search):
    box, panel = search
    box.setText("Koweït")
    qtbot.waitUntil(_settled(panel, "Koweït"))
    view = panel.results_view()
    delegate = view.itemDelegate()
    assert isinstance(delegate, SnippetDelegate)
    model = panel.model()
    index = model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect.setWidth(400)
    first = delegate._document(option, index)
    assert delegate._document(option, index) is first
    assert first.toPlainText().endswith(index.data(SNIPPET_ROLE))
    option.rect.setWidth(300)
    narrower = delegate._document(option, index)
    assert narrower is not first
    assert narrower.textWidth() < first.textWidth()
    other = delegate._document(option, model.index(1, 0))
    # toPlainText gives no-break spaces back as plain ones.
    shown_text = model.index(1, 0).data(SNIPPET_ROLE).replace("\xa0", " ")
    assert other.toPlainText().endswith(shown_text)
    box.setText("Qatar")
    qtbot.waitUntil(_settled(panel, "Qatar"))
    option.rect.setWidth(400)
    shown = delegate._document(option, model.index(0, 0))
    assert shown.toPlainText().endswith(model.index(0, 0).data(SNIPPET_ROLE))


def test_slow_searches_wait_for_a_pause_in_the_typing_but_the_first_does_not_count(
    qtbot, search, monkeypatch
):
    box, panel = search
    real = Library.search

    def slow(self, *args, **kwargs):
        time.sleep(0.3)  # slower than a search that may follow every key
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Library, "search", slow)
    box.setText("O")
    qtbot.waitUntil(_settled(panel, "O"))
    assert panel.typing_delay() == 0  # the first search after opening is not a measure
    box.setText("OT")
    qtbot.waitUntil(_settled(panel, "OT"))
    assert panel.typing_delay() == TYPING_DELAY_MS


def test_a_filter_box_holds_its_choices_in_a_model(qtbot, qtmodeltester):
    model = ChoiceModel()
    items = [(f"doc-{i}", f"Document {i}") for i in range(50_000)]
    model.set_items("All documents", items)
    assert model.rowCount() == 50_001
    assert (
        model.index(0, 0).data() == "All documents"
        and model.index(0, 0).data(Qt.ItemDataRole.UserRole) == ""
    )
    assert model.index(42, 0).data(Qt.ItemDataRole.UserRole) == "doc-41"
    assert model.row_of("doc-49999") == 50_000 and model.row_of("nothing") == -1
    small = ChoiceModel()
    small.set_choices("All years", [2004, 2017], lambda i: str([2004, 2017][i]))
    qtmodeltester.check(small)
    combo = QComboBox()
    combo.setModel(small)
    combo.setCurrentIndex(small.row_of(2017))
    assert combo.currentData() == 2017 and combo.currentText() == "2017"

"""The reading pane: entity and document pages, highlights, links, copying, hostile text."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

from natoapp import paths
from natoapp.citation import format_excerpt, format_reference, source_for
from natoapp.store.lifecycle import ensure_database
from natoapp.store.records import DocumentInfo, PassageInfo
from natoapp.ui.detail_data import DocumentPage, Excerpt
from natoapp.ui.detail_pane import DetailPane
from natoapp.ui.history import Location
from natoapp.ui.labels import entity_name
from natoapp.ui.page_render import MENTIONS_PER_BATCH
from natoapp.ui.rich_text import HIT, MENTION, anchors_in, marks_in

HOSTILE = '<b>bold</b> <a href="file:///etc/passwd">x</a> <img src=x> <script>alert(1)</script>'
ESCAPED = (
    r'\<b\>bold\</b\> \<a href="file:///etc/passwd"\>x\</a\> \<img src=x\> '
    r"\<script\>alert(1)\</script\>"
)


@pytest.fixture(autouse=True)
def english():
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English))


@pytest.fixture
def pane(qtbot, library_path, settings):
    pane = DetailPane(library_path, settings)
    qtbot.addWidget(pane)
    pane.resize(800, 500)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def show(qtbot, pane: DetailPane, location: Location) -> None:
    with qtbot.waitSignal(pane.pageShown, timeout=5000):
        pane.show_location(location)


def clipboard() -> tuple[str, str]:
    mime = QGuiApplication.clipboard().mimeData()
    return mime.text(), mime.html()


def text_of(pane: DetailPane) -> str:
    """The pane's characters as they are (toPlainText would turn no-break spaces into spaces)."""
    return pane.browser().document().toRawText().replace("\u2029", "\n")


def _member_relation(library, country="KW"):
    return next(r for r in library.relations(country) if r.kind == "member" and r.evidence)


# --- entity pages -------------------------------------------------------------------


def test_entity_page_shows_names_kind_and_relations_with_evidence(qtbot, pane, library):
    show(qtbot, pane, Location.entity("KW"))
    text = text_of(pane)
    kuwait = library.entity("KW")
    assert text.startswith(kuwait.name_en)
    assert f"French: {kuwait.name_fr}" in text and f"English: {kuwait.name_en}" in text
    assert "Country" in text
    relation = _member_relation(library)
    framework = library.entity(relation.object)
    assert "Member of" in text
    assert entity_name(framework) in text
    for evidence in relation.evidence:
        assert evidence.quote in text
        doc = library.document(evidence.doc)
        passage = library.passage(evidence.passage)
        assert f"{doc.title}, {doc.date or 'n.d.'}, passage {passage.ordinal}" in text


def test_every_excerpt_naming_the_entity_newest_document_first(qtbot, pane, library):
    show(qtbot, pane, Location.entity("KW"))
    text = text_of(pane)
    mentions = library.mentions(entity_id="KW")
    docs = {library.document(m.doc) for m in mentions}
    ordered = sorted(docs, key=lambda d: d.date or "", reverse=True)
    listing = text[text.index("Where the texts name it") :]
    positions = [listing.index(f"{d.date or 'n.d.'} — {d.title}") for d in ordered]
    assert positions == sorted(positions)
    for passage_id in {m.passage for m in mentions}:
        assert library.passage(passage_id).text in listing
    marked = {t for _, _, kind, t in marks_in(pane.browser().document()) if kind == MENTION}
    assert {m.text for m in mentions} <= marked


def test_unknown_entity_gives_a_one_line_message(qtbot, pane):
    with qtbot.waitSignal(pane.pageFailed, timeout=5000) as blocker:
        pane.show_location(Location.entity("no-such-thing"))
    (message,) = blocker.args
    assert "no-such-thing" in message and "\n" not in message
    assert text_of(pane) == message
    assert pane.current_page() is None


# --- document pages -----------------------------------------------------------------


def test_document_page_is_the_text_as_a_reader_sees_it(qtbot, pane, library):
    doc = library.documents()[0]
    show(qtbot, pane, Location.document(doc.id))
    text = text_of(pane)
    assert text.startswith(doc.title)
    assert (doc.date or "n.d.") in text and doc.source_file in text
    positions = [text.index(p.text) for p in library.passages(doc.id)]
    assert positions == sorted(positions)
    assert pane.browser().verticalScrollBar().value() == 0


def test_mentions_are_links_to_their_entities(qtbot, pane, library):
    doc_id = "003_cac1df43d34c3008"
    show(qtbot, pane, Location.document(doc_id))
    anchors = anchors_in(pane.browser().document())
    assert anchors and all(href.startswith("natoapp:") for href, _ in anchors)
    targets = {pane.rendered().target(href) for href, _ in anchors}
    mentioned = {
        m.entity for p in library.passages(doc_id) for m in library.mentions(passage_id=p.id)
    }
    assert {t.target for t in targets if isinstance(t, Location)} == mentioned

    # Clicking the first "Koweït" link opens Kuwait's page.
    href = next(h for h, t in anchors if pane.rendered().target(h) == Location.entity("KW"))
    with qtbot.waitSignal(pane.locationRequested) as blocker:
        pane.browser().anchorClicked.emit(QUrl(href))
    assert blocker.args == [Location.entity("KW")]


def test_a_link_that_is_not_ours_opens_nothing(qtbot, pane):
    show(qtbot, pane, Location.document("003_cac1df43d34c3008"))
    opened = []
    pane.locationRequested.connect(opened.append)
    pane.browser().anchorClicked.emit(QUrl("file:///etc/passwd"))
    pane.browser().anchorClicked.emit(QUrl("natoapp:t/9999"))
    assert opened == []
    assert text_of(pane).startswith("L’Otan a ouvert")


def test_a_hit_opens_scrolled_to_its_passage_with_the_words_highlighted(qtbot, pane, library):
    query = "terrorisme"
    passages = library.passages("001_9ae11caa2999d0e2")
    target = [p for p in passages if library.highlight(p.id, query)][-1]
    assert target.ordinal > len(passages) // 2
    show(qtbot, pane, Location.passage(target.id, query=query))
    browser = pane.browser()
    assert browser.verticalScrollBar().value() > 0
    placed = next(p for p in pane.rendered().excerpts if p.excerpt.passage.id == target.id)
    cursor = QTextCursor(browser.document())
    cursor.setPosition(placed.start)
    assert browser.viewport().rect().contains(browser.cursorRect(cursor).center())
    hits = [(s, e) for s, e, kind, _ in marks_in(browser.document()) if kind == HIT]
    expected = [
        (placed.start + s, placed.start + e) for s, e in library.highlight(target.id, query)
    ]
    assert [h for h in hits if placed.start <= h[0] < placed.end] == expected
    assert all(text_of(pane)[s:e].lower().startswith("terroris") for s, e in expected)
    focused = cursor.block().blockFormat().background()
    assert focused.style() != Qt.BrushStyle.NoBrush
    # The passage a hit leads to has its own copy link.
    copy = next(
        h
        for h, t in anchors_in(browser.document())
        if t == f"Copy passage {target.ordinal} with its citation"
    )
    pane.browser().anchorClicked.emit(QUrl(copy))
    expected_copy = format_excerpt(
        target.text, source_for(library.document(target.doc), target), "plain"
    )
    assert clipboard() == (expected_copy.plain, expected_copy.html)


def test_a_citation_opens_the_document_with_the_quote_marked(qtbot, pane, library):
    show(qtbot, pane, Location.entity("KW"))
    relation = _member_relation(library)
    evidence = relation.evidence[0]
    anchors = anchors_in(pane.browser().document())
    targets = [pane.rendered().target(h) for h, _ in anchors]
    citation = next(t for t in targets if isinstance(t, Location) and t.target == evidence.passage)
    show(qtbot, pane, citation)
    marked = [t for _, _, kind, t in marks_in(pane.browser().document()) if kind == MENTION]
    passage_text = library.passage(evidence.passage).text
    if evidence.quote != passage_text:
        assert evidence.quote in marked


# --- copying ------------------------------------------------------------------------


def test_the_copy_link_copies_the_verbatim_quote_with_its_citation(qtbot, pane, library):
    show(qtbot, pane, Location.entity("KW"))
    relation = _member_relation(library)
    evidence = relation.evidence[0]
    placed = next(p for p in pane.rendered().excerpts if p.excerpt.text == evidence.quote)
    index = pane.rendered().excerpts.index(placed)
    copy_href = next(
        h
        for h, _ in anchors_in(pane.browser().document())
        if getattr(pane.rendered().target(h), "index", None) == index
    )
    with qtbot.waitSignal(pane.copied):
        pane.browser().anchorClicked.emit(QUrl(copy_href))
    plain, rich = clipboard()
    doc, passage = library.document(evidence.doc), library.passage(evidence.passage)
    expected = format_excerpt(evidence.quote, source_for(doc, passage), "plain")
    assert (plain, rich) == (expected.plain, expected.html)
    assert evidence.quote in plain and f"passage {passage.ordinal}" in plain
    assert doc.title in plain


def test_ctrl_c_on_an_excerpt_copies_it_whole(qtbot, pane, library):
    doc_id = "003_cac1df43d34c3008"
    show(qtbot, pane, Location.document(doc_id))
    passage = library.passages(doc_id)[2]
    index = next(
        i for i, p in enumerate(pane.rendered().excerpts) if p.excerpt.passage.id == passage.id
    )
    cursor = QTextCursor(pane.browser().document())
    cursor.setPosition(pane.rendered().excerpts[index].start + 3)
    pane.browser().setTextCursor(cursor)
    pane.browser().setFocus()
    qtbot.keyClick(pane.browser(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    expected = format_excerpt(passage.text, source_for(library.document(doc_id), passage), "plain")
    assert clipboard() == (expected.plain, expected.html)


def test_a_partial_selection_copies_just_that_part_marked_as_cut(qtbot, pane, library, settings):
    settings.citation_format = "markdown"
    doc_id = "003_cac1df43d34c3008"
    show(qtbot, pane, Location.document(doc_id))
    passage = library.passages(doc_id)[0]
    index = next(
        i for i, p in enumerate(pane.rendered().excerpts) if p.excerpt.passage.id == passage.id
    )
    words = "quatre pays du Golfe arabo-persique"
    start = passage.text.index(words)
    pane.select_in_excerpt(index, start, start + len(words))
    qtbot.keyClick(pane.browser(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    plain, rich = clipboard()
    expected = format_excerpt(
        words,
        source_for(library.document(doc_id), passage),
        "markdown",
        cut_start=True,
        cut_end=True,
    )
    assert (plain, rich) == (expected.plain, expected.html)
    assert plain.startswith("> [\\…] quatre pays du Golfe") or plain.startswith("> […] quatre")
    assert words in rich


def test_a_whole_sentence_selection_has_no_cut_marks(qtbot, pane, library):
    doc_id = "003_cac1df43d34c3008"
    show(qtbot, pane, Location.document(doc_id))
    passage = library.passages(doc_id)[0]
    index = next(
        i for i, p in enumerate(pane.rendered().excerpts) if p.excerpt.passage.id == passage.id
    )
    first_sentence = passage.text[: passage.text.index(".") + 1]
    pane.select_in_excerpt(index, 0, len(first_sentence))
    copied = pane.copy_selection()
    assert "[…]" not in copied.plain
    assert first_sentence in copied.plain


def test_a_selection_across_excerpts_copies_plain_text(qtbot, pane):
    show(qtbot, pane, Location.document("003_cac1df43d34c3008"))
    first, second = pane.rendered().excerpts[0], pane.rendered().excerpts[1]
    cursor = QTextCursor(pane.browser().document())
    cursor.setPosition(first.start + 2)
    cursor.setPosition(second.start + 5, QTextCursor.MoveMode.KeepAnchor)
    pane.browser().setTextCursor(cursor)
    assert pane.copy_selection() is None
    plain, _ = clipboard()
    assert plain == cursor.selectedText().replace("\u2029", "\n")


def test_copy_citation_on_a_document_copies_its_reference(qtbot, pane, library, settings):
    settings.citation_format = "bibtex"
    doc_id = "000_3dd9bffdd09fa4c1"
    show(qtbot, pane, Location.document(doc_id))
    copied = pane.copy_citation()
    expected = format_reference(source_for(library.document(doc_id)), "bibtex")
    assert copied.plain == expected == clipboard()[0]
    assert "text/html" in QGuiApplication.clipboard().mimeData().formats()


def test_context_menu_offers_copying_and_opening(qtbot, pane):
    show(qtbot, pane, Location.entity("KW"))
    placed = pane.rendered().excerpts[0]
    cursor = QTextCursor(pane.browser().document())
    cursor.setPosition(placed.start + 1)
    point = pane.browser().cursorRect(cursor).center()
    menu = pane.context_menu(point)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert "Copy Excerpt with Citation" in labels
    assert "Open in Document" in labels
    assert "Copy Citation" in labels
    save = next(a for a in menu.actions() if a.text() == "Save Excerpt to Collection…")
    with qtbot.waitSignal(pane.saveExcerptRequested, timeout=1000):
        save.trigger()
    menu.deleteLater()


def test_text_size(qtbot, pane):
    show(qtbot, pane, Location.document("003_cac1df43d34c3008"))
    pane.set_text_size(21)
    placed = pane.rendered().excerpts[0]
    cursor = QTextCursor(pane.browser().document())
    cursor.setPosition(placed.start + 1)
    assert cursor.charFormat().fontPointSize() == 21


# --- hostile text -------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("hostile-seeds")
    for seed in paths.seeds_dir().glob("*.txt"):
        shutil.copy(seed, seeds / seed.name)
    (seeds / "005_hostile.txt").write_text(
        f"Un texte <b>piégé</b>\n\n12 mars 2020\n\n"
        f"Brut : {HOSTILE} au Koweït.\n\n"
        f"Échappé : {ESCAPED} au Koweït.\n",
        encoding="utf-8",
    )
    return ensure_database(tmp_path_factory.mktemp("hostile-db") / "db.sqlite", seeds_dir=seeds)


def _assert_nothing_live(pane: DetailPane) -> None:
    document = pane.browser().document()
    assert all(href.startswith("natoapp:t/") for href, _ in anchors_in(document))
    markup = document.toHtml()
    assert "<img" not in markup and "<script" not in markup and "file:" not in _hrefs(markup)
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()


def _hrefs(markup: str) -> str:
    return " ".join(part.split('"')[0] for part in markup.split('href="')[1:])


def test_markup_in_a_source_is_shown_as_text_and_opens_nothing(qtbot, hostile_library, settings):
    pane = DetailPane(hostile_library, settings)
    qtbot.addWidget(pane)
    pane.show()
    show(qtbot, pane, Location.document("005_hostile"))
    assert HOSTILE in pane.browser().toPlainText()
    _assert_nothing_live(pane)
    # Copying keeps the characters, and the HTML flavour escapes them.
    placed = next(p for p in pane.rendered().excerpts if HOSTILE in p.excerpt.text)
    start = placed.excerpt.text.index(HOSTILE)
    pane.select_in_excerpt(pane.rendered().excerpts.index(placed), start, start + len(HOSTILE))
    copied = pane.copy_selection()
    assert HOSTILE in copied.plain
    assert "<script>" not in copied.html and "&lt;script&gt;" in copied.html


def test_a_page_of_markup_renders_literally(qtbot, settings, library_path):
    doc = DocumentInfo("x", HOSTILE, "2020-01-01", None, HOSTILE, "x.txt", 1)
    passage = PassageInfo("x:1", "x", 1, "paragraph", HOSTILE, 0, len(HOSTILE), ())
    excerpt = Excerpt(doc, passage, HOSTILE, links=((0, 11, "KW"),))
    page = DocumentPage(Location.document("x"), doc, (excerpt,))
    pane = DetailPane(library_path, settings)
    qtbot.addWidget(pane)
    pane._page = page  # a page as a worker would deliver it
    pane.refresh()
    text = text_of(pane)
    assert text.count(HOSTILE) == 3  # title, publisher line, passage
    _assert_nothing_live(pane)
    QApplication.processEvents()


def test_context_menu_point_outside_excerpts(qtbot, pane):
    show(qtbot, pane, Location.document("003_cac1df43d34c3008"))
    menu = pane.context_menu(QPoint(2, 2))  # on the title
    labels = [a.text() for a in menu.actions() if a.text()]
    assert "Copy Excerpt with Citation" not in labels
    assert "Copy Citation" in labels
    menu.deleteLater()


# --- long pages -----------------------------------------------------------------------


def test_show_more_appends_the_next_excerpts_naming_the_entity(qtbot, pane, library):
    passages = {m.passage for m in library.mentions(entity_id="nato")}
    assert len(passages) > MENTIONS_PER_BATCH  # the seeds name NATO often enough
    show(qtbot, pane, Location.entity("nato"))
    listing = text_of(pane)[text_of(pane).index("Where the texts name it") :]
    shown = [p for p in passages if library.passage(p).text in listing]
    assert len(shown) == MENTIONS_PER_BATCH
    more = [href for href, label in anchors_in(pane.browser().document()) if "more" in label]
    assert len(more) == 1
    pane.browser().anchorClicked.emit(QUrl(more[0]))
    listing = text_of(pane)[text_of(pane).index("Where the texts name it") :]
    assert all(library.passage(p).text in listing for p in passages)
    assert "not shown yet" not in listing
    assert not pane.show_more_mentions()
    # A larger text size lays the page out again with everything the reader opened.
    pane.set_text_size(pane.text_size() + 2)
    listing = text_of(pane)[text_of(pane).index("Where the texts name it") :]
    assert all(library.passage(p).text in listing for p in passages)


def test_a_long_document_is_laid_out_in_slices_and_scrolled_to_its_focus(
    qtbot, settings, library_path
):
    doc = DocumentInfo("long", "Long", "2020-01-01", None, "OTAN", "long.txt", 400)
    excerpts = []
    for n in range(1, 401):
        text = f"Passage numéro {n}, assez long pour occuper une ligne entière de la page."
        passage = PassageInfo(f"long:{n}", "long", n, "paragraph", text, 0, len(text), ())
        excerpts.append(Excerpt(doc, passage, text))
    page = DocumentPage(Location.passage("long:350"), doc, tuple(excerpts), focus="long:350")
    pane = DetailPane(library_path, settings)
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    pane._page = page  # a page as a worker would deliver it
    with qtbot.waitSignal(pane.pageComplete, timeout=5000):
        pane._on_loaded(pane._generation, page)
        assert not pane.is_complete()  # the first slice only, then the event loop runs
    assert pane.is_complete()
    text = text_of(pane)
    assert all(e.text in text for e in excerpts)
    cursor = pane.browser().textCursor()
    assert text[cursor.position() :].startswith(excerpts[349].text)
    assert pane.browser().verticalScrollBar().value() > 0

"""Laying out pages: link numbering, entity mentions a batch at a time, documents in slices."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument

from natoapp.store.records import DocumentInfo, EntityInfo, PassageInfo
from natoapp.ui.detail_data import DocumentPage, EntityPage, Excerpt, MentionGroup
from natoapp.ui.history import Location
from natoapp.ui.page_render import (
    MENTIONS_PER_BATCH,
    CopyExcerpt,
    Rendered,
    ShowMoreMentions,
    render_more_mentions,
    render_more_passages,
    render_page,
)
from natoapp.ui.rich_text import PageWriter, anchors_in


def _document(doc_id: str, passages: int, date: str = "2020-01-01") -> list[Excerpt]:
    doc = DocumentInfo(doc_id, f"Titre {doc_id}", date, None, "OTAN", f"{doc_id}.txt", passages)
    out = []
    for n in range(1, passages + 1):
        text = f"Passage {n} de {doc_id} : l'OTAN et ses partenaires."
        passage = PassageInfo(f"{doc_id}:{n}", doc_id, n, "paragraph", text, 0, len(text), ())
        out.append(Excerpt(doc, passage, text, marks=((text.index("OTAN"), text.index(" et")),)))
    return out


def _entity_page(groups: list[list[Excerpt]]) -> EntityPage:
    entity = EntityInfo("nato", "organization", "OTAN", "NATO", ("OTAN",), None, None, None)
    mentions = tuple(MentionGroup(g[0].document, tuple(g)) for g in groups)
    return EntityPage(Location.entity("nato"), entity, None, (), (), mentions)


def _writer(document: QTextDocument, *, append: bool = False) -> PageWriter:
    return PageWriter(document, QPalette(), 11, append=append)


def _text(document: QTextDocument) -> str:
    return document.toRawText().replace("\u2029", "\n")


def test_equal_targets_share_one_link_and_every_link_finds_its_target() -> None:
    rendered = Rendered()
    targets = [Location.entity(f"e{n}") for n in range(3000)] + [CopyExcerpt(n) for n in range(50)]
    hrefs = [rendered.href(t) for t in targets]
    assert len(set(hrefs)) == len(targets)
    assert [rendered.target(h) for h in hrefs] == targets
    assert rendered.href(Location.entity("e7")) == hrefs[7]
    assert rendered.href(ShowMoreMentions()) == rendered.href(ShowMoreMentions())
    assert len(rendered.targets) == len(targets) + 1


def test_an_entity_named_often_lists_a_batch_then_more_until_nothing_is_left(qapp) -> None:
    groups = [_document(f"d{n:02d}", 7, f"20{n:02d}-01-01") for n in range(10)]
    page = _entity_page(groups)
    total = sum(len(g) for g in groups)
    document = QTextDocument()
    rendered = render_page(page, _writer(document))
    assert (rendered.mentions_shown, rendered.mentions_total) == (MENTIONS_PER_BATCH, total)
    text = _text(document)
    assert f"Passages naming it: {total}" in text
    assert f"Show {MENTIONS_PER_BATCH} more ({total - MENTIONS_PER_BATCH} not shown yet)" in text
    assert sum(text.count(e.text) for g in groups for e in g) == MENTIONS_PER_BATCH
    assert rendered.more_at is not None

    rounds = 0
    while rendered.has_more_mentions:
        # What the pane does on the link: remove the line, append the next batch.
        cursor = QTextCursor(document)
        cursor.setPosition(rendered.more_at)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        render_more_mentions(page, _writer(document, append=True), rendered)
        rounds += 1
    assert rounds == -(-(total - MENTIONS_PER_BATCH) // MENTIONS_PER_BATCH)
    assert rendered.more_at is None
    text = _text(document)
    assert "not shown yet" not in text
    # Nothing lost, nothing twice, still in the page's order, each document headed once.
    positions = [text.index(e.text) for g in groups for e in g]
    assert positions == sorted(positions)
    assert all(text.count(e.text) == 1 for g in groups for e in g)
    assert all(text.count(f"— Titre {g[0].document.id}") == 1 for g in groups)
    # Every excerpt placed where its characters are, for copying.
    assert len(rendered.excerpts) == total
    for placed in rendered.excerpts:
        assert text[placed.start : placed.end] == placed.excerpt.text
    assert not [h for h, label in anchors_in(document) if "more" in label]


def test_a_page_laid_out_again_keeps_the_excerpts_asked_for(qapp) -> None:
    page = _entity_page([_document("d", 60)])
    document = QTextDocument()
    rendered = render_page(page, _writer(document), mentions=55)
    assert rendered.mentions_shown == 55 and rendered.has_more_mentions
    assert "Show 5 more (5 not shown yet)" in _text(document)


def test_a_long_document_laid_out_in_slices_equals_one_layout(qapp) -> None:
    excerpts = _document("long", 230)
    page = DocumentPage(Location.document("long"), excerpts[0].document, tuple(excerpts))
    whole = QTextDocument()
    at_once = render_page(page, _writer(whole))
    assert not at_once.has_more_passages

    sliced = QTextDocument()
    rendered = render_page(page, _writer(sliced), passages=100)
    assert (rendered.passages_shown, rendered.passages_total) == (100, 230)
    assert _text(sliced) in _text(whole) and _text(sliced) != _text(whole)
    while rendered.has_more_passages:
        render_more_passages(page, _writer(sliced, append=True), rendered, 60)
    assert _text(sliced) == _text(whole)
    assert [(p.start, p.end) for p in rendered.excerpts] == [
        (p.start, p.end) for p in at_once.excerpts
    ]


@pytest.mark.parametrize("focus", [3, 200])
def test_the_focused_passage_is_found_in_whichever_slice_holds_it(qapp, focus: int) -> None:
    excerpts = _document("long", 230)
    page = DocumentPage(
        Location.document("long"), excerpts[0].document, tuple(excerpts), focus=f"long:{focus}"
    )
    document = QTextDocument()
    rendered = render_page(page, _writer(document), passages=80)
    assert (rendered.focus is not None) == (focus <= 80)
    while rendered.has_more_passages:
        render_more_passages(page, _writer(document, append=True), rendered)
    assert rendered.focus is not None
    assert _text(document)[rendered.focus :].startswith(excerpts[focus - 1].text)

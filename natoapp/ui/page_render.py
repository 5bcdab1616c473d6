"""Laying out entity, document and grid-cell pages for the detail pane.

Renders a :mod:`~natoapp.ui.detail_data` page with a :class:`~natoapp.ui.rich_text.PageWriter`
and says where each excerpt landed and what each link does, so the pane can copy the
excerpt under the cursor and follow a link without putting anything in the URL.

An entity named in thousands of passages lists them a batch at a time
(:data:`MENTIONS_PER_BATCH`), ending with a link that appends the next batch
(:func:`render_more_mentions`): laying out every excerpt at once held the window still
for half a second on a 10 000-passage library.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication

from natoapp.store.records import DocumentInfo, EntityInfo
from natoapp.ui.detail_data import CellPage, DocumentPage, EntityPage, Excerpt, Page, RelationItem
from natoapp.ui.history import Location
from natoapp.ui.labels import (
    date_or_none,
    entity_description,
    entity_name,
    entity_role,
    kind_label,
    relation_label,
)
from natoapp.ui.rich_text import FOCUS, HIT, LINK_SCHEME, MENTION, Decoration, PageWriter


@dataclass(frozen=True, slots=True)
class CopyExcerpt:
    """A link that copies excerpt number ``index`` with its citation."""

    index: int


@dataclass(frozen=True, slots=True)
class CopyReference:
    """A link that copies a document's reference alone."""

    document: DocumentInfo


@dataclass(frozen=True, slots=True)
class ShowMoreMentions:
    """A link that appends the next batch of excerpts naming the page's entity."""


Target = Location | CopyExcerpt | CopyReference | ShowMoreMentions

# Excerpts naming an entity laid out at once: more than a screenful, few enough that
# laying them out stays well under a frame budget of the GUI thread.
MENTIONS_PER_BATCH = 25
# Passages of a document laid out in one turn of the event loop; a long document is
# laid out a slice at a time (:func:`render_more_passages`) so the window never stalls.
PASSAGES_PER_SLICE = 80


@dataclass(frozen=True, slots=True)
class PlacedExcerpt:
    """Where an excerpt's characters are in the rendered QTextDocument."""

    start: int
    end: int
    excerpt: Excerpt


@dataclass(slots=True)
class Rendered:
    """What a render produced besides the text: excerpts, link targets, the focus."""

    excerpts: list[PlacedExcerpt] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    focus: int | None = None  # position to scroll to
    title: str = ""
    mentions_shown: int = 0  # excerpts of "Where the texts name it" laid out so far
    mentions_total: int = 0
    more_at: int | None = None  # where the "show more" line starts, while there is one
    passages_shown: int = 0  # passages of a document page laid out so far
    passages_total: int = 0
    _numbers: dict[Target, int] = field(default_factory=dict, repr=False)

    def href(self, target: Target) -> str:
        """A natoapp: URL standing for ``target`` (the same URL for equal targets)."""
        number = self._numbers.get(target)
        if number is None:
            number = len(self.targets)
            self.targets.append(target)
            self._numbers[target] = number
        return f"{LINK_SCHEME}:t/{number}"

    @property
    def has_more_passages(self) -> bool:
        """True while a document page still has passages to lay out."""
        return self.passages_shown < self.passages_total

    @property
    def has_more_mentions(self) -> bool:
        """True while some excerpts naming the entity are not laid out yet."""
        return self.mentions_shown < self.mentions_total

    def target(self, href: str) -> Target | None:
        """The target behind a URL made by :meth:`href`, or None."""
        prefix = f"{LINK_SCHEME}:t/"
        if not href.startswith(prefix):
            return None
        try:
            index = int(href[len(prefix) :])
        except ValueError:
            return None
        return self.targets[index] if 0 <= index < len(self.targets) else None

    def excerpts_between(self, start: int, end: int) -> list[PlacedExcerpt]:
        """The excerpts sharing at least one character with ``[start, end)``."""
        return [p for p in self.excerpts if p.start < end and start < p.end]

    def excerpt_at(self, position: int) -> PlacedExcerpt | None:
        """The excerpt covering ``position`` (its end included), or None."""
        for placed in self.excerpts:
            if placed.start <= position <= placed.end:
                return placed
        return None


def render_page(
    page: Page,
    writer: PageWriter,
    *,
    mentions: int = MENTIONS_PER_BATCH,
    passages: int | None = None,
) -> Rendered:
    """Write ``page`` with ``writer``; returns the excerpts and links it placed.

    An entity page lays out its first ``mentions`` excerpts naming the entity and, when
    more exist, a :class:`ShowMoreMentions` link. A document page lays out its first
    ``passages`` passages (all when None); :func:`render_more_passages` appends the rest.
    """
    rendered = Rendered()
    with writer.editing():
        if isinstance(page, EntityPage):
            _entity(page, writer, rendered, max(1, mentions))
        elif isinstance(page, DocumentPage):
            _document(page, writer, rendered, passages)
        else:
            _cell(page, writer, rendered)
    return rendered


def render_more_passages(
    page: DocumentPage, writer: PageWriter, rendered: Rendered, count: int = PASSAGES_PER_SLICE
) -> None:
    """Append up to ``count`` more passages of a document page :func:`render_page` began.

    ``writer`` must write at the end of the same document; ``rendered`` is updated in place.
    """
    with writer.editing():
        _passage_slice(page, writer, rendered, max(1, count))


# --- entity ---------------------------------------------------------------------------


def render_more_mentions(
    page: EntityPage, writer: PageWriter, rendered: Rendered, count: int = MENTIONS_PER_BATCH
) -> None:
    """Append up to ``count`` more excerpts naming the entity to a page :func:`render_page` made.

    ``writer`` must write at the end of the same document, the "show more" line (from
    ``rendered.more_at``) already removed; ``rendered`` is updated in place.
    """
    rendered.more_at = None
    with writer.editing():
        _mention_batch(page, writer, rendered, max(1, count))


def _entity(page: EntityPage, w: PageWriter, r: Rendered, mentions: int) -> None:
    entity = page.entity
    r.title = entity_name(entity)
    w.heading(r.title, 1)
    w.line()
    w.text(kind_label(entity.kind))
    for extra in (entity_role(entity), entity.date):
        if extra:
            w.text(f" · {extra}")
    w.line()
    w.text(QCoreApplication.translate("PageRenderer", "French: "), "meta")
    w.text(entity.name_fr or "—", "body")
    w.text("   ")
    w.text(QCoreApplication.translate("PageRenderer", "English: "), "meta")
    w.text(entity.name_en or "—", "body")
    aliases = [a for a in _alias_texts(entity) if a not in (entity.name_fr, entity.name_en)]
    if aliases:
        w.line()
        w.text(
            QCoreApplication.translate("PageRenderer", "Other names and forms: ")
            + ", ".join(aliases)
        )
    if page.parent is not None:
        w.line()
        w.text(QCoreApplication.translate("PageRenderer", "Part of: "))
        w.link(entity_name(page.parent), r.href(Location.entity(page.parent.id)))
    if page.children:
        w.line()
        w.text(QCoreApplication.translate("PageRenderer", "Includes: "))
        for i, child in enumerate(page.children):
            if i:
                w.text(", ")
            w.link(entity_name(child), r.href(Location.entity(child.id)))
    description = entity_description(entity)
    if description:
        w.paragraph(description)
    if page.sources:
        w.line(top=0.6)
        w.text(
            QCoreApplication.translate("PageRenderer", "Read in the texts:")
            if description or entity.date or entity.role
            else QCoreApplication.translate("PageRenderer", "Source:")
        )
        for excerpt in page.sources:
            _excerpt(excerpt, w, r, MENTION, with_title=True, indent=1)

    w.heading(QCoreApplication.translate("PageRenderer", "Relations"), 2)
    if not page.relations:
        w.paragraph(
            QCoreApplication.translate(
                "PageRenderer", "The texts state no relation for this entry."
            ),
            style="meta",
        )
    _relation_groups(page.relations, w, r)

    total = sum(len(g.excerpts) for g in page.mentions)
    r.mentions_total = total
    w.heading(QCoreApplication.translate("PageRenderer", "Where the texts name it"), 2)
    if total == 0:
        w.paragraph(
            QCoreApplication.translate("PageRenderer", "No passage names this entry."), style="meta"
        )
    else:
        w.paragraph(
            QCoreApplication.translate(
                "PageRenderer", "Passages naming it: %1 (newest document first)"
            ).replace("%1", str(total)),
            style="meta",
        )
    _mention_batch(page, w, r, mentions)


def _mention_batch(page: EntityPage, w: PageWriter, r: Rendered, count: int) -> None:
    """Excerpts ``r.mentions_shown`` onwards, ``count`` of them, then "show more" if any is left."""
    first, stop = r.mentions_shown, min(r.mentions_total, r.mentions_shown + count)
    seen = 0
    for group in page.mentions:
        size = len(group.excerpts)
        if seen + size <= first:
            seen += size
            continue
        if seen >= stop:
            break
        # A batch that starts inside a document continues under the heading already shown.
        if seen >= first:
            w.line(top=0.9)
            w.link(
                f"{date_or_none(group.document.date)} — {group.document.title}",
                r.href(Location.document(group.document.id)),
                style="strong",
            )
        for excerpt in group.excerpts[max(0, first - seen) : stop - seen]:
            _excerpt(excerpt, w, r, MENTION, with_title=False)
        seen += size
    r.mentions_shown = stop
    if r.has_more_mentions:
        r.more_at = w.position
        w.line(top=0.9)
        left = r.mentions_total - r.mentions_shown
        w.link(
            QCoreApplication.translate("PageRenderer", "Show %1 more (%2 not shown yet)")
            .replace("%1", str(min(left, MENTIONS_PER_BATCH)))
            .replace("%2", str(left)),
            r.href(ShowMoreMentions()),
            style="strong",
            tooltip=QCoreApplication.translate(
                "PageRenderer", "List more of the passages naming this entry"
            ),
        )


def _alias_texts(entity: EntityInfo) -> list[str]:
    out = []
    for alias in entity.aliases or ():
        text = alias if isinstance(alias, str) else getattr(alias, "text", "")
        if text and text not in out:
            out.append(text)
    return out


def _relation_groups(items: tuple[RelationItem, ...], w: PageWriter, r: Rendered) -> None:
    groups: dict[tuple[bool, str, bool], list[RelationItem]] = defaultdict(list)
    for item in items:
        groups[(item.relation.kind != "member", item.relation.kind, not item.as_subject)].append(
            item
        )
    for key in sorted(groups):
        _, kind, as_object = key
        w.heading(relation_label(kind, as_subject=not as_object), 3)
        # Entries stated by the same passages are listed together, above their quotes once.
        shared: dict[tuple[tuple[str, str], ...], list[RelationItem]] = defaultdict(list)
        for item in sorted(groups[key], key=lambda i: _name_of(i).casefold()):
            shared[tuple((e.passage.id, e.text) for e in item.evidence)].append(item)
        for same in shared.values():
            w.line(indent=1, top=0.5)
            for n, item in enumerate(same):
                if n:
                    w.text(", ", "body")
                w.link(_name_of(item), r.href(Location.entity(item.other_id)), style="strong")
                if item.relation.date:
                    w.text(f" ({item.relation.date})")
                if item.relation.note:
                    w.text(f" — {item.relation.note}")
            if not same[0].evidence:
                w.paragraph(
                    QCoreApplication.translate("PageRenderer", "No quoted passage."),
                    indent=2,
                    style="meta",
                )
            for index, excerpt in enumerate(same[0].evidence):
                marks = sorted({m for item in same for m in item.evidence[index].marks})
                _excerpt(
                    replace(excerpt, marks=tuple(marks)), w, r, MENTION, with_title=True, indent=2
                )


def _name_of(item: RelationItem) -> str:
    return entity_name(item.other) if item.other is not None else item.other_id


def _excerpt(
    excerpt: Excerpt,
    w: PageWriter,
    r: Rendered,
    mark: str,
    *,
    with_title: bool,
    indent: int = 1,
) -> None:
    decorations = [Decoration(s, e, mark) for s, e in excerpt.marks]
    start, end = w.paragraph(excerpt.text, decorations, indent=indent, style="quote")
    r.excerpts.append(PlacedExcerpt(start, end, excerpt))
    index = len(r.excerpts) - 1
    w.line(indent=indent)
    w.text("— ")
    doc = excerpt.document
    if with_title:
        cite = QCoreApplication.translate("PageRenderer", "%1, %2, passage %3")
        cite = (
            cite.replace("%1", doc.title)
            .replace("%2", date_or_none(doc.date))
            .replace("%3", str(excerpt.passage.ordinal))
        )
    else:
        cite = QCoreApplication.translate("PageRenderer", "passage %1").replace(
            "%1", str(excerpt.passage.ordinal)
        )
    mark_text = excerpt.text if not excerpt.whole_passage else ""
    w.link(
        cite,
        r.href(Location.passage(excerpt.passage.id, mark=mark_text)),
        tooltip=QCoreApplication.translate("PageRenderer", "Open the document at this passage"),
    )
    w.text("   ")
    w.link(
        QCoreApplication.translate("PageRenderer", "Copy"),
        r.href(CopyExcerpt(index)),
        tooltip=QCoreApplication.translate("PageRenderer", "Copy this excerpt with its citation"),
    )


# --- document -------------------------------------------------------------------------


def _document(page: DocumentPage, w: PageWriter, r: Rendered, count: int | None) -> None:
    doc = page.document
    r.title = doc.title
    w.heading(doc.title, 1)
    w.line()
    w.text(date_or_none(doc.date))
    if doc.publisher:
        w.text(f" · {doc.publisher}")
    if doc.updated:
        w.text(
            " · "
            + QCoreApplication.translate("PageRenderer", "updated %1").replace("%1", doc.updated)
        )
    w.text(f" · {doc.source_file}")
    w.line()
    w.link(
        QCoreApplication.translate("PageRenderer", "Copy citation"),
        r.href(CopyReference(doc)),
        tooltip=QCoreApplication.translate("PageRenderer", "Copy the reference of this document"),
    )
    r.passages_total = len(page.passages)
    _passage_slice(page, w, r, len(page.passages) if count is None else max(1, count))


def _passage_slice(page: DocumentPage, w: PageWriter, r: Rendered, count: int) -> None:
    first = r.passages_shown
    r.passages_shown = min(r.passages_total, first + count)
    for excerpt in page.passages[first : r.passages_shown]:
        passage = excerpt.passage
        decorations = [Decoration(s, e, HIT) for s, e in excerpt.hits]
        decorations += [Decoration(s, e, MENTION) for s, e in excerpt.marks]
        decorations += [
            Decoration(s, e, "", r.href(Location.entity(entity_id)))
            for s, e, entity_id in excerpt.links
        ]
        focused = passage.id == page.focus
        kind = str(passage.kind)
        # The passage number a citation gives, so a reader can find "passage 7".
        label = f"{passage.ordinal}\u2002"
        if kind == "heading":
            start, end = w.heading(
                excerpt.text, 2, decorations, block_property=passage.id, label=label
            )
        else:
            start, end = w.paragraph(
                excerpt.text,
                decorations,
                indent=1 if kind in ("list_item", "quote") else 0,
                style={"caption": "caption", "note": "note"}.get(kind, "body"),
                background=w.colors[FOCUS] if focused else None,
                block_property=passage.id,
                label=label,
            )
        r.excerpts.append(PlacedExcerpt(start, end, excerpt))
        if focused:
            r.focus = start
            # The passage a reader was sent to is the one they will want to quote.
            w.line(indent=1)
            w.link(
                QCoreApplication.translate(
                    "PageRenderer", "Copy passage %1 with its citation"
                ).replace("%1", str(passage.ordinal)),
                r.href(CopyExcerpt(len(r.excerpts) - 1)),
            )


# --- grid cell ------------------------------------------------------------------------


def _cell(page: CellPage, w: PageWriter, r: Rendered) -> None:
    country = entity_name(page.country)
    column = (
        entity_name(page.column_entity)
        if page.column_entity is not None
        else relation_label(page.column_key.partition(":")[2], as_subject=True)
    )
    r.title = f"{country} × {column}"
    w.heading(r.title, 1)
    w.line()
    w.link(country, r.href(Location.entity(page.country.id)))
    if page.column_entity is not None:
        w.text(" · ")
        w.link(column, r.href(Location.entity(page.column_entity.id)))
    if not page.relations:
        w.paragraph(
            QCoreApplication.translate("PageRenderer", "The texts state no such relation."),
            style="meta",
        )
    _relation_groups(page.relations, w, r)

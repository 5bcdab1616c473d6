"""One read API over the shipped seed database and the user's library.

:class:`CombinedLibrary` answers every question
:class:`natoapp.store.library.Library` answers, over both databases: documents,
passages and mentions come from both (an imported document's id starts with
``user:``, so ids never clash and each question goes where its answer is);
search runs the same code on both and merges the hits; entities, relations and
frameworks are the seed database's (the user library only mirrors the curated
entities, and states no relation). Like ``Library``, one per thread.

Merging hits: literal hits first, by score (higher is better), then newest
document; then entity hits, newest first; filter hits newest first. The two
databases score with their own statistics, which is what each passage's rank
within its own texts rests on; across them the score is the only common
measure there is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from natoapp.corpus.normalize import fold
from natoapp.store.closing import ClosedOnExit
from natoapp.store.library import Library
from natoapp.store.records import (
    DocumentInfo,
    EntityInfo,
    FrameworkNode,
    Hit,
    MentionInfo,
    ParsedQuery,
    PassageInfo,
    Provenance,
    RelationInfo,
    SearchFilters,
    SearchResult,
    Span,
)
from natoapp.userlib.records import is_user_id

_NO_FILTERS = SearchFilters()
_MATCH_ORDER = {"literal": 0, "entity": 1, "filter": 2}


def merge_hits(groups: Sequence[Sequence[Hit]]) -> list[Hit]:
    """Hits of several searches in one order: kind, then score, then newest document."""
    hits = [hit for group in groups for hit in group]
    # Two stable sorts: newest first (undated last), then kind and score over that.
    hits.sort(key=lambda h: h.date or "", reverse=True)
    hits.sort(key=lambda h: (_MATCH_ORDER.get(h.match, 3), -h.score))
    return hits


class CombinedLibrary(ClosedOnExit):
    """The seed database and, when there is one, the user's library, read as one."""

    def __init__(self, seed: Library, user: Library | None) -> None:
        """Combine two open libraries; use :meth:`open` instead."""
        self._seed = seed
        self._user = user

    @classmethod
    def open(cls, seed_path: Path | str, user_path: Path | str | None = None) -> CombinedLibrary:
        """Open the seed database and the user's library (if ``user_path`` names an existing file).

        Both read-only. The user's library should have been prepared with
        :func:`natoapp.userlib.prepare_user_database` (or a :class:`UserLibrary`)
        first; raises :class:`DatabaseError` with a one-line message.
        """
        seed = Library.open(seed_path)
        user = None
        if user_path is not None and Path(user_path).is_file():
            try:
                user = Library.open(user_path)
            except BaseException:
                seed.close()
                raise
        return cls(seed, user)

    @property
    def path(self) -> Path:
        """The seed database's file."""
        return self._seed.path

    @property
    def user_path(self) -> Path | None:
        """The user library's file, or None when there is none."""
        return self._user.path if self._user is not None else None

    @property
    def seed(self) -> Library:
        """The seed database alone."""
        return self._seed

    @property
    def user(self) -> Library | None:
        """The user's library alone, or None."""
        return self._user

    def close(self) -> None:
        """Close both connections."""
        self._seed.close()
        if self._user is not None:
            self._user.close()

    def interrupt(self) -> None:
        """Cancel the query running on this library (safe from any thread)."""
        self._seed.interrupt()
        if self._user is not None:
            self._user.interrupt()

    def _libraries(self) -> list[Library]:
        return [self._seed] if self._user is None else [self._seed, self._user]

    def _for(self, doc_or_passage_id: str) -> Library | None:
        if is_user_id(doc_or_passage_id):
            return self._user
        return self._seed

    # -- provenance and documents -------------------------------------------------------

    def provenance(self) -> Provenance:
        """The seed database's provenance, with the documents and passages of both counted."""
        seed = self._seed.provenance()
        if self._user is None:
            return seed
        user = self._user.provenance()
        return replace(
            seed, documents=seed.documents + user.documents, passages=seed.passages + user.passages
        )

    def documents(self) -> list[DocumentInfo]:
        """Every document of both, oldest first; undated ones last."""
        docs = [doc for lib in self._libraries() for doc in lib.documents()]
        return sorted(docs, key=lambda d: (d.date is None, d.date or "", d.id))

    def user_documents(self) -> list[DocumentInfo]:
        """The imported documents only, oldest first."""
        return self._user.documents() if self._user is not None else []

    def document(self, doc_id: str) -> DocumentInfo | None:
        """The document ``doc_id`` from whichever database holds it, or None."""
        lib = self._for(doc_id)
        return lib.document(doc_id) if lib is not None else None

    def document_raw(self, doc_id: str) -> str | None:
        """The document's raw text (for an imported file: the text read from it), or None."""
        lib = self._for(doc_id)
        return lib.document_raw(doc_id) if lib is not None else None

    def passages(self, doc_id: str) -> list[PassageInfo]:
        """The document's passages in reading order."""
        lib = self._for(doc_id)
        return lib.passages(doc_id) if lib is not None else []

    def passage(self, passage_id: str) -> PassageInfo | None:
        """The passage ``passage_id``, or None."""
        lib = self._for(passage_id)
        return lib.passage(passage_id) if lib is not None else None

    # -- search -------------------------------------------------------------------------

    def parse(self, query: str, *, prefix_last: bool = True) -> ParsedQuery:
        """How ``query`` is understood (by the seed database's names)."""
        return self._seed.parse(query, prefix_last=prefix_last)

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        offset: int = 0,
        filters: SearchFilters = _NO_FILTERS,
        prefix_last: bool = True,
        with_total: bool = True,
    ) -> SearchResult:
        """Search both databases; hits merged as the module docstring says.

        With ``with_total=False`` nothing is counted: ``total`` is the hits up to
        this page's end, plus one when more follow (as :meth:`Library.search`).
        """
        if self._user is None:
            return self._seed.search(
                query,
                limit=limit,
                offset=offset,
                filters=filters,
                prefix_last=prefix_last,
                with_total=with_total,
            )
        limit, offset = max(0, limit), max(0, offset)
        # Each side's first offset+limit hits hold every hit of the merged page.
        window = offset + limit
        results = [
            lib.search(
                query,
                limit=window,
                offset=0,
                filters=filters,
                prefix_last=prefix_last,
                with_total=with_total,
            )
            for lib in self._libraries()
        ]
        merged = merge_hits([r.hits for r in results])
        page = merged[offset : offset + limit]
        if with_total:
            total = sum(r.total for r in results)
        else:
            more = len(merged) > window or any(r.total > len(r.hits) for r in results)
            total = offset + len(page) + (1 if more else 0)
        return SearchResult(hits=page, total=total, parsed=results[0].parsed)

    def count(
        self, query: str, filters: SearchFilters = _NO_FILTERS, *, prefix_last: bool = True
    ) -> int:
        """How many hits :meth:`search` finds in all."""
        return sum(lib.count(query, filters, prefix_last=prefix_last) for lib in self._libraries())

    def highlight(self, passage_id: str, query: str, *, prefix_last: bool = True) -> list[Span]:
        """Spans of the passage's text that match ``query``."""
        lib = self._for(passage_id)
        return lib.highlight(passage_id, query, prefix_last=prefix_last) if lib else []

    # -- knowledge ----------------------------------------------------------------------

    def entities(self, kind: str | None = None) -> list[EntityInfo]:
        """Every entity (of ``kind``), the seed database's first, sorted by French name."""
        found = {e.id: e for e in self._seed.entities(kind)}
        if self._user is not None:
            for entity in self._user.entities(kind):
                found.setdefault(entity.id, entity)
        return sorted(found.values(), key=lambda e: (fold(e.name_fr), e.id))

    def entity(self, entity_id: str) -> EntityInfo | None:
        """The entity ``entity_id``, or None."""
        found = self._seed.entity(entity_id)
        if found is None and self._user is not None:
            found = self._user.entity(entity_id)
        return found

    def find_entity(self, name: str) -> EntityInfo | None:
        """The entity called ``name`` by any alias, or None."""
        found = self._seed.find_entity(name)
        if found is None and self._user is not None:
            found = self._user.find_entity(name)
        return found

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to ``n`` known names closest to ``name``."""
        return self._seed.suggest(name, n)

    def relations(self, entity_id: str) -> list[RelationInfo]:
        """Relations with ``entity_id`` as subject or object (stated by the seed texts)."""
        return self._seed.relations(entity_id)

    def members(self, framework_id: str) -> list[RelationInfo]:
        """The framework's member relations."""
        return self._seed.members(framework_id)

    def country_relations(self, country_id: str) -> list[RelationInfo]:
        """The relations with the country as subject."""
        return self._seed.country_relations(country_id)

    def framework_tree(self) -> list[FrameworkNode]:
        """Frameworks nested by parent, with their members."""
        return self._seed.framework_tree()

    def mentions(
        self, entity_id: str | None = None, passage_id: str | None = None
    ) -> list[MentionInfo]:
        """Mentions in both databases: the seed texts' first, then the imported ones'."""
        if passage_id is not None:
            lib = self._for(passage_id)
            return lib.mentions(entity_id, passage_id) if lib is not None else []
        return [m for lib in self._libraries() for m in lib.mentions(entity_id, None)]

    def mention_count(self, entity_id: str) -> int:
        """How many times the texts of both databases mention ``entity_id``."""
        return sum(lib.mention_count(entity_id) for lib in self._libraries())

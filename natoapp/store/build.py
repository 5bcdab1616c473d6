"""Building the database file from documents and knowledge, atomically.

A build writes ``<name>.tmp-<pid>`` in the target's folder and renames it over
the target only once it is complete, so a failed or interrupted build never
leaves a half-built database where the application looks for one. Rows are
inserted in a fixed order with ids derived from the input alone, so two builds
of the same input hold the same rows (only ``meta.build_date`` differs).
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import sqlite3
import sys
import time
from collections import defaultdict, deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

import natoapp
from natoapp.corpus.model import Document, Passage, SeedError
from natoapp.corpus.normalize import fold
from natoapp.knowledge.aliases import AliasMatcher
from natoapp.knowledge.catalog import Catalog
from natoapp.knowledge.model import Entity, KnowledgeBase, KnowledgeError, Mention, Relation
from natoapp.store.errors import BuildError
from natoapp.store.indexing import fts_rows
from natoapp.store.lifecycle import compute_input_hash
from natoapp.store.ordering import NEWEST_FIRST, ROWID_ORDER_KEY, RowidAllocator
from natoapp.store.schema import (
    ENTITY_PASSAGES_SQL,
    INDEX_TERMS_SQL,
    SCHEMA_VERSION,
    create_indexes,
    create_tables,
)
from natoapp.store.words import words

_BATCH = 2000
# Reading seeds in worker processes: from this many seeds on, this many workers, seeds
# sent to a worker at once, and chunks waiting per worker.
_PARALLEL_MIN_SEEDS = 200
_BUILD_WORKERS = 2
_CHUNK_SEEDS = 16
_CHUNKS_IN_FLIGHT = 3
# SQLite's page cache while building, in KiB: enough to keep the index being built in memory.
_CACHE_KIB = 64 * 1024
# A temporary file this old belongs to a build that died; nobody will finish it.
_STALE_TEMP_SECONDS = 3600.0


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build wrote, how long it took, and the seeds it had to skip."""

    path: Path
    documents: int
    passages: int
    entities: int
    aliases: int
    mentions: int
    relations: int
    evidence: int
    seconds: float
    input_hash: str
    seed_errors: tuple[SeedError, ...] = ()
    knowledge_notes: tuple[str, ...] = ()  # curated items left out, one line each


def _os_message(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def build_from_sources(seeds_dir: Path, resources_dir: Path, out_path: Path) -> BuildReport:
    """Read the seeds, derive the knowledge and build the database at ``out_path``.

    A seed that cannot be read is skipped and listed in ``seed_errors``;
    curated data that does not hold (a :class:`KnowledgeError`) fails the
    build with :class:`BuildError` and leaves any existing database as it was.

    The seeds stream through the build one document at a time (the curated
    knowledge only needs the few documents it quotes), so memory does not grow
    with the corpus.
    """
    # Imported here so that reading a database never loads the build pipeline.
    from natoapp.corpus import index_seeds, read_seed
    from natoapp.knowledge import AliasMatcher, build_knowledge, load_catalog

    input_hash = compute_input_hash(seeds_dir, resources_dir)
    index = index_seeds(Path(seeds_dir))
    resources = Path(resources_dir)
    try:
        cited = _cited_documents(load_catalog(resources))
    except KnowledgeError:
        # build_knowledge below reads the same files and says what is wrong.
        cited = set(index.paths)
    errors: list[SeedError] = list(index.errors)
    quoted: dict[str, Document] = {}
    read_first = sorted(cited & index.paths.keys())
    for doc_id in read_first:
        document, doc_errors = read_seed(index.paths[doc_id])
        errors += doc_errors
        if document is not None:
            quoted[doc_id] = document
    # A seed that could not be read must not take the whole build down with it:
    # the claims that cite it are set aside, with a note. Whether any seed fails
    # is only known once all are read, so a cited document simply absent is
    # judged then (below).
    absent = bool(cited - index.paths.keys())
    try:
        knowledge = build_knowledge(
            list(quoted.values()), resources, skip_missing_documents=bool(errors) or absent
        )
    except KnowledgeError as exc:
        raise BuildError(f"curated data does not hold: {exc}") from exc
    matcher = AliasMatcher(knowledge.entities)
    quoted_documents = list(quoted.values())

    def documents() -> Iterator[tuple[Document, list[Mention]]]:
        already_read = set(read_first)
        unread = [paths for doc_id, paths in index.paths.items() if doc_id not in already_read]
        reads = _read_seeds(unread, matcher)
        try:
            for doc_id in index.paths:
                document = quoted.pop(doc_id, None)
                if doc_id in already_read:
                    mentions = _mentions_of(document, matcher) if document is not None else []
                else:
                    document, doc_errors, mentions = next(reads)
                    errors.extend(doc_errors)
                if document is not None:
                    yield document, mentions
        finally:
            reads.close()  # a build that fails stops its workers at once
        if absent and not errors:
            # As if every document had been read first: a cited text that is
            # missing while every seed could be read is an error in the curated data.
            try:
                build_knowledge(quoted_documents, resources)
            except KnowledgeError as exc:
                raise BuildError(f"curated data does not hold: {exc}") from exc

    report = _build(documents(), knowledge, Path(out_path), input_hash=input_hash)
    errors.sort(key=lambda error: error.source_file)
    return replace(report, seed_errors=tuple(errors))


SeedRead = tuple[Document | None, list[SeedError], list[Mention]]


def _read_seeds(unread: list[list[Path]], matcher: AliasMatcher) -> Generator[SeedRead]:
    """Each seed of ``unread`` parsed with its mentions, in order.

    Parsing and finding mentions is most of a build's time and is pure Python, so a
    large corpus is read by worker processes, a chunk of seeds at a time, while this
    process inserts rows; a few chunks are in flight at once, so memory stays bounded.
    Small corpora (and a frozen program, whose workers would start the program again)
    are read here: starting the workers would cost more than it saves.
    """
    workers = min(_BUILD_WORKERS, os.cpu_count() or 1)
    if len(unread) < _PARALLEL_MIN_SEEDS or workers < 2 or getattr(sys, "frozen", False):
        for paths in unread:
            yield _read_with_mentions(matcher, paths)
        return
    chunks = [unread[i : i + _CHUNK_SEEDS] for i in range(0, len(unread), _CHUNK_SEEDS)]
    # Spawned, not forked: the build may run beside the window's threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future[list[SeedRead]]] = deque()
        next_chunk = 0
        try:
            while pending or next_chunk < len(chunks):
                while next_chunk < len(chunks) and len(pending) < workers * _CHUNKS_IN_FLIGHT:
                    pending.append(pool.submit(_read_chunk, matcher, chunks[next_chunk]))
                    next_chunk += 1
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _read_chunk(matcher: AliasMatcher, chunk: list[list[Path]]) -> list[SeedRead]:
    """:func:`_read_with_mentions` for each seed of ``chunk`` (in a worker process)."""
    return [_read_with_mentions(matcher, paths) for paths in chunk]


def _read_with_mentions(matcher: AliasMatcher, paths: list[Path]) -> SeedRead:
    """One seed's document, its errors, and the entities its passages name."""
    from natoapp.corpus import read_seed

    document, errors = read_seed(paths)
    mentions = _mentions_of(document, matcher) if document is not None else []
    return document, list(errors), mentions


def _mentions_of(document: Document, matcher: AliasMatcher) -> list[Mention]:
    from natoapp.knowledge import find_mentions

    return [
        m
        for passage in sorted(document.passages, key=lambda p: p.ordinal)
        for m in find_mentions(passage, matcher)
    ]


def _cited_documents(catalog: Catalog) -> set[str]:
    """The ids of the documents the curated data quotes."""
    cited = {claim.doc for claim in catalog.claims}
    cited.update(source.doc for spec in catalog.entities for source in spec.sources)
    return cited


def build_database(
    documents: Sequence[Document],
    knowledge: KnowledgeBase,
    out_path: Path,
    *,
    input_hash: str,
) -> BuildReport:
    """Write ``documents`` and ``knowledge`` to a new database at ``out_path``.

    The file is built beside ``out_path`` and renamed into place when
    complete; on any failure the temporary file is removed, ``out_path`` is
    untouched and the error propagates (SQLite and file errors as
    :class:`BuildError`, inconsistent input as :class:`BuildError` too).
    """
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for mention in knowledge.mentions:
        by_doc[mention.doc].append(mention)
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen:
            raise BuildError(f"two documents have the id {doc.id!r}")
        seen.add(doc.id)
    unknown = sorted(set(by_doc) - seen)
    if unknown:
        stray = by_doc[unknown[0]][0]
        raise BuildError(
            f"a mention of {stray.entity!r} points to unknown passage {stray.passage!r}"
        )
    pairs = ((doc, by_doc.get(doc.id, [])) for doc in sorted(documents, key=lambda d: d.id))
    return _build(pairs, knowledge, Path(out_path), input_hash=input_hash)


def _build(
    documents: Iterable[tuple[Document, list[Mention]]],
    knowledge: KnowledgeBase,
    out_path: Path,
    *,
    input_hash: str,
) -> BuildReport:
    """Write documents in id order, each with its mentions, then the knowledge."""
    started = time.perf_counter()
    temp = out_path.with_name(f"{out_path.name}.tmp-{os.getpid()}")
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(out_path)
        temp.unlink(missing_ok=True)
        conn = sqlite3.connect(temp)
    except OSError as exc:
        raise BuildError(f"cannot write the database: {_os_message(exc)}") from exc
    except sqlite3.Error as exc:
        raise BuildError(f"cannot write the database {temp}: {exc}") from exc
    try:
        counts = _write(conn, documents, knowledge, input_hash)
        conn.close()
        os.replace(temp, out_path)
    except BaseException as exc:
        conn.close()
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise BuildError(f"cannot build the database {out_path}: {exc}") from exc
        if isinstance(exc, OSError):
            raise BuildError(f"cannot write the database: {_os_message(exc)}") from exc
        raise
    return BuildReport(
        path=out_path,
        documents=counts["documents"],
        passages=counts["passages"],
        entities=counts["entities"],
        aliases=counts["aliases"],
        mentions=counts["mentions"],
        relations=counts["relations"],
        evidence=counts["evidence"],
        seconds=time.perf_counter() - started,
        input_hash=input_hash,
        knowledge_notes=tuple(knowledge.notes),
    )


def _remove_stale_temps(out_path: Path) -> None:
    now = time.time()
    for path in out_path.parent.glob(f"{out_path.name}.tmp-*"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > _STALE_TEMP_SECONDS:
                path.unlink()


_INSERT_DOCUMENT = (
    "INSERT INTO documents (id, title, date, updated, publisher, source_file, language, "
    "sha256, raw, passages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_PASSAGE = (
    'INSERT INTO passages (rowid, id, doc, ordinal, kind, text, start, "end", segments) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_FTS = (
    "INSERT INTO passages_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)"
)
_INSERT_MENTION = (
    'INSERT INTO mentions (entity, doc, passage, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)'
)
_INSERT_ENTITY_PASSAGE = "INSERT INTO entity_passages (entity, passage) VALUES (?, ?)"


class _Batches:
    """Rows waiting to be inserted, written with one ``executemany`` per table when full."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._rows: dict[str, list[tuple[Any, ...]]] = {}

    def add(self, statement: str, row: tuple[Any, ...]) -> None:
        rows = self._rows.setdefault(statement, [])
        rows.append(row)
        if len(rows) >= _BATCH:
            self._conn.executemany(statement, rows)
            rows.clear()

    def flush(self) -> None:
        for statement, rows in self._rows.items():
            self._conn.executemany(statement, rows)
            rows.clear()


def _write(
    conn: sqlite3.Connection,
    documents: Iterable[tuple[Document, list[Mention]]],
    knowledge: KnowledgeBase,
    input_hash: str,
) -> dict[str, int]:
    # The file is a temporary one until renamed: a crash simply discards it,
    # so a rollback journal or waiting for the disk would only slow the build down.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
    db = sqlite_utils.Database(conn)
    create_tables(db)
    conn.execute(ENTITY_PASSAGES_SQL)
    entities = sorted(knowledge.entities, key=lambda e: e.id)
    entity_ids = {e.id for e in entities}
    batches = _Batches(conn)
    counts = dict.fromkeys(("documents", "passages", "mentions"), 0)
    # Passage ids of the form "<doc>:<ordinal>" cannot clash between documents
    # with distinct ids; only other ids need remembering.
    odd_passage_ids: set[str] = set()
    rowids = RowidAllocator()
    conn.execute("BEGIN")
    for doc, mentions in documents:
        passages = _ordered_passages(doc)
        local = _check_document(doc, passages, odd_passage_ids)
        try:
            rowid = rowids.allocate(doc.date, len(passages))
        except ValueError as exc:
            raise BuildError(f"too many passages: {exc}") from exc
        batches.add(_INSERT_DOCUMENT, _document_row(doc))
        for number, passage in enumerate(passages, rowid):
            batches.add(_INSERT_PASSAGE, _passage_row(number, passage))
        for row in fts_rows(replace(doc, passages=tuple(passages)), rowid):
            batches.add(_INSERT_FTS, row)
        mention_rows = _mention_rows(mentions, entity_ids, local)
        for row in mention_rows:
            batches.add(_INSERT_MENTION, row)
        numbers = {passage.id: number for number, passage in enumerate(passages, rowid)}
        for pair in sorted({(row[0], numbers[row[2]]) for row in mention_rows}):
            batches.add(_INSERT_ENTITY_PASSAGE, pair)
        counts["documents"] += 1
        counts["passages"] += len(passages)
        counts["mentions"] += len(mentions)
    batches.flush()
    conn.commit()
    create_indexes(db)
    _check_cited_passages(conn, knowledge)
    db.table("entities").insert_all(_entity_rows(entities, entity_ids), batch_size=_BATCH)
    db.table("entity_sources").insert_all(_entity_source_rows(entities), batch_size=_BATCH)
    alias_rows = _alias_rows(entities)
    db.table("aliases").insert_all(alias_rows, batch_size=_BATCH)
    relations = _sorted_relations(knowledge.relations, entity_ids)
    db.table("relations").insert_all(_relation_rows(relations), batch_size=_BATCH)
    evidence_rows = [
        {"relation": number, "doc": e.doc, "passage": e.passage, "quote": e.quote}
        for number, relation in enumerate(relations, 1)
        for e in relation.evidence
    ]
    db.table("evidence").insert_all(evidence_rows, batch_size=_BATCH)
    db.table("meta").insert_all(_meta_rows(input_hash), batch_size=_BATCH)
    with conn:
        conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')")
    _write_index_terms(conn)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = DELETE")
    counts.update(
        entities=len(entities),
        aliases=len(alias_rows),
        relations=len(relations),
        evidence=len(evidence_rows),
    )
    return counts


def _write_index_terms(conn: sqlite3.Connection) -> None:
    """List the full-text index's words, read from FTS5's vocabulary in one pass."""
    conn.execute(
        "CREATE VIRTUAL TABLE temp.index_vocabulary USING fts5vocab(main, passages_fts, 'row')"
    )
    with conn:
        conn.execute(INDEX_TERMS_SQL)
        conn.execute(
            "INSERT INTO index_terms (term, passages) SELECT term, doc FROM temp.index_vocabulary"
        )
    conn.execute("DROP TABLE temp.index_vocabulary")


def _check_document(doc: Document, passages: Sequence[Passage], odd_ids: set[str]) -> set[str]:
    """The passage ids of ``doc``, refusing misfiled or duplicate ones."""
    local: set[str] = set()
    for passage in passages:
        if passage.doc != doc.id:
            raise BuildError(f"passage {passage.id!r} is filed under document {doc.id!r}")
        if passage.id in local or passage.id in odd_ids:
            raise BuildError(f"two passages have the id {passage.id!r}")
        local.add(passage.id)
        if passage.id != f"{doc.id}:{passage.ordinal}":
            odd_ids.add(passage.id)
    return local


def _check_cited_passages(conn: sqlite3.Connection, knowledge: KnowledgeBase) -> None:
    """Every source and piece of evidence must name a passage of its document."""

    def known(doc: str, passage: str) -> bool:
        row = conn.execute("SELECT doc FROM passages WHERE id = ?", [passage]).fetchone()
        return row is not None and row[0] == doc

    for entity in knowledge.entities:
        for source in entity.sources:
            if not known(source.doc, source.passage):
                raise BuildError(
                    f"a source for {entity.id!r} points to unknown passage {source.passage!r}"
                )
    for relation in knowledge.relations:
        for evidence in relation.evidence:
            if not known(evidence.doc, evidence.passage):
                raise BuildError(
                    f"evidence for {relation.subject} {relation.kind} {relation.object} "
                    f"points to unknown passage {evidence.passage!r}"
                )


def _ordered_passages(doc: Document) -> list[Passage]:
    return sorted(doc.passages, key=lambda p: p.ordinal)


def _document_row(doc: Document) -> tuple[Any, ...]:
    return (
        doc.id,
        doc.title,
        doc.date,
        doc.updated,
        doc.publisher,
        doc.source_file,
        doc.language,
        doc.sha256,
        doc.raw,
        len(doc.passages),
    )


def _passage_row(rowid: int, passage: Passage) -> tuple[Any, ...]:
    segments = [[s.raw_start, s.raw_end, s.text_start, s.text_end] for s in passage.segments]
    return (
        rowid,
        passage.id,
        passage.doc,
        passage.ordinal,
        str(passage.kind),
        passage.text,
        passage.start,
        passage.end,
        json.dumps(segments, separators=(",", ":")),
    )


def _entity_rows(entities: Iterable[Entity], known: set[str]) -> Iterator[dict[str, Any]]:
    for entity in entities:
        if entity.parent is not None and entity.parent not in known:
            raise BuildError(f"entity {entity.id!r} has an unknown parent {entity.parent!r}")
        yield {
            "id": entity.id,
            "kind": str(entity.kind),
            "name_fr": entity.name_fr,
            "name_en": entity.name_en,
            "parent": entity.parent,
            "date": entity.date,
            "role": entity.role,
            "description": entity.description,
            "role_fr": entity.role_fr,
            "description_fr": entity.description_fr,
            "relevant": int(entity.relevant),
        }


def _entity_source_rows(entities: Iterable[Entity]) -> Iterator[dict[str, Any]]:
    for entity in entities:
        for source in entity.sources:
            yield {
                "entity": entity.id,
                "doc": source.doc,
                "passage": source.passage,
                "quote": source.quote,
            }


def _alias_rows(entities: Iterable[Entity]) -> list[dict[str, Any]]:
    """Every alias of every entity, its two names included, once per folded form."""
    rows = []
    for entity in entities:
        names = [(entity.name_fr, "fr", "name"), (entity.name_en, "en", "name")]
        names += [(a.text, a.lang, a.kind) for a in entity.aliases]
        seen: set[str] = set()
        for text, lang, kind in names:
            folded = " ".join(words(fold(text)))
            if not folded or folded in seen:
                continue
            seen.add(folded)
            rows.append(
                {"entity": entity.id, "alias": text, "folded": folded, "lang": lang, "kind": kind}
            )
    rows.sort(key=lambda r: (r["entity"], r["folded"], r["alias"]))
    return rows


def _mention_rows(
    mentions: Iterable[Mention], entity_ids: set[str], passage_ids: set[str]
) -> list[tuple[Any, ...]]:
    """One document's mentions in reading order, checked against its passages."""
    for m in mentions:
        if m.entity not in entity_ids:
            raise BuildError(f"a mention names the unknown entity {m.entity!r}")
        if m.passage not in passage_ids:
            raise BuildError(f"a mention of {m.entity!r} points to unknown passage {m.passage!r}")
    ordered = sorted(mentions, key=lambda m: (_ordinal(m.passage), m.start, m.end, m.entity))
    return [(m.entity, m.doc, m.passage, m.start, m.end, m.text) for m in ordered]


def _ordinal(passage_id: str) -> int:
    tail = passage_id.rpartition(":")[2]
    return int(tail) if tail.isdigit() else 0


def _sorted_relations(relations: Iterable[Relation], entity_ids: set[str]) -> list[Relation]:
    for relation in relations:
        for end in (relation.subject, relation.object):
            if end not in entity_ids:
                raise BuildError(f"a {relation.kind!r} relation names the unknown entity {end!r}")
    return sorted(
        relations,
        key=lambda r: (
            r.kind,
            r.subject,
            r.object,
            r.date or "",
            r.note or "",
            [(e.doc, e.passage, e.quote) for e in r.evidence],
        ),
    )


def _relation_rows(relations: Sequence[Relation]) -> Iterator[dict[str, Any]]:
    for number, relation in enumerate(relations, 1):
        yield {
            "id": number,
            "kind": relation.kind,
            "subject": relation.subject,
            "object": relation.object,
            "date": relation.date,
            "note": relation.note,
        }


def _meta_rows(input_hash: str) -> list[dict[str, str]]:
    return [
        {"key": "schema_version", "value": str(SCHEMA_VERSION)},
        {"key": "build_date", "value": datetime.now(UTC).isoformat(timespec="seconds")},
        {"key": "input_hash", "value": input_hash},
        {"key": ROWID_ORDER_KEY, "value": NEWEST_FIRST},
        {"key": "natoapp_version", "value": natoapp.__version__},
        {"key": "sqlite_version", "value": sqlite3.sqlite_version},
    ]

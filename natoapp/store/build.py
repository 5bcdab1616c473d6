"""Building the database file from documents and knowledge, atomically.

A build writes ``<name>.tmp-<pid>`` in the target's folder and renames it over
the target only once it is complete, so a failed or interrupted build never
leaves a half-built database where the application looks for one. Rows are
inserted in a fixed order with ids derived from the input alone, so two builds
of the same input hold the same rows (only ``meta.build_date`` differs).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

import natoapp
from natoapp.corpus.model import Document, Passage, SeedError
from natoapp.corpus.normalize import fold
from natoapp.knowledge.model import Entity, KnowledgeBase, KnowledgeError, Relation
from natoapp.store.errors import BuildError, DatabaseError
from natoapp.store.indexing import fts_rows
from natoapp.store.schema import SCHEMA_VERSION, create_schema
from natoapp.store.words import words

_BATCH = 500
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


def compute_input_hash(seeds_dir: Path, resources_dir: Path) -> str:
    """sha256 over the seed files (names and bytes), the curated knowledge files and the schema.

    The program's version goes in too, so a new release rebuilds what an older
    one built. Raises :class:`DatabaseError` when the seed folder cannot be read.
    """
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        # Length prefixes keep ("ab", "c") and ("a", "bc") apart.
        encoded = label.encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
        digest.update(len(data).to_bytes(8, "big") + data)

    add("schema", str(SCHEMA_VERSION).encode())
    add("natoapp", natoapp.__version__.encode())
    try:
        seeds = sorted(p for p in Path(seeds_dir).iterdir() if _is_input_file(p))
        for path in seeds:
            add(f"seed/{path.name}", path.read_bytes())
        knowledge = Path(resources_dir) / "knowledge"
        if knowledge.is_dir():
            for path in sorted(p for p in knowledge.rglob("*") if _is_input_file(p)):
                add(f"knowledge/{path.relative_to(knowledge).as_posix()}", path.read_bytes())
    except OSError as exc:
        raise DatabaseError(f"cannot read the inputs: {_os_message(exc)}") from exc
    return digest.hexdigest()


def _is_input_file(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".")


def _os_message(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def build_from_sources(seeds_dir: Path, resources_dir: Path, out_path: Path) -> BuildReport:
    """Read the seeds, derive the knowledge and build the database at ``out_path``.

    A seed that cannot be read is skipped and listed in ``seed_errors``;
    curated data that does not hold (a :class:`KnowledgeError`) fails the
    build with :class:`BuildError` and leaves any existing database as it was.
    """
    # Imported here so that reading a database never loads the build pipeline.
    from natoapp.corpus import load_corpus
    from natoapp.knowledge import build_knowledge

    input_hash = compute_input_hash(seeds_dir, resources_dir)
    try:
        corpus = load_corpus(Path(seeds_dir))
    except OSError as exc:
        raise BuildError(f"cannot read the seed texts: {_os_message(exc)}") from exc
    try:
        # A seed that could not be read must not take the whole build down with it:
        # the claims that cite it are set aside, with a note.
        knowledge = build_knowledge(
            corpus.documents, Path(resources_dir), skip_missing_documents=bool(corpus.errors)
        )
    except KnowledgeError as exc:
        raise BuildError(f"curated data does not hold: {exc}") from exc
    report = build_database(corpus.documents, knowledge, out_path, input_hash=input_hash)
    return replace(report, seed_errors=tuple(corpus.errors))


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
    started = time.perf_counter()
    out_path = Path(out_path)
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
        counts = _write(sqlite_utils.Database(conn), documents, knowledge, input_hash)
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


def _write(
    db: sqlite_utils.Database,
    documents: Sequence[Document],
    knowledge: KnowledgeBase,
    input_hash: str,
) -> dict[str, int]:
    # The file is a temporary one until renamed: a crash simply discards it,
    # so a rollback journal would only slow the build down.
    db.execute("PRAGMA journal_mode = OFF")
    create_schema(db)
    docs = sorted(documents, key=lambda d: d.id)
    passage_ids = _check_documents(docs)
    entities = sorted(knowledge.entities, key=lambda e: e.id)
    entity_ids = {e.id for e in entities}
    counts: dict[str, int] = {"documents": len(docs), "passages": len(passage_ids)}

    db.table("documents").insert_all(_document_rows(docs), batch_size=_BATCH)
    db.table("passages").insert_all(_passage_rows(docs), batch_size=_BATCH)
    with db.conn:
        db.conn.executemany(
            "INSERT INTO passages_fts (rowid, title, body, title_stem, body_stem) "
            "VALUES (?, ?, ?, ?, ?)",
            _all_fts_rows(docs),
        )
    db.table("entities").insert_all(_entity_rows(entities, entity_ids), batch_size=_BATCH)
    db.table("entity_sources").insert_all(
        _entity_source_rows(entities, passage_ids), batch_size=_BATCH
    )
    alias_rows = _alias_rows(entities)
    db.table("aliases").insert_all(alias_rows, batch_size=_BATCH)
    mention_rows = _mention_rows(knowledge, entity_ids, passage_ids)
    db.table("mentions").insert_all(mention_rows, batch_size=_BATCH)
    relations = _sorted_relations(knowledge.relations, entity_ids, passage_ids)
    db.table("relations").insert_all(_relation_rows(relations), batch_size=_BATCH)
    evidence_rows = [
        {"relation": number, "doc": e.doc, "passage": e.passage, "quote": e.quote}
        for number, relation in enumerate(relations, 1)
        for e in relation.evidence
    ]
    db.table("evidence").insert_all(evidence_rows, batch_size=_BATCH)
    db.table("meta").insert_all(_meta_rows(input_hash), batch_size=_BATCH)
    with db.conn:
        db.execute("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')")
    db.execute("ANALYZE")
    db.execute("PRAGMA journal_mode = DELETE")
    counts.update(
        entities=len(entities),
        aliases=len(alias_rows),
        mentions=len(mention_rows),
        relations=len(relations),
        evidence=len(evidence_rows),
    )
    return counts


def _check_documents(docs: Sequence[Document]) -> dict[str, str]:
    """Map passage id → document id, refusing duplicate or misfiled ids."""
    seen_docs: set[str] = set()
    passage_ids: dict[str, str] = {}
    for doc in docs:
        if doc.id in seen_docs:
            raise BuildError(f"two documents have the id {doc.id!r}")
        seen_docs.add(doc.id)
        for passage in doc.passages:
            if passage.doc != doc.id:
                raise BuildError(f"passage {passage.id!r} is filed under document {doc.id!r}")
            if passage.id in passage_ids:
                raise BuildError(f"two passages have the id {passage.id!r}")
            passage_ids[passage.id] = doc.id
    return passage_ids


def _ordered_passages(doc: Document) -> list[Passage]:
    return sorted(doc.passages, key=lambda p: p.ordinal)


def _document_rows(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        yield {
            "id": doc.id,
            "title": doc.title,
            "date": doc.date,
            "updated": doc.updated,
            "publisher": doc.publisher,
            "source_file": doc.source_file,
            "language": doc.language,
            "sha256": doc.sha256,
            "raw": doc.raw,
            "passages": len(doc.passages),
        }


def _passage_rows(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    rowid = 0
    for doc in docs:
        for passage in _ordered_passages(doc):
            rowid += 1
            segments = [
                [s.raw_start, s.raw_end, s.text_start, s.text_end] for s in passage.segments
            ]
            yield {
                "rowid": rowid,
                "id": passage.id,
                "doc": passage.doc,
                "ordinal": passage.ordinal,
                "kind": str(passage.kind),
                "text": passage.text,
                "start": passage.start,
                "end": passage.end,
                "segments": json.dumps(segments, separators=(",", ":")),
            }


def _all_fts_rows(docs: Iterable[Document]) -> Iterator[tuple[int, str, str, str, str]]:
    # Rowids must follow _passage_rows exactly: same documents, same order.
    rowid = 1
    for doc in docs:
        ordered = replace(doc, passages=tuple(_ordered_passages(doc)))
        yield from fts_rows(ordered, rowid)
        rowid += len(doc.passages)


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


def _entity_source_rows(
    entities: Iterable[Entity], passage_ids: dict[str, str]
) -> Iterator[dict[str, Any]]:
    for entity in entities:
        for source in entity.sources:
            if passage_ids.get(source.passage) != source.doc:
                raise BuildError(
                    f"a source for {entity.id!r} points to unknown passage {source.passage!r}"
                )
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
    knowledge: KnowledgeBase, entity_ids: set[str], passage_ids: dict[str, str]
) -> list[dict[str, Any]]:
    for m in knowledge.mentions:
        if m.entity not in entity_ids:
            raise BuildError(f"a mention names the unknown entity {m.entity!r}")
        if passage_ids.get(m.passage) != m.doc:
            raise BuildError(f"a mention of {m.entity!r} points to unknown passage {m.passage!r}")
    ordered = sorted(
        knowledge.mentions, key=lambda m: (m.doc, _ordinal(m.passage), m.start, m.end, m.entity)
    )
    return [
        {
            "entity": m.entity,
            "doc": m.doc,
            "passage": m.passage,
            "start": m.start,
            "end": m.end,
            "text": m.text,
        }
        for m in ordered
    ]


def _ordinal(passage_id: str) -> int:
    tail = passage_id.rpartition(":")[2]
    return int(tail) if tail.isdigit() else 0


def _sorted_relations(
    relations: Iterable[Relation], entity_ids: set[str], passage_ids: dict[str, str]
) -> list[Relation]:
    for relation in relations:
        for end in (relation.subject, relation.object):
            if end not in entity_ids:
                raise BuildError(f"a {relation.kind!r} relation names the unknown entity {end!r}")
        for evidence in relation.evidence:
            if passage_ids.get(evidence.passage) != evidence.doc:
                raise BuildError(
                    f"evidence for {relation.subject} {relation.kind} {relation.object} "
                    f"points to unknown passage {evidence.passage!r}"
                )
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
        {"key": "natoapp_version", "value": natoapp.__version__},
        {"key": "sqlite_version", "value": sqlite3.sqlite_version},
    ]

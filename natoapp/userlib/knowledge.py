"""The entities an imported text is searched for, and keeping its mentions current.

Imported documents go through the seed texts' knowledge pipeline:
:func:`natoapp.knowledge.build_knowledge` reads the curated entities and their
aliases, and :func:`natoapp.knowledge.find_mentions` finds them in each
passage. The library keeps a copy of the entities and aliases it used
(``entities``, ``aliases``), so the same search code resolves a query's names
on it as on the seed database, and a fingerprint of them in ``meta``: when
the curated data changes, every imported document's mentions are found again.
Relations and their evidence are never derived from imported texts: every
fact natoapp states cites a seed passage its curators checked.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from natoapp import paths
from natoapp.corpus.model import Document
from natoapp.corpus.normalize import fold
from natoapp.knowledge import AliasMatcher, Entity, KnowledgeError, Mention, build_knowledge
from natoapp.knowledge.mentions import find_mentions
from natoapp.store.words import words
from natoapp.userlib.documents import insert_mentions, stored_document
from natoapp.userlib.errors import UserLibraryError

KNOWLEDGE_KEY = "knowledge_fingerprint"


@dataclass(frozen=True, slots=True)
class UserKnowledge:
    """The curated entities, a matcher over their aliases, and a fingerprint of both.

    Immutable: one may be shared by every thread of an import.
    """

    entities: tuple[Entity, ...]
    matcher: AliasMatcher
    fingerprint: str


def load_knowledge(resources_dir: Path | None = None) -> UserKnowledge:
    """The curated entities of ``resources_dir`` (the shipped ones by default).

    Raises :class:`UserLibraryError` when the curated data does not hold.
    """
    resources = Path(resources_dir) if resources_dir is not None else paths.resources_dir()
    try:
        # No seed text is given: curated claims and sources, which cite seeds, are left out.
        kb = build_knowledge([], resources, skip_missing_documents=True)
    except (KnowledgeError, OSError) as exc:
        raise UserLibraryError(f"cannot read the curated entities: {exc}") from exc
    entities = tuple(sorted(kb.entities, key=lambda e: e.id))
    return UserKnowledge(entities, AliasMatcher(list(entities)), _fingerprint(entities))


def _fingerprint(entities: Iterable[Entity]) -> str:
    digest = hashlib.sha256()
    for entity in entities:
        fields = [entity.id, str(entity.kind), entity.name_fr, entity.name_en, entity.parent or ""]
        fields += [f"{a.text}\x1f{a.lang}\x1f{a.kind}" for a in entity.aliases]
        digest.update("\x1e".join(fields).encode() + b"\x1d")
    return digest.hexdigest()


def mentions_in(document: Document, knowledge: UserKnowledge) -> list[Mention]:
    """Every known entity named in ``document``, passage by passage in reading order."""
    found: list[Mention] = []
    for passage in sorted(document.passages, key=lambda p: p.ordinal):
        found.extend(find_mentions(passage, knowledge.matcher))
    return found


def knowledge_is_current(conn: sqlite3.Connection, knowledge: UserKnowledge) -> bool:
    """True when the library's entities and mentions were made with ``knowledge``."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [KNOWLEDGE_KEY]).fetchone()
    return bool(row) and row[0] == knowledge.fingerprint


def write_knowledge(conn: sqlite3.Connection, knowledge: UserKnowledge) -> None:
    """Replace the entities, aliases and every document's mentions (caller's transaction)."""
    conn.execute("DELETE FROM mentions")
    conn.execute("DELETE FROM entity_sources")
    conn.execute("DELETE FROM aliases")
    conn.execute("DELETE FROM evidence")
    conn.execute("DELETE FROM relations")
    conn.execute("DELETE FROM entities")
    # Parents first: an entity may name its parent framework.
    ordered = sorted(knowledge.entities, key=lambda e: (e.parent is not None, e.id))
    conn.executemany(
        "INSERT INTO entities (id, kind, name_fr, name_en, parent, date, role, description, "
        "role_fr, description_fr, relevant) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                e.id,
                str(e.kind),
                e.name_fr,
                e.name_en,
                e.parent,
                e.date,
                e.role,
                e.description,
                e.role_fr,
                e.description_fr,
                int(e.relevant),
            )
            for e in ordered
        ],
    )
    conn.executemany(
        "INSERT INTO aliases (entity, alias, folded, lang, kind) VALUES (?, ?, ?, ?, ?)",
        _alias_rows(knowledge.entities),
    )
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        stored = stored_document(conn, doc_id)
        if stored is not None:
            insert_mentions(conn, mentions_in(stored[0], knowledge))
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [KNOWLEDGE_KEY, knowledge.fingerprint],
    )


def _alias_rows(entities: Iterable[Entity]) -> list[tuple[str, str, str, str, str]]:
    """Every alias with both names, once per folded form, as the seed database lists them."""
    rows: list[tuple[str, str, str, str, str]] = []
    for entity in entities:
        names = [(entity.name_fr, "fr", "name"), (entity.name_en, "en", "name")]
        names += [(a.text, a.lang, a.kind) for a in entity.aliases]
        seen: set[str] = set()
        for text, lang, kind in names:
            folded = " ".join(words(fold(text)))
            if folded and folded not in seen:
                seen.add(folded)
                rows.append((entity.id, text, folded, lang, kind))
    return sorted(rows, key=lambda r: (r[0], r[2], r[1]))

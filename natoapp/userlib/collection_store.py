"""Collections of excerpts in SQL: each function runs inside the caller's write transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from natoapp.userlib.errors import CollectionError
from natoapp.userlib.records import Collection, CollectionItem, DeletedCollection
from natoapp.userlib.schema import now_iso

MAX_NAME_CHARS = 200

_COLLECTION_SELECT = (
    "SELECT c.id, c.name, c.position, c.created, "
    "(SELECT COUNT(*) FROM collection_items i WHERE i.collection = c.id) FROM collections c"
)
_ITEM_COLUMNS = (
    "id, collection, position, passage, doc, ordinal, quote, note, cut_start, cut_end, "
    "title, date, updated, publisher, source_file, language, added"
)


def clean_name(name: str) -> str:
    """A collection name as stored: spaces collapsed; :class:`CollectionError` if unusable."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise CollectionError("a collection needs a name")
    if len(cleaned) > MAX_NAME_CHARS:
        raise CollectionError(f"a collection name has at most {MAX_NAME_CHARS} characters")
    return cleaned


def _collection(row: Sequence[Any]) -> Collection:
    cid, name, position, created, items = row
    return Collection(int(cid), name, int(position), created, int(items))


def _item(row: Sequence[Any]) -> CollectionItem:
    (iid, collection, position, passage, doc, ordinal, quote, note, cut_start, cut_end) = row[:10]
    title, date, updated, publisher, source_file, language, added = row[10:]
    return CollectionItem(
        id=int(iid),
        collection=int(collection),
        position=int(position),
        passage=passage,
        doc=doc,
        ordinal=int(ordinal) if ordinal is not None else None,
        quote=quote,
        note=note or "",
        cut_start=bool(cut_start),
        cut_end=bool(cut_end),
        title=title,
        date=date,
        updated=updated,
        publisher=publisher,
        source_file=source_file,
        language=language,
        added=added,
    )


def list_collections(conn: sqlite3.Connection) -> list[Collection]:
    """Every collection in the user's order."""
    rows = conn.execute(f"{_COLLECTION_SELECT} ORDER BY c.position, c.id").fetchall()
    return [_collection(row) for row in rows]


def get_collection(conn: sqlite3.Connection, collection_id: int) -> Collection | None:
    """The collection ``collection_id``, or None."""
    row = conn.execute(f"{_COLLECTION_SELECT} WHERE c.id = ?", [collection_id]).fetchone()
    return _collection(row) if row else None


def find_collection(conn: sqlite3.Connection, name: str) -> Collection | None:
    """The collection called ``name`` (case does not matter), or None."""
    cleaned = " ".join(name.split())
    row = conn.execute(f"{_COLLECTION_SELECT} WHERE c.name = ?", [cleaned]).fetchone()
    return _collection(row) if row else None


def require_collection(conn: sqlite3.Connection, collection_id: int) -> Collection:
    """The collection ``collection_id``; :class:`CollectionError` when there is none."""
    found = get_collection(conn, collection_id)
    if found is None:
        raise CollectionError(f"no collection {collection_id}")
    return found


def create_collection(conn: sqlite3.Connection, name: str) -> Collection:
    """A new, empty collection at the end of the list."""
    cleaned = clean_name(name)
    if find_collection(conn, cleaned) is not None:
        raise CollectionError(f"a collection named {cleaned!r} already exists")
    position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM collections").fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO collections (name, position, created) VALUES (?, ?, ?)",
        [cleaned, position, now_iso()],
    )
    return require_collection(conn, int(cursor.lastrowid or 0))


def rename_collection(conn: sqlite3.Connection, collection_id: int, name: str) -> Collection:
    """Give the collection another name (not one another collection has)."""
    require_collection(conn, collection_id)
    cleaned = clean_name(name)
    other = find_collection(conn, cleaned)
    if other is not None and other.id != collection_id:
        raise CollectionError(f"a collection named {cleaned!r} already exists")
    conn.execute("UPDATE collections SET name = ? WHERE id = ?", [cleaned, collection_id])
    return require_collection(conn, collection_id)


def _renumber(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> None:
    conn.executemany(
        f"UPDATE {table} SET position = ? WHERE id = ?",
        [(position, item_id) for position, item_id in enumerate(ids)],
    )


def move_collection(conn: sqlite3.Connection, collection_id: int, index: int) -> list[Collection]:
    """Put the collection at ``index`` (clamped to the list) and renumber; the new order."""
    require_collection(conn, collection_id)
    ids = [c.id for c in list_collections(conn) if c.id != collection_id]
    ids.insert(max(0, min(index, len(ids))), collection_id)
    _renumber(conn, "collections", ids)
    return list_collections(conn)


def delete_collection(conn: sqlite3.Connection, collection_id: int) -> DeletedCollection:
    """Delete the collection and its excerpts; return them all, for an undo."""
    collection = require_collection(conn, collection_id)
    items = tuple(list_items(conn, collection_id))
    conn.execute("DELETE FROM collection_items WHERE collection = ?", [collection_id])
    conn.execute("DELETE FROM collections WHERE id = ?", [collection_id])
    remaining = [c.id for c in list_collections(conn)]
    _renumber(conn, "collections", remaining)
    return DeletedCollection(collection, items)


def restore_collection(conn: sqlite3.Connection, deleted: DeletedCollection) -> Collection:
    """Put a deleted collection back in its place, with its name and excerpts.

    It keeps its id (and its excerpts theirs) unless a new one took it meanwhile;
    a name taken meanwhile gets " (restored)".
    """
    original = deleted.collection
    name = original.name
    if find_collection(conn, name) is not None:
        name = _free_name(conn, f"{name} (restored)")
    wanted_id = None if get_collection(conn, original.id) is not None else original.id
    cursor = conn.execute(
        "INSERT INTO collections (id, name, position, created) VALUES (?, ?, ?, ?)",
        [wanted_id, name, original.position, original.created],
    )
    collection_id = int(cursor.lastrowid or 0)
    for item in deleted.items:
        item_id = None if get_item(conn, item.id) is not None else item.id
        _insert_item(conn, replace(item, collection=collection_id), item_id)
    ids = [c.id for c in list_collections(conn) if c.id != collection_id]
    ids.insert(max(0, min(original.position, len(ids))), collection_id)
    _renumber(conn, "collections", ids)
    return require_collection(conn, collection_id)


def _free_name(conn: sqlite3.Connection, wanted: str) -> str:
    name, count = wanted, 1
    while find_collection(conn, name) is not None:
        count += 1
        name = f"{wanted} {count}"
    return name


def free_name(conn: sqlite3.Connection, wanted: str) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``... whichever no collection has yet."""
    return _free_name(conn, clean_name(wanted))


def list_items(conn: sqlite3.Connection, collection_id: int) -> list[CollectionItem]:
    """The collection's excerpts in the user's order."""
    rows = conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM collection_items WHERE collection = ? ORDER BY position, id",
        [collection_id],
    ).fetchall()
    return [_item(row) for row in rows]


def get_item(conn: sqlite3.Connection, item_id: int) -> CollectionItem | None:
    """The excerpt ``item_id``, or None."""
    row = conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM collection_items WHERE id = ?", [item_id]
    ).fetchone()
    return _item(row) if row else None


def require_item(conn: sqlite3.Connection, item_id: int) -> CollectionItem:
    """The excerpt ``item_id``; :class:`CollectionError` when there is none."""
    found = get_item(conn, item_id)
    if found is None:
        raise CollectionError(f"no excerpt {item_id}")
    return found


def _insert_item(conn: sqlite3.Connection, item: CollectionItem, item_id: int | None) -> int:
    cursor = conn.execute(
        f"INSERT INTO collection_items ({_ITEM_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            item_id,
            item.collection,
            item.position,
            item.passage,
            item.doc,
            item.ordinal,
            item.quote,
            item.note,
            int(item.cut_start),
            int(item.cut_end),
            item.title,
            item.date,
            item.updated,
            item.publisher,
            item.source_file,
            item.language,
            item.added,
        ],
    )
    return int(cursor.lastrowid or 0)


def append_item(conn: sqlite3.Connection, item: CollectionItem) -> CollectionItem:
    """Add ``item`` (its id and position are ignored) at the end of its collection."""
    require_collection(conn, item.collection)
    position = conn.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM collection_items WHERE collection = ?",
        [item.collection],
    ).fetchone()[0]
    new_id = _insert_item(conn, replace(item, position=int(position)), None)
    return require_item(conn, new_id)


def update_note(conn: sqlite3.Connection, item_id: int, note: str) -> CollectionItem:
    """Replace the excerpt's note."""
    require_item(conn, item_id)
    conn.execute("UPDATE collection_items SET note = ? WHERE id = ?", [note.strip(), item_id])
    return require_item(conn, item_id)


def move_item(conn: sqlite3.Connection, item_id: int, index: int) -> list[CollectionItem]:
    """Put the excerpt at ``index`` of its collection (clamped) and renumber; the new order."""
    item = require_item(conn, item_id)
    ids = [i.id for i in list_items(conn, item.collection) if i.id != item_id]
    ids.insert(max(0, min(index, len(ids))), item_id)
    _renumber(conn, "collection_items", ids)
    return list_items(conn, item.collection)


def delete_item(conn: sqlite3.Connection, item_id: int) -> CollectionItem:
    """Delete the excerpt; return it as it was, for an undo."""
    item = require_item(conn, item_id)
    conn.execute("DELETE FROM collection_items WHERE id = ?", [item_id])
    _renumber(conn, "collection_items", [i.id for i in list_items(conn, item.collection)])
    return item


def restore_item(conn: sqlite3.Connection, item: CollectionItem) -> CollectionItem:
    """Put a deleted excerpt back in its place (its collection must exist)."""
    require_collection(conn, item.collection)
    item_id = None if get_item(conn, item.id) is not None else item.id
    new_id = _insert_item(conn, item, item_id)
    ids = [i.id for i in list_items(conn, item.collection) if i.id != new_id]
    ids.insert(max(0, min(item.position, len(ids))), new_id)
    _renumber(conn, "collection_items", ids)
    return require_item(conn, new_id)

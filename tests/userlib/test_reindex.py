"""When the program's database schema changes, the derived tables are made again from the texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from natoapp.store.library import Library
from natoapp.userlib.importing import import_files
from natoapp.userlib.knowledge import UserKnowledge, load_knowledge
from natoapp.userlib.library import UserLibrary


def test_an_older_index_is_rebuilt_keeping_titles_dates_and_collections(
    library: UserLibrary, knowledge: UserKnowledge, files: Path, user_db: Path
) -> None:
    report = import_files(library, [files / "golfe.html", files / "notes.txt"], knowledge=knowledge)
    golfe = report.imported[0].doc
    assert golfe is not None
    with Library.open(user_db) as read:
        passage = read.passages(golfe)[0]
        document = read.document(golfe)
    assert document is not None
    library.add_excerpt("Golfe", passage, document, quote="Le Koweït et le Qatar")
    library.close()
    # As an older program would have left it: another schema, an index without these words.
    conn = sqlite3.connect(user_db)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('delete-all')")
    conn.commit()
    conn.close()

    notes: list[str] = []
    with UserLibrary.open(user_db, on_note=notes.append) as reopened:
        assert reopened.sync_knowledge(load_knowledge()) is True
        items = reopened.items(reopened.collections()[0].id)
    assert len(notes) == 1 and "search index" in notes[0]
    assert list(user_db.parent.glob("library.sqlite.backup-v2-*"))
    assert [i.quote for i in items] == ["Le Koweït et le Qatar"]
    with Library.open(user_db) as read:
        assert read.provenance().schema_version >= 1
        rebuilt = read.document(golfe)
        assert rebuilt == document  # the title and date read from the page's metadata stay
        assert [h.doc for h in read.search("Koweït").hits] == [golfe]
        assert read.mention_count("QA") == 1
        assert read.search("zorglub").total == 1

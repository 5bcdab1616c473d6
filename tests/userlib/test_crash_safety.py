"""Nothing is lost: a process killed in the middle of an import, two processes writing at once.

The writers are real processes (``python -c``) working on the same library file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from natoapp.store.library import Library
from natoapp.userlib.library import UserLibrary

ROOT = Path(__file__).resolve().parents[2]

IMPORTER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import natoapp.userlib.library as library_module
    from natoapp.userlib.importing import import_file
    from natoapp.userlib.knowledge import load_knowledge
    from natoapp.userlib.library import UserLibrary

    library_path, folder = Path(sys.argv[1]), Path(sys.argv[2])
    stop_after = int(sys.argv[3]) if len(sys.argv) > 3 else -1
    real_insert = library_module.insert_document
    written = []

    def insert_then_wait(conn, document, mentions):
        # Every row of the document is written, the transaction is still open.
        real_insert(conn, document, mentions)
        written.append(document.id)
        if len(written) > stop_after >= 0:
            print("writing", document.id, flush=True)
            time.sleep(60)

    library_module.insert_document = insert_then_wait
    knowledge = load_knowledge()
    with UserLibrary.open(library_path) as library:
        for path in sorted(folder.iterdir()):
            outcome = import_file(library, path, knowledge=knowledge)
            print(outcome.status, outcome.doc, flush=True)
    """
)

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from natoapp.store.library import Library
    from natoapp.userlib.importing import import_file
    from natoapp.userlib.knowledge import load_knowledge
    from natoapp.userlib.library import UserLibrary

    library_path, folder, seed = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    knowledge = load_knowledge()
    with Library.open(seed) as read:
        passage = read.passage("003_cac1df43d34c3008:1")
        document = read.document("003_cac1df43d34c3008")
    with UserLibrary.open(library_path) as library:
        for path in sorted(folder.iterdir()):
            outcome = import_file(library, path, knowledge=knowledge)
            assert outcome.status == "imported", outcome
            library.add_excerpt("Commune", passage, document, note=path.name)
    print("done", flush=True)
    """
)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def long_text(number: int) -> str:
    paragraphs = [
        f"Paragraphe {i} du document {number}: le Koweït, le Qatar et Bahreïn coopèrent avec "
        f"l’OTAN dans le cadre de l’Initiative de coopération d’Istanbul, marqueur{number}."
        for i in range(1200)
    ]
    return f"Document numéro {number}\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.slow
def test_a_process_killed_in_the_middle_of_a_large_import(
    tmp_path: Path, user_db: Path, seed_db: Path
) -> None:
    folder = tmp_path / "gros"
    folder.mkdir()
    for number in range(12):
        (folder / f"doc{number:02}.txt").write_text(long_text(number), encoding="utf-8")
    # What the library held before the import started.
    with UserLibrary.open(user_db) as lib, Library.open(seed_db) as seed:
        passage = seed.passage("003_cac1df43d34c3008:1")
        document = seed.document("003_cac1df43d34c3008")
        assert passage is not None and document is not None
        before = lib.add_excerpt("Avant", passage, document, note="à garder")

    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(user_db), str(folder), "3"],
        stdout=subprocess.PIPE,
        text=True,
        env=environment(),
    )
    assert child.stdout is not None
    committed: list[str] = []
    writing = None
    deadline = time.monotonic() + 120
    while writing is None and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        status, doc = line.split()
        if status == "writing":
            writing = doc
        else:
            assert status == "imported"
            committed.append(doc)
    # The fourth document is half-way through its transaction: kill without warning.
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert len(committed) == 3 and writing is not None and writing not in committed

    assert integrity(user_db) == "ok"
    with UserLibrary.open(user_db) as lib:
        imported = {r.doc: r for r in lib.imported()}
        assert set(imported) == set(committed)  # the one being written is not there at all
        avant = lib.find_collection("Avant")
        assert avant is not None
        assert lib.items(avant.id) == [before]
    with Library.open(user_db) as read:
        assert read.document(writing) is None and read.passages(writing) == []
        assert writing.startswith("user:doc")
        assert read.count(f"marqueur{int(writing[8:10])}") == 0  # no word of it in the index
        for doc in imported:
            info = read.document(doc)
            assert info is not None and len(read.passages(doc)) == info.passages == 1200
        number = int(read.document(committed[0]).source_file[3:5])  # type: ignore[union-attr]
        assert read.count(f"marqueur{number}") == 1200
    # The library goes on working: the rest of the folder imports.
    finish = subprocess.run(
        [sys.executable, "-c", IMPORTER, str(user_db), str(folder)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=300,
    )
    assert finish.returncode == 0, finish.stderr
    assert integrity(user_db) == "ok"
    with UserLibrary.open(user_db) as lib:
        assert len(lib.imported()) == 12


def test_two_processes_writing_at_once(tmp_path: Path, user_db: Path, seed_db: Path) -> None:
    UserLibrary.open(user_db).close()
    folders = []
    for writer in ("a", "b"):
        folder = tmp_path / writer
        folder.mkdir()
        for number in range(8):
            (folder / f"{writer}{number}.txt").write_text(
                f"Texte {number} de l’écrivain {writer}, mot{writer}{number}.\n", encoding="utf-8"
            )
        folders.append(folder)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(user_db), str(folder), str(seed_db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
        )
        for folder in folders
    ]
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == "done"
    assert integrity(user_db) == "ok"
    with UserLibrary.open(user_db) as lib:
        assert len(lib.imported()) == 16
        commune = lib.collections()
        assert [c.name for c in commune] == ["Commune"]
        notes = sorted(i.note for i in lib.items(commune[0].id))
        assert notes == sorted(f"{w}{n}.txt" for w in "ab" for n in range(8))
        assert [i.position for i in lib.items(commune[0].id)] == list(range(16))
    with Library.open(user_db) as read:
        assert all(read.count(f"mot{w}{n}") == 1 for w in "ab" for n in range(8))

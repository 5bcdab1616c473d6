"""Importing files: each file one transaction, duplicates recognised, bad files reported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from natoapp.store.library import Library
from natoapp.userlib.importing import document_id, import_file, import_files
from natoapp.userlib.knowledge import UserKnowledge
from natoapp.userlib.library import UserLibrary

from .conftest import write


def test_a_folder_is_imported_and_every_bad_file_has_its_reason(
    library: UserLibrary, knowledge: UserKnowledge, files: Path
) -> None:
    progress: list[tuple[int, int, str | None]] = []
    report = import_files(
        library,
        [files],
        knowledge=knowledge,
        on_progress=lambda done, total, path: progress.append(
            (done, total, path.name if path else None)
        ),
    )
    by_name = {o.path.name: o for o in report.outcomes}
    assert sorted(o.path.name for o in report.imported) == ["golfe.html", "notes.txt"]
    assert by_name["vide.txt"].kind == "empty"
    assert by_name["faux.pdf"].kind == "wrong-format"
    assert by_name["image.txt"].kind == "wrong-format"
    assert all(o.reason and "\n" not in o.reason for o in report.refused)
    assert report.summary() == "2 imported, 0 already in the library, 3 refused"
    assert progress[0] == (0, 5, "faux.pdf")
    assert progress[-1] == (5, 5, None)
    golfe = by_name["golfe.html"]
    assert golfe.title == "Soixante-dix ans de l’OTAN"
    assert golfe.doc is not None and golfe.doc.startswith("user:golfe-")
    records = {r.source_file: r for r in library.imported()}
    assert records["golfe.html"].format == "html"
    assert records["golfe.html"].date == "2019-04-04"
    assert (records["golfe.html"].title_source, records["golfe.html"].date_source) == (
        "metadata",
        "metadata",
    )
    assert records["notes.txt"].title == "Notes de lecture"
    assert (records["notes.txt"].date, records["notes.txt"].date_source) == ("2021-03-12", "text")


def test_imported_documents_go_through_the_seed_pipeline(
    library: UserLibrary, knowledge: UserKnowledge, files: Path, user_db: Path
) -> None:
    import_files(library, [files / "golfe.html", files / "notes.txt"], knowledge=knowledge)
    with Library.open(user_db) as lib:
        docs = {d.source_file: d for d in lib.documents()}
        golfe = docs["golfe.html"]
        passages = lib.passages(golfe.id)
        assert [p.text for p in passages] == [
            "Le Koweït et le Qatar participent à l’Initiative de coopération d’Istanbul.",
            "La Jordanie est un partenaire du Dialogue méditerranéen.",
        ]
        assert passages[0].id == f"{golfe.id}:1"
        # Page furniture never reaches a passage.
        assert "Accueil" not in lib.document_raw(golfe.id)  # type: ignore[operator]
        mentioned = {m.entity for m in lib.mentions(passage_id=passages[0].id)}
        assert {"KW", "QA", "istanbul-cooperation-initiative"} <= mentioned
        hits = lib.search("zorglub").hits
        assert [h.doc for h in hits] == [docs["notes.txt"].id]
        # Entities named in a query are resolved on the library itself.
        assert any(h.match == "entity" for h in lib.search("Mongolia").hits)


def test_reimporting_the_same_content_adds_nothing(
    library: UserLibrary, knowledge: UserKnowledge, files: Path, tmp_path: Path
) -> None:
    first = import_files(library, [files / "notes.txt"], knowledge=knowledge)
    copy = write(tmp_path / "ailleurs", "copie.txt", (files / "notes.txt").read_bytes())
    again = import_files(library, [files / "notes.txt", copy], knowledge=knowledge)
    assert [o.status for o in again.outcomes] == ["duplicate", "duplicate"]
    assert {o.doc for o in again.outcomes} == {first.imported[0].doc}
    assert "already in the library as user:notes-" in again.outcomes[1].reason
    assert len(library.imported()) == 1
    # Even without the list of known contents, the transaction itself refuses a second copy.
    outcome = import_file(library, copy, knowledge=knowledge, known=None)
    assert outcome.status == "duplicate"
    with sqlite3.connect(library.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    conn.close()


def test_cancel_between_files_keeps_what_was_imported(
    library: UserLibrary, knowledge: UserKnowledge, tmp_path: Path
) -> None:
    paths = [write(tmp_path / "lot", f"doc{i}.txt", f"Texte numéro {i}.\n") for i in range(5)]
    asked = []

    def cancel_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    report = import_files(library, paths, knowledge=knowledge, should_cancel=cancel_after_two)
    assert report.cancelled
    assert len(report.imported) == 2
    assert [p.name for p in report.not_started] == ["doc2.txt", "doc3.txt", "doc4.txt"]
    assert "cancelled with 3 not imported" in report.summary()
    assert len(library.imported()) == 2


def test_a_missing_file_is_reported_not_raised(
    library: UserLibrary, knowledge: UserKnowledge, tmp_path: Path
) -> None:
    report = import_files(library, [tmp_path / "absent.txt"], knowledge=knowledge)
    assert report.refused[0].kind == "unreadable"
    assert "cannot be read" in report.refused[0].reason


def test_document_ids_are_readable_stable_and_prefixed() -> None:
    sha = "0123456789abcdef" * 4
    assert document_id("Rapport annuel 2019 (final).PDF", sha) == (
        "user:rapport-annuel-2019-final-0123456789ab"
    )
    assert document_id("???.txt", sha) == "user:document-0123456789ab"
    assert document_id("Été à Genève.md", sha) == "user:ete-a-geneve-0123456789ab"

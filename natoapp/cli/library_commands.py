"""The commands for the user's own library: ``import``, ``library ...``, ``collections ...``.

Reading commands (``search``, ``documents``, ``show``, ``entity``, ``mentions``)
span the user's library through :func:`open_combined`. Every message is one
line on stderr; reports and listings go to stdout.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from natoapp.cli import output

Note = Callable[[str], None]


class LibraryInputError(Exception):
    """Bad input for a library command (unknown collection, format...); one line."""


def user_db_path(args: argparse.Namespace) -> Path:
    """The user library the command works on: ``--user-db``, else the user's own."""
    from natoapp.userlib.location import default_user_db

    named: Path | None = getattr(args, "user_db", None)
    return named if named is not None else default_user_db()


def open_combined(seed_path: Path, args: argparse.Namespace, note: Note) -> Any:
    """A :class:`CombinedLibrary` over the seed database and the user's library, if there is one.

    A library that does not exist yet is not created by reading; an existing one
    is made ready (upgraded, or set aside when damaged, with a note) and its
    mentions follow the curated entities.
    """
    from natoapp.userlib.combined import CombinedLibrary

    user_path = user_db_path(args)
    if user_path.is_file():
        from natoapp.userlib.knowledge import load_knowledge
        from natoapp.userlib.library import UserLibrary

        with UserLibrary.open(user_path, on_note=note) as library:
            library.sync_knowledge(load_knowledge())
    return CombinedLibrary.open(seed_path, user_path if user_path.is_file() else None)


class ProgressBar:
    """A one-line progress bar on a terminal; silent when the stream is not one."""

    def __init__(self, stream: IO[str]) -> None:
        """Draw on ``stream`` (stderr) when it is a terminal."""
        self._stream = stream
        self._enabled = stream.isatty()
        self._last = 0.0

    def update(self, done: int, total: int, current: Path | None) -> None:
        """Show ``done`` of ``total`` and the file being read."""
        if not self._enabled:
            return
        now = time.monotonic()
        if current is not None and now - self._last < 0.05 and done < total:
            return  # redrawing faster than the eye reads only slows the import
        self._last = now
        width = max(20, shutil.get_terminal_size((80, 20)).columns)
        bar_width = 24
        filled = bar_width * done // total if total else bar_width
        bar = "#" * filled + "." * (bar_width - filled)
        label = current.name if current is not None else "done"
        line = f"[{bar}] {done}/{total} {label}"
        self._stream.write("\r" + line[: width - 1].ljust(width - 1))
        self._stream.flush()

    def finish(self) -> None:
        """End the bar's line."""
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()


def _outcome_json(outcome: Any) -> dict[str, Any]:
    return {
        "path": str(outcome.path),
        "status": outcome.status,
        "doc": outcome.doc,
        "title": outcome.title,
        "passages": outcome.passages,
        "reason": outcome.reason or None,
        "kind": outcome.kind,
    }


def _outcome_text(outcome: Any) -> str:
    if outcome.status == "imported":
        return f"imported   {outcome.doc}  {outcome.path}  ({outcome.passages} passages)"
    if outcome.status == "duplicate":
        return f"already in  {outcome.doc}  {outcome.path}"
    return f"refused    {outcome.path}: {outcome.reason}"


def import_command(args: argparse.Namespace, note: Note) -> int:
    """``natoapp import PATH...``: import files and folders; 2 when some file was refused."""
    from natoapp.userlib.importing import import_files
    from natoapp.userlib.knowledge import load_knowledge
    from natoapp.userlib.library import UserLibrary

    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        note(f"no such file or folder: {path}")
    present = [p for p in args.paths if Path(p).exists()]
    if not present:
        return 2
    knowledge = load_knowledge()
    bar = ProgressBar(sys.stderr)
    with UserLibrary.open(user_db_path(args), on_note=note) as library:
        try:
            report = import_files(library, present, knowledge=knowledge, on_progress=bar.update)
        finally:
            bar.finish()
    if args.json:
        output.print_json(
            {
                "outcomes": [_outcome_json(o) for o in report.outcomes],
                "imported": len(report.imported),
                "duplicates": len(report.duplicates),
                "refused": len(report.refused),
            }
        )
    else:
        for outcome in report.outcomes:
            print(_outcome_text(outcome))
        print(report.summary())
    return 2 if report.refused or missing else 0


def library_command(args: argparse.Namespace, note: Note) -> int:
    """``natoapp library export|import|remove|list``."""
    from natoapp.userlib import transfer
    from natoapp.userlib.library import UserLibrary

    action = args.library_action
    if action == "export":
        exported = transfer.export_library(args.file, user_db=user_db_path(args))
        print(
            f"exported the library to {exported.path}: {exported.documents} documents, "
            f"{exported.collections} collections, {exported.excerpts} excerpts"
        )
        return 0
    if action == "import":
        merge = transfer.import_library(args.file, user_db=user_db_path(args))
        print(f"imported {args.file}: {merge.summary()}")
        note(f"the library as it was before is kept as {merge.backup}")
        return 0
    with UserLibrary.open(user_db_path(args), on_note=note) as library:
        if action == "remove":
            removed = library.remove_document(args.doc)
            kept = (
                f"; {removed.excerpts_kept} excerpts quoting it stay in their collections"
                if removed.excerpts_kept
                else ""
            )
            print(f"removed {removed.doc} ({removed.title}, {removed.passages} passages){kept}")
            return 0
        records = library.imported()
    if args.json:
        output.print_json(
            [
                {
                    "id": r.doc,
                    "title": r.title,
                    "date": r.date,
                    "source_file": r.source_file,
                    "source_path": r.source_path,
                    "format": r.format,
                    "passages": r.passages,
                    "imported": r.imported,
                    "title_source": r.title_source,
                    "date_source": r.date_source,
                }
                for r in records
            ]
        )
    elif records:
        for r in records:
            print(f"{r.doc}  {r.date or 'n.d.':<10}  {r.passages:>3} passages  {r.title}")
    else:
        print("no imported documents (natoapp import PATH... adds some)")
    return 0


def _collection_json(collection: Any) -> dict[str, Any]:
    return {
        "id": collection.id,
        "name": collection.name,
        "position": collection.position,
        "excerpts": collection.items,
        "created": collection.created,
    }


def _item_json(item: Any) -> dict[str, Any]:
    from natoapp.citation import format_reference

    return {
        "id": item.id,
        "position": item.position,
        "passage": item.passage,
        "doc": item.doc,
        "quote": item.quote,
        "note": item.note,
        "cut_start": item.cut_start,
        "cut_end": item.cut_end,
        "citation": format_reference(item.source(), "plain"),
    }


def collections_command(args: argparse.Namespace, note: Note, seed_path: Callable[[], Path]) -> int:
    """``natoapp collections [show NAME | save NAME PASSAGE | export NAME FILE]``."""
    from natoapp.userlib.library import UserLibrary

    action = getattr(args, "collections_action", None)
    with UserLibrary.open(user_db_path(args), on_note=note) as library:
        if action is None:
            collections = library.collections()
            if args.json:
                output.print_json([_collection_json(c) for c in collections])
            elif collections:
                for c in collections:
                    print(f"{c.name}  ({c.items} excerpts)")
            else:
                print("no collections yet (natoapp collections save NAME PASSAGE_ID makes one)")
            return 0
        if action == "save":
            return _save(args, library, seed_path)
        collection = library.find_collection(args.name)
        if collection is None:
            names = ", ".join(repr(c.name) for c in library.collections()) or "none yet"
            raise LibraryInputError(f"no collection named {args.name!r} (collections: {names})")
        items = library.items(collection.id)
    if action == "show":
        if args.json:
            output.print_json(
                {**_collection_json(collection), "items": [_item_json(i) for i in items]}
            )
        else:
            from natoapp.userlib.exports import all_with_citations

            print(f"{collection.name}\n")
            print(all_with_citations(items).plain or "(no excerpts)")
        return 0
    return _export(args, collection.name, items)


def _save(args: argparse.Namespace, library: Any, seed_path: Callable[[], Path]) -> int:
    from natoapp.userlib.combined import CombinedLibrary

    user_path = library.path
    with CombinedLibrary.open(seed_path(), user_path) as combined:
        passage = combined.passage(args.passage)
        if passage is None:
            raise LibraryInputError(
                f"no passage {args.passage!r} (passage ids look like 003_cac1df43d34c3008:2)"
            )
        document = combined.document(passage.doc)
    if document is None:
        raise LibraryInputError(f"no document for passage {args.passage!r}")
    item = library.add_excerpt(args.name, passage, document, quote=args.quote, note=args.note)
    print(f"saved excerpt {item.id} of {item.passage} to {args.name!r}")
    return 0


def _export(args: argparse.Namespace, name: str, items: list[Any]) -> int:
    from natoapp.userlib.exports import EXPORT_FORMATS, format_for_path, write_collection

    fmt = args.format or format_for_path(args.file)
    if fmt is None:
        raise LibraryInputError(
            f"cannot tell the format from {args.file.name!r}; "
            f"add --format ({', '.join(EXPORT_FORMATS)})"
        )
    if fmt not in EXPORT_FORMATS:
        raise LibraryInputError(f"unknown format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    path = write_collection(args.file, name, items, fmt)
    print(f"wrote {len(items)} excerpts of {name!r} to {path} ({fmt})")
    return 0


def run_library_command(args: argparse.Namespace, note: Note, seed_path: Callable[[], Path]) -> int:
    """Run ``import``, ``library`` or ``collections``.

    :class:`DatabaseError` and :class:`LibraryInputError` reach the caller, which
    turns them into one-line messages.
    """
    from natoapp.userlib.errors import CollectionError, UnknownDocumentError

    try:
        if args.command == "import":
            return import_command(args, note)
        if args.command == "library":
            return library_command(args, note)
        return collections_command(args, note, seed_path)
    except (CollectionError, UnknownDocumentError) as exc:
        raise LibraryInputError(str(exc)) from exc

"""What each command does: open the database, ask the library, print."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from natoapp import paths
from natoapp.cli import knowledge_output, output
from natoapp.cli.library_commands import LibraryInputError, open_combined, run_library_command
from natoapp.store.errors import DatabaseError
from natoapp.store.library import Library


class InputError(Exception):
    """Bad input from the user (an unknown id or name); its message is one line."""


def _note(message: str) -> None:
    print(f"natoapp: {message}", file=sys.stderr)


def _seed_path(args: argparse.Namespace) -> Path:
    from natoapp.store.lifecycle import ensure_database

    return ensure_database(args.db, on_note=_note, keep_existing=args.db is not None)


def _open_library(args: argparse.Namespace) -> Library:
    # The seed texts and the user's own library, read as one (same read API).
    combined: Library = open_combined(_seed_path(args), args, _note)
    return combined


def _build(args: argparse.Namespace) -> int:
    from natoapp.store.build import build_from_sources

    seeds = args.seeds or paths.seeds_dir()
    if not seeds.is_dir():
        raise InputError(f"no such folder of seed texts: {seeds}")
    target: Path = args.db or paths.default_db()
    report = build_from_sources(seeds, paths.resources_dir(), target)
    for error in report.seed_errors:
        _note(f"skipped {error}")
    for knowledge_note in report.knowledge_notes:
        _note(knowledge_note)
    print(output.build_summary(report, target))
    return 0


def _search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with _open_library(args) as lib:
        result = lib.search(query, limit=args.limit)
        if args.json:
            output.print_json([output.hit_json(hit) for hit in result.hits])
        else:
            print(output.search_text(result, color=sys.stdout.isatty()))
    return 0


def _documents(args: argparse.Namespace) -> int:
    with _open_library(args) as lib:
        docs = lib.documents()
        if args.json:
            output.print_json([output.document_json(doc) for doc in docs])
        else:
            print(output.documents_text(docs))
    return 0


def _show(args: argparse.Namespace) -> int:
    with _open_library(args) as lib:
        passage = lib.passage(args.target)
        if passage is not None:
            document = lib.document(passage.doc)
            assert document is not None  # a passage always belongs to a document
            if args.json:
                output.print_json(output.passage_json(passage, document))
            else:
                print(output.passage_text(passage, document))
            return 0
        document = lib.document(args.target)
        if document is None:
            raise InputError(
                f"no passage or document {args.target!r} "
                "(passage ids look like 003_cac1df43d34c3008:2; see 'natoapp documents')"
            )
        passages = lib.passages(document.id)
        if args.json:
            output.print_json(output.document_full_json(document, passages))
        else:
            print(output.document_full_text(document, passages))
    return 0


def _find_entity(lib: Library, name: str) -> str:
    entity = lib.find_entity(name)
    if entity is None:
        close = lib.suggest(name, 3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise InputError(f"unknown name {name!r}{hint}")
    return entity.id


def _frameworks(args: argparse.Namespace) -> int:
    with _open_library(args) as lib:
        tree = knowledge_output.frameworks_json(lib)
        if args.json:
            output.print_json(tree)
        elif args.markdown:
            print(knowledge_output.frameworks_markdown(tree))
        else:
            print(knowledge_output.frameworks_text(tree))
    return 0


def _countries(args: argparse.Namespace) -> int:
    with _open_library(args) as lib:
        countries = knowledge_output.countries_json(lib)
        if args.json:
            output.print_json(countries)
        else:
            print(knowledge_output.countries_text(countries))
    return 0


def _entity(args: argparse.Namespace) -> int:
    with _open_library(args) as lib:
        entity_id = _find_entity(lib, " ".join(args.name))
        data = knowledge_output.entity_json(lib, entity_id)
        if args.json:
            output.print_json(data)
        else:
            print(knowledge_output.entity_text(data))
    return 0


def _mentions(args: argparse.Namespace) -> int:
    with _open_library(args) as lib:
        entity_id = _find_entity(lib, " ".join(args.name))
        mentions = [knowledge_output.mention_json(m) for m in lib.mentions(entity_id=entity_id)]
        if args.json:
            output.print_json(mentions)
        else:
            print(knowledge_output.mentions_text(mentions))
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": _build,
    "search": _search,
    "documents": _documents,
    "show": _show,
    "frameworks": _frameworks,
    "countries": _countries,
    "entity": _entity,
    "mentions": _mentions,
}
_LIBRARY_COMMANDS = ("import", "library", "collections")


def run_command(args: argparse.Namespace) -> int:
    """Run the command ``args.command``; turn every expected failure into a one-line message."""
    try:
        if args.command in _LIBRARY_COMMANDS:
            return run_library_command(args, _note, lambda: _seed_path(args))
        return _COMMANDS[args.command](args)
    except (InputError, LibraryInputError) as exc:
        _note(str(exc))
        return 2
    except DatabaseError as exc:
        _note(str(exc))
        return 1
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not an error worth a message.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130

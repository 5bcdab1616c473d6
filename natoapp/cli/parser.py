"""The command line's grammar: every command, flag and its help text."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from natoapp import __version__


class UsageError(Exception):
    """A command line that cannot be understood; its message is one line."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises one-line usage errors instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _limit(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 1 <= number <= 10_000:
        raise argparse.ArgumentTypeError(f"must be between 1 and 10000, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``natoapp [COMMAND] ...``; no command means the window."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--db", type=Path, metavar="FILE", help="database file (default: the user cache)"
    )
    common.add_argument(
        "--user-db",
        type=Path,
        metavar="FILE",
        help="your library of imported documents and collections (default: the user data folder)",
    )
    json_flag = _Parser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="print JSON")

    parser = _Parser(
        prog="natoapp",
        description="Offline reference browser of NATO's partnership frameworks. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"natoapp {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window offscreen, search, select a framework, copy a citation, "
        "check the results and exit (0 when all held)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    build = commands.add_parser(
        "build", parents=[common], help="build the database from the seed texts"
    )
    build.add_argument("--seeds", type=Path, metavar="DIR", help="folder of seed texts")

    search = commands.add_parser(
        "search", parents=[common, json_flag], help="full-text search over the passages"
    )
    search.add_argument("--limit", type=_limit, default=20, metavar="N", help="at most N hits (20)")
    search.add_argument(
        "query", nargs="+", metavar="QUERY", help='words, "phrases", pre*, OR, -word'
    )

    commands.add_parser("documents", parents=[common, json_flag], help="list the documents")

    show = commands.add_parser(
        "show", parents=[common, json_flag], help="a passage or document with its citation"
    )
    show.add_argument("target", metavar="PASSAGE_OR_DOC", help="e.g. 003_cac1df43d34c3008:2")

    frameworks = commands.add_parser(
        "frameworks",
        parents=[common, json_flag],
        help="frameworks and their members, with evidence",
    )
    frameworks.add_argument("--markdown", action="store_true", help="print Markdown")
    commands.add_parser(
        "countries",
        parents=[common, json_flag],
        help="countries and their frameworks, with evidence",
    )
    entity = commands.add_parser(
        "entity", parents=[common, json_flag], help="one entity by any of its names"
    )
    entity.add_argument("name", nargs="+", metavar="NAME")
    mentions = commands.add_parser(
        "mentions", parents=[common, json_flag], help="every mention of an entity"
    )
    mentions.add_argument("name", nargs="+", metavar="NAME")

    _add_library_commands(commands, common, json_flag)
    commands.add_parser("gui", parents=[common], help="open the window (the default)")
    return parser


def _add_library_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    json_flag: argparse.ArgumentParser,
) -> None:
    """``import``, ``library`` and ``collections``: the user's own documents and excerpts."""
    imports = commands.add_parser(
        "import",
        parents=[common, json_flag],
        help="import your own text, Markdown, HTML or PDF files (or folders of them)",
    )
    imports.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    library = commands.add_parser("library", help="your library as a whole")
    actions = library.add_subparsers(
        dest="library_action", metavar="ACTION", parser_class=_Parser, required=True
    )
    export = actions.add_parser(
        "export", parents=[common], help="copy the whole library to one file"
    )
    export.add_argument("file", type=Path, metavar="FILE")
    load = actions.add_parser(
        "import", parents=[common], help="merge a library file exported elsewhere into yours"
    )
    load.add_argument("file", type=Path, metavar="FILE")
    remove = actions.add_parser(
        "remove", parents=[common], help="remove an imported document (its excerpts stay)"
    )
    remove.add_argument("doc", metavar="DOC_ID", help="e.g. user:rapport-3f2a9c1b04de")
    actions.add_parser("list", parents=[common, json_flag], help="the documents you imported")

    collections = commands.add_parser(
        "collections", parents=[common, json_flag], help="your collections of excerpts"
    )
    what = collections.add_subparsers(
        dest="collections_action", metavar="ACTION", parser_class=_Parser
    )
    show = what.add_parser("show", parents=[common, json_flag], help="the excerpts of a collection")
    show.add_argument("name", metavar="NAME")
    save = what.add_parser(
        "save", parents=[common], help="save a passage (or part) to a collection"
    )
    save.add_argument("name", metavar="NAME", help="the collection (made if new)")
    save.add_argument("passage", metavar="PASSAGE_ID", help="e.g. 003_cac1df43d34c3008:2")
    save.add_argument("--quote", metavar="TEXT", help="only this part of the passage, verbatim")
    save.add_argument("--note", metavar="TEXT", default="", help="your note")
    out = what.add_parser(
        "export", parents=[common], help="write a collection with its citations to a file"
    )
    out.add_argument("name", metavar="NAME")
    out.add_argument("file", type=Path, metavar="FILE")
    out.add_argument(
        "--format",
        metavar="FORMAT",
        help="markdown, html, csv, bibtex, csl-json, text or docx "
        "(default: from the file's extension: .md .html .csv .bib .json .txt .docx)",
    )

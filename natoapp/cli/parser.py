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
    json_flag = _Parser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="print JSON")

    parser = _Parser(
        prog="natoapp",
        description="Offline reference browser of NATO's partnership frameworks. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"natoapp {__version__}")
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

    commands.add_parser("gui", parents=[common], help="open the window (the default)")
    return parser

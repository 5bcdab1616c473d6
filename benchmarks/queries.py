"""The query classes measured, and how each is asked of bare FTS5 and of ripgrep or grep.

natoapp reads each query with its own parser; bare FTS5 gets the very FTS5
expression natoapp derived from it (the same terms, nothing else: no count, no
entity hits, no snippets), which is the fastest a search of those terms can be
on this database. ripgrep (or ``grep -ri`` where it is missing) gets what a
person would type at a shell for the same intent; it knows nothing of accents,
stems or entities, so it finds less, and is shown only for its speed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from benchmarks.corpus_gen import RARE_WORD

HOSTILE = '"))) NEAR(/* ^col: OR -- AND \\" \x00 ' + "é" * 300 + " *" * 40


@dataclass(frozen=True, slots=True)
class QueryClass:
    """One kind of query: its name, the text typed into natoapp, and a grep pipeline."""

    name: str
    text: str
    grep: tuple[tuple[str, ...], ...]  # patterns; a leading "!" excludes lines


QUERY_CLASSES: tuple[QueryClass, ...] = (
    QueryClass("frequent word", "sécurité", (("sécurité",),)),
    QueryClass("rare word", RARE_WORD, ((RARE_WORD,),)),
    QueryClass("accent-folded", "mediterraneen", (("mediterraneen",),)),
    QueryClass(
        "phrase",
        '"Initiative de coopération d\'Istanbul"',
        (("Initiative de coopération d'Istanbul",),),
    ),
    QueryClass("prefix", "interop*", (("interop",),)),
    QueryClass("OR", "Koweït OR Qatar", (("Koweït", "Qatar"),)),
    QueryClass("NOT", "partenariat -Géorgie", (("partenariat",), ("!Géorgie",))),
    QueryClass("entity alias", "Kuwait", (("Kuwait",),)),
    QueryClass("hostile string", HOSTILE, ((HOSTILE.replace("\x00", ""),),)),
)


def grep_tool() -> str:
    """``"rg"`` when ripgrep is installed, else ``"grep"``."""
    return "rg" if shutil.which("rg") else "grep"


def grep_commands(query: QueryClass, folder: str, tool: str) -> list[list[str]]:
    """The commands of a pipeline printing the lines of ``folder``'s files that match."""
    commands: list[list[str]] = []
    for step in query.grep:
        exclude = step[0].startswith("!")
        patterns = [p.lstrip("!") for p in step]
        args = [tool, "-i", "-F"] + (["-v"] if exclude else [])
        for pattern in patterns:
            args += ["-e", pattern]
        if not commands:
            args += ["-r", folder] if tool == "grep" else [folder]
        commands.append(args)
    return commands

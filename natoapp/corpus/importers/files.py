"""Which files an import covers: the files named, and every file inside the folders named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import from ``paths``, in a stable order, each once.

    A folder stands for every file below it, hidden files and folders skipped;
    a named file is kept whatever its name (it may be refused later, with a
    reason). A path that does not exist is kept too, to be reported.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.absolute()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        path = Path(path)
        if path.is_dir():
            for inner in sorted(path.rglob("*")):
                relative = inner.relative_to(path).parts
                if inner.is_file() and not any(part.startswith(".") for part in relative):
                    add(inner)
        else:
            add(path)
    return found

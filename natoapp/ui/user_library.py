"""The window's view of the user's own library: the seed database plus imported documents.

Workers call :func:`open_library` on their own thread instead of ``Library.open``, so the
tree, search and reader span the seed texts and the documents the user imported. The
user's library is made ready once at start (:func:`prepare_user_library`), where a damaged
file is set aside and the person told so in one line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from natoapp.store.errors import DatabaseError
from natoapp.store.library import Library
from natoapp.userlib.location import default_user_db

if TYPE_CHECKING:
    from natoapp.userlib.combined import CombinedLibrary

_log = logging.getLogger("natoapp.ui.user_library")


def open_library(library_path: Path, user_db: Path | None = None) -> Library | CombinedLibrary:
    """Open the seed database at ``library_path`` with the user's library, read-only.

    ``user_db`` defaults to the user's library; without one on disk this is the seed
    database alone. A user library that cannot be read leaves the seed texts readable
    (the start-up check sets a damaged one aside and says so). Call on the thread that
    will use the result; raises :class:`DatabaseError` when the seed database is unusable.
    """
    seed = Library.open(library_path)
    user_path = user_db if user_db is not None else default_user_db()
    if not user_path.is_file():
        return seed
    try:
        user = Library.open(user_path)
    except DatabaseError as exc:
        _log.warning("the user library is not readable, showing the seed texts only: %s", exc)
        return seed
    # Imported here: a reader with no library of its own never loads this code.
    from natoapp.userlib.combined import CombinedLibrary

    return CombinedLibrary(seed, user)


def prepare_user_library(
    on_note: Callable[[str], None], user_db: Path | None = None
) -> Path | None:
    """Make the user's library ready (created, upgraded, or a damaged one set aside).

    Every one-line note (a damaged file kept aside, an upgrade's backup) goes to
    ``on_note``; when the library cannot be had at all, the reason does too and the
    result is None. Safe to call from a worker thread.
    """
    # Imported here: creating or upgrading a library needs the build's code, start-up not.
    from natoapp.userlib.errors import UserLibraryError
    from natoapp.userlib.opening import prepare_user_database

    try:
        return prepare_user_database(user_db, on_note=on_note)
    except (UserLibraryError, OSError) as exc:
        _log.warning("the user library cannot be used: %s", exc)
        on_note(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return None

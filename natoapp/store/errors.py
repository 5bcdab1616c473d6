"""What can go wrong with the database, each as a one-line message fit to show a user."""

from __future__ import annotations


class DatabaseError(Exception):
    """The database cannot be built, opened or read; ``str(error)`` is one line."""


class SqliteUnsupportedError(DatabaseError):
    """The SQLite library Python was built with is too old or lacks FTS5."""


class CorruptDatabaseError(DatabaseError):
    """The file is not a natoapp database, or is damaged."""


class BuildError(DatabaseError):
    """Building the database failed; any previous database is left as it was."""


class SearchCancelled(DatabaseError):
    """A running query was cancelled with :meth:`natoapp.store.library.Library.interrupt`."""

"""What can go wrong with the user's library, each as a one-line message fit to show a user."""

from __future__ import annotations

from natoapp.store.errors import DatabaseError


class UserLibraryError(DatabaseError):
    """The user's library cannot be opened, read or changed; ``str(error)`` is one line."""


class LibraryBusyError(UserLibraryError):
    """Another natoapp holds the library for longer than we are willing to wait."""


class CollectionError(UserLibraryError):
    """A collection or excerpt request that cannot be done (unknown id, taken name, ...)."""


class NewerLibraryError(UserLibraryError):
    """The library was written by a newer natoapp; it is left untouched."""


class UnknownDocumentError(UserLibraryError):
    """No imported document has that id."""

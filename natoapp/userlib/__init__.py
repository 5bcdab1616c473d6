"""The user's own library: imported documents and collections of excerpts, nothing ever lost.

No Qt here. :class:`UserLibrary` writes (one transaction per import or edit),
:class:`CombinedLibrary` reads the seed database and the user's library as one,
:func:`import_files` imports files and folders with a per-file report,
:mod:`natoapp.userlib.exports` writes a collection with its citations, and
:func:`export_library` / :func:`import_library` move a whole library.

Names are loaded on first use: reading the library (the command line's search)
does not pay for the HTML and PDF readers an import needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from natoapp.userlib.combined import CombinedLibrary, merge_hits
    from natoapp.userlib.errors import (
        CollectionError,
        LibraryBusyError,
        NewerLibraryError,
        UserLibraryError,
    )
    from natoapp.userlib.importing import document_id, import_file, import_files
    from natoapp.userlib.knowledge import UserKnowledge, load_knowledge
    from natoapp.userlib.library import UserLibrary
    from natoapp.userlib.location import DATA_DIR_ENV, default_user_db, user_data_dir
    from natoapp.userlib.opening import prepare_user_database
    from natoapp.userlib.records import (
        USER_DOC_PREFIX,
        Collection,
        CollectionItem,
        DeletedCollection,
        FileOutcome,
        ImportRecord,
        ImportReport,
        RemovedDocument,
        is_user_id,
    )
    from natoapp.userlib.schema import USER_SCHEMA_VERSION
    from natoapp.userlib.transfer import LibraryMerge, export_library, import_library

_WHERE = {
    "CombinedLibrary": "combined",
    "merge_hits": "combined",
    "CollectionError": "errors",
    "LibraryBusyError": "errors",
    "NewerLibraryError": "errors",
    "UserLibraryError": "errors",
    "document_id": "importing",
    "import_file": "importing",
    "import_files": "importing",
    "UserKnowledge": "knowledge",
    "load_knowledge": "knowledge",
    "UserLibrary": "library",
    "DATA_DIR_ENV": "location",
    "default_user_db": "location",
    "user_data_dir": "location",
    "prepare_user_database": "opening",
    "USER_DOC_PREFIX": "records",
    "Collection": "records",
    "CollectionItem": "records",
    "DeletedCollection": "records",
    "FileOutcome": "records",
    "ImportRecord": "records",
    "ImportReport": "records",
    "RemovedDocument": "records",
    "is_user_id": "records",
    "USER_SCHEMA_VERSION": "schema",
    "LibraryMerge": "transfer",
    "export_library": "transfer",
    "import_library": "transfer",
}

__all__ = [
    "DATA_DIR_ENV",
    "USER_DOC_PREFIX",
    "USER_SCHEMA_VERSION",
    "Collection",
    "CollectionError",
    "CollectionItem",
    "CombinedLibrary",
    "DeletedCollection",
    "FileOutcome",
    "ImportRecord",
    "ImportReport",
    "LibraryBusyError",
    "LibraryMerge",
    "NewerLibraryError",
    "RemovedDocument",
    "UserKnowledge",
    "UserLibrary",
    "UserLibraryError",
    "default_user_db",
    "document_id",
    "export_library",
    "import_file",
    "import_files",
    "import_library",
    "is_user_id",
    "load_knowledge",
    "merge_hits",
    "prepare_user_database",
    "user_data_dir",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"natoapp.userlib.{module}"), name)

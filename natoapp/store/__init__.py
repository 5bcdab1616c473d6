"""The SQLite + FTS5 database: schema, atomic build, lifecycle, query parsing, search, read API.

Entry points: :func:`natoapp.store.lifecycle.ensure_database`,
:func:`natoapp.store.build.build_database`,
:func:`natoapp.store.build.build_from_sources` and
:class:`natoapp.store.library.Library`. Nothing here imports Qt.
"""

"""Putting cited excerpts and references on the system clipboard, as plain text and HTML."""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QStandardItemModel

from natoapp.citation import CitationSource, Copied, format_excerpt, format_reference


def copy_excerpt(
    quote: str,
    source: CitationSource,
    fmt: str,
    *,
    cut_start: bool = False,
    cut_end: bool = False,
) -> Copied:
    """Copy ``quote`` with its citation in format ``fmt``; returns what was copied.

    The clipboard gets both text/plain (the chosen format's text) and text/html (a block
    quote and its citation, every document string escaped), so a word processor pastes
    the rich form and a text editor the plain one.
    """
    copied = format_excerpt(quote, source, fmt, cut_start=cut_start, cut_end=cut_end)
    _put_on_clipboard(copied)
    return copied


def copy_reference(source: CitationSource, fmt: str) -> Copied:
    """Copy the reference of ``source`` alone (no quote) in format ``fmt``."""
    text = format_reference(source, fmt)
    rich = text if fmt == "html" else f"<p>{html.escape(text, quote=False)}</p>"
    if fmt in ("bibtex", "csl-json"):
        rich = f"<pre>{html.escape(text, quote=False)}</pre>"
    copied = Copied(text, rich)
    _put_on_clipboard(copied)
    return copied


def _put_on_clipboard(copied: Copied) -> None:
    mime = _native_mime_data()
    mime.setText(copied.plain)
    mime.setHtml(copied.html)
    # The clipboard takes ownership of the mime data.
    QGuiApplication.clipboard().setMimeData(mime)


def _native_mime_data() -> QMimeData:
    """An empty QMimeData made by Qt itself rather than from Python.

    The clipboard keeps its data until the application object is destroyed, which may be
    after the interpreter has shut down (as under pytest); a QMimeData constructed from
    Python would call back into Python from its destructor then and crash the process.
    An item model makes a plain C++ one, emptied of the model's own format.
    """
    model = QStandardItemModel(1, 1)
    mime = model.mimeData([model.index(0, 0)])
    if mime is None:  # not expected; a Python-made object is still better than nothing
        return QMimeData()
    for fmt in mime.formats():
        mime.removeFormat(fmt)
    return mime

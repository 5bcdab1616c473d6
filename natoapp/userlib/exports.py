"""A collection of excerpts written out with its citations: Markdown, HTML, CSV, BibTeX,
CSL-JSON, DOCX and plain text.

Every excerpt is its saved quote, verbatim, with the citation of
:mod:`natoapp.citation` (the same words the window copies to the clipboard),
"[…]" where the quote is a part of its passage, and the user's note when there
is one. Formats:

``markdown``  ``# name``, then per excerpt the block quote with its citation and
              ``Note: …``, separated by blank lines.
``html``      A whole UTF-8 page: ``<h1>`` name, one ``<section>`` per excerpt holding
              the blockquote, its ``<cite>`` and ``<p class="note">``.
``csv``       Header ``number,quote,note,title,date,publisher,passage,source_file,citation``;
              RFC 4180 quoting and line ends.
``bibtex``    One ``@misc`` entry per excerpt (quote in ``abstract``, note in ``annote``);
              a key used twice gets ``-2``, ``-3``...
``csl-json``  A JSON array of CSL items (quote in ``abstract``, note in ``annote``), ids
              made unique the same way.
``text``      "All with citations": each excerpt as plain text with its citation line and
              note, separated by blank lines — what "copy all" puts on the clipboard.
``docx``      A Word document, when python-docx is installed.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from natoapp.citation import Copied, format_excerpt, format_reference, tex_escape
from natoapp.userlib.errors import UserLibraryError
from natoapp.userlib.records import CollectionItem

EXPORT_FORMATS: tuple[str, ...] = ("markdown", "html", "csv", "bibtex", "csl-json", "text", "docx")
FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".bib": "bibtex",
    ".json": "csl-json",
    ".txt": "text",
    ".docx": "docx",
}
SUFFIX_BY_FORMAT = {
    "markdown": ".md",
    "html": ".html",
    "csv": ".csv",
    "bibtex": ".bib",
    "csl-json": ".json",
    "text": ".txt",
    "docx": ".docx",
}
CSV_COLUMNS = (
    "number",
    "quote",
    "note",
    "title",
    "date",
    "publisher",
    "passage",
    "source_file",
    "citation",
)


class ExportUnavailable(UserLibraryError):
    """The format needs an optional library that is not installed."""


def docx_available() -> bool:
    """True when python-docx is installed, so DOCX can be written."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return False
    return True


def format_for_path(path: Path) -> str | None:
    """The export format a file name asks for by its extension, or None."""
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower())


def _excerpt(item: CollectionItem, fmt: str) -> Copied:
    return format_excerpt(
        item.quote, item.source(), fmt, cut_start=item.cut_start, cut_end=item.cut_end
    )


_MARKDOWN_SPECIALS = re.compile(r"[\\`*\[\]<>#|&~_]")


def _markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(lambda m: f"\\{m.group(0)}", text)


def to_markdown(name: str, items: Sequence[CollectionItem]) -> str:
    """The collection as Markdown."""
    parts = [f"# {_markdown_text(name)}"]
    for item in items:
        block = _excerpt(item, "markdown").plain
        if item.note:
            block += "\n\nNote: " + _markdown_text(item.note).replace("\n", "  \n")
        parts.append(block)
    return "\n\n".join(parts) + "\n"


def to_html(name: str, items: Sequence[CollectionItem]) -> str:
    """The collection as a standalone HTML page."""
    title = html.escape(name, quote=False)
    lines = [
        "<!DOCTYPE html>",
        "<html>",
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    for item in items:
        lines.append("<section>")
        lines.append(_excerpt(item, "html").html)
        if item.note:
            note = "<br>".join(html.escape(line, quote=False) for line in item.note.split("\n"))
            lines.append(f'<p class="note">{note}</p>')
        lines.append("</section>")
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"


def to_csv(items: Sequence[CollectionItem]) -> str:
    """The collection as CSV, one row per excerpt."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for number, item in enumerate(items, 1):
        writer.writerow(
            [
                number,
                item.quote,
                item.note,
                item.title,
                item.date or "",
                item.publisher or "",
                item.passage,
                item.source_file,
                format_reference(item.source(), "plain"),
            ]
        )
    return out.getvalue()


def _unique(key: str, used: dict[str, int]) -> str:
    used[key] = used.get(key, 0) + 1
    return key if used[key] == 1 else f"{key}-{used[key]}"


def to_bibtex(items: Sequence[CollectionItem]) -> str:
    """The collection as BibTeX, one entry per excerpt."""
    used: dict[str, int] = {}
    entries: list[str] = []
    for item in items:
        entry = _excerpt(item, "bibtex").plain
        head, _, rest = entry.partition(",\n")
        kind, _, key = head.partition("{")
        entry = f"{kind}{{{_unique(key, used)},\n{rest}"
        if item.note:
            # The entry ends with "\n}": the note goes in as its last field.
            entry = entry[: -len("\n}")] + f",\n  annote = {{{tex_escape(item.note)}}}\n}}"
        entries.append(entry)
    return "\n\n".join(entries) + ("\n" if entries else "")


def to_csl_json(items: Sequence[CollectionItem]) -> str:
    """The collection as a CSL-JSON array, one item per excerpt."""
    used: dict[str, int] = {}
    records: list[dict[str, Any]] = []
    for item in items:
        record = json.loads(_excerpt(item, "csl-json").plain)
        record["id"] = _unique(str(record["id"]), used)
        if item.note:
            record["annote"] = item.note
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def all_with_citations(items: Sequence[CollectionItem]) -> Copied:
    """Every excerpt with its citation (and note), as plain text and HTML: "copy all"."""
    plain: list[str] = []
    rich: list[str] = []
    for item in items:
        copied = _excerpt(item, "plain")
        text, markup = copied.plain, copied.html
        if item.note:
            text += f"\nNote: {item.note}"
            markup += f"<p>{html.escape(item.note, quote=False)}</p>"
        plain.append(text)
        rich.append(markup)
    return Copied("\n\n".join(plain), "\n".join(rich))


def to_docx(name: str, items: Sequence[CollectionItem]) -> bytes:
    """The collection as a Word document; :class:`ExportUnavailable` without python-docx."""
    try:
        import docx
    except ImportError:
        raise ExportUnavailable(
            "DOCX export needs python-docx (pip install python-docx); "
            "Markdown, HTML, CSV, BibTeX and CSL-JSON need nothing more"
        ) from None
    document = docx.Document()
    document.add_heading(name, level=1)
    for item in items:
        quote = _excerpt(item, "plain").plain.rsplit("\n— ", 1)[0]
        document.add_paragraph(quote, style="Quote")
        document.add_paragraph("— " + format_reference(item.source(), "plain"))
        if item.note:
            note = document.add_paragraph()
            note.add_run(item.note).italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def export_collection(name: str, items: Sequence[CollectionItem], fmt: str) -> bytes:
    """The collection ``name`` with ``items`` in format ``fmt``, as the bytes of a file."""
    if fmt == "markdown":
        return to_markdown(name, items).encode()
    if fmt == "html":
        return to_html(name, items).encode()
    if fmt == "csv":
        return to_csv(items).encode()
    if fmt == "bibtex":
        return to_bibtex(items).encode()
    if fmt == "csl-json":
        return to_csl_json(items).encode()
    if fmt == "text":
        return (all_with_citations(items).plain + "\n").encode()
    if fmt == "docx":
        return to_docx(name, items)
    raise UserLibraryError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")


def write_collection(path: Path, name: str, items: Sequence[CollectionItem], fmt: str) -> Path:
    """Write the export to ``path`` whole or not at all (a temporary file renamed into place)."""
    data = export_collection(name, items, fmt)
    path = Path(path)
    temp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise UserLibraryError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path

"""Citing the sources: a quoted excerpt and the reference it comes from, in several formats.

Formats (``CITATION_FORMATS``):

``plain``
    The quote between quotation marks, then a line ``— Title. Publisher, date, passage N. file``.
    A French quote gets French marks with no-break spaces inside (``«\u00a0…\u00a0»``); any
    other language gets “…”.
``markdown``
    The quote as a block quote (``> `` before every line), then ``> — citation``; every
    character Markdown would read as markup is backslash-escaped, so the text stays text.
``html``
    ``<blockquote lang="fr">quote</blockquote><p><cite>citation</cite></p>``; every string
    from a document is escaped, so a quote holding ``<script>`` shows those characters.
``bibtex``
    One ``@misc`` entry keyed ``natoapp:<document id>``; TeX specials are escaped. The quote of an
    excerpt goes in the ``abstract`` field (BibTeX has no field for a quotation).
``csl-json``
    One CSL item of ``type`` "webpage" (every source is a page: the texts cannot tell a series
    from an issuing office, so no ``container-title`` is guessed); the quote of an excerpt goes in
    ``abstract`` — CSL has no variable for a quotation, and an unknown key would be dropped by
    citation managers.

Dates are printed as the texts give them, in ISO form; a document without a date is "n.d.".
Nothing here invents metadata: a field the document does not give is left out.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from natoapp.store.records import DocumentInfo, PassageInfo

CITATION_FORMATS: tuple[str, ...] = ("plain", "markdown", "html", "bibtex", "csl-json")
NO_DATE = "n.d."
ELLIPSIS_MARK = "[…]"

_NBSP = "\u00a0"
# Qt hands selections over with these separators; a reader means a line break.
_LINE_SEPARATORS = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\r": None})


@dataclass(frozen=True, slots=True)
class CitationSource:
    """What a citation says about where a quote comes from."""

    title: str
    publisher: str | None
    date: str | None  # ISO YYYY-MM-DD (or YYYY-MM, YYYY) of publication
    updated: str | None
    doc: str
    source_file: str
    passage_id: str | None = None
    passage_ordinal: int | None = None
    language: str = "fr"


@dataclass(frozen=True, slots=True)
class Copied:
    """An excerpt ready for the clipboard: the text/plain and the text/html flavours."""

    plain: str
    html: str


def source_for(document: DocumentInfo, passage: PassageInfo | None = None) -> CitationSource:
    """Gather the citation metadata of ``document`` (and of ``passage`` when one is quoted)."""
    return CitationSource(
        title=document.title,
        publisher=document.publisher or None,
        date=document.date or None,
        updated=document.updated or None,
        doc=document.id,
        source_file=document.source_file,
        passage_id=passage.id if passage is not None else None,
        passage_ordinal=passage.ordinal if passage is not None else None,
        language=document.language or "fr",
    )


def format_reference(source: CitationSource, fmt: str) -> str:
    """The reference alone (no quote) in format ``fmt``; ``ValueError`` for an unknown format."""
    _check_format(fmt)
    if fmt == "plain":
        return _citation_line(source)
    if fmt == "markdown":
        return _markdown_escape(_citation_line(source))
    if fmt == "html":
        return f"<cite>{html.escape(_citation_line(source), quote=False)}</cite>"
    if fmt == "bibtex":
        return _bibtex_entry(source, quote=None)
    return _csl_json(source, quote=None)


def format_excerpt(
    quote: str,
    source: CitationSource,
    fmt: str,
    *,
    cut_start: bool = False,
    cut_end: bool = False,
) -> Copied:
    """A quote with its citation, as plain text and HTML.

    ``cut_start``/``cut_end`` say the quote starts or ends inside a sentence; it is then
    marked with "[…]". The quote's own characters are kept verbatim (only the blank space
    around it is dropped). ``plain`` holds the chosen format's text (for ``html`` the HTML
    source); ``html`` holds the rich form pasted by word processors (for ``bibtex`` and
    ``csl-json`` the entry inside ``<pre>``).
    """
    _check_format(fmt)
    verbatim = quote.translate(_LINE_SEPARATORS).strip()
    body = _with_cut_marks(verbatim, cut_start, cut_end)
    rich = _html_excerpt(body, source)
    if fmt == "plain":
        return Copied(f"{_quoted(body, source.language)}\n— {_citation_line(source)}", rich)
    if fmt == "markdown":
        escaped = "\n".join(_markdown_escape(line) for line in verbatim.split("\n"))
        marked = _with_cut_marks(escaped, cut_start, cut_end)
        lines = [f"> {line}".rstrip() for line in marked.split("\n")]
        text = "\n".join([*lines, ">", f"> — {_markdown_escape(_citation_line(source))}"])
        return Copied(text, rich)
    if fmt == "html":
        return Copied(rich, rich)
    entry = _bibtex_entry(source, quote=body) if fmt == "bibtex" else _csl_json(source, body)
    return Copied(entry, f"<pre>{html.escape(entry, quote=False)}</pre>")


def _check_format(fmt: str) -> None:
    if fmt not in CITATION_FORMATS:
        raise ValueError(f"unknown citation format {fmt!r}; expected one of {CITATION_FORMATS}")


def _with_cut_marks(text: str, cut_start: bool, cut_end: bool) -> str:
    if cut_start:
        text = f"{ELLIPSIS_MARK} {text}"
    if cut_end:
        text = f"{text} {ELLIPSIS_MARK}"
    return text


def _is_french(language: str) -> bool:
    return language.lower().split("-")[0] == "fr"


def _quoted(text: str, language: str) -> str:
    if _is_french(language):
        return f"«{_NBSP}{text}{_NBSP}»"
    return f"“{text}”"


def _citation_line(source: CitationSource) -> str:
    """``Title. Publisher, date, passage N. file`` — the parts the document gives."""
    title = source.title.strip()
    head = title if title.endswith((".", "!", "?", "…")) else f"{title}."
    details = [p for p in (source.publisher, source.date or NO_DATE) if p]
    if source.passage_ordinal is not None:
        details.append(f"passage {source.passage_ordinal}")
    joined = ", ".join(details)
    # "n.d." already ends the sentence: no second full stop.
    end = "" if joined.endswith(".") else "."
    return f"{head} {joined}{end} {source.source_file}"


def _html_excerpt(body: str, source: CitationSource) -> str:
    lang = html.escape(source.language or "fr", quote=True)
    quote = "<br>".join(html.escape(line, quote=False) for line in body.split("\n"))
    cite = html.escape(_citation_line(source), quote=False)
    return f'<blockquote lang="{lang}">{quote}</blockquote><p><cite>{cite}</cite></p>'


# Everything CommonMark (and its table/strikethrough extensions) may read as markup; an
# underscore between two letters or digits cannot open emphasis, so file names stay readable.
_MARKDOWN_SPECIALS = re.compile(r"[\\`*\[\]<>#|&~]|(?<![^\W_])_|_(?![^\W_])")
# Line starts that would open a list or a heading.
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def _markdown_escape(text: str) -> str:
    escaped = _MARKDOWN_SPECIALS.sub(lambda m: f"\\{m.group(0)}", text)
    match = _MARKDOWN_LINE_START.match(escaped)
    if match and match.group(2).isdigit():
        end = match.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    if match:
        return f"{match.group(1)}\\{escaped[match.end(1) :]}"
    return escaped


_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "^": r"\^{}",
    "~": r"\~{}",
}


def tex_escape(text: str) -> str:
    """``text`` with the characters TeX treats specially escaped, for BibTeX fields."""
    return "".join(_TEX_SPECIALS.get(ch, ch) for ch in text)


def _note(source: CitationSource) -> str | None:
    if source.passage_ordinal is None:
        return None
    return f"passage {source.passage_ordinal}"


def _bibtex_entry(source: CitationSource, quote: str | None) -> str:
    fields: list[tuple[str, str]] = [("title", source.title)]
    if source.publisher:
        fields.append(("howpublished", source.publisher))
    if source.date:
        fields.append(("year", source.date[:4]))
        fields.append(("date", source.date))
    fields.append(("language", source.language))
    if quote is not None:
        fields.append(("abstract", quote))
    note = _note(source)
    if note is not None:
        fields.append(("note", note))
    body = ",\n".join(f"  {name} = {{{tex_escape(value)}}}" for name, value in fields)
    return f"@misc{{natoapp:{source.doc},\n{body}\n}}"


def _date_parts(date: str) -> list[int] | None:
    parts = date[:10].split("-")
    try:
        return [int(p) for p in parts if p]
    except ValueError:
        return None


def _csl_json(source: CitationSource, quote: str | None) -> str:
    item: dict[str, object] = {
        "id": f"natoapp:{source.doc}",
        "type": "webpage",
        "title": source.title,
    }
    if source.publisher:
        item["publisher"] = source.publisher
    parts = _date_parts(source.date) if source.date else None
    if parts:
        item["issued"] = {"date-parts": [parts]}
    item["language"] = source.language
    item["archive_location"] = source.source_file
    note = _note(source)
    if note is not None:
        item["note"] = note
    if quote is not None:
        item["abstract"] = quote
    return json.dumps(item, ensure_ascii=False, indent=2)

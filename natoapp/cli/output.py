"""How the engine's answers look on a terminal and in JSON.

JSON field names are a contract that scripts rely on: add fields, never rename them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from natoapp.citation import format_reference, source_for
from natoapp.store.records import DocumentInfo, Hit, PassageInfo, SearchResult

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def print_json(data: Any) -> None:
    """Print ``data`` as readable UTF-8 JSON."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def build_summary(report: Any, target: Path) -> str:
    """One line: what was built, where, how fast."""
    return (
        f"built {target}: {report.documents} documents, {report.passages} passages, "
        f"{report.entities} entities, {report.mentions} mentions, "
        f"{report.relations} relations in {report.seconds:.2f} s"
    )


def mark_snippet(snippet: str, marks: Sequence[tuple[int, int]], *, color: bool) -> str:
    """Show the marked spans of a snippet: bold on a terminal, [brackets] otherwise."""
    opening, closing = (_BOLD, _RESET) if color else ("[", "]")
    out, last = [], 0
    for start, end in sorted(marks):
        if start < last:
            continue
        out += [snippet[last:start], opening, snippet[start:end], closing]
        last = end
    out.append(snippet[last:])
    return "".join(out)


def hit_json(hit: Hit) -> dict[str, Any]:
    """A search hit for ``natoapp search --json``."""
    return {
        "doc": hit.doc,
        "passage": hit.passage,
        "ordinal": hit.ordinal,
        "title": hit.title,
        "date": hit.date,
        "snippet": hit.snippet,
        "marks": [list(span) for span in hit.marks],
        "score": round(hit.score, 6),
        "match": hit.match,
        "entity": hit.entity,
    }


def search_text(result: SearchResult, *, color: bool) -> str:
    """Search hits for people: rank, title, date, passage id, marked snippet."""
    if not result.hits:
        return f"no hits for {result.parsed.text!r}"
    lines = [f"{result.total} hits for {result.parsed.text!r}"]
    if result.ranking_window:
        lines[0] += f" (best of the newest {result.ranking_window} first)"
    for rank, hit in enumerate(result.hits, 1):
        via = f"  (via {hit.entity})" if hit.match == "entity" else ""
        lines.append(f"\n{rank:>3}. {hit.title} ({hit.date or 'n.d.'}) [{hit.passage}]{via}")
        lines.append(f"     {mark_snippet(hit.snippet, hit.marks, color=color)}")
    return "\n".join(lines)


def document_json(doc: DocumentInfo) -> dict[str, Any]:
    """A document for ``natoapp documents --json``."""
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "updated": doc.updated,
        "publisher": doc.publisher,
        "source_file": doc.source_file,
        "passages": doc.passages,
    }


def documents_text(docs: Sequence[DocumentInfo]) -> str:
    """One line a document: id, date, passage count, title."""
    return "\n".join(
        f"{doc.id}  {doc.date or 'n.d.':<10}  {doc.passages:>3} passages  {doc.title}"
        for doc in docs
    )


def passage_json(passage: PassageInfo, document: DocumentInfo) -> dict[str, Any]:
    """A passage with its document and citation for ``natoapp show --json``."""
    return {
        "id": passage.id,
        "doc": passage.doc,
        "ordinal": passage.ordinal,
        "kind": passage.kind,
        "text": passage.text,
        "start": passage.start,
        "end": passage.end,
        "title": document.title,
        "date": document.date,
        "citation": format_reference(source_for(document, passage), "plain"),
    }


def passage_text(passage: PassageInfo, document: DocumentInfo) -> str:
    """The passage, then its citation."""
    return f"{passage.text}\n\n— {format_reference(source_for(document, passage), 'plain')}"


def document_full_json(document: DocumentInfo, passages: Sequence[PassageInfo]) -> dict[str, Any]:
    """A whole document, passage by passage, for ``natoapp show --json``."""
    data = document_json(document)
    data["citation"] = format_reference(source_for(document, None), "plain")
    data["passages"] = [
        {"id": p.id, "ordinal": p.ordinal, "kind": p.kind, "text": p.text} for p in passages
    ]
    return data


def document_full_text(document: DocumentInfo, passages: Sequence[PassageInfo]) -> str:
    """Title, date, then the text as a reader sees it, then the citation."""
    head = f"{document.title}\n{document.date or 'n.d.'}"
    if document.publisher:
        head += f" · {document.publisher}"
    body = "\n\n".join(f"[{p.ordinal}] {p.text}" for p in passages)
    citation = format_reference(source_for(document, None), "plain")
    return f"{head}\n\n{body}\n\n— {citation}"

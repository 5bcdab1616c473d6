"""Seed files in, documents out: the corpus layer's entry points.

:func:`parse_document` is the pure step from text to :class:`Document` (an
imported text goes through it too); :func:`read_document` adds reading a file;
:func:`load_corpus` reads a whole folder, keeping every file it can and
reporting the others, one line each.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from natoapp.corpus.furniture import Furniture, line_furniture, mark_context
from natoapp.corpus.language import guess_language
from natoapp.corpus.lines import split_lines
from natoapp.corpus.metadata import mark_header, read_metadata
from natoapp.corpus.model import Document, SeedError
from natoapp.corpus.passages import build_passages
from natoapp.corpus.reading import SeedReadError, normalise_text, read_text

SEED_SUFFIXES = (".txt", ".md")
DEFAULT_LANGUAGE = "fr"
# Enough text to tell a page's language; reading a whole large file adds nothing.
LANGUAGE_SAMPLE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """The documents read from a folder, sorted by id, and the files that could not be read."""

    documents: list[Document] = field(default_factory=list)
    errors: list[SeedError] = field(default_factory=list)


def parse_document(doc_id: str, source_file: str, raw: str, sha256: str) -> Document:
    """Turn a text into a :class:`Document`: metadata, furniture set aside, passages.

    ``raw`` may still have a byte order mark or ``"\\r\\n"``/``"\\r"`` line
    endings; ``Document.raw`` never has, and every offset points into it. A
    text without a recognisable title gets ``doc_id`` as its title.
    """
    raw = normalise_text(raw)
    lines = split_lines(raw)
    marks: list[Furniture | None] = [line_furniture(line.text) for line in lines]
    title_line = mark_header(lines, marks)
    mark_context(lines, marks)
    content = "\n".join(line.text for line, mark in zip(lines, marks, strict=True) if not mark)
    language = guess_language(content[:LANGUAGE_SAMPLE_CHARS]) or DEFAULT_LANGUAGE
    meta = read_metadata(lines, marks, title_line)
    return Document(
        id=doc_id,
        source_file=source_file,
        raw=raw,
        sha256=sha256,
        title=meta.title or doc_id,
        date=meta.date,
        updated=meta.updated,
        publisher=meta.publisher,
        passages=build_passages(doc_id, lines, marks, language),
        language=language,
    )


def read_document(path: Path) -> Document:
    """Read the seed at ``path``; raise :class:`SeedReadError` when it is not UTF-8 text."""
    decoded = read_text(path)
    return parse_document(path.stem, path.name, decoded.text, decoded.sha256)


def seed_files(seeds_dir: Path) -> list[Path]:
    """The seed files of a folder (``*.txt``, ``*.md``; hidden files skipped), by name."""
    return sorted(
        (
            path
            for path in seeds_dir.iterdir()
            if path.suffix.lower() in SEED_SUFFIXES and not path.name.startswith(".")
        ),
        key=lambda path: path.name,
    )


@dataclass(frozen=True, slots=True)
class SeedIndex:
    """The seed files of a folder grouped by document id, or why the folder cannot be listed.

    ``paths`` is ordered by id; each id's files are in name order ("a.md" before
    "a.txt"): the first that can be read is the document, the others are reported.
    """

    paths: dict[str, list[Path]] = field(default_factory=dict)
    errors: list[SeedError] = field(default_factory=list)


def index_seeds(seeds_dir: Path) -> SeedIndex:
    """List the seeds of ``seeds_dir`` by document id without reading them."""
    try:
        paths = seed_files(seeds_dir)
    except FileNotFoundError:
        return SeedIndex({}, [SeedError(str(seeds_dir), "folder not found")])
    except NotADirectoryError:
        return SeedIndex({}, [SeedError(str(seeds_dir), "not a folder")])
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return SeedIndex({}, [SeedError(str(seeds_dir), f"cannot be read ({reason})")])
    by_id: dict[str, list[Path]] = {}
    for path in paths:
        by_id.setdefault(path.stem, []).append(path)
    return SeedIndex({key: by_id[key] for key in sorted(by_id)}, [])


def read_seed(paths: list[Path]) -> tuple[Document | None, list[SeedError]]:
    """Read the document of one id from its files (see :class:`SeedIndex`), and the errors."""
    document: Document | None = None
    errors: list[SeedError] = []
    for path in paths:
        if document is not None:
            errors.append(
                SeedError(path.name, f"same document id as {document.source_file}; not loaded")
            )
            continue
        try:
            document = read_document(path)
        except SeedReadError as exc:
            errors.append(exc.error)
    return document, errors


def iter_corpus(seeds_dir: Path) -> Iterator[Document | SeedError]:
    """Read the seeds of ``seeds_dir`` one at a time: each document, or why a file was left out.

    Documents come in id order, one in memory at a time, so a corpus of any size
    can be streamed into a database.
    """
    index = index_seeds(seeds_dir)
    yield from index.errors
    for paths in index.paths.values():
        document, errors = read_seed(paths)
        yield from errors
        if document is not None:
            yield document


def load_corpus(seeds_dir: Path) -> CorpusResult:
    """Read every seed of ``seeds_dir``; a file that cannot be read becomes a :class:`SeedError`.

    Documents come sorted by id. Two files with the same stem ("a.txt",
    "a.md") would share an id: the second is reported, not loaded. Errors are
    listed in file name order.
    """
    documents: list[Document] = []
    errors: list[SeedError] = []
    for item in iter_corpus(seeds_dir):
        if isinstance(item, Document):
            documents.append(item)
        else:
            errors.append(item)
    if len(errors) > 1:
        errors.sort(key=lambda error: error.source_file)
    return CorpusResult(documents, errors)

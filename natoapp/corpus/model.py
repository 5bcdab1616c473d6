"""What the corpus layer produces: documents made of citable passages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PassageKind(StrEnum):
    """What a reader would call a block of text."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CAPTION = "caption"
    NOTE = "note"  # a footnote


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a passage's text and the span of the raw document it comes from.

    A segment maps one to one: ``text[text_start:text_end] == raw[raw_start:raw_end]``.
    Inline markup a reader does not see (``**bold**``, link targets) falls between
    segments, and so does page furniture between two halves of a rejoined
    sentence; the only characters of ``text`` outside every segment are the
    single spaces put where two segments were joined.
    """

    raw_start: int
    raw_end: int
    text_start: int
    text_end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph as a reader sees it, with where it stands in the raw document.

    ``id`` is ``f"{doc}:{ordinal}"``; ``ordinal`` counts from 1 in reading order.
    ``start``/``end`` span the whole passage in the raw text (a rejoined
    sentence may span page furniture between its two halves); ``segments``
    say exactly which raw characters make up ``text``.
    """

    id: str
    doc: str
    ordinal: int
    kind: PassageKind
    text: str
    start: int
    end: int
    segments: tuple[Segment, ...]

    def raw_span(self, text_start: int, text_end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of the raw document that shows it."""
        first = last = None
        for seg in self.segments:
            if seg.text_end > text_start and seg.text_start < text_end:
                if first is None:
                    first = seg.raw_start + max(0, text_start - seg.text_start)
                last = seg.raw_start + min(seg.raw_end - seg.raw_start, text_end - seg.text_start)
        if first is None or last is None:
            return self.start, self.start
        return first, last


@dataclass(frozen=True, slots=True)
class Document:
    """One source text: metadata read from the text itself, never invented."""

    id: str  # the file's stem, e.g. "003_cac1df43d34c3008"
    source_file: str  # file name, e.g. "003_cac1df43d34c3008.txt"
    raw: str  # the decoded text, line endings normalised to "\n", BOM removed
    sha256: str  # of the file's bytes
    title: str
    date: str | None  # ISO YYYY-MM-DD of publication, or None when the text gives none
    updated: str | None  # ISO YYYY-MM-DD or YYYY-MM-DDTHH:MM of the "updated" stamp
    publisher: str | None  # publisher or series where the text names one ("OTAN Hebdo")
    passages: tuple[Passage, ...] = field(default=())
    language: str = "fr"


@dataclass(frozen=True, slots=True)
class SeedError:
    """A seed that could not be read: which file, and why, in one line."""

    source_file: str
    message: str

    def __str__(self) -> str:
        return f"{self.source_file}: {self.message}"

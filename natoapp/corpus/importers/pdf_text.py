"""The text layer of a PDF, reflowed into paragraphs, with the title and date of its metadata.

pypdf (pure Python, actively kept) reads the text layer page by page. A PDF
has lines, not paragraphs: a paragraph ends where a line stops well short of
the page's usual line length after a sentence ends, or before a blank line;
elsewhere lines are joined with a space, and a word hyphenated across two
lines is joined again. A PDF made of page images has no text layer to read:
it is refused with a reason, never guessed at.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError, PyPdfError

from natoapp.corpus.importers.model import FileRefused

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
# Titles some programs write for every file: no title at all.
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled|sans titre|document\d*|microsoft word\b.*|.*\.(docx?|odt|pdf|rtf|indd|tex))$", re.I
)
_SENTENCE_END = (".", "!", "?", ":", "»", "”", '"', ")", "…")
# A line shorter than this share of the page's usual line may end a paragraph.
_SHORT_LINE = 0.8
# A short line standing alone, not ending a sentence, is a heading...
_HEADING_LINE = 0.6
# ...unless it ends as if the sentence runs on.
_RUNS_ON = (",", ";", "-", "–", "(")
_HYPHENATED = re.compile(r"[^\W\d_]-$")


@dataclass(frozen=True, slots=True)
class PdfText:
    """The PDF's text as paragraphs, and the title and creation date of its metadata."""

    text: str
    title: str | None
    created: str | None


def extract_pdf(data: bytes) -> PdfText:
    """Read the text layer of the PDF ``data``; raise :class:`FileRefused` when there is none."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileRefused("unreadable", "the PDF is protected by a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = _title(info.title if info is not None else None)
        created = _pdf_date(info.get("/CreationDate") if info is not None else None)
    except FileRefused:
        raise
    except DependencyError:
        # AES-encrypted PDFs need the optional cryptography package (not shipped).
        raise FileRefused(
            "unreadable", "the PDF is encrypted with AES, which this installation cannot read"
        ) from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FileRefused("unreadable", f"damaged PDF ({_short(exc)})") from None
    except RecursionError:
        raise FileRefused("unreadable", "damaged PDF (its structure loops)") from None
    text = "\n\n".join(reflow(page) for page in pages if page.strip())
    if not text.strip():
        raise FileRefused(
            "no-text-layer",
            "no text layer (pages are images: a scan?); run it through OCR and import the result",
        )
    return PdfText(text=text, title=title, created=created)


def _short(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return message[:120]


def _title(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    if not title or _PLACEHOLDER_TITLE.match(title):
        return None
    return title


def _pdf_date(value: object) -> str | None:
    """``D:20170125103000+01'00'`` → ``2017-01-25`` (as precise as the value is)."""
    if not isinstance(value, str):
        return None
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if not 1 <= int(month or 1) <= 12 or not 1 <= int(day or 1) <= 31:
        return None
    return "-".join(part for part in (year, month, day) if part)


def reflow(page: str) -> str:
    """Join a page's lines into paragraphs separated by blank lines."""
    lines = [line.rstrip() for line in page.replace("\r", "\n").split("\n")]
    lengths = [len(line) for line in lines if line.strip()]
    if not lengths:
        return ""
    usual = statistics.median_high(lengths) if len(lengths) >= 3 else max(lengths)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = stripped
        elif _HYPHENATED.search(current) and stripped[:1].islower():
            current = current[:-1] + stripped
        else:
            current = f"{current} {stripped}"
        short = len(stripped) < _SHORT_LINE * usual
        heading = current == stripped and len(stripped) < _HEADING_LINE * usual
        if (short and stripped.endswith(_SENTENCE_END)) or (
            heading and not stripped.endswith(_RUNS_ON)
        ):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)

"""Files to import, made on the spot: PDFs with and without a text layer, pages, texts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

PdfMaker = Callable[..., bytes]


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), specials escaped, other bytes in octal."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 0x20 or byte > 0x7E:
            out += f"\\{byte:03o}".encode()
        else:
            out.append(byte)
    return bytes(out + b")")


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    created: str | None = None,
) -> bytes:
    """A small, valid PDF: each page shows its lines in Helvetica (no lines: an image-only page)."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for lines in pages:
        if lines:
            body = (
                b"BT /F1 11 Tf 14 TL 72 760 Td "
                + b" ".join(_pdf_string(line) + b" Tj T*" for line in lines)
                + b" ET"
            )
        else:
            body = b"0.5 g 72 300 400 400 re f"  # a grey rectangle standing for a scanned image
        stream = b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects) + 2)
        )
        objects.append(stream)
    info_id = None
    if title is not None or created is not None:
        entries = b""
        if title is not None:
            entries += b"/Title " + _pdf_string(title) + b" "
        if created is not None:
            entries += b"/CreationDate " + _pdf_string(created)
        objects.append(b"<< " + entries + b" >>")
        info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info_id is not None:
        trailer += b" /Info %d 0 R" % info_id
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@pytest.fixture
def pdf_maker() -> PdfMaker:
    """Build a PDF from pages of lines (see :func:`make_pdf`)."""
    return make_pdf

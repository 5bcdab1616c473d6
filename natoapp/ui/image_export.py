"""Writing a view as a PNG or SVG file, and asking where.

The map and the timeline both paint themselves through a ``paint(painter, size)``
function; these helpers run it into an image or an SVG document and write the
bytes from Python, so that a bad folder or a full disk gives a one-line message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class ExportError(Exception):
    """An image could not be written; the message is one line naming the file."""


def ask_and_export(
    parent: QWidget,
    title: str,
    default_name: str,
    filter_text: str,
    write: Callable[[Path], None],
) -> None:
    """Ask for a file name (the suffix of ``default_name`` added when missing) and ``write``.

    A failure is told in a warning dialog, in one line.
    """
    name, _ = QFileDialog.getSaveFileName(parent, title, default_name, filter_text)
    if not name:
        return
    suffix = Path(default_name).suffix.lower()
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(f"{path.name}{suffix}")
    try:
        write(path)
    except ExportError as exc:
        QMessageBox.warning(parent, title, str(exc))


Painter = Callable[[QPainter, QSize], None]


def save_png(path: Path, size: QSize, paint: Painter) -> None:
    """Paint ``size`` pixels with ``paint`` and write them to ``path`` as PNG.

    Raises :class:`ExportError` (one line) when the file cannot be written.
    """
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        paint(painter, size)
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ExportError(f"cannot write {path}: the image could not be encoded")
    _write(path, buffer.data())


def save_svg(path: Path, size: QSize, paint: Painter, *, title: str, description: str) -> None:
    """Paint with ``paint`` into an SVG document of ``size`` and write it to ``path``.

    Raises :class:`ExportError` (one line) when the file cannot be written.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    try:
        paint(painter, size)
    finally:
        painter.end()
    _write(path, buffer.data())


def _write(path: Path, data: QByteArray) -> None:
    # Written by Python, not by Qt, so a bad folder or a full disk is a clear message.
    try:
        path.write_bytes(bytes(data.data()))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None

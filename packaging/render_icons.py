"""Render natoapp's SVG icon to the PNG sizes, the Windows .ico and the macOS .icns.

    python packaging/render_icons.py --out build/stage/icons [--svg resources/icons/natoapp.svg]

Qt draws the SVG offscreen (no display needed); the .ico and .icns containers are written
here, each holding PNG images, which every Windows since Vista and macOS since 10.7 read.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

APP_ID = "io.github.natoapp"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .icns slot of each image: (type, pixel size). The "@2x" slots take double sizes.
ICNS_SLOTS = (
    ("icp4", 16),
    ("icp5", 32),
    ("ic11", 32),
    ("icp6", 64),
    ("ic12", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic13", 256),
    ("ic09", 512),
    ("ic14", 512),
    ("ic10", 1024),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn as a square PNG of ``size`` pixels, transparent around the drawing."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: TID251
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep_alive.append(QGuiApplication([sys.argv[0]]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG image Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError(f"Qt could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


# The QGuiApplication must outlive every QImage drawn; this list holds it until exit.
_keep_alive: list[object] = []


def ico_file(images: Iterable[tuple[int, bytes]]) -> bytes:
    """A Windows icon holding one PNG per ``(size, png)``; 256 is written as 0, per format."""
    entries = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory = b""
    for size, png in entries:
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + directory + b"".join(png for _, png in entries)


def icns_file(slots: Iterable[tuple[str, bytes]]) -> bytes:
    """A macOS icon holding one PNG per ``(type, png)`` slot."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", len(png) + 8) + png for kind, png in slots
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def render_all(svg: Path, out: Path) -> list[Path]:
    """Write the icons into ``out``; returns the files written.

    ``out/hicolor/`` is a freedesktop icon theme tree (``NxN/apps/io.github.natoapp.png``
    for each PNG size, ``scalable/apps/io.github.natoapp.svg``), ready to copy into
    ``~/.local/share/icons``; ``out/natoapp.ico`` and ``out/natoapp.icns`` are the Windows
    and macOS program icons.
    """
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_SLOTS)})
    pngs = {size: render_png(svg, size) for size in sizes}
    written = []
    for size in PNG_SIZES:
        path = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        written.append(path)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(svg.read_bytes())
    ico = out / "natoapp.ico"
    ico.write_bytes(ico_file((size, pngs[size]) for size in ICO_SIZES))
    icns = out / "natoapp.icns"
    icns.write_bytes(icns_file((kind, pngs[size]) for kind, size in ICNS_SLOTS))
    return [*written, scalable, ico, icns]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--out DIR`` (required) and ``--svg FILE``."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=root / "resources" / "icons" / "natoapp.svg")
    parser.add_argument("--out", type=Path, required=True, help="folder for the icons")
    args = parser.parse_args(argv)
    if not args.svg.is_file():
        print(f"render_icons: no SVG at {args.svg}", file=sys.stderr)
        return 2
    try:
        written = render_all(args.svg, args.out)
    except (OSError, ValueError) as exc:
        print(f"render_icons: {exc}", file=sys.stderr)
        return 1
    print(f"rendered {len(written)} icon files into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

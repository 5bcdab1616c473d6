#!/usr/bin/env python3
"""Renders the map and the timeline offscreen into docs/screenshots/map.png and timeline.png.

Usage: python3 scripts/screenshot_views.py [--out docs/screenshots]

Builds the database from the seeds into a temporary folder, then draws each view as the
window shows it (no display needed: Qt's offscreen platform).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {"map.png": (1320, 700), "timeline.png": (1320, 640)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="natoapp-views-"))
    # Before Qt is imported: draw offscreen, in English, with nothing of the user's.
    os.environ.update(
        QT_QPA_PLATFORM="offscreen",
        NATOAPP_CACHE_DIR=str(scratch / "cache"),
        LANG="en_GB.UTF-8",
        LC_ALL="en_GB.UTF-8",
    )
    try:
        return render(args.out, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def render(out: Path, scratch: Path) -> int:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication, QWidget

    from natoapp import paths
    from natoapp.store.library import Library
    from natoapp.store.lifecycle import ensure_database
    from natoapp.ui.map_view import MapView
    from natoapp.ui.timeline_view import TimelineView

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = QApplication(["natoapp"])
    app.setStyle("Fusion")
    database = ensure_database(
        scratch / "natoapp.sqlite", seeds_dir=paths.seeds_dir(), resources_dir=paths.resources_dir()
    )
    with Library.open(database) as library:
        views: dict[str, QWidget] = {
            "map.png": MapView(library),
            "timeline.png": TimelineView(library),
        }
    for name, view in views.items():
        view.resize(*SIZES[name])
        view.show()
        app.processEvents()
        if isinstance(view, MapView):
            view.select_country("GE")
        app.processEvents()
        path = out / name
        if not view.grab().save(str(path)):
            print(f"screenshot_views: cannot write {path}", file=sys.stderr)
            return 1
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"screenshot_views: wrote {shown}")
        view.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Takes the screenshots in docs/screenshots/ from the real window under a virtual X server.

Usage: python3 scripts/screenshots.py [--out docs/screenshots] [--keep-display]

Starts Xvfb (apt-get install xvfb, plus the xcb libraries Qt needs: see
``ldd .../PySide6/Qt/plugins/platforms/libqxcb.so``), builds the database from the seeds
into a temporary cache, opens natoapp with fresh settings and writes:

- framework.png: a framework selected in the tree, its members and their evidence;
- search.png: a search, its results, and the first hit opened in its document;
- document.png: a document scrolled to a cited passage, passage and words highlighted;
- grid.png: the country × framework grid;
- dark.png: the dark colour scheme.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCREEN = "1440x900x24"
WINDOW_SIZE = (1320, 820)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A virtual X server on a free display number."""
    if shutil.which("Xvfb") is None:
        sys.exit("screenshots: Xvfb is not installed (apt-get install xvfb)")
    for number in range(90, 110):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, display
            time.sleep(0.1)
        server.terminate()
    sys.exit("screenshots: could not start Xvfb")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    server, display = start_xvfb()
    scratch = Path(tempfile.mkdtemp(prefix="natoapp-shots-"))
    os.environ.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        NATOAPP_CACHE_DIR=str(scratch / "cache"),
        NATOAPP_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),
        XDG_STATE_HOME=str(scratch / "state"),
        LANG="en_GB.UTF-8",
        LC_ALL="en_GB.UTF-8",
    )
    try:
        return take_screenshots(args.out, scratch)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(scratch, ignore_errors=True)


def take_screenshots(out: Path, scratch: Path) -> int:
    # Qt is imported only once the display and the folders are set.
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QTreeView

    from natoapp.ui.app import create_application, prepare_database
    from natoapp.ui.history import Location
    from natoapp.ui.main_window import MainWindow
    from natoapp.ui.settings import Settings
    from natoapp.ui.tasks import wait_for_tasks
    from natoapp.ui.theme import apply_color_scheme

    settings_file = scratch / "natoapp.ini"
    context = create_application(
        ["natoapp"], Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    )
    context.settings.language = "en"
    context.translators.install("en")
    library_path = prepare_database()
    if library_path is None:
        return 1

    def wait(signal: object, timeout_ms: int = 10_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(name: str) -> None:
        settle()
        path = out / name
        window.grab().save(str(path))
        print(f"screenshots: wrote {path}")

    def show(location: Location) -> None:
        detail = window.detail()
        loop = QEventLoop()
        detail.pageShown.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        window.open_location(location)
        loop.exec()
        detail.pageShown.disconnect(loop.quit)

    window = MainWindow(library_path, context.settings, translators=context.translators)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.activateWindow()  # so that the pane with the focus shows it
    wait(window.overviewLoaded)
    settle(500)

    steps: list[tuple[str, Callable[[], None]]] = []

    def framework() -> None:
        window.tree().select_location("entity:istanbul-cooperation-initiative")
        index = window.tree().view().currentIndex()
        window.tree().view().expand(index)
        show(Location.entity("istanbul-cooperation-initiative"))
        window.tree().view().setFocus()

    def search() -> None:
        box = window.search_box()
        box.setFocus()
        box.setText("Koweït")
        panel = window.search_panel()
        deadline = time.monotonic() + 10
        while panel.model().rowCount() == 0 and time.monotonic() < deadline:
            settle(50)
        panel.focus_results()
        loop = QEventLoop()
        window.detail().pageShown.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        QTest.keyClick(panel.results_view(), Qt.Key.Key_Return)  # as a reader opens a hit
        loop.exec()
        panel.results_view().setFocus()

    def document() -> None:
        window.search_box().clear()
        window.action("show_tree").trigger()
        show(
            Location.passage(
                "001_9ae11caa2999d0e2:12", query="Union européenne", mark="Union européenne"
            )
        )
        window.detail().browser().setFocus()

    def grid() -> None:
        window.action("show_grid").trigger()
        window.grid().table().setCurrentIndex(window.grid().model().index(0, 0))

    def dark() -> None:
        window.action("show_reader").trigger()
        context.settings.color_scheme = "dark"
        apply_color_scheme(context.app, "dark")
        show(Location.entity("KW"))

    def import_report() -> None:
        folder = sample_documents(scratch / "to-import")
        done = QEventLoop()
        window.library_actions().importer().imported.connect(done.quit)
        QTimer.singleShot(30_000, done.quit)
        window.library_actions().import_paths([folder])
        done.exec()
        settle(500)

    def collections() -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.close()
        save_sample_collection(library_path)
        window.action("show_collections").trigger()
        panel = window.collections_panel()
        loop = QEventLoop()
        panel.reloaded.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        panel.reload()
        loop.exec()
        view = panel.findChild(QTreeView)
        if view is not None:
            view.expandAll()
            view.setCurrentIndex(view.model().index(0, 0, view.model().index(0, 0)))
            view.setFocus()
        show(Location.passage("003_cac1df43d34c3008:3", mark="comptent rejoindre"))

    def shoot_report() -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                settle()
                widget.grab().save(str(out / "import.png"))
                print(f"screenshots: wrote {out / 'import.png'}")
                return

    steps = [
        ("framework.png", framework),
        ("search.png", search),
        ("document.png", document),
        ("grid.png", grid),
        ("import.png", import_report),
        ("collections.png", collections),
        ("dark.png", dark),
    ]
    for name, step in steps:
        step()
        if name == "import.png":
            shoot_report()
        else:
            shoot(name)
    window.close()
    wait_for_tasks()
    return 0


SAMPLE_HTML = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Le Dialogue méditerranéen vu d'Amman</title>
<meta name="date" content="2018-03-14"></head><body>
<nav><a href="/">Accueil</a> | <a href="/actualites">Actualités</a></nav>
<main><h1>Le Dialogue méditerranéen vu d'Amman</h1>
<p>La Jordanie participe au Dialogue méditerranéen de l'OTAN depuis 1995 et y joue un rôle
actif, notamment en matière de formation et d'interopérabilité.</p>
<p>Les responsables jordaniens rappellent que la coopération avec l'Alliance s'étend à la
gestion des crises et à la sécurité des frontières.</p></main>
<footer>© 2018 — Mentions légales — Politique de cookies</footer></body></html>
"""

SAMPLE_TEXT = """Notes de lecture : l'Initiative de coopération d'Istanbul

Le Koweït accueille depuis janvier 2017 le premier bureau régional de l'OTAN dans le Golfe.
Le Qatar et les Émirats arabes unis ont pris part en 2011 à l'opération Unified Protector.
"""


def sample_documents(folder: Path) -> Path:
    """A small folder of the kind a reader imports: a web page, notes, and an empty file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dialogue-amman.html").write_text(SAMPLE_HTML, encoding="utf-8")
    (folder / "notes-golfe.md").write_text(SAMPLE_TEXT, encoding="utf-8")
    (folder / "brouillon.txt").write_bytes(b"")
    return folder


def save_sample_collection(library_path: Path) -> None:
    """Two excerpts saved to a collection, as a reader would with Ctrl+D."""
    from natoapp.store.library import Library
    from natoapp.userlib.library import UserLibrary

    with Library.open(library_path) as seed, UserLibrary.open() as user:
        name = "Note de synthèse — Golfe"
        for passage_id, part, note in (
            ("003_cac1df43d34c3008:1", None, "Les quatre membres de l'ICI"),
            ("003_cac1df43d34c3008:3", "comptent rejoindre l’Arabie Saoudite", "Candidats"),
        ):
            passage = seed.passage(passage_id)
            document = seed.document(passage_id.rpartition(":")[0])
            assert passage is not None and document is not None
            user.add_excerpt(name, passage, document, quote=part, note=note)


if __name__ == "__main__":
    sys.exit(main())

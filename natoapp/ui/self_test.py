"""``natoapp --self-test``: drive the real window as a reader would and check what it shows.

The window is opened offscreen on the database the program would use; the test types a
search, selects a framework in the library tree, copies one of the framework's evidence
quotes with its citation, and checks each step against the library itself. It is how a
packaged build proves, without a display or a person, that its Qt plugins, data files and
database all work. Success prints one line on stdout, failure one line on stderr.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import product
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication

from natoapp.citation import CITATION_FORMATS, format_excerpt, source_for
from natoapp.store.records import EntityInfo, RelationInfo
from natoapp.ui.detail_data import EntityPage
from natoapp.ui.labels import entity_name
from natoapp.ui.main_window import MainWindow
from natoapp.ui.settings import Settings

SELF_TEST_FLAG = "--self-test"
STEP_TIMEOUT_S = 30.0
# A run that hangs (a modal dialog nobody can close offscreen) ends after this long.
SESSION_TIMEOUT_S = 180.0


class SelfTestFailure(Exception):
    """A check of the self-test did not hold; the message is one line."""


def run_self_test(window: MainWindow, *, step_timeout_s: float = STEP_TIMEOUT_S) -> int:
    """Search, select a framework and copy a citation in ``window``, checking each result.

    ``window`` is the real main window, already shown (offscreen or not). Returns 0 after
    printing a one-line summary on stdout, or 1 after printing on stderr, in one line,
    which check failed. Never raises for a failed check or an error inside the window.
    """
    errors: list[BaseException] = []
    previous_hook = sys.excepthook

    def record(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        # The window's own hook would open a dialog that nobody can close offscreen.
        errors.append(exc)

    sys.excepthook = record
    try:
        summary = _Run(window, errors, step_timeout_s).run()
    except SelfTestFailure as exc:
        _say(sys.stderr, f"natoapp self-test failed: {exc}")
        return 1
    except Exception as exc:
        _say(sys.stderr, f"natoapp self-test failed: {_describe(exc)}")
        return 1
    finally:
        sys.excepthook = previous_hook
    _say(sys.stdout, f"natoapp self-test passed: {summary}")
    return 0


@contextmanager
def self_test_session(timeout_s: float = SESSION_TIMEOUT_S) -> Iterator[Settings]:
    """What a self-test run needs before the application exists; yields its settings.

    The platform is offscreen unless ``QT_QPA_PLATFORM`` names one (so the test can also
    be run on a real or virtual display). Settings live in a temporary folder, deleted
    afterwards: the reader's own preferences neither change the test nor are changed by
    it. A run still going after ``timeout_s`` seconds ends the process with status 1.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    watchdog = threading.Timer(timeout_s, _give_up, args=(timeout_s,))
    watchdog.daemon = True
    watchdog.start()
    try:
        with tempfile.TemporaryDirectory(prefix="natoapp-self-test-") as folder:
            store = QSettings(str(Path(folder) / "natoapp.ini"), QSettings.Format.IniFormat)
            try:
                yield Settings(store)
            finally:
                # Written now, while the folder exists, rather than when Qt destroys it.
                store.sync()
    finally:
        watchdog.cancel()


def _give_up(timeout_s: float) -> None:
    _say(sys.stderr, f"natoapp self-test failed: no result after {timeout_s:g} s")
    # Called on the watchdog thread while the GUI thread is stuck: only a hard exit works.
    os._exit(1)


class _Run:
    """One self-test run over a window; each step raises SelfTestFailure when it fails."""

    def __init__(
        self, window: MainWindow, errors: list[BaseException], step_timeout_s: float
    ) -> None:
        self._window = window
        self._errors = errors
        self._timeout_s = step_timeout_s

    def run(self) -> str:
        started = time.perf_counter()
        self._wait_for_library()
        ready_s = time.perf_counter() - started
        self._check_icon()
        framework, members = self._framework_with_members()
        hits, query = self._search(entity_name(members[0][0]))
        self._select_framework(framework, members)
        ordinal = self._copy_evidence(members[0][1])
        total_s = time.perf_counter() - started
        return (
            f"{_count(hits, 'hit')} for {query!r}, {_count(len(members), 'member')} of "
            f"{entity_name(framework)} shown, passage {ordinal} copied with its citation "
            f"(library ready after {ready_s:.2f} s, all checks done after {total_s:.2f} s)"
        )

    # --- steps --------------------------------------------------------------------------

    def _wait_for_library(self) -> None:
        window = self._window
        if not window.isVisible():
            raise SelfTestFailure("the window is not shown")
        if not self._wait_until(lambda: window.overview() is not None):
            status = window.statusBar().currentMessage() or window.status_text()
            raise SelfTestFailure(f"the library was not read ({status})")
        overview = window.overview()
        assert overview is not None
        if overview.provenance.passages == 0:
            raise SelfTestFailure(f"the library {overview.library_path} holds no passage")

    def _check_icon(self) -> None:
        # The icon is an SVG: drawing it proves the SVG plugins made it into the build.
        if self._window.windowIcon().pixmap(32, 32).isNull():
            raise SelfTestFailure("the window icon cannot be drawn (SVG support missing)")

    def _framework_with_members(self) -> tuple[EntityInfo, list[tuple[EntityInfo, RelationInfo]]]:
        """The framework with the most members backed by a quote (the first of equals)."""
        overview = self._window.overview()
        assert overview is not None
        best: tuple[EntityInfo, list[tuple[EntityInfo, RelationInfo]]] | None = None
        for framework in overview.of_kind("framework"):
            members = [
                (member, relation)
                for relation in overview.members(framework.id)
                if relation.evidence and (member := overview.entity(relation.subject)) is not None
            ]
            if members and (best is None or len(members) > len(best[1])):
                best = framework, members
        if best is None:
            raise SelfTestFailure("the library names no framework with members")
        return best

    def _search(self, query: str) -> tuple[int, str]:
        box = self._window.search_box()
        panel = self._window.search_panel()
        box.setFocus()
        box.setText(query)
        model = panel.model()
        if not self._wait_until(lambda: model.query == query and model.rowCount() > 0):
            shown = panel.message_text() or panel.hit_count_text() or "no answer"
            raise SelfTestFailure(f"searching {query!r} showed no hit ({shown})")
        hit = model.hit(0)
        if hit is None or not hit.snippet.strip() or not hit.passage:
            raise SelfTestFailure(f"the first hit for {query!r} is empty")
        if not panel.hit_count_text():
            raise SelfTestFailure(f"the hit count for {query!r} is not shown")
        return model.total, query

    def _select_framework(
        self, framework: EntityInfo, members: list[tuple[EntityInfo, RelationInfo]]
    ) -> None:
        tree = self._window.tree()
        detail = self._window.detail()
        key = f"entity:{framework.id}"
        tree.filter_box().clear()
        index = tree.proxy().mapFromSource(tree.model().find(key))
        if not index.isValid():
            raise SelfTestFailure(f"{entity_name(framework)} is not in the library tree")
        tree.view().setCurrentIndex(index)

        def shown() -> bool:
            page = detail.current_page()
            return isinstance(page, EntityPage) and page.location.key == key

        if tree.current_location_key() != key or not self._wait_until(shown):
            raise SelfTestFailure(f"selecting {entity_name(framework)} did not show its page")
        text = _reader_text(self._window)
        missing = [entity_name(member) for member, _ in members if entity_name(member) not in text]
        if missing:
            raise SelfTestFailure(
                f"the page of {entity_name(framework)} does not show the members "
                + ", ".join(missing)
            )

    def _copy_evidence(self, relation: RelationInfo) -> int:
        detail = self._window.detail()
        evidence = relation.evidence[0]
        excerpts = detail.rendered().excerpts
        found = [
            i
            for i, placed in enumerate(excerpts)
            if placed.excerpt.passage.id == evidence.passage
            and placed.excerpt.text == evidence.quote
        ]
        if not found:
            raise SelfTestFailure(f"the evidence quoted from {evidence.passage} is not shown")
        placed = excerpts[found[0]]
        quote = placed.excerpt.text
        detail.select_in_excerpt(found[0], 0, len(quote))
        detail.copy_selection()
        mime = QGuiApplication.clipboard().mimeData()
        copied = mime.text() if mime is not None and mime.hasText() else ""
        if not copied:
            raise SelfTestFailure("copying the evidence put no text on the clipboard")
        source = source_for(placed.excerpt.document, placed.excerpt.passage)
        expected = {
            format_excerpt(quote, source, fmt, cut_start=start, cut_end=end).plain
            for fmt in CITATION_FORMATS
            for start, end in product((False, True), repeat=2)
        }
        if copied not in expected:
            raise SelfTestFailure(
                f"the clipboard does not hold the quote of {evidence.passage} with its "
                f"citation: {_one_line(copied)[:80]!r}"
            )
        if mime is None or not mime.hasHtml():
            raise SelfTestFailure("the clipboard has no rich-text (HTML) form of the quote")
        return placed.excerpt.passage.ordinal

    # --- waiting ------------------------------------------------------------------------

    def _wait_until(self, condition: Callable[[], bool]) -> bool:
        """Run the event loop until ``condition()`` holds or the step times out."""

        self._raise_recorded_error()
        if condition():
            return True
        loop = QEventLoop()

        def check() -> None:
            try:
                finished = bool(self._errors) or condition()
            except Exception as exc:  # reported by _raise_recorded_error below
                self._errors.append(exc)
                finished = True
            if finished:
                loop.quit()

        poll = QTimer()
        poll.setInterval(10)
        poll.timeout.connect(check)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        poll.start()
        deadline.start(round(self._timeout_s * 1000))
        loop.exec()
        poll.stop()
        deadline.stop()
        self._raise_recorded_error()
        return condition()

    def _raise_recorded_error(self) -> None:
        if self._errors:
            raise SelfTestFailure(f"the window raised {_describe(self._errors[0])}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _reader_text(window: MainWindow) -> str:
    return window.detail().browser().document().toRawText().replace("\u2029", "\n")


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {_one_line(exc)}"


def _one_line(value: object) -> str:
    lines = str(value).strip().splitlines()
    return lines[0] if lines else ""


def _say(stream: TextIO | None, line: str) -> None:
    # A windowed program on Windows has no console: stdout and stderr are None there.
    if stream is not None:
        print(line, file=stream, flush=True)

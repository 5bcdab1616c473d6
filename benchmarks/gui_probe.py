"""Window measurements, each in a fresh process on Qt's offscreen platform.

``cold natoapp DB`` and ``cold bare`` start natoapp's window (the steps of
:func:`natoapp.ui.app.run_gui`) or a bare PySide6 ``QMainWindow`` and print
``ready`` as soon as the event loop runs with the window shown; the parent
times the whole process from its start to that line.

``typing DB QUERY [READY_QUERY]`` types QUERY into the real search box as soon as
the window is shown (while it still reads its library), one key at a time, and times
each key press to the end of the first paint showing that key's outcome (the list, or
"no results"; a paint counts for the key being timed only: a paint left over from the
previous key is not taken for this one's), with the typing pause the panel applied to
that key (0 while searches are fast); a 2 ms heartbeat timer meanwhile records the
longest time the GUI thread did not get back to its event loop. Once the window has
shown its library it types READY_QUERY (another word, so that nothing the first pass
cached serves it) the same way, then again at a brisk 60 ms a key, as a person does,
waits until the final query's results are painted, and records the longest stall.
The result is one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_HEARTBEAT_MS = 2
_BRISK_KEY_MS = 60
_WAIT_LIMIT_S = 60.0


def cold(kind: str, db: str | None) -> None:
    """Start a window, print ``ready`` once its event loop runs, and leave."""
    if kind == "bare":
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(["bare"])
        window = QMainWindow()
        window.show()
    else:
        from PySide6.QtCore import QTimer

        from natoapp.ui.app import create_application, prepare_database
        from natoapp.ui.main_window import MainWindow

        context = create_application(["natoapp", "--db", str(db)])
        app = context.app
        path = prepare_database(Path(str(db)))
        if path is None:
            print("failed", flush=True)
            os._exit(1)
        window = MainWindow(path, context.settings, translators=context.translators)
        window.show()

    def ready() -> None:
        print("ready", flush=True)
        os._exit(0)  # tearing down is not part of starting

    QTimer.singleShot(0, ready)
    app.exec()


class _Heartbeat:
    """Records the longest gap between two ticks of a short timer: a GUI stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(_HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - _HEARTBEAT_MS)
        self._last = now


def _run_events(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds, as the application's own loop does.

    Not ``QTest.qWait``: while it waits the worker threads (search, pages, overview)
    were seen to make no progress.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def typing(db: str, query: str, ready_query: str | None = None) -> dict[str, Any]:
    """Keystroke-to-paint latencies and the longest GUI stalls while typing.

    ``query`` is typed as soon as the window is shown, while it still reads its library;
    ``ready_query`` (another word, so that no cache of the first pass serves it) once the
    window has shown what it read (``overviewLoaded``), one key at a time and then briskly.
    """
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtTest import QTest

    from natoapp.ui.app import create_application, prepare_database
    from natoapp.ui.main_window import MainWindow
    from natoapp.ui.search_panel import TYPING_DELAY_MS

    context = create_application(["natoapp", "--db", db])
    path = prepare_database(Path(db))
    if path is None:
        raise SystemExit("the database could not be opened")
    window = MainWindow(path, context.settings, translators=context.translators)
    overview_shown = {"done": False}
    window.overviewLoaded.connect(lambda: overview_shown.update(done=True))
    window.resize(1200, 800)
    window.show()
    box = window.search_box()
    panel = window.search_panel()
    loop = QEventLoop()
    painted: dict[str, float] = {}
    # The text whose results are awaited; a paint is taken for it only if the model
    # showed that text when the paint happened.
    awaited = {"text": ""}
    last_painted = {"text": ""}

    def record(text: str) -> None:
        last_painted["text"] = text
        if text == awaited["text"]:
            painted.setdefault("at", time.perf_counter())
            loop.quit()

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and panel.model().query == box.text():
                text = panel.model().query
                # After this paint has been drawn, not before.
                QTimer.singleShot(0, lambda: record(text))
            return False

    watch = PaintWatch()
    # A key's outcome is painted in the list, or as "no results" when it finds nothing.
    for widget in panel.outcome_widgets():
        widget.installEventFilter(watch)
    heartbeat = _Heartbeat()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)

    def type_stepwise(text: str) -> tuple[list[float], list[int], float]:
        """Each key's latency and typing pause, and the longest stall meanwhile."""
        latencies: list[float] = []
        delays: list[int] = []
        heartbeat.start()
        for ch in text:
            painted.clear()
            awaited["text"] = box.text() + ch
            delays.append(panel.typing_delay())
            started = time.perf_counter()
            QTest.keyClick(box, ch)
            deadline.start(int(_WAIT_LIMIT_S * 1000))
            while "at" not in painted and deadline.isActive():
                loop.exec()
            if "at" in painted:
                latencies.append((painted["at"] - started) * 1000)
        heartbeat.stop()
        return latencies, delays, heartbeat.longest_ms

    def clear_box() -> None:
        box.clear()
        _run_events(300)
        last_painted["text"] = ""

    box.setFocus()
    at_start, start_delays, stall_at_start = type_stepwise(query)
    clear_box()
    waited = time.perf_counter()
    while not overview_shown["done"] and time.perf_counter() - waited < _WAIT_LIMIT_S:
        _run_events(20)
    _run_events(300)
    ready_text = ready_query or query
    latencies, delays, stall_stepwise = type_stepwise(ready_text)

    clear_box()
    awaited["text"] = ready_text
    painted.clear()
    heartbeat.start()
    for ch in ready_text:
        QTest.keyClick(box, ch)
        _run_events(_BRISK_KEY_MS)
    deadline.start(int(_WAIT_LIMIT_S * 1000))
    # The final results may have been painted during the last key's wait already.
    while last_painted["text"] != ready_text and deadline.isActive():
        loop.exec()
    _run_events(100)
    heartbeat.stop()
    box.clearFocus()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return {
        "query": ready_text,
        "query_at_start": query,
        "debounce_ms": TYPING_DELAY_MS,
        "keystroke_to_paint_ms": latencies,
        "typing_delay_ms": delays,
        "keystroke_to_paint_at_start_ms": at_start,
        "typing_delay_at_start_ms": start_delays,
        "longest_stall_ms": max(stall_stepwise, heartbeat.longest_ms),
        "longest_stall_brisk_ms": heartbeat.longest_ms,
        "longest_stall_at_start_ms": stall_at_start,
    }


def main(argv: list[str]) -> int:
    """Run one window probe."""
    if len(argv) >= 2 and argv[0] == "cold":
        cold(argv[1], argv[2] if len(argv) > 2 else None)
        return 0
    if len(argv) >= 3 and argv[0] == "typing":
        result = typing(argv[1], argv[2], argv[3] if len(argv) > 3 else None)
        print(json.dumps(result), flush=True)
        os._exit(0)
    print(
        "usage: gui_probe cold natoapp DB | cold bare | typing DB QUERY [READY_QUERY]",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

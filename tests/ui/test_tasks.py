"""Work off the GUI thread: results come back on the GUI thread, and never to a dead widget."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from natoapp.ui.tasks import run_in_thread, wait_for_tasks


def test_result_arrives_on_the_gui_thread(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    results = []
    run_in_thread(
        owner,
        lambda: threading.current_thread() is threading.main_thread(),
        lambda ran_on_main: results.append((ran_on_main, threading.current_thread())),
    )
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [(False, threading.main_thread())]


def test_errors_go_to_on_error(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    errors = []

    def fail() -> None:
        raise ValueError("no such passage")

    run_in_thread(owner, fail, lambda _: errors.append("done?"), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "no such passage"


def test_nothing_is_delivered_to_a_deleted_owner(qtbot):
    owner = QWidget()
    delivered = []
    gate = threading.Event()
    run_in_thread(owner, lambda: gate.wait(5) and "late", delivered.append)
    shiboken6.delete(owner)
    gate.set()
    assert wait_for_tasks(5000)
    qtbot.wait(50)
    assert delivered == []


def test_many_tasks_all_deliver(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    got = []
    for n in range(40):
        run_in_thread(owner, lambda n=n: n * n, got.append)
    qtbot.waitUntil(lambda: len(got) == 40, timeout=5000)
    assert sorted(got) == [n * n for n in range(40)]

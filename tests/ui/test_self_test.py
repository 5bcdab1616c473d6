"""The self-test on a real window (not frozen): it passes on the shipped library, and says
in one line what went wrong when the window cannot do what a reader needs."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication

from natoapp import paths
from natoapp.store.lifecycle import ensure_database
from natoapp.ui import self_test
from natoapp.ui.main_window import MainWindow
from natoapp.ui.self_test import run_self_test, self_test_session


@pytest.fixture(autouse=True)
def english():
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English))


def shown_window(qtbot, library_path: Path, settings) -> MainWindow:
    window = MainWindow(library_path, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_passes_on_the_shipped_library_and_leaves_a_cited_quote(
    qtbot, library_path, library, settings, capsys
):
    window = shown_window(qtbot, library_path, settings)
    QGuiApplication.clipboard().clear()

    assert run_self_test(window) == 0

    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("natoapp self-test passed: ") and out.count("\n") == 1
    # The clipboard holds one of the membership quotes of the library, with its reference.
    copied = QGuiApplication.clipboard().mimeData().text()
    quotes = {
        evidence.quote
        for framework in library.entities("framework")
        for relation in library.members(framework.id)
        for evidence in relation.evidence
    }
    assert any(quote in copied for quote in quotes)
    assert "— " in copied and "passage " in copied
    # The search it ran is the one the panel shows.
    assert window.search_panel().model().rowCount() > 0
    assert window.search_box().text() in out


def test_passes_in_any_citation_format(qtbot, library_path, settings, capsys):
    settings.citation_format = "bibtex"
    window = shown_window(qtbot, library_path, settings)

    assert run_self_test(window) == 0
    assert QGuiApplication.clipboard().mimeData().text().startswith("@misc{natoapp:")


def test_a_library_without_frameworks_fails_in_one_line(qtbot, tmp_path, settings, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "note.txt").write_text(
        "Une note\n\nCe texte ne parle d'aucun cadre de partenariat.\n", encoding="utf-8"
    )
    knowledge = tmp_path / "resources" / "knowledge"
    knowledge.mkdir(parents=True)
    (knowledge / "frameworks.toml").write_text(
        '[[framework]]\nid = "open-door"\nname_fr = "Politique de la porte ouverte"\n'
        'name_en = "Open door policy"\n',
        encoding="utf-8",
    )
    db = ensure_database(
        tmp_path / "natoapp.sqlite", seeds_dir=seeds, resources_dir=knowledge.parent
    )
    window = shown_window(qtbot, db, settings)

    assert run_self_test(window, step_timeout_s=10) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert err == "natoapp self-test failed: the library names no framework with members\n"


def test_an_error_inside_the_window_fails_the_test_instead_of_opening_a_dialog(
    qtbot, library_path, settings, capsys, monkeypatch
):
    window = shown_window(qtbot, library_path, settings)
    hook = sys.excepthook

    def broken(*args, **kwargs):
        raise RuntimeError("the search thread is gone\nsecond line")

    monkeypatch.setattr(window.search_panel(), "set_query", broken)

    assert run_self_test(window, step_timeout_s=5) == 1

    _, err = capsys.readouterr()
    assert err.count("\n") == 1
    assert "RuntimeError: the search thread is gone" in err
    assert sys.excepthook is hook


def test_a_window_that_never_shows_its_library_times_out(qtbot, library_path, settings, capsys):
    window = shown_window(qtbot, library_path, settings)
    window.hide()

    assert run_self_test(window, step_timeout_s=1) == 1
    assert capsys.readouterr().err == "natoapp self-test failed: the window is not shown\n"


def test_session_keeps_the_readers_settings_out_and_cleans_up(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    with self_test_session(timeout_s=60) as settings:
        folder = Path(settings.file_name()).parent
        assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
        assert settings.citation_format == "plain" and settings.last_selection is None
        settings.last_selection = "entity:KW"
        assert folder.is_dir() and folder != Path(paths.data_dir())
    assert not folder.exists()


def test_session_keeps_a_named_platform(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    with self_test_session(timeout_s=60):
        assert os.environ["QT_QPA_PLATFORM"] == "xcb"


def test_session_ends_a_run_that_hangs(monkeypatch, capsys):
    exits: list[int] = []
    monkeypatch.setattr(self_test.os, "_exit", exits.append)
    with self_test_session(timeout_s=0.05):
        for _ in range(200):
            if exits:
                break
            time.sleep(0.01)
    assert exits == [1]
    assert capsys.readouterr().err == "natoapp self-test failed: no result after 0.05 s\n"

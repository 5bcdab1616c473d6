"""Shared fixtures for the window tests: offscreen Qt, settings and caches in temporary folders,
and one database built from the real seed texts for the whole session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Before Qt is imported anywhere: no display is needed, nothing is drawn on screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from PySide6.QtCore import QSettings

from natoapp import paths
from natoapp.store.library import Library
from natoapp.store.lifecycle import ensure_database
from natoapp.ui.settings import Settings


@pytest.fixture(scope="session", autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Settings, caches and logs of the tests live in a temporary folder, never the user's."""
    root = tmp_path_factory.mktemp("user")
    settings_dir = root / "settings"
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NATOAPP_CACHE_DIR", str(root / "cache"))
        mp.setattr(paths, "log_dir", lambda: root / "log")
        yield root


@pytest.fixture(scope="session")
def library_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built once per session from the shipped seed texts."""
    out = tmp_path_factory.mktemp("library") / "natoapp.sqlite"
    return ensure_database(out, seeds_dir=paths.seeds_dir(), resources_dir=paths.resources_dir())


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """A read-only Library on the session database (for the test's own thread)."""
    lib = Library.open(library_path)
    yield lib
    lib.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a file of their own, so no test sees another's."""
    return Settings(QSettings(str(tmp_path / "natoapp.ini"), QSettings.Format.IniFormat))

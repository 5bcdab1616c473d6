"""Where natoapp finds its inputs and keeps its files.

Nothing is ever written to the current directory or beside a frozen program:
caches, logs and settings go to the platform's user folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "natoapp"
DB_FILENAME = "natoapp.sqlite"


def install_root() -> Path:
    """The folder holding ``seeds/`` and ``resources/``.

    That is the bundle when frozen, else the checkout.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    """The shipped seed texts (``NATOAPP_SEEDS`` overrides)."""
    override = os.environ.get("NATOAPP_SEEDS")
    return Path(override) if override else install_root() / "seeds"


def resources_dir() -> Path:
    """Curated data, icons and translations (``NATOAPP_RESOURCES`` overrides)."""
    override = os.environ.get("NATOAPP_RESOURCES")
    return Path(override) if override else install_root() / "resources"


def prebuilt_db() -> Path:
    """A database built at packaging time and shipped read-only beside the package."""
    return install_root() / "natoapp" / "data" / DB_FILENAME


def cache_dir() -> Path:
    """The user's cache folder for natoapp (``NATOAPP_CACHE_DIR`` overrides)."""
    override = os.environ.get("NATOAPP_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, False))


def default_db() -> Path:
    """The database the app uses when none is named: the cached build."""
    return cache_dir() / DB_FILENAME


def log_dir() -> Path:
    """Where the rotating log file goes."""
    return Path(platformdirs.user_log_dir(APP_NAME, False))


def data_dir() -> Path:
    """The user's own data (libraries, collections)."""
    return Path(platformdirs.user_data_dir(APP_NAME, False))

"""Where the user's library lives."""

from __future__ import annotations

import os
from pathlib import Path

from natoapp import paths

USER_DB_FILENAME = "library.sqlite"
DATA_DIR_ENV = "NATOAPP_DATA_DIR"


def user_data_dir() -> Path:
    """The folder of the user's own data (``NATOAPP_DATA_DIR`` overrides the platform's)."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else paths.data_dir()


def default_user_db() -> Path:
    """The user's library: documents they imported and their collections of excerpts."""
    return user_data_dir() / USER_DB_FILENAME

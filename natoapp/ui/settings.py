"""The user's preferences, typed, over QSettings.

Every getter falls back to its default when the stored value is missing, of the wrong
type or out of range: a hand-edited or broken settings file never stops the app.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication

from natoapp.citation import CITATION_FORMATS

ORGANIZATION = "natoapp"
APPLICATION = "natoapp"

LANGUAGES: tuple[str, ...] = ("system", "fr", "en")
COLOR_SCHEMES: tuple[str, ...] = ("system", "light", "dark")

MIN_TEXT_SIZE = 6
MAX_TEXT_SIZE = 48
_FALLBACK_TEXT_SIZE = 10


class Settings:
    """Typed access to natoapp's QSettings ("natoapp", "natoapp")."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def sync(self) -> None:
        """Write pending changes to disk now (Qt also does it on exit)."""
        self._store.sync()

    def file_name(self) -> str:
        """The file the settings live in."""
        return self._store.fileName()

    # --- window layout -------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry (QWidget.saveGeometry), or None."""
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray | None) -> None:
        self._set_bytes("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """The main window's toolbars and docks (QMainWindow.saveState), or None."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray | None) -> None:
        self._set_bytes("window/state", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        """The saved state of the splitter called ``name``, or None."""
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray | None) -> None:
        """Remember the state of the splitter called ``name``."""
        self._set_bytes(f"splitters/{name}", value)

    # --- what was open -------------------------------------------------------------

    @property
    def last_selection(self) -> str | None:
        """What was shown last, e.g. "entity:KW" or "passage:003_cac1df43d34c3008:2"."""
        value = self._store.value("session/last_selection")
        return value if isinstance(value, str) and value else None

    @last_selection.setter
    def last_selection(self, value: str | None) -> None:
        if value:
            self._store.setValue("session/last_selection", value)
        else:
            self._store.remove("session/last_selection")

    # --- reading -------------------------------------------------------------------

    @property
    def text_size(self) -> int:
        """Reading text size in points (default: the application font's size)."""
        value = self._store.value("reading/text_size")
        size = _as_int(value)
        if size is None or not MIN_TEXT_SIZE <= size <= MAX_TEXT_SIZE:
            return default_text_size()
        return size

    @text_size.setter
    def text_size(self, value: int) -> None:
        self._store.setValue("reading/text_size", clamp_text_size(value))

    @property
    def citation_format(self) -> str:
        """How excerpts are copied: one of ``CITATION_FORMATS`` (default "plain")."""
        return self._choice("reading/citation_format", CITATION_FORMATS)

    @citation_format.setter
    def citation_format(self, value: str) -> None:
        self._set_choice("reading/citation_format", value, CITATION_FORMATS)

    # --- appearance ----------------------------------------------------------------

    @property
    def language(self) -> str:
        """Interface language: "system", "fr" or "en"."""
        return self._choice("appearance/language", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self._set_choice("appearance/language", value, LANGUAGES)

    @property
    def color_scheme(self) -> str:
        """Colour scheme: "system", "light" or "dark"."""
        return self._choice("appearance/color_scheme", COLOR_SCHEMES)

    @color_scheme.setter
    def color_scheme(self, value: str) -> None:
        self._set_choice("appearance/color_scheme", value, COLOR_SCHEMES)

    # --- helpers -------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None

    def _set_bytes(self, key: str, value: QByteArray | None) -> None:
        if value is None or value.isEmpty():
            self._store.remove(key)
        else:
            self._store.setValue(key, value)

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self._store.value(key)
        return value if isinstance(value, str) and value in choices else choices[0]

    def _set_choice(self, key: str, value: str, choices: tuple[str, ...]) -> None:
        if value not in choices:
            raise ValueError(f"{key.split('/')[-1]} must be one of {', '.join(choices)}")
        self._store.setValue(key, value)


def default_text_size() -> int:
    """The application font's size in points, or a sensible size before there is one."""
    if QGuiApplication.instance() is None:
        return _FALLBACK_TEXT_SIZE
    size = QGuiApplication.font().pointSize()
    return size if MIN_TEXT_SIZE <= size <= MAX_TEXT_SIZE else _FALLBACK_TEXT_SIZE


def clamp_text_size(size: int) -> int:
    """``size`` brought within the sizes the reader supports."""
    return max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, int(size)))


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None

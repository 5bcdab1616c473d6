"""The interface language: choosing it and installing Qt's and natoapp's translators.

The source strings are English; French comes from ``resources/translations/natoapp_fr.qm``
and Qt's own ``qtbase_fr.qm`` (standard dialog buttons, context menus).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from natoapp import paths

INTERFACE_LANGUAGES: tuple[str, ...] = ("fr", "en")

_log = logging.getLogger("natoapp.ui.i18n")


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The interface language for a ``Settings.language`` value: "fr" or "en".

    "system" follows the system locale: French for a French locale, English otherwise.
    """
    if setting in INTERFACE_LANGUAGES:
        return setting
    locale = system if system is not None else QLocale.system()
    return "fr" if locale.language() == QLocale.Language.French else "en"


def translations_dir() -> Path:
    """Where natoapp's compiled translations (.qm) are."""
    return paths.resources_dir() / "translations"


class Translators:
    """The translators installed on the application, kept alive while they are in use."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._language = "en"

    @property
    def language(self) -> str:
        """The language now installed ("fr" or "en")."""
        return self._language

    def install(self, language: str) -> str:
        """Switch the interface to ``language`` ("fr", "en"); returns what was installed.

        Widgets receive a LanguageChange event and retranslate themselves. A missing
        translation file leaves the interface in English, with a line in the log.
        """
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self._language = "en"
        if language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            app_ok = self._load(f"natoapp_{language}", str(translations_dir()))
            self._load(f"qtbase_{language}", qt_dir)
            if app_ok:
                self._language = language
        QLocale.setDefault(QLocale(self._language))
        return self._language

    def _load(self, name: str, folder: str) -> bool:
        translator = QTranslator(self._app)
        if not translator.load(name, folder):
            _log.warning("translation %s not found in %s", name, folder)
            return False
        self._app.installTranslator(translator)
        self._installed.append(translator)
        return True

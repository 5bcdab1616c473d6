"""The preferences dialog: what it shows, what it writes, and what it leaves alone on cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPlainTextEdit, QSpinBox

from natoapp.citation import CitationSource
from natoapp.ui.preferences import PreferencesDialog
from natoapp.ui.settings import Settings

NBSP = "\u00a0"


@pytest.fixture
def sample() -> tuple[str, CitationSource]:
    source = CitationSource(
        title="L’Otan a ouvert un bureau régional au Koweït",
        publisher=None,
        date="2017-01-25",
        updated=None,
        doc="003_cac1df43d34c3008",
        source_file="003_cac1df43d34c3008.txt",
        passage_id="003_cac1df43d34c3008:5",
        passage_ordinal=5,
    )
    return "Ce sera une plateforme vitale", source


def _open(qtbot, settings, sample=None) -> PreferencesDialog:
    dialog = PreferencesDialog(settings, sample=sample)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_dialog_shows_the_current_settings(qtbot, settings):
    settings.text_size = 14
    settings.citation_format = "bibtex"
    settings.language = "fr"
    settings.color_scheme = "dark"
    dialog = _open(qtbot, settings)
    assert dialog.text_size() == 14
    assert dialog.citation_format() == "bibtex"
    assert dialog.language() == "fr"
    assert dialog.color_scheme() == "dark"
    assert dialog.preview_text().startswith("@misc{natoapp:")


def test_preview_follows_the_chosen_format(qtbot, settings, sample):
    dialog = _open(qtbot, settings, sample)
    formats = dialog.findChildren(QComboBox)
    combo = next(c for c in formats if c.accessibleName() == "Citation format")
    assert dialog.preview_text() == (
        f"«{NBSP}Ce sera une plateforme vitale{NBSP}»\n"
        "— L’Otan a ouvert un bureau régional au Koweït. 2017-01-25, passage 5. "
        "003_cac1df43d34c3008.txt"
    )
    _choose(combo, "markdown")
    assert dialog.preview_text().startswith("> Ce sera une plateforme vitale\n>\n> — ")
    _choose(combo, "csl-json")
    assert '"abstract": "Ce sera une plateforme vitale"' in dialog.preview_text()
    preview = next(
        w for w in dialog.findChildren(QPlainTextEdit) if w.accessibleName() == "Citation preview"
    )
    assert preview.isReadOnly()


def test_accept_writes_settings_and_says_so(qtbot, settings):
    dialog = _open(qtbot, settings)
    spin = dialog.findChild(QSpinBox)
    spin.setValue(17)
    combos = {c.accessibleName(): c for c in dialog.findChildren(QComboBox)}
    _choose(combos["Citation format"], "html")
    _choose(combos["Interface language"], "en")
    _choose(combos["Colour scheme"], "light")
    with qtbot.waitSignal(dialog.changed, timeout=1000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    reread = Settings(QSettings(settings.file_name(), QSettings.Format.IniFormat))
    assert (reread.text_size, reread.citation_format, reread.language, reread.color_scheme) == (
        17,
        "html",
        "en",
        "light",
    )


def test_cancel_leaves_settings_alone(qtbot, settings):
    settings.citation_format = "markdown"
    dialog = _open(qtbot, settings)
    combos = {c.accessibleName(): c for c in dialog.findChildren(QComboBox)}
    _choose(combos["Citation format"], "bibtex")
    with qtbot.assertNotEmitted(dialog.changed):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert settings.citation_format == "markdown"


def test_accepting_unchanged_values_emits_nothing(qtbot, settings):
    dialog = _open(qtbot, settings)
    with qtbot.assertNotEmitted(dialog.changed):
        dialog.accept()


def test_every_control_has_an_accessible_name(qtbot, settings):
    dialog = _open(qtbot, settings)
    controls = [
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QSpinBox),
        *dialog.findChildren(QPlainTextEdit),
        *dialog.findChildren(QDialogButtonBox),
    ]
    assert controls
    assert all(c.accessibleName() for c in controls)


def test_languages_are_named_in_themselves(qtbot, settings):
    dialog = _open(qtbot, settings)
    combos = {c.accessibleName(): c for c in dialog.findChildren(QComboBox)}
    language = combos["Interface language"]
    labels = [language.itemText(i) for i in range(language.count())]
    assert "Français" in labels
    assert "English" in labels

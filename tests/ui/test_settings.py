"""Settings: typed values that survive a restart and never break on a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication

from natoapp.ui.settings import (
    CITATION_FORMATS,
    MAX_TEXT_SIZE,
    MIN_TEXT_SIZE,
    Settings,
    default_text_size,
)


def _ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_defaults_on_an_empty_file(qapp, tmp_path):
    s = Settings(_ini(tmp_path / "empty.ini"))
    assert s.geometry is None
    assert s.window_state is None
    assert s.splitter_state("main") is None
    assert s.last_selection is None
    assert s.text_size == QGuiApplication.font().pointSize() == default_text_size()
    assert s.citation_format == "plain"
    assert s.language == "system"
    assert s.color_scheme == "system"


def test_values_survive_a_new_settings_object(qapp, tmp_path):
    path = tmp_path / "natoapp.ini"
    s = Settings(_ini(path))
    s.geometry = QByteArray(b"\x01\x02geometry")
    s.window_state = QByteArray(b"state")
    s.set_splitter_state("main", QByteArray(b"split"))
    s.last_selection = "passage:003_cac1df43d34c3008:2"
    s.text_size = 15
    s.citation_format = "bibtex"
    s.language = "fr"
    s.color_scheme = "dark"
    s.sync()

    again = Settings(_ini(path))
    assert again.geometry == QByteArray(b"\x01\x02geometry")
    assert again.window_state == QByteArray(b"state")
    assert again.splitter_state("main") == QByteArray(b"split")
    assert again.splitter_state("other") is None
    assert again.last_selection == "passage:003_cac1df43d34c3008:2"
    assert again.text_size == 15
    assert again.citation_format == "bibtex"
    assert again.language == "fr"
    assert again.color_scheme == "dark"


def test_clearing_values(qapp, tmp_path):
    s = Settings(_ini(tmp_path / "natoapp.ini"))
    s.last_selection = "entity:KW"
    s.geometry = QByteArray(b"g")
    s.last_selection = None
    s.geometry = None
    assert s.last_selection is None
    assert s.geometry is None


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("reading/text_size", "huge"),
        ("reading/text_size", "1000"),
        ("reading/text_size", "-3"),
        ("reading/citation_format", "pdf"),
        ("appearance/language", "de"),
        ("appearance/color_scheme", "purple"),
        ("window/geometry", "not bytes"),
        ("session/last_selection", ""),
    ],
)
def test_wrong_values_fall_back_to_the_default(qapp, tmp_path, key, raw):
    path = tmp_path / "natoapp.ini"
    store = _ini(path)
    store.setValue(key, raw)
    store.sync()
    s = Settings(_ini(path))
    assert s.text_size == default_text_size()
    assert s.citation_format == "plain"
    assert s.language == "system"
    assert s.color_scheme == "system"
    assert s.geometry is None
    assert s.last_selection is None


def test_a_broken_file_is_ignored(qapp, tmp_path):
    path = tmp_path / "natoapp.ini"
    path.write_bytes(b"\x00\xff[reading\ntext_size=\xfe\xfe\n=[=]\n\x89PNG garbage")
    s = Settings(_ini(path))
    assert s.text_size == default_text_size()
    assert s.citation_format == "plain"
    assert s.geometry is None


def test_unknown_choices_are_refused_when_set(qapp, tmp_path):
    s = Settings(_ini(tmp_path / "natoapp.ini"))
    with pytest.raises(ValueError, match="citation_format"):
        s.citation_format = "pdf"
    with pytest.raises(ValueError, match="language"):
        s.language = "de"
    assert s.citation_format == "plain"


def test_every_citation_format_is_accepted(qapp, tmp_path):
    s = Settings(_ini(tmp_path / "natoapp.ini"))
    for fmt in CITATION_FORMATS:
        s.citation_format = fmt
        assert s.citation_format == fmt


def test_text_size_is_kept_within_bounds(qapp, tmp_path):
    s = Settings(_ini(tmp_path / "natoapp.ini"))
    s.text_size = 200
    assert s.text_size == MAX_TEXT_SIZE
    s.text_size = 1
    assert s.text_size == MIN_TEXT_SIZE


def test_default_store_is_natoapp_in_the_redirected_folder(qapp, isolated_user_folders):
    s = Settings()
    path = Path(s.file_name())
    assert path.is_relative_to(isolated_user_folders)
    assert (path.parent.name, path.stem) == ("natoapp", "natoapp")


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    raw=st.one_of(
        # A file on disk holds UTF-8, which has no lone surrogates.
        st.text(
            alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)),
            max_size=30,
        ),
        st.integers().map(str),
        st.sampled_from(["@ByteArray(x)", "@Variant(\\0\\0)", "true", "1e400", "[a, b]"]),
    )
)
def test_no_hand_edited_value_makes_a_getter_raise(qapp, tmp_path, raw):
    path = tmp_path / "fuzz.ini"
    lines = ["[reading]", f"text_size={raw}", f"citation_format={raw}", "[appearance]"]
    lines += [f"language={raw}", f"color_scheme={raw}", "[window]", f"geometry={raw}"]
    lines += ["[session]", f"last_selection={raw}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = Settings(_ini(path))
    assert MIN_TEXT_SIZE <= s.text_size <= MAX_TEXT_SIZE
    assert s.citation_format in CITATION_FORMATS
    assert s.language in ("system", "fr", "en")
    assert s.color_scheme in ("system", "light", "dark")
    assert s.geometry is None or isinstance(s.geometry, QByteArray)
    assert s.last_selection is None or isinstance(s.last_selection, str)

"""Copying puts both text/plain and text/html on the clipboard, document text kept as text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from natoapp.citation import CitationSource
from natoapp.ui.clipboard import copy_excerpt, copy_reference

NBSP = "\u00a0"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def source() -> CitationSource:
    return CitationSource(
        title="Déclaration du secrétaire général : l'Alliance va renforcer encore sa coopération "
        "avec l'UE",
        publisher=None,
        date="2017-12-04",
        updated="2017-12-04T15:14",
        doc="004_ef8944e6bb02e4a7",
        source_file="004_ef8944e6bb02e4a7.txt",
        passage_id="004_ef8944e6bb02e4a7:4",
        passage_ordinal=4,
    )


def _clipboard():
    return QGuiApplication.clipboard().mimeData()


def test_excerpt_goes_on_the_clipboard_as_plain_text_and_html(qapp, source):
    quote = "La Corée du Nord « met en péril les régimes mondiaux de non-prolifération »"
    copied = copy_excerpt(quote, source, "plain")
    mime = _clipboard()
    assert mime.hasText()
    assert mime.hasHtml()
    assert mime.text() == (
        f"«{NBSP}{quote}{NBSP}»\n"
        "— Déclaration du secrétaire général : l'Alliance va renforcer encore sa coopération "
        "avec l'UE. 2017-12-04, passage 4. 004_ef8944e6bb02e4a7.txt"
    )
    assert mime.text() == copied.plain
    assert quote in mime.html()
    assert '<blockquote lang="fr">' in mime.html()


def test_markup_in_a_quote_reaches_the_clipboard_escaped(qapp, source):
    quote = '<b>gras</b> <a href="file:///etc/passwd">lien</a> <script>x()</script>'
    copy_excerpt(quote, source, "markdown")
    mime = _clipboard()
    assert "<script>" not in mime.html()
    assert "&lt;script&gt;" in mime.html()
    assert "<a " not in mime.html()
    assert '&lt;a href="file:///etc/passwd"&gt;' in mime.html()
    assert mime.text().startswith(r"> \<b\>gras\</b\>")


def test_bibtex_excerpt_is_pasted_as_the_entry(qapp, source):
    copy_excerpt("Le secrétaire général a aussi indiqué", source, "bibtex")
    mime = _clipboard()
    assert mime.text().startswith("@misc{natoapp:004_ef8944e6bb02e4a7,\n")
    assert mime.html().startswith("<pre>@misc{natoapp:004_ef8944e6bb02e4a7,")


def test_reference_alone(qapp, source):
    copy_reference(source, "html")
    mime = _clipboard()
    assert mime.text() == mime.html()
    assert mime.html().startswith("<cite>Déclaration du secrétaire général")
    copy_reference(source, "plain")
    assert _clipboard().text().endswith("2017-12-04, passage 4. 004_ef8944e6bb02e4a7.txt")
    assert _clipboard().html().startswith("<p>Déclaration")


def test_a_copy_left_on_the_clipboard_does_not_crash_the_exit(tmp_path):
    # The application object outlives the interpreter here, as it does under pytest.
    script = tmp_path / "copy_and_exit.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication\n"
        "from natoapp.citation import CitationSource\n"
        "from natoapp.ui.clipboard import copy_excerpt\n"
        "app = QApplication([])\n"
        "source = CitationSource('T', None, None, None, 'd', 'd.txt', 'd:1', 1)\n"
        "copy_excerpt('x', source, 'plain')\n",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(script)], env=env, timeout=60, check=False)
    assert done.returncode == 0

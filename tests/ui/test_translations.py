"""Every string of the interface has its French translation, shipped compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "natoapp_fr.ts"


def _lupdate() -> str | None:
    found = shutil.which("pyside6-lupdate")
    if found:
        return found
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else None


def test_no_interface_string_lacks_its_french_translation(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "natoapp_fr.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "natoapp" / "ui").glob("*.py"))
    subprocess.run(
        [lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    untranslated = [
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation") is not None
        and message.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == [], "run scripts/compile_translations.sh and translate these"


def test_the_compiled_translation_is_shipped() -> None:
    qm = TS.with_suffix(".qm")
    assert qm.is_file()
    assert qm.stat().st_size > 10_000

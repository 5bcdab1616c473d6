"""A seed database built once, the curated entities read once, and a user library per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from natoapp import paths
from natoapp.store.lifecycle import ensure_database
from natoapp.userlib.knowledge import UserKnowledge, load_knowledge
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.location import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's user data lives in its own temporary folder, never the user's."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed database, built from the shipped texts once per session."""
    out = tmp_path_factory.mktemp("seed") / "natoapp.sqlite"
    return ensure_database(out, seeds_dir=paths.seeds_dir(), resources_dir=paths.resources_dir())


@pytest.fixture(scope="session")
def knowledge() -> UserKnowledge:
    """The curated entities, read once."""
    return load_knowledge()


@pytest.fixture
def user_db(tmp_path: Path) -> Path:
    """Where this test's user library goes."""
    return tmp_path / "user" / "library.sqlite"


@pytest.fixture
def library(user_db: Path) -> Iterator[UserLibrary]:
    """A fresh user library."""
    with UserLibrary.open(user_db) as lib:
        yield lib


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file to import."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder of documents a person might import: good ones and bad ones."""
    folder = tmp_path / "mes documents"
    write(
        folder,
        "golfe.html",
        "<html><head><title>Le Golfe</title>"
        '<meta name="DC.date" content="2019-04-04"></head><body>'
        "<nav><a href='/'>Accueil</a></nav><main><h1>Soixante-dix ans de l’OTAN</h1>"
        "<p>Le Koweït et le Qatar participent à l’Initiative de coopération d’Istanbul.</p>"
        "<p>La Jordanie est un partenaire du Dialogue méditerranéen.</p></main>"
        "<footer>Mentions légales</footer></body></html>",
    )
    notes = (
        "Notes de lecture\n\n12 mars 2021\n\n"
        "La Mongolie coopère avec l’OTAN comme partenaire mondial. Zorglub est un mot rare.\n"
    )
    write(folder, "notes.txt", notes.encode("cp1252"))
    write(folder, "vide.txt", b"")
    write(folder, "faux.pdf", "<html><body><p>pas un PDF</p></body></html>")
    write(folder, "image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return folder

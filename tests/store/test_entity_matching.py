from __future__ import annotations

import sqlite3
from pathlib import Path

from natoapp.store.entity_matching import in_capitals, is_acronym, resolve_entities
from natoapp.store.lifecycle import open_readonly
from natoapp.store.query import parse_query

ICI = "istanbul-cooperation-initiative"


def resolved(fixture_db: Path, query: str) -> list[tuple[str, str, tuple[int, ...]]]:
    conn: sqlite3.Connection = open_readonly(fixture_db)
    try:
        parsed = resolve_entities(conn, parse_query(query))
    finally:
        conn.close()
    return [(m.entity, m.words, m.clauses) for m in parsed.entities]


def test_acronyms_and_capitals() -> None:
    assert is_acronym("ICI") and is_acronym("UE") and is_acronym("O.N.U.")
    assert not is_acronym("Otan") and not is_acronym("X") and not is_acronym("AB CD")
    assert in_capitals("ICI") and in_capitals("L'OTAN") and not in_capitals("Ici")
    assert not in_capitals("2004")


def test_single_words_phrases_and_runs_name_entities(fixture_db: Path) -> None:
    assert resolved(fixture_db, "Kuwait") == [("KW", "Kuwait", (0,))]
    assert resolved(fixture_db, '"Dialogue méditerranéen"') == [
        ("mediterranean-dialogue", "Dialogue méditerranéen", (0,))
    ]
    assert resolved(fixture_db, "le Dialogue méditerranéen renforcé ") == [
        ("enhanced-mediterranean-dialogue", "Dialogue méditerranéen renforcé", (1, 2, 3)),
        ("mediterranean-dialogue", "Dialogue méditerranéen", (1, 2)),
    ]
    assert resolved(fixture_db, "Egypt OR Koweït ") == [
        ("EG", "Egypt", (0,)),
        ("KW", "Koweït", (0,)),
    ]


def test_prefixes_and_negations_name_nothing(fixture_db: Path) -> None:
    assert resolved(fixture_db, "Kuwait*") == []
    assert resolved(fixture_db, "otan -Kuwait") == []


def test_an_acronym_needs_capitals_unless_alone(fixture_db: Path) -> None:
    assert resolved(fixture_db, "ici") == [(ICI, "ici", (0,))]
    assert resolved(fixture_db, "nous sommes ici") == []
    assert resolved(fixture_db, "nous sommes ICI") == [(ICI, "ICI", (2,))]

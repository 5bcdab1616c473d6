"""Recognising entities named in a query through their aliases.

A term, a quoted phrase, or a run of plain words of the query names an entity
when its folded words equal the folded words of one of the entity's aliases
("Kuwait" → KW, "Initiative de coopération d'Istanbul" → the ICI framework).

An alias written in capitals (ICI, UE, ONU) is an acronym, and many acronyms
are also French words ("ici" means "here"). Such an alias names its entity
only when the user typed the word in capitals too, or when the query is that
single word and nothing else.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, replace

from natoapp.store.records import EntityMatch, ParsedQuery

# The longest run of plain words compared with aliases.
MAX_ALIAS_WORDS = 8


@dataclass(frozen=True, slots=True)
class _Candidate:
    folded: str
    typed: str
    clauses: tuple[int, ...]


def resolve_entities(conn: sqlite3.Connection, parsed: ParsedQuery) -> ParsedQuery:
    """Return ``parsed`` with ``entities`` set to the aliases its terms name."""
    candidates = _candidates(parsed)
    if not candidates:
        return parsed
    keys = sorted({c.folded for c in candidates})
    placeholders = ",".join("?" * len(keys))
    rows = conn.execute(
        "SELECT folded, entity, alias FROM aliases "
        f"WHERE folded IN ({placeholders}) ORDER BY entity, alias",
        keys,
    ).fetchall()
    by_folded: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for folded, entity, alias in rows:
        by_folded[folded].append((entity, alias))
    single_word = len(parsed.terms) == 1
    matches: list[EntityMatch] = []
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for candidate in candidates:
        for entity, alias in by_folded.get(candidate.folded, ()):
            if is_acronym(alias) and not (single_word or in_capitals(candidate.typed)):
                continue
            if (entity, candidate.clauses) in seen:
                continue
            seen.add((entity, candidate.clauses))
            matches.append(EntityMatch(entity, alias, candidate.typed, candidate.clauses))
    return replace(parsed, entities=tuple(matches))


def _candidates(parsed: ParsedQuery) -> list[_Candidate]:
    """Longest runs first, so "Initiative de coopération d'Istanbul" comes before "Istanbul"."""
    singles: list[_Candidate] = []
    for index, clause in enumerate(parsed.clauses):
        for term in clause:
            if not term.prefix:
                singles.append(_Candidate(term.folded, term.text, (index,)))
    runs: list[_Candidate] = []
    plain = [len(c) == 1 and not c[0].quoted and not c[0].prefix for c in parsed.clauses]
    for first in range(len(parsed.clauses)):
        for last in range(first + 1, min(first + MAX_ALIAS_WORDS, len(parsed.clauses))):
            if not all(plain[first : last + 1]):
                break
            clauses = parsed.clauses[first : last + 1]
            runs.append(
                _Candidate(
                    " ".join(c[0].folded for c in clauses),
                    " ".join(c[0].text for c in clauses),
                    tuple(range(first, last + 1)),
                )
            )
    runs.sort(key=lambda c: -len(c.clauses))
    return runs + singles


def is_acronym(alias: str) -> bool:
    """True for an alias written in capitals as one word: "ICI", "UE", "ONU"."""
    letters = [ch for ch in alias if ch.isalpha()]
    return len(letters) >= 2 and " " not in alias.strip() and all(ch.isupper() for ch in letters)


def in_capitals(typed: str) -> bool:
    """True when every letter the user typed is a capital."""
    letters = [ch for ch in typed if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)

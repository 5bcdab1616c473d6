"""Reading a long beginning of a word as the words it begins.

The full-text index keeps prefix indexes for beginnings of two to four letters
(:data:`natoapp.store.schema.PREFIX_LENGTHS`). A longer beginning ("parte…", typed
one letter at a time) FTS5 reads by merging the lists of every word it begins into
one, in full, for each statement that names it, even one asking for the newest
matches only. A built database lists its words (``index_terms``), so the search
names those words instead: an ``OR`` of whole words is read lazily, newest first,
like any other. A beginning of more than :data:`MAX_COMPLETIONS` words is left to
FTS5.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from natoapp.store.query import render_fts
from natoapp.store.records import ParsedQuery, QueryTerm
from natoapp.store.schema import PREFIX_LENGTHS

MAX_COMPLETIONS = 64
# Above every character, so that [word, word + _LAST) holds every word beginning with it.
_LAST = "\U0010ffff"


def expand_prefixes(conn: sqlite3.Connection, parsed: ParsedQuery) -> ParsedQuery:
    """``parsed`` with each beginning the prefix indexes do not cover read as its words."""
    if not any(_uncovered(term) for term in parsed.terms):
        return parsed
    expanded = {
        id(term): _with_completions(conn, term) for term in parsed.terms if _uncovered(term)
    }

    def swap(term: QueryTerm) -> QueryTerm:
        return expanded.get(id(term), term)

    clauses = tuple(tuple(swap(t) for t in clause) for clause in parsed.clauses)
    exclusions = tuple(swap(t) for t in parsed.exclusions)
    if not clauses:
        return parsed
    return replace(
        parsed,
        terms=tuple(swap(t) for t in parsed.terms),
        clauses=clauses,
        exclusions=exclusions,
        fts=render_fts(clauses, exclusions),
        exact_fts=render_fts(clauses, exclusions, exact=True),
    )


def _uncovered(term: QueryTerm) -> bool:
    return (term.prefix or term.as_you_type) and len(term.parts[-1]) not in PREFIX_LENGTHS


def _with_completions(conn: sqlite3.Connection, term: QueryTerm) -> QueryTerm:
    beginning = term.parts[-1]
    words = [
        row[0]
        for row in conn.execute(
            "SELECT term FROM index_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
            [beginning, beginning + _LAST, MAX_COMPLETIONS + 1],
        )
    ]
    if not words or len(words) > MAX_COMPLETIONS:
        return term
    return replace(term, completions=tuple(words))

"""Reading a search query the way a person means it, and turning it into FTS5.

Syntax: plain words must all match; ``"quoted phrases"`` (also « … » and “ … ”)
match those words in that order, as written; ``secur*`` matches words
beginning with "secur"; ``OR`` (or ``OU``) between two terms accepts either;
``-word``, ``-"a phrase"`` and ``NOT word`` exclude passages holding them.
Operators are only operators in capitals: "or" and "not" are words.

Words are folded (case, accents, ligatures, dashes, apostrophes) exactly like
the index. A word holding an apostrophe or a hyphen ("l'OTAN",
"Proche-Orient") is cut into its parts and searched as a phrase of them, which
is how the index sees it. An unquoted word also matches its light inflections
(see :mod:`natoapp.store.stemming`); a quoted one only itself. With
``prefix_last`` the query's last word, when the query does not end with a
space and is at least two letters long, also matches any word it begins: search
as you type.

Nothing a user types reaches FTS5 as syntax: every word is re-emitted as a
quoted string of letters and digits, so any input gives a valid expression,
or none at all. At most :data:`MAX_TERMS` terms of :data:`MAX_PARTS` words
each are kept, so no query can grow the search without bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from natoapp.corpus.normalize import fold
from natoapp.store.records import ParsedQuery, QueryTerm
from natoapp.store.stemming import stem
from natoapp.store.words import words

MAX_TERMS = 32
MAX_PARTS = 16
MAX_QUERY_CHARS = 1000

_QUOTES = frozenset('"“”«»„‟＂')
_NEGATION_SIGNS = frozenset("-\u2212")
_OR = frozenset({"OR", "OU"})
_NOT = "NOT"
_AND = "AND"
_EXACT_COLUMNS = "{title body}"
# The shortest last word that search as you type also reads as a beginning.
_MIN_TYPED_PREFIX = 2
_STEM_COLUMNS = "{title_stem body_stem}"


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    quoted: bool
    negated: bool
    starred: bool
    end: int  # offset just past the token in the query


def parse_query(text: str, *, prefix_last: bool = True) -> ParsedQuery:
    """Parse ``text`` into terms and an FTS5 expression; never raises.

    The result's ``fts`` is "" when nothing could match (no words, or only
    exclusions); ``notes`` tell what was ignored or cut.
    """
    notes: list[str] = []
    query = text
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        notes.append(f"only the first {MAX_QUERY_CHARS} characters of the query are searched")
        prefix_last = False
    tokens = _lex(query, notes)
    typing_last = prefix_last and bool(query) and not _is_blank(query[-1])
    clauses, exclusions, terms = _group(tokens, len(query), typing_last, notes)
    if exclusions and not clauses:
        notes.append("a query that only excludes words finds nothing: add a word to look for")
    return ParsedQuery(
        text=text,
        fts=render_fts(clauses, exclusions),
        exact_fts=render_fts(clauses, exclusions, exact=True),
        terms=tuple(terms),
        notes=tuple(notes),
        clauses=tuple(tuple(c) for c in clauses),
        exclusions=tuple(exclusions),
    )


def _is_blank(ch: str) -> bool:
    # Control characters separate words like spaces do.
    return ch.isspace() or ch < " " or "\x7f" <= ch <= "\x9f"


def _lex(query: str, notes: list[str]) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        if _is_blank(query[i]):
            i += 1
            continue
        negated = False
        if query[i] in _NEGATION_SIGNS and i + 1 < n and not _is_blank(query[i + 1]):
            negated = True
            i += 1
        if query[i] in _QUOTES:
            close = _find_quote(query, i + 1)
            if close < 0:
                notes.append("an opening quote without a closing one was ignored")
                i += 1
                continue
            starred = close + 1 < n and query[close + 1] == "*"
            end = close + 2 if starred else close + 1
            tokens.append(_Token(query[i + 1 : close], True, negated, starred, end))
            i = end
            continue
        j = i
        while j < n and not _is_blank(query[j]) and query[j] not in _QUOTES:
            j += 1
        word = query[i:j]
        starred = word.endswith("*")
        tokens.append(_Token(word.rstrip("*"), False, negated, starred, j))
        i = j
    return tokens


def _find_quote(query: str, start: int) -> int:
    for k in range(start, len(query)):
        if query[k] in _QUOTES:
            return k
    return -1


def _group(
    tokens: Sequence[_Token], length: int, typing_last: bool, notes: list[str]
) -> tuple[list[list[QueryTerm]], list[QueryTerm], list[QueryTerm]]:
    clauses: list[list[QueryTerm]] = []
    exclusions: list[QueryTerm] = []
    terms: list[QueryTerm] = []
    pending_or = pending_not = False
    last_was_positive = False
    ignored_or = cut = False
    for token in tokens:
        if not token.quoted and not token.negated and not token.starred:
            if token.text in _OR:
                if pending_or or not last_was_positive:
                    ignored_or = True
                pending_or = True
                continue
            if token.text == _NOT:
                pending_not = True
                continue
            if token.text == _AND:
                continue
        term = _make_term(token, pending_not, token.end == length and typing_last, notes)
        if term is None:
            continue
        if len(terms) == MAX_TERMS:
            cut = True
            break
        terms.append(term)
        if term.negated:
            exclusions.append(term)
            ignored_or = ignored_or or pending_or
            last_was_positive = False
        elif pending_or and last_was_positive:
            clauses[-1].append(term)
        else:
            clauses.append([term])
            last_was_positive = True
        pending_or = pending_not = False
    if pending_or or ignored_or:
        notes.append("OR needs a word to look for on each side; it was ignored")
    if pending_not:
        notes.append("NOT needs a word after it; it was ignored")
    if cut:
        notes.append(f"only the first {MAX_TERMS} words of the query are searched")
    return clauses, exclusions, terms


def _make_term(token: _Token, negate: bool, is_last: bool, notes: list[str]) -> QueryTerm | None:
    parts = words(fold(token.text))
    if not parts:
        return None
    if len(parts) > MAX_PARTS:
        parts = parts[:MAX_PARTS]
        notes.append(f"a phrase was cut to its first {MAX_PARTS} words")
    negated = token.negated or negate
    typing = is_last and not token.quoted and not token.starred and not negated
    if typing and len(parts[-1]) < _MIN_TYPED_PREFIX:
        # Words beginning with one letter are most of the index; the prefix indexes
        # start at two letters, so a single letter is searched as a word.
        typing = False
        notes.append("a single letter is searched as a word: type another to search beginnings")
    return QueryTerm(
        text=token.text,
        parts=tuple(parts),
        stems=tuple(stem(p) for p in parts),
        quoted=token.quoted,
        prefix=token.starred,
        as_you_type=typing,
        negated=negated,
    )


def _phrase(parts: Sequence[str]) -> str:
    # Parts are letters and digits only, so they never hold a double quote.
    return '"' + " ".join(parts) + '"'


def _beginning(term: QueryTerm) -> str:
    """The term's words with its last one as a beginning: a prefix query, or the words it
    begins when they are known (``completions``)."""
    if term.completions:
        words = " OR ".join(_phrase((*term.parts[:-1], word)) for word in term.completions)
        return f"{_EXACT_COLUMNS} : ({words})"
    return f"{_EXACT_COLUMNS} : {_phrase(term.parts)} *"


def render_term(term: QueryTerm) -> str:
    """The FTS5 expression matching one term (negation aside)."""
    if term.prefix:
        return _beginning(term)
    exact = f"{_EXACT_COLUMNS} : {_phrase(term.parts)}"
    if term.quoted:
        return exact
    if term.as_you_type:
        exact = _beginning(term)
    return f"({exact} OR {_STEM_COLUMNS} : {_phrase(term.stems)})"


def render_exact_term(term: QueryTerm) -> str:
    """The FTS5 expression matching one term only as it was written (an explicit ``*`` kept)."""
    return _beginning(term) if term.prefix else f"{_EXACT_COLUMNS} : {_phrase(term.parts)}"


def render_fts(
    clauses: Sequence[Sequence[QueryTerm]],
    exclusions: Sequence[QueryTerm] = (),
    *,
    exact: bool = False,
) -> str:
    """The FTS5 expression for clauses that must all match and exclusions that must not.

    With ``exact``, the clauses' words match only as written: no inflected form, and
    the word being typed not as a prefix (the first tier of the ranking).
    Returns "" when there is no clause: FTS5 cannot express "everything but".
    """
    if not clauses:
        return ""
    term_fts = render_exact_term if exact else render_term
    rendered = [
        term_fts(c[0]) if len(c) == 1 else "(" + " OR ".join(map(term_fts, c)) + ")"
        for c in clauses
    ]
    positive = " AND ".join(rendered)
    if not exclusions:
        return positive
    return f"({positive}) NOT (" + " OR ".join(map(render_term, exclusions)) + ")"

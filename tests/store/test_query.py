from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from natoapp.store.query import MAX_PARTS, MAX_QUERY_CHARS, MAX_TERMS, parse_query


def parts(query: str, **kwargs: bool) -> list[tuple[str, ...]]:
    return [t.parts for t in parse_query(query, **kwargs).terms]


def test_plain_words_must_all_match() -> None:
    parsed = parse_query("sécurité maritime ")
    assert [[t.parts for t in c] for c in parsed.clauses] == [[("securite",)], [("maritime",)]]
    assert " AND " in parsed.fts
    assert not parsed.exclusions


def test_apostrophes_and_hyphens_make_phrases() -> None:
    assert parts("l'OTAN Proche-Orient l’Alliance ", prefix_last=False) == [
        ("l", "otan"),
        ("proche", "orient"),
        ("l", "alliance"),
    ]
    assert '"l otan"' in parse_query("l'OTAN ").fts


def test_quoted_phrase_matches_the_words_as_written() -> None:
    parsed = parse_query('"partenaires mondiaux"')
    (term,) = parsed.terms
    assert term.quoted and term.parts == ("partenaires", "mondiaux")
    assert "stem" not in parsed.fts


def test_french_quotes_make_phrases_too() -> None:
    (term,) = parse_query("« sécurité coopérative »").terms
    assert term.quoted and term.parts == ("securite", "cooperative")


def test_explicit_prefix() -> None:
    parsed = parse_query("secur* ")
    (term,) = parsed.terms
    assert term.prefix and not term.as_you_type
    assert parsed.fts == '{title body} : "secur" *'


def test_or_joins_neighbours_into_one_clause() -> None:
    parsed = parse_query("Koweït OR Qatar Bahreïn ")
    assert [[t.parts for t in c] for c in parsed.clauses] == [
        [("koweit",), ("qatar",)],
        [("bahrein",)],
    ]


def test_french_ou_is_or_but_lowercase_or_is_a_word() -> None:
    assert len(parse_query("Koweït OU Qatar ").clauses) == 1
    assert len(parse_query("Koweït or Qatar ").clauses) == 3


def test_negations() -> None:
    parsed = parse_query('coopération -terrorisme NOT piraterie -"mer Noire" ')
    assert [t.parts for t in parsed.exclusions] == [
        ("terrorisme",),
        ("piraterie",),
        ("mer", "noire"),
    ]
    assert [t.negated for t in parsed.terms] == [False, True, True, True]
    assert parsed.fts.startswith("(") and " NOT (" in parsed.fts


def test_only_negations_match_nothing_and_say_why() -> None:
    parsed = parse_query("-otan NOT alliance")
    assert parsed.fts == ""
    assert any("only excludes" in note for note in parsed.notes)


def test_the_last_word_is_a_prefix_while_typing() -> None:
    parsed = parse_query("coopération d'Ist")
    assert [t.as_you_type for t in parsed.terms] == [False, True]
    assert '"d ist" *' in parsed.fts


def test_a_trailing_space_ends_the_word() -> None:
    assert not any(t.as_you_type for t in parse_query("coopération d'Ist ").terms)


def test_prefix_last_can_be_turned_off() -> None:
    assert not any(t.as_you_type for t in parse_query("coopération", prefix_last=False).terms)


def test_a_negated_or_quoted_last_word_is_not_a_prefix() -> None:
    assert not any(t.as_you_type for t in parse_query("otan -terr").terms)
    assert not any(t.as_you_type for t in parse_query('"mer Noire"').terms)


def test_a_single_typed_letter_is_a_word_not_a_beginning() -> None:
    parsed = parse_query("otan p")
    assert not any(t.as_you_type for t in parsed.terms)
    assert '"p" *' not in parsed.fts and any("single letter" in n for n in parsed.notes)
    assert not any(t.as_you_type for t in parse_query("l'o").terms)
    assert parse_query("otan pa").terms[-1].as_you_type
    assert parse_query("p*").terms[0].prefix  # asked for, so searched as a beginning


def test_unbalanced_quote_is_noted_and_the_words_kept() -> None:
    parsed = parse_query('"sécurité maritime')
    assert [t.parts for t in parsed.terms] == [("securite",), ("maritime",)]
    assert any("quote" in note for note in parsed.notes)


def test_lone_operators_are_ignored_with_a_note() -> None:
    for query in ["OR", "OR otan", "otan OR", "NOT", "otan NOT", "OR OR OR"]:
        parsed = parse_query(query)
        assert parsed.notes, query
        assert "OR" not in [t.text for t in parsed.terms]


def test_fts_syntax_typed_by_a_user_is_only_words() -> None:
    parsed = parse_query('NEAR(otan alliance) title:koweit ^x {body}: "a"*  ')
    assert [t.parts for t in parsed.terms] == [
        ("near", "otan"),
        ("alliance",),
        ("title", "koweit"),
        ("x",),
        ("body",),
        ("a",),
    ]


def test_punctuation_only_gives_no_terms() -> None:
    parsed = parse_query("!? … -- ' \" ; ()")
    assert parsed.terms == () and parsed.fts == ""


def test_number_of_terms_and_length_are_capped() -> None:
    parsed = parse_query("mot " * 100)
    assert len(parsed.terms) == MAX_TERMS
    assert any(str(MAX_TERMS) in note for note in parsed.notes)
    long_phrase = parse_query("-".join(["mot"] * 100))
    assert len(long_phrase.terms[0].parts) == MAX_PARTS
    huge = parse_query("a" * 10_000)
    assert len(huge.terms[0].parts[0]) == MAX_QUERY_CHARS


def test_control_characters_separate_words() -> None:
    assert parts("otan\x00alliance\x1b[0m ") == [("otan",), ("alliance",), ("0m",)]


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_text_parses_to_a_valid_fts_expression(text: str) -> None:
    parsed = parse_query(text)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, title_stem, body_stem)")
    if parsed.fts:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [parsed.fts]).fetchall()
    assert len(parsed.terms) <= MAX_TERMS
    assert all(all(p.isalnum() for p in t.parts) for t in parsed.terms)

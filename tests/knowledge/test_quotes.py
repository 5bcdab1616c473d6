from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.corpus.model import Document
from natoapp.knowledge import Evidence, KnowledgeError
from natoapp.knowledge.quotes import QuoteLocator, comparable

MakeDocument = Callable[..., Document]

TEXTS = [
    "Le Dialogue méditerranéen de l’OTAN compte sept partenaires.",
    "La Nouvelle\u2011Zélande et  le Japon  coopèrent avec l’Alliance.",
    "Un mot. La même phrase revient.",
    "La même phrase revient.",
]


@pytest.fixture
def locator(make_document: MakeDocument) -> QuoteLocator:
    return QuoteLocator([make_document(TEXTS, "d")])


def test_a_quote_is_found_whatever_its_apostrophes_dashes_case_and_spaces(
    locator: QuoteLocator,
) -> None:
    evidence = locator.locate("d", "la nouvelle-zelande et le japon cooperent avec l'Alliance", "w")
    assert evidence == Evidence(
        "d", "d:2", "La Nouvelle\u2011Zélande et  le Japon  coopèrent avec l’Alliance"
    )


def test_the_evidence_is_the_passage_own_characters(locator: QuoteLocator) -> None:
    evidence = locator.locate("d", "Dialogue mediterraneen de l'OTAN", "w")
    assert evidence.quote == "Dialogue méditerranéen de l’OTAN"
    assert evidence.passage == "d:1"


def test_a_quote_not_found_names_where_and_the_closest_passage(locator: QuoteLocator) -> None:
    with pytest.raises(KnowledgeError) as info:
        locator.locate("d", "La Nouvelle-Zélande et la Chine coopèrent", "claims.toml, claim #3")
    message = str(info.value)
    assert message.startswith("claims.toml, claim #3: quote not found in any passage of d")
    assert "the closest passage is d:2" in message
    assert "«La Nouvelle-Zélande et la Chine coopèrent»" in message


def test_a_quote_in_two_passages_is_refused(locator: QuoteLocator) -> None:
    with pytest.raises(KnowledgeError, match=r"w: quote found in several passages \(d:3, d:4\)"):
        locator.locate("d", "La même phrase revient.", "w")
    assert locator.locate("d", "Un mot. La même phrase", "w").passage == "d:3"


def test_an_unknown_document_or_empty_quote_is_refused(locator: QuoteLocator) -> None:
    with pytest.raises(KnowledgeError, match="w: document 'e' is not among the texts"):
        locator.locate("e", "Un mot.", "w")
    with pytest.raises(KnowledgeError, match="w: the quote is empty"):
        locator.locate("d", "  ", "w")
    assert locator.has_document("d")
    assert not locator.has_document("e")


def test_a_long_quote_is_shortened_in_the_message(locator: QuoteLocator) -> None:
    with pytest.raises(KnowledgeError) as info:
        locator.locate("d", "mot " * 100, "w")
    assert len(str(info.value)) < 250


@given(st.text(max_size=80))
def test_comparable_maps_every_character_back(text: str) -> None:
    folded, origin = comparable(text)
    assert len(origin) == len(folded) + 1
    assert all(0 <= o <= len(text) for o in origin)
    assert origin == sorted(origin)
    assert "  " not in folded
    assert folded == folded.strip()

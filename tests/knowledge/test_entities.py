from __future__ import annotations

from collections.abc import Callable

import pytest

from natoapp.corpus.model import Document
from natoapp.knowledge import Evidence, KnowledgeError
from natoapp.knowledge.catalog import EntitySpec, SourceSpec
from natoapp.knowledge.entities import make_entities
from natoapp.knowledge.model import Alias, EntityKind
from natoapp.knowledge.quotes import QuoteLocator


@pytest.fixture
def quotes(make_document: Callable[..., Document]) -> QuoteLocator:
    return QuoteLocator([make_document(["Le sommet s’est tenu le 29 juin 2004."], "d")])


def spec(entity_id: str, kind: EntityKind, **more: object) -> EntitySpec:
    fields: dict[str, object] = {
        "where": f"x.toml, {kind.value} {entity_id!r}",
        "kind": kind,
        "id": entity_id,
        "name_fr": None if kind is EntityKind.COUNTRY else entity_id,
        "name_en": None if kind is EntityKind.COUNTRY else entity_id,
        "aliases": (),
    }
    fields.update(more)
    return EntitySpec(**fields)  # type: ignore[arg-type]


def test_curated_entities_come_first_by_kind_then_every_country(quotes: QuoteLocator) -> None:
    entities = make_entities(
        [
            spec("summit", EntityKind.EVENT),
            spec("KW", EntityKind.COUNTRY),
            spec("frame", EntityKind.FRAMEWORK),
            spec("AT", EntityKind.COUNTRY),
        ],
        quotes,
    )
    ids = [e.id for e in entities]
    assert ids[:4] == ["frame", "summit", "KW", "AT"]
    assert len(ids) == 2 + 249
    assert ids[4:] == sorted(ids[4:])


def test_sources_become_evidence_and_unnamed_countries_take_pycountry_names(
    quotes: QuoteLocator,
) -> None:
    entities = make_entities(
        [
            spec(
                "summit",
                EntityKind.EVENT,
                date="2004-06-29",
                sources=(SourceSpec("d", "le 29 juin 2004"),),
            ),
            spec("KW", EntityKind.COUNTRY, aliases=(Alias("koweïtien", "fr", "adjective"),)),
        ],
        quotes,
    )
    by_id = {e.id: e for e in entities}
    assert by_id["summit"].sources == (Evidence("d", "d:1", "le 29 juin 2004"),)
    kuwait = by_id["KW"]
    assert (kuwait.name_fr, kuwait.name_en) == ("Koweït", "Kuwait")
    assert kuwait.aliases[0] == Alias("koweïtien", "fr", "adjective")
    assert kuwait.relevant


def test_a_source_not_in_the_text_names_the_entity(quotes: QuoteLocator) -> None:
    with pytest.raises(KnowledgeError, match=r"x.toml, event 'summit', source #1: quote not found"):
        make_entities(
            [spec("summit", EntityKind.EVENT, sources=(SourceSpec("d", "le 28 juin"),))], quotes
        )


def test_excluding_the_name_shown_is_refused(quotes: QuoteLocator) -> None:
    with pytest.raises(KnowledgeError, match="'Réunion' is excluded but still the name shown"):
        make_entities([spec("RE", EntityKind.COUNTRY, exclude_names=("Réunion",))], quotes)

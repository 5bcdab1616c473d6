"""Turning curated entity entries into entities, with every country pycountry knows."""

from __future__ import annotations

from collections.abc import Sequence

from natoapp.knowledge.aliases import alias_key
from natoapp.knowledge.catalog import EntitySpec
from natoapp.knowledge.countries import country_entities, iso_names
from natoapp.knowledge.model import Alias, Entity, EntityKind, Evidence, KnowledgeError
from natoapp.knowledge.quotes import QuoteLocator

# Curated entities come first, in this order, then every country.
_ORDER = (EntityKind.FRAMEWORK, EntityKind.ORGANISATION, EntityKind.PERSON, EntityKind.EVENT)


def make_entities(specs: Sequence[EntitySpec], quotes: QuoteLocator) -> list[Entity]:
    """The curated entities with their sources located, then one entity per ISO country.

    Countries with a curated entry come first among countries, in the order
    written; the others follow by code and are marked not ``relevant``.
    Raises :class:`KnowledgeError` when a source quote is not found.
    """
    curated = {spec.id: _entity(spec, quotes) for spec in specs}
    owner: dict[str, str] = {}
    for entity in curated.values():
        for alias in (*_names(entity), *entity.aliases):
            owner.setdefault(alias_key(alias), entity.id)
    excluded = {
        spec.id: frozenset(alias_key(Alias(name)) for name in spec.exclude_names)
        for spec in specs
        if spec.exclude_names
    }
    countries = country_entities(
        {i: e for i, e in curated.items() if e.kind is EntityKind.COUNTRY}, owner.get, excluded
    )
    _check_excluded(specs, countries)
    curated_order = [s.id for s in specs if s.kind is EntityKind.COUNTRY]
    rank = {code: n for n, code in enumerate(curated_order)}
    countries.sort(key=lambda e: (rank.get(e.id, len(rank)), e.id))
    others = [e for e in curated.values() if e.kind is not EntityKind.COUNTRY]
    others.sort(key=lambda e: _ORDER.index(e.kind))
    return others + countries


def _names(entity: Entity) -> tuple[Alias, ...]:
    names = []
    if entity.name_fr:
        names.append(Alias(entity.name_fr, "fr", "name"))
    if entity.name_en:
        names.append(Alias(entity.name_en, "en", "name"))
    return tuple(names)


def _entity(spec: EntitySpec, quotes: QuoteLocator) -> Entity:
    sources: list[Evidence] = []
    for number, source in enumerate(spec.sources, 1):
        sources.append(quotes.locate(source.doc, source.quote, f"{spec.where}, source #{number}"))
    return Entity(
        id=spec.id,
        kind=spec.kind,
        # A country left unnamed takes pycountry's names (see countries.py).
        name_fr=spec.name_fr or "",
        name_en=spec.name_en or "",
        aliases=spec.aliases,
        parent=spec.parent,
        date=spec.date,
        role=spec.role_en,
        description=spec.description_en,
        role_fr=spec.role_fr,
        description_fr=spec.description_fr,
        sources=tuple(dict.fromkeys(sources)),
        relevant=spec.relevant,
    )


def _check_excluded(specs: Sequence[EntitySpec], countries: Sequence[Entity]) -> None:
    """An excluded name must be one of pycountry's for that country, and not its shown name."""
    wanted = {spec.id: spec for spec in specs if spec.exclude_names}
    if not wanted:
        return
    iso = {names.code: names for names in iso_names()}
    by_id = {entity.id: entity for entity in countries}
    for code, spec in wanted.items():
        known = {
            alias_key(alias)
            for alias in (*iso[code].aliases, Alias(iso[code].name_fr), Alias(iso[code].name_en))
        }
        entity = by_id[code]
        for name in spec.exclude_names:
            key = alias_key(Alias(name))
            if key not in known:
                raise KnowledgeError(
                    f"{spec.where}: {name!r} is not one of pycountry's names for {code}"
                )
            if key in (alias_key(Alias(entity.name_fr)), alias_key(Alias(entity.name_en))):
                raise KnowledgeError(
                    f"{spec.where}: {name!r} is excluded but still the name shown;"
                    " give name_fr / name_en"
                )

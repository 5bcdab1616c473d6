"""Every country ISO 3166-1 knows, named in French and English from pycountry.

The curated ``[[country]]`` entries of the resources add the names the texts
use and override pycountry where its official form is not what a reader says
(« Russie » rather than « Russie, Fédération de »). A name pycountry gives to
two countries (« Corée » would be both Koreas) is given to neither.
"""

from __future__ import annotations

import gettext
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pycountry

from natoapp.knowledge.aliases import alias_key
from natoapp.knowledge.model import Alias, Entity, EntityKind

# "Iran, République islamique d'" reads "République islamique d'Iran" once turned round.
_INVERTED_ENDINGS = (" de", " d'", " du", " des", " de la", " of", " of the")
_INVERTED_WORDS = frozenset({"Îles", "Île", "British", "U.S."})


@dataclass(frozen=True, slots=True)
class IsoNames:
    """How pycountry names one country: the names to show and other names it knows."""

    code: str
    name_fr: str
    name_en: str
    aliases: tuple[Alias, ...]


def turn_round(name: str) -> str:
    """Turn an ISO list form round: "Corée, République de" -> "République de Corée".

    Names whose comma is not of that kind ("Bonaire, Saint-Eustache et Saba") are
    returned unchanged.
    """
    head, sep, tail = name.partition(", ")
    if not sep:
        return name
    if tail.endswith("'"):
        return f"{tail}{head}"
    if tail.endswith(_INVERTED_ENDINGS) or tail in _INVERTED_WORDS:
        turned = f"{tail} {head}"
        return turned[4:] if turned.startswith("The ") else turned
    return name


def iso_names() -> list[IsoNames]:
    """Names of every ISO 3166-1 country, French through pycountry's gettext catalogue."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    out = []
    for country in pycountry.countries:
        name = str(country.name)
        common = getattr(country, "common_name", None)
        official = getattr(country, "official_name", None)
        name_en = str(common) if common else turn_round(name)
        name_fr = french(str(common)) if common else turn_round(french(name))
        aliases = [
            Alias(turn_round(french(name)), "fr", "name"),
            Alias(turn_round(name), "en", "name"),
        ]
        if official:
            aliases.append(Alias(french(str(official)), "fr", "variant"))
            aliases.append(Alias(str(official), "en", "variant"))
        out.append(IsoNames(str(country.alpha_2), name_fr, name_en, tuple(aliases)))
    return out


def country_entities(
    curated: Mapping[str, Entity],
    owner_of: Callable[[str], str | None],
    excluded: Mapping[str, frozenset[str]] | None = None,
) -> list[Entity]:
    """One entity per ISO country: the curated one completed with pycountry's names.

    ``curated`` maps codes to the entities written in the resources (an empty
    name means "pycountry's"); ``owner_of(alias_key)`` names the curated entity
    that already owns a name, to which pycountry's names give way; ``excluded``
    maps codes to the alias keys of pycountry names not to use for that country.
    """
    excluded = excluded or {}
    names = iso_names()
    owners: dict[str, set[str]] = defaultdict(set)
    for iso in names:
        for alias in _iso_aliases(iso):
            owners[alias_key(alias)].add(iso.code)
    entities = []
    for iso in names:
        dropped = excluded.get(iso.code, frozenset())
        extra = tuple(
            alias
            for alias in _iso_aliases(iso)
            if owners[alias_key(alias)] == {iso.code}
            and owner_of(alias_key(alias)) in (None, iso.code)
            and alias_key(alias) not in dropped
        )
        own = curated.get(iso.code)
        if own is None:
            entities.append(
                Entity(
                    id=iso.code,
                    kind=EntityKind.COUNTRY,
                    name_fr=iso.name_fr,
                    name_en=iso.name_en,
                    aliases=_merge((), extra),
                    relevant=False,
                )
            )
            continue
        entities.append(
            Entity(
                id=iso.code,
                kind=EntityKind.COUNTRY,
                name_fr=own.name_fr or iso.name_fr,
                name_en=own.name_en or iso.name_en,
                aliases=_merge(own.aliases, extra),
                description=own.description,
                description_fr=own.description_fr,
                sources=own.sources,
                relevant=own.relevant,
            )
        )
    return entities


def _iso_aliases(iso: IsoNames) -> Iterable[Alias]:
    yield Alias(iso.name_fr, "fr", "name")
    yield Alias(iso.name_en, "en", "name")
    yield from iso.aliases


def _merge(first: Iterable[Alias], second: Iterable[Alias]) -> tuple[Alias, ...]:
    seen: set[str] = set()
    out = []
    for alias in [*first, *second]:
        key = alias_key(alias)
        if key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out)

"""What the map shows, read from the library: frameworks, their members, and each country.

:func:`load_map_data` only calls :class:`Library` methods and returns frozen values, so it
may run on a worker thread with that thread's own library (:func:`read_map_data` opens
one). Which countries are coloured comes from ``Library.members`` alone: nothing here
knows who belongs to what.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from natoapp.citation import format_reference, source_for
from natoapp.store.library import Library
from natoapp.store.records import EntityInfo, EvidenceInfo, FrameworkNode, RelationInfo
from natoapp.ui.user_library import open_library

MEMBER = "member"

# Tableau 10 without its grey (kept for countries in no framework): distinct hues that stay
# apart for most readers and read on light and dark backgrounds alike.
FRAMEWORK_PALETTE: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#edc948",
    "#76b7b2",
    "#ff9da7",
    "#9c755f",
)


def palette_colour(index: int) -> str:
    """The colour of the ``index``-th coloured framework (more hues past the palette)."""
    if index < len(FRAMEWORK_PALETTE):
        return FRAMEWORK_PALETTE[index]
    # Golden-ratio steps round the colour wheel keep extra hues apart from each other.
    hue = (0.11 + 0.618034 * index) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.55, 0.55)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


@dataclass(frozen=True, slots=True)
class MapFramework:
    """A framework as the map shows it; ``colour`` is None when no member is stated."""

    entity: EntityInfo
    depth: int  # 0 for a top framework, 1 for one nested in it...
    members: tuple[str, ...]  # country ids, sorted
    colour: str | None

    @property
    def id(self) -> str:
        """The framework's entity id."""
        return self.entity.id


@dataclass(frozen=True, slots=True)
class MapCountry:
    """A country, its memberships and its other relations to frameworks, with evidence."""

    entity: EntityInfo
    memberships: tuple[RelationInfo, ...] = ()  # in the map's framework order
    other_relations: tuple[RelationInfo, ...] = ()  # "intends to join"...: not membership


@dataclass(frozen=True, slots=True)
class MapData:
    """Everything the map draws; ``references`` maps a passage id to its citation line."""

    frameworks: tuple[MapFramework, ...] = ()
    countries: Mapping[str, MapCountry] = field(default_factory=lambda: MappingProxyType({}))
    references: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def framework(self, framework_id: str) -> MapFramework | None:
        """The framework with id ``framework_id``, or None."""
        return next((f for f in self.frameworks if f.id == framework_id), None)

    def frameworks_of(self, country_id: str) -> tuple[str, ...]:
        """The ids of the frameworks ``country_id`` is a member of, in the map's order."""
        country = self.countries.get(country_id)
        return tuple(r.object for r in country.memberships) if country is not None else ()

    def reference(self, evidence: EvidenceInfo) -> str:
        """The citation line of the passage ``evidence`` comes from (its id if unknown)."""
        return self.references.get(evidence.passage, evidence.passage)


def framework_order(tree: Sequence[FrameworkNode]) -> Iterator[tuple[FrameworkNode, int]]:
    """Every framework node depth first, each with its depth: the order of the legend.

    The order (and so each framework's colour) follows the library's tree, which sorts by
    the French names: it does not change with the interface language.
    """
    seen: set[str] = set()

    def walk(node: FrameworkNode, depth: int) -> Iterator[tuple[FrameworkNode, int]]:
        if node.framework.id in seen:
            return
        seen.add(node.framework.id)
        yield node, depth
        for child in node.children:
            yield from walk(child, depth + 1)

    for root in tree:
        yield from walk(root, 0)


def load_map_data(library: Library) -> MapData:
    """Read the frameworks, their members and every country from ``library``."""
    frameworks: list[MapFramework] = []
    colours = 0
    for node, depth in framework_order(library.framework_tree()):
        members = tuple(sorted({r.subject for r in node.members if r.kind == MEMBER}))
        colour = palette_colour(colours) if members else None
        colours += 1 if members else 0
        frameworks.append(MapFramework(node.framework, depth, members, colour))
    order = {f.id: i for i, f in enumerate(frameworks)}

    memberships: dict[str, list[RelationInfo]] = {}
    others: dict[str, list[RelationInfo]] = {}
    for framework in frameworks:
        for relation in library.relations(framework.id):
            if relation.object != framework.id or relation.subject in order:
                continue
            target = memberships if relation.kind == MEMBER else others
            target.setdefault(relation.subject, []).append(relation)

    def in_order(relations: list[RelationInfo]) -> tuple[RelationInfo, ...]:
        return tuple(sorted(relations, key=lambda r: (order[r.object], r.kind, r.id)))

    countries = {
        entity.id: MapCountry(
            entity,
            in_order(memberships.get(entity.id, [])),
            in_order(others.get(entity.id, [])),
        )
        for entity in library.entities("country")
    }
    evidence = {
        e
        for country in countries.values()
        for r in country.memberships + country.other_relations
        for e in r.evidence
    }
    return MapData(
        frameworks=tuple(frameworks),
        countries=MappingProxyType(countries),
        references=MappingProxyType(_references(library, evidence)),
    )


def read_map_data(library_path: Path) -> MapData:
    """:func:`load_map_data` on a library of its own: call it on a worker thread."""
    with open_library(library_path) as library:
        return load_map_data(library)


def _references(library: Library, evidence: set[EvidenceInfo]) -> dict[str, str]:
    documents = {d.id: d for d in library.documents()}
    references: dict[str, str] = {}
    for item in evidence:
        if item.passage in references or item.doc not in documents:
            continue
        passage = library.passage(item.passage)
        references[item.passage] = format_reference(
            source_for(documents[item.doc], passage), "plain"
        )
    return references

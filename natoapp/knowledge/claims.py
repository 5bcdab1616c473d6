"""Turning curated claims into relations backed by evidence.

Each claim quotes the passage that states it. Claims of the same kind between
the same two entities become one relation with all their evidence. Which kinds
of entity a relation may join is fixed here, so that, for instance, nothing can
be recorded as a member of NATO itself or of a country.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from natoapp.knowledge.catalog import ClaimSpec
from natoapp.knowledge.model import Entity, EntityKind, Evidence, KnowledgeError, Relation
from natoapp.knowledge.quotes import QuoteLocator

MEMBER = "member"

_COUNTRY = frozenset({EntityKind.COUNTRY})
_PARTNERS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION})
_ANY = frozenset(EntityKind)


@dataclass(frozen=True, slots=True)
class RelationKind:
    """A kind of relation: what it means and which entities it may join."""

    name: str
    meaning: str
    subjects: frozenset[EntityKind]
    objects: frozenset[EntityKind]


RELATION_KINDS: Mapping[str, RelationKind] = MappingProxyType(
    {
        kind.name: kind
        for kind in (
            RelationKind(
                MEMBER, "is a member of the framework", _COUNTRY, frozenset({EntityKind.FRAMEWORK})
            ),
            RelationKind(
                "aspires_to_membership",
                "wishes to become a member of",
                _COUNTRY,
                frozenset({EntityKind.ORGANISATION, EntityKind.FRAMEWORK}),
            ),
            RelationKind(
                "intends_to_join",
                "intends to join, and is not yet a member of",
                _COUNTRY,
                frozenset({EntityKind.FRAMEWORK, EntityKind.ORGANISATION}),
            ),
            RelationKind(
                "participated_in", "took part in", _PARTNERS, frozenset({EntityKind.EVENT})
            ),
            RelationKind("contributed_to", "contributed to", _PARTNERS, _ANY),
            RelationKind(
                "opened_mission_to",
                "opened a diplomatic mission to",
                _COUNTRY,
                frozenset({EntityKind.ORGANISATION}),
            ),
            RelationKind(
                "attended", "was represented at", _PARTNERS, frozenset({EntityKind.EVENT})
            ),
            RelationKind(
                "cooperates_with",
                "cooperates with",
                _PARTNERS,
                frozenset({EntityKind.ORGANISATION, EntityKind.COUNTRY}),
            ),
        )
    }
)


def make_relations(
    claims: Iterable[ClaimSpec], entities: Mapping[str, Entity], quotes: QuoteLocator
) -> list[Relation]:
    """One relation per (kind, subject, object), with the evidence of every claim stating it.

    Raises :class:`KnowledgeError` naming the claim for an unknown kind or
    entity, entities of the wrong kind, a quote not found in the document, or
    two claims giving the same relation different dates.
    """
    grouped: dict[tuple[str, str, str], list[tuple[ClaimSpec, Evidence]]] = {}
    for claim in claims:
        kind = _relation_kind(claim)
        evidence = quotes.locate(claim.doc, claim.quote, claim.where)
        _check_entity(claim, claim.object, kind.objects, entities, "object")
        for subject in claim.subjects:
            _check_entity(claim, subject, kind.subjects, entities, "subject")
            if subject == claim.object:
                raise KnowledgeError(f"{claim.where}: {subject!r} cannot be related to itself")
            grouped.setdefault((claim.kind, subject, claim.object), []).append((claim, evidence))
    return [_relation(key, stated) for key, stated in grouped.items()]


def _relation_kind(claim: ClaimSpec) -> RelationKind:
    kind = RELATION_KINDS.get(claim.kind)
    if kind is None:
        known = ", ".join(RELATION_KINDS)
        raise KnowledgeError(f"{claim.where}: unknown kind {claim.kind!r} (known: {known})")
    return kind


def _check_entity(
    claim: ClaimSpec,
    entity_id: str,
    allowed: frozenset[EntityKind],
    entities: Mapping[str, Entity],
    role: str,
) -> None:
    entity = entities.get(entity_id)
    if entity is None:
        raise KnowledgeError(f"{claim.where}: unknown {role} {entity_id!r}")
    if entity.kind not in allowed:
        wanted = " or ".join(sorted(k.value for k in allowed))
        raise KnowledgeError(
            f"{claim.where}: the {role} of a {claim.kind!r} relation must be a {wanted},"
            f" and {entity_id!r} is a {entity.kind.value}"
        )


def _relation(key: tuple[str, str, str], stated: list[tuple[ClaimSpec, Evidence]]) -> Relation:
    kind, subject, obj = key
    dates = {claim.date for claim, _ in stated if claim.date}
    if len(dates) > 1:
        where = "; ".join(claim.where for claim, _ in stated)
        raise KnowledgeError(f"{where}: the claims give {kind} {subject} -> {obj} different dates")
    notes = list(dict.fromkeys(claim.note for claim, _ in stated if claim.note))
    evidence = tuple(sorted(dict.fromkeys(e for _, e in stated), key=_reading_order))
    return Relation(
        kind=kind,
        subject=subject,
        object=obj,
        evidence=evidence,
        date=dates.pop() if dates else None,
        note="; ".join(notes) if notes else None,
    )


def _reading_order(evidence: Evidence) -> tuple[str, int, str]:
    ordinal = evidence.passage.rpartition(":")[2]
    return evidence.doc, int(ordinal) if ordinal.isdigit() else 0, evidence.quote

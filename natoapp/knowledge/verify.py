"""Checks that the curated knowledge holds together and against the texts.

Each check raises :class:`KnowledgeError` with a message naming the file and
the entry at fault. They guard against the mistakes that would show a reader
something the texts do not say: a framework nested in nothing, one name for two
entities, a claim whose quotes never name its subject (a typo in a country code
would otherwise make the wrong country a member), or a membership that the
curated « not_member » list refuses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from natoapp.knowledge.aliases import AliasMatcher, alias_conflicts
from natoapp.knowledge.catalog import ClaimSpec, EntitySpec, Rejection
from natoapp.knowledge.claims import MEMBER
from natoapp.knowledge.model import Entity, EntityKind, KnowledgeError, Relation


def check_parents(specs: Sequence[EntitySpec], entities: Mapping[str, Entity]) -> None:
    """Every ``parent`` is a known framework and nesting never goes round in a circle."""
    for spec in specs:
        if spec.parent is None:
            continue
        parent = entities.get(spec.parent)
        if parent is None:
            raise KnowledgeError(f"{spec.where}: unknown parent {spec.parent!r}")
        if parent.kind is not EntityKind.FRAMEWORK:
            raise KnowledgeError(f"{spec.where}: parent {spec.parent!r} is not a framework")
        seen = {spec.id}
        current: str | None = spec.parent
        while current is not None:
            if current in seen:
                raise KnowledgeError(
                    f"{spec.where}: frameworks nested in a circle through {current!r}"
                )
            seen.add(current)
            current = entities[current].parent


def check_aliases(entities: Iterable[Entity], specs: Sequence[EntitySpec]) -> None:
    """No name belongs to two entities (a name for two things designates neither)."""
    where = {spec.id: spec.where for spec in specs}
    for pairs in alias_conflicts(entities).values():
        owners = list(dict.fromkeys(entity for entity, _ in pairs))
        first = next((where[e] for e in owners if e in where), f"entity {owners[0]!r}")
        names = ", ".join(f"{entity} ({text!r})" for entity, text in pairs)
        raise KnowledgeError(f"{first}: the same name is given to several entities: {names}")


def check_rejections(
    rejections: Sequence[Rejection], entities: Mapping[str, Entity], relations: Sequence[Relation]
) -> None:
    """Rejections name known entities, and no membership contradicts one."""
    for rejection in rejections:
        for subject in rejection.subjects:
            if subject not in entities:
                raise KnowledgeError(f"{rejection.where}: unknown subject {subject!r}")
        if rejection.framework is not None:
            framework = entities.get(rejection.framework)
            if framework is None:
                raise KnowledgeError(
                    f"{rejection.where}: unknown framework {rejection.framework!r}"
                )
            if framework.kind is not EntityKind.FRAMEWORK:
                raise KnowledgeError(
                    f"{rejection.where}: {rejection.framework!r} is not a framework"
                )
        for relation in relations:
            if relation.kind == MEMBER and rejection.rejects(relation.subject, relation.object):
                raise KnowledgeError(
                    f"{rejection.where}: contradicts the claim that {relation.subject} is a member"
                    f" of {relation.object} (quoting {relation.evidence[0].passage})"
                )


def check_named(
    relations: Sequence[Relation], claims: Sequence[ClaimSpec], matcher: AliasMatcher
) -> None:
    """Some quote of each relation names its subject; a membership's also names its framework."""
    for relation in relations:
        named: set[str] = set()
        for evidence in relation.evidence:
            named.update(match.entity for match in matcher.match(evidence.quote))
        missing = [relation.subject] if relation.subject not in named else []
        if relation.kind == MEMBER and relation.object not in named:
            missing.append(relation.object)
        if missing:
            where = next(
                (
                    c.where
                    for c in claims
                    if c.kind == relation.kind
                    and relation.subject in c.subjects
                    and c.object == relation.object
                ),
                f"{relation.kind} {relation.subject} -> {relation.object}",
            )
            raise KnowledgeError(
                f"{where}: no quote of this claim names {' or '.join(repr(m) for m in missing)}"
                f" (passages {', '.join(e.passage for e in relation.evidence)})"
            )

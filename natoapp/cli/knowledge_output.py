"""Frameworks, countries and entities as the command line prints them.

Shapes (a contract):
- framework: ``{id, name, name_fr, name_en, aliases, members: [related], children: [framework],
  <other relation kind>: [related], ...}``
- related entity: ``{id, name, name_fr, aliases, evidence: [{doc, passage, quote}]}``
- country: ``{id, name, name_fr, name_en, aliases, mentions, frameworks: [related],
  <other relation kind>: [related], ...}``
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from natoapp.store.library import Library
from natoapp.store.records import EntityInfo, MentionInfo, RelationInfo

MEMBER = "member"


def _evidence(relation: RelationInfo) -> list[dict[str, str]]:
    return [{"doc": e.doc, "passage": e.passage, "quote": e.quote} for e in relation.evidence]


def _related(entity: EntityInfo, relation: RelationInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entity.id,
        "name": entity.name_en,
        "name_fr": entity.name_fr,
        "aliases": list(entity.aliases),
        "evidence": _evidence(relation),
    }
    if relation.date:
        data["date"] = relation.date
    if relation.note:
        data["note"] = relation.note
    return data


def _names(entity: EntityInfo) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name_en,
        "name_fr": entity.name_fr,
        "name_en": entity.name_en,
        "aliases": list(entity.aliases),
    }


def frameworks_json(lib: Library) -> list[dict[str, Any]]:
    """Every framework with its members and other relations, nested by parent."""
    frameworks = lib.entities("framework")
    by_id = {f.id: f for f in frameworks}
    children: dict[str | None, list[EntityInfo]] = defaultdict(list)
    for framework in frameworks:
        parent = framework.parent if framework.parent in by_id else None
        children[parent].append(framework)

    def node(framework: EntityInfo) -> dict[str, Any]:
        data = _names(framework)
        data["members"] = []
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for relation in lib.relations(framework.id):
            if relation.object != framework.id:
                continue
            subject = lib.entity(relation.subject)
            if subject is None:
                continue
            key = "members" if relation.kind == MEMBER else relation.kind
            grouped[key].append(_related(subject, relation))
        data["members"] = sorted(grouped.pop("members", []), key=lambda m: m["name"])
        data["children"] = [node(child) for child in children[framework.id]]
        for kind in sorted(grouped):
            data[kind] = sorted(grouped[kind], key=lambda m: m["name"])
        return data

    return [node(f) for f in children[None]]


def countries_json(lib: Library) -> list[dict[str, Any]]:
    """Every country the texts mention or relate, with its frameworks and other relations."""
    out = []
    for country in lib.entities("country"):
        relations = [r for r in lib.relations(country.id) if r.subject == country.id]
        mentions = lib.mention_count(country.id)
        if not relations and not mentions:
            continue
        data = _names(country)
        data["mentions"] = mentions
        data["frameworks"] = []
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for relation in relations:
            target = lib.entity(relation.object)
            if target is None:
                continue
            key = "frameworks" if relation.kind == MEMBER else relation.kind
            grouped[key].append(_related(target, relation))
        data["frameworks"] = grouped.pop("frameworks", [])
        for kind in sorted(grouped):
            data[kind] = grouped[kind]
        out.append(data)
    return sorted(out, key=lambda c: c["name"])


def entity_json(lib: Library, entity_id: str) -> dict[str, Any]:
    """One entity with all its relations (either side) and its mention count."""
    entity = lib.entity(entity_id)
    assert entity is not None
    data = _names(entity)
    data.update(
        kind=entity.kind,
        parent=entity.parent,
        date=entity.date,
        role=entity.role,
        mentions=lib.mention_count(entity.id),
    )
    relations = []
    for relation in lib.relations(entity.id):
        other_id = relation.object if relation.subject == entity.id else relation.subject
        other = lib.entity(other_id)
        relations.append(
            {
                "kind": relation.kind,
                "subject": relation.subject,
                "object": relation.object,
                "other": other_id,
                "other_name": other.name_en if other else other_id,
                "date": relation.date,
                "evidence": _evidence(relation),
            }
        )
    data["relations"] = relations
    return data


def mention_json(mention: MentionInfo) -> dict[str, Any]:
    """A mention for ``natoapp mentions --json``."""
    return {
        "doc": mention.doc,
        "passage": mention.passage,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
    }


def _quote_lines(evidence: list[dict[str, str]], indent: str) -> list[str]:
    return [f"{indent}« {e['quote']} » [{e['passage']}]" for e in evidence]


def frameworks_text(tree: list[dict[str, Any]], depth: int = 0) -> str:
    """The framework tree, members indented under each, with their evidence."""
    lines: list[str] = []
    pad = "  " * depth
    for framework in tree:
        lines.append(f"{pad}{framework['name']} — {framework['name_fr']} [{framework['id']}]")
        for member in framework["members"]:
            lines.append(f"{pad}  • {member['name']} ({member['id']})")
            lines += _quote_lines(member["evidence"], pad + "      ")
        for key, value in framework.items():
            if key in ("members", "children", "aliases") or not isinstance(value, list):
                continue
            for other in value:
                lines.append(f"{pad}  ◦ {key.replace('_', ' ')}: {other['name']} ({other['id']})")
        if framework["children"]:
            lines.append(frameworks_text(framework["children"], depth + 1))
    return "\n".join(lines)


def countries_text(countries: list[dict[str, Any]]) -> str:
    """A line a country: its frameworks and other relations."""
    lines = []
    for country in countries:
        parts = [f["name"] for f in country["frameworks"]]
        for key, value in country.items():
            if isinstance(value, list) and key not in ("frameworks", "aliases"):
                parts += [f"{key.replace('_', ' ')} {v['name']}" for v in value]
        summary = "; ".join(parts) if parts else "mentioned only"
        lines.append(f"{country['id']}  {country['name']:<28} {summary}")
    return "\n".join(lines)


def entity_text(data: dict[str, Any]) -> str:
    """An entity's names, kind, mention count and relations with evidence."""
    lines = [
        f"{data['name_en']} — {data['name_fr']} [{data['id']}, {data['kind']}]",
        f"aliases: {', '.join(data['aliases']) or '—'}",
        f"mentions: {data['mentions']}",
    ]
    for key in ("role", "date", "parent"):
        if data.get(key):
            lines.append(f"{key}: {data[key]}")
    for relation in data["relations"]:
        lines.append(f"{relation['kind'].replace('_', ' ')}: {relation['other_name']}")
        lines += _quote_lines(relation["evidence"], "    ")
    return "\n".join(lines)


def mentions_text(mentions: list[dict[str, Any]]) -> str:
    """A line a mention: passage id, offsets, the text as written."""
    if not mentions:
        return "no mentions"
    return "\n".join(f"{m['passage']}  {m['start']}-{m['end']}  {m['text']}" for m in mentions)


def frameworks_markdown(tree: list[dict[str, Any]], depth: int = 0) -> str:
    """The framework tree as Markdown: members, then each distinct quote that backs them."""
    blocks: list[str] = []
    for framework in tree:
        heading = "#" * min(3 + depth, 6)
        blocks.append(f"{heading} {framework['name']} — *{framework['name_fr']}*")
        members = framework["members"]
        names = ", ".join(f"{m['name']} ({m['id']})" for m in members) or "none stated"
        blocks.append(f"Members ({len(members)}): {names}.")
        quotes: dict[tuple[str, str], list[str]] = {}
        for member in members:
            for evidence in member["evidence"]:
                quotes.setdefault((evidence["passage"], evidence["quote"]), []).append(member["id"])
        for (passage, quote), ids in quotes.items():
            blocks.append(f"> « {quote} » — `{passage}` ({', '.join(ids)})")
        for key, value in framework.items():
            if key in ("members", "children", "aliases") or not isinstance(value, list):
                continue
            others = ", ".join(f"{v['name']} ({v['id']})" for v in value)
            blocks.append(f"Not members — {key.replace('_', ' ')}: {others}.")
        if framework["children"]:
            blocks.append(frameworks_markdown(framework["children"], depth + 1))
    return "\n\n".join(blocks)

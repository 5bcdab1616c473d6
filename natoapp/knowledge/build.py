"""Building the knowledge base: curated data checked against the texts, mentions found."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from natoapp.corpus.model import Document
from natoapp.knowledge.aliases import AliasMatcher
from natoapp.knowledge.catalog import Catalog, ClaimSpec, EntitySpec, load_catalog
from natoapp.knowledge.claims import make_relations
from natoapp.knowledge.entities import make_entities
from natoapp.knowledge.mentions import find_all_mentions
from natoapp.knowledge.model import KnowledgeBase
from natoapp.knowledge.quotes import QuoteLocator
from natoapp.knowledge.verify import check_aliases, check_named, check_parents, check_rejections


def build_knowledge(
    documents: Sequence[Document],
    resources_dir: Path,
    *,
    skip_missing_documents: bool = False,
) -> KnowledgeBase:
    """Entities, their mentions in ``documents``, and relations with evidence.

    The curated data is read from ``resources_dir/knowledge/*.toml``. Any entry
    that does not hold — malformed, naming an unknown entity, quoting a
    sentence that is not in its document — raises :class:`KnowledgeError` with a
    message naming the file, the entry and the passage. With
    ``skip_missing_documents`` a claim or source citing a document absent from
    ``documents`` is left out and listed in ``KnowledgeBase.notes`` instead.
    Mentions are found in every document, curated or not.
    """
    catalog = load_catalog(Path(resources_dir))
    quotes = QuoteLocator(documents)
    notes: list[str] = []
    if skip_missing_documents:
        catalog = _without_missing(catalog, quotes, notes)
    entities = make_entities(catalog.entities, quotes)
    by_id = {entity.id: entity for entity in entities}
    check_parents(catalog.entities, by_id)
    check_aliases(entities, catalog.entities)
    relations = make_relations(catalog.claims, by_id, quotes)
    matcher = AliasMatcher(entities)
    check_named(relations, catalog.claims, matcher)
    check_rejections(catalog.rejections, by_id, relations)
    mentions = find_all_mentions(documents, matcher)
    return KnowledgeBase(entities=entities, mentions=mentions, relations=relations, notes=notes)


def _without_missing(catalog: Catalog, quotes: QuoteLocator, notes: list[str]) -> Catalog:
    claims: list[ClaimSpec] = []
    for claim in catalog.claims:
        if quotes.has_document(claim.doc):
            claims.append(claim)
        else:
            notes.append(f"{claim.where}: left out, document {claim.doc!r} is not among the texts")
    specs: list[EntitySpec] = []
    for spec in catalog.entities:
        sources = tuple(s for s in spec.sources if quotes.has_document(s.doc))
        if sources == spec.sources:
            specs.append(spec)
            continue
        missing = sorted({s.doc for s in spec.sources} - {s.doc for s in sources})
        if sources:
            notes.append(
                f"{spec.where}: a source left out, {', '.join(missing)} not among the texts"
            )
            specs.append(dataclasses.replace(spec, sources=sources))
        else:
            # Without its sources nothing the entry states about the entity stands.
            notes.append(
                f"{spec.where}: date, role and description left out,"
                f" {', '.join(missing)} not among the texts"
            )
            specs.append(
                dataclasses.replace(
                    spec,
                    sources=(),
                    date=None,
                    role_en=None,
                    role_fr=None,
                    description_en=None,
                    description_fr=None,
                )
            )
    return dataclasses.replace(catalog, entities=tuple(specs), claims=tuple(claims))

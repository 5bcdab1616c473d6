"""The knowledge layer: entities, their mentions, and relations backed by quoted evidence.

``build_knowledge(documents, resources_dir)`` is the entry point; the alias
matcher is reusable on any text (``AliasMatcher(kb.entities).match(text)``).
"""

from natoapp.knowledge.aliases import AliasMatch, AliasMatcher
from natoapp.knowledge.build import build_knowledge
from natoapp.knowledge.catalog import Catalog, Rejection, load_catalog
from natoapp.knowledge.claims import RELATION_KINDS
from natoapp.knowledge.mentions import find_mentions
from natoapp.knowledge.model import (
    Alias,
    Entity,
    EntityKind,
    Evidence,
    KnowledgeBase,
    KnowledgeError,
    Mention,
    Relation,
)
from natoapp.knowledge.rules import propose_candidates, unreviewed_candidates
from natoapp.knowledge.suggest import suggest

__all__ = [
    "RELATION_KINDS",
    "Alias",
    "AliasMatch",
    "AliasMatcher",
    "Catalog",
    "Entity",
    "EntityKind",
    "Evidence",
    "KnowledgeBase",
    "KnowledgeError",
    "Mention",
    "Rejection",
    "Relation",
    "build_knowledge",
    "find_mentions",
    "load_catalog",
    "propose_candidates",
    "suggest",
    "unreviewed_candidates",
]

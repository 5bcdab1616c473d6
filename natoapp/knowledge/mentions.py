"""Mentions: where each entity is named in each passage."""

from __future__ import annotations

from collections.abc import Iterable

from natoapp.corpus.model import Document, Passage
from natoapp.knowledge.aliases import AliasMatcher
from natoapp.knowledge.model import Mention


def find_mentions(passage: Passage, matcher: AliasMatcher) -> list[Mention]:
    """Every entity named in ``passage``, in reading order, offsets into ``passage.text``."""
    return [
        Mention(
            entity=match.entity,
            doc=passage.doc,
            passage=passage.id,
            start=match.start,
            end=match.end,
            text=passage.text[match.start : match.end],
        )
        for match in matcher.match(passage.text)
    ]


def find_all_mentions(documents: Iterable[Document], matcher: AliasMatcher) -> list[Mention]:
    """The mentions in every passage of ``documents``, document by document in reading order."""
    mentions: list[Mention] = []
    for document in documents:
        for passage in sorted(document.passages, key=lambda p: p.ordinal):
            mentions.extend(find_mentions(passage, matcher))
    return mentions

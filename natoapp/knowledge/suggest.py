"""Closest known names, for an "unknown name — did you mean …?" message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from natoapp.corpus.normalize import fold
from natoapp.knowledge.aliases import entity_aliases
from natoapp.knowledge.model import Entity

_CUTOFF = 0.6  # difflib's own default: below it a "suggestion" is noise


def suggest(name: str, entities: Iterable[Entity], n: int = 3) -> list[str]:
    """Up to ``n`` known names closest to ``name``, best first, one per entity.

    Names are compared folded (no case, accents or dash differences), so
    "koweit" suggests "Koweït". Entities the texts are about win ties over the
    rest of the ISO list.
    """
    wanted = " ".join(fold(name).split())
    if not wanted or n <= 0:
        return []
    scored: list[tuple[float, bool, str, str]] = []
    for entity in entities:
        for alias in entity_aliases(entity):
            folded = " ".join(fold(alias.text).split())
            matcher = difflib.SequenceMatcher(None, wanted, folded)
            if (
                matcher.real_quick_ratio() >= _CUTOFF
                and matcher.quick_ratio() >= _CUTOFF
                and (score := matcher.ratio()) >= _CUTOFF
            ):
                # A misspelling helps find the entity but is not a name to offer.
                shown = entity.name_fr if alias.kind == "misspelling" else alias.text
                scored.append((score, entity.relevant, entity.id, shown))
    scored.sort(key=lambda s: (-s[0], not s[1], s[3]))
    names: list[str] = []
    seen: set[str] = set()
    for _, _, entity_id, text in scored:
        if entity_id not in seen:
            seen.add(entity_id)
            names.append(text)
        if len(names) == n:
            break
    return names

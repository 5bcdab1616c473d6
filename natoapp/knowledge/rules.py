"""Rules that propose memberships from the wording of the texts, for review only.

The knowledge base never takes a membership from these rules: memberships come
from curated claims alone. The rules are deliberately generous — any list of
countries near the name of a framework — so that a test can check that every
membership they can see has been decided by a person, either as a claim or as
a « not_member » entry with its reason. A text that names countries near a
framework without making them members (« comptent rejoindre », the list of
those who attended a meeting) is exactly what they are there to surface.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from natoapp.corpus.model import Document
from natoapp.corpus.normalize import fold
from natoapp.knowledge.catalog import Rejection
from natoapp.knowledge.claims import MEMBER
from natoapp.knowledge.model import EntityKind, Evidence, KnowledgeBase, Mention, Relation
from natoapp.knowledge.sentences import sentence_spans

# Words that may stand between the items of a list of countries.
_LIST_WORDS = frozenset(
    {"et", "ou", "l", "le", "la", "les", "de", "du", "des", "d", "au", "aux", "ainsi", "que"}
)
_LIST_PUNCTUATION = re.compile(r"[\s,;'\-]*")
_WORD = re.compile(r"[^\W\d_]+")


def propose_candidates(documents: Sequence[Document], kb: KnowledgeBase) -> list[Relation]:
    """Possible memberships: each country of a list, with each framework named nearby.

    A list is two or more countries one after the other in a sentence. The
    framework is one named in the same sentence, else in the same passage, else
    the last one named before it in the document. The evidence is the sentence.
    """
    kinds = {e.id: e.kind for e in kb.entities}
    by_passage: dict[str, list[Mention]] = defaultdict(list)
    for mention in kb.mentions:
        by_passage[mention.passage].append(mention)
    seen: set[tuple[str, str, str]] = set()
    candidates: list[Relation] = []
    for document in documents:
        earlier: list[str] = []
        for passage in sorted(document.passages, key=lambda p: p.ordinal):
            mentions = sorted(by_passage.get(passage.id, []), key=lambda m: m.start)
            in_passage = _frameworks(mentions, kinds)
            for start, end in sentence_spans(passage.text):
                inside = [m for m in mentions if start <= m.start and m.end <= end]
                frameworks = _frameworks(inside, kinds) or in_passage or earlier
                for group in _lists(passage.text, inside, kinds):
                    for country in group:
                        for framework in frameworks:
                            key = (country, framework, passage.id)
                            if key in seen:
                                continue
                            seen.add(key)
                            evidence = Evidence(document.id, passage.id, passage.text[start:end])
                            candidates.append(Relation(MEMBER, country, framework, (evidence,)))
            if in_passage:
                earlier = in_passage
    return candidates


def unreviewed_candidates(
    candidates: Sequence[Relation], kb: KnowledgeBase, rejections: Sequence[Rejection]
) -> list[Relation]:
    """The candidates that are neither a curated membership nor refused by a rejection."""
    members = {(r.subject, r.object) for r in kb.relations if r.kind == MEMBER}
    return [
        c
        for c in candidates
        if (c.subject, c.object) not in members
        and not any(r.rejects(c.subject, c.object) for r in rejections)
    ]


def _frameworks(mentions: Sequence[Mention], kinds: dict[str, EntityKind]) -> list[str]:
    return list(
        dict.fromkeys(m.entity for m in mentions if kinds.get(m.entity) is EntityKind.FRAMEWORK)
    )


def _lists(text: str, mentions: Sequence[Mention], kinds: dict[str, EntityKind]) -> list[list[str]]:
    """Runs of two or more countries separated only by commas, « et », articles..."""
    countries = [m for m in mentions if kinds.get(m.entity) is EntityKind.COUNTRY]
    runs: list[list[Mention]] = []
    for mention in countries:
        if runs and _only_list_glue(text[runs[-1][-1].end : mention.start]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    groups = [list(dict.fromkeys(m.entity for m in run)) for run in runs]
    return [group for group in groups if len(group) > 1]


def _only_list_glue(between: str) -> bool:
    folded = fold(between)
    if any(word not in _LIST_WORDS for word in _WORD.findall(folded)):
        return False
    return _LIST_PUNCTUATION.fullmatch(_WORD.sub("", folded)) is not None

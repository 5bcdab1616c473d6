"""The generous membership rules, and the honesty check they make possible."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from natoapp.corpus.model import Document
from natoapp.knowledge import (
    KnowledgeBase,
    Relation,
    build_knowledge,
    load_catalog,
    propose_candidates,
    unreviewed_candidates,
)


def proposed(candidates: list[Relation], subject: str, obj: str) -> bool:
    return any(c.subject == subject and c.object == obj for c in candidates)


def test_every_membership_the_rules_see_in_the_seeds_has_been_decided(
    seed_documents: tuple[Document, ...], seed_kb: KnowledgeBase, real_resources: Path
) -> None:
    candidates = propose_candidates(seed_documents, seed_kb)
    rejections = load_catalog(real_resources).rejections
    assert unreviewed_candidates(candidates, seed_kb, rejections) == []


def test_the_rules_do_see_the_traps(
    seed_documents: tuple[Document, ...], seed_kb: KnowledgeBase
) -> None:
    candidates = propose_candidates(seed_documents, seed_kb)
    # Listed next to the ICI, but « comptent rejoindre »: proposed, then rejected.
    assert proposed(candidates, "SA", "istanbul-cooperation-initiative")
    assert proposed(candidates, "OM", "istanbul-cooperation-initiative")
    # The Chicago attendees, far below « partenaires du monde entier ».
    assert proposed(candidates, "AT", "partners-across-the-globe")
    # And the real lists.
    assert proposed(candidates, "DZ", "mediterranean-dialogue")
    assert proposed(candidates, "MN", "partners-across-the-globe")


def test_a_candidate_carries_its_sentence_as_evidence(
    seed_documents: tuple[Document, ...], seed_kb: KnowledgeBase
) -> None:
    candidates = propose_candidates(seed_documents, seed_kb)
    saudi = next(
        c for c in candidates if c.subject == "SA" and c.object == "istanbul-cooperation-initiative"
    )
    (evidence,) = saudi.evidence
    assert evidence.doc == "003_cac1df43d34c3008"
    assert evidence.quote.startswith("C’est donc dans le cadre de cette ICI")
    assert evidence.quote.endswith("son premier bureau régional au Koweït.")


def test_a_new_text_listing_countries_near_a_framework_needs_a_decision(
    seed_documents: tuple[Document, ...],
    real_resources: Path,
    make_document: Callable[..., Document],
) -> None:
    added = make_document(
        ["Le Dialogue méditerranéen s'ouvre : la Libye, le Liban et Chypre y sont invités."],
        "new",
    )
    documents = [*seed_documents, added]
    kb = build_knowledge(documents, real_resources)
    unreviewed = unreviewed_candidates(
        propose_candidates(documents, kb), kb, load_catalog(real_resources).rejections
    )
    # Libya is refused for every framework already; Lebanon and Cyprus are new.
    assert {(c.subject, c.object) for c in unreviewed} == {
        ("LB", "mediterranean-dialogue"),
        ("CY", "mediterranean-dialogue"),
    }
    assert {e.passage for c in unreviewed for e in c.evidence} == {"new:1"}


def test_a_single_country_or_a_list_broken_by_other_words_is_no_candidate(
    seed_documents: tuple[Document, ...],
    real_resources: Path,
    make_document: Callable[..., Document],
) -> None:
    added = make_document(
        [
            "Le Dialogue méditerranéen et le Liban.",
            "Le Dialogue méditerranéen, la Libye qui coopère et Chypre qui observe.",
        ],
        "new",
    )
    kb = build_knowledge([added], real_resources, skip_missing_documents=True)
    assert propose_candidates([added], kb) == []

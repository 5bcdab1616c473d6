"""Curated data that does not hold makes the build fail, with a message saying where."""

from __future__ import annotations

from pathlib import Path

import pytest

from natoapp.corpus.model import Document
from natoapp.knowledge import KnowledgeError, build_knowledge


def edit(resources: Path, name: str, old: str, new: str) -> None:
    path = resources / "knowledge" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(resources: Path, name: str, text: str) -> None:
    path = resources / "knowledge" / name
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


def build_error(documents: tuple[Document, ...], resources: Path) -> str:
    with pytest.raises(KnowledgeError) as info:
        build_knowledge(documents, resources)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_the_copy_builds_before_it_is_broken(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    assert build_knowledge(seed_documents, resources_copy).relations


def test_a_claim_quote_not_in_the_text_names_the_claim_and_the_closest_passage(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    edit(resources_copy, "claims.toml", "le Koweït, le Qatar", "le Koweït, l'Irak, le Qatar")
    message = build_error(seed_documents, resources_copy)
    assert message.startswith("knowledge/claims.toml, claim #")
    assert "(member BH, KW, QA, AE -> istanbul-cooperation-initiative)" in message
    assert "quote not found in any passage of 003_cac1df43d34c3008" in message
    assert "the closest passage is 003_cac1df43d34c3008:1" in message


def test_an_entity_source_quote_not_in_the_text_names_the_entity(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    edit(resources_copy, "people.toml", "M. Anders Fogh Rasmussen.", "M. Rasmussen, en 2013.")
    message = build_error(seed_documents, resources_copy)
    assert message.startswith("knowledge/people.toml, person 'anders-fogh-rasmussen', source #1")
    assert "the closest passage is 002_af67e7122fc495c4:" in message


def test_a_claim_naming_an_unknown_entity_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    edit(
        resources_copy, "claims.toml", 'object = "mediterranean-dialogue"', 'object = "med-dialog"'
    )
    message = build_error(seed_documents, resources_copy)
    assert "-> med-dialog): unknown object 'med-dialog'" in message


def test_membership_of_something_other_than_a_framework_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    append(
        resources_copy,
        "claims.toml",
        '[[claim]]\nkind = "member"\nsubject = "GE"\nobject = "nato"\n'
        'doc = "002_af67e7122fc495c4"\nquote = "préparer vos pays à devenir membres"\n',
    )
    message = build_error(seed_documents, resources_copy)
    assert "(member GE -> nato): the object of a 'member' relation must be a framework" in message


def test_an_unknown_relation_kind_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    edit(resources_copy, "claims.toml", 'kind = "intends_to_join"', 'kind = "wants_in"')
    assert "unknown kind 'wants_in'" in build_error(seed_documents, resources_copy)


def test_a_claim_whose_quote_does_not_name_its_subject_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    # A slip of one letter would make North Korea a partner across the globe.
    edit(resources_copy, "claims.toml", '"AU", "JP", "KR", "NZ"', '"AU", "JP", "KP", "NZ"')
    message = build_error(seed_documents, resources_copy)
    assert "(member AU, JP, KP, NZ, PK, IQ, AF, MN -> partners-across-the-globe)" in message
    assert "no quote of this claim names 'KP' (passages 001_9ae11caa2999d0e2:10)" in message


def test_a_membership_contradicting_a_rejection_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    append(
        resources_copy,
        "claims.toml",
        '[[claim]]\nkind = "member"\nsubjects = ["SA", "OM"]\n'
        'object = "istanbul-cooperation-initiative"\ndoc = "003_cac1df43d34c3008"\n'
        "quote = \"dans le cadre de cette ICI, que comptent rejoindre l'Arabie Saoudite et le"
        " sultanat d'Oman\"\n",
    )
    message = build_error(seed_documents, resources_copy)
    assert message.startswith("knowledge/not_members.toml, not_member #1")
    assert "contradicts the claim that SA is a member of istanbul-cooperation-initiative" in message
    assert "003_cac1df43d34c3008:3" in message


def test_a_rejection_naming_an_unknown_framework_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    append(
        resources_copy,
        "not_members.toml",
        '[[not_member]]\nsubject = "TR"\nframework = "nato"\nreason = "r"\n',
    )
    assert "'nato' is not a framework" in build_error(seed_documents, resources_copy)


def test_an_unknown_parent_and_a_circle_of_parents_are_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    edit(
        resources_copy,
        "frameworks.toml",
        'parent = "euro-atlantic-partnership-council"',
        'parent = "nato-georgia-commission"',
    )
    message = build_error(seed_documents, resources_copy)
    assert "frameworks nested in a circle" in message
    assert message.startswith("knowledge/frameworks.toml, framework")


def test_a_name_given_to_two_entities_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    edit(resources_copy, "countries.toml", 'variants = ["Bosnie"]', 'variants = ["Corée"]')
    edit(
        resources_copy, "countries.toml", 'aliases_fr = ["Corée du Sud"]', 'aliases_fr = ["Corée"]'
    )
    message = build_error(seed_documents, resources_copy)
    assert "the same name is given to several entities: " in message
    assert "BA ('Corée')" in message and "KR ('Corée')" in message


def test_excluding_a_name_pycountry_does_not_give_is_refused(
    seed_documents: tuple[Document, ...], resources_copy: Path
) -> None:
    edit(
        resources_copy,
        "countries.toml",
        'exclude_names = ["Réunion"]',
        'exclude_names = ["Reunio"]',
    )
    message = build_error(seed_documents, resources_copy)
    assert "country 'RE': 'Reunio' is not one of pycountry's names for RE" in message

"""The knowledge built from the real seeds: who is a member of what, and what is not membership."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from natoapp.corpus.model import Document
from natoapp.corpus.normalize import fold
from natoapp.knowledge import EntityKind, KnowledgeBase, KnowledgeError, Relation, build_knowledge

FRAMEWORK_MEMBERS = {
    "mediterranean-dialogue": {"DZ", "EG", "IL", "JO", "MA", "MR", "TN"},
    "istanbul-cooperation-initiative": {"BH", "KW", "QA", "AE"},
    "partners-across-the-globe": {"AU", "JP", "KR", "NZ", "PK", "IQ", "AF", "MN"},
    "euro-atlantic-partnership-council": {"RU", "UA", "GE"},
    "partnership-for-peace": {"RU", "UA", "GE"},
    "specific-partner-structures": {"RU", "UA", "GE"},
    "nato-georgia-commission": {"GE"},
    "open-door-policy": set(),
}


def members(kb: KnowledgeBase, framework: str) -> set[str]:
    return {r.subject for r in kb.relations if r.kind == "member" and r.object == framework}


def relations_of(kb: KnowledgeBase, entity: str) -> list[Relation]:
    return [r for r in kb.relations if entity in (r.subject, r.object)]


def kinds_between(kb: KnowledgeBase, subject: str, obj: str) -> set[str]:
    return {r.kind for r in kb.relations if r.subject == subject and r.object == obj}


@pytest.mark.parametrize(("framework", "expected"), sorted(FRAMEWORK_MEMBERS.items()))
def test_each_framework_has_exactly_the_members_the_texts_give(
    seed_kb: KnowledgeBase, framework: str, expected: set[str]
) -> None:
    assert members(seed_kb, framework) == expected


def test_every_framework_is_pinned(seed_kb: KnowledgeBase) -> None:
    frameworks = {e.id for e in seed_kb.entities if e.kind is EntityKind.FRAMEWORK}
    assert frameworks == set(FRAMEWORK_MEMBERS)


def test_only_frameworks_have_members_and_only_countries_are_members(
    seed_kb: KnowledgeBase,
) -> None:
    kinds = {e.id: e.kind for e in seed_kb.entities}
    for r in seed_kb.relations:
        if r.kind == "member":
            assert kinds[r.object] is EntityKind.FRAMEWORK
            assert kinds[r.subject] is EntityKind.COUNTRY


def test_nested_frameworks(seed_kb: KnowledgeBase) -> None:
    parents = {e.id: e.parent for e in seed_kb.entities if e.kind is EntityKind.FRAMEWORK}
    assert parents["specific-partner-structures"] == "euro-atlantic-partnership-council"
    assert parents["nato-georgia-commission"] == "specific-partner-structures"
    assert parents["istanbul-cooperation-initiative"] is None


# ── the traps ───────────────────────────────────────────────────────────────


def test_saudi_arabia_and_oman_intend_to_join_the_ici_and_are_not_members(
    seed_kb: KnowledgeBase,
) -> None:
    for country in ("SA", "OM"):
        assert kinds_between(seed_kb, country, "istanbul-cooperation-initiative") == {
            "intends_to_join"
        }
        assert not [r for r in relations_of(seed_kb, country) if r.kind == "member"]


@pytest.mark.parametrize("country", ["AT", "FI", "SE", "CH"])
def test_chicago_attendees_outside_the_lists_are_members_of_nothing(
    seed_kb: KnowledgeBase, country: str
) -> None:
    kinds = {r.kind for r in relations_of(seed_kb, country)}
    assert kinds == {"attended", "contributed_to"}
    assert kinds_between(seed_kb, country, "chicago-partners-meeting-2012") == {"attended"}


def test_the_thirteen_chicago_attendees(seed_kb: KnowledgeBase) -> None:
    attended = {
        r.subject
        for r in seed_kb.relations
        if r.kind == "attended" and r.object == "chicago-partners-meeting-2012"
    }
    assert attended == {
        "AU",
        "AT",
        "FI",
        "GE",
        "JP",
        "JO",
        "KR",
        "MA",
        "NZ",
        "QA",
        "SE",
        "CH",
        "AE",
    }


def test_turkey_is_mentioned_but_related_to_nothing(seed_kb: KnowledgeBase) -> None:
    assert any(m.entity == "TR" for m in seed_kb.mentions)
    assert relations_of(seed_kb, "TR") == []


def test_north_korea_is_related_to_nothing(seed_kb: KnowledgeBase) -> None:
    assert relations_of(seed_kb, "KP") == []


def test_aspiring_to_nato_is_not_membership(seed_kb: KnowledgeBase) -> None:
    aspiring = {
        r.subject
        for r in seed_kb.relations
        if r.kind == "aspires_to_membership" and r.object == "nato"
    }
    assert aspiring == {"BA", "GE", "ME", "MK"}
    assert not [r for r in seed_kb.relations if r.kind == "member" and r.object == "nato"]
    for country in ("BA", "ME", "MK"):
        assert not [r for r in relations_of(seed_kb, country) if r.kind == "member"]


def test_georgia_is_a_euro_atlantic_partner_not_a_partner_across_the_globe(
    seed_kb: KnowledgeBase,
) -> None:
    georgia = {r.object for r in seed_kb.relations if r.kind == "member" and r.subject == "GE"}
    assert georgia == {
        "euro-atlantic-partnership-council",
        "partnership-for-peace",
        "specific-partner-structures",
        "nato-georgia-commission",
    }


def test_non_membership_relations_hold(seed_kb: KnowledgeBase) -> None:
    participated = {
        r.subject: r.date
        for r in seed_kb.relations
        if r.kind == "participated_in" and r.object == "operation-unified-protector"
    }
    assert participated == {"QA": "2011", "AE": "2011"}
    missions = {
        r.subject for r in seed_kb.relations if r.kind == "opened_mission_to" and r.object == "nato"
    }
    assert missions == {"BH", "KW", "QA", "AE", "JO", "IL"}
    cooperating = {r.subject for r in seed_kb.relations if r.kind == "cooperates_with"}
    assert {"JO", "TN", "un", "eu", "osce"} <= cooperating


# ── evidence ────────────────────────────────────────────────────────────────


def test_every_relation_quotes_its_passage_verbatim(
    seed_kb: KnowledgeBase, seed_documents: tuple[Document, ...]
) -> None:
    passages = {p.id: p for d in seed_documents for p in d.passages}
    assert seed_kb.relations
    for relation in seed_kb.relations:
        assert relation.evidence
        for evidence in relation.evidence:
            passage = passages[evidence.passage]
            assert passage.doc == evidence.doc
            assert evidence.quote in passage.text


def test_membership_evidence_is_the_sentence_that_names_the_country(
    seed_kb: KnowledgeBase,
) -> None:
    (kuwait,) = [
        r
        for r in seed_kb.relations
        if r.kind == "member"
        and r.subject == "KW"
        and r.object == "istanbul-cooperation-initiative"
    ]
    (evidence,) = kuwait.evidence
    assert evidence.doc == "003_cac1df43d34c3008"
    assert evidence.quote.startswith("L’Initiative de coopération d’Instanbul (ICI)")
    assert evidence.quote.endswith("le Qatar et les Émirats arabes unis.")


def test_a_membership_stated_twice_has_both_passages(seed_kb: KnowledgeBase) -> None:
    (jordan,) = [
        r
        for r in seed_kb.relations
        if r.kind == "member" and r.subject == "JO" and r.object == "mediterranean-dialogue"
    ]
    assert [e.doc for e in jordan.evidence] == ["000_3dd9bffdd09fa4c1", "003_cac1df43d34c3008"]


def test_entity_facts_have_sources_in_the_texts(
    seed_kb: KnowledgeBase, seed_documents: tuple[Document, ...]
) -> None:
    passages = {p.id: p for d in seed_documents for p in d.passages}
    for entity in seed_kb.entities:
        if entity.date or entity.role or entity.description:
            assert entity.sources, entity.id
        for source in entity.sources:
            assert source.quote in passages[source.passage].text


def test_event_dates_are_the_ones_the_texts_give(seed_kb: KnowledgeBase) -> None:
    dates = {e.id: e.date for e in seed_kb.entities if e.kind is EntityKind.EVENT}
    assert dates["istanbul-summit-2004"] == "2004-06-29"
    assert dates["lisbon-summit-2010"] == "2010-11"
    assert dates["kuwait-regional-office-inauguration-2017"] == "2017-01-24"
    assert dates["foreign-ministers-meeting-2017-12"] == "2017-12-05/2017-12-06"
    assert dates["operation-unified-protector"] == "2011"
    assert dates["bucharest-summit"] is None
    assert dates["strasbourg-kehl-summit"] is None


def test_people_have_their_roles(seed_kb: KnowledgeBase) -> None:
    roles = {e.id: e.role for e in seed_kb.entities if e.kind is EntityKind.PERSON}
    assert roles == {
        "anders-fogh-rasmussen": "NATO Secretary General",
        "alexander-vershbow": "NATO Deputy Secretary General",
        "jens-stoltenberg": "NATO Secretary General",
        "jaber-mubarak-al-sabah": "Prime Minister of Kuwait",
    }


# ── entities ────────────────────────────────────────────────────────────────


def test_every_iso_country_is_an_entity_and_curated_ones_are_relevant(
    seed_kb: KnowledgeBase,
) -> None:
    countries = {e.id: e for e in seed_kb.entities if e.kind is EntityKind.COUNTRY}
    assert len(countries) == 249
    relevant = {c for c, e in countries.items() if e.relevant}
    assert {"KW", "SA", "AT", "TR", "KP", "MK"} <= relevant
    assert not countries["BR"].relevant
    assert countries["BR"].name_fr == "Brésil"


def test_entity_ids_are_unique_and_curated_entities_come_first(seed_kb: KnowledgeBase) -> None:
    ids = [e.id for e in seed_kb.entities]
    assert len(ids) == len(set(ids))
    assert seed_kb.entities[0].kind is EntityKind.FRAMEWORK
    assert seed_kb.entities[-1].kind is EntityKind.COUNTRY


def test_no_name_belongs_to_two_entities(seed_kb: KnowledgeBase) -> None:
    owner: dict[str, str] = {}
    for entity in seed_kb.entities:
        for name in (entity.name_fr, entity.name_en, *(a.text for a in entity.aliases)):
            key = " ".join(fold(name).split())
            assert owner.setdefault(key, entity.id) == entity.id, name


# ── documents added later, and documents missing ────────────────────────────


def test_an_added_document_gets_mentions_but_no_relations(
    seed_documents: tuple[Document, ...],
    make_document: Callable[..., Document],
    real_resources: Path,
) -> None:
    added = make_document(["L'Arabie saoudite a rejoint l'ICI, dit-on, avec le Koweït."], "mine")
    kb = build_knowledge([*seed_documents, added], real_resources)
    assert {m.entity for m in kb.mentions if m.doc == "mine"} == {
        "SA",
        "istanbul-cooperation-initiative",
        "KW",
    }
    assert not [e for r in kb.relations for e in r.evidence if e.doc == "mine"]
    assert members(kb, "istanbul-cooperation-initiative") == {"BH", "KW", "QA", "AE"}


def test_skipping_missing_documents_leaves_their_claims_out_with_notes(
    seed_documents: tuple[Document, ...], real_resources: Path
) -> None:
    without_003 = [d for d in seed_documents if not d.id.startswith("003_")]
    kb = build_knowledge(without_003, real_resources, skip_missing_documents=True)
    assert members(kb, "istanbul-cooperation-initiative") == set()
    assert members(kb, "mediterranean-dialogue") == FRAMEWORK_MEMBERS["mediterranean-dialogue"]
    assert any("003_cac1df43d34c3008" in note for note in kb.notes)
    unified = next(e for e in kb.entities if e.id == "operation-unified-protector")
    assert unified.date is None
    assert unified.description is None
    assert unified.sources == ()


def test_a_missing_document_fails_the_build_by_default(
    seed_documents: tuple[Document, ...], real_resources: Path
) -> None:
    without_003 = [d for d in seed_documents if not d.id.startswith("003_")]
    with pytest.raises(KnowledgeError, match="003_cac1df43d34c3008"):
        build_knowledge(without_003, real_resources)

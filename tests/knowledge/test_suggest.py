from __future__ import annotations

from natoapp.knowledge import KnowledgeBase, suggest


def test_a_misspelt_country_suggests_the_right_one(seed_kb: KnowledgeBase) -> None:
    assert suggest("Kowet", seed_kb.entities)[0] == "Koweït"
    assert suggest("koweit", seed_kb.entities, n=1) == ["Koweït"]


def test_a_misspelt_framework_suggests_it(seed_kb: KnowledgeBase) -> None:
    assert "Dialogue méditerranéen" in suggest("dialogue mediteranen", seed_kb.entities)
    assert "Initiative de coopération d'Istanbul" in suggest(
        "initiative de cooperation d'instambul", seed_kb.entities
    )


def test_suggestions_name_different_entities(seed_kb: KnowledgeBase) -> None:
    names = suggest("Corée", seed_kb.entities, n=3)
    assert len(names) == len(set(names)) <= 3
    by_name = {alias.text: entity.id for entity in seed_kb.entities for alias in entity.aliases} | {
        e.name_fr: e.id for e in seed_kb.entities
    }
    assert len({by_name[name] for name in names}) == len(names)


def test_nothing_close_suggests_nothing(seed_kb: KnowledgeBase) -> None:
    assert suggest("zzzzzzzzzzzz", seed_kb.entities) == []
    assert suggest("", seed_kb.entities) == []
    assert suggest("Koweït", seed_kb.entities, n=0) == []

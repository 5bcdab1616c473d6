from __future__ import annotations

from collections.abc import Callable

import pytest

from natoapp.corpus.model import Document, Passage
from natoapp.knowledge import AliasMatcher, KnowledgeBase, Mention, find_mentions
from natoapp.knowledge.mentions import find_all_mentions

FindPassage = Callable[[str], Passage]
MakePassage = Callable[..., Passage]
MakeDocument = Callable[..., Document]


@pytest.fixture(scope="module")
def matcher(seed_kb: KnowledgeBase) -> AliasMatcher:
    return AliasMatcher(seed_kb.entities)


def mentioned(kb: KnowledgeBase, passage: Passage) -> list[tuple[str, str]]:
    return [(m.entity, m.text) for m in kb.mentions if m.passage == passage.id]


# ── hand-made passages ──────────────────────────────────────────────────────


def test_find_mentions_gives_offsets_into_the_passage_text(
    matcher: AliasMatcher, make_passage: MakePassage
) -> None:
    passage = make_passage("Réunis à Istanbul, les dirigeants de l’OTAN et du Koweït.", "d", 4)
    mentions = find_mentions(passage, matcher)
    assert mentions == [
        Mention("nato", "d", "d:4", 39, 43, "OTAN"),
        Mention("KW", "d", "d:4", 50, 56, "Koweït"),
    ]
    for m in mentions:
        assert passage.text[m.start : m.end] == m.text


def test_a_passage_naming_nothing_has_no_mentions(
    matcher: AliasMatcher, make_passage: MakePassage
) -> None:
    assert find_mentions(make_passage("Cliquez ici : le dialogue continue."), matcher) == []


def test_mentions_are_found_in_any_document_in_reading_order(
    matcher: AliasMatcher, make_document: MakeDocument
) -> None:
    imported = make_document(["La Mongolie et le Japon.", "Rien.", "L'ICI au Qatar."], "mine")
    mentions = find_all_mentions([imported], matcher)
    assert [(m.passage, m.entity) for m in mentions] == [
        ("mine:1", "MN"),
        ("mine:1", "JP"),
        ("mine:3", "istanbul-cooperation-initiative"),
        ("mine:3", "QA"),
    ]


# ── the real seeds ──────────────────────────────────────────────────────────


def test_every_mention_is_the_passage_own_characters(
    seed_kb: KnowledgeBase, seed_documents: tuple[Document, ...]
) -> None:
    passages = {p.id: p for d in seed_documents for p in d.passages}
    assert seed_kb.mentions
    for m in seed_kb.mentions:
        assert passages[m.passage].doc == m.doc
        assert passages[m.passage].text[m.start : m.end] == m.text


def test_mediterranean_dialogue_partners_are_mentioned(
    seed_kb: KnowledgeBase, seed_passage: FindPassage
) -> None:
    passage = seed_passage("Algérie, Égypte, Israël")
    countries = [e for e, _ in mentioned(seed_kb, passage) if e.isupper()]
    assert countries == ["DZ", "EG", "IL", "JO", "MA", "MR", "TN"]


@pytest.mark.parametrize(
    ("needle", "entity", "text"),
    [
        ("premier bureau régional au Koweït", "KW", "Koweït"),
        ("le Premier ministre koweïtien", "KW", "koweïtien"),
        (
            "coopération d’Instanbul",
            "istanbul-cooperation-initiative",
            "Initiative de coopération d’Instanbul",
        ),
        ("Commission OTAN-Géorgie", "nato-georgia-commission", "Commission OTAN-Géorgie"),
        ("Commission OTAN-Géorgie", "GE", "Géorgie"),
        ("Commission OTAN-Géorgie", "nato", "OTAN"),
        ("de la Nouvelle\u2011Zélande", "NZ", "Nouvelle\u2011Zélande"),
        ("de travailler avec d’autres pays", "nato", "Alliance"),  # written l’Alliance
        ("les Émirats arabes unis. Et cela", "AE", "Émirats arabes unis"),
        ("quataries et émiraties", "QA", "quataries"),
        ("quataries et émiraties", "AE", "émiraties"),
        ("comptent rejoindre", "OM", "sultanat d’Oman"),
        ("La Turquie reconnaît", "TR", "Turquie"),
        ("La Turquie reconnaît", "MK", "République de Macédoine"),
        ("Strasbourg‑Kehl", "strasbourg-kehl-summit", "Strasbourg‑Kehl"),
        ("coalition mondiale contre", "isil", "EIIL"),
        ("protection du peuple libyen", "LY", "libyen"),
    ],
)
def test_hard_mentions_in_the_seeds(
    seed_kb: KnowledgeBase, seed_passage: FindPassage, needle: str, entity: str, text: str
) -> None:
    assert (entity, text) in mentioned(seed_kb, seed_passage(needle))


def test_lowercase_ici_is_never_the_initiative(seed_kb: KnowledgeBase) -> None:
    texts = {m.text for m in seed_kb.mentions if m.entity == "istanbul-cooperation-initiative"}
    assert "ICI" in texts
    assert not {t for t in texts if t.lower() == "ici" and t != "ICI"}


def test_north_korea_is_mentioned_and_the_republic_of_korea_is_not_in_seed_004(
    seed_kb: KnowledgeBase, seed_passage: FindPassage
) -> None:
    passage = seed_passage("programmes d'armement de la Corée du Nord")
    doc = passage.doc
    in_doc = {m.entity for m in seed_kb.mentions if m.doc == doc}
    assert "KP" in in_doc
    assert "KR" not in in_doc
    assert mentioned(seed_kb, passage).count(("KP", "Corée du Nord")) == 2


def test_common_nouns_in_the_seeds_are_not_mentions(seed_kb: KnowledgeBase) -> None:
    texts = {m.text for m in seed_kb.mentions}
    assert not {t for t in texts if t in {"initiative", "initiatives", "dialogue", "alliance"}}
    assert not {t for t in texts if t.lower() in {"partenariat", "union", "golfe", "quatres"}}


def test_turkey_is_mentioned_once_in_the_footnote(seed_kb: KnowledgeBase) -> None:
    turkey = [m for m in seed_kb.mentions if m.entity == "TR"]
    assert len(turkey) == 1
    assert turkey[0].passage.startswith("002_")

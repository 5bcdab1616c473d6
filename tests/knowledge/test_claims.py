from __future__ import annotations

from collections.abc import Callable

import pytest

from natoapp.corpus.model import Document
from natoapp.knowledge import KnowledgeError
from natoapp.knowledge.catalog import ClaimSpec
from natoapp.knowledge.claims import RELATION_KINDS, make_relations
from natoapp.knowledge.model import Entity, EntityKind
from natoapp.knowledge.quotes import QuoteLocator

ENTITIES = {
    e.id: e
    for e in (
        Entity("KW", EntityKind.COUNTRY, "Koweït", "Kuwait"),
        Entity("QA", EntityKind.COUNTRY, "Qatar", "Qatar"),
        Entity("ici", EntityKind.FRAMEWORK, "ICI", "ICI"),
        Entity("nato", EntityKind.ORGANISATION, "OTAN", "NATO"),
        Entity("oup", EntityKind.EVENT, "Unified Protector", "Unified Protector"),
    )
}


@pytest.fixture
def quotes(make_document: Callable[..., Document]) -> QuoteLocator:
    return QuoteLocator(
        [
            make_document(
                ["Le Koweït et le Qatar sont membres de l'ICI.", "Le Qatar y participa en 2011."],
                "d",
            ),
            make_document(["Le Koweït, membre de l'ICI, a ouvert un bureau."], "e"),
        ]
    )


def claim(
    kind: str, subjects: tuple[str, ...], obj: str, doc: str, quote: str, **more: str
) -> ClaimSpec:
    return ClaimSpec("claims.toml, claim #1", kind, subjects, obj, doc, quote, **more)


def test_claims_of_one_relation_merge_their_evidence_in_reading_order(quotes: QuoteLocator) -> None:
    relations = make_relations(
        [
            claim("member", ("KW",), "ici", "e", "Le Koweït, membre de l'ICI"),
            claim(
                "member", ("KW", "QA"), "ici", "d", "Le Koweït et le Qatar sont membres de l'ICI."
            ),
        ],
        ENTITIES,
        quotes,
    )
    by_subject = {r.subject: r for r in relations}
    assert [e.passage for e in by_subject["KW"].evidence] == ["d:1", "e:1"]
    assert [e.passage for e in by_subject["QA"].evidence] == ["d:1"]


def test_dates_and_notes_are_kept(quotes: QuoteLocator) -> None:
    (relation,) = make_relations(
        [
            claim(
                "participated_in",
                ("QA",),
                "oup",
                "d",
                "Le Qatar y participa",
                date="2011",
                note="air",
            )
        ],
        ENTITIES,
        quotes,
    )
    assert (relation.date, relation.note) == ("2011", "air")


def test_two_dates_for_one_relation_are_refused(quotes: QuoteLocator) -> None:
    with pytest.raises(KnowledgeError, match="different dates"):
        make_relations(
            [
                claim("participated_in", ("QA",), "oup", "d", "Le Qatar y participa", date="2011"),
                claim("participated_in", ("QA",), "oup", "d", "en 2011.", date="2012"),
            ],
            ENTITIES,
            quotes,
        )


@pytest.mark.parametrize(
    ("kind", "subjects", "obj", "message"),
    [
        ("member", ("KW",), "nato", "the object of a 'member' relation must be a framework"),
        ("member", ("ici",), "ici", "the subject of a 'member' relation must be a country"),
        ("member", ("XX",), "ici", "unknown subject 'XX'"),
        ("joins", ("KW",), "ici", "unknown kind 'joins'"),
        ("cooperates_with", ("nato",), "nato", "'nato' cannot be related to itself"),
    ],
)
def test_ill_formed_claims_are_refused(
    quotes: QuoteLocator, kind: str, subjects: tuple[str, ...], obj: str, message: str
) -> None:
    with pytest.raises(KnowledgeError, match=message):
        make_relations([claim(kind, subjects, obj, "d", "Le Koweït")], ENTITIES, quotes)


def test_only_member_is_membership() -> None:
    assert "member" in RELATION_KINDS
    assert {"intends_to_join", "aspires_to_membership", "attended"} <= set(RELATION_KINDS)

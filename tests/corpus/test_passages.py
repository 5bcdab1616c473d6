from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natoapp.corpus import Document, PassageKind, parse_document
from natoapp.corpus.normalize import fold

# Page furniture of each seed: in the raw text, in no passage.
FURNITURE = {
    "000": [
        "Mise à jour: 08-Dec-2004 10:55",
        "OTAN Hebdo",
        "Evénements",
        "Historique",
        "Textes fondamentaux",
        "Sommet d'Istanbul",
        "09/07/2004",
        "28/06/2004",
        "A more Ambitious and Expanded Framework",
        "Istanbul Cooperation Initiative",
        "](#)",
    ],
    "001": [
        "Division Diplomatie publique",
        "Section Presse et médias",
        "Tél.:",
        "+32(0)2 707 1010/1002",
        "moc@hq.nato.int",
        "#NATO",
        "#DefMin",
        "**",
        "XXI^e",
    ],
    "002": ["Mis à jour le: 04 Jun. 2012 17:06", "•"],
    "003": [
        "otan-20170125",
        "Conformément à l'article 38",
        "Loi 78-17",
        "droit d'accès, de modification",
        "[Voir les règles de confidentialité]",
    ],
    "004": ["04 Dec. 2017 -", "•", "|", "Mis à jour le: 04 Dec. 2017 15:14"],
}

# Sentences cut across blank lines or page furniture, as a reader reads them.
REJOINED = {
    "000": [
        "et de lancer l'Initiative de coopération d'Istanbul avec des pays choisis de la région "
        "du Moyen-Orient élargi.",
        "Le renforcement du Dialogue méditerranéen de l'OTAN et le lancement de L'Initiative de "
        "coopération d'Istanbul sont le résultat de consultations de haut niveau",
    ],
    "001": [
        "Ces relations font partie intégrante de la transformation que conduit actuellement "
        "l'Alliance en vue de relever efficacement les défis complexes",
    ],
}


@pytest.mark.parametrize("seed", sorted(FURNITURE))
def test_no_furniture_in_passages(seed_docs: dict[str, Document], seed: str) -> None:
    doc = seed_docs[seed]
    for furniture in FURNITURE[seed]:
        assert furniture in doc.raw
        for passage in doc.passages:
            assert furniture not in passage.text, (furniture, passage.id)


def test_the_legal_notice_date_is_not_content(seed_docs: dict[str, Document]) -> None:
    assert not any("1978" in p.text for p in seed_docs["003"].passages)


@pytest.mark.parametrize(("seed", "sentence"), [(s, x) for s in REJOINED for x in REJOINED[s]])
def test_cut_sentences_are_rejoined(
    seed_docs: dict[str, Document], seed: str, sentence: str
) -> None:
    holding = [p for p in seed_docs[seed].passages if fold(sentence) in fold(p.text)]
    assert len(holding) == 1
    assert holding[0].kind is PassageKind.PARAGRAPH


def test_the_passage_across_the_sidebar_spans_it_in_the_raw_text(
    seed_docs: dict[str, Document],
) -> None:
    doc = seed_docs["000"]
    (passage,) = [p for p in doc.passages if p.text.startswith("Le renforcement du Dialogue")]
    assert "Textes fondamentaux" in doc.raw[passage.start : passage.end]
    assert len(passage.segments) == 2
    first, second = passage.segments
    assert passage.text[first.text_end] == " "
    assert doc.raw[second.raw_start :].startswith("L'Initiative de coopération d'Istanbul sont")


def test_inline_markup_is_gone_from_passages(seed_docs: dict[str, Document]) -> None:
    texts = [p.text for p in seed_docs["001"].passages]
    assert any("du XXIe siècle" in t for t in texts)
    assert any("dans le cadre du Conseil de partenariat euro-atlantique (CPEA)" in t for t in texts)
    assert any("au travers de l'Initiative de coopération d'Istanbul." in t for t in texts)


def test_headings(seed_docs: dict[str, Document]) -> None:
    headings = [p.text for p in seed_docs["001"].passages if p.kind is PassageKind.HEADING]
    assert headings == [
        "Un réseau de partenariats avec les pays non membres",
        "Engagement actif avec d'autres organisations internationales",
        "Objectifs stratégiques de partenariat",
        "Domaines prioritaires pour le dialogue, la consultation et la coopération",
    ]
    for seed in ("000", "002", "003", "004"):
        assert not [p for p in seed_docs[seed].passages if p.kind is PassageKind.HEADING]


def test_list_items(seed_docs: dict[str, Document]) -> None:
    items = [p for p in seed_docs["001"].passages if p.kind is PassageKind.LIST_ITEM]
    assert len(items) == 3 + 8 + 8
    assert items[0].text.startswith("jouer des rôles complémentaires")
    assert items[-1].text == "plans civils d'urgence."
    # The bullet is in the raw span, not in the text.
    assert seed_docs["001"].raw[items[0].start : items[0].start + 2] == "- "


def test_captions(seed_docs: dict[str, Document]) -> None:
    captions = {
        seed: [p.text for p in seed_docs[seed].passages if p.kind is PassageKind.CAPTION]
        for seed in seed_docs
    }
    assert captions["002"] == ["View of the room"]
    assert captions["004"] == [
        "Press conference by NATO Secretary General Jens Stoltenberg ahead of the meetings of "
        "NATO Ministers of Foreign Affairs on 5 and 6 December in Brussels"
    ]
    assert captions["000"] == captions["001"] == captions["003"] == []


def test_footnote(seed_docs: dict[str, Document]) -> None:
    notes = [p for p in seed_docs["002"].passages if p.kind is PassageKind.NOTE]
    assert [n.text for n in notes] == [
        "1. La Turquie reconnaît la République de Macédoine sous son nom constitutionnel."
    ]
    assert notes[0] is seed_docs["002"].passages[-1]


def test_quotations_stay_paragraphs(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["003"]
    quote = [p for p in doc.passages if p.text.startswith("«\u00a0Ce sera une plateforme")]
    assert len(quote) == 1 and quote[0].kind is PassageKind.PARAGRAPH


def test_passage_counts(seed_docs: dict[str, Document]) -> None:
    assert {seed: len(doc.passages) for seed, doc in seed_docs.items()} == {
        "000": 7,
        "001": 37,
        "002": 16,
        "003": 8,
        "004": 7,
    }


def test_passage_ids_are_stable(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        for ordinal, passage in enumerate(doc.passages, start=1):
            assert passage.ordinal == ordinal
            assert passage.id == f"{doc.id}:{ordinal}"
            assert passage.doc == doc.id
    by_id = {p.id: p for doc in seed_docs.values() for p in doc.passages}
    assert by_id["001_9ae11caa2999d0e2:5"].text.startswith("Un réseau de partenariats")
    assert by_id["002_af67e7122fc495c4:2"].text == "View of the room"
    assert by_id["003_cac1df43d34c3008:3"].text.startswith("C’est donc dans le cadre de cette ICI")
    assert by_id["004_ef8944e6bb02e4a7:1"].text.startswith("Les ministres des Affaires étrangères")


def assert_segments_map_one_to_one(doc: Document) -> None:
    """Every segment shows raw characters as they are; only join spaces fall outside."""
    for passage in doc.passages:
        assert passage.text, passage.id
        covered = [False] * len(passage.text)
        text_pos = 0
        raw_pos = passage.start
        for seg in passage.segments:
            assert (
                doc.raw[seg.raw_start : seg.raw_end] == passage.text[seg.text_start : seg.text_end]
            )
            assert seg.raw_start < seg.raw_end
            assert seg.text_start >= text_pos and seg.raw_start >= raw_pos
            assert passage.start <= seg.raw_start and seg.raw_end <= passage.end <= len(doc.raw)
            text_pos, raw_pos = seg.text_end, seg.raw_end
            for i in range(seg.text_start, seg.text_end):
                covered[i] = True
        assert text_pos == len(passage.text)
        outside = [passage.text[i] for i, c in enumerate(covered) if not c]
        assert set(outside) <= {" "}
        assert "  " not in "".join(" " if not c else "x" for c in covered)


def test_segments_map_one_to_one_in_every_seed(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        assert_segments_map_one_to_one(doc)


def test_raw_span_finds_a_phrase_in_the_raw_text(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001"]
    passage = next(p for p in doc.passages if "XXIe" in p.text)
    start = passage.text.index("XXIe siècle")
    rs, re_ = passage.raw_span(start, start + len("XXIe siècle"))
    assert doc.raw[rs:re_] == "XXI^e siècle"


def test_parsing_is_deterministic(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        again = parse_document(doc.id, doc.source_file, doc.raw, doc.sha256)
        assert again == doc


LINES = [
    "Le Dialogue méditerranéen de l'OTAN a largement contribué.",
    "Réunis à Istanbul, les dirigeants ont décidé de lancer l'Initiative de",
    "coopération d'Istanbul avec des pays choisis.",
    "Un réseau de partenariats",
    "View of the room",
    "- [Sommet d'Istanbul](#)",
    "- jouer des rôles complémentaires ;",
    "  1. La Turquie reconnaît la République.",
    "Macédoine¹ et **Conseil** [ICI](#) XXI^e siècle",
    "Mise à jour: 08-Dec-2004 10:55",
    "  • 04 Dec. 2017 -",
    "  • |",
    "otan-20170125",
    "OTAN Hebdo",
    "Historique",
    "#NATO #DefMin",
    "Tél.: +32(0)2 707 1010/1002",
    "> une citation",
    "## Un titre balisé",
    "Conformément à la Loi 78-17, [Voir les règles de confidentialité]",
    "**",
    "*a* _b_ `c` \\* ^",
    "",
    "",
    "   ",
]


@st.composite
def documents(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(LINES), st.text(max_size=40)),
            max_size=25,
        )
    )
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return ending.join(pieces)


@settings(max_examples=150, deadline=None)
@given(documents())
def test_random_documents_keep_every_invariant(raw: str) -> None:
    doc = parse_document("rnd", "rnd.txt", raw, "0" * 64)
    assert "\r" not in doc.raw
    assert doc.title
    assert_segments_map_one_to_one(doc)
    for ordinal, passage in enumerate(doc.passages, start=1):
        assert passage.id == f"rnd:{ordinal}" and passage.ordinal == ordinal
        assert passage.kind in PassageKind
    assert doc.passages == tuple(sorted(doc.passages, key=lambda p: p.start))
    assert parse_document("rnd", "rnd.txt", raw, "0" * 64) == doc


def _parse(raw: str) -> Document:
    return parse_document("doc", "doc.txt", raw, "0" * 64)


def _kinds(raw: str) -> list[tuple[PassageKind, str]]:
    return [(p.kind, p.text) for p in _parse(raw).passages]


def test_numbered_lines_are_notes_only_when_called_above() -> None:
    raw = "Titre\n\n1. Première étape.\n2. Seconde étape.\n\nLa Macédoine¹ est citée.\n"
    assert [k for k, _ in _kinds(raw)] == [
        PassageKind.LIST_ITEM,
        PassageKind.LIST_ITEM,
        PassageKind.PARAGRAPH,
    ]
    raw = "Titre\n\nLa Macédoine¹ est citée.\n\n1. La note.\n"
    assert _kinds(raw)[-1] == (PassageKind.NOTE, "1. La note.")


def test_headings_are_not_glued_to_their_paragraph() -> None:
    raw = (
        "Titre\n\nUn paragraphe complet.\n\nUn réseau de partenariats\n\n"
        "L'OTAN cherche à établir un dialogue.\n"
    )
    assert _kinds(raw) == [
        (PassageKind.PARAGRAPH, "Un paragraphe complet."),
        (PassageKind.HEADING, "Un réseau de partenariats"),
        (PassageKind.PARAGRAPH, "L'OTAN cherche à établir un dialogue."),
    ]


def test_hard_wrapped_paragraph_is_one_passage() -> None:
    raw = (
        "Titre\n\nL'OTAN entretient des relations de travail étroites avec\n"
        "l'Organisation des Nations Unies, l'Union européenne et\n"
        "l'OSCE depuis les années quatre-vingt-dix.\n"
    )
    (passage,) = _parse(raw).passages
    assert passage.text == (
        "L'OTAN entretient des relations de travail étroites avec l'Organisation des Nations "
        "Unies, l'Union européenne et l'OSCE depuis les années quatre-vingt-dix."
    )


def test_a_sentence_cut_by_a_caption_is_rejoined() -> None:
    raw = (
        "Titre\n\nLes dirigeants ont décidé de lancer l'Initiative de\n\n"
        "View of the room\n\ncoopération d'Istanbul.\n"
    )
    assert _kinds(raw) == [
        (PassageKind.PARAGRAPH, "Les dirigeants ont décidé de lancer l'Initiative de coopération "
         "d'Istanbul."),
        (PassageKind.CAPTION, "View of the room"),
    ]  # fmt: skip


def test_list_item_continued_on_an_indented_line() -> None:
    raw = (
        "Titre\n\nObjectifs :\n\n"
        "- de renforcer la sécurité\n  et la stabilité ;\n- de promouvoir.\n"
    )
    assert _kinds(raw)[1:] == [
        (PassageKind.LIST_ITEM, "de renforcer la sécurité et la stabilité ;"),
        (PassageKind.LIST_ITEM, "de promouvoir."),
    ]


def test_quotations_and_marked_headings() -> None:
    raw = "Titre\n\n## Historique\n\n> Une citation\n> sur deux lignes.\n"
    assert _kinds(raw) == [
        (PassageKind.HEADING, "Historique"),
        (PassageKind.QUOTE, "Une citation sur deux lignes."),
    ]

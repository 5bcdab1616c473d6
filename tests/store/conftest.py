"""A small French corpus and knowledge base built by hand, and databases built from them.

The sentences are chosen so that each search behaviour has a passage to find:
accents (Égypte, Koweït), ligatures (manœuvre), typographic apostrophes and
non-breaking hyphens (l’Alliance, Proche‑Orient), plural forms (partenaires),
a heading, identical passages in documents of different dates, an acronym that
is also a French word (ICI / ici), and a misspelt framework name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from natoapp import paths
from natoapp.corpus.model import Document, Passage, PassageKind, Segment
from natoapp.knowledge.model import (
    Alias,
    Entity,
    EntityKind,
    Evidence,
    KnowledgeBase,
    Mention,
    Relation,
)
from natoapp.store.build import build_database, build_from_sources
from natoapp.store.library import Library

FIXTURE_HASH = "fixture-input"

Block = str | tuple[PassageKind, str]

LONG_PARAGRAPH = (
    "Au cours des deux dernières décennies, l’Alliance a établi un réseau de partenariats "
    "structurés avec des pays de la région euro-atlantique, du pourtour méditerranéen et de "
    "la région du Golfe, ainsi que des relations individuelles avec d’autres pays du monde "
    "entier. Ces relations reposent sur des valeurs communes et sur la réciprocité. Dans la "
    "région du Golfe, la piraterie menace la sécurité maritime et appelle une réponse "
    "commune des Alliés et de leurs amis. Les consultations politiques portent aussi sur "
    "la prévention des crises, la formation et l’entraînement des forces armées."
)

TIE_SENTENCE = "La stabilité régionale reste une priorité commune."

DOCUMENTS: dict[str, tuple[str, str | None, list[Block]]] = {
    "a_2004": (
        "L’OTAN lance l’Initiative de coopération d’Istanbul",
        "2004-06-29",
        [
            "Réunis à Istanbul, les dirigeants ont lancé l’Initiative de coopération "
            "d’Istanbul avec des pays du Proche\u2011Orient élargi.",
            "Le Dialogue méditerranéen compte sept partenaires : Algérie, Égypte, Israël, "
            "Jordanie, Maroc, Mauritanie et Tunisie.",
            (PassageKind.HEADING, "Sécurité des frontières"),
            "Cette Initiative vise à renforcer la sécurité par une coopération pratique.",
        ],
    ),
    "b_2017": (
        "L’Otan a ouvert un bureau régional au Koweït",
        "2017-01-25",
        [
            "L’Initiative de coopération d’Instanbul (ICI) réunit Bahreïn, le Koweït, "
            "le Qatar et les Émirats arabes unis.",
            "Le bureau de l’Alliance permettra d’intensifier la coopération en matière de "
            "cyberdéfense et de sécurité maritime.",
            "Le Premier ministre koweïtien a salué la manœuvre diplomatique.",
            "Nous sommes ici pour travailler ensemble, a déclaré le secrétaire général.",
        ],
    ),
    "c_2012": (
        "Les dirigeants rencontrent les alliés à Chicago",
        "2012-05-20",
        [
            "L’OTAN a remercié un partenaire fidèle pour son soutien.",
            "Les partenaires ont participé aux manoeuvres communes.",
            LONG_PARAGRAPH,
        ],
    ),
    # Same length of title and text: only the dates tell these three apart.
    "d_undated": ("Notes de travail", None, [TIE_SENTENCE]),
    "e_2020": ("Notes de printemps", "2020-03-01", [TIE_SENTENCE]),
    "f_2010": ("Notes de septembre", "2010-09-15", [TIE_SENTENCE]),
    "g_filler": (
        "Chronique de Bruxelles",
        "2015-02-10",
        [
            "Les ministres se réunissent à Bruxelles chaque printemps.",
            "Le budget de la défense augmente dans plusieurs capitales.",
            "La sécurité des frontières est essentielle pour la région et ses voisins.",
            "Les exercices navals ont eu lieu en mer Noire.",
            "La conférence de presse a eu lieu au siège.",
            "Les entraînements communs renforcent l’interopérabilité.",
            "Un accord de transit a été signé avec un pays voisin.",
            "La mission de formation se poursuit en Afghanistan.",
            "Les programmes d’armement inquiètent les capitales européennes.",
            "Le sommet de Lisbonne a adopté un nouveau concept stratégique.",
        ],
    ),
}


def make_document(doc_id: str, title: str, date: str | None, blocks: list[Block]) -> Document:
    """A document whose raw text is its title then its blocks, one paragraph each."""
    raw_parts = [title]
    passages = []
    offset = len(title) + 2
    for ordinal, block in enumerate(blocks, 1):
        kind, text = (PassageKind.PARAGRAPH, block) if isinstance(block, str) else block
        passages.append(
            Passage(
                id=f"{doc_id}:{ordinal}",
                doc=doc_id,
                ordinal=ordinal,
                kind=kind,
                text=text,
                start=offset,
                end=offset + len(text),
                segments=(Segment(offset, offset + len(text), 0, len(text)),),
            )
        )
        raw_parts.append(text)
        offset += len(text) + 2
    return Document(
        id=doc_id,
        source_file=f"{doc_id}.txt",
        raw="\n\n".join(raw_parts),
        sha256=doc_id.encode().hex(),
        title=title,
        date=date,
        updated=None,
        publisher=None,
        passages=tuple(passages),
    )


def fixture_documents() -> list[Document]:
    """The hand-made corpus, in no particular order (the build must sort it)."""
    return [make_document(i, *spec) for i, spec in reversed(DOCUMENTS.items())]


def mention_of(docs: list[Document], entity: str, passage_id: str, words: str) -> Mention:
    """A mention of ``entity`` at the first occurrence of ``words`` in the passage."""
    passage = next(p for d in docs for p in d.passages if p.id == passage_id)
    start = passage.text.index(words)
    return Mention(entity, passage.doc, passage_id, start, start + len(words), words)


def fixture_knowledge(docs: list[Document]) -> KnowledgeBase:
    """Entities, mentions and relations over the hand-made corpus."""
    entities = [
        Entity(
            "KW",
            EntityKind.COUNTRY,
            "Koweït",
            "Kuwait",
            aliases=(Alias("Koweït", "fr"), Alias("Kuwait", "en"), Alias("koweïtien", "fr")),
        ),
        Entity("EG", EntityKind.COUNTRY, "Égypte", "Egypt", aliases=(Alias("Egypt", "en"),)),
        Entity(
            "istanbul-cooperation-initiative",
            EntityKind.FRAMEWORK,
            "Initiative de coopération d’Istanbul",
            "Istanbul Cooperation Initiative",
            aliases=(
                Alias("ICI", "", "acronym"),
                Alias("Initiative de coopération d'Instanbul", "fr", "misspelling"),
            ),
        ),
        Entity(
            "mediterranean-dialogue",
            EntityKind.FRAMEWORK,
            "Dialogue méditerranéen",
            "Mediterranean Dialogue",
        ),
        Entity(
            "enhanced-mediterranean-dialogue",
            EntityKind.FRAMEWORK,
            "Dialogue méditerranéen renforcé",
            "Enhanced Mediterranean Dialogue",
            parent="mediterranean-dialogue",
        ),
        Entity("nato", EntityKind.ORGANISATION, "OTAN", "NATO", aliases=(Alias("Otan"),)),
    ]
    ici = "istanbul-cooperation-initiative"
    mentions = [
        mention_of(docs, ici, "a_2004:1", "Initiative de coopération d’Istanbul"),
        mention_of(docs, "mediterranean-dialogue", "a_2004:2", "Dialogue méditerranéen"),
        mention_of(docs, "EG", "a_2004:2", "Égypte"),
        mention_of(docs, ici, "b_2017:1", "Initiative de coopération d’Instanbul"),
        mention_of(docs, ici, "b_2017:1", "ICI"),
        mention_of(docs, "KW", "b_2017:1", "Koweït"),
        mention_of(docs, "KW", "b_2017:3", "koweïtien"),
        mention_of(docs, "nato", "c_2012:1", "OTAN"),
    ]
    b1 = next(p for d in docs for p in d.passages if p.id == "b_2017:1")
    a2 = next(p for d in docs for p in d.passages if p.id == "a_2004:2")
    relations = [
        Relation("member", "KW", ici, (Evidence("b_2017", "b_2017:1", b1.text),)),
        Relation("member", "EG", "mediterranean-dialogue", (Evidence("a_2004", a2.id, a2.text),)),
        Relation(
            "opened_mission_to",
            "nato",
            "KW",
            (Evidence("b_2017", "b_2017:1", b1.text),),
            date="2017-01-24",
        ),
    ]
    return KnowledgeBase(entities=entities, mentions=mentions, relations=relations)


@pytest.fixture
def documents() -> list[Document]:
    """The hand-made corpus."""
    return fixture_documents()


@pytest.fixture
def knowledge(documents: list[Document]) -> KnowledgeBase:
    """The hand-made knowledge base."""
    return fixture_knowledge(documents)


@pytest.fixture
def build_fixture_db() -> Callable[[Path], Path]:
    """Build the fixture database at a path of the test's choosing."""

    def build(path: Path) -> Path:
        docs = fixture_documents()
        build_database(docs, fixture_knowledge(docs), path, input_hash=FIXTURE_HASH)
        return path

    return build


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fixture database shared by the read-only tests of a session."""
    path = tmp_path_factory.mktemp("db") / "fixture.sqlite"
    docs = fixture_documents()
    build_database(docs, fixture_knowledge(docs), path, input_hash=FIXTURE_HASH)
    return path


@pytest.fixture
def lib(fixture_db: Path) -> Iterator[Library]:
    """A library open on the shared fixture database."""
    with Library.open(fixture_db) as library:
        yield library


@pytest.fixture(scope="module")
def module_lib(fixture_db: Path) -> Iterator[Library]:
    """A library shared by a module's tests (hypothesis runs many examples on one)."""
    with Library.open(fixture_db) as library:
        yield library


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped seeds built once for a session's read-only tests."""
    path = tmp_path_factory.mktemp("seeds") / "natoapp.sqlite"
    build_from_sources(paths.seeds_dir(), paths.resources_dir(), path)
    return path


@pytest.fixture(scope="module")
def seeds_conn(seeds_db: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to the built seeds, for tests of the search functions."""
    connection = sqlite3.connect(seeds_db)
    yield connection
    connection.close()

"""A deterministic archive of French press pages, as large as asked, made from the seed texts.

Every generated page is a plain ``.txt`` file that natoapp's normal pipeline
reads like a seed: a title, a dateline or an "updated" stamp in one of the
forms the seeds use, paragraphs recombined from the seeds' own clauses,
headings, list items, quotations of the Secretary General, photo captions in
English, and page furniture (navigation links, hashtags, contact blocks, legal
notices) with the seeds' inline markup (``**bold**``, ``[label](#)``) and the
occasional typo. Entity names (countries, frameworks, organisations, people)
are sprinkled in so that mentions and entity search have work to do, and dates
are spread over 1990–2025.

The same seed (``SEED``) and the same size give byte-identical files on every
machine: the random generator is seeded and the seed texts are read in a
fixed order. The five seed texts themselves are copied in as well, so the
curated knowledge, which quotes them, holds for the generated archive too.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from natoapp.corpus import PassageKind, load_corpus

SEED = 20240629
# Content passages per generated page, on average (the seeds hold 10 to 30).
PASSAGES_PER_PAGE = 20

SIZES: dict[str, int] = {
    "seeds": 0,  # the five seed texts alone
    "tiny": 300,
    "10k": 10_000,
    "100k": 100_000,
    "1m": 1_000_000,
}

# A word that occurs about once in RARE_EVERY passages: the "rare word" query class.
RARE_WORD = "hydrographique"
RARE_EVERY = 5_000

ENTITY_NAMES = (
    "l'Algérie",
    "l'Égypte",
    "Israël",
    "la Jordanie",
    "le Maroc",
    "la Mauritanie",
    "la Tunisie",
    "Bahreïn",
    "le Koweït",
    "le Qatar",
    "les Émirats arabes unis",
    "l'Arabie saoudite",
    "Oman",
    "l'Australie",
    "le Japon",
    "la République de Corée",
    "la Nouvelle-Zélande",
    "le Pakistan",
    "l'Iraq",
    "l'Afghanistan",
    "la Mongolie",
    "la Géorgie",
    "l'Ukraine",
    "la Russie",
    "la Finlande",
    "la Suède",
    "la Suisse",
    "l'Autriche",
    "le Dialogue méditerranéen",
    "l'Initiative de coopération d'Istanbul",
    "le Partenariat pour la paix",
    "le Conseil de partenariat euro-atlantique",
    "la Commission OTAN-Géorgie",
    "l'Union européenne",
    "l'Organisation des Nations Unies",
    "l'OSCE",
    "l'Union africaine",
    "M. Jens Stoltenberg",
    "M. Anders Fogh Rasmussen",
)

CITIES = ("Bruxelles", "Istanbul", "Chicago", "Lisbonne", "Koweït", "Varsovie", "Madrid", "Riga")

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.")
MONTHS_EN += ("Dec.",)

CAPTIONS = (
    "View of the room",
    "Press conference by the NATO Secretary General",
    "Family photo of the participants",
    "Meeting of the North Atlantic Council",
    "Photo: NATO",
)

NAVIGATION = (
    ("Evénements", ("Sommet d'Istanbul", "Sommet de Chicago", "Réunion des ministres")),
    ("Historique", ("Dialogue méditerranéen et l'Initiative de coopération d'Istanbul",)),
    ("Textes fondamentaux", ("Communiqué du Sommet", "Déclaration finale")),
    ("Voir aussi", ("Partenariats", "Opérations et missions", "Coopération pratique")),
)

HASHTAGS = ("#NATO #DefMin", "#OTAN #Partenariats", "#NATO #WeAreNATO")

LEGAL = (
    "Conformément à l'article 38 de la Loi 78-17 du 6 janvier 1978 modifiée, vous disposez "
    "d'un droit d'accès, de modification, de rectification et de suppression des données vous "
    "concernant. [Voir les règles de confidentialité]"
)

CONTACT = (
    "Division Diplomatie publique – Section Presse et médias\n\n"
    "Tél.: +32(0)2 707 1010/1002\n\n"
    "E-mail: moc@hq.nato.int"
)

SPEAKERS = ("le secrétaire général", "M. Stoltenberg", "le secrétaire général délégué")
QUOTE_VERBS = ("a déclaré", "a ajouté", "a indiqué", "a souligné")

_CLAUSE_CUT = re.compile(r",\s+|\s+;\s+|\s+:\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«])")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The pieces pages are made of, taken from the seed texts."""

    openings: tuple[str, ...]  # clauses that start a sentence (capitalised)
    clauses: tuple[str, ...]  # clauses that continue one
    headings: tuple[str, ...]
    items: tuple[str, ...]  # list items, without bullet
    titles: tuple[str, ...]


def read_vocabulary(seeds_dir: Path) -> Vocabulary:
    """Cut the seeds' passages into sentences and clauses to recombine."""
    corpus = load_corpus(seeds_dir)
    openings: list[str] = []
    clauses: list[str] = []
    headings: list[str] = []
    items: list[str] = []
    titles: list[str] = []
    for document in corpus.documents:
        titles.append(document.title)
        for passage in document.passages:
            text = " ".join(passage.text.split())
            if passage.kind == PassageKind.HEADING:
                headings.append(text)
            elif passage.kind == PassageKind.LIST_ITEM:
                items.append(text.rstrip(" ;."))
            elif passage.kind in (PassageKind.PARAGRAPH, PassageKind.QUOTE):
                for sentence in _SENTENCE_END.split(text):
                    parts = [p.strip(' .«»"') for p in _CLAUSE_CUT.split(sentence)]
                    parts = [p for p in parts if len(p.split()) >= 3]
                    if not parts:
                        continue
                    openings.append(parts[0])
                    clauses.extend(p[0].lower() + p[1:] for p in parts[1:] if p)
    if not openings or not clauses:
        raise ValueError(f"no sentences to recombine in {seeds_dir}")
    return Vocabulary(tuple(openings), tuple(clauses), tuple(headings), tuple(items), tuple(titles))


def _typo(rng: random.Random, word: str) -> str:
    """Swap two neighbouring letters, as a hurried typist does."""
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


class PageWriter:
    """Writes one page at a time from a vocabulary and a seeded random generator."""

    def __init__(self, vocabulary: Vocabulary, seed: int = SEED) -> None:
        """Prepare a writer; the same vocabulary and seed give the same pages."""
        self._v = vocabulary
        self._rng = random.Random(seed)
        self._passages = 0

    def _sentence(self) -> str:
        rng = self._rng
        parts = [rng.choice(self._v.openings)]
        parts += rng.sample(self._v.clauses, rng.randint(1, 3))
        if rng.random() < 0.5:
            parts.insert(rng.randint(1, len(parts)), f"avec {rng.choice(ENTITY_NAMES)}")
        self._passages_rare(parts)
        words = ", ".join(parts).split(" ")
        if rng.random() < 0.08:
            k = rng.randrange(len(words))
            words[k] = _typo(rng, words[k])
        if rng.random() < 0.05:
            k = rng.randrange(len(words))
            words[k] = f"**{words[k]}**"
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def _passages_rare(self, parts: list[str]) -> None:
        # Applied per sentence; about three sentences make a paragraph.
        if self._rng.random() < 1 / (RARE_EVERY * 3):
            parts.append(f"notamment pour la cartographie {RARE_WORD}")

    def _paragraph(self) -> str:
        return " ".join(self._sentence() for _ in range(self._rng.randint(1, 4)))

    def _quote(self) -> str:
        rng = self._rng
        said = rng.choice(QUOTE_VERBS)
        who = rng.choice(SPEAKERS)
        return f"« {self._sentence()} », {said} {who}."

    def _date(self) -> tuple[int, int, int]:
        rng = self._rng
        return rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)

    def _header(self, title: str) -> list[str]:
        rng = self._rng
        year, month, day = self._date()
        hour, minute = rng.randint(8, 19), rng.randint(0, 59)
        style = rng.randrange(4)
        if style == 0:  # like seed 000: stamp, series, dateline, title
            return [
                f"Mise à jour: {day:02d}-{MONTHS_EN[month - 1][:3]}-{year} {hour:02d}:{minute:02d}",
                "OTAN Hebdo",
                f"{day} {MONTHS_FR[month - 1]} {year}",
                title,
            ]
        if style == 1:  # like seed 002 / 004: title, bulleted date and stamp
            stamp = f"{day:02d} {MONTHS_EN[month - 1]} {year}"
            return [
                title,
                f"  • {stamp} -\n  • |\n  • Mis à jour le: {stamp} {hour:02d}:{minute:02d}",
            ]
        if style == 2:  # like seed 003: title and dated slug
            return [title, f"otan-{year}{month:02d}{day:02d}"]
        return [title, f"{day:02d}/{month:02d}/{year}"]

    def page(self) -> tuple[str, int]:
        """One page's text and how many content passages it was written with."""
        rng = self._rng
        v = self._v
        title = rng.choice(v.titles) if rng.random() < 0.2 else self._sentence().rstrip(".")
        blocks = self._header(title)
        target = max(3, int(rng.gauss(PASSAGES_PER_PAGE, 5)))
        written = 0
        while written < target:
            roll = rng.random()
            if roll < 0.08 and v.headings:
                blocks.append(rng.choice(v.headings))
                blocks.append(self._paragraph())
                written += 2
            elif roll < 0.16:
                count = rng.randint(2, 5)
                items = rng.sample(v.items, min(count, len(v.items))) if v.items else []
                items = [f"- {i} ;" for i in items]
                blocks.append("\n".join(items))
                written += len(items)
            elif roll < 0.26:
                blocks.append(self._quote())
                written += 1
            elif roll < 0.30:
                blocks.append(rng.choice(CAPTIONS))
                written += 1
            elif roll < 0.33:
                city = rng.choice(CITIES)
                blocks.append(f"Réunis à {city}, les ministres ont adopté une déclaration commune.")
                written += 1
            else:
                blocks.append(self._paragraph())
                written += 1
        blocks += self._furniture()
        return "\n\n".join(blocks) + "\n", written

    def _furniture(self) -> list[str]:
        rng = self._rng
        out: list[str] = []
        if rng.random() < 0.5:
            label, links = rng.choice(NAVIGATION)
            out.append(label)
            out.append("\n".join(f"- [{link}](#)" for link in links))
        if rng.random() < 0.3:
            out.append(CONTACT)
        if rng.random() < 0.4:
            out.append(rng.choice(HASHTAGS))
        if rng.random() < 0.2:
            out.append(LEGAL)
        return out


@dataclass(frozen=True, slots=True)
class GeneratedCorpus:
    """Where a corpus was written and what it holds."""

    folder: Path
    files: int
    bytes: int
    planned_passages: int


def generate(seeds_dir: Path, out_dir: Path, passages: int, *, seed: int = SEED) -> GeneratedCorpus:
    """Write a corpus of about ``passages`` passages to ``out_dir`` (emptied first).

    The five seed texts are copied in beside the generated pages.
    """
    vocabulary = read_vocabulary(seeds_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    files = 0
    size = 0
    for seed_file in sorted(seeds_dir.glob("*.txt")):
        shutil.copyfile(seed_file, out_dir / seed_file.name)
        files += 1
        size += seed_file.stat().st_size
    planned = 0
    writer = PageWriter(vocabulary, seed)
    while planned < passages:
        text, count = writer.page()
        planned += count
        data = text.encode("utf-8")
        (out_dir / f"gen_{files:07d}.txt").write_bytes(data)
        files += 1
        size += len(data)
    return GeneratedCorpus(out_dir, files, size, planned)

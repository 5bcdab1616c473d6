"""Page furniture: the lines of a saved web page that are not its content.

A saved NATO page carries, around its text, navigation and link lists,
"updated" stamps, datelines, the page slug, the series name, legal notices,
contact blocks and hashtags. None of it is content: it never becomes a
passage, though it stays in ``Document.raw`` for the source view, and some of
it (stamps, datelines, slugs, series) is where the metadata comes from.

The rules are data: word lists and patterns over folded text (see
:func:`natoapp.corpus.normalize.fold`), in French and English, written for
any such page rather than for one file. Each line is first judged on its own
(:func:`line_furniture`); then :func:`mark_context` catches the lines that are
furniture only by what follows them: a short heading over a link list
("Evénements", "Textes fondamentaux") and the office named over a contact
block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from natoapp.corpus.dates import find_dates, parse_date
from natoapp.corpus.lines import Line, heading_like
from natoapp.corpus.markup import remove_links, strip_markup
from natoapp.corpus.normalize import fold, fold_with_map


class Furniture(StrEnum):
    """Why a line is not content."""

    TITLE = "title"  # the document's title: metadata, not a passage
    STAMP = "stamp"  # "Mis à jour le: 04 Jun. 2012 17:06"
    DATELINE = "dateline"  # "29 juin 2004", "• 04 Dec. 2017 -"
    SLUG = "slug"  # "otan-20170125"
    SERIES = "series"  # "OTAN Hebdo"
    RULE = "rule"  # bullets, pipes, dashes and nothing else: "• |"
    LINK = "link"  # a link, a link list item, a bare address, an image
    NAVIGATION = "navigation"  # "Lire la suite", "Partager", "[Voir …]"
    SIDEBAR = "sidebar"  # a heading that only introduces links: "Historique"
    HASHTAGS = "hashtags"  # "#NATO #DefMin"
    LEGAL = "legal"  # privacy, cookie and copyright notices
    CONTACT = "contact"  # "Tél.: …", "E-mail: …" and the office named above them


# Labels of an "updated" stamp, folded; the rest of the line must be a date.
STAMP_LABELS = (
    r"(?:derniere\s+)?mise?\s+a\s+jour",
    r"actualise(?:e)?",
    r"modifie(?:e)?",
    r"last\s+(?:updated|modified|revised)",
    r"updated",
    r"revised",
)
# Labels a dateline may carry before its date, folded.
DATELINE_LABELS = (
    r"publie(?:e)?",
    r"paru",
    r"diffuse(?:e)?",
    r"published",
    r"posted",
    r"dated?",
)
# Series and periodicals of NATO pages, folded, matched against the whole line.
SERIES_PATTERNS = (
    r"(?:otan|nato)\s+(?:hebdo|review|revue|update|actualites|news|nouvelles|magazine|"
    r"newsletter|infos?|briefing|en\s+bref)",
    r"(?:la\s+)?revue\s+de\s+l'otan",
    r"(?:les\s+)?nouvelles\s+de\s+l'otan",
    r"(?:la\s+)?lettre\s+de\s+l'otan",
)
# Whole lines that only move the reader around the site, folded.
NAVIGATION_PHRASES = frozenset(
    {
        "lire la suite", "lire plus", "en savoir plus", "voir aussi", "voir plus", "retour",
        "retour en haut", "retour en haut de page", "haut de page", "imprimer",
        "imprimer cette page", "version imprimable", "partager", "partager cette page",
        "envoyer", "envoyer a un ami", "accueil", "plan du site", "menu", "suivant",
        "precedent", "page suivante", "page precedente", "telecharger", "fermer",
        "aller au contenu", "read more", "more", "see also", "back", "back to top",
        "top of page", "print", "print this page", "print version", "share", "share this",
        "share this page", "email", "e-mail this page", "home", "sitemap", "next",
        "previous", "download", "close", "skip to content", "skip to main content",
        "tweet", "facebook", "twitter", "linkedin", "youtube", "instagram", "flickr", "rss",
    }
)  # fmt: skip
# Notices a page carries for legal reasons; any one of these, folded, is enough.
LEGAL_PATTERNS = (
    r"\bloi\s+(?:n[o°]\s*)?78-17\b",
    r"\binformatiques?\s+et\s+libertes\b",
    r"\b(?:regles|politique|charte|declaration)\s+(?:de\s+|en\s+matiere\s+de\s+)?"
    r"(?:confidentialite|protection\s+des\s+(?:donnees|renseignements))",
    r"\bdroit\s+d'acces,?\s+(?:de\s+)?(?:modification|rectification|opposition)",
    r"\bprivacy\s+(?:policy|notice|statement|rules|settings)\b",
    r"\bcookies?\b.*\b(?:accept|consent|utilis|navigat|parametr|this\s+site\s+uses|we\s+use)",
    r"\b(?:this|our)\s+(?:web)?site\s+uses\s+cookies\b",
    r"\b(?:tous\s+droits\s+reserves|all\s+rights\s+reserved)\b",
    r"^(?:©|\(c\)\s|copyright\b)",
    r"\bmentions\s+legales\b",
    r"\bterms\s+(?:of\s+(?:use|service)|and\s+conditions)\b",
    r"\bconditions\s+(?:generales\s+)?d'utilisation\b",
    r"\b(?:rgpd|gdpr)\b",
)
# Labels of the lines of a contact block, folded.
CONTACT_LABELS = (
    r"tel",
    r"telephone",
    r"phone",
    r"fax",
    r"telecopie",
    r"e-?mail",
    r"courriel",
    r"mel",
    r"contacts?",
    r"adresse",
    r"address",
)
# Words around link labels that still leave a line a mere link ("NATO [x](#) (PDF, 1 MB)").
LINK_LINE_WORDS = frozenset({"pdf", "doc", "docx", "html", "mo", "mb", "ko", "kb", "video"})
# A legal notice longer than this is a page of its own, not a notice.
LEGAL_MAX_CHARS = 1200
# A heading over a link list is short ("Textes fondamentaux").
SIDEBAR_MAX_WORDS = 6
# The office named over a contact block.
CONTACT_OFFICE_MAX_WORDS = 12
# Stamps, datelines, slugs, series names, navigation and contact lines are short.
SHORT_LINE_MAX_CHARS = 160

_BULLETS = "•·*‣◦▪►>|-–—"
_EDGE_BULLETS_RE = re.compile(rf"^[\s{re.escape(_BULLETS)}]+|[\s{re.escape(_BULLETS)}]+$")
_STAMP_RE = re.compile(rf"^(?:{'|'.join(STAMP_LABELS)})(?:\s+(?:le|on))?\s*:?\s*(?P<rest>.*)$")
_DATELINE_LABEL_RE = re.compile(rf"^(?:{'|'.join(DATELINE_LABELS)})(?:\s+(?:le|on))?\s*:?\s*")
_DATELINE_PLACE_RE = re.compile(r"^[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)?\s*,\s*")
_SLUG_RE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
_SERIES_RE = re.compile(rf"(?:{'|'.join(SERIES_PATTERNS)})")
_HASHTAGS_RE = re.compile(r"(?:[#@][^\W_][\w\-]*[\s,;]*)+")
_URL_RE = re.compile(r"(?:<)?(?:https?://|www\.)\S+?(?:>)?")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"\+?[\d\s().\-/]{8,}")
_BRACKETED_RE = re.compile(r"\[[^\[\]]*[^\W\d_][^\[\]]*\]")
# One pattern of alternatives: a single pass over a long line instead of one per notice.
_LEGAL_RE = re.compile("|".join(f"(?:{p})" for p in LEGAL_PATTERNS))
# Every legal pattern contains one of these words; a line with none of them (most
# paragraphs) needs no regular expression at all. Keep in step with LEGAL_PATTERNS.
_LEGAL_KEYWORDS = (
    "78-17", "libertes", "confidentialite", "protection", "d'acces", "privacy", "cookie",
    "reserve", "©", "(c)", "copyright", "legales", "terms", "d'utilisation", "rgpd", "gdpr",
)  # fmt: skip
_CONTACT_RE = re.compile(rf"^(?:{'|'.join(CONTACT_LABELS)})\b\s*\.?\s*:")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _strip_edge_bullets(text: str) -> str:
    return _EDGE_BULLETS_RE.sub("", text)


def series_name(text: str) -> str | None:
    """The series a line names ("OTAN Hebdo"), as written, or ``None``."""
    visible = _strip_edge_bullets(strip_markup(text))
    return visible if _SERIES_RE.fullmatch(fold(visible)) else None


def stamp_date(text: str) -> str | None:
    """The ISO date of an "updated" stamp line ("Mise à jour: 08-Dec-2004 10:55"), or ``None``."""
    visible = _strip_edge_bullets(strip_markup(text))
    folded, origin = fold_with_map(visible)
    match = _STAMP_RE.match(folded)
    if not match or not match.group("rest"):
        return None
    return parse_date(visible[origin[match.start("rest")] :])


def dateline_date(text: str) -> str | None:
    """The ISO date of a line that is only a date ("29 juin 2004", "• 04 Dec. 2017 -")."""
    visible = _strip_edge_bullets(strip_markup(text))
    folded, origin = fold_with_map(visible)
    label = _DATELINE_LABEL_RE.match(folded)
    if label:
        visible = visible[origin[label.end()] :]
    visible = _DATELINE_PLACE_RE.sub("", visible, count=1)
    iso = parse_date(visible)
    return iso if iso and len(iso) >= len("YYYY-MM") else None


def slug_date(text: str) -> str | None:
    """The date a page slug carries ("otan-20170125" → "2017-01-25"), or ``None``."""
    if not is_slug(text):
        return None
    return parse_date(text)


def is_slug(text: str) -> bool:
    """Whether the line is a page slug: one lower-case token with dashes and digits."""
    return bool(_SLUG_RE.fullmatch(text)) and (
        any(ch.isdigit() for ch in text) or text.count("-") + text.count("_") >= 2
    )


def _is_link_line(text: str) -> bool:
    if _URL_RE.fullmatch(text):
        return True
    remainder, links = remove_links(text)
    if not links:
        return False
    for match in reversed(find_dates(remainder)):
        remainder = remainder[: match.start] + " " + remainder[match.end :]
    # What is left may only be source names ("NATO", "OTAN") and file details.
    return all(
        word.isupper() or fold(word) in LINK_LINE_WORDS for word in _LETTERS_RE.findall(remainder)
    )


def _is_navigation(text: str) -> bool:
    if _BRACKETED_RE.fullmatch(text):
        return True
    words = " ".join(_LETTERS_RE.findall(fold(strip_markup(text).replace("'", " "))))
    return words in NAVIGATION_PHRASES


def _is_contact(folded: str) -> bool:
    if _CONTACT_RE.match(folded) or _EMAIL_RE.fullmatch(folded):
        return True
    return bool(_PHONE_RE.fullmatch(folded)) and sum(ch.isdigit() for ch in folded) >= 8


def _is_legal(folded: str) -> bool:
    if not any(word in folded for word in _LEGAL_KEYWORDS):
        return False
    return _LEGAL_RE.search(folded) is not None


def line_furniture(text: str) -> Furniture | None:
    """Whether a line (stripped, raw) is furniture by itself, and which kind; ``None`` if not."""
    if not text:
        return None
    if not _LETTERS_RE.search(text) and not any(ch.isdigit() for ch in text):
        return Furniture.RULE
    bare = _strip_edge_bullets(text)
    if len(text) <= SHORT_LINE_MAX_CHARS:
        if stamp_date(text) is not None:
            return Furniture.STAMP
        if is_slug(text):
            return Furniture.SLUG
        if dateline_date(text) is not None:
            return Furniture.DATELINE
        if series_name(text) is not None:
            return Furniture.SERIES
        if _is_navigation(bare):
            return Furniture.NAVIGATION
        if _is_contact(fold(bare)):
            return Furniture.CONTACT
    if "#" in text and _HASHTAGS_RE.fullmatch(text):
        return Furniture.HASHTAGS
    if _is_link_line(bare):
        return Furniture.LINK
    if len(text) <= LEGAL_MAX_CHARS and _is_legal(fold(bare)):
        return Furniture.LEGAL
    return None


def _next_text_line(lines: Sequence[Line], index: int) -> int | None:
    for j in range(index + 1, len(lines)):
        if not lines[j].blank:
            return j
    return None


def mark_context(lines: Sequence[Line], marks: list[Furniture | None]) -> None:
    """Mark, in place, the lines that are furniture by what follows them.

    A short heading whose next line is a link, navigation or another such
    heading is a sidebar heading; a short line over a contact line names the
    office the contact belongs to. Lines already marked are left alone.
    """
    contact_lines = {i for i, mark in enumerate(marks) if mark is Furniture.CONTACT}
    # Backwards, so that "Evénements" over "Historique" over links is caught too.
    for i in range(len(lines) - 1, -1, -1):
        if marks[i] is not None or lines[i].blank:
            continue
        following = _next_text_line(lines, i)
        if following is None:
            continue
        visible = strip_markup(lines[i].text)
        if marks[following] in (Furniture.LINK, Furniture.NAVIGATION, Furniture.SIDEBAR):
            if heading_like(visible, max_words=SIDEBAR_MAX_WORDS):
                marks[i] = Furniture.SIDEBAR
        elif marks[following] is Furniture.CONTACT:
            adjacent = following == i + 1
            if (following in contact_lines or adjacent) and heading_like(
                visible, max_words=CONTACT_OFFICE_MAX_WORDS
            ):
                marks[i] = Furniture.CONTACT

from __future__ import annotations

import pytest

from natoapp.corpus.furniture import (
    Furniture,
    dateline_date,
    line_furniture,
    mark_context,
    series_name,
    slug_date,
    stamp_date,
)
from natoapp.corpus.lines import split_lines


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # from the seeds
        ("Mise à jour: 08-Dec-2004 10:55", Furniture.STAMP),
        ("• Mis à jour le: 04 Jun. 2012 17:06", Furniture.STAMP),
        ("OTAN Hebdo", Furniture.SERIES),
        ("29 juin 2004", Furniture.DATELINE),
        ("• 04 Dec. 2017 -", Furniture.DATELINE),
        ("• |", Furniture.RULE),
        ("otan-20170125", Furniture.SLUG),
        ("- [Sommet d'Istanbul](#)", Furniture.LINK),
        ("- 09/07/2004 - NATO [Istanbul Cooperation Initiative](#)", Furniture.LINK),
        ("- 28/06/2004 - OTAN [Communiqué du Sommet d'Istanbul](#)", Furniture.LINK),
        ("Tél.: +32(0)2 707 1010/1002", Furniture.CONTACT),
        ("E-mail: moc@hq.nato.int", Furniture.CONTACT),
        ("#NATO #DefMin", Furniture.HASHTAGS),
        (
            "Conformément à l'article 38 de la Loi 78-17 du 6 janvier 1978 modifiée, vous "
            "disposez d'un droit d'accès, de modification, de rectification et de suppression "
            "des données vous concernant. [Voir les règles de confidentialité]",
            Furniture.LEGAL,
        ),
        # other pages of the same kind
        ("Last updated: 12-Mar-2019 09:30", Furniture.STAMP),
        ("Dernière mise à jour : 3 mars 2019", Furniture.STAMP),
        ("Publié le 3 mars 2019", Furniture.DATELINE),
        ("Bruxelles, 3 mars 2019", Furniture.DATELINE),
        ("NATO Review", Furniture.SERIES),
        ("Revue de l'OTAN", Furniture.SERIES),
        ("nato-live-2019", Furniture.SLUG),
        ("[Lire le communiqué](https://www.nato.int/cps/fr/natohq/news.htm)", Furniture.LINK),
        ("https://www.nato.int/cps/en/natohq/topics_52927.htm", Furniture.LINK),
        ("- [Final Communiqué](#) (PDF, 1.2 MB)", Furniture.LINK),
        ("![Photo](photo.jpg)", Furniture.LINK),
        ("Lire la suite »", Furniture.NAVIGATION),
        ("Back to top", Furniture.NAVIGATION),
        ("Partager", Furniture.NAVIGATION),
        ("[Voir les règles de confidentialité]", Furniture.NAVIGATION),
        ("Ce site utilise des cookies pour améliorer votre navigation.", Furniture.LEGAL),
        ("© NATO 2019. All rights reserved.", Furniture.LEGAL),
        ("Read our privacy policy", Furniture.LEGAL),
        ("Fax: +32 2 707 12 52", Furniture.CONTACT),
        ("moc@hq.nato.int", Furniture.CONTACT),
        ("* * *", Furniture.RULE),
    ],
)
def test_furniture_lines(line: str, kind: Furniture) -> None:
    assert line_furniture(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "Réunis à Istanbul le 29 juin 2004, les dirigeants des pays de l'OTAN ont décidé",
        "Un réseau de partenariats avec les pays non membres",
        "- jouer des rôles complémentaires et synergiques en faveur de la paix ;",
        "- le [Partenariat pour la paix](#) (PPP) ;",
        "Dans la région, le **Conseil de partenariat euro-atlantique** (CPEA) joue un rôle.",
        "Mise à jour des capacités de défense de l'Alliance.",
        "View of the room",
        "  1. La Turquie reconnaît la République de Macédoine sous son nom constitutionnel.",
        "Historique",
        "L'OTAN protège les données de ses réseaux contre les cyberattaques.",
        "interopérabilité ;",
        "euro-atlantique",
    ],
)
def test_content_lines_are_not_furniture(line: str) -> None:
    assert line_furniture(line.strip()) is None


def test_dates_of_metadata_lines() -> None:
    assert stamp_date("Mise à jour: 08-Dec-2004 10:55") == "2004-12-08T10:55"
    assert stamp_date("• Mis à jour le: 04 Dec. 2017 15:14") == "2017-12-04T15:14"
    assert stamp_date("Mise à jour des capacités") is None
    assert dateline_date("• 04 Dec. 2017 -") == "2017-12-04"
    assert dateline_date("En décembre 2012, 24 pays non membres fournissaient") is None
    assert slug_date("otan-20170125") == "2017-01-25"
    assert slug_date("otan-20171325") is None
    assert series_name("**OTAN Hebdo**") == "OTAN Hebdo"


def _marks(text: str) -> list[tuple[str, Furniture | None]]:
    lines = split_lines(text)
    marks = [line_furniture(line.text) for line in lines]
    mark_context(lines, marks)
    return [(line.text, mark) for line, mark in zip(lines, marks, strict=True) if line.text]


def test_headings_over_link_lists_are_sidebar_furniture() -> None:
    page = (
        "Le renforcement du Dialogue et le lancement de\n\n"
        "Evénements\n\n- [Sommet d'Istanbul](#)\n\n"
        "Historique\n\n- [Dialogue méditerranéen](#)\n\n"
        "Textes fondamentaux\n\n- 09/07/2004 - NATO [Istanbul Cooperation Initiative](#)\n\n"
        "L'Initiative de coopération d'Istanbul sont le résultat de consultations.\n"
    )
    marks = dict(_marks(page))
    assert marks["Evénements"] is Furniture.SIDEBAR
    assert marks["Historique"] is Furniture.SIDEBAR
    assert marks["Textes fondamentaux"] is Furniture.SIDEBAR
    assert marks["Le renforcement du Dialogue et le lancement de"] is None


def test_a_real_heading_over_a_paragraph_stays_content() -> None:
    page = "Historique\n\nL'Alliance a été fondée en 1949 par douze pays.\n"
    assert dict(_marks(page))["Historique"] is None


def test_office_over_a_contact_block_is_furniture() -> None:
    page = (
        "Division Diplomatie publique – Section Presse et médias\n\n"
        "Tél.: +32(0)2 707 1010/1002\n\nE-mail: moc@hq.nato.int\n"
    )
    assert all(mark is Furniture.CONTACT for _, mark in _marks(page))

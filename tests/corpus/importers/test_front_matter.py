"""Markdown front matter."""

from __future__ import annotations

from natoapp.corpus.importers.front_matter import split_front_matter


def test_title_and_date_are_read_and_the_block_removed() -> None:
    front = split_front_matter(
        '---\ntitle: "Le Golfe"\ndate: 4 décembre 2017\ntags: [a]\n---\nTexte.\n'
    )
    assert (front.title, front.date, front.text) == ("Le Golfe", "2017-12-04", "Texte.\n")


def test_iso_date_with_time() -> None:
    assert split_front_matter("---\ndate: 2019-04-05T10:00:00Z\n---\nx").date == "2019-04-05"


def test_no_front_matter_and_a_rule_that_is_not_one() -> None:
    assert split_front_matter("# Titre\n\n---\n").text == "# Titre\n\n---\n"
    rule = "---\nUn paragraphe entre deux règles.\n---\nSuite."
    assert split_front_matter(rule).text == rule
    assert split_front_matter(rule).title is None


def test_unreadable_date_gives_none() -> None:
    front = split_front_matter("---\ntitle: T\ndate: un jour\n---\nx")
    assert front.title == "T" and front.date is None

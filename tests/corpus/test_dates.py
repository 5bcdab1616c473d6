from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.corpus.dates import DateMatch, find_dates, parse_date, year_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29 juin 2004", "2004-06-29"),
        ("08-Dec-2004 10:55", "2004-12-08T10:55"),
        ("04 Jun. 2012 17:06", "2012-06-04T17:06"),
        ("• 04 Dec. 2017 -", "2017-12-04"),
        ("otan-20170125", "2017-01-25"),
        ("09/07/2004", "2004-07-09"),
        ("28/06/2004", "2004-06-28"),
        ("1er janvier 2004", "2004-01-01"),
        ("1ᵉʳ janvier 2004", "2004-01-01"),
        ("5 janv. 2010", "2010-01-05"),
        ("5 févr. 2010", "2010-02-05"),
        ("5 fév 2010", "2010-02-05"),
        ("5 Février 2010", "2010-02-05"),
        ("12 mars 2010", "2010-03-12"),
        ("12 avr. 2010", "2010-04-12"),
        ("1 mai 2010", "2010-05-01"),
        ("3 juil. 2010", "2010-07-03"),
        ("15 août 2010", "2010-08-15"),
        ("15 aout 2010", "2010-08-15"),
        ("9 sept. 2010", "2010-09-09"),
        ("9 oct. 2010", "2010-10-09"),
        ("9 nov. 2010", "2010-11-09"),
        ("9 déc. 2010", "2010-12-09"),
        ("mardi 5 décembre 2017", "2017-12-05"),
        ("December 5, 2017", "2017-12-05"),
        ("5 January 2015", "2015-01-05"),
        ("Jan 5 2015", "2015-01-05"),
        ("2004-07-09", "2004-07-09"),
        ("2004-07-09T10:55", "2004-07-09T10:55"),
        ("le 29 juin 2004 à 15 h 14", "2004-06-29T15:14"),
        ("décembre 2012", "2012-12"),
        ("  29\u00a0juin\u00a02004  ", "2004-06-29"),
    ],
)
def test_parse_date_reads_every_form(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Mise à jour",
        "31 juin 2004",  # no such day
        "29/02/2005",  # not a leap year
        "Réunis à Istanbul le 29 juin 2004, les dirigeants",  # a sentence, not a date
        "ces mardi 5 et mercredi 6 décembre 2017",  # two dates
        "Loi 78-17",
        "7 000 hommes",
        "2004",
    ],
)
def test_parse_date_refuses_what_is_not_one_date(text: str) -> None:
    assert parse_date(text) is None


def test_a_day_without_a_year_needs_the_year_from_elsewhere() -> None:
    assert parse_date("le 24 janvier") is None
    assert parse_date("le 24 janvier", default_year=2017) == "2017-01-24"
    assert parse_date("29 février", default_year=2017) is None
    # A year in the text wins over the default.
    assert parse_date("24 janvier 2016", default_year=2017) == "2016-01-24"


def test_find_dates_reports_each_day_of_an_enumeration() -> None:
    text = "vont se réunir deux jours ces mardi 5 et mercredi 6 décembre 2017 pour débattre"
    found = find_dates(text)
    assert [d.iso for d in found] == ["2017-12-05", "2017-12-06"]
    assert text[found[0].start : found[0].end] == "mardi 5"
    assert text[found[1].start : found[1].end] == "mercredi 6 décembre 2017"


def test_find_dates_english_days_with_the_year_of_the_document() -> None:
    text = "Ministers of Foreign Affairs on 5 and 6 December in Brussels"
    assert find_dates(text) == []
    assert [d.iso for d in find_dates(text, default_year=2017)] == ["2017-12-05", "2017-12-06"]


def test_find_dates_in_a_seed_sentence() -> None:
    text = "que l’Otan a inauguré, le 24 janvier, son premier bureau régional au Koweït."
    (match,) = find_dates(text, default_year=2017)
    assert match == DateMatch(text.index("24"), text.index("24") + len("24 janvier"), "2017-01-24")


def test_find_dates_month_and_year_and_legal_dates() -> None:
    text = "En décembre 2012, 24 pays non membres ; Loi 78-17 du 6 janvier 1978 modifiée"
    assert [d.iso for d in find_dates(text)] == ["2012-12", "1978-01-06"]


def test_find_dates_spans_survive_ligatures_and_accents() -> None:
    text = "L’œuvre commencée le 1er février 2004 à Bruxelles"
    (match,) = find_dates(text)
    assert text[match.start : match.end] == "1er février 2004"


def test_french_month_names_are_not_read_before_the_day() -> None:
    # "juin 28" is no French date: here 28 counts countries.
    assert find_dates("En juin 28 pays ont signé") == []


def test_numbers_that_look_like_dates_but_are_not() -> None:
    assert find_dates("Tél.: +32(0)2 707 1010/1002") == []
    assert find_dates("les 28 Alliés et 22 pays partenaires") == []
    assert find_dates("version 1.2.2004.5") == []


def test_year_of() -> None:
    assert year_of("2017-01-25") == 2017
    assert year_of("2012-12") == 2012
    assert year_of(None) is None
    assert year_of("") is None


@given(st.text(max_size=200), st.one_of(st.none(), st.integers(1900, 2100)))
def test_find_dates_never_fails_and_spans_are_in_the_text(text: str, year: int | None) -> None:
    previous_end = 0
    for match in find_dates(text, default_year=year):
        assert previous_end <= match.start < match.end <= len(text)
        assert len(match.iso) in (7, 10, 16)
        previous_end = match.start
    parse_date(text, default_year=year)


@given(
    st.dates(min_value=datetime.date(1700, 1, 1), max_value=datetime.date(2199, 12, 31)),
    st.sampled_from(["fr", "en", "num", "iso"]),
)
def test_written_dates_read_back(day: datetime.date, style: str) -> None:
    fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
    text = {
        "fr": f"{day.day} {fr[day.month - 1]} {day.year}",
        "en": day.strftime("%B ") + f"{day.day}, {day.year}",
        "num": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "iso": day.isoformat(),
    }[style]
    assert parse_date(text) == day.isoformat()

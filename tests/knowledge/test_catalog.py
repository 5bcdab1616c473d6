from __future__ import annotations

from pathlib import Path

import pytest

from natoapp.knowledge import KnowledgeError, load_catalog
from natoapp.knowledge.catalog import adjective_forms
from natoapp.knowledge.model import Alias, EntityKind

GOOD = """
[[framework]]
id = "some-framework"
name_fr = "Cadre"
name_en = "Framework"
acronyms = ["CF"]
adjectives = ["cadrien"]
date = "2004-06-29"

[[framework.source]]
doc = "d"
quote = "Le Cadre est né le 29 juin 2004."

[[country]]
id = "KW"
variants = ["Koweit"]

[[claim]]
kind = "member"
subjects = ["KW"]
object = "some-framework"
doc = "d"
quote = "Le Koweït est membre du Cadre."

[[not_member]]
subject = "SA"
framework = "some-framework"
reason = "Only intends to join."
"""


def write(tmp_path: Path, text: str, name: str = "data.toml") -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def error_for(tmp_path: Path, text: str) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_catalog(write(tmp_path, text))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_good_file_is_read(tmp_path: Path) -> None:
    catalog = load_catalog(write(tmp_path, GOOD))
    framework, country = catalog.entities
    assert framework.kind is EntityKind.FRAMEWORK
    assert framework.date == "2004-06-29"
    assert Alias("CF", "", "acronym") in framework.aliases
    assert Alias("cadrienne", "fr", "adjective") in framework.aliases
    assert framework.sources[0].doc == "d"
    assert country.id == "KW"
    assert country.name_fr is None  # pycountry's names are used
    (claim,) = catalog.claims
    assert claim.subjects == ("KW",)
    (rejection,) = catalog.rejections
    assert rejection.rejects("SA", "some-framework")
    assert not rejection.rejects("SA", "another")
    assert not rejection.rejects("KW", "some-framework")


def test_every_file_of_the_folder_is_read(tmp_path: Path) -> None:
    write(tmp_path, '[[organisation]]\nid = "b"\nname_fr = "B"\nname_en = "B"\n', "b.toml")
    write(tmp_path, '[[organisation]]\nid = "a"\nname_fr = "A"\nname_en = "A"\n', "a.toml")
    assert [e.id for e in load_catalog(tmp_path).entities] == ["a", "b"]


def test_a_rejection_without_framework_rejects_every_framework(tmp_path: Path) -> None:
    catalog = load_catalog(write(tmp_path, '[[not_member]]\nsubject = "TR"\nreason = "r"\n'))
    assert catalog.rejections[0].rejects("TR", "anything")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[framework]\n", "data.toml: not valid TOML"),
        ('[[frameworks]]\nid = "x"\n', "unknown table [[frameworks]] (did you mean 'framework'?)"),
        ("framework = 3\n", "framework must be written [[framework]]"),
        (
            '[[framework]]\nid = "x"\nname_fr = "X"\nname_en = "X"\nnmae_fr = "Y"\n',
            "framework 'x': unknown key 'nmae_fr' (did you mean 'name_fr'?)",
        ),
        ('[[framework]]\nid = "x"\nname_en = "X"\n', "framework 'x': 'name_fr' is missing"),
        ('[[framework]]\nname_fr = "X"\nname_en = "X"\n', "framework #1: 'id' is missing"),
        (
            '[[framework]]\nid = "Not A Slug"\nname_fr = "X"\nname_en = "X"\n',
            "id 'Not A Slug' must be lowercase words joined by '-'",
        ),
        (
            '[[country]]\nid = "XX"\n',
            "country 'XX': 'XX' is not an ISO 3166-1 alpha-2 country code",
        ),
        ('[[country]]\nid = "kw"\n', "'kw' is not an ISO 3166-1 alpha-2 country code"),
        (
            '[[framework]]\nid = "x"\nname_fr = "X"\nname_en = "X"\naliases_fr = "Y"\n',
            "'aliases_fr' must be a list of texts",
        ),
        (
            '[[person]]\nid = "x"\nname_fr = "X"\nname_en = "X"\nparent = "y"\n',
            "person 'x': unknown key 'parent'",
        ),
        (
            '[[event]]\nid = "x"\nname_fr = "X"\nname_en = "X"\ndate = "29 juin 2004"\n',
            "date '29 juin 2004' is not YYYY, YYYY-MM, YYYY-MM-DD or a range FROM/TO",
        ),
        (
            '[[event]]\nid = "x"\nname_fr = "X"\nname_en = "X"\ndate = "2004-02-30"\n',
            "date '2004-02-30' is not YYYY, YYYY-MM, YYYY-MM-DD",
        ),
        (
            '[[event]]\nid = "x"\nname_fr = "X"\nname_en = "X"\ndate = "2004-13"\n',
            "date '2004-13' is not",
        ),
        (
            '[[event]]\nid = "x"\nname_fr = "X"\nname_en = "X"\ndate = "2004"\n',
            "event 'x': date must come from the texts: add a [[event.source]]",
        ),
        (
            '[[person]]\nid = "x"\nname_fr = "X"\nname_en = "X"\nrole_en = "Chief"\n',
            "person 'x': role_en must come from the texts",
        ),
        (
            '[[event]]\nid = "x"\nname_fr = "X"\nname_en = "X"\n[[event.source]]\ndoc = "d"\n',
            "event 'x', source #1: 'quote' is missing",
        ),
        (
            '[[country]]\nid = "KW"\nrelevant = "yes"\n',
            "country 'KW': 'relevant' must be true or false",
        ),
        (
            '[[claim]]\nkind = "member"\nobject = "x"\ndoc = "d"\nquote = "q"\n',
            "claim #1: 'subject' (or 'subjects') is missing",
        ),
        (
            '[[claim]]\nkind = "member"\nsubject = "KW"\nsubjects = ["QA"]\nobject = "x"\n',
            "give either 'subject' or 'subjects', not both",
        ),
        (
            '[[claim]]\nkind = "member"\nsubject = "KW"\nobject = "x"\ndoc = "d"\n',
            "claim #1 (member KW -> x): 'quote' is missing",
        ),
        (
            '[[claim]]\nkind = "member"\nsubject = "KW"\nobject = "x"\ndoc = "d"\nquote = "q"\n'
            'source = "s"\n',
            "unknown key 'source'",
        ),
        ('[[not_member]]\nsubject = "TR"\n', "not_member #1 (TR not member of any framework)"),
    ],
)
def test_malformed_data_is_refused_with_a_clear_message(
    tmp_path: Path, text: str, expected: str
) -> None:
    message = error_for(tmp_path, text)
    assert expected in message
    assert message.startswith("knowledge/data.toml")


def test_an_id_defined_twice_is_refused_naming_both_places(tmp_path: Path) -> None:
    entry = '[[organisation]]\nid = "un"\nname_fr = "ONU"\nname_en = "UN"\n'
    write(tmp_path, entry, "a.toml")
    write(tmp_path, entry, "b.toml")
    with pytest.raises(KnowledgeError) as info:
        load_catalog(tmp_path)
    assert str(info.value) == (
        "knowledge/b.toml, organisation 'un': id 'un' is already used by"
        " knowledge/a.toml, organisation 'un'"
    )


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"folder .*knowledge is missing"):
        load_catalog(tmp_path)
    (tmp_path / "knowledge").mkdir()
    with pytest.raises(KnowledgeError, match=r"no \.toml file"):
        load_catalog(tmp_path)


def test_the_shipped_resources_are_well_formed(real_resources: Path) -> None:
    catalog = load_catalog(real_resources)
    assert catalog.entities and catalog.claims and catalog.rejections


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("koweïtien", ["koweïtien", "koweïtiens", "koweïtienne", "koweïtiennes"]),
        ("qatari", ["qatari", "qataris", "qatarie", "qataries"]),
        ("omanais", ["omanais", "omanaise", "omanaises"]),
        ("russe", ["russe", "russes"]),
        ("turc", ["turc", "turcs"]),
    ],
)
def test_adjective_forms(base: str, forms: list[str]) -> None:
    assert adjective_forms(base) == forms

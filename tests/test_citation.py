"""Citations: exact strings for each format, and escaping that holds for any document text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.citation import (
    CITATION_FORMATS,
    CitationSource,
    format_excerpt,
    format_reference,
    source_for,
)
from natoapp.store.records import DocumentInfo, PassageInfo

NBSP = "\u00a0"
TITLE = (
    "L'OTAN fait du Dialogue méditerranéen un véritable Partenariat, "
    "et lance l'Initiative de coopération d'Istanbul"
)
QUOTE = (
    "Le Dialogue méditerranéen de l'OTAN a largement contribué à instaurer la confiance "
    "et la coopération entre l'OTAN et ses sept partenaires de la région méditerranéenne : "
    "Algérie, Égypte, Israël, Jordanie, Maroc, Mauritanie et Tunisie."
)
CITATION = f"{TITLE}. OTAN Hebdo, 2004-06-29, passage 3. 000_3dd9bffdd09fa4c1.txt"


@pytest.fixture
def hebdo() -> CitationSource:
    return CitationSource(
        title=TITLE,
        publisher="OTAN Hebdo",
        date="2004-06-29",
        updated="2004-12-08T10:55",
        doc="000_3dd9bffdd09fa4c1",
        source_file="000_3dd9bffdd09fa4c1.txt",
        passage_id="000_3dd9bffdd09fa4c1:3",
        passage_ordinal=3,
        language="fr",
    )


@pytest.fixture
def undated() -> CitationSource:
    return CitationSource(
        title="Partenariats : une approche coopérative de la sécurité",
        publisher=None,
        date=None,
        updated=None,
        doc="001_9ae11caa2999d0e2",
        source_file="001_9ae11caa2999d0e2.txt",
        passage_id="001_9ae11caa2999d0e2:2",
        passage_ordinal=2,
        language="fr",
    )


def test_plain_french_excerpt_uses_guillemets_with_no_break_spaces(hebdo):
    copied = format_excerpt(QUOTE, hebdo, "plain")
    assert copied.plain == f"«{NBSP}{QUOTE}{NBSP}»\n— {CITATION}"


def test_plain_excerpt_of_an_undated_document_says_nd(undated):
    copied = format_excerpt("L'OTAN coopère aussi avec un ensemble de pays.", undated, "plain")
    assert copied.plain.endswith(
        "— Partenariats : une approche coopérative de la sécurité. n.d., passage 2. "
        "001_9ae11caa2999d0e2.txt"
    )


def test_english_quote_gets_english_quotation_marks(hebdo):
    english = CitationSource(**{**_fields(hebdo), "language": "en"})
    assert format_excerpt("Press conference", english, "plain").plain.startswith(
        "“Press conference”\n— "
    )


def test_cut_selection_is_marked_at_each_cut_end(hebdo):
    middle = "a largement contribué à instaurer la confiance"
    copied = format_excerpt(middle, hebdo, "plain", cut_start=True, cut_end=True)
    assert copied.plain.startswith(f"«{NBSP}[…] {middle} […]{NBSP}»\n")
    assert format_excerpt(middle, hebdo, "plain", cut_start=True).plain.startswith(
        f"«{NBSP}[…] {middle}{NBSP}»"
    )
    assert format_excerpt(middle, hebdo, "plain", cut_end=True).plain.startswith(
        f"«{NBSP}{middle} […]{NBSP}»"
    )


def test_markdown_is_a_block_quote_then_the_citation(hebdo):
    copied = format_excerpt(QUOTE, hebdo, "markdown", cut_end=True)
    assert copied.plain == f"> {QUOTE} […]\n>\n> — {CITATION}"


def test_markdown_escapes_what_would_be_markup(hebdo):
    copied = format_excerpt("1. **gras** [lien](#) <b>x</b> & #tag", hebdo, "markdown")
    first_line = copied.plain.split("\n")[0]
    assert first_line == r"> 1\. \*\*gras\*\* \[lien\](\#) \<b\>x\</b\> \& \#tag"


def test_html_excerpt_is_escaped_block_quote_and_cite(hebdo):
    copied = format_excerpt(QUOTE, hebdo, "html")
    expected = f'<blockquote lang="fr">{QUOTE}</blockquote><p><cite>{CITATION}</cite></p>'
    assert copied.html == expected
    assert copied.plain == expected


def test_html_keeps_hostile_document_text_as_text(hebdo):
    hostile = '<script>alert(1)</script> <a href="file:///etc/passwd">x</a> <img src=y>'
    copied = format_excerpt(hostile, hebdo, "html")
    assert "<script>" not in copied.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in copied.html
    assert _tags(copied.html) == ["blockquote", "p", "cite"]
    assert _text_of(copied.html).startswith(hostile)


def test_bibtex_entry_is_keyed_by_document_and_notes_the_passage(hebdo):
    assert format_reference(hebdo, "bibtex") == (
        "@misc{natoapp:000_3dd9bffdd09fa4c1,\n"
        f"  title = {{{TITLE}}},\n"
        "  howpublished = {OTAN Hebdo},\n"
        "  year = {2004},\n"
        "  date = {2004-06-29},\n"
        "  language = {fr},\n"
        "  note = {passage 3}\n"
        "}"
    )


def test_bibtex_escapes_tex_specials(hebdo):
    odd = CitationSource(**{**_fields(hebdo), "title": r"50% {R&D} #1 a_b \x $ ^ ~"})
    entry = format_reference(odd, "bibtex")
    assert r"title = {50\% \{R\&D\} \#1 a\_b \textbackslash{}x \$ \^{} \~{}}," in entry


def test_bibtex_excerpt_carries_the_quote_as_abstract(hebdo):
    entry = format_excerpt(QUOTE, hebdo, "bibtex").plain
    assert f"  abstract = {{{QUOTE}}},\n  note = {{passage 3}}\n}}" in entry


def test_csl_json_item(hebdo):
    item = json.loads(format_excerpt(QUOTE, hebdo, "csl-json").plain)
    assert item == {
        "id": "natoapp:000_3dd9bffdd09fa4c1",
        "type": "webpage",
        "title": TITLE,
        "publisher": "OTAN Hebdo",
        "issued": {"date-parts": [[2004, 6, 29]]},
        "language": "fr",
        "archive_location": "000_3dd9bffdd09fa4c1.txt",
        "note": "passage 3",
        "abstract": QUOTE,
    }
    assert "URL" not in item


def test_csl_json_of_an_undated_page(undated):
    item = json.loads(format_reference(undated, "csl-json"))
    assert item["type"] == "webpage"
    assert "issued" not in item
    assert "publisher" not in item


def test_reference_without_a_passage_has_no_passage_number(hebdo):
    whole = CitationSource(**{**_fields(hebdo), "passage_id": None, "passage_ordinal": None})
    assert format_reference(whole, "plain") == (
        f"{TITLE}. OTAN Hebdo, 2004-06-29. 000_3dd9bffdd09fa4c1.txt"
    )
    assert "note" not in format_reference(whole, "bibtex")


def test_source_for_takes_what_the_document_and_passage_say():
    document = DocumentInfo(
        id="003_cac1df43d34c3008",
        title="L’Otan a ouvert un bureau régional au Koweït",
        date="2017-01-25",
        updated=None,
        publisher=None,
        source_file="003_cac1df43d34c3008.txt",
        passages=9,
        language="fr",
    )
    passage = PassageInfo(
        id="003_cac1df43d34c3008:3",
        doc="003_cac1df43d34c3008",
        ordinal=3,
        kind="paragraph",
        text="…",
        start=0,
        end=1,
        segments=(),
    )
    source = source_for(document, passage)
    assert source == CitationSource(
        title="L’Otan a ouvert un bureau régional au Koweït",
        publisher=None,
        date="2017-01-25",
        updated=None,
        doc="003_cac1df43d34c3008",
        source_file="003_cac1df43d34c3008.txt",
        passage_id="003_cac1df43d34c3008:3",
        passage_ordinal=3,
        language="fr",
    )
    whole = source_for(document)
    assert whole.passage_id is None and whole.passage_ordinal is None


def test_unknown_format_is_refused(hebdo):
    with pytest.raises(ValueError, match="unknown citation format"):
        format_excerpt(QUOTE, hebdo, "rtf")


def test_selection_line_separators_become_line_breaks(hebdo):
    copied = format_excerpt("premier\u2029second", hebdo, "markdown")
    assert copied.plain.startswith("> premier\n> second\n>\n")
    assert "premier<br>second" in copied.html


# Any text a document could hold: letters, markup characters, quotes, line breaks.
document_text = st.text(
    alphabet=st.sampled_from(list("abcé «»\"'<>&;/=#%{}\\_$^~*[]()|`-\n1.")),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip())


@given(document_text)
def test_html_never_lets_document_text_become_markup(hebdo_text):
    source = CitationSource(
        title=hebdo_text,
        publisher=hebdo_text,
        date=None,
        updated=None,
        doc="d",
        source_file="d.txt",
        passage_id="d:1",
        passage_ordinal=1,
    )
    copied = format_excerpt(hebdo_text, source, "plain")
    assert _tags(copied.html) == ["blockquote", *(["br"] * _inner_breaks(hebdo_text)), "p", "cite"]


@given(document_text)
def test_bibtex_braces_always_balance(text):
    source = CitationSource(
        title=text,
        publisher=text,
        date=None,
        updated=None,
        doc="d",
        source_file="d.txt",
        passage_id="d:1",
        passage_ordinal=1,
    )
    entry = format_excerpt(text, source, "bibtex").plain
    unescaped = re.sub(r"\\[{}]", "", entry)
    depth = 0
    for ch in unescaped:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0


@given(document_text)
def test_csl_json_round_trips_the_quote(text):
    source = CitationSource(
        title=text,
        publisher=None,
        date=None,
        updated=None,
        doc="d",
        source_file="d.txt",
        passage_id="d:1",
        passage_ordinal=1,
    )
    item = json.loads(format_excerpt(text, source, "csl-json").plain)
    assert item["title"] == text
    assert item["abstract"] == text.strip()


@pytest.mark.parametrize("fmt", CITATION_FORMATS)
def test_every_format_names_the_source_file(hebdo, fmt):
    copied = format_excerpt(QUOTE, hebdo, fmt)
    assert "000_3dd9bffdd09fa4c1" in copied.plain
    assert "000_3dd9bffdd09fa4c1" in copied.html


def _fields(source: CitationSource) -> dict[str, object]:
    return {name: getattr(source, name) for name in source.__slots__}


def _inner_breaks(text: str) -> int:
    return text.strip().count("\n")


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _tags(markup: str) -> list[str]:
    parser = _TagCollector()
    parser.feed(markup)
    return parser.tags


def _text_of(markup: str) -> str:
    parser = _TagCollector()
    parser.feed(markup)
    return "".join(parser.text)


def test_an_undated_document_reference_has_one_full_stop_after_nd() -> None:
    source = CitationSource(
        title="Partenariats : une approche coopérative de la sécurité",
        publisher=None,
        date=None,
        updated=None,
        doc="001_9ae11caa2999d0e2",
        source_file="001_9ae11caa2999d0e2.txt",
    )
    reference = format_reference(source, "plain")
    assert "n.d.." not in reference
    assert reference.endswith("n.d. 001_9ae11caa2999d0e2.txt")

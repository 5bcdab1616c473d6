"""Extracting a page's main text, title and date, without its furniture."""

from __future__ import annotations

from natoapp.corpus.importers.html_text import declared_charset, extract_html

PAGE = """<!doctype html><html><head>
<title>L'Otan au Koweït | Site d'actualité</title>
<meta property="article:published_time" content="2017-01-25T10:00:00+01:00">
<script>var tracking = "Koweït";</script><style>p { color: red }</style>
</head><body>
<header class="site-header"><h1>Site d'actualité</h1>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav></header>
<div class="cookie-banner">Nous utilisons des cookies. <button>Accepter</button></div>
<main><article>
<header><h1>L’Otan a ouvert un bureau régional au Koweït</h1></header>
<p>L’Initiative de coopération d’Istanbul a été lancée en <b>2004</b> avec
   quatre pays du <a href="/golfe">Golfe</a>.</p>
<h2>Les pays</h2>
<ul><li>Bahreïn</li><li>le Koweït</li></ul>
<blockquote><p>Ce sera une plateforme vitale.</p></blockquote>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<p hidden>Texte caché</p>
<table><tr><th>Pays</th><th>Adhésion</th></tr><tr><td>Qatar</td><td>2005</td></tr></table>
</article>
<aside><h3>À lire aussi</h3><ul><li><a href="/x">Autre article</a></li></ul></aside>
</main>
<footer><p>© 2017 — Mentions légales</p></footer>
</body></html>"""


def test_main_content_as_markdown_like_lines() -> None:
    page = extract_html(PAGE)
    assert page.text == (
        "# L’Otan a ouvert un bureau régional au Koweït\n"
        "\n"
        "L’Initiative de coopération d’Istanbul a été lancée en 2004 avec quatre pays du Golfe.\n"
        "\n"
        "## Les pays\n"
        "\n"
        "- Bahreïn\n"
        "- le Koweït\n"
        "\n"
        "> Ce sera une plateforme vitale.\n"
        "\n"
        "Pays | Adhésion\n"
        "\n"
        "Qatar | 2005\n"
    )


def test_furniture_scripts_and_hidden_text_are_dropped() -> None:
    text = extract_html(PAGE).text
    for gone in ("Accueil", "cookies", "Facebook", "Texte caché", "lire aussi", "Mentions", "var"):
        assert gone not in text


def test_title_is_the_content_heading_and_date_the_published_time() -> None:
    page = extract_html(PAGE)
    assert page.title == "L’Otan a ouvert un bureau régional au Koweït"
    assert page.date == "2017-01-25"


def test_without_heading_the_title_comes_from_metadata() -> None:
    page = extract_html(
        '<html><head><meta property="og:title" content="Partenaires  mondiaux">'
        "<title>Autre</title></head><body><p>Texte.</p></body></html>"
    )
    assert page.title == "Partenaires mondiaux"
    bare = extract_html(
        "<html><head><title> Seul titre </title></head><body><p>x</p></body></html>"
    )
    assert bare.title == "Seul titre"


def test_date_from_a_time_element_and_none_when_the_page_gives_none() -> None:
    dated = extract_html(
        '<body><article><time datetime="2012-05-20">20 mai</time><p>x</p></article>'
    )
    assert dated.date == "2012-05-20"
    assert extract_html("<body><p>Publié un jour.</p></body>").date is None


def test_a_block_that_is_only_a_link_stays_a_link_for_the_furniture_rules() -> None:
    page = extract_html('<body><ul><li><a href="/a">Sommet d’Istanbul</a></li></ul><p>Texte.</p>')
    assert "- [Sommet d’Istanbul](#)" in page.text


def test_line_breaks_and_preformatted_text_are_kept() -> None:
    page = extract_html("<body><p>une<br>deux</p><pre>  a  b\n\n c</pre></body>")
    assert page.text == "une\ndeux\n\n  a  b\n\n c\n"


def test_broken_markup_is_still_read() -> None:
    page = extract_html("<p>Un <b>paragraphe <i>mal fermé<p>Un autre")
    assert "Un paragraphe mal fermé" in page.text
    assert "Un autre" in page.text


def test_declared_charset() -> None:
    assert declared_charset(b'<meta charset="windows-1252">') == "windows-1252"
    assert (
        declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        )
        == "ISO-8859-1"
    )
    assert declared_charset(b"<p>none</p>") is None

"""The main text of an HTML page, without its furniture, as lines the corpus layer reads.

beautifulsoup4 with Python's own ``html.parser`` reads any page, however broken,
without a compiled dependency. A full extractor (trafilatura) would bring a
dozen more packages and its own idea of what a paragraph is; natoapp already
knows page furniture line by line (:mod:`natoapp.corpus.furniture`), so this
module only does what needs the page's structure:

* the content root is ``<main>``, else the ``<article>`` with the most text,
  else an element with ``role="main"``, else ``<body>``;
* elements that are never content are dropped (scripts, styles, forms,
  ``<nav>``, ``<aside>``, ``<footer>``, hidden elements), and so are elements
  whose role, class or id says they are navigation, a sidebar, a cookie banner,
  share buttons and the like — unless they hold the page's main heading;
* what is left becomes Markdown-like lines: ``# heading``, ``- list item``,
  ``> quotation``, one blank line between blocks. A block that is nothing but a
  link is written as a Markdown link, so the corpus layer's furniture rules
  recognise a link list that survived.

The title is the content's first ``<h1>``, else ``og:title`` / ``DC.title``,
else ``<title>``; the date the page's publication metadata
(``article:published_time``, ``DC.date``, ``<time datetime>``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString

from natoapp.corpus.dates import parse_date

_NEVER_CONTENT = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "iframe",
    "svg",
    "canvas",
    "button",
    "select",
    "input",
    "textarea",
    "dialog",
    "menu",
    "object",
    "embed",
    "video",
    "audio",
    "map",
    "img",
    "picture",
    "head",
)
_FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "toolbar"}
)
# Words in a class or id that mark page furniture ("main-nav", "cookie-banner", "share").
_FURNITURE_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|cookies?|consent|"
    r"share|sharing|social|related|newsletter|subscribe|skip|pagination|pager|footer|"
    r"masthead|banner|advert|ads|promo|popup|modal|toolbar|print|tags)(?:$|[-_\s])",
    re.I,
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "body",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "figure",
        "figcaption",
        "address",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "caption",
        "details",
        "summary",
        "center",
    }
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SPACES = re.compile(r"[ \t\r\n\f\v\u200b]+")
_DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "citation_date",
    "pubdate",
    "publishdate",
    "date",
)
_TITLE_METAS = ("og:title", "dc.title", "dcterms.title", "citation_title", "twitter:title")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class HtmlText:
    """The page's content as lines, and the title and date its markup gives."""

    text: str
    title: str | None
    date: str | None


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first bytes (``<meta charset>``), or None."""
    match = re.search(
        rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", data[:4096], re.I
    )
    return match.group(1).decode("ascii") if match else None


def extract_html(markup: str) -> HtmlText:
    """The main content of an HTML page as text lines, with its title and date."""
    soup = BeautifulSoup(markup, "html.parser")
    root = _content_root(soup)
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    heading = _main_heading(root)
    # The page's date may sit in furniture (a header's <time>): read it first.
    date = _meta_date(soup) or _time_date(root)
    _drop_furniture(root, heading)
    title = _SPACES.sub(" ", heading.get_text()).strip() if heading is not None else ""
    lines: list[str] = []
    _render(root, lines, prefix="")
    return HtmlText(text=_join_blocks(lines), title=title or _meta_title(soup), date=date)


def _main_heading(root: Tag) -> Tag | None:
    """The content's first ``<h1>`` outside furniture, preferring one outside any ``<header>``."""
    found = [
        h
        for h in root.find_all("h1")
        if isinstance(h, Tag) and _SPACES.sub("", h.get_text()) and not _in_furniture(h, root)
    ]
    plain = [h for h in found if not any(p.name == "header" for p in _ancestors(h, root))]
    chosen = plain or found
    return chosen[0] if chosen else None


def _ancestors(tag: Tag, root: Tag) -> list[Tag]:
    out: list[Tag] = []
    for parent in tag.parents:
        if parent is root:
            break
        out.append(parent)
    return out


def _in_furniture(tag: Tag, root: Tag) -> bool:
    return any(
        p.name in _NEVER_CONTENT
        or _is_hidden(p)
        or (p.name != "header" and _looks_like_furniture(p))
        for p in [tag, *_ancestors(tag, root)]
    )


def _meta(soup: BeautifulSoup, names: tuple[str, ...]) -> str | None:
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        if not isinstance(meta, Tag):
            continue
        key = str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "")
        content = meta.get("content")
        if key and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    for name in names:
        if name in found:
            return found[name]
    return None


def _meta_title(soup: BeautifulSoup) -> str | None:
    title = _meta(soup, _TITLE_METAS)
    if title:
        return _SPACES.sub(" ", title).strip()
    tag = soup.find("title")
    if isinstance(tag, Tag):
        text = _SPACES.sub(" ", tag.get_text()).strip()
        return text or None
    return None


def _as_date(value: str) -> str | None:
    iso = _ISO_DATE.match(value)
    if iso:
        return parse_date(f"{iso.group(1)}-{iso.group(2)}-{iso.group(3)}")
    return parse_date(value.strip())


def _meta_date(soup: BeautifulSoup) -> str | None:
    value = _meta(soup, _DATE_METAS)
    return _as_date(value) if value else None


def _time_date(root: Tag) -> str | None:
    for time in root.find_all("time"):
        if isinstance(time, Tag):
            stamp = time.get("datetime")
            value = stamp if isinstance(stamp, str) and stamp.strip() else time.get_text()
            found = _as_date(value)
            if found:
                return found
    return None


def _text_length(tag: Tag) -> int:
    return len(_SPACES.sub(" ", tag.get_text()).strip())


def _content_root(soup: BeautifulSoup) -> Tag:
    main = soup.find("main")
    if isinstance(main, Tag):
        return main
    articles = [a for a in soup.find_all("article") if isinstance(a, Tag)]
    if articles:
        return max(articles, key=_text_length)
    role_main = soup.find(True, attrs={"role": "main"})
    if isinstance(role_main, Tag):
        return role_main
    body = soup.find("body")
    return body if isinstance(body, Tag) else soup


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(tag.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _looks_like_furniture(tag: Tag) -> bool:
    if tag.name == "header":
        return True
    if str(tag.get("role", "")).lower() in _FURNITURE_ROLES:
        return True
    classes: object = tag.get("class")
    listed = [str(c) for c in classes] if isinstance(classes, list) else [str(classes or "")]
    names = " ".join([*listed, str(tag.get("id", ""))])
    return bool(names.strip()) and bool(_FURNITURE_NAME.search(names))


def _drop_furniture(root: Tag, keep: Tag | None) -> None:
    for tag in list(root.find_all(True)):
        if not isinstance(tag, Tag) or tag.decomposed:
            continue
        never = tag.name in _NEVER_CONTENT or _is_hidden(tag)
        if never or (_looks_like_furniture(tag) and not _holds(tag, keep)):
            tag.decompose()


def _holds(tag: Tag, inner: Tag | None) -> bool:
    if inner is None:
        return False
    return inner is tag or any(parent is tag for parent in inner.parents)


def _only_a_link(tag: Tag) -> Tag | None:
    """The one link that makes up all of ``tag``'s text, if it is nothing else."""
    links = [a for a in tag.find_all("a") if isinstance(a, Tag)]
    if len(links) != 1:
        return None
    text = _SPACES.sub(" ", tag.get_text()).strip()
    label = _SPACES.sub(" ", links[0].get_text()).strip()
    return links[0] if text and text == label else None


def _has_blocks(tag: Tag) -> bool:
    return any(isinstance(child, Tag) and child.name in _BLOCKS for child in tag.descendants)


def _render(tag: Tag, lines: list[str], prefix: str) -> None:
    """Append ``tag``'s content as lines; an empty string in ``lines`` ends a block."""
    inline: list[Tag | NavigableString] = []

    def flush() -> None:
        text = "".join(_piece(node) for node in inline)
        inline.clear()
        if text.strip():
            _emit(lines, prefix, text)
            lines.append("")

    for child in tag.children:
        if isinstance(child, Tag) and child.name in _BLOCKS:
            flush()
            _render_block(child, lines, prefix)
        elif isinstance(child, Tag | NavigableString):
            inline.append(child)
    flush()


def _piece(node: Tag | NavigableString) -> str:
    if isinstance(node, NavigableString):
        return _SPACES.sub(" ", str(node))
    if node.name == "br":
        return "\n"
    return "".join(_piece(c) for c in node.children if isinstance(c, Tag | NavigableString))


def _emit(lines: list[str], prefix: str, text: str) -> None:
    """Append the non-blank lines of ``text``; the caller ends the block."""
    for line in text.split("\n"):
        clean = _SPACES.sub(" ", line).strip()
        if clean:
            lines.append(f"{prefix}{clean}")


def _render_block(tag: Tag, lines: list[str], prefix: str) -> None:
    name = tag.name
    if name == "hr":
        lines.append("")
        return
    if name == "pre":
        for line in tag.get_text().split("\n"):
            lines.append(f"{prefix}{line.rstrip()}" if line.strip() else "")
        lines.append("")
        return
    if name in _HEADINGS:
        text = _SPACES.sub(" ", tag.get_text()).strip()
        if text:
            lines += ["", f"{prefix}{'#' * _HEADINGS[name]} {text}", ""]
        return
    if name == "blockquote":
        _render(tag, lines, prefix=f"{prefix}> ")
        return
    if name in ("li", "dd", "dt", "p", "figcaption", "caption", "summary") and not _has_blocks(tag):
        link = _only_a_link(tag)
        marker = "- " if name == "li" else ""
        if link is not None:
            # A link alone is what navigation is made of; the corpus layer decides.
            label = _SPACES.sub(" ", link.get_text()).strip()
            lines.append(f"{prefix}{marker}[{label}](#)")
        else:
            text = "".join(_piece(c) for c in tag.children if isinstance(c, Tag | NavigableString))
            if marker:
                text = text.replace("\n", " ")  # one item, one line
            _emit(lines, f"{prefix}{marker}", text)
        if name != "li":
            lines.append("")  # list items follow each other line by line, as in Markdown
        return
    if name == "tr":
        cells = [
            _SPACES.sub(" ", cell.get_text()).strip()
            for cell in tag.find_all(["td", "th"])
            if isinstance(cell, Tag)
        ]
        row = " | ".join(cell for cell in cells if cell)
        if row:
            lines += [f"{prefix}{row}", ""]
        return
    if name == "li":
        lines.append(f"{prefix}- ")  # a list item holding blocks: the marker on its own
        _render(tag, lines, prefix)
        return
    _render(tag, lines, prefix)
    lines.append("")


def _join_blocks(lines: list[str]) -> str:
    """Lines with exactly one blank line between blocks, none at either end."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped in ("", ">", "-", "- "):
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.rstrip())
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""

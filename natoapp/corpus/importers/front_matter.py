"""Markdown front matter: the ``title:`` and ``date:`` a ``---`` block at the top may give."""

from __future__ import annotations

import re
from dataclasses import dataclass

from natoapp.corpus.dates import parse_date

_BLOCK = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The text after the front matter, and the title and date the front matter gives."""

    text: str
    title: str | None
    date: str | None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> FrontMatter:
    """Strip a leading ``---`` front-matter block; a text without one comes back as it is."""
    match = _BLOCK.match(text)
    if match is None:
        return FrontMatter(text, None, None)
    fields: dict[str, str] = {}
    for line in match.group("body").splitlines():
        found = _FIELD.match(line)
        if found:
            fields.setdefault(found.group("key").lower(), _unquote(found.group("value")))
    if not fields:
        # A rule line followed by text is no front matter.
        return FrontMatter(text, None, None)
    title = fields.get("title") or None
    raw_date = fields.get("date") or fields.get("published") or ""
    iso = _ISO.match(raw_date)
    date = parse_date(iso.group(0)) if iso else (parse_date(raw_date) if raw_date else None)
    return FrontMatter(text[match.end() :], title, date)

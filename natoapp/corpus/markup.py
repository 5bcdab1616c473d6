"""Inline markup a reader does not see: ``**bold**``, ``[label](#)``, ``XXI^e``.

Web pages saved as text keep bits of Markdown. This module says which
characters of a line are visible, as spans of the original line, so that a
passage's text can be built from the raw text piece by piece and every piece
traced back to where it stands (see :class:`natoapp.corpus.model.Segment`).

What is removed: link and image syntax (the label of a link stays, its target
goes; an image goes whole), emphasis markers (``**x**``, ``__x__``, ``*x*``,
``_x_``), code backticks, superscript carets (``XXI^e`` and ``XXI^e^`` read
``XXIe``) and backslash escapes. Square brackets without a link target stay as
they are: ``[…]`` is the writer's own ellipsis. Anything that looks like an HTML
tag stays too: a text file is read as text, so ``<b>`` is what its reader sees
(HTML files are parsed as HTML by the importers instead).
"""

from __future__ import annotations

import re

# A character that no pattern below can take as a delimiter: it stands in the
# working copy for characters already consumed (link targets, escaped chars).
_BLOCKED = "\x00"
# A line without any of these has no markup at all.
_MARKUP_CHARS = "[]*_`^\\!"

_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_RE = re.compile(
    r"\[(?P<label>[^\[\]\n]+)\](?:\((?P<target>[^)\s]*)(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])"
)
_ESCAPE_RE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!^<>|])")
_CODE_RE = re.compile(r"(?P<ticks>`+)(?P<body>[^`\n]+?)(?P=ticks)")
# Paired emphasis; each inner side must touch a non-space, as in Markdown.
_EMPHASIS_RES = (
    re.compile(r"\*\*(?=[^\s*])(?P<body>.+?)(?<=[^\s*])\*\*"),
    re.compile(r"(?<![\w_])__(?=[^\s_])(?P<body>.+?)(?<=[^\s_])__(?![\w_])"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<body>[^*\n]+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])(?P<body>[^_\n]+?)(?<=[^\s_])_(?![\w_])"),
)
_PANDOC_SUPERSCRIPT_RE = re.compile(r"(?<=\w)\^(?P<body>[^\s^]{1,12})\^")
_CARET_SUPERSCRIPT_RE = re.compile(r"(?<=\w)\^(?=\w)")


def _delete(deleted: list[bool], work: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        deleted[i] = True
        work[i] = _BLOCKED


def _is_free(work: list[str], start: int, end: int) -> bool:
    return _BLOCKED not in work[start:end]


def hidden_mask(text: str) -> list[bool]:
    """For each character of ``text``, whether it is markup a reader does not see."""
    deleted = [False] * len(text)
    if not any(ch in text for ch in _MARKUP_CHARS):
        return deleted
    work = list(text)

    for m in _ESCAPE_RE.finditer(text):
        _delete(deleted, work, m.start(), m.start() + 1)
        # The escaped character is shown, but may no longer delimit anything.
        work[m.start("char")] = _BLOCKED
    for m in _IMAGE_RE.finditer("".join(work)):
        _delete(deleted, work, m.start(), m.end())
    for m in _LINK_RE.finditer("".join(work)):
        _delete(deleted, work, m.start(), m.start("label"))
        _delete(deleted, work, m.end("label"), m.end())
    for m in _CODE_RE.finditer("".join(work)):
        _delete(deleted, work, m.start(), m.start("body"))
        _delete(deleted, work, m.end("body"), m.end())
        for i in range(m.start("body"), m.end("body")):
            work[i] = _BLOCKED  # code is shown verbatim
    for pattern in _EMPHASIS_RES:
        for m in pattern.finditer("".join(work)):
            opening = (m.start(), m.start("body"))
            closing = (m.end("body"), m.end())
            if _is_free(work, *opening) and _is_free(work, *closing):
                _delete(deleted, work, *opening)
                _delete(deleted, work, *closing)
    for m in _PANDOC_SUPERSCRIPT_RE.finditer("".join(work)):
        _delete(deleted, work, m.start(), m.start("body"))
        _delete(deleted, work, m.end("body"), m.end())
    for m in _CARET_SUPERSCRIPT_RE.finditer("".join(work)):
        _delete(deleted, work, m.start(), m.end())
    return deleted


def visible_spans(text: str) -> list[tuple[int, int]]:
    """The runs of ``text`` a reader sees, as ``(start, end)`` spans, in order.

    Leading and trailing white space of the whole visible text is left out.
    """
    if not any(ch in text for ch in _MARKUP_CHARS):
        # Most lines carry no markup: one span, no per-character walk.
        return _trim(text, [(0, len(text))] if text else [])
    deleted = hidden_mask(text)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, gone in enumerate(deleted):
        if gone:
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(text)))
    return _trim(text, spans)


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    while spans:
        s, e = spans[0]
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            spans[0] = (s, e)
            break
        spans.pop(0)
    while spans:
        s, e = spans[-1]
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans[-1] = (s, e)
            break
        spans.pop()
    return spans


def strip_markup(text: str) -> str:
    """``text`` as a reader sees it: ``"l'**Initiative** [ICI](#)"`` → ``"l'Initiative ICI"``."""
    return "".join(text[s:e] for s, e in visible_spans(text))


def remove_links(text: str) -> tuple[str, int]:
    """``text`` without its links and images, and how many there were."""
    without_images, images = _IMAGE_RE.subn(" ", text)
    without_links, links = _LINK_RE.subn(" ", without_images)
    return without_links, images + links

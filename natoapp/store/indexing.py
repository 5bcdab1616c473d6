"""What the full-text index holds for each passage.

``title`` and ``body`` hold the folded words of the passage (see
:mod:`natoapp.store.words`); ``title_stem`` and ``body_stem`` the light stem of
each of those words, in the same order, so a phrase of stems lines up with the
phrase of words.

A passage's text goes to ``title`` when the passage is a heading (a section
heading, or the document's title line whatever its kind) and to ``body``
otherwise, so every
hit has its words in its own text and a heading that names the query ranks
above a paragraph that does. When no passage carries the document's title,
the title is indexed in the ``title`` column of the document's first passage,
so that every document can still be found by its title.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from natoapp.corpus.model import Document, PassageKind
from natoapp.corpus.normalize import fold
from natoapp.store.stemming import stem
from natoapp.store.words import words

FtsRow = tuple[int, str, str, str, str]


def folded_words(text: str) -> list[str]:
    """The folded words of original ``text``."""
    return words(fold(text))


def _columns(word_list: Sequence[str]) -> tuple[str, str]:
    return " ".join(word_list), " ".join(stem(w) for w in word_list)


def fts_rows(document: Document, first_rowid: int) -> Iterator[FtsRow]:
    """``(rowid, title, body, title_stem, body_stem)`` for each passage of ``document``.

    Passages get consecutive rowids from ``first_rowid`` in reading order.
    """
    title_words = folded_words(document.title)
    passage_words = [folded_words(p.text) for p in document.passages]
    carried = title_words in passage_words
    for offset, (passage, found) in enumerate(zip(document.passages, passage_words, strict=True)):
        is_title = passage.kind == PassageKind.HEADING or found == title_words
        title = found if is_title else []
        body = [] if is_title else found
        if offset == 0 and not carried:
            title = title_words + title
        title_text, title_stems = _columns(title)
        body_text, body_stems = _columns(body)
        yield first_rowid + offset, title_text, body_text, title_stems, body_stems

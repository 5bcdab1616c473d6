"""Telling French from English in a line, by its small words.

Seed pages are French with English photo captions; counting articles and
prepositions is enough to tell the two apart, and needs no model.
"""

from __future__ import annotations

import re
from collections import Counter

from natoapp.corpus.normalize import fold

# Words frequent in one language and absent from the other ("on", "a", "as"
# are both French and English, so they count for neither).
STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        {
            "le", "la", "les", "l'", "de", "des", "du", "d'", "un", "une", "et", "est", "sont",
            "au", "aux", "en", "pour", "par", "avec", "dans", "sur", "que", "qu'", "qui", "ne",
            "pas", "ce", "cette", "ces", "son", "sa", "ses", "il", "ils", "elle", "leur",
            "leurs", "nous", "vous", "entre", "sous", "vers", "mais", "ou", "donc", "aussi",
            "plus",
        }
    ),
    "en": frozenset(
        {
            "the", "of", "and", "to", "in", "for", "by", "with", "is", "are", "was", "were",
            "at", "from", "this", "that", "these", "those", "its", "their", "his", "her",
            "ahead", "into", "about", "after", "before", "which", "who", "be", "been", "has",
            "have", "will", "would", "an",
        }
    ),
}  # fmt: skip

_WORD_RE = re.compile(r"[a-z]+'?")


def language_scores(text: str) -> dict[str, int]:
    """How many of ``text``'s words are French or English small words."""
    counts = Counter(_WORD_RE.findall(fold(text)))
    return {lang: sum(counts[word] for word in words) for lang, words in STOPWORDS.items()}


def guess_language(text: str) -> str | None:
    """``"fr"`` or ``"en"`` when ``text``'s small words say so, ``None`` when they do not."""
    scores = language_scores(text)
    best = max(scores, key=lambda lang: (scores[lang], lang))
    if scores[best] == 0 or list(scores.values()).count(scores[best]) > 1:
        return None
    return best

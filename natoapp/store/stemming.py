"""Light French stemming: a word and its plural or feminine forms share one stem.

Search matches "partenaire" with "partenaires", "internationaux" with
"international" and "méditerranéenne" with "méditerranéen" by indexing, next to
each folded word, a stem made by this module, and stemming each query word the
same way.

Why not Snowball's French stemmer: it removes derivational suffixes as well as
inflections, so "coopération" and "coopérative" both become "cooper",
"relations" and "relatif" both "relat", "initiative" becomes "initi". In a
reference browser a person who types "opération" expects the word and its
plural, not every word of the family; hits they cannot explain undermine the
ranking. Snowball also expects accented input, while both sides here are folded
first (see :mod:`natoapp.corpus.normalize`), so its accent-dependent rules
would never fire anyway.

This stemmer only undoes inflection, in the spirit of J. Savoy's light French
stemmer: plural ``-s``/``-x``/``-aux``, feminine ``-euse``, ``-ive``,
``-enne``, ``-elle``, ``-ette``, ``-ere`` and a final ``-e``. It works on folded
words (no accents, lower case) and is deterministic, so the index and the
query can never disagree. Short words (three letters or fewer) and words with
digits are left alone, so "ue", "onu", "les" and "2004" stay themselves.
"""

from __future__ import annotations

from functools import lru_cache

_MIN_LENGTH = 4

# Feminine endings and what the masculine ends with; longest first.
_FEMININE = (
    ("euse", "eu"),
    ("enne", "en"),
    ("elle", "el"),
    ("ette", "et"),
    ("ive", "if"),
    ("ere", "er"),
)


def _strip_plural(word: str) -> str:
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith("x") and word[-2:-1] in ("u",):
        return word[:-1]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# A corpus has a few tens of thousands of distinct words, each stemmed millions of times.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Return the light stem of one folded word (``"partenaires"`` → ``"partenair"``).

    The result is never empty; a word the rules do not apply to comes back unchanged.
    """
    if len(word) < _MIN_LENGTH or not word.isalpha():
        return word
    word = _strip_plural(word)
    for ending, replacement in _FEMININE:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + replacement
    # "alliée" → "allie" → "alli": both forms meet "allié" → "alli".
    while word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word

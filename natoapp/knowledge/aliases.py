"""Finding the names of entities in a text, whatever the spelling.

Texts and aliases are compared word by word after :func:`natoapp.corpus.normalize.fold`,
so accents, case, ligatures, typographic apostrophes and every kind of dash make
no difference, and an elided article (« l'Australie », « d'Oman ») is simply the
word before the name. Three rules keep common words from being taken for names:

* an acronym matches only in the case it is written (« ICI » is the initiative,
  « ici » means "here"), and a short one not inside a line of capitals (« CLIQUEZ ICI »);
* a one-word alias written with a capital (« Alliance », « Niger ») matches only
  a word that starts with a capital (« l'alliance » is a common noun);
* when names overlap the longest wins (« Guinée-Bissau » is not « Guinée »),
  except inside the name of a framework, organisation or event, which also
  mentions what it is named after (« Commission OTAN-Géorgie » mentions NATO and
  Georgia).

An :class:`AliasMatcher` is immutable once built and safe to share between threads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from natoapp.corpus.normalize import fold, fold_with_map, span_to_original
from natoapp.knowledge.model import Alias, Entity, EntityKind

# Letters and digits are separate words so that a footnote mark (« Macédoine¹ ») or a
# number glued to a name does not hide the name.
_WORD = re.compile(r"[^\W\d_]+|\d+")
# What may stand between two words of one name: « Nouvelle-Zélande », « d'Istanbul ».
_JOINER = re.compile(r"[\s'\-]+")

# The names of these kinds of entity are often built from other names.
COMPOUND_KINDS = frozenset({EntityKind.FRAMEWORK, EntityKind.ORGANISATION, EntityKind.EVENT})

# An all-capitals neighbour this long means the acronym sits in a line of capitals,
# where a short acronym may just be a word (« CLIQUEZ ICI », « UN PARTENARIAT »);
# longer acronyms (OTAN, OSCE) are not French words and stand even there.
_SHOUTED_WORD = 3
_SHORT_ACRONYM = 3


class _Case(Enum):
    ANY = "any"
    INITIAL = "initial capital"
    EXACT = "exact"


@dataclass(frozen=True, slots=True)
class AliasMatch:
    """An alias of ``entity`` found at ``text[start:end]``."""

    entity: str
    start: int
    end: int
    alias: Alias


@dataclass(frozen=True, slots=True)
class _Pattern:
    entity: str
    kind: EntityKind
    words: tuple[str, ...]
    joiners: tuple[str, ...]  # the alias's own separators, which always match
    case: _Case
    letters: str  # letters of the alias as written, for exact-case matching
    alias: Alias


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: list[str]  # the folded words of a text
    spans: list[tuple[int, int]]  # where each is in the folded text


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: int  # token indexes [first, last)
    last: int
    start: int  # offsets into the original text
    end: int
    pattern: _Pattern


def alias_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, as the matcher compares them."""
    return tuple(m.group() for m in _WORD.finditer(fold(text)))


def alias_key(alias: Alias) -> str:
    """What makes two aliases the same name: their folded words (and case, for acronyms)."""
    words = " ".join(alias_words(alias.text))
    return f"{words}|{_letters(alias.text)}" if alias.kind == "acronym" else words


def entity_aliases(entity: Entity) -> list[Alias]:
    """The entity's two names followed by its aliases, each name once.

    A name written both with a capital and without (the country « Suisse », the
    adjective « suisse ») is kept in both forms, which match differently.
    """
    names = [Alias(entity.name_fr, "fr", "name"), Alias(entity.name_en, "en", "name")]
    seen: set[tuple[str, _Case]] = set()
    out: list[Alias] = []
    for alias in [*names, *entity.aliases]:
        key = alias_key(alias)
        case = _case_of(alias, alias_words(alias.text))
        if key.strip("|") and (key, case) not in seen:
            seen.add((key, case))
            out.append(alias)
    return out


def alias_conflicts(entities: Iterable[Entity]) -> dict[str, list[tuple[str, str]]]:
    """Names given to more than one entity: alias key -> [(entity id, alias text), ...]."""
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entity in entities:
        for alias in entity_aliases(entity):
            owners[alias_key(alias)].append((entity.id, alias.text))
    return {key: pairs for key, pairs in owners.items() if len({entity for entity, _ in pairs}) > 1}


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _case_of(alias: Alias, words: tuple[str, ...]) -> _Case:
    if alias.kind == "acronym":
        return _Case.EXACT
    if len(words) == 1 and alias.text[:1].isupper():
        return _Case.INITIAL
    return _Case.ANY


def _joiners(text: str) -> tuple[str, ...]:
    folded = fold(text)
    spans = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    return tuple(
        " ".join(folded[a_end:b_start].split()) for (_, a_end), (b_start, _) in pairwise(spans)
    )


class AliasMatcher:
    """Finds every alias of a set of entities in a text.

    Build it once from the entities (``AliasMatcher(kb.entities)``) and call
    :meth:`match` on as many texts as needed. An alias given to two different
    entities designates neither for sure: it is left out and listed in
    :attr:`ambiguous`.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        patterns: dict[str, list[_Pattern]] = defaultdict(list)
        for entity in entities:
            for alias in entity_aliases(entity):
                words = alias_words(alias.text)
                if not words:
                    continue
                pattern = _Pattern(
                    entity=entity.id,
                    kind=entity.kind,
                    words=words,
                    joiners=_joiners(alias.text),
                    case=_case_of(alias, words),
                    letters=_letters(alias.text),
                    alias=alias,
                )
                patterns[alias_key(alias)].append(pattern)
        by_first: dict[str, list[_Pattern]] = defaultdict(list)
        ambiguous: list[str] = []
        acronyms: set[str] = set()
        for group in patterns.values():
            if len({p.entity for p in group}) > 1:
                ambiguous.append(group[0].alias.text)
                continue
            for pattern in group:
                by_first[pattern.words[0]].append(pattern)
                if pattern.case is _Case.EXACT:
                    acronyms.add(pattern.letters)
        self._by_first = dict(by_first)
        self._acronyms = frozenset(acronyms)
        self.ambiguous: tuple[str, ...] = tuple(sorted(ambiguous))

    def match(self, text: str) -> list[AliasMatch]:
        """Every entity named in ``text``, in order, with offsets into ``text``."""
        folded = fold(text)
        words = _WORD.findall(folded)
        by_first = self._by_first
        if by_first.keys().isdisjoint(words):
            # Most passages name nothing: no need for offsets.
            return []
        folded, origin = fold_with_map(text)
        tokens = _Tokens(words, [m.span() for m in _WORD.finditer(folded)])
        candidates = list(self._candidates(text, folded, origin, tokens))
        chosen = self._select(candidates, 0, len(words), None)
        chosen.sort(key=lambda c: (c.start, -c.end, c.pattern.entity))
        return [AliasMatch(c.pattern.entity, c.start, c.end, c.pattern.alias) for c in chosen]

    def _candidates(
        self, text: str, folded: str, origin: list[int], tokens: _Tokens
    ) -> Iterator[_Candidate]:
        words, spans = tokens.words, tokens.spans
        by_first = self._by_first
        for i, word in enumerate(words):
            patterns = by_first.get(word)
            if patterns is None:
                continue
            for pattern in patterns:
                last = i + len(pattern.words)
                if last > len(words) or not self._words_match(folded, tokens, i, pattern):
                    continue
                start, end = span_to_original(origin, spans[i][0], spans[last - 1][1])
                if self._case_holds(text, origin, tokens, i, last, pattern):
                    yield _Candidate(i, last, start, end, pattern)

    @staticmethod
    def _words_match(folded: str, tokens: _Tokens, first: int, pattern: _Pattern) -> bool:
        words, spans = tokens.words, tokens.spans
        for k in range(1, len(pattern.words)):
            if words[first + k] != pattern.words[k]:
                return False
            between = folded[spans[first + k - 1][1] : spans[first + k][0]]
            if (
                not _JOINER.fullmatch(between)
                and " ".join(between.split()) != pattern.joiners[k - 1]
            ):
                return False
        return True

    def _case_holds(
        self,
        text: str,
        origin: list[int],
        tokens: _Tokens,
        first: int,
        last: int,
        pattern: _Pattern,
    ) -> bool:
        if pattern.case is _Case.ANY:
            return True
        start, end = span_to_original(origin, tokens.spans[first][0], tokens.spans[last - 1][1])
        written = text[start:end]
        if pattern.case is _Case.INITIAL:
            return written[:1].isupper()
        if _letters(written) != pattern.letters:
            return False
        if len(pattern.letters) > _SHORT_ACRONYM:
            return True
        return not any(self._shouted(text, origin, tokens, n) for n in (first - 1, last) if n >= 0)

    def _shouted(self, text: str, origin: list[int], tokens: _Tokens, n: int) -> bool:
        """Whether token ``n`` is a word in capitals that is not itself an acronym."""
        if n >= len(tokens.words):
            return False
        start, end = span_to_original(origin, *tokens.spans[n])
        word = text[start:end]
        return (
            len(word) >= _SHOUTED_WORD
            and word.isalpha()
            and word.isupper()
            and _letters(word) not in self._acronyms
        )

    def _select(
        self, candidates: list[_Candidate], lo: int, hi: int, outer: _Candidate | None
    ) -> list[_Candidate]:
        """Leftmost-longest names within tokens [lo, hi), and the names inside compound ones."""
        pool = sorted(
            (
                c
                for c in candidates
                if lo <= c.first
                and c.last <= hi
                and (
                    outer is None
                    or (c.pattern.entity != outer.pattern.entity and (c.first, c.last) != (lo, hi))
                )
            ),
            key=lambda c: (c.first, -(c.last - c.first), -(c.end - c.start), c.pattern.entity),
        )
        chosen: list[_Candidate] = []
        position = lo
        for candidate in pool:
            if candidate.first >= position:
                chosen.append(candidate)
                position = candidate.last
        nested: list[_Candidate] = []
        for candidate in chosen:
            if candidate.pattern.kind in COMPOUND_KINDS and candidate.last - candidate.first > 1:
                nested.extend(self._select(candidates, candidate.first, candidate.last, candidate))
        return chosen + nested

    def entities_named(self, name: str) -> list[str]:
        """Ids of the entities that ``name`` is exactly an alias of (folded comparison)."""
        words = alias_words(name)
        if not words:
            return []
        found = {
            p.entity
            for p in self._by_first.get(words[0], ())
            if p.words == words and (p.case is not _Case.EXACT or p.letters == _letters(name))
        }
        if not found:
            # A user typing "otan" means the acronym, whatever its case.
            found = {p.entity for p in self._by_first.get(words[0], ()) if p.words == words}
        return sorted(found)

"""Concepts: words that mean (nearly) the same, and what falls under a broader word.

``data/begrippen.yml`` ships about two hundred concept groups (format at the top of that file);
a repository's ``thema.yml`` may extend them. Each group has its words (``woorden``: krant ≈
dagblad) and narrower words (``omvat``: natuur ⊃ vogels), where a narrower entry may name another
group. :class:`ConceptIndex` answers, for the key of a word, which other keys it links to, how
(``≈``, ``⊃``, ``⊂``) and how strongly, so the matcher can say "krant ≈ dagblad".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..core.themes import Theme
from .words import tokens

SAME = 0.8  # krant ≈ dagblad
NARROWER = 0.7  # the need says natuur, the card vogels
BROADER = 0.45  # the need says drogist, the card only winkel
SYMBOLS = {SAME: "≈", NARROWER: "⊃", BROADER: "⊂"}
MAX_PHRASE = 3
NEGATIONS = frozenset({"niet", "zonder", "geen"})


@dataclass(frozen=True)
class Link:
    """How a word of a need or offer reaches a word of a card."""

    symbol: str  # "≈", "⊃" or "⊂"
    weight: float


class ConceptIndex:
    """Lookup from a word's key to the keys it is linked to.

    Args:
        concepts: Concept groups by name.
        key: The key of a single folded word (see :func:`buurtkaart_build.match.lemmas.key`).
    """

    def __init__(self, concepts: dict[str, Theme], key: Callable[[str], str]) -> None:
        self.key = key
        self.concepts = concepts
        self._same: dict[str, set[str]] = {}  # concept → keys of its words
        self._narrow: dict[str, set[str]] = {}  # concept → keys of what it covers
        self._in: dict[str, set[str]] = {}  # key → concepts it is a word of
        self._under: dict[str, set[str]] = {}  # key → concepts it falls under
        self.phrases: set[tuple[str, ...]] = set()
        self.single_words: set[str] = set()
        for concept in concepts.values():
            self._same[concept.name] = self._keys(concept.words)
            for k in self._same[concept.name]:
                self._in.setdefault(k, set()).add(concept.name)
        for concept in concepts.values():
            covered = self._keys(self._expand(concept.omvat)) - self._same[concept.name]
            self._narrow[concept.name] = covered
            for k in covered:
                self._under.setdefault(k, set()).add(concept.name)
        self.phrase_starts = frozenset(p[0] for p in self.phrases)
        self.related = functools.lru_cache(maxsize=16384)(self._related)

    def _expand(self, entries: Iterable[str], depth: int = 2) -> list[str]:
        """Narrower entries with the names of other groups replaced by their words (two levels)."""
        out: list[str] = []
        for entry in entries:
            other = self.concepts.get(entry)
            if other is None:
                out.append(entry)
            else:
                out += other.words
                if depth > 1:
                    out += self._expand(other.omvat, depth - 1)
        return out

    def _keys(self, entries: Iterable[str]) -> set[str]:
        keys = set()
        for entry in entries:
            if NEGATIONS & set(entry.split()):
                continue  # "niet druk" would otherwise mean "druk": stop words are left out
            parts = tokens(entry)
            if not parts or len(parts) > MAX_PHRASE:
                continue
            keys.add(" ".join(self.key(p) for p in parts))
            if len(parts) > 1:
                self.phrases.add(tuple(self.key(p) for p in parts))
            else:
                self.single_words.add(parts[0])
        return keys

    def _related(self, k: str) -> dict[str, Link]:
        """Keys linked to key ``k`` and the strongest link to each (``k`` itself left out)."""
        out: dict[str, Link] = {}

        def add(keys: set[str], weight: float) -> None:
            for other in sorted(keys):  # a fixed order: ties between links break the same way every run
                if other != k and (other not in out or out[other].weight < weight):
                    out[other] = Link(SYMBOLS[weight], weight)

        for name in sorted(self._in.get(k, ())):
            add(self._same[name], SAME)
            add(self._narrow[name], NARROWER)
        for name in sorted(self._under.get(k, ())):
            add(self._same[name], BROADER)
        return out

"""The theme vocabulary: words that belong together (muziek ~ zingen, koor, band).

The themes themselves are data, read by :mod:`buurtkaart_build.core.themes`. Text is analysed
into stems and themes here, so matching only compares sets.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import Problem
from ..core.themes import Theme, load_themes, shipped_themes
from .words import STOP_WORDS, split_compound, stem, tokens

MAX_PHRASE = 3

# Frequent last parts of compounds that are no theme word themselves: zang-groep, kook-club.
COMPOUND_PARTS = frozenset(
    """groep groepen club clubs les lessen ruimte vereniging middag ochtend avond project plek plaats
    dag winkel team huis zaal bus kamer centrum tafel markt school werk rolstoel""".split()  # noqa: SIM905
)


Term = tuple[str, str]  # (stem, the word or compound part it came from)


@dataclass(frozen=True)
class Analysis:
    """A text seen by the matcher.

    Attributes:
        words: The stem of each distinct word → the word's terms: its own stem first, then its
            compound parts' (``voetbalwedstrijd``, ``voetbal``, ``wedstrijd``), each with the
            word or part to show.
        themes: Theme name → the first word in the text that belongs to it.
    """

    words: dict[str, tuple[Term, ...]]
    themes: dict[str, str]

    @property
    def stems(self) -> set[str]:
        """Every stem of the text, compound parts included."""
        return {s for terms in self.words.values() for s, _ in terms}


@dataclass
class Vocabulary:
    """Themes plus the lookup tables derived from them."""

    themes: dict[str, Theme]
    by_stem: dict[str, frozenset[str]] = field(init=False)
    phrases: dict[tuple[str, ...], frozenset[str]] = field(init=False)
    lexicon: frozenset[str] = field(init=False)  # theme words and common compound parts
    known: frozenset[str] = field(init=False)  # the lexicon plus its stems, for splitting compounds
    _cache: dict[str, tuple[tuple[Term, ...], frozenset[str]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        by_stem: dict[str, set[str]] = {}
        phrases: dict[tuple[str, ...], set[str]] = {}
        words: set[str] = set(COMPOUND_PARTS)
        for theme in self.themes.values():
            for entry in theme.words:
                parts = tokens(entry)
                key = tuple(stem(p) for p in parts)
                if len(key) == 1:
                    by_stem.setdefault(key[0], set()).add(theme.name)
                    words.add(parts[0])
                elif 1 < len(key) <= MAX_PHRASE:
                    phrases.setdefault(key, set()).add(theme.name)
        self.by_stem = {k: frozenset(v) for k, v in by_stem.items()}
        self.phrases = {k: frozenset(v) for k, v in phrases.items()}
        self.lexicon = frozenset(words)
        # Stems too, so verb stems start compounds: kook-club (koken), zwem-les (zwemmen).
        self.known = self.lexicon | {stem(w) for w in words}

    def label(self, name: str) -> str:
        theme = self.themes.get(name)
        return theme.label if theme else name

    def word(self, word: str) -> tuple[tuple[Term, ...], frozenset[str]]:
        """Terms (own stem, then compound parts) and themes of one folded word; cached."""
        hit = self._cache.get(word)
        if hit is None:
            own = stem(word)
            parts = [(stem(p), p) for p in split_compound(word, self.known) if p not in STOP_WORDS]
            terms = {own: word}
            for part_stem, part in parts:
                # Show a part only when it is a word of its own ("werk"), not a verb stem ("vergader").
                terms.setdefault(part_stem, part if part in self.lexicon else word)
            themes = self.by_stem.get(own)
            if themes is None:  # an exact entry wins over the parts: speeltuin is no tuin
                themes = frozenset().union(*(self.by_stem.get(s, frozenset()) for s, _ in parts))
            hit = self._cache[word] = (tuple(terms.items()), themes)
        return hit

    def analyse(self, text: str) -> Analysis:
        """Terms and themes of a text, each with the word that brought it in."""
        words = tokens(text)
        terms: dict[str, tuple[Term, ...]] = {}
        themes: dict[str, str] = {}
        own_stems = []
        for word in words:
            word_terms, word_themes = self.word(word)
            own_stems.append(word_terms[0][0])
            terms.setdefault(word_terms[0][0], word_terms)  # "fiets" and "fietsen" count once
            for theme in sorted(word_themes):
                themes.setdefault(theme, word)
        for size in range(2, MAX_PHRASE + 1):
            for i in range(len(own_stems) - size + 1):
                for theme in sorted(self.phrases.get(tuple(own_stems[i : i + size]), ())):
                    themes.setdefault(theme, " ".join(words[i : i + size]))
        return Analysis(terms, themes)


@functools.lru_cache(maxsize=4)
def _vocabulary(themes: tuple[Theme, ...]) -> Vocabulary:
    return Vocabulary({t.name: t for t in themes})


def vocabulary_of(themes: dict[str, Theme]) -> Vocabulary:
    """The analysed vocabulary of these themes (cached: building it stems every word once)."""
    return _vocabulary(tuple(themes.values()))


def clear_cache() -> None:
    """Forget built vocabularies (the benchmark measures a cold start)."""
    _vocabulary.cache_clear()


def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary."""
    return vocabulary_of(shipped_themes())


def load_vocabulary(root: Path | None = None) -> tuple[Vocabulary, list[Problem]]:
    """The shipped vocabulary, extended with ``<root>/thema.yml``; see :func:`load_themes`."""
    themes, problems = load_themes(root)
    return vocabulary_of(themes), problems

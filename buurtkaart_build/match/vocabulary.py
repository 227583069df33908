"""The vocabulary: themes (muziek ~ zingen, koor, band) and concepts (krant ≈ dagblad).

The themes and concepts themselves are data, read by :mod:`buurtkaart_build.core.themes`. Text
is analysed here into keys (lemma, then stem: :func:`~buurtkaart_build.match.lemmas.key`),
compound parts and themes, so matching only compares sets.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import Problem
from ..core.themes import Theme, load_themes, shipped_concepts, shipped_themes
from .concepts import ConceptIndex
from .lemmas import diminutive_bases, key, lemma
from .words import STOP_WORDS, split_compound, tokens

MAX_PHRASE = 3

# Frequent last parts of compounds that are no theme word themselves: zang-groep, kook-club.
COMPOUND_PARTS = frozenset(
    """groep groepen club clubs les lessen ruimte vereniging middag ochtend avond project plek plaats
    dag winkel team huis zaal bus kamer centrum tafel markt school werk rolstoel""".split()  # noqa: SIM905
)


Term = tuple[str, str]  # (key, the word or compound part it came from)
_Seen = tuple[tuple[Term, ...], tuple[str, ...], bool, bool]  # see Vocabulary._seen


@dataclass(frozen=True)
class Analysis:
    """A text seen by the matcher.

    Attributes:
        words: The key of each distinct word (or concept phrase such as "baantjes trekken")
            → its terms: its own key first, then its parts' (``voetbalwedstrijd``,
            ``voetbal``, ``wedstrijd``), each with the word or part to show.
        themes: Theme name → the first word in the text that belongs to it.
    """

    words: dict[str, tuple[Term, ...]]
    themes: dict[str, str]

    @property
    def stems(self) -> set[str]:
        """Every key of the text, compound parts included."""
        return {s for terms in self.words.values() for s, _ in terms}


@dataclass
class Vocabulary:
    """Themes and concepts plus the lookup tables derived from them."""

    themes: dict[str, Theme]
    concepts: dict[str, Theme] = field(default_factory=dict)
    by_stem: dict[str, frozenset[str]] = field(init=False)
    phrases: dict[tuple[str, ...], frozenset[str]] = field(init=False)
    phrase_starts: frozenset[str] = field(init=False)  # first keys of the phrases, to skip the rest fast
    lexicon: frozenset[str] = field(init=False)  # theme and concept words, common compound parts
    known: frozenset[str] = field(init=False)  # the lexicon plus its keys, for splitting compounds
    links: ConceptIndex = field(init=False)
    _cache: dict[str, tuple[tuple[Term, ...], frozenset[str]]] = field(init=False, default_factory=dict)
    _seen_words: dict[str, _Seen] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        by_stem: dict[str, set[str]] = {}
        phrases: dict[tuple[str, ...], set[str]] = {}
        words: set[str] = set(COMPOUND_PARTS)
        for theme in self.themes.values():
            for entry in theme.words:
                parts = tokens(entry)
                entry_key = tuple(key(p) for p in parts)
                if len(entry_key) == 1:
                    by_stem.setdefault(entry_key[0], set()).add(theme.name)
                    words.add(parts[0])
                elif 1 < len(entry_key) <= MAX_PHRASE:
                    phrases.setdefault(entry_key, set()).add(theme.name)
        self.by_stem = {k: frozenset(v) for k, v in by_stem.items()}
        self.phrases = {k: frozenset(v) for k, v in phrases.items()}
        self.phrase_starts = frozenset(k[0] for k in self.phrases)
        self.links = ConceptIndex(self.concepts, key)
        words |= self.links.single_words
        self.lexicon = frozenset(words)
        # Keys and lemmas too, so verb stems start compounds: kook-club (koken), zwem-les (zwemmen).
        self.known = self.lexicon | {key(w) for w in words} | {lemma(w) for w in words}

    def label(self, name: str) -> str:
        theme = self.themes.get(name)
        return theme.label if theme else name

    def word(self, word: str) -> tuple[tuple[Term, ...], frozenset[str]]:
        """Terms (own key, then compound parts or the word under a diminutive) and themes of one folded word."""
        hit = self._cache.get(word)
        if hit is None:
            own = key(word)
            terms = {own: word}
            parts = [(key(p), p) for p in self._parts(word) if p not in STOP_WORDS]
            for part_key, part in parts:
                # Show a part only when it is a word of its own ("werk"), not a verb stem ("vergader").
                terms.setdefault(part_key, part if part in self.lexicon else word)
            themes = self.by_stem.get(own)
            if themes is None:  # an exact entry wins over the parts: speeltuin is no tuin
                themes = frozenset().union(*(self.by_stem.get(s, frozenset()) for s, _ in parts))
            hit = self._cache[word] = (tuple(terms.items()), themes)
        return hit

    def _parts(self, word: str) -> list[str]:
        base = lemma(word)
        if base in self.known:
            return split_compound(base, self.known) if base != word else split_compound(word, self.known)
        for smaller in diminutive_bases(base):  # beestje → beest, when simplemma does not know it
            if smaller in self.known or key(smaller) in self.known:
                return [smaller, *split_compound(smaller, self.known)]
        return split_compound(base, self.known) or split_compound(word, self.known)

    def _seen(self, word: str) -> _Seen:
        """What :meth:`analyse` needs of a word, each word once: terms, themes sorted, whether a
        concept phrase or a theme phrase can start with it."""
        terms, themes = self.word(word)
        own = terms[0][0]
        hit = self._seen_words[word] = (
            terms,
            tuple(sorted(themes)),
            own in self.links.phrase_starts,
            own in self.phrase_starts,
        )
        return hit

    def analyse(self, text: str) -> Analysis:
        """Terms and themes of a text, each with the word that brought it in."""
        words = tokens(text)
        seen = self._seen_words
        analysed = [seen.get(word) or self._seen(word) for word in words]
        own_keys = [a[0][0][0] for a in analysed]
        terms: dict[str, tuple[Term, ...]] = {}
        in_phrase: set[int] = set()
        starts = [i for i, a in enumerate(analysed) if a[2]]
        for size in range(MAX_PHRASE, 1, -1) if starts else ():  # "baantjes trekken" is one word for the matcher
            for i in starts:
                window = tuple(own_keys[i : i + size])
                if window in self.links.phrases and not in_phrase & set(range(i, i + size)):
                    in_phrase |= set(range(i, i + size))
                    parts = tuple(t for a in analysed[i : i + size] for t in a[0])
                    terms.setdefault(" ".join(window), ((" ".join(window), " ".join(words[i : i + size])), *parts))
        themes: dict[str, str] = {}
        for i, (word, (word_terms, word_themes, _, _)) in enumerate(zip(words, analysed, strict=True)):
            if in_phrase and i in in_phrase:
                continue  # its phrase speaks for it: "baantjes" in "baantjes trekken" is no job
            terms.setdefault(word_terms[0][0], word_terms)  # "fiets" and "fietsen" count once
            for theme in word_themes:
                themes.setdefault(theme, word)
        theme_starts = [i for i, a in enumerate(analysed) if a[3]]
        for size in range(2, MAX_PHRASE + 1) if theme_starts else ():
            for i in theme_starts:
                for theme in sorted(self.phrases.get(tuple(own_keys[i : i + size]), ())):
                    themes.setdefault(theme, " ".join(words[i : i + size]))
        return Analysis(terms, themes)


@functools.lru_cache(maxsize=4)
def _vocabulary(themes: tuple[Theme, ...], concepts: tuple[Theme, ...]) -> Vocabulary:
    return Vocabulary({t.name: t for t in themes}, {c.name: c for c in concepts})


def vocabulary_of(themes: dict[str, Theme], concepts: dict[str, Theme] | None = None) -> Vocabulary:
    """The analysed vocabulary of these themes and concepts (default: the shipped concepts); cached."""
    return _vocabulary(tuple(themes.values()), tuple((shipped_concepts() if concepts is None else concepts).values()))


def clear_cache() -> None:
    """Forget built vocabularies (the benchmark measures a cold start)."""
    _vocabulary.cache_clear()


def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary."""
    return vocabulary_of(shipped_themes(), shipped_concepts())


def load_vocabulary(root: Path | None = None) -> tuple[Vocabulary, list[Problem]]:
    """The shipped vocabulary, extended with ``<root>/thema.yml``; see :func:`load_themes`."""
    themes, concepts, problems = load_themes(root)
    return vocabulary_of(themes, concepts), problems

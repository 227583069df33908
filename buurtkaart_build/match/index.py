"""The cards of one location seen from one direction: profiles, inverted index, scores, reasons.

A need (or offer) is a handful of words. Each word reaches a card through its own key, a part
of it (``buurthuiskamer → huiskamer``), or a concept link (``krant ≈ dagblad``, ``natuur ⊃
vogels``, ``drogist ⊂ winkel``). A word counts once: its best link to the card, plus a little
for every further link (a card about horses says manege, rijles and paard). Rare words weigh
more (IDF over the location's cards), strong fields (aanbod/vraag, tags, title) more than the
body. The raw score is the weighted share of the item's words and themes the card covers.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.models import Card
from .concepts import BROADER, NARROWER, ConceptIndex
from .vocabulary import Analysis
from .words import LIGHT_WORDS

TOP_WEIGHT = 3.0
THEME_WEIGHT = 1.5  # a shared theme counts for more than one shared word
PART = 0.85  # a compound part counts a little less than the whole word
EXTRA = 0.25  # each further link of the same word to the same card
UNSEEN = 0.5  # a word no card knows, even through a concept, weighs this much in the total
STRONG_FACTOR = 0.8  # a strong link: the word itself or a synonym ...
STRONG_FIELD = 1.5  # ... in a field of its own (not only in the body)
COMMON_SHARE, COMMON_MIN = 0.25, 8  # a linked word on more cards than this says nothing
BODY_WEIGHT = 1.0  # the weight of the body: concept links do not count there
FLIPPED = {NARROWER: BROADER, BROADER: NARROWER}  # for offers
REUSED = 0.5  # a card word already reached by another word of the item
LIGHT = 0.4  # a light word ("leren omgaan met geld": the need is about money) weighs this much


@dataclass(frozen=True)
class Reason:
    """One link between the item and a card, strongest first; ``text`` is what the page shows."""

    value: float
    text: str
    same: bool = False  # the card has the word itself (no part, no concept link)
    word: str = ""  # the item's word
    card_word: str = ""  # the card's word it reaches


@dataclass
class Gains:
    """What one word of the item adds per card: its best link, through which key, the rest."""

    first: str | None = None  # the first key (the word itself); the best key unless `key` says other
    best: dict[int, float] = field(default_factory=dict)
    key: dict[int, str] = field(default_factory=dict)
    others: dict[int, float] = field(default_factory=dict)  # the sum of its other links
    strong: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Query:
    """A need or offer prepared for one index: its analysis and, per word, its terms and links."""

    analysis: Analysis
    words: list[tuple[tuple[tuple[str, str], ...], dict[str, tuple[float, str, str]]]]


@dataclass
class _Profile:
    terms: dict[str, float]  # key → weight of the strongest field it occurs in
    shown: dict[str, str]  # key → the card's word for it (first seen in the strongest field)
    themes: dict[str, float]


def _field_texts(card: Card, name: str) -> list[str]:
    value = card.body if name == "body" else getattr(card, name)
    if not value:
        return []
    return list(value) if isinstance(value, list) else [value]


TextTerms = tuple[tuple[tuple[str, bool, str], ...], tuple[str, ...]]


def text_terms(analysis: Analysis) -> TextTerms:
    """An analysed text as a profile takes it: each key once, in the order first seen, with
    whether it occurs as a word of its own (not only as a part) and the word it was first seen
    as; then the text's themes."""
    seen: dict[str, tuple[str, bool, str]] = {}
    for terms in analysis.words.values():
        for n, (term, word) in enumerate(terms):
            entry = seen.get(term)
            if entry is None:
                seen[term] = (term, n == 0, word)
            elif n == 0 and not entry[1]:  # seen as a part first, now as a word of its own
                seen[term] = (term, True, entry[2])
    return tuple(seen.values()), tuple(analysis.themes)


def cached_texts(analyse: Callable[[str], Analysis]) -> Callable[[str], TextTerms]:
    """:func:`text_terms` of ``analyse``, each text once: the two indexes of a location share texts."""
    cache: dict[str, TextTerms] = {}

    def texts(text: str) -> TextTerms:
        hit = cache.get(text)
        if hit is None:
            hit = cache[text] = text_terms(analyse(text))
        return hit

    return texts


def _profile(card: Card, fields: dict[str, float], texts: Callable[[str], TextTerms]) -> _Profile:
    """Each key's weight: that of the strongest field it occurs in (a part counts :data:`PART`);
    the card's word for it: where it first occurs."""
    terms: dict[str, float] = {}
    shown: dict[str, str] = {}
    themes: dict[str, float] = {}
    for name, weight in fields.items():  # strongest fields first
        part = weight * PART  # automaatje is only a bit of a maatje
        for text in _field_texts(card, name):
            keys, text_themes = texts(text)
            for term, whole, word in keys:
                value = weight if whole else part
                old = terms.get(term)
                if old is None:
                    terms[term] = value
                    shown[term] = word
                elif value > old:
                    terms[term] = value
            for theme in text_themes:
                old = themes.get(theme)
                if old is None or weight > old:
                    themes[theme] = weight
    return _Profile(terms, shown, themes)


class CardIndex:
    """Cards of one location for one direction.

    Args:
        cards: The active cards, in a fixed order.
        fields: Field name → weight, strongest first.
        texts: Text → its :class:`TextTerms` (see :func:`cached_texts`).
        concepts: Concept links; ``None`` matches on words and parts only.
        offer: Matching our offers with what cards need: then a narrower offer fully answers a
            broader need (we lend a rolstoelbus, they need vervoer) and not the other way round.
    """

    def __init__(
        self,
        cards: list[Card],
        fields: dict[str, float],
        texts: Callable[[str], TextTerms],
        concepts: ConceptIndex | None,
        *,
        offer: bool = False,
    ) -> None:
        self.cards = cards
        self.offer = offer
        self.concepts = concepts
        self.profiles = [_profile(card, fields, texts) for card in cards]
        # Postings: key → {card index: weight}, in card order (a dict per key, no tuple per entry).
        self.terms: dict[str, dict[int, float]] = defaultdict(dict)
        self.themes: dict[str, dict[int, float]] = defaultdict(dict)
        terms, themes = self.terms, self.themes
        for i, profile in enumerate(self.profiles):
            for term, weight in profile.terms.items():
                terms[term][i] = weight
            for theme, weight in profile.themes.items():
                themes[theme][i] = weight
        self._fielded: dict[str, dict[int, float]] = {}
        self._idf_top = math.log(1 + len(cards))
        self._common = max(COMMON_MIN, COMMON_SHARE * len(cards))

    def fielded(self, term: str) -> dict[int, float]:
        """The cards with ``term`` in a field of their own (not only in the body), when asked."""
        found = self._fielded.get(term)
        if found is None:
            found = self._fielded[term] = {i: w for i, w in self.terms.get(term, {}).items() if w > BODY_WEIGHT}
        return found

    def idf(self, postings: dict[str, dict], key: str) -> float:
        """Rare words weigh more: ln(1 + N / (1 + df))."""
        return math.log(1 + len(self.cards) / (1 + len(postings.get(key, ()))))

    def theme_idf(self, theme: str) -> float:
        return self.idf(self.themes, theme) * THEME_WEIGHT

    def links(self, terms: tuple[tuple[str, str], ...]) -> dict[str, tuple[float, str, str]]:
        """Card keys a query word reaches: key → (factor, symbol, the query word or part shown)."""
        out: dict[str, tuple[float, str, str]] = {}
        if " " in terms[0][0]:  # a phrase ("baantjes trekken") means itself, not its words
            terms = terms[:1]
        for n, (term, word) in enumerate(terms):
            factor = 1.0 if n == 0 else PART
            symbol = "" if n == 0 else "→"
            if term not in out or out[term][0] < factor:
                out[term] = (factor, symbol, word)
            if self.concepts is None:
                continue
            for other, link in self.concepts.related(term).items():
                value = factor * (FLIPPED.get(link.weight, link.weight) if self.offer else link.weight)
                postings = self.fielded(other)
                if not postings or len(postings) > self._common:
                    continue  # not in the cards' own fields, or in so many that it says nothing
                if other not in out or out[other][0] < value:
                    out[other] = (value, link.symbol, word)
        return out

    def prepare(self, query: Analysis) -> Query:
        """The query's words with their links, computed once per item."""
        return Query(query, [(terms, self.links(terms)) for terms in query.words.values()])

    def word_gains(self, terms: tuple[tuple[str, str], ...], links: dict) -> tuple[float, Gains]:
        """What the word can add at most, and per card what it adds (see :class:`Gains`)."""
        own = max(self.idf(self.terms, t) for t, _ in terms)
        seen = any(k in self.terms for k in links)
        own *= LIGHT if terms[0][1] in LIGHT_WORDS else 1.0
        possible = own * TOP_WEIGHT * (1.0 if seen else UNSEEN)
        rare = self._idf_top / 2
        gains = Gains()
        best, others, best_key = gains.best, gains.others, gains.key
        for key, (factor, symbol, _) in links.items():
            key_idf = self.idf(self.terms, key)
            idf = key_idf if key_idf < own else own  # a rare synonym is no better than the word itself
            strong = factor >= STRONG_FACTOR and key_idf >= rare
            # A concept link counts in the card's own fields, not somewhere in its long text.
            postings = self.terms[key] if symbol in ("", "→") else self.fielded(key)
            scale = idf * factor
            if gains.first is None:  # the first key (the word itself): no card has anything yet
                gains.first = key
                best.update((i, scale * w) for i, w in postings.items())
            else:
                for i, weight in postings.items():
                    value = scale * weight
                    old = best.get(i)
                    if old is None:
                        best[i] = value
                        best_key[i] = key
                    elif value > old:
                        best[i] = value
                        best_key[i] = key
                        others[i] = others.get(i, 0.0) + old
                    else:
                        others[i] = others.get(i, 0.0) + value
            if strong:
                gains.strong.update(i for i, w in postings.items() if w >= STRONG_FIELD)
        return possible, gains

    def score(self, query: Query) -> tuple[dict[int, float], set[int]]:
        """Raw score per card index (the weighted share of the query's themes and words it
        covers), and the cards one word reaches strongly (itself or a synonym, in the card's
        own fields, and rare)."""
        total = 0.0
        gained: dict[int, float] = defaultdict(float)
        strong: set[int] = set()
        for theme, word in query.analysis.themes.items():
            idf = self.theme_idf(theme) * (LIGHT if word in LIGHT_WORDS else 1.0)
            total += idf * TOP_WEIGHT
            for i, weight in self.themes.get(theme, {}).items():
                gained[i] += idf * weight
        counts = Counter(key for _, links in query.words for key in links)
        shared = {key for key, n in counts.items() if n > 1}  # keys more than one word reaches
        used: set[tuple[int, str]] = set()
        for terms, links in query.words:
            possible, gains = self.word_gains(terms, links)
            total += possible
            others, keys, first = gains.others, gains.key, gains.first
            for i, best in gains.best.items():
                more = others.get(i, 0.0)  # each further link of the word adds a little
                value = best + EXTRA * (more if more < 3 * best else 3 * best)
                if value > possible:
                    value = possible
                key = keys.get(i, first)
                if key in shared:
                    if (i, key) in used:  # "foto" and "fotograaf" both reaching "kunst" is one link
                        value *= REUSED
                    used.add((i, key))
                gained[i] += value
            strong |= gains.strong
        if not total:
            return {}, set()
        return {i: min(1.0, value / total) for i, value in gained.items()}, strong

    def explain(self, i: int, query: Query) -> tuple[list[str], list[Reason]]:
        """The themes card ``i`` shares with the query, and for each query word its best link."""
        profile = self.profiles[i]
        themes = query.analysis.themes
        themes = sorted((-self.theme_idf(t) * profile.themes[t], t) for t in themes if t in profile.themes)
        reasons = []
        for terms, links in query.words:
            best = None
            for key, (factor, symbol, word) in links.items():
                if key in profile.terms:
                    value = min(self.idf(self.terms, key), self._idf_top) * profile.terms[key] * factor
                    card_word = profile.shown.get(key, word)
                    text = _link_text(word, symbol, card_word, terms[0][1])
                    if best is None or (value, text) > (best.value, best.text):
                        best = Reason(value, text, not symbol, terms[0][1], card_word)
            if best is not None:
                reasons.append(best)
        reasons.sort(key=lambda r: (-r.value, r.text))
        return list(dict.fromkeys(t for _, t in themes)), reasons


def _link_text(word: str, symbol: str, card_word: str, whole: str) -> str:
    """``krant ≈ dagblad``, ``natuur ⊃ vogels``, ``buurthuiskamer → huiskamer``, or just ``koor``."""
    if symbol == "→":
        return f"{whole} → {word}" if card_word in (word, whole) else f"{whole} → {word} ({card_word})"
    if symbol:
        return f"{whole} {symbol} {card_word}" if word == whole else f"{whole} → {word} {symbol} {card_word}"
    return whole

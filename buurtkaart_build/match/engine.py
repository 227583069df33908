"""Vraag en aanbod: match a location's needs and offers with the neighbourhood's findings.

Two directions (design §1): *van buiten naar binnen* matches each need of the inventory with
what cards offer (their ``aanbod``, ``wat_doen_ze``, ``voor_de_buurt``, tags, title, body);
*van binnen naar buiten* matches each offer with what cards need (their ``vraag``, tags,
title, body). A score is the weighted share of the item's words and themes that a card
covers, where rare words weigh more (IDF over the location's cards) and strong fields
(aanbod/vraag, tags) more than the body. Pure and deterministic: ties break on the card path.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass

from ..core.geo import format_distance
from ..core.models import Card, Item, Location
from .vocabulary import Analysis, Vocabulary

# Field weights per direction: what a card offers (for our needs) or needs (for our offers).
NEED_FIELDS = {"aanbod": 3.0, "tags": 3.0, "titel": 2.0, "samenvatting": 1.5, "wat_doen_ze": 1.5,
               "voor_de_buurt": 1.5, "body": 1.0}  # fmt: skip
OFFER_FIELDS = {"vraag": 3.0, "tags": 3.0, "titel": 2.0, "samenvatting": 1.0, "body": 1.0}
TOP_WEIGHT = 3.0
THEME_WEIGHT = 1.5  # a shared theme counts for more than one shared word
MIN_SCORE = 0.25  # below this a card is noise, not a match
WARM_BONUS = 0.05
ASK_FACTOR = 0.9  # per condition we still have to ask about
FAR_FACTOR = 0.75  # beyond the radius: times this and times radius/distance
FAR_FLOOR = 0.25
ASK_TEXT = {"onbekend": "navragen", "deels": "deels, navragen"}
WARM_STATUSES = {"contact": "al in contact", "samenwerking": "werkt al met ons samen"}


@dataclass(frozen=True)
class Match:
    """One card that answers a need or could use an offer, and why."""

    card: Card
    score: float
    reasons: list[str]
    warm: bool
    navragen: list[str]
    outside_radius: bool
    distance: float | None = None


@dataclass(frozen=True)
class ItemMatches:
    """A need or offer with its best matches and its themes (for "gericht zoeken naar …")."""

    item: Item
    matches: list[Match]
    themes: list[str]


@dataclass(frozen=True)
class LocationMatches:
    location: Location
    behoeften: list[ItemMatches]
    aanbod: list[ItemMatches]


@dataclass
class _Profile:
    terms: dict[str, float]  # stem → weight of the strongest field it occurs in
    themes: dict[str, float]


@dataclass(frozen=True)
class _Place:
    """What a card brings regardless of the item: distance, radius factor, warm start."""

    distance: float | None
    factor: float
    reason: str | None
    warm: str | None


class _Index:
    """Cards of one location for one direction: profiles, inverted index and IDF weights."""

    def __init__(self, cards: list[Card], fields: dict[str, float], analyse) -> None:
        self.cards = cards
        self.profiles = [_profile(card, fields, analyse) for card in cards]
        self.terms: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.themes: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, profile in enumerate(self.profiles):
            for term, weight in profile.terms.items():
                self.terms[term].append((i, weight))
            for theme, weight in profile.themes.items():
                self.themes[theme].append((i, weight))

    def idf(self, postings: dict[str, list], key: str) -> float:
        """Rare words weigh more: ln(1 + N / (1 + df))."""
        return math.log(1 + len(self.cards) / (1 + len(postings.get(key, ()))))

    def theme_idf(self, theme: str) -> float:
        return self.idf(self.themes, theme) * THEME_WEIGHT

    def score(self, query: Analysis) -> dict[int, float]:
        """Raw score per card index: the weighted share of the query's themes and words it covers.

        A word counts once: a card sharing only a compound part (``voetbal`` of
        ``voetbalwedstrijd``) gets the part's weight instead of the whole word's.
        """
        total = 0.0
        gained: dict[int, float] = defaultdict(float)
        for theme in query.themes:
            idf = self.theme_idf(theme)
            total += idf * TOP_WEIGHT
            for i, weight in self.themes.get(theme, ()):
                gained[i] += idf * weight
        for terms in query.words.values():
            total += max(self.idf(self.terms, s) for s, _ in terms) * TOP_WEIGHT
            if len(terms) == 1:
                idf = self.idf(self.terms, terms[0][0])
                for i, weight in self.terms.get(terms[0][0], ()):
                    gained[i] += idf * weight
                continue
            best: dict[int, float] = {}
            for term, _ in terms:
                idf = self.idf(self.terms, term)
                for i, weight in self.terms.get(term, ()):
                    best[i] = max(best.get(i, 0.0), idf * weight)
            for i, value in best.items():
                gained[i] += value
        return {i: value / total for i, value in gained.items()} if total else {}

    def explain(self, i: int, query: Analysis) -> tuple[list[str], list[str]]:
        """The themes and words card ``i`` shares with the query, strongest first."""
        profile = self.profiles[i]
        themes = sorted((-self.theme_idf(t) * profile.themes[t], t) for t in query.themes if t in profile.themes)
        words = []
        for terms in query.words.values():
            shared = [(-self.idf(self.terms, s) * profile.terms[s], w) for s, w in terms if s in profile.terms]
            if shared:
                words.append(min(shared))
        return _names(themes), _names(sorted(words))


def _names(pairs: list[tuple[float, str]]) -> list[str]:
    return list(dict.fromkeys(name for _, name in pairs))


def _profile(card: Card, fields: dict[str, float], analyse) -> _Profile:
    terms: dict[str, float] = {}
    themes: dict[str, float] = {}
    for name, weight in fields.items():
        for text in _field_texts(card, name):
            analysis = analyse(text)
            for term in analysis.stems:
                terms[term] = max(terms.get(term, 0.0), weight)
            for theme in analysis.themes:
                themes[theme] = max(themes.get(theme, 0.0), weight)
    return _Profile(terms, themes)


def _field_texts(card: Card, name: str) -> list[str]:
    value = card.body if name == "body" else getattr(card, name)
    if not value:
        return []
    return list(value) if isinstance(value, list) else [value]


def _place(card: Card, location: Location) -> _Place:
    distance = card.distance
    factor, reason = 1.0, None
    if distance is not None and distance > location.zoekstraal:
        factor = max(FAR_FLOOR, FAR_FACTOR * location.zoekstraal / distance)
        reason = f"buiten de zoekstraal: {format_distance(distance)}"
    elif distance is not None:
        reason = format_distance(distance)
    warm = WARM_STATUSES.get(card.status) or ("kent ons al" if card.kent_ons == "ja" else None)
    return _Place(distance, factor, reason, warm)


def match_location(location: Location, cards: list[Card], vocabulary: Vocabulary, top: int = 5) -> LocationMatches:
    """Best matches for every need and offer of a location; cards with status ``gestopt`` are left out.

    Args:
        location: The location with its inventory.
        cards: The location's cards (other cards are ignored).
        vocabulary: Themes (see :func:`buurtkaart_build.match.vocabulary.load_vocabulary`).
        top: How many matches to keep per item.
    """
    active = sorted((c for c in cards if c.status != "gestopt" and c.locatie == location.slug), key=lambda c: c.path)
    cache: dict[str, Analysis] = {}

    def analyse(text: str) -> Analysis:
        if text not in cache:
            cache[text] = vocabulary.analyse(text)
        return cache[text]

    places = [_place(card, location) for card in active]
    needs = _Index(active, NEED_FIELDS, analyse)
    offers = _Index(active, OFFER_FIELDS, analyse)
    return LocationMatches(
        location=location,
        behoeften=[_match_item(item, needs, places, vocabulary, top, need=True) for item in location.behoeften],
        aanbod=[_match_item(item, offers, places, vocabulary, top, need=False) for item in location.aanbod],
    )


def _match_item(
    item: Item, index: _Index, places: list[_Place], vocabulary: Vocabulary, top: int, *, need: bool
) -> ItemMatches:
    query = vocabulary.analyse(" ".join([item.wat, *item.tags]))
    conditions = item.voorwaarden if need else []
    ranked = []
    for i, raw in index.score(query).items():
        if raw < MIN_SCORE:
            continue
        answers = _answers(index.cards[i], conditions)
        if "nee" in answers.values():
            continue
        asked = sum(1 for a in answers.values() if a != "ja")
        place = places[i]
        score = raw * place.factor * ASK_FACTOR**asked + (WARM_BONUS if place.warm else 0.0)
        ranked.append((-round(min(1.0, score), 3), index.cards[i].path, i, answers))
    matches = [
        _match(index, places[i], i, -neg, answers, query, vocabulary)
        for neg, _, i, answers in heapq.nsmallest(top, ranked)
    ]
    return ItemMatches(item, matches, [vocabulary.label(t) for t in query.themes])


def _answers(card: Card, conditions: list[str]) -> dict[str, str]:
    access = card.toegankelijkheid
    return {c: getattr(access, c) if access else "onbekend" for c in conditions}


def _match(
    index: _Index, place: _Place, i: int, score: float, answers: dict[str, str], query: Analysis, vocabulary: Vocabulary
) -> Match:
    themes, words = index.explain(i, query)
    reasons = _content_reasons(themes, words, vocabulary)
    if place.reason:
        reasons.append(place.reason)
    reasons += [f"{c}: {ASK_TEXT.get(a, a)}" for c, a in answers.items()]
    if place.warm:
        reasons.append(place.warm)
    navragen = [c for c, a in answers.items() if a != "ja"]
    outside = place.factor < 1.0
    return Match(index.cards[i], score, reasons, bool(place.warm), navragen, outside, place.distance)


def _content_reasons(themes: list[str], words: list[str], vocabulary: Vocabulary) -> list[str]:
    reasons = []
    if themes:
        labels = [vocabulary.label(t).lower() for t in themes[:3]]
        reasons.append(("thema " if len(labels) == 1 else "thema's ") + ", ".join(labels))
    words = [w for w in words if w not in themes]  # "thema muziek", not also "woord: muziek"
    if words:
        reasons.append(("woord: " if len(words) == 1 else "woorden: ") + ", ".join(words[:3]))
    return reasons


def needs_with_match(location_matches: LocationMatches) -> tuple[int, int]:
    """``(needs with at least one match, all needs)``, for the location page."""
    needs = location_matches.behoeften
    return sum(1 for n in needs if n.matches), len(needs)

"""Vraag en aanbod: match a location's needs and offers with the neighbourhood's findings.

Two directions (design §1): *van buiten naar binnen* matches each need of the inventory with
what cards offer (their ``aanbod``, ``wat_doen_ze``, ``voor_de_buurt``, tags, title, body);
*van binnen naar buiten* matches each offer with what cards need (their ``vraag``, tags,
title, body). Scoring lives in :mod:`.index` (words, parts and concept links, rare words and
strong fields weigh more); here: conditions, radius, warm start, the team's decisions and the
strength in words. Pure and deterministic: ties break on the card path.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..core.geo import format_distance
from ..core.models import Card, Item, Location
from .index import CardIndex, Query, Reason, cached_texts
from .vocabulary import Vocabulary

# Field weights per direction: what a card offers (for our needs) or needs (for our offers).
NEED_FIELDS = {"aanbod": 3.0, "tags": 3.0, "titel": 2.0, "samenvatting": 1.5, "wat_doen_ze": 1.5,
               "voor_de_buurt": 1.5, "body": 1.0}  # fmt: skip
OFFER_FIELDS = {"vraag": 3.0, "tags": 3.0, "titel": 2.0, "samenvatting": 1.0, "body": 1.0}
MIN_SCORE = 0.2  # below this a card is noise, not a match ...
STRONG_LINK = 0.5  # ... unless one word links strongly to it (the card IS a kringloop): then times this
STRONG_SCORE = 0.5  # from here on a match is "sterke match"
STRONG, POSSIBLE, LINKED = "sterke match", "mogelijke match", "gekoppeld"
MAX_LINKS = 3  # reasons naming a word link
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
    strength: str = POSSIBLE  # "sterke match", "mogelijke match" or "gekoppeld"
    gekoppeld: bool = False  # the team linked this card to the item (inventory: gekoppeld)


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


@dataclass(frozen=True)
class _Place:
    """What a card brings regardless of the item: distance, radius factor, warm start."""

    distance: float | None
    factor: float
    reason: str | None
    warm: str | None


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
    places = [_place(card, location) for card in active]
    texts = cached_texts(vocabulary.analyse)  # the two indexes share the cards' texts
    needs = CardIndex(active, NEED_FIELDS, texts, vocabulary.links)
    offers = CardIndex(active, OFFER_FIELDS, texts, vocabulary.links, offer=True)
    return LocationMatches(
        location=location,
        behoeften=[_match_item(item, needs, places, vocabulary, top, need=True) for item in location.behoeften],
        aanbod=[_match_item(item, offers, places, vocabulary, top, need=False) for item in location.aanbod],
    )


def _match_item(
    item: Item, index: CardIndex, places: list[_Place], vocabulary: Vocabulary, top: int, *, need: bool
) -> ItemMatches:
    analysis = vocabulary.analyse(" ".join([item.wat, *item.tags]))
    query = index.prepare(analysis)
    conditions = item.voorwaarden if need else []
    linked, unfit = set(item.gekoppeld), set(item.past_niet)
    scores, strong = index.score(query)
    candidates = set(scores) | {i for i, card in enumerate(index.cards) if card.path in linked} if linked else scores
    best: list[tuple] = []  # the best `wanted` so far, best first
    wanted = max(top, len(linked))
    for i in sorted(candidates, key=lambda i: -scores.get(i, 0.0)):
        card, raw = index.cards[i], scores.get(i, 0.0)
        if len(best) == wanted and not linked and raw + WARM_BONUS < -best[-1][1]:
            break  # sorted by raw score: radius and conditions only lower it, warm adds at most WARM_BONUS
        if card.path in unfit:  # the team decided: does not fit this item
            continue
        if card.path not in linked and raw < MIN_SCORE and (raw < MIN_SCORE * STRONG_LINK or i not in strong):
            continue
        answers = _answers(card, conditions)
        if "nee" in answers.values():
            continue
        asked = sum(1 for a in answers.values() if a != "ja")
        place = places[i]
        score = raw * place.factor * ASK_FACTOR**asked + (WARM_BONUS if place.warm else 0.0)
        bisect.insort(best, (card.path not in linked, -round(min(1.0, score), 3), card.path, i, answers))
        del best[wanted:]
    matches = [
        _match(index, places[i], i, -neg, answers, query, vocabulary, linked=not unlinked)
        for unlinked, neg, _, i, answers in best
    ]
    return ItemMatches(item, matches, [vocabulary.label(t) for t in analysis.themes])


def _answers(card: Card, conditions: list[str]) -> dict[str, str]:
    access = card.toegankelijkheid
    return {c: getattr(access, c) if access else "onbekend" for c in conditions}


def _match(
    index: CardIndex,
    place: _Place,
    i: int,
    score: float,
    answers: dict[str, str],
    query: Query,
    vocabulary: Vocabulary,
    *,
    linked: bool = False,
) -> Match:
    themes, links = index.explain(i, query)
    reasons = (["gekoppeld door het team"] if linked else []) + _content_reasons(themes, links, vocabulary)
    if place.reason:
        reasons.append(place.reason)
    reasons += [f"{c}: {ASK_TEXT.get(a, a)}" for c, a in answers.items()]
    if place.warm:
        reasons.append(place.warm)
    navragen = [c for c, a in answers.items() if a != "ja"]
    outside = place.factor < 1.0
    strength = LINKED if linked else STRONG if score >= STRONG_SCORE else POSSIBLE
    card = index.cards[i]
    return Match(card, score, reasons, bool(place.warm), navragen, outside, place.distance, strength, linked)


def _content_reasons(themes: list[str], links: list[Reason], vocabulary: Vocabulary) -> list[str]:
    """``thema muziek``, ``woorden: koor, zingen`` for shared words, then links: ``krant ≈ dagblad``."""
    reasons = []
    if themes:
        labels = [vocabulary.label(t).lower() for t in themes[:3]]
        reasons.append(("thema " if len(labels) == 1 else "thema's ") + ", ".join(labels))
    # One reason per word of the card: not "koor ≈ zangers · zingen ≈ zangers", and not
    # "muziek ⊃ zingen" next to "woord: zingen"; "thema muziek", not also "woord: muziek".
    seen: set[str] = set()
    kept = []
    for reason in links:
        if reason.card_word not in seen:
            seen.add(reason.card_word)
            kept.append(reason)
    kept = kept[:MAX_LINKS]
    words = [r.text for r in kept if r.same and r.text not in themes]
    if words:
        reasons.append(("woord: " if len(words) == 1 else "woorden: ") + ", ".join(words))
    reasons += [r.text for r in kept if not r.same and r.card_word not in words]
    return reasons


def needs_with_match(location_matches: LocationMatches) -> tuple[int, int]:
    """``(needs with at least one match, all needs)``, for the location page."""
    needs = location_matches.behoeften
    return sum(1 for n in needs if n.matches), len(needs)

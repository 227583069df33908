"""Checks that look beyond one field: across files, against the location, inside the body."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator

from .errors import WARNING, Problem
from .fields import SAFE_SCHEMES, in_netherlands
from .geo import format_distance, nearby_pairs
from .load import RawDoc
from .models import Card, Location
from .slugs import slugify

DUPLICATE_WITHIN_M = 25.0
SIMILAR_TITLE = 0.6

_MARKDOWN_LINK = r"\]\(\s*<?([^)\s>]+)"  # [tekst](doel)
_LINK_TARGETS = re.compile(
    _MARKDOWN_LINK + r"|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"  # <schema:doel>
    r"|(?:href|src|action|formaction|xlink:href)\s*=\s*[\"']?\s*([^\"'\s>]+)"  # raw HTML
    # [ref]: doel. '[ \t]*' and '[^[\]]' rather than '\s*' and '[^\]]': those rescanned the
    # rest of the body from every line start (a body of '[' lines took minutes).
    r"|^[ \t]*\[[^\[\]]+\]:\s*<?(\S+?)>?(?:\s|$)",
    re.IGNORECASE | re.MULTILINE,
)
# Every match of _LINK_TARGETS contains one of these (one per alternative, in order).
_LINK_MARKS = ("](", "<", "=", "]:")
# Without the marks of the other alternatives only the first can match: alone it is 10x faster.
_MARKDOWN_LINKS = re.compile(_MARKDOWN_LINK, re.IGNORECASE | re.MULTILINE)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def link_problems(doc: RawDoc) -> list[Problem]:
    """Links in the body and ``contact.social`` must use http, https, mailto or tel."""
    problems: list[Problem] = []
    marks = [mark in doc.body for mark in _LINK_MARKS]
    if not any(marks):
        return problems  # no link possible: skips the slow scan for most bodies
    pattern = _LINK_TARGETS if any(marks[1:]) else _MARKDOWN_LINKS
    for match in pattern.finditer(doc.body):
        target = next(g for g in match.groups() if g is not None)
        scheme = _SCHEME.match(re.sub(r"[\x00-\x20]", "", target))
        if scheme and scheme[1].lower() not in SAFE_SCHEMES:
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            problems.append(
                Problem(
                    doc.path,
                    line,
                    None,
                    f"de link '{target[:60]}' gebruikt '{scheme[1]}:'. Alleen links die beginnen met "
                    "http:, https:, mailto: of tel: mogen. Haal de link weg of vervang hem.",
                )
            )
    return problems


def cross_checks(locations: dict[str, Location], cards: list[Card]) -> list[Problem]:
    problems: list[Problem] = []
    by_location: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        by_location[card.locatie].append(card)
    for slug, members in by_location.items():
        location = locations.get(slug)
        if location is None:
            problems.extend(_orphans(slug, members))
        problems.extend(_same_slug(members))
        problems.extend(_near_duplicates(members))
        for card in members:
            problems.extend(_position(card, location))
    for location in locations.values():
        if not in_netherlands(*location.coordinaten):
            problems.append(_outside_nl(location.path, location.coordinaten))
        problems.extend(decision_problems(location, {c.path: c for c in by_location.get(location.slug, [])}))
    return problems


DECISIONS = ("gekoppeld", "past_niet")


def decision_problems(location: Location, cards: dict[str, Card]) -> Iterator[Problem]:
    """The team's decisions (``gekoppeld``, ``past_niet``) must name existing cards of this location."""
    paths = set(cards)
    for kind in ("behoeften", "aanbod"):
        for n, item in enumerate(getattr(location, kind)):
            if kind == "behoeften":
                yield from _hidden_links(location, item, n, cards)
            for key in DECISIONS:
                for k, path in enumerate(getattr(item, key)):
                    message = _decision_message(path, location, paths, key)
                    if message:
                        yield Problem(location.path, None, f"{kind}.{n}.{key}.{k}", message)
            for path in sorted(set(item.gekoppeld) & set(item.past_niet)):
                field = f"{kind}.{n}.past_niet.{item.past_niet.index(path)}"
                yield Problem(
                    location.path,
                    None,
                    field,
                    f"de kaart '{path}' staat bij '{item.wat}' zowel onder 'gekoppeld' als onder 'past_niet'. "
                    "Kies één van de twee.",
                )


def _hidden_links(location: Location, item, n: int, cards: dict[str, Card]) -> Iterator[Problem]:
    """A linked card that answers 'nee' to one of the need's conditions is not shown: say so."""
    for k, path in enumerate(item.gekoppeld):
        card = cards.get(path)
        access = card.toegankelijkheid if card else None
        refused = [c for c in item.voorwaarden if access is not None and getattr(access, c) == "nee"]
        if refused:
            yield Problem(
                location.path,
                None,
                f"behoeften.{n}.gekoppeld.{k}",
                f"de gekoppelde kaart '{path}' zegt 'nee' bij {', '.join(refused)}, een voorwaarde van "
                f"'{item.wat}'. Daarom staat hij niet bij de matches. Haal de koppeling weg, of pas de "
                "voorwaarden of de kaart aan.",
                WARNING,
            )


def _decision_message(path: str, location: Location, paths: set[str], key: str) -> str | None:
    folder = path.split("/")[1]
    if folder != location.slug:
        return (
            f"'{key}' noemt de kaart '{path}' van een andere locatie. Noem hier alleen kaarten uit "
            f"cards/{location.slug}/."
        )
    if path in paths:
        return None
    slugs = {p.rsplit("/", 1)[-1]: p for p in paths}
    close = difflib.get_close_matches(path.rsplit("/", 1)[-1], sorted(slugs), n=1, cutoff=0.7)
    where = f"cards/{location.slug}/"
    hint = f" Bedoel je '{slugs[close[0]]}'?" if close else f" Kijk in de map {where} hoe het bestand heet."
    return f"'{key}' noemt de kaart '{path}', maar die bestaat niet.{hint}"


def _orphans(slug: str, cards: list[Card]) -> Iterator[Problem]:
    for card in cards:
        yield Problem(
            card.path,
            None,
            None,
            f"de map 'cards/{slug}/' hoort bij geen locatie: er is geen bestand 'inventory/{slug}.md'. "
            "Maak dat bestand aan, of verplaats de kaart naar de map van een bestaande locatie.",
        )


def _same_slug(cards: list[Card]) -> Iterator[Problem]:
    seen: dict[str, Card] = {}
    for card in cards:
        first = seen.setdefault(card.slug, card)
        if first is not card:
            yield Problem(
                card.path,
                None,
                None,
                f"deze kaart krijgt dezelfde link '{card.locatie}/{card.slug}/' als '{first.path}'. "
                "Geef één van de twee bestanden een andere naam.",
            )


def _near_duplicates(cards: list[Card]) -> Iterator[Problem]:
    placed = [(card, card.coordinaten) for card in cards if card.coordinaten]
    for a, b, d in nearby_pairs(placed, DUPLICATE_WITHIN_M):
        first, second = sorted((a, b), key=lambda c: c.path)
        if _similar(first.titel, second.titel):
            yield Problem(
                second.path,
                None,
                "titel",
                f"lijkt dezelfde plek als '{first.path}' ('{first.titel}', {format_distance(d)} verderop). "
                "Voeg de kaarten samen als het om dezelfde plek gaat.",
                WARNING,
            )


def _similar(a: str, b: str) -> bool:
    sa, sb = slugify(a).replace("-", " "), slugify(b).replace("-", " ")
    return sa in sb or sb in sa or difflib.SequenceMatcher(None, sa, sb).ratio() >= SIMILAR_TITLE


def _position(card: Card, location: Location | None) -> Iterator[Problem]:
    if card.coordinaten is None:
        return
    if not in_netherlands(*card.coordinaten):
        yield _outside_nl(card.path, card.coordinaten)
    elif location is not None and card.distance is not None:
        d = card.distance
        if d > location.zoekstraal:
            yield Problem(
                card.path,
                None,
                "coordinaten",
                f"ligt {format_distance(d)} van {location.naam}, buiten de zoekstraal van "
                f"{format_distance(location.zoekstraal)}. Controleer de coördinaten, of vergroot "
                f"'zoekstraal' in {location.path}.",
                WARNING,
            )


def _outside_nl(path: str, pos) -> Problem:
    return Problem(
        path,
        None,
        "coordinaten",
        f"[{pos.lat:g}, {pos.lon:g}] ligt niet in Nederland. Controleer de coördinaten "
        "(breedtegraad eerst, dan lengtegraad).",
        WARNING,
    )

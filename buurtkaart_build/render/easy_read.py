"""Makkelijk lezen: the clients' own view of the neighbourhood (``/<locatie>/makkelijk-lezen/``).

Written for people with an intellectual disability: large type, short sentences, one idea per
line, a pictogram with a word for every category and accessibility fact (never the pictogram
alone), the photo, distances as minutes instead of metres, and a "Lees voor" button that uses
the browser's own speech synthesis (``assets/js/buurtkaart-voorlezen.js``, added to every
page by the plugin; nothing is sent anywhere). Every card has an easy-read page at
``/<locatie>/makkelijk-lezen/<slug>/``, linked both ways with the card's normal page. All card values are escaped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from ..core.choices import ACCESS_KEYS
from ..core.models import Card, Location
from .html import ASSET_DIR, block, esc, icon, page_meta
from .photos import Shown, picture
from .style import ACCESS_ICONS, ANSWER_ICONS, CATEGORY_STYLES

FOLDER = "makkelijk-lezen"
# Words a client knows, next to the category's pictogram.
EASY_CATEGORIES = {
    "ontmoeten": "Mensen ontmoeten",
    "organisaties": "Hulp en clubs",
    "bedrijven": "Winkels en werk",
    "activiteiten": "Feesten en uitjes",
}
# One short word per accessibility fact, next to its pictogram.
EASY_ACCESS_WORDS = {
    "bereikbaar": "Ernaartoe",
    "rolstoel": "Rolstoel",
    "lift": "Lift",
    "invalidetoilet": "Wc",
    "prikkelarm": "Rust",
}
ACCESS_SENTENCES = {
    "bereikbaar": {
        "ja": "Je komt er makkelijk.",
        "nee": "Je komt er niet makkelijk.",
        "deels": "Je komt er niet altijd makkelijk.",
        "onbekend": "We weten nog niet of je er makkelijk komt.",
    },
    "rolstoel": {
        "ja": "Ja. Met de rolstoel kun je erin.",
        "nee": "Nee. Met de rolstoel kun je er niet in.",
        "deels": "Een beetje. Niet overal kun je met de rolstoel komen.",
        "onbekend": "Dat weten we nog niet.",
    },
    "lift": {
        "ja": "Er is een lift.",
        "nee": "Er is geen lift.",
        "deels": "Er is een lift. Die gaat niet overal heen.",
        "onbekend": "We weten nog niet of er een lift is.",
    },
    "invalidetoilet": {
        "ja": "Er is een wc voor mensen in een rolstoel.",
        "nee": "Er is geen wc voor mensen in een rolstoel.",
        "deels": "Er is een wc. Die is niet helemaal goed voor een rolstoel.",
        "onbekend": "We weten nog niet of er een wc voor de rolstoel is.",
    },
    "prikkelarm": {
        "ja": "Het is er rustig.",
        "nee": "Het kan er druk zijn.",
        "deels": "Soms is het er rustig. Soms is het er druk.",
        "onbekend": "We weten nog niet of het er rustig is.",
    },
}
# Minutes from the straight-line distance: a route through streets is about 1.3 times longer;
# a calm walk is 4 km/h, a wheelchair (pushed or self-propelled) about 3 km/h.
ROUTE_FACTOR = 1.3
WALK_M_PER_MIN = 4000 / 60
WHEELCHAIR_M_PER_MIN = 3000 / 60
READ_ALOUD_SCRIPT = f"{ASSET_DIR}/js/buurtkaart-voorlezen.js"  # on every page (plugin), acts on .bk-ml
NO_SEARCH = {"exclude": True}  # easy-read pages repeat the cards' text: keep them out of search results

PhotosOf = Callable[[Card], list[Shown]]


def minutes(distance_m: float, metres_per_minute: float) -> int:
    """Whole minutes along a route, rounded up; at least 1."""
    return max(1, math.ceil(distance_m * ROUTE_FACTOR / metres_per_minute))


def minutes_text(count: int, how: str) -> str:
    if count > 60:
        return f"Meer dan een uur {how}."
    return f"{count} {'minuut' if count == 1 else 'minuten'} {how}."


def uses_wheelchair(location: Location) -> bool:
    """The location goes out with wheelchairs (its inventory's ``mobiliteit`` says so)."""
    return any("rolstoel" in way.lower() for way in location.mobiliteit)


def travel_lines(card: Card, location: Location) -> list[tuple[str, str]]:
    """``[(icon, sentence)]``: minutes walking, and by wheelchair where the location says so."""
    if card.distance is None:
        return [("map-marker-question", "We weten nog niet hoe ver het is.")]
    d = card.distance
    lines = [("walk", minutes_text(minutes(d, WALK_M_PER_MIN), "lopen"))]
    if uses_wheelchair(location):
        lines.append(("wheelchair", minutes_text(minutes(d, WHEELCHAIR_M_PER_MIN), "met de rolstoel")))
    return lines


def sentences(text: str | None) -> list[str]:
    """One idea per line: split a text after every sentence."""
    if not text:
        return []
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return [p for p in parts if p]


def _lines(texts: list[str], cls: str = "bk-ml-regels") -> str:
    return f'<ul class="{cls}">' + "".join(f"<li>{esc(t)}</li>" for t in texts) + "</ul>"


def _fact(icon_name: str, word: str | None, sentence: str) -> str:
    label = f"<strong>{esc(word)}:</strong> " if word else ""
    return f'<li class="bk-ml-feit">{icon(icon_name)}<span>{label}{esc(sentence)}</span></li>'


def category_label(category: str) -> str:
    """Pictogram with its word (the word is what a screen reader and the read-aloud button say)."""
    style = CATEGORY_STYLES[category]
    return f'<p class="bk-ml-soort">{icon(style.icon)}<span>{esc(EASY_CATEGORIES[category])}</span></p>'


def read_aloud() -> str:
    """The "Lees voor" button; hidden until the script finds speech synthesis in the browser."""
    return (
        '<div class="bk-ml-voorlezen" data-bk-niet-voorlezen>'
        f'<button type="button" class="md-button bk-ml-knop" data-bk-voorlezen hidden>'
        f"{icon('volume-high')}<span>Lees voor</span></button>"
        '<p class="bk-ml-uitleg" data-bk-voorlezen-uitleg hidden>Voorlezen kan niet in deze browser. '
        "Vraag iemand om voor te lezen.</p></div>"
    )


def _wheelchair_answer(card: Card) -> str:
    answer = card.toegankelijkheid.rolstoel if card.toegankelijkheid else "onbekend"
    sentence = ACCESS_SENTENCES["rolstoel"][answer]
    return (
        f'<p class="bk-ml-antwoord bk-{esc(answer)}">{icon(ACCESS_ICONS["rolstoel"])}{icon(ANSWER_ICONS[answer])}'
        f"<span>{esc(sentence)}</span></p>"
    )


def _other_facts(card: Card) -> str:
    access = card.toegankelijkheid
    if access is None:
        return ""
    items = [
        _fact(ACCESS_ICONS[key], EASY_ACCESS_WORDS[key], ACCESS_SENTENCES[key][getattr(access, key)])
        for key in ACCESS_KEYS
        if key != "rolstoel"
    ]
    return "<h2>Wat moet je nog meer weten?</h2>" + f'<ul class="bk-ml-feiten">{"".join(items)}</ul>'


def _what_to_do(card: Card) -> str:
    things = list(card.aanbod) or sentences(card.wat_doen_ze)
    return _lines(things) if things else "<p>Dat weten we nog niet.</p>"


def easy_card_page(card: Card, location: Location, photos: list[Shown]) -> str:
    """``/<locatie>/makkelijk-lezen/<slug>/``."""
    travel = "".join(_fact(name, None, text) for name, text in travel_lines(card, location))
    parts = [
        '<nav class="bk-crumbs" aria-label="Kruimelpad" data-search-exclude data-bk-niet-voorlezen><ol>'
        f'<li><a href="../">{icon("arrow-left")}<span>Alle plekken</span></a></li></ol></nav>',
        f"<h1>{esc(card.titel)}</h1>",
        category_label(card.categorie),
        read_aloud(),
        *(f"<figure>{picture(p, 'groot', '../../')}</figure>" for p in photos[:1]),
        _lines(sentences(card.samenvatting), "bk-ml-regels bk-ml-samenvatting") if card.samenvatting else "",
        "<h2>Wat kun je er doen?</h2>",
        _what_to_do(card),
        "<h2>Kun je er met de rolstoel in?</h2>",
        _wheelchair_answer(card),
        "<h2>Hoe ver is het?</h2>",
        f'<ul class="bk-ml-feiten">{travel}</ul>',
        f"<h2>Waar is het?</h2><p>{esc(card.adres)}</p>" if card.adres else "",
        f"<h2>Wanneer?</h2><p>{esc(card.wanneer)}</p>" if card.wanneer else "",
        _other_facts(card),
        *(f"<figure>{picture(p, 'groot', '../../')}</figure>" for p in photos[1:]),
        f'<p class="bk-ml-gewoon" data-bk-niet-voorlezen><a href="../../{esc(card.slug)}/">'
        "Naar de gewone pagina</a> (meer tekst, voor begeleiders)</p>",
    ]
    meta = page_meta(f"{card.titel} (makkelijk lezen)", description=card.samenvatting or card.titel, search=NO_SEARCH)
    return meta + block("\n".join(p for p in parts if p), "bk-ml")


def easy_index_page(location: Location, cards: list[Card], photos_of: PhotosOf) -> str:
    """``/<locatie>/makkelijk-lezen/``: every place per category, nearest first, with a photo."""
    parts = [
        "<h1>Plekken in de buurt</h1>",
        f'<p class="bk-ml-van">Van {esc(location.naam)}.</p>',
        read_aloud(),
        _lines(["Hier zie je plekken bij ons in de buurt.", "Klik op een plek.", "Dan lees je er meer over."]),
    ]
    for category in CATEGORY_STYLES:
        members = [c for c in cards if c.categorie == category]  # nearest first, as given
        if not members:
            continue
        style = CATEGORY_STYLES[category]
        parts.append(f'<h2 class="bk-ml-kop">{icon(style.icon)}<span>{esc(EASY_CATEGORIES[category])}</span></h2>')
        places = "".join(_place(c, location, photos_of(c)) for c in members)
        parts.append(f'<ul class="bk-ml-plekken">{places}</ul>')
    if not cards:
        parts.append("<p>Er staan nog geen plekken op de kaart.</p>")
    parts.append('<p class="bk-ml-gewoon" data-bk-niet-voorlezen><a href="../">Naar de gewone pagina</a></p>')
    meta = page_meta(
        f"Makkelijk lezen: {location.naam}", description=f"Plekken in de buurt van {location.naam}", search=NO_SEARCH
    )
    return meta + block("\n".join(parts), "bk-ml bk-ml-lijst")


def _place(card: Card, location: Location, photos: list[Shown]) -> str:
    photo = picture(photos[0], "klein", "../") if photos else ""
    walk = travel_lines(card, location)[0][1]
    return (
        f'<li><a href="{esc(card.slug)}/">{photo}'
        f'<span class="bk-ml-naam">{esc(card.titel)}</span><span class="bk-ml-afstand">{esc(walk)}</span></a></li>'
    )


def easy_link(card: Card) -> str:
    """On the normal card page: the way to the easy-read version."""
    return (
        f'<p class="bk-ml-link"><a href="../{FOLDER}/{esc(card.slug)}/">'
        f"{icon('book-open-variant')}<span>Makkelijk lezen</span></a></p>"
    )

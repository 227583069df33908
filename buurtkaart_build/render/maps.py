"""Standalone map files (``kaart.html``), built with folium, for an iframe on the map pages.

folium makes the page skeleton, the Leaflet map, the tile layer and the full-screen button
(``folium_page.py``, imported only when a map is made).
The findings travel as ONE escaped JSON data object (a GeoJSON FeatureCollection plus the
legend's labels); our own ``buurtkaart-map.js`` turns it into markers, clusters, popups,
lines and the legend, building every element with ``textContent``. So 1,000 findings cost
one small feature each instead of one generated JavaScript object each, and no card text
is ever inserted into HTML or JavaScript source.

Every asset is local (vendored, see ``assets/vendor/VENDORED.md``): the only requests that
leave the site are the map tiles.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import TYPE_CHECKING

import nh3

from ..core.choices import ACCESS_KEYS, KENT_ONS, STATUSES
from ..core.geo import format_distance
from ..core.models import Card, Location
from .photos import photo_stem
from .style import CATEGORY_STYLES, LOCATION_COLOUR, LOCATION_ICON

if TYPE_CHECKING:
    from .options import SiteOptions

MAP_FILE = "kaart.html"
DATA_ID = "bk-data"
# One letter per accessibility answer, in ACCESS_KEYS order: "jnd?" keeps 1,000 findings small.
ANSWER_CODES = {"ja": "j", "nee": "n", "deels": "d", "onbekend": "?"}
ANSWER_WORDS = {"j": "ja", "n": "nee", "d": "deels", "?": "onbekend"}

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
# A '{' that starts a Jinja tag ('{{', '{%', '{#'). Outside strings JSON has none ('{' is
# followed by '"' or '}'), so every match is inside a string and may become '\u007b'.
_JINJA_OPEN_RE = re.compile(r"\{(?=[{%#])")


def script_json(value: object) -> str:
    """Compact JSON that is safe inside ``<script>`` and inside a branca template.

    It contains no ``<``, ``>`` or ``&``, and no ``{{``, ``{%`` or ``{#``: branca renders the
    output of a macro again as a Jinja template, so a card titled ``{{ 7*7 }}`` showed 49 and
    ``{{ cycler.__init__.__globals__.os.popen('id').read() }}`` ran a command at build time.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)
    return _JINJA_OPEN_RE.sub(r"\\u007b", text)


@functools.cache
def icon_path(name: str) -> str:
    """The ``d`` attribute of a Material Design icon's single path (24×24 view box)."""
    svg = resources.files("material").joinpath("templates", ".icons", "material", f"{name}.svg")
    match = re.search(r'<path d="([^"]+)"', svg.read_text(encoding="utf-8"))
    return match[1] if match else ""


def safe_attribution(text: str) -> str:
    """Tile attribution as sanitised HTML: Leaflet shows it with ``innerHTML``."""
    return nh3.clean(
        text,
        tags={"a", "span", "strong", "em"},
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
    )


# --- data ----------------------------------------------------------------------------------


def finding_feature(card: Card, location: Location) -> dict:
    """One card with coordinates as a GeoJSON Point feature (longitude first), short property names."""
    props: dict[str, object] = {"slug": card.slug, "titel": card.titel, "cat": card.categorie}
    if card.adres:
        props["adres"] = card.adres
    distance = card.distance
    props["afstand"] = format_distance(distance)  # formatted here: the same text as in the table
    if distance > location.zoekstraal:
        props["buiten"] = 1
    if card.toegankelijkheid is not None:
        props["toeg"] = "".join(ANSWER_CODES[getattr(card.toegankelijkheid, k)] for k in ACCESS_KEYS)
    props["kent"] = card.kent_ons
    props["status"] = card.status
    if card.fotos:  # the first photo as a thumbnail; the map script builds it with setAttribute
        props["foto"] = photo_stem(card, 1)
        props["fotoTekst"] = card.fotos[0].beschrijving or ""
    lat, lon = card.coordinaten.as_list()
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def location_entry(location: Location, cards: list[Card], url: str) -> dict:
    """A location for the map: where it is, its radius and its counts per category."""
    counts = {c: 0 for c in CATEGORY_STYLES}
    for card in cards:
        counts[card.categorie] += 1
    lat, lon = location.coordinaten.as_list()
    return {
        "slug": location.slug,
        "naam": location.naam,
        "adres": location.adres or "",
        "lat": lat,
        "lon": lon,
        "straal": location.zoekstraal,
        "straalTekst": format_distance(location.zoekstraal),
        "url": url,
        "aantallen": counts,
        "opKaart": sum(1 for c in cards if c.coordinaten),
    }


def _labels() -> dict:
    """Dutch text and category styles the map script needs (ours, never card data)."""
    return {
        "categorieen": [
            {"slug": s.slug, "label": s.label, "kleur": s.colour, "icoon": icon_path(s.icon)}
            for s in CATEGORY_STYLES.values()
        ],
        "locatie": {"kleur": LOCATION_COLOUR, "icoon": icon_path(LOCATION_ICON)},
        "toegankelijkheid": list(ACCESS_KEYS.values()),
        "antwoorden": ANSWER_WORDS,
        "kentOns": KENT_ONS,
        "status": STATUSES,
    }


def location_map_data(location: Location, cards: list[Card]) -> dict:
    """Everything the map of one location shows, ready for :func:`script_json`."""
    features = [finding_feature(c, location) for c in _placed(cards)]
    return {
        "modus": "locatie",
        "locaties": [location_entry(location, cards, "../")],
        "vondsten": {"type": "FeatureCollection", "features": features},
        "nietOpKaart": sum(1 for c in cards if not c.coordinaten),
        **_labels(),
    }


def overview_map_data(locations: list[Location], cards_of) -> dict:
    """Every location with its radius and counts; each links to its own map."""
    return {
        "modus": "overzicht",
        "locaties": [location_entry(loc, cards_of(loc.slug), f"../{loc.slug}/kaart/") for loc in locations],
        "vondsten": {"type": "FeatureCollection", "features": []},
        "nietOpKaart": 0,
        **_labels(),
    }


def _placed(cards: list[Card]) -> list[Card]:
    """Cards with coordinates, in the given (nearest-first) order."""
    return [c for c in cards if c.coordinaten]


def location_map(location: Location, cards: list[Card], options: SiteOptions) -> str:
    """``<locatie>/kaart/kaart.html``."""
    return _map_file(f"Kaart van {location.naam}", location_map_data(location, cards), options, depth=2)


def overview_map(locations: list[Location], cards_of, options: SiteOptions) -> str:
    """``kaart/kaart.html``: all locations."""
    return _map_file("Kaart van alle locaties", overview_map_data(locations, cards_of), options, depth=1)


def _map_file(title: str, data: dict, options: SiteOptions, depth: int) -> str:
    from .folium_page import map_html  # folium takes ~0.5 s to import: only where maps are made

    first = data["locaties"][0] if data["locaties"] else {"lat": 52.1, "lon": 5.3}  # else: the Netherlands
    attribution = safe_attribution(options.tiles_attribution)
    return map_html(
        title, script_json(data), DATA_ID, [first["lat"], first["lon"]], options.tiles_url, attribution, depth
    )

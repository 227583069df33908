"""Standalone map files (``kaart.html``), built with folium, for an iframe on the map pages.

folium makes the page skeleton, the Leaflet map, the tile layer and the full-screen button.
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

import folium
import nh3
from branca.element import Figure, MacroElement
from folium.plugins import Fullscreen
from folium.template import Template

from ..core.choices import ACCESS_KEYS, KENT_ONS, STATUSES
from ..core.geo import format_distance
from ..core.models import Card, Location
from .html import ASSET_DIR
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


# --- HTML ----------------------------------------------------------------------------------


class _MapFigure(Figure):
    """A complete HTML document in Dutch (branca's default has no ``lang``); its header holds the charset."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n'
        "<head>\n"
        "<title>{{ this.title|e }}</title>\n"
        "{{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        "{{ this.html.render(**kwargs) }}\n"
        "<script>\n"
        "{{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )


class _Map(folium.Map):
    """folium's map without its zoom lock (``user-scalable=no``) and without jQuery."""

    _template = Template(
        """
{% macro header(this, kwargs) %}
<meta name="viewport" content="width=device-width, initial-scale=1">
{% endmacro %}
{% macro html(this, kwargs) %}
<div class="folium-map bk-map" id={{ this.get_name()|tojson }}></div>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {
  center: {{ this.location|tojson }},
  crs: L.CRS.{{ this.crs }},
  ...{{ this.options|tojavascript }}
});
{% endmacro %}
"""
    )


class _Start(MacroElement):
    """The data object (inert JSON) and the one call that draws everything from it."""

    _template = Template(
        """
{% macro html(this, kwargs) %}
<script type="application/json" id="{{ this.data_id }}">{{ this.data }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
buurtkaart.start({{ this._parent.get_name() }}, JSON.parse(document.getElementById("{{ this.data_id }}").textContent));
{% endmacro %}
"""
    )

    def __init__(self, data_json: str) -> None:
        super().__init__()
        self._name = "Start"
        self._id = "0"
        self.data = data_json
        self.data_id = DATA_ID


def _assets(prefix: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    js = [
        ("leaflet", f"{prefix}vendor/leaflet/leaflet.js"),
        ("markercluster", f"{prefix}vendor/leaflet.markercluster/leaflet.markercluster.js"),
        ("buurtkaart", f"{prefix}js/buurtkaart-map.js"),
    ]
    css = [
        ("leaflet_css", f"{prefix}vendor/leaflet/leaflet.css"),
        ("markercluster_css", f"{prefix}vendor/leaflet.markercluster/MarkerCluster.css"),
        ("buurtkaart_css", f"{prefix}js/buurtkaart-map.css"),
    ]
    return js, css


def map_html(title: str, data: dict, options: SiteOptions, depth: int) -> str:
    """A standalone, deterministic map document.

    Args:
        title: Document title (escaped here).
        data: The map's data object (see :func:`location_map_data`).
        options: Tile server and attribution.
        depth: Folders between the site root and the map file (for relative asset URLs).
    """
    prefix = "../" * depth + ASSET_DIR + "/"
    loc = data["locaties"][0] if data["locaties"] else {"lat": 52.1, "lon": 5.3}
    fmap = _Map(location=[loc["lat"], loc["lon"]], zoom_start=14, tiles=None)
    fmap._id = "buurtkaart"  # folium ids are random; fixed names keep builds byte-identical
    fmap.default_js, fmap.default_css = _assets(prefix)
    figure = _MapFigure(title=title)
    figure._id = "figure"
    figure.add_child(fmap)
    tiles = folium.TileLayer(options.tiles_url, attr=safe_attribution(options.tiles_attribution), max_zoom=19)
    tiles._id = "tegels"
    tiles.add_to(fmap)
    full = Fullscreen(title="Kaart op volledig scherm", title_cancel="Volledig scherm sluiten")
    full._id = "volledig"
    full.default_js = [("fullscreen", f"{prefix}vendor/leaflet.fullscreen/Control.FullScreen.js")]
    full.default_css = [("fullscreen_css", f"{prefix}vendor/leaflet.fullscreen/Control.FullScreen.css")]
    full.add_to(fmap)
    _Start(script_json(data)).add_to(fmap)
    return _tidy(figure.render())


def _tidy(html: str) -> str:
    """Drop the blank lines the templates leave; one trailing newline."""
    return "\n".join(line.rstrip() for line in html.splitlines() if line.strip()) + "\n"


def location_map(location: Location, cards: list[Card], options: SiteOptions) -> str:
    """``<locatie>/kaart/kaart.html``."""
    return map_html(f"Kaart van {location.naam}", location_map_data(location, cards), options, depth=2)


def overview_map(locations: list[Location], cards_of, options: SiteOptions) -> str:
    """``kaart/kaart.html``: all locations."""
    return map_html("Kaart van alle locaties", overview_map_data(locations, cards_of), options, depth=1)

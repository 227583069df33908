"""The map document (``kaart.html``) around a map's data: folium's page, Leaflet map, tiles and full-screen button.

Imported only where maps are made (:func:`.maps.location_map`): importing folium takes about
half a second, which a build that makes its maps in a worker process keeps off the main one.
"""

from __future__ import annotations

import folium
from branca.element import Figure, MacroElement
from folium.plugins import Fullscreen
from folium.template import Template

from .html import ASSET_DIR


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

    def __init__(self, data_json: str, data_id: str) -> None:
        super().__init__()
        self._name = "Start"
        self._id = "0"
        self.data = data_json
        self.data_id = data_id


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


def map_html(
    title: str, data_json: str, data_id: str, center: list[float], tiles_url: str, attribution: str, depth: int
) -> str:
    """A standalone, deterministic map document.

    Args:
        title: Document title (escaped here).
        data_json: The map's data object as escaped JSON (see :func:`.maps.script_json`).
        data_id: The id of the ``<script>`` element that holds it.
        center: Where the map opens, ``[lat, lon]`` (the script then fits it to the findings).
        tiles_url: The tile server's URL template.
        attribution: The tiles' attribution, sanitised HTML (see :func:`.maps.safe_attribution`).
        depth: Folders between the site root and the map file (for relative asset URLs).
    """
    prefix = "../" * depth + ASSET_DIR + "/"
    fmap = _Map(location=center, zoom_start=14, tiles=None)
    fmap._id = "buurtkaart"  # folium ids are random; fixed names keep builds byte-identical
    fmap.default_js, fmap.default_css = _assets(prefix)
    figure = _MapFigure(title=title)
    figure._id = "figure"
    figure.add_child(fmap)
    tiles = folium.TileLayer(tiles_url, attr=attribution, max_zoom=19)
    tiles._id = "tegels"
    tiles.add_to(fmap)
    full = Fullscreen(title="Kaart op volledig scherm", title_cancel="Volledig scherm sluiten")
    full._id = "volledig"
    full.default_js = [("fullscreen", f"{prefix}vendor/leaflet.fullscreen/Control.FullScreen.js")]
    full.default_css = [("fullscreen_css", f"{prefix}vendor/leaflet.fullscreen/Control.FullScreen.css")]
    full.add_to(fmap)
    _Start(data_json, data_id).add_to(fmap)
    return _tidy(figure.render())


def _tidy(html: str) -> str:
    """Drop the blank lines the templates leave; one trailing newline."""
    return "\n".join(line.rstrip() for line in html.splitlines() if line.strip()) + "\n"

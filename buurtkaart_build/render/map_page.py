"""Map pages (``/<locatie>/kaart/``, ``/kaart/``), the small map on card pages, and map assets.

Each map page is a normal Material page (navigation and search stay) with the map in an
iframe: the standalone ``kaart.html`` next to it. Its CSS therefore never restyles the site.
Under the map the same findings stand in a table, nearest first: the accessible alternative.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from ..core.choices import CATEGORIES, STATUSES
from ..core.geo import format_distance
from ..core.models import Card, Location
from .html import ASSET_DIR, block, esc, icon, page_meta, table
from .maps import MAP_FILE, location_map, overview_map
from .pages import access_summary, location_menu
from .style import CATEGORY_STYLES

if TYPE_CHECKING:
    from ..core.repository import Repository
    from .options import Output, SiteOptions

FRAME_STYLE = "width:100%;height:70vh;min-height:420px;border:1px solid #c8c8c8;border-radius:4px"
MINI_FRAME_STYLE = ""  # on every card page: sized by .bk-minimap in buurtkaart.css (fewer bytes per page)


def map_frame(title: str, src: str, style: str = FRAME_STYLE, lazy: bool = False) -> str:
    """The iframe that shows a standalone map file (full screen allowed)."""
    loading = ' loading="lazy"' if lazy else ""
    styled = f' style="{style}"' if style else ""
    return (
        f'<iframe class="bk-map-frame" title="{esc(title)}" src="{esc(src)}"{styled}{loading} allowfullscreen></iframe>'
    )


def location_map_page(location: Location, cards: list[Card]) -> str:
    """``<locatie>/kaart.md``: the map, then the findings by distance, then those without coordinates."""
    placed = [c for c in cards if c.coordinaten]  # nearest first, as given
    missing = [c for c in cards if not c.coordinaten]  # by title: they have no distance
    slug = esc(location.slug)
    parts = [
        f"<h1>Kaart — {esc(location.naam)}</h1>",
        location_menu(location, 1, "kaart/"),
        f"<p>{len(placed)} van de {len(cards)} vondsten staan op de kaart; de stippellijn is de zoekstraal "
        f"van {esc(format_distance(location.zoekstraal))}. Klik op een punt voor meer informatie. In de "
        "legenda zet je categorieën en de lijnen vanaf de locatie aan of uit. "
        '<a href="#vondsten-op-afstand">Sla de kaart over</a>: dezelfde vondsten staan in de tabel eronder.</p>',
        map_frame(f"Kaart van {location.naam}", MAP_FILE),
        f'<p>Downloaden: <a href="../export/{slug}.geojson" download>GeoJSON</a> '
        f'(voor uMap of QGIS) · <a href="../export/{slug}.csv" download>CSV</a> (voor een spreadsheet)</p>',
        '<h2 id="vondsten-op-afstand">Vondsten op afstand</h2>',
        _distance_table(placed, location),
        '<h2 id="nog-niet-op-de-kaart">Nog niet op de kaart</h2>',
        _missing(missing),
    ]
    return page_meta(
        f"Kaart — {location.naam}", description=f"Kaart van de buurt van {location.naam}", hide=["toc"]
    ) + block("\n".join(parts), "bk-map-page")


def _distance_table(cards: list[Card], location: Location) -> str:
    if not cards:
        return '<p class="bk-unknown">Nog geen vondsten met coördinaten.</p>'
    heads = ["Vondst en adres", "Categorie", "Afstand", "Toegankelijkheid", "Kent ons", "Status"]
    return table(heads, [_row(card, location) for card in cards], cls="bk-table bk-sortable")


def _row(card: Card, location: Location) -> list[str]:
    style = CATEGORY_STYLES[card.categorie]
    d = card.distance
    outside = " (buiten de zoekstraal)" if d is not None and d > location.zoekstraal else ""
    address = f'<br><span class="bk-meta">{esc(card.adres)}</span>' if card.adres else ""
    return [
        f'<a href="../{esc(card.slug)}/">{esc(card.titel)}</a>{address}',
        f'<a href="../{esc(card.categorie)}/">{icon(style.icon)} {esc(style.label)}</a>',
        f"{esc(format_distance(d))}{outside}",
        access_summary(card),
        esc(card.kent_ons),
        esc(STATUSES[card.status]),
    ]


def _missing(cards: list[Card]) -> str:
    if not cards:
        return "<p>Alle vondsten staan op de kaart.</p>"
    items = "".join(
        f'<li><a href="../{esc(c.slug)}/">{esc(c.titel)}</a> '
        f'<span class="bk-meta">({esc(CATEGORIES[c.categorie])}; <code>{esc(c.path)}</code>)</span></li>'
        for c in cards
    )
    return (
        "<p>Deze vondsten hebben nog geen coördinaten. Zet ze op de kaart met het veld <code>coordinaten</code>, "
        "bijvoorbeeld <code>[52.5031, 6.0992]</code> of een link van Google Maps of OpenStreetMap.</p>"
        f"<ul>{items}</ul>"
    )


def overview_page(locations: list[Location], cards_of) -> str:
    """``kaart.md``: all locations on one map, and a table linking to each location's own map."""
    parts = [
        "<h1>Kaart van alle locaties</h1>",
        "<p>Elke locatie met haar zoekgebied. Klik op een locatie voor haar eigen kaart. "
        '<a href="#locaties-op-de-kaart">Sla de kaart over</a>.</p>',
        map_frame("Kaart van alle locaties", MAP_FILE),
        '<h2 id="locaties-op-de-kaart">Locaties</h2>',
        _locations_table(locations, cards_of),
    ]
    meta = page_meta("Kaart", description="Alle locaties op één kaart", hide=["toc"])
    return meta + block("\n".join(parts), "bk-map-page")


def _locations_table(locations: list[Location], cards_of) -> str:
    if not locations:
        return '<p class="bk-unknown">Er zijn nog geen locaties.</p>'
    heads = ["Locatie", "Zoekstraal", "Vondsten", "Op de kaart"] + [s.label for s in CATEGORY_STYLES.values()]
    rows = []
    for loc in locations:
        cards = cards_of(loc.slug)
        counts = [str(sum(1 for c in cards if c.categorie == cat)) for cat in CATEGORY_STYLES]
        placed = sum(1 for c in cards if c.coordinaten)
        link = f'<a href="../{esc(loc.slug)}/kaart/">{esc(loc.naam)}</a>'
        rows.append([link, esc(format_distance(loc.zoekstraal)), str(len(cards)), str(placed), *counts])
    return table(heads, rows)


def mini_map(card: Card) -> str:
    """Small map on a card page: the location's map file, focused on this card (< 1 KB per page)."""
    if not card.coordinaten:
        return ""
    frame = map_frame(f"Kaartje: waar {card.titel} ligt", f"../kaart/{MAP_FILE}#vondst={card.slug}", MINI_FRAME_STYLE)
    return f'<div class="bk-minimap">{frame}<p><a href="../kaart/">Bekijk de grote kaart</a></p></div>'


def map_pages(repo: Repository, options: SiteOptions) -> Output:
    """Builder: the map pages and map files of every location, and the overview."""
    locations = list(repo.locations.values())
    out: Output = {
        "kaart.md": overview_page(locations, repo.cards_of),
        f"kaart/{MAP_FILE}": overview_map(locations, repo.cards_of, options),
    }
    for slug, location in repo.locations.items():
        cards = repo.cards_of(slug)
        out[f"{slug}/kaart.md"] = location_map_page(location, cards)
        out[f"{slug}/kaart/{MAP_FILE}"] = location_map(location, cards, options)
    return out


def map_assets(repo: Repository, options: SiteOptions) -> Output:
    """Builder: vendored Leaflet and plugins (with licences) and our map script, as bytes."""
    root = resources.files("buurtkaart_build").joinpath("assets")
    out: Output = {}
    for folder in ("vendor", "js"):
        for rel, file in _walk(root.joinpath(folder), folder):
            if not rel.endswith(".md"):  # .md would become a page; VENDORED.md stays in the package
                out[f"{ASSET_DIR}/{rel}"] = file.read_bytes()
    return out


def _walk(folder: Traversable, prefix: str):
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        rel = f"{prefix}/{entry.name}"
        if entry.is_dir():
            yield from _walk(entry, rel)
        elif not entry.name.startswith("."):
            yield rel, entry

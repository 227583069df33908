"""Location, category, locations-index, tags and home pages. All values escaped, raw HTML blocks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..core.choices import ACCESS_KEYS, CATEGORIES, FROM_WHOM, STATUSES
from ..core.geo import format_distance
from ..core.models import Card, Item, Location
from .card_page import category_badge, tag_anchor
from .html import block, esc, icon, page_meta, table
from .photos import Shown, picture
from .style import CATEGORY_STYLES


def location_menu(location: Location, depth: int, current: str) -> str:
    """The location's own menu (overview, map, categories, matching): keeps the sidebar small."""
    up = "../" * depth
    entries = [("", "Overzicht", "home-heart"), ("kaart/", "Kaart", "map")]
    entries += [(f"{c}/", s.label, s.icon) for c, s in CATEGORY_STYLES.items()]
    entries.append(("vraag-en-aanbod/", "Vraag en aanbod", "handshake"))
    entries.append(("makkelijk-lezen/", "Makkelijk lezen", "book-open-variant"))
    entries += [("actieplan/", "Actieplan", "clipboard-check"), ("agenda/", "Agenda", "calendar")]
    items = []
    for href, label, ic in entries:
        attr = ' aria-current="page"' if href == current else ""
        items.append(f'<li><a href="{up}{href}"{attr}>{icon(ic)}<span>{esc(label)}</span></a></li>')
    return f'<nav class="bk-menu" data-search-exclude aria-label="{esc(location.naam)}"><ul>{"".join(items)}</ul></nav>'


def add_finding_link(href: str) -> str:
    """ "Vondst toevoegen": to the form page (a category page opens it with its category chosen)."""
    return (
        f'<p class="bk-add-link"><a class="md-button" href="{esc(href)}">{icon("plus-circle")} Vondst toevoegen</a></p>'
    )


def location_page(location: Location, cards: list[Card], *, matched: tuple[int, int] | None = None) -> str:
    counts = _counts(cards)
    rows = [
        [f'<a href="{c}/">{icon(s.icon)} {esc(s.label)}</a>', str(counts.get(c, 0))] for c, s in CATEGORY_STYLES.items()
    ]
    placed = sum(1 for c in cards if c.coordinaten)
    match_line = ""
    if matched is not None:
        match_line = (
            f'<p><a href="vraag-en-aanbod/">{icon("handshake")} Vraag en aanbod</a>: '
            f"{matched[0]} van de {matched[1]} behoeften hebben een mogelijke match in de buurt.</p>"
        )
    parts = [
        f"<h1>{esc(location.naam)}</h1>",
        location_menu(location, 0, ""),
        f"<p>{esc(location.adres)}</p>" if location.adres else "",
        f"<p>Zoekgebied: {esc(format_distance(location.zoekstraal))} rond de locatie. "
        f'{len(cards)} vondsten, waarvan {placed} op de <a href="kaart/">kaart</a>.</p>',
        _mobility(location),
        match_line,
        "<h2>Vondsten per categorie</h2>",
        table(["Categorie", "Aantal"], rows),
        add_finding_link("nieuwe-vondst/"),
        "<h2>Wat wij de buurt kunnen bieden</h2>",
        _items(location.aanbod, "Nog niets ingevuld."),
        "<h2>Wat wij en onze cliënten zoeken</h2>",
        _items(location.behoeften, "Nog niets ingevuld."),
        "<h2>Plannen en op pad</h2>",
        f'<ul><li><a href="agenda/">{icon("calendar")} Agenda</a>: wat er de komende twaalf maanden in de buurt '
        "gebeurt, ook om op je telefoon of in Outlook te zetten.</li>"
        f'<li><a href="actieplan/">{icon("clipboard-check")} Actieplan</a>: afspraken en kansen voor het '
        "teamoverleg (twee A4'tjes).</li>"
        f'<li><a href="op-pad/">{icon("walk")} Op pad</a>: kaart, lijst van wat we al weten en de '
        "instructiekaarten om mee te nemen (A4).</li>"
        f'<li><a href="poster/">{icon("map-marker-radius")} Poster</a>: de buurtkaart voor aan de muur (A3).</li></ul>',
        "<h2>Downloaden</h2>",
        f"<p>De vondsten als bestand, voor een spreadsheet of een kaartprogramma (uMap, QGIS): "
        f'<a href="export/{esc(location.slug)}.csv" download>CSV (spreadsheet)</a> · '
        f'<a href="export/{esc(location.slug)}.geojson" download>GeoJSON (kaart)</a></p>',
    ]
    return page_meta(location.naam, description=f"Buurtkaart van {location.naam}") + block(
        "\n".join(p for p in parts if p), "bk-location"
    )


def _mobility(location: Location) -> str:
    if not location.mobiliteit:
        return ""
    return f"<p>Zo gaan we op pad: {esc(', '.join(location.mobiliteit))}.</p>"


def _items(items: list[Item], empty: str) -> str:
    if not items:
        return f'<p class="bk-unknown">{esc(empty)}</p>'
    lis = []
    for item in items:
        extra = [FROM_WHOM[item.van]]
        if item.voorwaarden:
            extra.append("voorwaarden: " + ", ".join(item.voorwaarden))
        if item.tags:
            extra.append("thema's: " + ", ".join(item.tags))
        lis.append(f'<li>{esc(item.wat)} <span class="bk-meta">({esc(" · ".join(extra))})</span></li>')
    return f"<ul>{''.join(lis)}</ul>"


def _counts(cards: list[Card]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for card in cards:
        counts[card.categorie] += 1
    return counts


def category_page(
    location: Location, category: str, cards: list[Card], *, photos_of: Callable[[Card], list[Shown]] | None = None
) -> str:
    """A table of the category's findings, nearest first, with the key facts (and a thumbnail)."""
    style = CATEGORY_STYLES[category]
    members = [c for c in cards if c.categorie == category]  # nearest first, as given
    headers = ["Vondst", "Afstand", "Toegankelijkheid", "Kent ons", "Status"]
    listing = (
        table(headers, [_category_row(card, photos_of(card) if photos_of else []) for card in members])
        if members
        else '<p class="bk-unknown">Nog geen vondsten in deze categorie.</p>'
    )
    parts = [
        f"<h1>{esc(style.label)} — {esc(location.naam)}</h1>",
        location_menu(location, 1, f"{category}/"),
        category_badge(category),
        f"<p>{len(members)} vondsten, de dichtstbijzijnde eerst.</p>",
        listing,
        add_finding_link(f"../nieuwe-vondst/?categorie={category}"),
    ]
    return page_meta(f"{style.label} — {location.naam}") + block("\n".join(parts), "bk-category")


def _category_row(card: Card, photos: list[Shown]) -> list[str]:
    summary = f'<br><span class="bk-meta">{esc(card.samenvatting)}</span>' if card.samenvatting else ""
    thumb = picture(photos[0], "klein", "../", cls="bk-thumb") if photos else ""
    return [
        f'{thumb}<a href="../{esc(card.slug)}/">{esc(card.titel)}</a>{summary}',
        esc(format_distance(card.distance)),
        access_summary(card),
        esc(card.kent_ons),
        esc(STATUSES[card.status]),
    ]


def access_summary(card: Card) -> str:
    """Short text such as ``rolstoel: ja · lift: ? …`` (text, so it works without colour)."""
    access = card.toegankelijkheid
    if access is None:
        return '<span class="bk-unknown">onbekend</span>'
    parts = [f"{key}: {getattr(access, key)}" for key in ACCESS_KEYS]
    return f'<span class="bk-meta">{esc(" · ".join(parts))}</span>'


def locations_index(locations: list[Location], cards_of, prefix: str = "../") -> str:
    """Every location with counts per category; ``prefix`` leads from the page to the site root."""
    if not locations:
        return '<p class="bk-unknown">Er zijn nog geen locaties.</p>'
    rows = []
    for loc in locations:
        counts = _counts(cards_of(loc.slug))
        name = f'<a href="{prefix}{esc(loc.slug)}/">{esc(loc.naam)}</a>'
        rows.append([name, str(sum(counts.values())), *(str(counts.get(c, 0)) for c in CATEGORIES)])
    return table(["Locatie", "Vondsten", *(s.label for s in CATEGORY_STYLES.values())], rows)


def locations_page(locations: list[Location], cards_of) -> str:
    inner = "<h1>Locaties</h1>\n<p>Kies een locatie om haar buurtkaart te bekijken.</p>\n"
    return page_meta("Locaties") + block(inner + locations_index(locations, cards_of), "bk-locations")


def tags_page(cards: list[Card], locations: dict[str, Location]) -> str:
    by_tag: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        for tag in dict.fromkeys(card.tags):
            by_tag[tag].append(card)
    parts = ["<h1>Thema's</h1>", "<p>Alle vondsten per thema.</p>"]
    for tag in sorted(by_tag):
        members = sorted(by_tag[tag], key=lambda c: (c.titel.lower(), c.path))
        items = "".join(
            f'<li><a href="../{esc(c.url)}">{esc(c.titel)}</a> '
            f'<span class="bk-meta">({esc(_location_name(c, locations))})</span></li>'
            for c in members
        )
        parts.append(f'<h2 id="{esc(tag_anchor(tag))}">{esc(tag)}</h2><ul>{items}</ul>')
    if not by_tag:
        parts.append('<p class="bk-unknown">Nog geen thema\'s.</p>')
    return page_meta("Thema's") + block("\n".join(parts), "bk-tags-page")


def _location_name(card: Card, locations: dict[str, Location]) -> str:
    location = locations.get(card.locatie)
    return location.naam if location else card.locatie

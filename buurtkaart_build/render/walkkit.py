"""Print pages for the walk and the team room: ``/<locatie>/op-pad/`` (A4) and ``/<locatie>/poster/`` (A3).

The walk kit holds the radius map, a checklist of what is already known per category (so the
walkers see what is there), the four instruction cards and blank cards (the same A6 cards as
help page *Samen op pad*) and a QR code to the site. The poster is the guide's wall map:
the location in the middle, the radius, lines and numbered pins, the names around it by category.
"""

from __future__ import annotations

from pathlib import Path

from ..core.dates import dutch_date
from ..core.geo import format_distance
from ..core.models import Card, Location
from .help import help_pages
from .html import block, esc, icon, page_meta
from .pages import location_menu
from .qr import qr_figure
from .schematic import Pin, numbered, schematic_map
from .style import CATEGORY_STYLES

KIT_PAGE = "op-pad"
POSTER_PAGE = "poster"
INSTRUCTIONS = Path("docs", "help", "samen-op-pad.md")
_CARDS_OPEN = '<div class="bk-instructiekaarten">'


def instruction_sheets(root: Path) -> str:
    """The sheets of A6 cards of the help page *Samen op pad*: the repository's own, else the package's."""
    try:
        text = (root / INSTRUCTIONS).read_text(encoding="utf-8")
    except OSError:
        text = help_pages().get(INSTRUCTIONS.relative_to("docs").as_posix(), "")
    start = text.find(_CARDS_OPEN)
    end = text.find("\n</div>\n</div>", start)
    if start < 0 or end < 0:
        return ""
    return text[start + len(_CARDS_OPEN) : end + len("\n</div>")].strip()


def _by_category(pins: list[Pin], cards: list[Card]) -> dict[str, list[tuple[int | None, Card]]]:
    """Per category: (pin number or ``None`` when not on the map, card)."""
    groups: dict[str, list[tuple[int | None, Card]]] = {c: [] for c in CATEGORY_STYLES}
    for pin in pins:
        groups[pin.card.categorie].append((pin.number, pin.card))
    on_map = {pin.card.path for pin in pins}
    for card in sorted(cards, key=lambda c: (c.titel.lower(), c.path)):
        if card.path not in on_map:
            groups[card.categorie].append((None, card))
    return groups


def _category_list(category: str, entries: list[tuple[int | None, Card]], *, checklist: bool) -> str:
    style = CATEGORY_STYLES[category]
    head = (
        f'<h3 class="bk-cat-head" style="color:{style.colour}">{icon(style.icon)}<span>{esc(style.label)}</span></h3>'
    )
    if not entries:
        return head + '<p class="bk-unknown">Nog niets gevonden: kijk hier extra goed.</p>'
    mark = '<span class="bk-box" aria-hidden="true"></span>' if checklist else ""
    on_map, off_map = [], []
    for number, card in entries:
        where = f' <span class="bk-meta">{esc(card.adres)}</span>' if checklist and card.adres else ""
        if number is None:
            off_map.append(f'<li>{mark}{esc(card.titel)}{where} <span class="bk-meta">(niet op de kaart)</span></li>')
        else:
            on_map.append(f'<li value="{number}">{mark}{esc(card.titel)}{where}</li>')
    cls = "bk-checklist" if checklist else "bk-poster-list"
    lists = f'<ol class="{cls}">{"".join(on_map)}</ol>' if on_map else ""
    lists += f'<ul class="{cls}">{"".join(off_map)}</ul>' if off_map else ""
    return head + lists


def walk_kit_page(location: Location, cards: list[Card], root: Path, site_url: str | None) -> str:
    pins = numbered(cards, location)
    groups = _by_category(pins, cards)
    sheets = instruction_sheets(root)
    parts = [
        f"<h1>Op pad — {esc(location.naam)}</h1>",
        location_menu(location, 1, f"{KIT_PAGE}/"),
        '<p class="bk-noprint">Druk deze pagina af op A4 (staand, schaal 100%) en neem hem mee de buurt in: '
        "de kaart met de zoekstraal, een lijst van wat we al weten, de vier instructiekaarten en lege kaarten. "
        "Knip de kaarten langs de stippellijnen.</p>",
        '<div class="bk-kit">',
        '<section class="bk-kit-sheet" aria-label="Kaart">',
        f'<div class="bk-kit-head"><h2>Op pad rond {esc(location.naam)}</h2>'
        f"{qr_figure(site_url, f'{location.slug}/{KIT_PAGE}/', 'Deze pagina op de site')}</div>",
        f"<p>Zoekstraal: {esc(format_distance(location.zoekstraal))} rond {esc(location.adres or location.naam)}. "
        "De nummers staan in de lijst hierna.</p>",
        schematic_map(location, pins, size=560),
        "</section>",
        '<section class="bk-kit-sheet" aria-label="Wat we al weten">',
        "<h2>Wat we al weten</h2>",
        "<p>Vink af wat je onderweg ziet. Zie je iets nieuws? Schrijf het op een lege kaart.</p>",
        '<div class="bk-kit-lists">',
        *(_category_list(c, entries, checklist=True) for c, entries in groups.items()),
        "</div>",
        "</section>",
        f'<div class="bk-kit-kaarten">{sheets}</div>'
        if sheets
        else '<p>De instructiekaarten staan op <a href="../../help/samen-op-pad/">Samen op pad</a>.</p>',
        "</div>",
    ]
    return page_meta(f"Op pad — {location.naam}", description=f"Printbare looproute-set voor {location.naam}") + block(
        "\n".join(parts), "bk-kit-page"
    )


def poster_page(location: Location, cards: list[Card], site_url: str | None, day) -> str:
    pins = numbered(cards, location)
    groups = _by_category(pins, [c for c in cards if c.coordinaten])
    cats = list(groups)
    side = lambda chosen: "".join(_category_list(c, groups[c], checklist=False) for c in chosen)  # noqa: E731
    parts = [
        f"<h1>Poster — {esc(location.naam)}</h1>",
        location_menu(location, 1, f"{POSTER_PAGE}/"),
        '<p class="bk-noprint">Druk deze poster af op A3 liggend (of A4 liggend, schaal "passend") en hang hem '
        "op. Prik met punaises aan waar je bent geweest, of plak kaartjes aan de zijkant.</p>",
        '<div class="bk-poster">',
        f'<div class="bk-poster-head"><h2>Buurtkaart van {esc(location.naam)}</h2>'
        f"<p>Zoekstraal {esc(format_distance(location.zoekstraal))} · {len(pins)} vondsten op de kaart · "
        f"stand van {esc(dutch_date(day))}</p>"
        f"{qr_figure(site_url, f'{location.slug}/kaart/', 'De kaart op de site')}</div>",
        '<div class="bk-poster-grid">',
        f'<div class="bk-poster-side">{side(cats[:2])}</div>',
        f'<div class="bk-poster-map">{schematic_map(location, pins, size=700)}</div>',
        f'<div class="bk-poster-side">{side(cats[2:])}</div>',
        "</div>",
        "</div>",
    ]
    return page_meta(
        f"Poster — {location.naam}", description=f"Wandkaart van {location.naam}", hide=["toc", "navigation"]
    ) + block("\n".join(parts), "bk-poster-page")

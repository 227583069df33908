"""A printable map as SVG: the location in the middle, the search radius, a line to every finding
and numbered pins in the category colours (the guide's wall map with pins and lines).

Drawn at build time from the coordinates alone (a local flat projection is exact enough within
3 km), so it prints sharp on any paper and needs no map tiles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.geo import metres
from ..core.models import Card, Location
from .html import esc
from .style import CATEGORY_STYLES, LOCATION_COLOUR

_M_PER_DEG_LAT = 111_320.0


@dataclass(frozen=True)
class Pin:
    number: int
    card: Card
    distance: float


def numbered(cards: list[Card], location: Location) -> list[Pin]:
    """Findings with coordinates, numbered by category and then by distance (as the legend lists them)."""
    order = list(CATEGORY_STYLES)
    placed = [(c, metres(location.coordinaten, c.coordinaten)) for c in cards if c.coordinaten]
    placed.sort(key=lambda p: (order.index(p[0].categorie), p[1], p[0].titel.lower(), p[0].path))
    return [Pin(i, card, d) for i, (card, d) in enumerate(placed, start=1)]


def _xy(location: Location, card: Card) -> tuple[float, float]:
    lat0, lon0 = location.coordinaten
    dx = (card.coordinaten.lon - lon0) * _M_PER_DEG_LAT * math.cos(math.radians(lat0))
    dy = (card.coordinaten.lat - lat0) * _M_PER_DEG_LAT
    return dx, -dy


def schematic_map(location: Location, pins: list[Pin], *, size: int = 600, title: str | None = None) -> str:
    """Inline SVG of ``size`` × ``size`` user units; the radius circle takes 80 % when all fit inside."""
    reach = max([location.zoekstraal, *(p.distance for p in pins)]) * 1.12
    scale = (size / 2) / reach
    mid = size / 2
    r = location.zoekstraal * scale
    label = title or f"Kaart van {location.naam}: zoekstraal {location.zoekstraal} meter, {len(pins)} vondsten"
    parts = [
        f'<svg class="bk-schematic" role="img" aria-label="{esc(label)}" viewBox="0 0 {size} {size}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<rect width="{size}" height="{size}" fill="#f7f7f4"/>',
        f'<circle cx="{mid}" cy="{mid}" r="{r:.1f}" fill="#ffffff" stroke="#545454" stroke-width="1.5" '
        'stroke-dasharray="6 4"/>',
    ]
    for pin in pins:
        x, y = _xy(location, pin.card)
        colour = CATEGORY_STYLES[pin.card.categorie].colour
        parts.append(
            f'<line x1="{mid}" y1="{mid}" x2="{mid + x * scale:.1f}" y2="{mid + y * scale:.1f}" '
            f'stroke="{colour}" stroke-width="1.2" stroke-opacity="0.7"/>'
        )
    for pin in pins:
        x, y = _xy(location, pin.card)
        colour = CATEGORY_STYLES[pin.card.categorie].colour
        cx, cy = mid + x * scale, mid + y * scale
        parts.append(
            f"<g><title>{pin.number}. {esc(pin.card.titel)}</title>"
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="11" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
            f'<text x="{cx:.1f}" y="{cy + 4:.1f}" text-anchor="middle" font-size="11" font-weight="700" '
            f'fill="#fff">{pin.number}</text></g>'
        )
    parts.append(
        f'<rect x="{mid - 9}" y="{mid - 9}" width="18" height="18" fill="{LOCATION_COLOUR}" stroke="#fff" '
        f'stroke-width="2"/><text x="{mid}" y="{mid - 16}" text-anchor="middle" font-size="13" font-weight="700" '
        f'fill="{LOCATION_COLOUR}">{esc(location.naam)}</text>'
    )
    parts.append(_scale_bar(scale, size))
    parts.append("</svg>")
    return "".join(parts)


def _scale_bar(scale: float, size: int) -> str:
    """A bar of a round length (100, 200, 500 m, 1 km …) in the lower left corner."""
    for metres_ in (100, 200, 250, 500, 1000, 2000):
        if metres_ * scale >= size / 8:
            break
    length = metres_ * scale
    text = f"{metres_ // 1000} km" if metres_ >= 1000 else f"{metres_} m"
    y = size - 16
    return (
        f'<line x1="16" y1="{y}" x2="{16 + length:.1f}" y2="{y}" stroke="#222" stroke-width="3"/>'
        f'<text x="16" y="{y - 6}" font-size="12" fill="#222">{text}</text>'
    )

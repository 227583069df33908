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
    """Metres east and south of the location (a local flat projection)."""
    lat0, lon0 = location.coordinaten
    dx = (card.coordinaten.lon - lon0) * _M_PER_DEG_LAT * math.cos(math.radians(lat0))
    dy = (card.coordinaten.lat - lat0) * _M_PER_DEG_LAT
    return dx, -dy


RINGS = (250, 500, 1000, 2000, 3000)


def schematic_map(location: Location, pins: list[Pin], *, size: int = 600, title: str | None = None) -> str:
    """Inline SVG of ``size`` × ``size`` user units.

    Directions are true; distances grow with the square root, so the many findings close to the
    location spread out instead of piling up on its doorstep. Labelled rings give the distances.
    """
    reach = max([location.zoekstraal, *(p.distance for p in pins)]) * 1.15
    mid = size / 2

    def radius(metres_: float) -> float:
        return math.sqrt(metres_ / reach) * mid

    label = title or (
        f"Kaart van {location.naam}: zoekstraal {location.zoekstraal} meter, {len(pins)} genummerde vondsten"
    )
    parts = [
        f'<svg class="bk-schematic" role="img" aria-label="{esc(label)}" viewBox="0 0 {size} {size}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<rect width="{size}" height="{size}" fill="#f7f7f4"/>',
        f'<circle cx="{mid}" cy="{mid}" r="{radius(location.zoekstraal):.1f}" fill="#ffffff" stroke="#545454" '
        'stroke-width="1.5" stroke-dasharray="6 4"/>',
    ]
    for ring in (m for m in RINGS if m < reach and m != location.zoekstraal):
        parts.append(
            f'<circle cx="{mid}" cy="{mid}" r="{radius(ring):.1f}" fill="none" stroke="#b0b0b0" stroke-width="0.8"/>'
        )
    for ring in (m for m in {*RINGS, location.zoekstraal} if m < reach):
        text = f"{ring / 1000:g} km".replace(".", ",") if ring >= 1000 else f"{ring} m"
        parts.append(f'<text x="{mid + 4}" y="{mid - radius(ring) + 12:.1f}" font-size="11" fill="#444">{text}</text>')
    points = []
    for pin in pins:
        dx, dy = _xy(location, pin.card)
        d = math.hypot(dx, dy) or 1.0
        factor = radius(pin.distance) / d
        points.append((pin, mid + dx * factor, mid + dy * factor, CATEGORY_STYLES[pin.card.categorie].colour))
    for _, x, y, colour in points:
        parts.append(
            f'<line x1="{mid}" y1="{mid}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="1.2" '
            'stroke-opacity="0.7"/>'
        )
    for pin, x, y, colour in points:
        parts.append(
            f"<g><title>{pin.number}. {esc(pin.card.titel)}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="11" font-weight="700" '
            f'fill="#fff">{pin.number}</text></g>'
        )
    parts.append(
        f'<rect x="{mid - 9}" y="{mid - 9}" width="18" height="18" fill="{LOCATION_COLOUR}" stroke="#fff" '
        f'stroke-width="2"/><text x="{mid}" y="{size - 12}" text-anchor="middle" font-size="12" fill="#222">'
        f"■ {esc(location.naam)} · de afstand tot het midden groeit met de wortel: dichtbij is uitvergroot</text>"
    )
    parts.append("</svg>")
    return "".join(parts)

"""Distances on the earth and a grid for finding nearby points without comparing all pairs."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .fields import LatLon

EARTH_RADIUS_M = 6_371_008.8
# PDOK Locatieserver: the Dutch government's free address search (no key). Used by
# `buurtkaart geocode` and by the form's address search.
PDOK_LOCATIESERVER = "https://api.pdok.nl/bzk/locatieserver/search/v3_1"


def metres(a: LatLon, b: LatLon) -> float:
    """Great-circle (haversine) distance in metres."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def format_distance(m: float | None) -> str:
    """Dutch display: ``350 m``, ``1,2 km``; ``–`` when unknown."""
    if m is None:
        return "–"
    if m < 1000:
        return f"{round(m / 10) * 10:.0f} m"
    return f"{m / 1000:.1f} km".replace(".", ",")


def nearby_pairs(points: Iterable[tuple[object, LatLon]], within_m: float) -> Iterator[tuple[object, object, float]]:
    """Yield ``(a, b, distance)`` for points closer than ``within_m``.

    Points are bucketed in a grid of cells at least ``within_m`` wide, so only the same and
    neighbouring cells are compared: linear for spread-out data instead of quadratic.
    """
    points = list(points)
    if not points:
        return
    cell_lat = within_m / 111_000
    # A cell must be at least within_m wide everywhere: use the latitude where degrees are shortest.
    widest = max(abs(pos.lat) for _, pos in points)
    cell_lon = within_m / (111_000 * max(0.01, math.cos(math.radians(min(widest, 89.0)))))
    grid: dict[tuple[int, int], list[tuple[object, LatLon]]] = defaultdict(list)
    for key, pos in points:
        grid[(math.floor(pos.lat / cell_lat), math.floor(pos.lon / cell_lon))].append((key, pos))
    for (row, col), members in grid.items():
        for dr in (0, 1):
            for dc in (-1, 0, 1) if dr else (0, 1):
                others = members if (dr, dc) == (0, 0) else grid.get((row + dr, col + dc), [])
                yield from _pairs(members, others, same=(dr, dc) == (0, 0), within_m=within_m)


def _pairs(members, others, *, same: bool, within_m: float):
    for i, (ka, pa) in enumerate(members):
        for kb, pb in others[i + 1 :] if same else others:
            d = metres(pa, pb)
            if d <= within_m:
                yield ka, kb, d

"""Distances, their Dutch display, and the grid that avoids comparing all pairs."""

import random

from buurtkaart_build.core.fields import LatLon
from buurtkaart_build.core.geo import format_distance, metres, nearby_pairs
from buurtkaart_build.core.slugs import is_slug, slugify


def test_haversine_matches_known_distances():
    # One degree along a meridian is 111.195 km on the mean earth sphere.
    assert round(metres(LatLon(52.0, 6.0), LatLon(53.0, 6.0))) == 111195
    # Along a parallel it shrinks with cos(latitude).
    assert round(metres(LatLon(52.0, 6.0), LatLon(52.0, 6.001))) == 68


def test_format_distance_in_dutch():
    assert [format_distance(m) for m in (None, 4, 346, 999, 1000, 1549)] == [
        "–",
        "0 m",
        "350 m",
        "1000 m",
        "1,0 km",
        "1,5 km",
    ]


def test_grid_finds_exactly_the_pairs_a_full_comparison_finds():
    rng = random.Random(7)
    points = [(i, LatLon(52.5 + rng.random() * 0.01, 6.1 + rng.random() * 0.01)) for i in range(400)]
    grid = {tuple(sorted((a, b))) for a, b, _ in nearby_pairs(points, 40)}
    full = {(i, j) for i, p in points for j, q in points if i < j and metres(p, q) <= 40}
    assert grid == full and full


def test_slugs_fold_accents_and_punctuation():
    assert slugify("Café 't Hoekje!") == "cafe-t-hoekje"
    assert slugify("Ünïcødé  —  Straat 12") == "unicode-straat-12"
    assert is_slug("bakkerij-de-korenbloem") and not is_slug("Bakkerij") and not is_slug("a--b")

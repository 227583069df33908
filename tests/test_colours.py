"""Category colours: readable, distinguishable (also with colour-blindness), never the only cue.

- White text on every category colour (and the location's) has a WCAG contrast of at least 4.5:1.
- Every two colours differ by a CIEDE2000 distance of at least 20 for normal vision, and stay
  apart when colour-blindness is simulated (Machado, Oliveira & Fernandes 2009, full severity):
  at least 12 for protanopia and deuteranopia (about 8 % of men), at least 7.5 for the rare
  tritanopia. A just-noticeable difference is about 1–2; above 10 two colours look like different
  colours.
- Wherever a category colour is used, its icon and its label are there too: the badge on card
  and category pages, the map data (markers, clusters, legend and popups are drawn from it; the
  browser test in tests/browser/test_accessibility.py checks the drawn map), and the A6
  instruction cards, which pair the colour with the category's name as their title.
"""

from __future__ import annotations

import itertools
import json
import math
import re

import pytest
from repo_files import HELP, ROOT

from buurtkaart_build.core.choices import CATEGORIES
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.card_page import category_badge
from buurtkaart_build.render.html import icon
from buurtkaart_build.render.maps import DATA_ID, icon_path
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site
from buurtkaart_build.render.style import CATEGORY_STYLES, LOCATION_COLOUR

COLOURS = {**{slug: s.colour for slug, s in CATEGORY_STYLES.items()}, "locatie": LOCATION_COLOUR}
MIN_DISTANCE = {"normaal": 20.0, "protanopie": 12.0, "deuteranopie": 12.0, "tritanopie": 7.5}
# Linear-RGB matrices for full dichromacy (Machado et al. 2009, severity 1.0).
MACHADO = {
    "protanopie": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopie": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopie": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


# --- colour science ---------------------------------------------------------------------------


def _rgb(hex_colour: str) -> list[float]:
    return [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def luminance(hex_colour: str) -> float:
    r, g, b = (_linear(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def simulate(hex_colour: str, vision: str) -> list[float]:
    """sRGB (0–1) as seen with a colour vision deficiency; ``normaal`` returns it unchanged."""
    rgb = _rgb(hex_colour)
    if vision == "normaal":
        return rgb
    linear = [_linear(c) for c in rgb]
    return [_gamma(sum(m * c for m, c in zip(row, linear, strict=True))) for row in MACHADO[vision]]


def lab(rgb: list[float]) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """Colour difference ΔE00 (Sharma, Wu & Dalal 2005)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dh = h2p - h1p
    if c1p * c2p == 0:
        dh = 0.0
    elif dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    d_big_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    dl, dc, dhh = (l2 - l1) / s_l, (c2p - c1p) / s_c, d_big_h / s_h
    return math.sqrt(dl**2 + dc**2 + dhh**2 + r_t * dc * dhh)


def distance(a: str, b: str, vision: str) -> float:
    return ciede2000(lab(simulate(a, vision)), lab(simulate(b, vision)))


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 17 and 25
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_simulation_keeps_greys_grey_and_merges_red_with_green():
    for vision in MACHADO:
        assert distance("#777777", "#777777", vision) == 0
        assert max(abs(c - 0x77 / 255) for c in simulate("#777777", vision)) < 0.01
    # A red and a green that everyone with normal vision tells apart, protanopes hardly.
    assert distance("#b35806", "#4d9221", "normaal") > 25
    assert distance("#b35806", "#4d9221", "protanopie") < distance("#b35806", "#4d9221", "normaal") / 2


# --- the palette --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", COLOURS)
def test_white_text_on_the_colour_is_readable(name):
    assert contrast("#ffffff", COLOURS[name]) >= 4.5


@pytest.mark.parametrize("vision", MIN_DISTANCE)
def test_every_two_colours_are_distinguishable(vision):
    too_close = {
        f"{a}/{b}": round(distance(COLOURS[a], COLOURS[b], vision), 1)
        for a, b in itertools.combinations(COLOURS, 2)
        if distance(COLOURS[a], COLOURS[b], vision) < MIN_DISTANCE[vision]
    }
    assert too_close == {}


def test_every_category_has_a_colour_an_icon_and_a_label():
    assert list(CATEGORY_STYLES) == list(CATEGORIES)
    for slug, style in CATEGORY_STYLES.items():
        assert style.label == CATEGORIES[slug]
        assert icon(style.icon) and icon_path(style.icon)
    assert len({s.icon for s in CATEGORY_STYLES.values()}) == len(CATEGORY_STYLES)


# --- never colour alone -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_output() -> dict[str, str]:
    out = render_site(load_repository(ROOT), SiteOptions())
    return {path: content for path, content in out.items() if isinstance(content, str)}


def _uses(text: str, colour: str) -> int:
    return len(re.findall(re.escape(colour), text, re.IGNORECASE))


# Printed maps and charts colour pins and bars; there each pin carries its number (listed under the
# category's icon and label) and each bar its label: tests/test_render_plan.py checks those.
DRAWN = ("op-pad.md", "poster.md", "overzicht.md")


def test_pages_show_a_category_colour_only_in_the_badge_with_icon_and_label(demo_output):
    pages = {p: t for p, t in demo_output.items() if p.endswith(".md") and not p.endswith(DRAWN)}
    for slug, style in CATEGORY_STYLES.items():
        badge = category_badge(slug)
        inner = f"{icon(style.icon)}<span>{style.label.replace('&', '&amp;')}</span>"
        assert inner in badge
        # The badge itself, or the badge as a link to the category (card pages).
        badges = re.compile(
            re.escape(badge).replace(re.escape(inner), f'(?:<a href="[^"]+">{re.escape(inner)}</a>|{re.escape(inner)})')
        )
        for path, text in pages.items():
            assert _uses(text, style.colour) == len(badges.findall(text)), path
        assert category_badge(slug, href="../x/") == badge.replace(inner, f'<a href="../x/">{inner}</a>')


def test_maps_carry_a_category_colour_only_beside_its_icon_and_label(demo_output):
    maps = {p: t for p, t in demo_output.items() if p.endswith("kaart.html")}
    assert maps
    for path, text in maps.items():
        island = re.search(rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', text, re.S)
        data = json.loads(island[1])
        entries = {c["slug"]: c for c in data["categorieen"]}
        for slug, style in CATEGORY_STYLES.items():
            entry = entries[slug]
            assert (entry["kleur"], entry["label"], entry["icoon"]) == (
                style.colour,
                style.label,
                icon_path(style.icon),
            )
            # The colour is in the data, once, and nowhere else in the map file.
            assert _uses(text, style.colour) == _uses(island[1], style.colour) == 1, path


def test_map_script_draws_every_coloured_thing_with_its_icon():
    script = (ROOT / "buurtkaart_build" / "assets" / "js" / "buurtkaart-map.js").read_text(encoding="utf-8")
    # Each use of a category's colour (kleur) in the script, and what is drawn with it.
    uses = [line.strip() for line in script.splitlines() if ".kleur" in line and "data.locatie" not in line]
    assert uses, "the map script no longer colours anything?"
    for line in uses:
        assert (
            "pinNode(" in line  # marker and legend swatch: a pin with the category icon
            or "backgroundColor = cat.kleur" in line  # cluster and popup badge: icon appended below
            or "color: " in line  # a line from the location to a finding: it ends at the finding's pin
        ), line
    for builder in ("clusterIcon", "findingPopup"):
        body = script[script.index(f"prototype.{builder} = function") :]
        body = body[: body.index("\n  };")]
        assert "svgIcon(cat.icoon)" in body and "cat.label" in body, builder


def test_printed_instruction_cards_name_their_category():
    page = (HELP / "samen-op-pad.md").read_text(encoding="utf-8")
    css = (ROOT / "buurtkaart_build" / "assets" / "buurtkaart-print.css").read_text(encoding="utf-8")
    for slug, style in CATEGORY_STYLES.items():
        assert f".bk-a6--{slug} {{ --bk-kaart-kleur: {style.colour}; }}" in css
        section = re.search(rf'<section class="bk-a6 bk-a6--{slug}">(.*?)</section>', page, re.S)
        assert section, slug
        title = re.search(r'<h3 class="bk-a6__titel">(.*?)</h3>', section[1])[1]
        assert title.replace("&amp;", "&") == style.label

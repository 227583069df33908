"""Every page type in a real browser: no JavaScript error, no request that leaves the site."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "",  # home
    "locaties/",
    "tags/",
    "kaart/",
    "de-kastanje/",
    "de-kastanje/kaart/",
    "de-kastanje/bedrijven/",
    "de-kastanje/vraag-en-aanbod/",
    "de-kastanje/buurthuis-de-vlinderbrug/",  # a card with coordinates: has a small map
    "de-kastanje/buurtapp-assendorperstraat-zuid/",  # a card without coordinates
    "help/zo-werkt-het/",
    "404.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_javascript_error_and_nothing_leaves_the_site(visit, demo_site, path):
    target = demo_site / path if path.endswith(".html") else demo_site / path / "index.html"
    if not target.exists():
        pytest.skip(f"{path or '/'} is not part of this build")
    visit.open(path)
    if visit.page.locator("iframe.bk-map-frame").count():
        visit.map_frame()
        assert visit.tiles, "the map requested no tiles"
    visit.page.wait_for_load_state("networkidle")
    assert visit.blocked == []
    assert visit.all_errors() == []


def test_map_page_keeps_material_and_is_not_restyled(visit):
    visit.open("de-kastanje/")
    font = visit.page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    visit.open("de-kastanje/kaart/")
    visit.map_frame()
    page = visit.page
    assert page.locator(".md-header").count() == 1
    assert page.locator("nav.md-nav--primary").count() >= 1
    assert page.locator("input.md-search__input").count() == 1
    assert page.get_by_role("link", name="Sla de kaart over").count() == 1
    # Leaflet and the map's own stylesheet live only inside the iframe.
    assert page.locator('link[href*="leaflet"], script[src*="leaflet"], link[href*="buurtkaart-map"]').count() == 0
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily") == font
    assert page.locator("#vondsten-op-afstand + table tbody tr").count() > 0
    assert page.locator("#nog-niet-op-de-kaart").count() == 1


def test_location_page_offers_both_downloads(visit):
    page = visit.open("de-kastanje/")
    geojson = page.get_by_role("link", name="GeoJSON (kaart)")
    csv = page.get_by_role("link", name="CSV (spreadsheet)")
    data = page.request.get(page.url + geojson.get_attribute("href"))
    assert data.ok and json.loads(data.body())["type"] == "FeatureCollection"
    table = page.request.get(page.url + csv.get_attribute("href"))
    assert table.ok and table.body().startswith("\ufeffbreedtegraad;".encode())


def test_the_guard_blocks_outside_requests_and_answers_tiles(visit):
    page = visit.open("")
    outcome = page.evaluate("fetch('https://example.org/x.js').then(() => 'geladen', () => 'geblokkeerd')")
    assert outcome == "geblokkeerd" and visit.blocked == ["https://example.org/x.js"]
    width = page.evaluate(
        """() => new Promise((done) => {
          const img = new Image();
          img.onload = () => done(img.naturalWidth);
          img.onerror = () => done(-1);
          img.src = "https://tile.openstreetmap.org/1/0/0.png";
        })"""
    )
    assert width == 1 and visit.tiles == ["https://tile.openstreetmap.org/1/0/0.png"]

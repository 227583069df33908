"""The maps in a real browser: markers, layers, popups, lines, the card-page map, hostile titles."""

from __future__ import annotations

import json

import pytest

from buurtkaart_build.core.choices import CATEGORIES
from buurtkaart_build.core.repository import load_repository

from .harness import ROOT, build_site, open_visit, serve

pytestmark = pytest.mark.browser

LOCATION = "de-kastanje"
# Pins (single findings) plus the numbers on the clusters: what a person sees on the map.
VISIBLE_COUNT = """() => {
  let n = document.querySelectorAll(".bk-marker:not(.bk-locatie)").length;
  document.querySelectorAll(".bk-cluster").forEach((c) => { n += Number(c.textContent); });
  return n;
}"""
FIT_ALL = """() => {
  const k = buurtkaart.kaart;
  const points = Object.values(k.markers).map((e) => e.marker.getLatLng());
  k.map.fitBounds(L.latLngBounds(points), {animate: false, padding: [20, 20]});
}"""
# A pin no other element covers, so a click lands on it: its accessible name.
FREE_PIN = """() => {
  for (const pin of document.querySelectorAll(".bk-marker:not(.bk-locatie)")) {
    const box = pin.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    if (hit && pin.contains(hit)) return pin.getAttribute("aria-label");
  }
  return null;
}"""
PATHS = "() => document.querySelectorAll('.leaflet-overlay-pane path').length"


@pytest.fixture(scope="module")
def demo_cards():
    repo = load_repository(ROOT)
    return [c for c in repo.cards_of(LOCATION) if c.coordinaten]


@pytest.fixture
def kaart(visit):
    visit.open(f"{LOCATION}/kaart/")
    return visit.map_frame()


def test_every_card_with_coordinates_is_a_marker(visit, kaart, demo_cards):
    assert kaart.evaluate("buurtkaart.markerCount()") == len(demo_cards)
    kaart.evaluate(FIT_ALL)
    kaart.wait_for_function(f"({VISIBLE_COUNT})() === {len(demo_cards)}", timeout=5000)
    assert kaart.locator(".bk-locatie").count() == 1
    assert visit.all_errors() == [] and visit.blocked == []


def test_switching_a_category_off_hides_its_markers_and_lines(kaart, demo_cards):
    shops = sum(1 for c in demo_cards if c.categorie == "bedrijven")
    assert shops and kaart.locator(".bk-cat-bedrijven").count() > 0
    assert kaart.evaluate(PATHS) == 1 + len(demo_cards)  # the radius circle and one line per finding
    kaart.get_by_role("checkbox", name="Bedrijven").uncheck()
    assert kaart.locator(".bk-cat-bedrijven").count() == 0
    assert kaart.evaluate("buurtkaart.markerCount()") == len(demo_cards) - shops
    assert kaart.evaluate(PATHS) == 1 + len(demo_cards) - shops
    kaart.get_by_role("checkbox", name="Lijnen vanaf de locatie").uncheck()
    assert kaart.evaluate(PATHS) == 1
    kaart.get_by_role("checkbox", name="Bedrijven").check()
    assert kaart.locator(".bk-cat-bedrijven").count() > 0
    assert kaart.evaluate("buurtkaart.markerCount()") == len(demo_cards)


def test_legend_is_dutch_with_counts_and_a_full_screen_button(kaart, demo_cards):
    legend = kaart.locator(".bk-legend")
    assert legend.locator("summary").inner_text() == "Legenda"
    for slug, label in CATEGORIES.items():
        count = sum(1 for c in demo_cards if c.categorie == slug)
        assert legend.get_by_role("checkbox", name=f"{label} ({count})").is_checked()
    assert "Locatie, zoekstraal 1,5 km" in legend.inner_text()
    kaart.locator('[title="Kaart op volledig scherm"]').click()  # the iframe allows full screen
    kaart.wait_for_function("document.fullscreenElement !== null")


def test_initial_view_fits_the_radius(kaart):
    inside, width, height = kaart.evaluate(
        """() => {
          const k = buurtkaart.kaart, h = k.home;
          const r = L.latLng(h.lat, h.lon).toBounds(h.straal * 2), v = k.map.getBounds();
          return [v.contains(r), (r.getEast() - r.getWest()) / (v.getEast() - v.getWest()),
                  (r.getNorth() - r.getSouth()) / (v.getNorth() - v.getSouth())];
        }"""
    )
    assert inside and max(width, height) > 0.5  # the whole circle, and not a tiny one


def test_clicking_a_marker_opens_a_popup_whose_link_opens_the_card_page(visit, kaart, demo_cards):
    label = kaart.evaluate(FREE_PIN)
    assert label, "no uncovered pin on the map"
    title = label.rsplit(" (", 1)[0]
    card = next(c for c in demo_cards if c.titel == title)
    kaart.locator(f".bk-marker[aria-label={json.dumps(label, ensure_ascii=False)}]").click()
    popup = kaart.locator(".leaflet-popup .bk-popup")
    assert popup.locator("h2").inner_text() == title
    text = popup.inner_text()
    for expected in (card.category_label, "Afstand", "Toegankelijkheid", "Kent ons", "Status"):
        assert expected in text
    popup.get_by_role("link", name="Naar de pagina van deze vondst").click()
    visit.page.wait_for_url(f"**/{LOCATION}/{card.slug}/")
    assert visit.page.locator("h1").first.inner_text() == title
    assert visit.all_errors() == [] and visit.blocked == []


def test_tooltip_shows_the_title(kaart):
    label = kaart.evaluate(FREE_PIN)
    kaart.locator(f".bk-marker[aria-label={json.dumps(label, ensure_ascii=False)}]").hover()
    assert kaart.locator(".leaflet-tooltip").inner_text() == label.rsplit(" (", 1)[0]


def test_card_page_shows_a_small_map_focused_on_the_card(visit):
    visit.open(f"{LOCATION}/buurthuis-de-vlinderbrug/")
    frame = visit.map_frame()
    assert frame.url.endswith("kaart/kaart.html#vondst=buurthuis-de-vlinderbrug")
    frame.wait_for_selector(".leaflet-tooltip")
    assert frame.locator(".leaflet-tooltip").inner_text() == "Buurthuis De Vlinderbrug"
    assert visit.all_errors() == [] and visit.blocked == []


def test_overview_map_shows_every_location_and_links_to_its_map(visit):
    visit.open("kaart/")
    frame = visit.map_frame()
    assert frame.locator(".bk-locatie").count() == len(load_repository(ROOT).locations)
    frame.locator(".bk-locatie").first.click()
    frame.get_by_role("link", name="Naar de kaart van deze locatie").click()
    visit.page.wait_for_url(f"**/{LOCATION}/kaart/")
    assert visit.all_errors() == [] and visit.blocked == []


# --- hostile titles ---------------------------------------------------------------------------

HOSTILE = {
    "img": "<img src=x onerror=alert(1)>",
    "template": "${alert(1)}",
    "backtick": "Café `alert(2)` </script><script>alert(3)</script>",
}
INVENTORY = """\
---
naam: Woonlocatie Test
coordinaten: [52.5030, 6.0990]
zoekstraal: 1000
---
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "inventory").mkdir()
    (root / "inventory" / "test.md").write_text(INVENTORY, encoding="utf-8")
    (root / "cards" / "test").mkdir(parents=True)
    for i, (slug, title) in enumerate(HOSTILE.items()):
        where = f"[{52.5060 + i * 0.003}, 6.1]"
        text = f"---\ntitel: {json.dumps(title)}\ncategorie: bedrijven\ncoordinaten: {where}\n---\n"
        (root / "cards" / "test" / f"{slug}.md").write_text(text, encoding="utf-8")
    server = serve(build_site(root))
    yield server
    server.close()


@pytest.fixture
def hostile_visit(browser, hostile_server):
    v = open_visit(browser, hostile_server)
    yield v
    v.page.context.close()


def test_hostile_titles_show_literally_in_popup_and_tooltip(hostile_visit):
    hostile_visit.open("test/kaart/")
    kaart = hostile_visit.map_frame()
    for slug, title in HOSTILE.items():
        kaart.evaluate(
            """(slug) => new Promise((done) => {
              const k = buurtkaart.kaart, e = k.markers[slug];
              k.map.closePopup();
              k.clusters[e.cat].zoomToShowLayer(e.marker, () => {
                e.marker.openTooltip();
                e.marker.openPopup();
                done();
              });
            })""",
            slug,
        )
        kaart.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")  # old one faded out
        assert kaart.locator(".leaflet-popup .bk-popup h2").inner_text() == title
        assert title in kaart.locator(".leaflet-tooltip").all_inner_texts()
        assert kaart.locator(".leaflet-popup img, .leaflet-tooltip img, .leaflet-popup script").count() == 0
    table = hostile_visit.page.locator("table").first.inner_text()
    assert all(title in table for title in HOSTILE.values())
    assert hostile_visit.all_errors() == []  # includes any alert(), which is recorded, not shown
    assert hostile_visit.blocked == []

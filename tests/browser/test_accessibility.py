"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation on any page type, in any map iframe.

axe runs in Chromium (bundled with ``axe-playwright-python``) on the built demo, at desktop and
phone width, with the search results open and with a map popup open. Each map iframe is its
own document and is checked separately.

No rule is excluded. Findings of the theme were fixed in our stylesheet instead
(``buurtkaart_build/assets/buurtkaart.css``): underlined links in running text, the search
results' highlight and count colours, our own muted grey. Material 9.8 already labels the
search input (``aria-label="Zoeken"``), so no template override is needed.

Also here: a category colour never appears without its icon and its label (browser check of
every coloured element on the pages and in the maps).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from buurtkaart_build.render.help import help_pages
from buurtkaart_build.render.style import CATEGORY_STYLES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "iframes": False, "resultTypes": ["violations"]}
LOCATION = "de-kastanje"
PAGES = {
    "home": "",
    "locaties": "locaties/",
    "location": f"{LOCATION}/",
    "category": f"{LOCATION}/bedrijven/",
    "empty-ish category": f"{LOCATION}/activiteiten/",
    "card with a map": f"{LOCATION}/buurthuis-de-vlinderbrug/",
    "card without coordinates": f"{LOCATION}/buurtapp-assendorperstraat-zuid/",
    "map page": f"{LOCATION}/kaart/",
    "all-locations map": "kaart/",
    "matching": f"{LOCATION}/vraag-en-aanbod/",
    "agenda": f"{LOCATION}/agenda/",
    "all-locations agenda": "agenda/",
    "action plan": f"{LOCATION}/actieplan/",
    "overview": "overzicht/",
    "walk kit": f"{LOCATION}/op-pad/",
    "poster": f"{LOCATION}/poster/",
    "form": f"{LOCATION}/nieuwe-vondst/",
    "form with its questions": f"{LOCATION}/nieuwe-vondst/?categorie=activiteiten",
    "tags": "tags/",
    "not found": "404.html",
    **{f"help {Path(p).stem}": p.removesuffix(".md") + "/" for p in sorted(help_pages())},
}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


def violations(frame) -> list[str]:
    """axe's WCAG 2.1 A/AA violations in one document, one readable line per element."""
    result = Axe().run(frame, options=AXE_OPTIONS).response
    lines = []
    for rule in result["violations"]:
        for node in rule["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = checks[0]["message"] if checks else rule["help"]
            lines.append(f"{frame.url} {rule['id']} {node['target']}: {why} — {node['html'][:160]}")
    return lines


def settle(visit) -> list:
    """Wait for every map to be drawn; return the page's frames (the page first).

    No wait for a quiet network: axe looks at the document, and tiles do not change it.
    """
    for handle in visit.page.locator("iframe.bk-map-frame").element_handles():
        handle.scroll_into_view_if_needed()
        handle.content_frame().wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
    # Scrolling lets Material fade the header title in; axe must judge the end state, not a
    # colour halfway through a transition (seen as a flaky contrast failure on a busy machine).
    visit.page.add_style_tag(
        content="*, *::before, *::after { transition: none !important; animation: none !important; }"
    )
    visit.page.wait_for_timeout(100)
    return [visit.page.main_frame, *visit.page.main_frame.child_frames]


def all_violations(visit) -> list[str]:
    return [line for frame in settle(visit) for line in violations(frame)]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_wcag_violation(visit, path, viewport):
    visit.page.set_viewport_size(viewport)
    visit.open(path)
    assert all_violations(visit) == []


def test_map_file_on_its_own_has_no_wcag_violation(visit):
    # The map document is also opened on its own (full screen, a shared link).
    visit.open(f"{LOCATION}/kaart/kaart.html")
    visit.page.wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
    assert violations(visit.page.main_frame) == []


def test_search_results_have_no_wcag_violation(visit):
    page = visit.open("")
    page.locator("input.md-search__input").click()
    page.keyboard.type("koffie", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)  # the result list renders in batches
    assert violations(page.main_frame) == []


def test_open_search_is_a_named_dialog(visit):
    # Material's search overlay has role="dialog" but no name; the plugin adds aria-label.
    page = visit.open("")
    page.locator("input.md-search__input").click()
    page.keyboard.type("koffie", delay=30)
    dialog = page.get_by_role("dialog", name="Zoeken")
    dialog.get_by_role("link").first.wait_for()
    best_practice = {"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}, "resultTypes": ["violations"]}
    assert Axe().run(page, options=best_practice).response["violations"] == []


def test_search_on_a_phone_has_no_wcag_violation(visit):
    visit.page.set_viewport_size(PHONE)
    page = visit.open("")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").click()
    page.keyboard.type("zingen", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    assert violations(page.main_frame) == []


def test_map_with_a_popup_and_the_legend_open_has_no_wcag_violation(visit):
    visit.open(f"{LOCATION}/kaart/")
    frame = settle(visit)[1]
    frame.evaluate(
        """() => new Promise((done) => {
          const k = buurtkaart.kaart, e = Object.values(k.markers)[0];
          k.clusters[e.cat].zoomToShowLayer(e.marker, () => { e.marker.openPopup(); done(); });
        })"""
    )
    frame.locator(".leaflet-popup .bk-popup").wait_for()
    assert frame.locator("details.bk-legend[open]").count() == 1
    assert violations(frame) == []


def test_small_map_with_its_legend_unfolded_has_no_wcag_violation(visit):
    visit.open(f"{LOCATION}/buurthuis-de-vlinderbrug/")
    frame = settle(visit)[1]
    frame.locator(".bk-legend summary").click()
    assert frame.locator("details.bk-legend[open]").count() == 1
    assert violations(frame) == []


# --- colour is never the only cue --------------------------------------------------------------

# Every element whose own background or text is a category colour: it (or its marker, legend
# row or badge) must also carry the category's icon and a text label a person can read or hear.
COLOURED = """(colours) => {
  const part = (hex, i) => parseInt(hex.slice(i, i + 2), 16);
  const rgb = (hex) => `rgb(${part(hex, 1)}, ${part(hex, 3)}, ${part(hex, 5)})`;
  const wanted = Object.fromEntries(Object.entries(colours).map(([slug, hex]) => [rgb(hex), slug]));
  const found = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const style = getComputedStyle(el);
    const slug = wanted[style.backgroundColor] || wanted[style.color];
    if (!slug || !el.getClientRects().length) continue;
    const holder = el.closest(".bk-marker, .bk-cluster-icon, .bk-choice, .bk-badge, .bk-popup-cat") || el;
    const label = (holder.getAttribute("aria-label") || holder.textContent || "").trim();
    found.push({slug, cls: String(holder.className.baseVal ?? holder.className),
                icon: Boolean(holder.querySelector('svg path, i[class^="bk-i-"]'))
                      || holder.classList.contains("bk-cluster-icon"),
                label});
  }
  return found;
}"""


@pytest.mark.parametrize(
    "path", [f"{LOCATION}/kaart/", f"{LOCATION}/buurthuis-de-vlinderbrug/", f"{LOCATION}/bedrijven/"]
)
def test_category_colour_always_comes_with_its_icon_and_label(visit, path):
    visit.open(path)
    colours = {slug: style.colour for slug, style in CATEGORY_STYLES.items()}
    found = []
    for frame in settle(visit):
        found += frame.evaluate(COLOURED, colours)
    assert found, "no element in a category colour: the check looked at nothing"
    for item in found:
        label = CATEGORY_STYLES[item["slug"]].label
        assert item["icon"], item
        # A marker is named by its title and category; a cluster by its count and category.
        assert label in item["label"], item

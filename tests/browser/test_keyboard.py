"""Every page works by keyboard alone, with a focus ring a person can see.

Playwright presses Tab (and Space, Enter) as a person would; after each press the focused
element is looked up, also inside the map iframes. A visible focus ring means: an outline of at
least 2 px whose colour has a contrast of at least 3:1 with white (WCAG 1.4.11), while the
element matches ``:focus-visible``.
"""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

LOCATION = "de-kastanje"
CARD = f"{LOCATION}/buurthuis-de-vlinderbrug/"

DESCRIBE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el.tagName === "IFRAME") return null;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    name: (el.getAttribute("aria-label") || el.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 80),
    href: el.getAttribute("href"),
    laag: el.getAttribute("data-laag"),
    checked: el.type === "checkbox" ? el.checked : null,
    focusVisible: el.matches(":focus-visible"),
    outline: [style.outlineStyle, parseFloat(style.outlineWidth) || 0, style.outlineColor],
    menu: Boolean(el.closest(".bk-menu")),
    crumbs: Boolean(el.closest(".bk-crumbs")),
    table: el.closest("table") ? el.closest("table").className : null,
    matching: Boolean(el.closest(".bk-match-page")),
    shown: el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0
      && style.visibility === "visible",  // (opacity may still be fading in, e.g. Material's skip link)
  };
}"""


def focused(page) -> dict | None:
    """The focused element, looked up in the map iframe when the focus is there."""
    for frame in page.main_frame.child_frames:
        if frame.evaluate("document.hasFocus()"):
            info = frame.evaluate(DESCRIBE)
            if info:
                return {**info, "frame": True}
    info = page.evaluate(DESCRIBE)
    return {**info, "frame": False} if info else None


def tab_through(page, until, limit: int = 120) -> list[dict]:
    """Press Tab until ``until(element)`` holds; every element focused on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = focused(page)
        if info is None:
            continue
        seen.append(info)
        if until(info):
            return seen
    raise AssertionError(f"not reached in {limit} Tab presses; focused: {[s['name'] for s in seen]}")


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ring_is_visible(info: dict) -> bool:
    style, width, colour = info["outline"]
    rgb = tuple(int(n) for n in re.findall(r"\d+", colour)[:3])
    contrast = (1.05) / (_luminance(rgb) + 0.05)  # against white
    return info["focusVisible"] and style not in ("none", "hidden") and width >= 2 and contrast >= 3


def open_settled(visit, path: str):
    page = visit.open(path)
    for frame in page.main_frame.child_frames:
        frame.wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
    return page


# --- card page --------------------------------------------------------------------------------


def test_card_page_by_keyboard_reaches_breadcrumb_and_contact_links(visit):
    page = open_settled(visit, CARD)
    wanted = {
        "../": "breadcrumb: the location",
        "../organisaties/": "the category badge under the title",
        "../kaart/": "the big map",
        "tel:0612345601": "phone",
        "mailto:info@example.org": "e-mail",
        "https://example.org/de-vlinderbrug": "website",
        "https://example.org/de-vlinderbrug/instagram": "social media",
        "../../tags/#tag-koffie": "the last theme",
    }
    seen = tab_through(page, lambda e: e["href"] == "../../tags/#tag-koffie")
    reached = {e["href"]: e for e in seen if not e["frame"]}
    assert set(wanted) <= reached.keys(), [wanted[h] for h in wanted if h not in reached]
    for href in wanted:
        assert ring_is_visible(reached[href]), reached[href]
    assert reached["../"]["crumbs"] and not reached["../organisaties/"]["crumbs"]
    # The small map is a preview: its markers are no Tab stops, its controls are.
    in_map = [e for e in seen if e["frame"]]
    assert in_map and not [e for e in in_map if e["tag"] == "div" and "(" in e["name"]]
    assert len(seen) < 40, [e["name"] for e in seen]


@pytest.mark.parametrize("path", ["", CARD])
def test_nothing_invisible_takes_the_focus(visit, path):
    # Material rendered an unnamed, zero-size radio button for a palette written as a list, and
    # its closed search result list (height 0) took the focus after the search box.
    page = open_settled(visit, path)
    seen = tab_through(page, lambda e: e["name"] == "Hulp")
    assert [e for e in seen if not e["shown"] or not e["name"]] == []


# --- location menu ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [f"{LOCATION}/", f"{LOCATION}/bedrijven/", f"{LOCATION}/vraag-en-aanbod/", f"{LOCATION}/agenda/"]
)
def test_location_menu_links_are_reachable_with_a_visible_focus_ring(visit, path):
    page = open_settled(visit, path)
    menu = page.locator(".bk-menu a")
    expected = menu.count()
    assert expected == 10
    seen = tab_through(page, lambda e: e["menu"] and e["name"] == "Agenda")
    in_menu = [e for e in seen if e["menu"]]
    assert [e["name"] for e in in_menu] == [t.strip() for t in menu.all_inner_texts()]
    assert all(ring_is_visible(e) for e in in_menu), in_menu
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # follows the menu's last-but-one link: the action plan
    page.wait_for_url(f"**/{LOCATION}/actieplan/")


def test_focus_ring_is_drawn(visit):
    # Look at it as a person would: the focused menu link has a dark ring the page does not have.
    page = open_settled(visit, f"{LOCATION}/")
    link = page.locator(".bk-menu a").nth(1)
    before = link.screenshot()
    tab_through(page, lambda e: e["menu"] and e["name"] == "Kaart")
    after = link.screenshot()
    assert before != after


# --- map page -----------------------------------------------------------------------------------


def test_map_layers_can_be_switched_with_the_keyboard(visit):
    page = open_settled(visit, f"{LOCATION}/kaart/")
    frame = page.main_frame.child_frames[0]
    shops = frame.locator(".bk-cat-bedrijven").count()
    assert shops > 0
    seen = tab_through(page, lambda e: e["laag"] == "bedrijven", limit=150)
    box = seen[-1]
    assert box["frame"] and box["checked"] is True and ring_is_visible(box)
    page.keyboard.press("Space")
    assert focused(page)["checked"] is False
    assert frame.locator(".bk-cat-bedrijven").count() == 0
    page.keyboard.press("Space")
    assert focused(page)["checked"] is True
    frame.locator(".bk-cat-bedrijven").first.wait_for()
    assert visit.all_errors() == []


def test_a_marker_opens_its_popup_with_the_keyboard(visit):
    page = open_settled(visit, f"{LOCATION}/kaart/")
    frame = page.main_frame.child_frames[0]
    seen = tab_through(page, lambda e: e["frame"] and e["tag"] == "div" and e["name"].endswith(")"))
    marker = seen[-1]
    # The ring is drawn on the round pin (or cluster) inside the marker.
    style, width = frame.evaluate(
        """() => {
          const s = getComputedStyle(document.activeElement.querySelector('.bk-pin, .bk-cluster'));
          return [s.outlineStyle, parseFloat(s.outlineWidth)];
        }"""
    )
    assert style == "solid" and width >= 2
    page.keyboard.press("Enter")
    frame.locator(".leaflet-popup").wait_for()
    assert frame.locator(".leaflet-popup h2").inner_text() in marker["name"] or "vondsten" in marker["name"]


def test_skip_link_jumps_over_the_map_to_the_table(visit):
    page = open_settled(visit, f"{LOCATION}/kaart/")
    seen = tab_through(page, lambda e: e["name"] == "Sla de kaart over")
    assert ring_is_visible(seen[-1])
    page.keyboard.press("Enter")
    page.wait_for_url("**#vondsten-op-afstand")
    page.keyboard.press("Tab")
    after = focused(page)
    assert not after["frame"] and after["table"] and "bk-sortable" in after["table"], after
    assert page.locator("#vondsten-op-afstand").is_visible()


def test_overview_skip_link_jumps_to_the_locations(visit):
    page = open_settled(visit, "kaart/")
    tab_through(page, lambda e: e["name"] == "Sla de kaart over")
    page.keyboard.press("Enter")
    page.wait_for_url("**#locaties-op-de-kaart")
    page.keyboard.press("Tab")
    after = focused(page)
    assert not after["frame"] and after["href"] == f"../{LOCATION}/kaart/", after


def test_clicking_a_marker_in_a_half_hidden_map_does_not_scroll_the_page(visit):
    # Leaflet focuses the map on mousedown; without preventScroll the page jumped so the map
    # was wholly in view, and the mouseup landed beside the marker: no popup.
    page = open_settled(visit, f"{LOCATION}/kaart/")
    frame = page.main_frame.child_frames[0]
    label = frame.evaluate(
        """() => {
          const e = Object.values(buurtkaart.kaart.markers)[0];
          buurtkaart.kaart.map.setView(e.marker.getLatLng(), 18, {animate: false});
          return e.marker.getElement().getAttribute("aria-label");
        }"""
    )
    top = page.evaluate("document.querySelector('iframe.bk-map-frame').getBoundingClientRect().top + scrollY")
    page.evaluate(f"window.scrollTo(0, {top} - 48 + 150)")  # the map's top 150 px under the header
    page.wait_for_timeout(200)
    before = page.evaluate("scrollY")
    pin = frame.locator(f".bk-marker[aria-label={json.dumps(label, ensure_ascii=False)}]").bounding_box()
    page.mouse.click(pin["x"] + pin["width"] / 2, pin["y"] + pin["height"] / 2)
    frame.locator(".leaflet-popup").wait_for(timeout=5000)
    assert page.evaluate("scrollY") == before


# --- matching page ------------------------------------------------------------------------------


def test_matching_page_links_are_all_reachable(visit):
    page = open_settled(visit, f"{LOCATION}/vraag-en-aanbod/")
    links = page.locator(".bk-match-page a")
    hrefs = links.evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert len(hrefs) > 20
    reached: list[dict] = []

    def all_reached(element: dict) -> bool:
        if element["matching"]:
            reached.append(element)
        return len(reached) == len(hrefs)

    tab_through(page, all_reached, limit=400)
    assert [e["href"] for e in reached] == hrefs
    assert all(ring_is_visible(e) for e in reached)

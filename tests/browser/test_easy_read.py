"""Makkelijk lezen and photos in a real browser: axe-clean, keyboard, read aloud, no third parties.

The read-aloud button is tested with the browser's speech synthesis replaced by a stub that
records what it is asked to say (Chromium in a container has no voices; the stub also proves
that the page itself does the speaking: nothing is requested from anywhere).
"""

from __future__ import annotations

import json

import pytest

from .harness import track_requests, wait_until_quiet
from .test_accessibility import DESKTOP, PHONE, all_violations
from .test_keyboard import focused, ring_is_visible, tab_through

pytestmark = pytest.mark.browser

LOCATION = "de-kastanje"
PHOTO_CARD = "warme-bakker-korstje"  # its photo was stored sideways, with GPS and a date
EASY_INDEX = f"{LOCATION}/makkelijk-lezen/"
EASY_CARD = f"{LOCATION}/makkelijk-lezen/{PHOTO_CARD}/"
EASY_PAGES = {
    "easy index": EASY_INDEX,
    "easy card with a photo": EASY_CARD,
    "easy card without coordinates": f"{LOCATION}/makkelijk-lezen/buurtapp-assendorperstraat-zuid/",
    "card with a photo": f"{LOCATION}/{PHOTO_CARD}/",
    "category with a photo": f"{LOCATION}/bedrijven/",
}
SPEECH_STUB = """
window.__spoken = [];
(function () {
  var voices = [{name: "English", lang: "en-US"}, {name: "Nederlands (stub)", lang: "nl-NL"}];
  var synth = {
    speaking: false,
    getVoices: function () { return voices; },
    speak: function (u) {
      window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null});
      setTimeout(function () { if (u.onstart) u.onstart(); if (u.onend) u.onend(); }, 0);
    },
    cancel: function () { window.__cancelled = (window.__cancelled || 0) + 1; },
    addEventListener: function () {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; this.voice = null; };
})();
"""
NO_SPEECH = """
Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});
window.SpeechSynthesisUtterance = undefined;
"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", EASY_PAGES.values(), ids=EASY_PAGES.keys())
def test_easy_read_and_photo_pages_are_axe_clean(visit, path, viewport):
    visit.page.set_viewport_size(viewport)
    visit.open(path)
    assert all_violations(visit) == []


@pytest.mark.parametrize("path", EASY_PAGES.values(), ids=EASY_PAGES.keys())
def test_requests_nothing_from_third_parties_and_every_photo_loads(visit, path):
    track_requests(visit)
    page = visit.open(path)
    for img in page.locator("picture img").element_handles():
        img.scroll_into_view_if_needed()
    wait_until_quiet(visit)
    assert visit.blocked == [] and visit.all_errors() == []
    loaded = page.evaluate(
        "[...document.querySelectorAll('picture img')].map(i => [i.complete && i.naturalWidth > 0, i.currentSrc])"
    )
    assert all(ok and src.endswith(".webp") for ok, src in loaded), loaded  # Chromium takes the WebP


def test_photo_stands_upright_in_the_browser(visit):
    page = visit.open(f"{LOCATION}/{PHOTO_CARD}/")
    img = page.locator(".bk-photos picture img").first
    img.wait_for()
    page.wait_for_function("document.querySelector('.bk-photos img').complete")
    width, height = img.evaluate("i => [i.naturalWidth, i.naturalHeight]")
    assert width > height  # the shop front is wide; stored sideways, it would be tall
    assert img.get_attribute("alt").startswith("De winkel")


def test_card_and_easy_read_page_link_both_ways(visit):
    page = visit.open(f"{LOCATION}/{PHOTO_CARD}/")
    page.get_by_role("link", name="Makkelijk lezen").click()
    page.wait_for_url(f"**/{EASY_CARD}")
    page.get_by_role("link", name="Naar de gewone pagina").click()
    page.wait_for_url(f"**/{LOCATION}/{PHOTO_CARD}/")


def test_easy_index_lists_places_with_minutes_and_opens_them(visit):
    page = visit.open(EASY_INDEX)
    assert "minuten lopen" in page.locator(".bk-ml-plekken").first.inner_text()
    page.locator(f'.bk-ml-plekken a[href="{PHOTO_CARD}/"]').click()
    page.wait_for_url(f"**/{EASY_CARD}")
    text = page.locator(".bk-ml").inner_text()
    for expected in ("Wat kun je er doen?", "Kun je er met de rolstoel in?", "minuten lopen", "met de rolstoel"):
        assert expected in text


def test_read_aloud_speaks_the_page_in_dutch(visit):
    visit.page.context.add_init_script(SPEECH_STUB)
    page = visit.open(EASY_CARD)
    button = page.get_by_role("button", name="Lees voor")
    assert button.is_visible()
    button.click()
    page.wait_for_function("window.__spoken.length > 5")
    spoken = page.evaluate("window.__spoken")
    texts = [s["text"] for s in spoken]
    title = page.locator("h1").inner_text()
    assert texts[0] == title
    assert "Kun je er met de rolstoel in?" in texts and "Wat kun je er doen?" in texts
    assert any(t.startswith("Foto: De winkel") for t in texts)  # the photo's description
    assert not any("Lees voor" in t or "gewone pagina" in t for t in texts)  # not the controls
    assert {s["lang"] for s in spoken} == {"nl-NL"}
    assert {s["voice"] for s in spoken} == {"Nederlands (stub)"}
    page.get_by_role("button", name="Lees voor").wait_for()  # back to its start state at the end
    assert visit.blocked == [] and visit.all_errors() == []


def test_read_aloud_by_keyboard_and_stop(visit):
    visit.page.context.add_init_script(SPEECH_STUB.replace("setTimeout(", "void (0) && setTimeout("))
    page = visit.open(EASY_CARD)
    tab_through(page, lambda e: e["tag"] == "button" and e["name"] == "Lees voor")
    info = focused(page)
    assert ring_is_visible(info), info
    page.keyboard.press("Enter")
    page.wait_for_function("window.__spoken.length > 0")
    stop = page.get_by_role("button", name="Stop met voorlezen")
    assert stop.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Space")
    page.get_by_role("button", name="Lees voor").wait_for()
    assert page.evaluate("window.__cancelled") >= 2


def test_without_speech_synthesis_the_button_is_hidden_and_explained(visit):
    visit.page.context.add_init_script(NO_SPEECH)
    page = visit.open(EASY_CARD)
    assert page.locator("[data-bk-voorlezen]").is_hidden()
    assert page.get_by_text("Voorlezen kan niet in deze browser.").is_visible()
    assert visit.all_errors() == []


def test_easy_pages_by_keyboard_reach_every_place(visit):
    page = visit.open(EASY_INDEX)
    count = page.locator(".bk-ml-plekken a").count()
    reached: set[str] = set()

    def all_reached(element: dict) -> bool:
        if element["href"] and element["href"].endswith("/") and not element["href"].startswith("."):
            reached.add(element["href"])
            assert ring_is_visible(element), element
        return len(reached) == count

    tab_through(page, all_reached, limit=count + 80)


def test_map_popup_shows_the_thumbnail(visit):
    visit.open(f"{LOCATION}/kaart/kaart.html#vondst={PHOTO_CARD}")
    frame = visit.page.main_frame
    frame.wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
    frame.evaluate(f"buurtkaart.kaart.markers[{PHOTO_CARD!r}].marker.openPopup()")
    img = frame.locator(".leaflet-popup .bk-popup picture img")
    img.wait_for()
    assert img.get_attribute("alt").startswith("De winkel")
    assert img.get_attribute("src") == f"../fotos/{PHOTO_CARD}-1-klein.jpg"
    frame.wait_for_function("document.querySelector('.leaflet-popup img').complete")
    assert img.evaluate("i => i.naturalWidth > 0")
    assert visit.blocked == [] and visit.all_errors() == []


def test_easy_card_prints_without_site_chrome(visit):
    page = visit.open(EASY_CARD)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.md-header', '.md-sidebar--primary', '.bk-ml-voorlezen', '.md-footer']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)"
    )
    assert hidden and set(hidden) == {"none"}
    assert page.locator(".bk-ml h1").is_visible()


HOSTILE_ALT = '"><img src=x onerror="window.__pwned=1"> ${window.__pwned=1} {{ 7*7 }}'


@pytest.fixture(scope="module")
def hostile_photo_server(tmp_path_factory):
    from photo_files import phone_jpeg

    from .harness import build_site, serve

    root = tmp_path_factory.mktemp("hostile-photo")
    (root / "inventory").mkdir()
    (root / "inventory" / "test.md").write_text(
        "---\nnaam: Test\ncoordinaten: [52.5030, 6.0990]\nmobiliteit: [rolstoel]\n---\n", encoding="utf-8"
    )
    (root / "cards" / "test" / "fotos").mkdir(parents=True)
    (root / "cards" / "test" / "fotos" / "x.jpg").write_bytes(phone_jpeg())
    card = (
        "---\ntitel: '<svg onload=window.__pwned=1>'\ncategorie: bedrijven\ncoordinaten: [52.5040, 6.1]\n"
        f"fotos:\n  - bestand: fotos/x.jpg\n    beschrijving: {json.dumps(HOSTILE_ALT)}\n---\n"
    )
    (root / "cards" / "test" / "winkel.md").write_text(card, encoding="utf-8")
    server = serve(build_site(root))
    yield server
    server.close()


def test_hostile_photo_description_stays_text_in_popup_and_easy_read(browser, hostile_photo_server):
    from .harness import open_visit

    visit = open_visit(browser, hostile_photo_server)
    visit.page.context.add_init_script(SPEECH_STUB)
    try:
        page = visit.open("test/kaart/kaart.html#vondst=winkel")
        page.wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
        page.evaluate("buurtkaart.kaart.markers['winkel'].marker.openPopup()")
        assert page.locator(".leaflet-popup picture img").get_attribute("alt") == HOSTILE_ALT
        assert page.locator(".leaflet-popup img").count() == 1  # only the photo, no injected image
        assert page.evaluate("window.__pwned") is None
        page = visit.open("test/makkelijk-lezen/winkel/")
        assert page.locator(".bk-ml picture img").get_attribute("alt") == HOSTILE_ALT
        page.get_by_role("button", name="Lees voor").click()
        page.wait_for_function("window.__spoken.length > 3")
        assert "Foto: " + " ".join(HOSTILE_ALT.split()) in [s["text"] for s in page.evaluate("window.__spoken")]
        for path in ("test/winkel/", "test/bedrijven/", "test/makkelijk-lezen/"):
            visit.open(path)
            assert visit.page.evaluate("window.__pwned") is None, path
        assert visit.all_errors() == [] and visit.blocked == []
    finally:
        visit.page.context.close()

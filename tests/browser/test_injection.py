"""Script injection, proven in Chromium: payloads in every field of a card and an inventory.

A repository whose location, inventory offer and need, and card carry the classic payloads in
every text field is built with a real ``mkdocs build --strict`` and opened in the browser. On
every page where the text shows up (card, category, location, map page and its iframe popups,
the overview map, matching, tags, search results) the payload must appear as literal text,
no script may run (each payload sets ``window.__pwned``; asserted undefined in the page and
in every frame), no dialog may open and no request may leave the site.

``javascript:`` links never reach a build: ``buurtkaart check`` rejects them (tested for its
message), and the build refuses invalid data. The renderer is tested directly for them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from buurtkaart_build.core.fields import SAFE_SCHEMES, LatLon
from buurtkaart_build.core.models import Accessibility, Card, Contact, Location
from buurtkaart_build.core.repository import with_distances
from buurtkaart_build.render.card_page import card_page
from buurtkaart_build.render.maps import location_map
from buurtkaart_build.render.options import SiteOptions

from .harness import build_site, open_visit, serve, track_requests, wait_until_quiet

pytestmark = pytest.mark.browser

PAYLOADS = {
    "img": '<img src=x onerror="window.__pwned=1">',
    "svg": '"><svg onload=window.__pwned=1>',
    "template": "${window.__pwned=1}",
    "backtick": "`${window.__pwned=1}`",
    "script": "</script><script>window.__pwned=1</script>",
    "alert": "'\"><img src=y onerror=alert(1)>",
}
# Every payload but the last in one text: titles and inventory items allow 200 characters.
ALL = " ".join(list(PAYLOADS.values())[:-1])
# A word from the title that search can find; nothing else in the repository contains it.
WORD = "Kwakkelbakkerij"
TITLE = f"{WORD} {ALL}"
LOCATION_NAME = f"De Kastanje {PAYLOADS['img']}"
NEED = f"Zingen in een koor {ALL}"
OFFER = f"Koffie schenken {ALL}"
WEBSITE = "https://example.org/" + PAYLOADS["svg"] + PAYLOADS["img"]
SOCIAL = "https://example.org/?q=" + PAYLOADS["script"]
EMAIL = "`${window.__pwned=1}`'@example.org"  # valid: ` $ { } = ' may stand before the @
TAGS = [PAYLOADS["img"], PAYLOADS["template"]]
FIELDS = {  # card field → its text
    "samenvatting": f"Samenvatting {ALL}",
    "adres": f"Straat 2 {ALL}",
    "wat_doen_ze": f"Bakken {ALL}",
    "voor_de_buurt": f"Buurt {ALL}",
    "toelichting": f"Toelichting {ALL}",
    "naam": f"Piet {ALL}",
    "aanbod": f"Een koor om te zingen {ALL}",
    "vraag": f"Koffie nodig {ALL}",
    "wanneer": f"{ALL} elke dinsdag 10:00-12:00",  # the text before the rule is the agenda's label
}
# Payloads in the body that pass `buurtkaart check` (its link rule sees no `javascript:`):
# raw HTML with event handlers, script, entity-obfuscated javascript: URLs, outside resources.
BODY = """\
Notities over de bakkerij.

<script>window.__pwned=1</script>
<img src=x onerror="window.__pwned=1">
<svg onload=window.__pwned=1><circle r=4></circle></svg>
<a href="&#106;avascript:window.__pwned=1">klik hier</a>
<a href="jav&#x09;ascript:window.__pwned=1">of hier</a>
<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
<p style="background:url(https://evil.example/bg.png)" onclick="window.__pwned=1">stijl</p>
<img src="https://evil.example/pixel.png" alt="extern">
<img src="//evil.example/pixel2.png" alt="extern2">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body{background:url(https://evil.example/y.png)}</style>
<form action="https://evil.example/"><input name=q autofocus onfocus=window.__pwned=1></form>
<details open ontoggle=window.__pwned=1><summary>open</summary></details>
<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mglyph></table></mtext></math>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">

`${window.__pwned=1}` en </script><script>window.__pwned=1</script> en {{ 7*7 }}
"""
# Set on purpose by nothing: any of these in the DOM means a payload became markup.
ACTIVE = "script:not([src]):not([type='application/json']), [onerror], [onload], [onclick], [onfocus], [ontoggle]"
ACTIVE_COUNT = f"""() => Array.from(document.querySelectorAll({json.dumps(ACTIVE)}))
  .filter((el) => !(el.tagName === "SCRIPT" && !el.closest(".md-content"))).length"""


def y(value: object) -> str:
    """A YAML value (JSON is YAML) that keeps every character."""
    return json.dumps(value, ensure_ascii=False)


def write_hostile_repo(root: Path) -> Path:
    (root / "inventory").mkdir(parents=True)
    (root / "inventory" / "test.md").write_text(
        f"""---
naam: {y(LOCATION_NAME)}
adres: {y("Teststraat 1 " + PAYLOADS["svg"])}
coordinaten: [52.5030, 6.0990]
zoekstraal: 1500
mobiliteit: [{y(PAYLOADS["template"])}]
aanbod:
  - wat: {y(OFFER)}
    van: cliënten
    tags: [koffie, {y(PAYLOADS["img"])}]
behoeften:
  - wat: {y(NEED)}
    van: cliënten
    tags: [muziek, {y(PAYLOADS["svg"])}]
    voorwaarden: [rolstoel]
---
{ALL}
""",
        encoding="utf-8",
    )
    cards = root / "cards" / "test"
    cards.mkdir(parents=True)
    (cards / "kwakkelbakkerij.md").write_text(
        f"""---
titel: {y(TITLE)}
categorie: bedrijven
samenvatting: {y(FIELDS["samenvatting"])}
adres: {y(FIELDS["adres"])}
coordinaten: [52.5045, 6.1010]
wat_doen_ze: {y(FIELDS["wat_doen_ze"])}
voor_de_buurt: {y(FIELDS["voor_de_buurt"])}
kent_ons: ja
toegankelijkheid:
  rolstoel: ja
  toelichting: {y(FIELDS["toelichting"])}
contact:
  naam: {y(FIELDS["naam"])}
  telefoon: "038 (123) 45-67"
  email: {y(EMAIL)}
  website: {y(WEBSITE)}
  social: [{y(SOCIAL)}]
aanbod: [{y(FIELDS["aanbod"])}]
vraag: [{y(FIELDS["vraag"])}]
tags: [muziek, koffie, {", ".join(y(t) for t in TAGS)}]
wanneer: {y(FIELDS["wanneer"])}
status: contact
---
{BODY}""",
        encoding="utf-8",
    )
    for i, (slug, payload) in enumerate(PAYLOADS.items()):  # one title per payload, on the map
        (cards / f"titel-{slug}.md").write_text(
            f"---\ntitel: {y(f'Titel {slug} {payload}')}\ncategorie: ontmoeten\n"
            f"coordinaten: [{52.5060 + i * 0.0015:.4f}, {6.0960 + i * 0.0015:.4f}]\n"
            f"tags: [{y(payload)}]\n---\n{payload}\n",
            encoding="utf-8",
        )
    return root


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "buurtkaart_build", "check", "--root", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory) -> Path:
    return write_hostile_repo(tmp_path_factory.mktemp("injection"))


@pytest.fixture(scope="module")
def hostile_server(hostile_root):
    server = serve(build_site(hostile_root), "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    yield server
    server.close()


@pytest.fixture
def hv(browser, hostile_server):
    """A visit that also records real dialogs (the init script already swallows alert())."""
    visit = open_visit(browser, hostile_server)
    visit.dialogs = []

    def on_dialog(dialog):
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    visit.page.on("dialog", on_dialog)
    yield visit
    visit.page.context.close()


def assert_nothing_ran(visit) -> None:
    """No payload ran in the page or any frame, no dialog, nothing left the site."""
    for frame in visit.page.frames:
        assert frame.evaluate("typeof window.__pwned") == "undefined", frame.url
        assert frame.evaluate(ACTIVE_COUNT) == 0, frame.url
    assert visit.dialogs == []
    assert visit.blocked == []
    # The body's <img src=x> stays as a harmless relative image (its handler is gone): a 404.
    errors = [e for e in visit.all_errors() if "404" not in e]
    assert errors == []


def text_of(visit, selector: str = ".md-content") -> str:
    return visit.page.locator(selector).first.inner_text()


def open_page(visit, path: str):
    track_requests(visit)
    visit.open(path)
    for handle in visit.page.locator("iframe.bk-map-frame").element_handles():
        handle.scroll_into_view_if_needed()
        handle.content_frame().wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
    wait_until_quiet(visit)
    return visit.page


def map_of(visit):
    """The (drawn) map in the page's first map iframe, left where :func:`open_page` put it."""
    return visit.page.locator("iframe.bk-map-frame").first.element_handle().content_frame()


# --- the data is valid, so it reaches the site -----------------------------------------------


def test_the_payload_repository_passes_check(hostile_root):
    result = check(hostile_root)
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["errors"] == []


def test_check_rejects_javascript_links_with_a_dutch_message(tmp_path):
    root = write_hostile_repo(tmp_path)
    # Two files: a card whose front-matter has an error is not checked for body links.
    (root / "cards" / "test" / "js.md").write_text(
        "---\ntitel: Link\ncategorie: bedrijven\ncontact:\n  website: javascript:window.__pwned=1\n---\n",
        encoding="utf-8",
    )
    (root / "cards" / "test" / "js-body.md").write_text(
        "---\ntitel: Links\ncategorie: bedrijven\n---\n"
        "[klik](javascript:window.__pwned=1)\n\n<a href='JaVaScRiPt:window.__pwned=1'>x</a>\n",
        encoding="utf-8",
    )
    result = check(root)
    assert result.returncode == 1
    errors = json.loads(result.stdout)["errors"]
    assert [(e["file"], e["line"], e["field"], e["message"]) for e in errors] == [
        (
            "cards/test/js-body.md",
            5,
            None,
            "de link 'javascript:window.__pwned=1' gebruikt 'javascript:'. Alleen links die beginnen "
            "met http:, https:, mailto: of tel: mogen. Haal de link weg of vervang hem.",
        ),
        (
            "cards/test/js-body.md",
            7,
            None,
            "de link 'JaVaScRiPt:window.__pwned=1' gebruikt 'JaVaScRiPt:'. Alleen links die beginnen "
            "met http:, https:, mailto: of tel: mogen. Haal de link weg of vervang hem.",
        ),
        (
            "cards/test/js.md",
            5,
            "contact.website",
            "'javascript:window.__pwned=1' is geen veilige weblink: alleen links die beginnen met "
            "http:// of https:// mogen. Kopieer het adres uit de adresbalk van de browser.",
        ),
    ]


# --- every page where the text shows up ------------------------------------------------------


def test_card_page_shows_every_field_as_text(hv):
    page = open_page(hv, "test/kwakkelbakkerij/")
    assert page.locator("h1").first.inner_text() == TITLE
    assert page.title() == f"{TITLE} - Buurtkaart"
    text = text_of(hv)
    for value in (*FIELDS.values(), EMAIL, WEBSITE, SOCIAL, *TAGS):
        assert value in text
    assert page.locator(f"a[href={json.dumps(WEBSITE)}]").inner_text() == WEBSITE
    assert page.locator(".bk-card a", has_text="klik hier").get_attribute("href") is None
    assert page.locator(".bk-card img[src*='evil'], .bk-card iframe:not(.bk-map-frame)").count() == 0
    assert_nothing_ran(hv)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", [LOCATION_NAME]),
        ("locaties/", [LOCATION_NAME]),
        ("test/", [LOCATION_NAME, NEED, OFFER, PAYLOADS["template"]]),
        ("test/bedrijven/", [TITLE, FIELDS["samenvatting"]]),
        ("test/ontmoeten/", [f"Titel {slug} {p}" for slug, p in PAYLOADS.items()]),
        ("test/kaart/", [TITLE, FIELDS["adres"]]),
        ("kaart/", [LOCATION_NAME]),
        ("test/vraag-en-aanbod/", [NEED, OFFER, TITLE]),  # contacts: on the action plan
        ("tags/", [TITLE, *TAGS, *PAYLOADS.values()]),
        ("test/agenda/", [TITLE, ALL, FIELDS["adres"], FIELDS["samenvatting"]]),
        ("agenda/", [TITLE, ALL, LOCATION_NAME]),
        ("test/actieplan/", [NEED, OFFER, TITLE, FIELDS["naam"]]),
        ("overzicht/", [LOCATION_NAME]),
        ("test/op-pad/", [TITLE, LOCATION_NAME, FIELDS["adres"]]),
        ("test/poster/", [TITLE, LOCATION_NAME]),
    ],
)
def test_pages_show_the_payloads_as_text(hv, path, expected):
    open_page(hv, path)
    text = text_of(hv)
    for value in expected:
        assert value in text
    assert_nothing_ran(hv)


def test_matching_page_matches_the_hostile_need_and_offer(hv):
    page = open_page(hv, "test/vraag-en-aanbod/")
    need = page.locator(".bk-match-item", has=page.get_by_role("heading", name=NEED, exact=True))
    assert need.get_by_role("link", name=TITLE, exact=True).count() == 1
    offer = page.locator(".bk-match-item", has=page.get_by_role("heading", name=OFFER, exact=True))
    assert offer.get_by_role("link", name=TITLE, exact=True).count() == 1
    assert_nothing_ran(hv)


MAP_TITLES = [TITLE] + [f"Titel {slug} {p}" for slug, p in PAYLOADS.items()]


def test_map_popups_and_tooltips_show_the_payloads_as_text(hv):
    open_page(hv, "test/kaart/")
    kaart = map_of(hv)
    slugs = kaart.evaluate("Object.keys(buurtkaart.kaart.markers)")
    assert len(slugs) == len(MAP_TITLES)
    for slug in slugs:
        # Close in on the marker (no cluster holds it at zoom 18, the findings lie 100 m or more
        # apart), then click it as a person would.
        kaart.evaluate(
            """(slug) => {
              const k = buurtkaart.kaart;
              k.map.closePopup();
              k.map.setView(k.markers[slug].marker.getLatLng(), 18, {animate: false});
            }""",
            slug,
        )
        kaart.wait_for_function("(slug) => buurtkaart.kaart.markers[slug].marker.getElement()", arg=slug)
        label = kaart.evaluate(
            "(slug) => buurtkaart.kaart.markers[slug].marker.getElement().getAttribute('aria-label')", slug
        )
        kaart.locator(f".bk-marker[aria-label={json.dumps(label, ensure_ascii=False)}]").click()
        kaart.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
        title = kaart.locator(".leaflet-popup .bk-popup h2").inner_text()
        assert title in MAP_TITLES and label.startswith(title)
        # Point at the marker again: opening the popup may scroll the page under a still mouse
        # (the location menu grew a row), and the tooltip shows while the mouse is on the marker.
        kaart.locator(f".bk-marker[aria-label={json.dumps(label)}]").hover()
        kaart.wait_for_function("document.querySelectorAll('.leaflet-tooltip').length > 0")
        assert title in kaart.locator(".leaflet-tooltip").all_inner_texts()
        if title == TITLE:
            assert FIELDS["adres"] in kaart.locator(".leaflet-popup").inner_text()
        assert_nothing_ran(hv)
    # The location's own popup: its name and address carry payloads too.
    kaart.evaluate("buurtkaart.kaart.map.closePopup(); buurtkaart.kaart.fitStart()")
    kaart.locator(".bk-locatie").click()
    popup = kaart.locator(".leaflet-popup", has=kaart.get_by_role("heading", name=LOCATION_NAME))
    assert PAYLOADS["svg"] in popup.inner_text()
    assert_nothing_ran(hv)


def test_overview_map_popup_shows_the_location_name_as_text(hv):
    open_page(hv, "kaart/")
    kaart = map_of(hv)
    kaart.locator(".bk-locatie").click()
    kaart.locator(".leaflet-popup").get_by_role("heading", name=LOCATION_NAME).wait_for()
    assert_nothing_ran(hv)


def test_card_page_small_map_names_the_hostile_title(hv):
    open_page(hv, "test/kwakkelbakkerij/")
    frame = map_of(hv)
    frame.wait_for_selector(".leaflet-tooltip")
    assert frame.locator(".leaflet-tooltip").inner_text() == TITLE
    assert_nothing_ran(hv)


def test_search_results_show_the_payload_title_as_text(hv):
    page = open_page(hv, "")
    # Material reacts to typing, not to a filled-in value: click, then type (design §7).
    page.locator("input.md-search__input").click()
    page.keyboard.type(WORD.lower(), delay=30)
    result = page.locator('a.md-search-result__link[href*="test/kwakkelbakkerij/"]').first
    result.wait_for(timeout=10_000)
    heading = result.locator("h1").inner_text()
    assert heading == TITLE
    results = page.locator(".md-search-result")
    assert results.locator("img, svg[onload], script, iframe").count() == 0
    assert_nothing_ran(hv)
    result.click()
    page.wait_for_url("**/test/kwakkelbakkerij/**")
    assert page.locator("h1").first.inner_text() == TITLE
    assert_nothing_ran(hv)


# --- the renderer itself, for what check never lets through ---------------------------------

UNSAFE_BODY = """\
[klik](javascript:window.__pwned=1) [data](data:text/html,<script>window.__pwned=1</script>)
<a href="javascript:window.__pwned=1">a</a> <a href=" JaVaScRiPt:window.__pwned=1">b</a>
<a href="vbscript:msgbox(1)">c</a> <img src="javascript:window.__pwned=1">
[ref]: javascript:window.__pwned=1
Zie [hier][ref].
"""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]


def _unsafe_card() -> tuple[Card, Location]:
    """A card as if validation had let ``javascript:`` through (built without validation)."""
    location = Location.model_construct(
        naam=LOCATION_NAME, adres=None, coordinaten=LatLon(52.503, 6.099), zoekstraal=1500,
        mobiliteit=[], aanbod=[], behoeften=[], slug="test", path="inventory/test.md", body="",
    )  # fmt: skip
    card = Card.model_construct(
        titel=TITLE, categorie="bedrijven", samenvatting=None, adres=None, coordinaten=None,
        wat_doen_ze=None, voor_de_buurt=None, kent_ons="onbekend",
        toegankelijkheid=Accessibility(toelichting=ALL),
        contact=Contact.model_construct(
            naam=None, telefoon=None, email=None, website="javascript:window.__pwned=1",
            social=["JAVASCRIPT:window.__pwned=1", " javascript:window.__pwned=1", "data:text/html,x"],
        ),
        aanbod=[], vraag=[], tags=[], wanneer=None, status="nieuw", bezocht=None, gecontroleerd=None,
        locatie="test", slug="js", path="cards/test/js.md", body=UNSAFE_BODY + BODY, last_change=None,
    )  # fmt: skip
    return card, location


def test_renderer_drops_unsafe_links_and_markup_even_without_check():
    card, location = _unsafe_card()
    html = card_page(card, location)
    parsed = _Collector()
    parsed.feed(html)
    assert not {"script", "iframe", "object", "embed", "style", "link", "form", "math"} & set(parsed.tags)
    assert [a for a in parsed.attrs if a[1].startswith("on")] == []
    assert [a for a in parsed.attrs if a[1] == "style" and a[0] != "p"] == []
    for tag, name, value in parsed.attrs:
        if name in ("href", "src"):
            scheme = urlsplit("".join(c for c in value if c > " ")).scheme.lower()
            assert scheme in ("", *SAFE_SCHEMES), (tag, name, value)
            assert "evil.example" not in value, (tag, name, value)
    assert "javascript:window.__pwned=1" in html  # shown as text where the link was refused


def test_map_file_keeps_card_text_out_of_markup_and_script():
    card, location = _unsafe_card()
    card = card.model_copy(update={"coordinaten": LatLon(52.5045, 6.101), "adres": ALL})
    (card,) = with_distances([card], {card.locatie: location})  # as load does
    html = location_map(location, [card], SiteOptions())
    # Card text lives only in the inert JSON island, and cannot close it (no "<" inside).
    island = re.search(r'<script type="application/json" id="bk-data">(.*?)</script>', html, re.S)
    assert (
        island
        and "<" not in island[1]
        and json.loads(island[1])["vondsten"]["features"][0]["properties"]["adres"] == ALL
    )
    title = re.search(r"<title>.*?</title>", html)[0]  # the location's name, HTML-escaped
    assert "<img" not in title and "pwned" not in html.replace(island[0], "").replace(title, "")

"""Privacy: nothing leaves the intranet, and ``publiek: true`` leaves personal contact details out.

1. Every page type, opened in Chromium, requests nothing but the site itself and the configured
   tile server (the harness aborts and records every other request). A static scan of every
   built HTML and CSS file backs this up for the pages no browser test opens.
2. A build with the plugin option ``publiek: true`` contains no contact name, phone number or
   e-mail address of the demo in ANY output file (HTML, the search index, GeoJSON, CSV, the
   sitemap, scripts); the normal build contains every one of them, so the check can fail.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from buurtkaart_build.core.fields import tel_href
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.help import help_pages

from .harness import ROOT, build_site, host_pattern, tile_template, track_requests, wait_until_quiet

pytestmark = pytest.mark.browser

LOCATION = "de-kastanje"
PAGE_TYPES = {
    "home": "",
    "locaties": "locaties/",
    "location": f"{LOCATION}/",
    "category ontmoeten": f"{LOCATION}/ontmoeten/",
    "category organisaties": f"{LOCATION}/organisaties/",
    "category bedrijven": f"{LOCATION}/bedrijven/",
    "category activiteiten": f"{LOCATION}/activiteiten/",
    "card with a map": f"{LOCATION}/buurthuis-de-vlinderbrug/",
    "card without coordinates": f"{LOCATION}/buurtapp-assendorperstraat-zuid/",
    "map page": f"{LOCATION}/kaart/",
    "map file": f"{LOCATION}/kaart/kaart.html",
    "all-locations map": "kaart/",
    "matching": f"{LOCATION}/vraag-en-aanbod/",
    "agenda": f"{LOCATION}/agenda/",
    "all-locations agenda": "agenda/",
    "action plan": f"{LOCATION}/actieplan/",
    "overview": "overzicht/",
    "walk kit": f"{LOCATION}/op-pad/",
    "poster": f"{LOCATION}/poster/",
    "form": f"{LOCATION}/nieuwe-vondst/",
    "form with a category": f"{LOCATION}/nieuwe-vondst/?categorie=bedrijven",
    "tags": "tags/",
    "not found": "404.html",
}
HELP_PAGES = sorted(path.removesuffix(".md") + "/" for path in help_pages())  # the templates page too


def _settle(visit) -> None:
    """Wait until every map iframe has drawn its map and the network is quiet."""
    for handle in visit.page.locator("iframe.bk-map-frame").element_handles():
        handle.scroll_into_view_if_needed()
        handle.content_frame().wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
    wait_until_quiet(visit)


def _only_site_and_tiles(visit) -> None:
    assert visit.blocked == []
    tiles = host_pattern(tile_template(ROOT / "mkdocs.yml"))
    assert all(tiles.match(urlsplit(url).hostname or "") for url in visit.tiles)
    assert visit.all_errors() == []


@pytest.mark.parametrize("path", [*PAGE_TYPES.values(), *HELP_PAGES], ids=[*PAGE_TYPES, *HELP_PAGES])
def test_page_requests_nothing_but_the_site_and_the_tiles(visit, path):
    track_requests(visit)
    visit.open(path)
    _settle(visit)
    if path.endswith("kaart.html") or visit.page.locator("iframe.bk-map-frame").count():
        assert visit.tiles, "a map that requests no tiles shows nothing"
    _only_site_and_tiles(visit)


def test_open_search_requests_nothing_but_the_site(visit):
    track_requests(visit)
    page = visit.open("")
    page.locator("input.md-search__input").click()
    page.keyboard.type("koffie", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    wait_until_quiet(visit)
    _only_site_and_tiles(visit)
    page.locator("a.md-search-result__link").first.click()  # a card page, maybe with a map
    _settle(visit)
    _only_site_and_tiles(visit)


def test_the_forms_address_search_is_the_one_outside_request_besides_tiles(visit):
    """With the plugin option ``adreszoeker`` on (the default), typing in the form's address box
    asks PDOK Locatieserver, and nothing else leaves; test_form.py shows that with it off the box
    is gone and nothing is sent."""
    asked = []

    def pdok(route):
        asked.append(route.request.url)
        route.fulfill(
            status=200,
            content_type="application/json",
            body='{"response": {"docs": []}}',
            headers={"Access-Control-Allow-Origin": "*"},
        )

    visit.page.route(re.compile(r"^https://api\.pdok\.nl/"), pdok)
    track_requests(visit)
    page = visit.open(f"{LOCATION}/nieuwe-vondst/?categorie=bedrijven")
    page.fill('[name="titel"]', "Iets wat niet naar buiten mag")
    wait_until_quiet(visit)
    assert asked == []  # nothing until someone types in the address box
    page.click("#bk-adres-zoek")
    page.keyboard.type("Assendorperstraat", delay=20)
    page.wait_for_function("() => document.querySelector('#bk-plek-melding').textContent !== ''")
    wait_until_quiet(visit)
    assert asked and {urlsplit(url).hostname for url in asked} == {"api.pdok.nl"}
    assert all("Iets" not in url for url in asked)
    _only_site_and_tiles(visit)


class _Loads(HTMLParser):
    """URLs a page loads by itself: scripts, images, frames, media, stylesheets, icons (not <a>)."""

    ATTRS = {"src", "srcset", "data", "poster"}
    LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link":
            if self.LINK_RELS & set((values.get("rel") or "").lower().split()):
                self.urls.append(values.get("href") or "")
            return
        for name in self.ATTRS & values.keys():
            self.urls += [part.strip().split(" ")[0] for part in (values[name] or "").split(",")]
        if "style" in values:
            self.urls += [u or i for u, i in _CSS_URL.findall(values["style"] or "")]


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)


def _outside(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_no_built_page_or_stylesheet_loads_anything_from_outside(demo_site):
    found = []
    for file in sorted(demo_site.rglob("*")):
        name = str(file.relative_to(demo_site))
        if file.suffix == ".html":
            parser = _Loads()
            parser.feed(file.read_text(encoding="utf-8"))
            found += [f"{name}: {url}" for url in parser.urls if _outside(url)]
        elif file.suffix == ".css":
            text = file.read_text(encoding="utf-8")
            found += [f"{name}: {u or i}" for u, i in _CSS_URL.findall(text) if _outside(u or i)]
    assert found == []


# --- publiek: true ----------------------------------------------------------------------------


def personal_details() -> dict[str, set[str]]:
    """Every contact name, phone number and e-mail address of the demo cards."""
    repo = load_repository(ROOT)
    details: dict[str, set[str]] = {"naam": set(), "telefoon": set(), "email": set()}
    for card in repo.cards:
        c = card.contact
        if c is None:
            continue
        if c.naam:
            details["naam"].add(c.naam)
        if c.telefoon:
            details["telefoon"] |= {c.telefoon, tel_href(c.telefoon).removeprefix("tel:")}
        if c.email:
            details["email"].add(c.email)
    assert all(details.values()), "the demo must have contact names, phones and e-mail addresses"
    return details


def _spellings(value: str) -> set[str]:
    """The ways a value can be written in an output file: plain, HTML- and JSON-escaped."""
    return {value, html.escape(value), html.escape(value, quote=False), json.dumps(value)[1:-1]}


def _contents(site: Path) -> dict[str, str]:
    """Every output file as text (gzip unpacked; binary files as Latin-1 so nothing is skipped)."""
    out = {}
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        data = file.read_bytes()
        if file.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            out[str(file.relative_to(site))] = data.decode("utf-8")
        except UnicodeDecodeError:
            out[str(file.relative_to(site))] = data.decode("latin-1")
    return out


def _occurrences(site: Path, details: dict[str, set[str]]) -> dict[str, list[str]]:
    contents = _contents(site)
    found: dict[str, list[str]] = {}
    for values in details.values():
        for value in sorted(values):
            files = [name for name, text in contents.items() if any(s in text for s in _spellings(value))]
            if files:
                found[value] = files
    return found


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("publiek")
    for folder in ("cards", "inventory", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    if (ROOT / "thema.yml").exists():
        shutil.copy(ROOT / "thema.yml", project / "thema.yml")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, count = re.subn(r"(?m)^(\s+publiek:\s*)false\b", r"\1true", config)
    assert count == 1, "mkdocs.yml should set 'publiek: false' under the buurtkaart plugin"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return build_site(project, project / "site")


def test_public_build_leaves_every_contact_detail_out_of_every_file(public_site):
    assert (public_site / LOCATION / "export" / f"{LOCATION}.csv").exists()
    assert (public_site / "search" / "search_index.json").exists()
    assert _occurrences(public_site, personal_details()) == {}


def test_normal_build_has_every_contact_detail(demo_site):
    details = personal_details()
    found = _occurrences(demo_site, details)
    missing = [v for values in details.values() for v in values if v not in found]
    assert missing == []
    # ...in the card page, the search index and the downloads alike.
    kinds = {Path(name).name for files in found.values() for name in files}
    assert {"index.html", "search_index.json", f"{LOCATION}.csv", f"{LOCATION}.geojson"} <= kinds


def test_public_card_page_says_where_the_details_are(public_site):
    card = (public_site / LOCATION / "buurthuis-de-vlinderbrug" / "index.html").read_text(encoding="utf-8")
    assert "https://example.org/de-vlinderbrug" in card  # an organisation's website stays
    assert "Contactpersoon" not in card and "tel:" not in card and "mailto:" not in card

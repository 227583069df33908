"""The form page in Chromium: keyboard alone on a phone, the same text as Python, kept in the
browser, the address search (a fake PDOK), the ways out, and the edit links of a site that names
its repository.

Two sites: the demo (address search on, no repository) and a variant with ``repo_url`` on GitHub,
Material's edit button and ``adreszoeker: false``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from buurtkaart_build.core.card_text import fill
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.form_rules import check_card_text
from buurtkaart_build.render.form_spec import form_spec

from .harness import ROOT, build_site, open_visit, serve, tile_template

pytestmark = pytest.mark.browser

LOCATION = "de-kastanje"
FORM = f"{LOCATION}/nieuwe-vondst/"
PHONE = {"width": 390, "height": 844}
SPEC = form_spec()
KINDS = {f["pad"]: f["soort"] for f in SPEC["velden"]}
PDOK = re.compile(r"^https://api\.pdok\.nl/")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "iframes": False,
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def variant_server(tmp_path_factory):
    project = tmp_path_factory.mktemp("git-site")
    for folder in ("cards", "inventory", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "theme:\n", "repo_url: https://github.com/voorbeeld/buurtkaart\nedit_uri: edit/main/docs/\n\ntheme:\n", 1
    )
    config = config.replace("  features:\n", "  features:\n    - content.action.edit\n", 1)
    config, count = re.subn(r"(?m)^(\s+adreszoeker:\s*)true\b", r"\1false", config)
    assert count == 1
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    server = serve(build_site(project, project / "site"), tile_template(ROOT / "mkdocs.yml"))
    yield server
    server.close()


@pytest.fixture
def variant(browser, variant_server):
    v = open_visit(browser, variant_server)
    yield v
    v.page.context.close()


def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab (only Tab) until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def python_text(answers: dict, category: str = "bedrijven") -> str:
    return fill(SPEC["sjablonen"][category], answers, KINDS)


def choose_category_by_keyboard(page, steps: int = 2) -> None:
    tab_to(page, 'input[name="categorie"]')
    for _ in range(steps):
        page.keyboard.press("ArrowDown")  # radios: the arrow moves and chooses
    page.locator("#bk-vragen").wait_for(state="visible")


def test_keyboard_alone_on_a_phone_gives_exactly_pythons_text(visit):
    page = visit.page
    page.set_viewport_size(PHONE)
    visit.open(FORM)
    choose_category_by_keyboard(page)  # ontmoeten → organisaties → bedrijven
    typed = {
        "titel": 'Bakkerij "De Korenbloem": #1',
        "adres": "Assendorperstraat 12, Zwolle",
        "coordinaten": "52.5041, 6.1002",
        "contact.telefoon": "038 123 45 67",
        "contact.website": "www.example.org",
    }
    for name, value in typed.items():
        tab_to(page, f'[name="{name}"]')
        page.keyboard.type(value)
    tab_to(page, 'input[name="kent_ons"]')  # the checked one: onbekend
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # → ja
    tab_to(page, 'input[name="aanbod"]')
    page.keyboard.type("Brood voor de buurtmaaltijd")
    tab_to(page, '[data-veld="aanbod"] .bk-more')
    page.keyboard.press("Enter")  # a third line, focused
    page.keyboard.type("Een rondleiding")
    tab_to(page, 'input[name="tags"]')
    page.keyboard.type("eten")
    answers = {
        **typed,
        "kent_ons": "ja",
        "aanbod": ["Brood voor de buurtmaaltijd", "", "Een rondleiding"],
        "tags": ["eten", ""],
        "bezocht": page.input_value('[name="bezocht"]'),
        "status": "nieuw",
        **{
            f"toegankelijkheid.{k}": "onbekend"
            for k in ("bereikbaar", "rolstoel", "lift", "invalidetoilet", "prikkelarm")
        },
    }
    text = page.input_value("#kaarttekst")
    assert text == python_text(answers)
    assert page.text_content("#bk-bestandsnaam") == f"cards/{LOCATION}/bakkerij-de-korenbloem-1.md"
    assert check_card_text(text, load_repository(ROOT).locations[LOCATION]) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.get_attribute("#kaarttekst", "readonly") is not None
    tab_to(page, "#bk-download")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "bakkerij-de-korenbloem-1.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == text
    assert visit.blocked == [] and visit.all_errors() == []


def test_what_was_typed_survives_a_closed_tab_until_cleared(visit):
    page = visit.open(FORM + "?categorie=activiteiten")
    page.locator("#bk-vragen").wait_for(state="visible")
    page.fill('[name="titel"]', "Koningsdag op het plein")
    page.fill('[name="wanneer"]', "elk jaar op 27 april")
    text = page.input_value("#kaarttekst")
    page.close()
    again = visit.page.context.new_page()
    again.goto(visit.server.url(FORM))
    again.locator("#bk-vragen").wait_for(state="visible")
    assert again.input_value('[name="titel"]') == "Koningsdag op het plein"
    assert again.is_checked('input[name="categorie"][value="activiteiten"]')
    assert again.input_value("#kaarttekst") == text
    again.click("#bk-wis")
    assert again.evaluate("Object.keys(localStorage).filter(k => k.startsWith('buurtkaart-vondst'))") == []
    again.reload()
    assert again.locator("#bk-vragen").is_hidden()


def test_checks_show_checks_own_messages_and_errors_hold_the_ways_out(visit):
    location = load_repository(ROOT).locations[LOCATION]
    page = visit.open(FORM + "?categorie=ontmoeten")
    page.fill('[name="titel"]', "Bankje aan de Vecht")
    page.fill('[name="coordinaten"]', "52.53, 6.0992")  # about 3 km north: outside the radius
    text = page.input_value("#kaarttekst")
    (warning,) = [p.message for p in check_card_text(text, location)]
    assert page.text_content("#bk-plek-melding") == warning
    page.fill('[name="contact.telefoon"]', "bellen")
    page.locator('[name="contact.telefoon"]').blur()
    (error,) = [p.message for p in check_card_text(page.input_value("#kaarttekst"), location)]
    assert page.text_content("#bk-contact-telefoon-fout") == error
    assert page.get_attribute('[name="contact.telefoon"]', "aria-invalid") == "true"
    assert error in page.text_content("#bk-meldingen")
    page.click("#bk-download")
    assert "Er staan nog fouten in de kaart" in page.text_content("#bk-stappen")


def test_a_marker_on_the_map_fills_the_coordinates(visit):
    page = visit.open(FORM + "?categorie=bedrijven")
    box = page.locator("#bk-kaart").bounding_box()
    page.locator("#bk-kaart").click(position={"x": box["width"] / 2 + 40, "y": box["height"] / 2})
    value = page.input_value('[name="coordinaten"]')
    assert re.fullmatch(r"\[52\.\d+, 6\.\d+\]", value)
    assert f"coordinaten: {value}\n" in page.input_value("#kaarttekst")
    assert visit.all_errors() == []


def test_my_location_uses_the_browsers_geolocation(browser, demo_server):
    v = open_visit(browser, demo_server)
    v.page.context.grant_permissions(["geolocation"])
    v.page.context.set_geolocation({"latitude": 52.5039, "longitude": 6.0985})
    page = v.open(FORM + "?categorie=bedrijven")
    page.click("#bk-mijn-locatie")
    page.wait_for_function("document.querySelector('[name=coordinaten]').value !== ''")
    assert page.input_value('[name="coordinaten"]') == "[52.5039, 6.0985]"
    v.page.context.close()


SUGGEST = {
    "response": {
        "numFound": 2,
        "docs": [
            {"id": "adr-1", "weergavenaam": "Assendorperstraat 12, 8012DH Zwolle", "type": "adres"},
            {"id": "adr-2", "weergavenaam": "Assendorperstraat 12A, 8012DH Zwolle", "type": "adres"},
        ],
    }
}
FREE = {
    "response": {
        "numFound": 1,
        "docs": [
            {"weergavenaam": "Assendorperstraat 12, 8012DH Zwolle", "centroide_ll": "POINT(6.1001 52.5035)"},
        ],
    }
}


def test_address_search_asks_pdok_only_for_what_was_typed_in_its_box(visit):
    asked = []

    def pdok(route):
        request = route.request
        asked.append((request.url, request.headers.get("referer")))
        body = SUGGEST if "/suggest" in request.url else FREE
        route.fulfill(
            status=200,
            content_type="application/json",
            body=json.dumps(body),
            headers={"Access-Control-Allow-Origin": "*"},
        )

    visit.page.route(PDOK, pdok)
    page = visit.open(FORM + "?categorie=bedrijven")
    page.fill('[name="titel"]', "Geheime titel")
    page.fill('[name="contact.email"]', "geheim@example.org")
    page.click("#bk-adres-zoek")
    page.keyboard.type("Assendorperstraat 12", delay=20)
    page.locator("#bk-suggesties button").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[name=coordinaten]').value !== ''")
    assert page.input_value('[name="adres"]') == "Assendorperstraat 12, 8012DH Zwolle"
    assert page.input_value('[name="coordinaten"]') == "[52.5035, 6.1001]"
    paths = [urlsplit(url).path for url, _ in asked]
    assert paths[-1] == "/bzk/locatieserver/search/v3_1/free"
    assert set(paths) == {"/bzk/locatieserver/search/v3_1/suggest", "/bzk/locatieserver/search/v3_1/free"}
    last_suggest = [parse_qs(urlsplit(u).query) for u, _ in asked if "/suggest" in u][-1]
    assert last_suggest["q"] == ["Assendorperstraat 12"]
    assert all("Geheime" not in url and "geheim" not in url for url, _ in asked)
    assert all(referer is None for _, referer in asked)
    assert visit.blocked == []


def test_a_site_without_address_search_has_no_box_and_sends_nothing(variant):
    page = variant.open(FORM + "?categorie=bedrijven")
    assert page.locator("#bk-adres-zoek").count() == 0
    page.fill('[name="titel"]', "Kapper Knip")
    page.fill('[name="adres"]', "Assendorperstraat 3, Zwolle")
    page.fill('[name="notities"]', "Aardige mensen.")
    page.wait_for_timeout(400)
    assert variant.blocked == []
    assert variant.all_errors() == []


def test_github_way_out_carries_name_and_text(variant):
    page = variant.open(FORM + "?categorie=bedrijven")
    page.fill('[name="titel"]', "Kapper Knip & Zo")
    href = page.get_attribute("#bk-naar-git", "href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/voorbeeld/buurtkaart/new/main/"
    query = parse_qs(parts.query)
    assert query["filename"] == [f"cards/{LOCATION}/kapper-knip-zo.md"]
    assert query["value"] == [page.input_value("#kaarttekst")]
    assert page.text_content("#bk-naar-git") == "Opslaan op GitHub"


def test_edit_links_point_to_the_card_or_inventory_file(variant_server):
    site = variant_server.root
    repo = load_repository(ROOT)
    card = repo.cards[0]
    base = "https://github.com/voorbeeld/buurtkaart/edit/main/"

    def edit_button(path: str) -> list[str]:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        return re.findall(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit"', html)

    assert edit_button(f"{LOCATION}/{card.slug}") == [base + card.path]
    card_html = (site / LOCATION / card.slug / "index.html").read_text(encoding="utf-8")
    assert f'href="{base + card.path}" rel="noreferrer"' in card_html and "Bewerk deze kaart" in card_html
    for page in ("", "bedrijven", "kaart", "nieuwe-vondst", "vraag-en-aanbod"):
        assert edit_button(f"{LOCATION}/{page}".rstrip("/")) == [base + f"inventory/{LOCATION}.md"]
    assert edit_button("tags") == []  # made from every card: no single file to edit
    assert edit_button("help/zo-werkt-het") == []  # shipped with the package, not in the repository
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{base}docs/index.md"' in home  # a page of docs/ keeps its own edit button


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_the_form_is_axe_clean_with_questions_and_messages_open(visit, viewport):
    page = visit.page
    page.set_viewport_size(viewport)
    visit.open(FORM + "?categorie=organisaties")
    page.fill('[name="titel"]', "Wijkteam")
    page.fill('[name="contact.email"]', "fout")
    page.locator('[name="contact.email"]').blur()
    page.locator("#bk-contact-email-fout").wait_for(state="visible")
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    result = Axe().run(page, options=AXE_OPTIONS).response
    lines = [
        f"{rule['id']}: {node['target']} {node['html'][:120]}"
        for rule in result["violations"]
        for node in rule["nodes"]
    ]
    assert lines == []

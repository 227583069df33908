"""The form page is made from the model and the templates; links into the git host are right."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from repo_files import ROOT, write_repo

from buurtkaart_build.cli import main
from buurtkaart_build.core.card_text import fill
from buurtkaart_build.core.choices import CATEGORIES, JA_NEE, JA_NEE_DEELS, STATUSES
from buurtkaart_build.core.fields import Text
from buurtkaart_build.core.models import CardFront
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.core.templates import render_card
from buurtkaart_build.render import form_page as form_page_module
from buurtkaart_build.render.card_page import card_page
from buurtkaart_build.render.form_page import form_page
from buurtkaart_build.render.form_spec import fields, form_spec
from buurtkaart_build.render.githost import git_host
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.pages import category_page, location_page
from buurtkaart_build.render.site import source_files


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, list[dict]] = {}
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"])
        if tag in ("input", "textarea", "select") and values.get("name"):
            self.names.setdefault(values["name"], []).append(values)


def controls(html: str) -> _Controls:
    parser = _Controls()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def demo():
    return load_repository(ROOT)


def page(repo, options: SiteOptions | None = None) -> str:
    (slug, location), *_ = repo.locations.items()
    return form_page(location, repo.cards_of(slug), options or SiteOptions(), ["muziek", "tuin"])


def test_every_model_field_is_an_input_named_by_its_key_path(demo):
    found = controls(page(demo))
    paths = {f["pad"] for f in fields() if f["soort"] != "groep"}
    assert set(found.names) == paths | {"notities"}
    assert {"titel", "categorie", "toegankelijkheid.rolstoel", "contact.telefoon", "aanbod", "tags"} <= set(found.names)
    assert len(found.ids) == len(set(found.ids)), "ids are unique"


def test_choices_come_from_the_models(demo):
    found = controls(page(demo)).names
    assert [c["value"] for c in found["categorie"]] == list(CATEGORIES)
    assert [c["value"] for c in found["kent_ons"]] == list(JA_NEE)
    assert [c["value"] for c in found["toegankelijkheid.rolstoel"]] == list(JA_NEE_DEELS)
    assert [c["value"] for c in found["status"]] == list(STATUSES)
    assert all(c["type"] == "radio" for c in found["toegankelijkheid.lift"])
    assert found["tags"][0]["list"] == "bk-themas"
    assert len(found["aanbod"]) == 2 and found["bezocht"][0]["type"] == "date"


def test_labels_are_the_instruction_cards_questions():
    spec = form_spec()
    assert spec["sjablonen"]["bedrijven"]["vragen"]["wat_doen_ze"][0] == "Wat doet het bedrijf?"
    assert spec["sjablonen"]["organisaties"]["vragen"]["wat_doen_ze"][0] == "Wat doet de organisatie?"
    assert spec["sjablonen"]["bedrijven"]["vragen"]["kent_ons"] == ["Kennen ze ons al?", ""]
    # 'wanneer' is asked where the instruction card asks when, not for a company.
    assert "wanneer" in spec["sjablonen"]["activiteiten"]["toon"]
    assert "wanneer" not in spec["sjablonen"]["bedrijven"]["toon"]


class WithOpeningHours(CardFront):
    openingstijden: Text | None = None


def test_a_field_added_to_the_model_appears_in_the_form_and_in_the_text(demo, monkeypatch):
    spec = form_spec(WithOpeningHours)
    assert {"pad": "openingstijden", "soort": "tekst"} in spec["velden"]
    assert all("openingstijden" in t["toon"] for t in spec["sjablonen"].values())
    monkeypatch.setattr(form_page_module, "_spec", lambda: spec)
    found = controls(page(demo)).names
    assert found["openingstijden"][0]["type"] == "text"
    kinds = {f["pad"]: f["soort"] for f in spec["velden"]}
    text = fill(spec["sjablonen"]["bedrijven"], {"titel": "X", "openingstijden": "ma-vr 9-17"}, kinds)
    front = text.split("---\n")[1]
    assert front.endswith('gecontroleerd:   # bijvoorbeeld: 2026-03-14\nopeningstijden: "ma-vr 9-17"\n')
    unanswered = fill(spec["sjablonen"]["bedrijven"], {"titel": "X"}, kinds)
    assert "openingstijden" not in unanswered


def test_buurtkaart_new_and_the_form_share_one_filling_rule():
    spec = form_spec()
    kinds = {f["pad"]: f["soort"] for f in spec["velden"]}
    for category in CATEGORIES:
        answers = {"titel": "Speeltuin 't Hoekje", "bezocht": "2026-03-14"}
        assert fill(spec["sjablonen"][category], answers, kinds) == render_card(
            category, "Speeltuin 't Hoekje", dt.date(2026, 3, 14)
        )


def test_the_page_data_is_inert_json_and_card_text_never_enters_markup(tmp_path):
    root = write_repo(
        tmp_path,
        {
            "inventory/test.md": "---\nnaam: '</script><img src=x onerror=alert(1)>'\ncoordinaten: [52.5, 6.1]\n---\n",
            "cards/test/x.md": "---\ntitel: '<b>x</b>'\ncategorie: bedrijven\ntags: ['</script>']\n---\n",
        },
    )
    html = page(load_repository(root))
    assert "<img src=x" not in html and "<b>x</b>" not in html
    assert html.count("</script>") == 4  # the data block and three scripts: nothing closes early
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html  # the heading, escaped


def test_address_search_can_be_switched_off(demo):
    assert "api.pdok.nl" in page(demo) and 'id="bk-adres-zoek"' in page(demo)
    off = page(demo, SiteOptions(address_search=None))
    assert "pdok" not in off.lower().replace("pdok, de adreszoeker", "")
    assert 'id="bk-adres-zoek"' not in off


def test_location_and_category_pages_link_to_the_form(demo):
    (slug, location), *_ = demo.locations.items()
    assert 'href="nieuwe-vondst/"' in location_page(location, demo.cards_of(slug))
    assert 'href="../nieuwe-vondst/?categorie=bedrijven"' in category_page(location, "bedrijven", demo.cards_of(slug))


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "docs_to_root", "edit", "new"),
    [
        (
            "https://github.com/org/buurt",
            "edit/main/docs/",
            "..",
            "https://github.com/org/buurt/edit/main/cards/x/y.md",
            "https://github.com/org/buurt/new/main/",
        ),
        (
            "https://gitlab.com/org/buurt/",
            "edit/master/docs/",  # MkDocs' default for GitLab
            "..",
            "https://gitlab.com/org/buurt/-/edit/master/cards/x/y.md",
            "https://gitlab.com/org/buurt/-/new/master/",
        ),
        (
            "https://git.example.nl/org/buurt",
            "_edit/main/site/docs/",
            "../..",
            "https://git.example.nl/org/buurt/_edit/main/cards/x/y.md",
            "https://git.example.nl/org/buurt/_new/main/",
        ),
        (
            "https://github.com/org/buurt",
            "blob/main/",  # docs are the root
            ".",
            "https://github.com/org/buurt/blob/main/cards/x/y.md",
            "https://github.com/org/buurt/new/main/",
        ),
    ],
)
def test_git_host_links(repo_url, edit_uri, docs_to_root, edit, new):
    host = git_host(repo_url, edit_uri, docs_to_root)
    assert host.edit_url("cards/x/y.md") == edit
    assert host.new_root() == new


def test_no_repository_no_links(demo):
    assert git_host(None, None, "..") is None
    assert git_host("https://github.com/org/buurt", "", "..") is None
    card = demo.cards[0]
    location = demo.locations[card.locatie]
    assert "Bewerk deze kaart" not in card_page(card, location)
    url = git_host("https://github.com/org/buurt", "edit/main/docs/", "..").edit_url(card.path)
    assert f'href="{url}"' in card_page(card, location, edit_url=url)


def test_every_generated_location_page_has_its_source_file(demo):
    sources = source_files(demo)
    card = demo.cards[0]
    assert sources[f"{card.locatie}/{card.slug}.md"] == card.path
    assert sources[f"{card.locatie}/nieuwe-vondst.md"] == f"inventory/{card.locatie}.md"
    assert sources[f"{card.locatie}/bedrijven.md"] == f"inventory/{card.locatie}.md"
    assert "tags.md" not in sources
    assert all((ROOT / path).is_file() for path in sources.values())


def test_a_card_cannot_take_the_form_pages_name(repo_dir):
    root = repo_dir()
    result = CliRunner().invoke(main, ["new", "test", "ontmoeten", "Nieuwe vondst", "--root", str(root)])
    assert "cards/test/nieuwe-vondst-2.md" in result.output
    assert re.search(
        r"gereserveerd", str(load_repository(write_repo(root, {"cards/test/nieuwe-vondst.md": "---\n"})).errors)
    )


def test_the_form_stays_out_of_the_search_index(demo):
    assert '\nsearch: {"exclude": true}\n' in page(demo).split("---")[1] + "\n"

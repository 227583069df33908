"""Makkelijk lezen pages (render.easy_read): minutes instead of metres, pictograms with words, links."""

from __future__ import annotations

import re

import pytest
from repo_files import INVENTORY, card_text

from buurtkaart_build.core.choices import ACCESS_KEYS
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.easy_read import (
    ACCESS_SENTENCES,
    EASY_ACCESS_WORDS,
    EASY_CATEGORIES,
    easy_card_page,
    minutes,
    minutes_text,
    sentences,
)
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import generate

ACCESS = """\
samenvatting: Een bakker om de hoek. Je kunt er brood kopen.
toegankelijkheid:
  rolstoel: nee
  lift: ja
  prikkelarm: deels
aanbod:
  - Samen brood bakken
"""


@pytest.fixture
def site(repo_dir):
    root = repo_dir(
        {"cards/test/bakkerij.md": card_text(extra=ACCESS), "cards/test/app.md": card_text("App", coordinaten=None)}
    )
    return generate(root, SiteOptions())


def test_minutes_along_a_route_rounded_up():
    assert minutes(0, 4000 / 60) == 1
    assert minutes(1000, 4000 / 60) == 20  # 1,300 m of street at 4 km/h: 19.5 → 20
    assert minutes(1000, 3000 / 60) == 26
    assert minutes_text(1, "lopen") == "1 minuut lopen."
    assert minutes_text(12, "met de rolstoel") == "12 minuten met de rolstoel."
    assert minutes_text(75, "lopen") == "Meer dan een uur lopen."


def test_one_idea_per_line():
    assert sentences("Een bakker. Je kunt er brood kopen! Leuk?") == ["Een bakker.", "Je kunt er brood kopen!", "Leuk?"]
    assert sentences(None) == [] and sentences("") == []


def test_every_answer_has_a_sentence_and_every_fact_a_word():
    for key in ACCESS_KEYS:
        assert EASY_ACCESS_WORDS[key]
        assert set(ACCESS_SENTENCES[key]) == {"ja", "nee", "deels", "onbekend"}


def test_card_page_answers_the_clients_questions(site):
    _, out = site
    page = out["test/makkelijk-lezen/bakkerij.md"]
    assert "<h2>Wat kun je er doen?</h2>" in page and "<li>Samen brood bakken</li>" in page
    assert "<h2>Kun je er met de rolstoel in?</h2>" in page
    assert "<span>Nee. Met de rolstoel kun je er niet in.</span>" in page
    assert "<strong>Lift:</strong> Er is een lift." in page
    assert "<strong>Rust:</strong> Soms is het er rustig. Soms is het er druk." in page
    assert "<li>Een bakker om de hoek.</li><li>Je kunt er brood kopen.</li>" in page  # one idea per line
    assert f"<span>{EASY_CATEGORIES['bedrijven']}</span>" in page  # the pictogram's word
    assert re.search(r"<span>\d+ minuten? lopen\.</span>", page)
    assert " m<" not in page and " km" not in page  # minutes, not metres
    assert 'search: {"exclude": true}' in page


def test_wheelchair_minutes_only_where_the_location_goes_by_wheelchair(repo_dir):
    card = {"cards/test/bakkerij.md": card_text()}
    without = load_repository(repo_dir(card), max_age_months=0)
    page = easy_card_page(without.cards[0], without.locations["test"], [])
    assert "met de rolstoel." not in page
    moving = INVENTORY.replace("zoekstraal: 1000\n", "zoekstraal: 1000\nmobiliteit: [lopen, Rolstoel]\n")
    with_chair = load_repository(repo_dir({**card, "inventory/test.md": moving}), max_age_months=0)
    page = easy_card_page(with_chair.cards[0], with_chair.locations["test"], [])
    assert re.search(r"<span>\d+ minuten met de rolstoel\.</span>", page)


def test_card_without_coordinates_or_answers(site):
    _, out = site
    page = out["test/makkelijk-lezen/app.md"]
    assert "We weten nog niet hoe ver het is." in page
    assert "<span>Dat weten we nog niet.</span>" in page  # the wheelchair question, unanswered
    assert "<figure>" not in page


def test_linked_both_ways_and_from_the_location(site):
    _, out = site
    assert '<a href="../makkelijk-lezen/bakkerij/">' in out["test/bakkerij.md"]
    assert '<a href="../../bakkerij/">Naar de gewone pagina</a>' in out["test/makkelijk-lezen/bakkerij.md"]
    index = out["test/makkelijk-lezen/index.md"]
    assert '<a href="bakkerij/">' in index and '<a href="app/">' in index
    assert '<a href="makkelijk-lezen/">' in out["test/index.md"]  # the location menu


def test_read_aloud_button_is_hidden_until_the_script_shows_it(site):
    _, out = site
    page = out["test/makkelijk-lezen/bakkerij.md"]
    assert '<button type="button" class="md-button bk-ml-knop" data-bk-voorlezen hidden>' in page
    assert "<script" not in page  # the script comes from the plugin, on every page

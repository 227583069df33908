"""Material's search finds a card by a word from its body (the notes, not the title)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .harness import ROOT

pytestmark = pytest.mark.browser


def test_search_finds_a_card_by_a_word_from_its_body(visit):
    page = visit.open("")
    # Material reacts to typing, not to a filled-in value: click, then type (design §7).
    page.locator("input.md-search__input").click()
    page.keyboard.type("verkoper", delay=30)  # only in the notes of cards/de-kastanje/assendorperplein.md
    result = page.locator('a.md-search-result__link[href*="de-kastanje/assendorperplein/"]').first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url("**/de-kastanje/assendorperplein/**")
    assert page.locator("h1").first.inner_text() == "Assendorperplein"
    assert visit.blocked == [] and visit.all_errors() == []


def result_count(page, query: str) -> str:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query, delay=20)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta')?.textContent && "
        "document.querySelector('input.md-search__input').value === q",
        arg=query,
    )
    page.wait_for_timeout(300)
    return meta.inner_text()


@pytest.mark.parametrize("word", ["zingen", "koor", "zaterdagochtend", "muziekmiddagen", "zangers"])
def test_whole_words_are_found_although_their_stem_differs(visit, word):
    # Each word's Dutch stem differs from the word ("zingen" → "zing"); Material searches
    # "zingen*", which lunr does not stem. Our stemmer keeps the word beside the stem.
    page = visit.open("")
    assert "overeenkomende document" in result_count(page, word)
    assert "Geen" not in result_count(page, word)


def test_stemming_still_joins_word_forms(visit):
    page = visit.open("")
    # "zanger" is only written as "zangers"/"zanggroep" in the demo; the stem finds it.
    assert "Geen" not in result_count(page, "zanger")


CARD_SLUGS = {p.stem for p in (ROOT / "cards" / "de-kastanje").glob("*.md")}


def first_result(page, query: str) -> str:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query, delay=20)
    link = page.locator("a.md-search-result__link").first
    link.wait_for(timeout=10_000)
    page.wait_for_function(
        "q => document.querySelector('input.md-search__input').value === q", arg=query, timeout=10_000
    )
    page.wait_for_timeout(300)
    return page.locator("a.md-search-result__link").first.get_attribute("href")


@pytest.mark.parametrize(
    "query", ["rolstoel", "kapper", "bakker", "koffie", "muziek", "moestuin", "zwemmen", "bibliotheek", "tuin"]
)
def test_search_finds_places_first(visit, query):
    # Issue 14: "rolstoel" put the matching page first, "kapper" the themes page. Card pages rank
    # above every other page: aggregates have a tiny boost or are left out of the index.
    page = visit.open("")
    href = first_result(page, query)
    path = urlsplit(href).path.rstrip("/").split("/")
    assert path[-2] == "de-kastanje" and path[-1] in CARD_SLUGS, href

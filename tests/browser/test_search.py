"""Material's search finds a card by a word from its body (the notes, not the title)."""

from __future__ import annotations

import pytest

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

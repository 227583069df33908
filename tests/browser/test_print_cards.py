"""Samen op pad: the instruction cards print as A6 cards, four to an A4 sheet, nothing else."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

MM = 96 / 25.4  # CSS pixels per millimetre


def test_instruction_cards_print_as_a6_on_two_a4_sheets(visit, demo_site):
    if not (demo_site / "help" / "samen-op-pad" / "index.html").exists():
        pytest.skip("help/samen-op-pad is not part of this build")
    page = visit.open("help/samen-op-pad/")
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2  # the cards, then a sheet of empty cards
    assert set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)) == {b"0 0 594.95996 841.91998"}  # A4
    page.emulate_media(media="print")
    boxes = page.evaluate(
        """[...document.querySelectorAll('.bk-a6')].map(e => {
             const r = e.getBoundingClientRect();
             return {x: r.x, y: r.y, w: r.width, h: r.height, overflow: e.scrollHeight > e.clientHeight};
           })"""
    )
    assert len(boxes) == 8
    for box in boxes:
        assert round(box["w"] / MM) == 105 and round(box["h"] / MM) == 148
        assert not box["overflow"], "the text does not fit on the card"
    assert round(boxes[0]["x"]) == 0 and round(boxes[0]["y"]) == 0  # no site header or title above them
    hidden = page.evaluate("getComputedStyle(document.querySelector('.md-content__inner > h1')).display")
    assert hidden == "none"
    assert visit.blocked == []


def test_on_screen_one_empty_card_shows(visit, demo_site):
    if not (demo_site / "help" / "samen-op-pad" / "index.html").exists():
        pytest.skip("help/samen-op-pad is not part of this build")
    page = visit.open("help/samen-op-pad/")
    assert page.locator(".bk-a6--leeg:visible").count() == 1
    assert page.locator(".bk-a6:visible").count() == 5

"""A card's body: prose takes a short way that gives exactly what Markdown and the sanitiser give."""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from repo_files import ROOT

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.body import body_html, markdown_html, prose_html

# Words as staff write them, and every character Markdown or HTML makes something of.
PROSE = list("abcdeéëïzAZß09²") + [" ", " ", ".", ",", ";", ":", "?", "!", "'", '"', "(", ")", "/", "%", "€"]
PROSE += ["–", "—", "‘", "’", "“", "”", "…", "-"]
MARKUP = list("*_`[]<>&#|{}~\\+=^\t\xa0\u2009\u0301") + ["1. ", "- ", "  ", "    ", ": ", "&amp;", "http://x.nl"]
LINE = st.lists(st.sampled_from(PROSE * 6 + MARKUP), max_size=30).map("".join)
BODY = st.lists(st.one_of(LINE, LINE.map("- ".__add__), st.just(""), st.just("  ")), max_size=8).map("\n".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODY)
def test_prose_gives_what_markdown_and_the_sanitiser_give(text):
    short = prose_html(text)
    event("prose" if short is not None else "markdown")
    body_html.cache_clear()
    assert body_html(text) == (markdown_html(text) if text.strip() else "")


def test_paragraphs_and_simple_lists_take_the_short_way_and_markup_does_not():
    prose = (
        "Elke dinsdag koffie (gratis) — ook voor buren: “kom gerust”!\nBel 06 12345678 of kom langs.\n\n  \n"
        "Wat we zagen:\n\n- een bankje bij de ingang\n- open op zaterdag\n\nTot 50% korting…"
    )
    assert prose_html(prose) == (
        "<p>Elke dinsdag koffie (gratis) — ook voor buren: “kom gerust”!\nBel 06 12345678 of kom langs.</p>\n"
        "<p>Wat we zagen:</p>\n<ul>\n<li>een bankje bij de ingang</li>\n<li>open op zaterdag</li>\n</ul>\n"
        "<p>Tot 50% korting…</p>"
    )
    assert body_html(prose) == markdown_html(prose)
    for markup in [
        "- koffie\n\n- thee",  # a loose list: paragraphs in its items
        "- koffie\nen thee",  # an item that runs on
        "* koffie",
        "  \n- koffie",  # Markdown keeps a first line of spaces
        "1. eerst",
        "**vet**",
        "Kop\n===",
        "Zie [site](https://x.nl)",
        "Tom & Jerry",
        "regel  \nmet breuk",
        "    code",
        "a_b_c",
        ": definitie",
        "Naam | Tijd",
    ]:
        assert prose_html(markup) is None, markup


def test_every_demo_body_renders_as_markdown_would():
    cards = load_repository(ROOT).cards
    assert sum(prose_html(card.body) is not None for card in cards) > len(cards) / 2  # the common case
    for card in cards:
        body_html.cache_clear()
        assert body_html(card.body) == (markdown_html(card.body) if card.body.strip() else ""), card.path

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
# Bold words and links, whole and in pieces.
MARKUP += [
    "**",
    "**",
    "[",
    "]",
    "](",
    "](https://x.nl/a_b)",
    "](http://y.nl/?a=b#c)",
    "](https://z.nl)",
    "](mailto:a@b.nl)",
]
WORDS = st.lists(st.sampled_from(PROSE * 20 + MARKUP), max_size=12).map("".join)
BOLD = WORDS.map(lambda text: f"**{text}**")
URL = st.tuples(
    st.sampled_from(["https://", "http://", "mailto:", "javascript:", "ftp://", "", "//"]),
    st.text(st.sampled_from(list("ab09/._~:?=#-") * 6 + list("AZ&%()[]* \"'<>_é")), max_size=12),
)
LINK = st.tuples(WORDS, URL).map(lambda parts: f"[{parts[0]}]({''.join(parts[1])})")
LINE = st.lists(st.one_of(st.sampled_from(PROSE * 6 + MARKUP), BOLD, LINK), max_size=20).map("".join)
BODY = st.lists(st.one_of(LINE, LINE.map("- ".__add__), st.just(""), st.just("  ")), max_size=8).map("\n".join)


def assert_as_markdown_makes_it(text: str) -> None:
    """The body's HTML is Markdown's and the sanitiser's, whichever way it was made."""
    short = prose_html(text)
    kind = "markdown" if short is None else "prose"
    event(f"{kind} with bold or links" if short and ("<strong>" in short or "<a " in short) else kind)
    body_html.cache_clear()
    assert body_html(text) == (markdown_html(text) if text.strip() else "")


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODY)
def test_prose_gives_what_markdown_and_the_sanitiser_give(text):
    assert_as_markdown_makes_it(text)


LABEL = st.text(st.sampled_from(list("ab09-") + ["A", "_", "é"]), min_size=0, max_size=5)
HOST = st.lists(LABEL, min_size=1, max_size=3).map(".".join)
WEB = st.tuples(
    st.sampled_from(["https://", "http://", "HTTPS://", "https:/"]),
    HOST,
    st.sampled_from([".nl", ".org", ".n", ".n1", ""]),
    st.text(st.sampled_from(list("ab09/._~?=#-") * 3 + list("&%:() *_é")), max_size=10),
).map("".join)
WEB_LINK = st.tuples(WORDS, WEB).map(lambda parts: f"[{parts[0]}]({parts[1]})")
PROSE_WITH_LINKS = st.lists(st.one_of(st.sampled_from(PROSE), BOLD, WEB_LINK), min_size=1, max_size=12).map(
    lambda parts: "Zie " + "".join(parts)
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROSE_WITH_LINKS)
def test_bold_and_links_give_what_markdown_and_the_sanitiser_give(text):
    assert_as_markdown_makes_it(text)


def test_paragraphs_lists_bold_and_links_take_the_short_way_and_other_markup_does_not():
    prose = (
        "Elke dinsdag koffie (gratis) — ook voor buren: “kom gerust”!\nBel 06 12345678 of kom langs.\n\n  \n"
        "Wat we zagen:\n\n- een bankje bij de ingang\n- **open** op zaterdag\n\n"
        "Tot 50% korting… Zie [de website](https://example.org/actie?week=2#info)."
    )
    assert prose_html(prose) == (
        "<p>Elke dinsdag koffie (gratis) — ook voor buren: “kom gerust”!\nBel 06 12345678 of kom langs.</p>\n"
        "<p>Wat we zagen:</p>\n<ul>\n<li>een bankje bij de ingang</li>\n<li><strong>open</strong> op zaterdag</li>\n"
        '</ul>\n<p>Tot 50% korting… Zie <a href="https://example.org/actie?week=2#info" rel="noopener noreferrer">'
        "de website</a>.</p>"
    )
    assert body_html(prose) == markdown_html(prose)
    for markup in [
        "- koffie\n\n- thee",  # a loose list: paragraphs in its items
        "- koffie\nen thee",  # an item that runs on
        "* koffie",
        "** los**",  # bold that starts with a space is no bold
        "[tekst](javascript:alert(1))",
        "[tekst](https://x.nl/a&b)",
        "  \n- koffie",  # Markdown keeps a first line of spaces
        "1. eerst",
        "*schuin*",
        "__vet__",
        "Kop\n===",
        'Zie [site](https://x.nl "titel")',
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

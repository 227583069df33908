"""The page ``/<locatie>/vraag-en-aanbod/``: matches in both directions and an action plan.

All values from cards, inventories and ``thema.yml`` are escaped into one raw HTML block, so
nothing a coordinator writes can become Markdown or HTML. Headings carry no ids: Material
would make each one a separate search result.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable

from ..core.choices import FROM_WHOM
from ..core.models import Card, Location
from ..core.repository import Repository
from ..match.engine import ItemMatches, LocationMatches, Match, match_location, needs_with_match
from ..match.vocabulary import Vocabulary
from .html import block, esc, icon, page_meta
from .pages import location_menu
from .style import CATEGORY_STYLES

PAGE = "vraag-en-aanbod"
STYLESHEETS = ("buurtkaart-match.css",)  # in assets/, next to buurtkaart.css
BLANK_PLAN_ROWS = 3

INTRO = (
    "<p>Op deze pagina staan kansen om vraag en aanbod aan elkaar te koppelen. "
    "Er zijn twee kanten:</p>"
    "<ul>"
    "<li><strong>Van buiten naar binnen</strong>: wat mensen, clubs en bedrijven in de buurt "
    "onze cliënten en de locatie kunnen bieden.</li>"
    "<li><strong>Van binnen naar buiten</strong>: wat wij als locatie, cliënten en professionals "
    "de buurt kunnen bieden.</li>"
    "</ul>"
    "<p>Buurtkaart zoekt vondsten die over hetzelfde gaan, ook als ze andere woorden gebruiken "
    "(krant ≈ dagblad, natuur ⊃ vogels). Bij elke vondst staat waarom. Een <strong>sterke "
    "match</strong> past waarschijnlijk goed; een <strong>mogelijke match</strong> is het bekijken "
    "waard. Het blijft een voorstel: bespreek de kansen samen in het teamoverleg en zet wat jullie "
    "besluiten in de inventaris (gekoppeld of past_niet) en in het actieplan.</p>"
)


def default_card_url(card: Card) -> str:
    """Relative link from ``<locatie>/vraag-en-aanbod/`` to ``<locatie>/<slug>/``."""
    return f"../{card.slug}/"


def render_matching_page(
    location: Location,
    matches: LocationMatches,
    *,
    card_url: Callable[[Card], str] = default_card_url,
    public: bool = False,
) -> str:
    """Markdown source (front-matter plus one raw HTML block) of the matching page.

    Args:
        location: The location.
        matches: The result of :func:`buurtkaart_build.match.engine.match_location` for it.
        card_url: Link to a card page, relative to this page.
        public: Kept for callers; contact details now stand only in the action plan (actionplan.py).
    """
    matched, total = needs_with_match(matches)
    parts = [
        f"<h1>Vraag en aanbod — {esc(location.naam)}</h1>",
        location_menu(location, 1, f"{PAGE}/"),
        INTRO,
        f'<p class="bk-match-count">{matched} van de {total} behoeften hebben een mogelijke match in de buurt.</p>',
        "<h2>Van buiten naar binnen: wat de buurt onze cliënten kan bieden</h2>",
        _section(matches.behoeften, card_url, "Nog geen behoeften ingevuld in de inventarisatie."),
        "<h2>Van binnen naar buiten: wat wij de buurt kunnen bieden</h2>",
        _section(matches.aanbod, card_url, "Nog geen aanbod ingevuld in de inventarisatie."),
        "<h2>Nog geen match</h2>",
        _unmatched(matches),
        _plan(),
    ]
    return page_meta(
        f"Vraag en aanbod — {location.naam}", description=f"Vraag en aanbod van {location.naam} en de buurt"
    ) + block("\n".join(parts), "bk-match-page")


def _section(items: list[ItemMatches], card_url: Callable[[Card], str], empty: str) -> str:
    if not items:
        return f'<p class="bk-unknown">{esc(empty)}</p>'
    return "\n".join(_item(entry, card_url) for entry in items)


def _item(entry: ItemMatches, card_url: Callable[[Card], str]) -> str:
    item = entry.item
    meta = [f"van: {FROM_WHOM[item.van].lower()}"]
    if item.voorwaarden:
        meta.append("voorwaarden: " + ", ".join(item.voorwaarden))
    head = f'<h3>{esc(item.wat)}</h3>\n<p class="bk-meta">{esc(" · ".join(meta))}</p>'
    if not entry.matches:
        body = '<p class="bk-unknown">Nog geen match. Zie "Nog geen match" hieronder.</p>'
    else:
        body = '<ol class="bk-matches">' + "".join(_match(m, card_url) for m in entry.matches) + "</ol>"
    return f'<div class="bk-match-item">\n{head}\n{body}\n</div>'


def _match(match: Match, card_url: Callable[[Card], str]) -> str:
    card = match.card
    style = CATEGORY_STYLES[card.categorie]
    percent = round(match.score * 100)
    badges = ' <span class="bk-linked">gekoppeld</span>' if match.gekoppeld else ""
    if match.warm:
        badges += ' <span class="bk-warm">warm contact</span>'
    if match.outside_radius:
        badges += ' <span class="bk-far">buiten de zoekstraal</span>'
    ask = f'<p class="bk-ask">Navragen: {esc(", ".join(match.navragen))}</p>' if match.navragen else ""
    return (
        '<li class="bk-match">'
        f'<p class="bk-match-head"><a href="{esc(card_url(card))}">{esc(card.titel)}</a>'
        f' <span class="bk-meta">({esc(style.label)})</span>{badges}</p>'
        f'<p class="bk-score"><meter min="0" max="100" value="{percent}" aria-hidden="true"></meter> '
        f"<span><strong>{esc(match.strength)}</strong> · past voor {percent}%</span></p>"
        f'<p class="bk-reasons">{esc(" · ".join(match.reasons))}</p>{ask}</li>'
    )


def _unmatched(matches: LocationMatches) -> str:
    rows = []
    for label, items in (("Behoefte", matches.behoeften), ("Aanbod", matches.aanbod)):
        for entry in items:
            if not entry.matches:
                rows.append(
                    f"<li><strong>{esc(label)}:</strong> {esc(entry.item.wat)}<br>{esc(_search_hint(entry))}</li>"
                )
    if not rows:
        return "<p>Alles heeft minstens één mogelijke match.</p>"
    return (
        "<p>Voor deze behoeften en dit aanbod is nog geen vondst in de buurt. Ga gericht op zoek "
        "en maak een kaart voor wat je vindt.</p>"
        f'<ul class="bk-unmatched">{"".join(rows)}</ul>'
    )


def _search_hint(entry: ItemMatches) -> str:
    themes = [t.lower() for t in entry.themes] or list(entry.item.tags)
    if not themes:
        return "Nog geen match — gericht zoeken in de buurt."
    return "Nog geen match — gericht zoeken naar " + ", ".join(themes) + "."


def _plan() -> str:
    """A pointer to the action plan: printed, this page stays short; the plan has its own page."""
    return (
        '<div class="bk-plan">'
        "<h2>Actieplan voor het teamoverleg</h2>"
        f'<p>{icon("clipboard-check")}Maak van de kansen afspraken in het <a href="../actieplan/">actieplan</a>: '
        "per behoefte en aanbod de best passende vondst met de contactpersoon, en de acties die het team al "
        "afsprak. Het past op twee A4'tjes.</p>"
        "</div>"
    )


def location_matches(repo: Repository, vocabulary: Vocabulary) -> dict[str, LocationMatches]:
    """Matches of every location, by slug: compute once, use for the page and the location's count."""
    by_location: dict[str, list[Card]] = defaultdict(list)
    for card in repo.cards:
        by_location[card.locatie].append(card)
    return {slug: _matches(location, by_location[slug], vocabulary) for slug, location in repo.locations.items()}


# While `mkdocs serve` rebuilds after a saved card, only that card's location is matched again.
_kept: dict[str, tuple[Vocabulary, str, LocationMatches]] = {}  # slug -> (vocabulary, data key, matches)


def _matches(location: Location, cards: list[Card], vocabulary: Vocabulary) -> LocationMatches:
    key = hashlib.sha1(
        "\n".join([location.model_dump_json(), *(c.model_dump_json() for c in cards)]).encode()
    ).hexdigest()
    kept = _kept.get(location.slug)
    if kept is not None and kept[0] is vocabulary and kept[1] == key:
        return kept[2]
    matches = match_location(location, cards, vocabulary)
    _kept[location.slug] = (vocabulary, key, matches)
    return matches


def matching_pages(
    repo: Repository,
    vocabulary: Vocabulary,
    *,
    public: bool = False,
    matches: dict[str, LocationMatches] | None = None,
) -> dict[str, str]:
    """``{"<locatie>/vraag-en-aanbod.md": markdown}`` for every location of the repository.

    Args:
        repo: The loaded repository (without errors).
        vocabulary: From :func:`buurtkaart_build.match.vocabulary.load_vocabulary`.
        public: Leave contact names and phone numbers out.
        matches: Precomputed :func:`location_matches`, to match only once per build.
    """
    matches = matches if matches is not None else location_matches(repo, vocabulary)
    return {
        f"{slug}/{PAGE}.md": render_matching_page(location, matches[slug], public=public)
        for slug, location in repo.locations.items()
    }

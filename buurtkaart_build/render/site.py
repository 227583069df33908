"""The whole generated site as ``{path below docs: content}``, independent of MkDocs.

``.md`` entries are pages for the site engine; everything else is copied as it is.
Builders are plain functions; maps, matching and exports add their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from ..core.models import CATEGORIES
from ..core.repository import Repository
from ..match.engine import needs_with_match
from .card_page import card_page
from .export import site_exports
from .map_page import map_assets, map_pages, mini_map
from .matching import location_matches, matching_pages
from .pages import category_page, location_page, locations_page, tags_page

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'
ASSET_DIR = "assets/buurtkaart"


@dataclass(frozen=True)
class SiteOptions:
    """Choices made in ``mkdocs.yml`` (plugin options)."""

    public: bool = False  # leave out contact names, phone numbers and e-mail addresses
    tiles_url: str = OSM_TILES
    tiles_attribution: str = OSM_ATTRIBUTION


Output = dict[str, str | bytes]
Builder = Callable[[Repository, SiteOptions], Output]


def core_pages(repo: Repository, options: SiteOptions) -> Output:
    out: Output = {
        "locaties.md": locations_page(list(repo.locations.values()), repo.cards_of),
        "tags.md": tags_page(repo.cards, repo.locations),
    }
    matches = location_matches(repo, repo.vocabulary)
    out.update(matching_pages(repo, repo.vocabulary, public=options.public, matches=matches))
    for slug, location in repo.locations.items():
        cards = repo.cards_of(slug)
        out[f"{slug}/index.md"] = location_page(location, cards, matched=needs_with_match(matches[slug]))
        for category in CATEGORIES:
            out[f"{slug}/{category}.md"] = category_page(location, category, cards)
        for card in cards:
            out[f"{slug}/{card.slug}.md"] = card_page(card, location, public=options.public, extra=mini_map)
    return out


def stylesheets(repo: Repository, options: SiteOptions) -> Output:
    return {f"{ASSET_DIR}/{name}": text for name, text in css_files().items()}


def css_files() -> dict[str, str]:
    """The package's stylesheets (``assets/*.css``), by file name, sorted."""
    folder = resources.files("buurtkaart_build").joinpath("assets")
    return {
        f.name: f.read_text(encoding="utf-8")
        for f in sorted(folder.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".css")
    }


BUILDERS: list[Builder] = [core_pages, stylesheets, map_pages, map_assets, site_exports]


def render_site(repo: Repository, options: SiteOptions) -> Output:
    """Every generated file; the caller has checked that ``repo`` has no errors."""
    out: Output = {}
    for builder in BUILDERS:
        out.update(builder(repo, options))
    return dict(sorted(out.items()))

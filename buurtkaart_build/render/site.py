"""The whole generated site as ``{path below docs: content}``, independent of MkDocs.

``.md`` entries are pages for the site engine; everything else is copied as it is.
Builders are plain functions; maps, matching and exports add their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..core.choices import CATEGORIES
from ..core.errors import BuurtkaartError
from ..core.models import Card, Location
from ..core.parsed_cards import ParsedCards
from ..core.repository import Repository, load_repository
from ..core.workers import ForkedMap
from ..match.engine import needs_with_match
from ..match.vocabulary import vocabulary_of
from .card_pages import CardPages, CardPagesJob, KeptCardPages
from .easy_read import FOLDER as EASY
from .easy_read import easy_index_page
from .export import site_exports
from .form_page import FORM_PAGE, form_page
from .html import ASSET_DIR, add_icons, block, icon_css, recording_icons, reset_icons
from .map_page import map_assets, map_pages
from .matching import location_matches, matching_pages
from .options import Output, SiteOptions
from .pages import category_page, location_page, locations_index, locations_page, tags_page
from .photos import Shown, photo_files, site_photos
from .plan_site import agenda_pages, plan_pages, print_pages
from .qr import QR_SHEET, QrCode, qr_sheet

Builder = Callable[[Repository, SiteOptions], Output]


def _shown(repo: Repository) -> Callable[[Card], list[Shown]]:
    photos = site_photos(repo)

    def shown(card: Card) -> list[Shown]:
        return [s for s, _ in photos.get(card.path, [])]

    return shown


def _every_card(repo: Repository) -> list[tuple[Card, Location]]:
    return [(card, location) for slug, location in repo.locations.items() for card in repo.cards_of(slug)]


def start_card_pages(repo: Repository, options: SiteOptions, kept: KeptCardPages | None = None) -> CardPagesJob:
    """Each card's page, easy-read page and QR code, by forked workers on a large site (at once)."""
    return CardPagesJob(_every_card(repo), options, _shown(repo), kept)


def other_core_pages(repo: Repository, options: SiteOptions) -> Output:
    """The locations, categories, themes, matching, plan, easy-read index and form pages."""
    shown = _shown(repo)
    out: Output = {
        "locaties.md": locations_page(list(repo.locations.values()), repo.cards_of),
        "tags.md": tags_page(repo.cards, repo.locations),
    }
    matches = location_matches(repo, vocabulary_of(repo.themes))
    out.update(matching_pages(repo, vocabulary_of(repo.themes), public=options.public, matches=matches))
    out.update(plan_pages(repo, options, matches))
    names = theme_names(repo)
    for slug, location in repo.locations.items():
        cards = repo.cards_of(slug)
        out[f"{slug}/index.md"] = location_page(location, cards, matched=needs_with_match(matches[slug]))
        for category in CATEGORIES:
            out[f"{slug}/{category}.md"] = category_page(location, category, cards, photos_of=shown)
        out[f"{slug}/{EASY}/index.md"] = easy_index_page(location, cards, shown)
        out[f"{slug}/{FORM_PAGE}.md"] = form_page(location, cards, options, names)
    return out


def card_files(repo: Repository, made: list[CardPages]) -> Output:
    """The card pages, easy-read pages and each location's QR sheet, from :class:`CardPagesJob`'s result."""
    out: Output = {}
    pages_of = dict(zip((card.path for card, _ in _every_card(repo)), made, strict=True))
    for slug in repo.locations:
        codes: dict[str, QrCode] = {}
        for card in repo.cards_of(slug):
            pages = pages_of[card.path]
            if pages.code is not None:
                codes[card.slug] = pages.code
            out[f"{slug}/{card.slug}.md"] = pages.page
            out[f"{slug}/{EASY}/{card.slug}.md"] = pages.easy
        if codes:
            out[f"{slug}/{QR_SHEET}"] = qr_sheet(codes)
    return out


def theme_names(repo: Repository) -> list[str]:
    """Suggestions for a card's tags: the themes and every tag already used, sorted."""
    return sorted(set(repo.themes) | {tag for card in repo.cards for tag in card.tags})


def source_files(repo: Repository) -> dict[str, str]:
    """Generated page → the file a person edits for it (card or inventory); others have none."""
    out: dict[str, str] = {}
    for slug, location in repo.locations.items():
        pages = ["index", "kaart", "vraag-en-aanbod", FORM_PAGE, *CATEGORIES]
        out.update({f"{slug}/{page}.md": location.path for page in pages})
        out.update({f"{slug}/{card.slug}.md": card.path for card in repo.cards_of(slug)})
    return out


def photo_files_builder(repo: Repository, options: SiteOptions) -> Output:
    """Builder: every card's photos, in every size and format (metadata-free, see render.photos)."""
    out: Output = {}
    cards = {card.path: card for card in repo.cards}
    for path, photos in site_photos(repo).items():
        out.update(photo_files(cards[path].locatie, photos))
    return out


def stylesheets(repo: Repository, options: SiteOptions) -> Output:
    return {f"{ASSET_DIR}/{name}": text for name, text in css_files().items()}


SITE_CSS = "buurtkaart-site.css"


def stylesheet_names() -> list[str]:
    """The stylesheets every page links (below :data:`ASSET_DIR`): one bundle of them all."""
    return [SITE_CSS]


def css_files() -> dict[str, str]:
    """The package's stylesheets (``assets/*.css``), by file name, sorted."""
    folder = resources.files("buurtkaart_build").joinpath("assets")
    return {
        f.name: f.read_text(encoding="utf-8")
        for f in sorted(folder.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".css")
    }


# Besides the core pages (:func:`render_site` makes those first).
BUILDERS: list[Builder] = [
    photo_files_builder,
    stylesheets,
    map_pages,
    map_assets,
    site_exports,
    agenda_pages,
    print_pages,
]


def render_site(repo: Repository, options: SiteOptions, memory: BuildMemory | None = None) -> Output:
    """Every generated file; the caller has checked that ``repo`` has no errors."""
    out: Output = {}
    reset_icons()
    # The card pages are most of the work: forked workers make them, and the maps, agenda and
    # downloads, while the rest is made here.
    job = start_card_pages(repo, options, memory.card_pages if memory else None)
    side = ForkedMap(lambda builders: _run(builders, repo, options), BUILDERS, options.workers, 1)
    try:
        out.update(other_core_pages(repo, options))
        if side.started:
            for made, (names, before) in side.results():
                out.update(made)
                add_icons(names, before)
        else:
            out.update(_run(BUILDERS, repo, options)[0])
        out.update(card_files(repo, job.result()))
    finally:
        job.close()
        side.close()
    rank_for_search(out, {f"{card.locatie}/{card.slug}.md" for card in repo.cards})
    # One stylesheet for every page (one request, cached): the package's, then every icon used above.
    out[f"{ASSET_DIR}/{SITE_CSS}"] = "\n".join([*css_files().values(), icon_css()])
    return dict(sorted(out.items()))


def _run(builders: list[Builder], repo: Repository, options: SiteOptions) -> tuple[Output, tuple]:
    """What ``builders`` make, and the icons they hand out (to carry back from a worker)."""
    out: Output = {}
    with recording_icons() as (names, before):
        for builder in builders:
            out.update(builder(repo, options))
    return out, (frozenset(names), dict(before))


HOME_MARKER = "<!-- buurtkaart:locaties -->"

# Search finds places first. A location's overview ranks below every card; generated pages that
# only repeat cards (categories, themes, maps, matching, and any later page type) stay out of the
# index. Written as the page's ``search:`` front-matter, which Material reads in any engine.
LOW_BOOST = 0.01


def rank_for_search(out: Output, card_pages: set[str]) -> None:
    """Give every generated page that is not a card page its ``search:`` front-matter (in place)."""
    for path, text in out.items():
        if not path.endswith(".md") or path in card_pages or not isinstance(text, str):
            continue
        if not text.startswith("---\n") or "\nsearch:" in text.split("\n---\n", 1)[0]:
            continue
        overview = path.count("/") == 1 and path.endswith("/index.md")
        rule = f'{{"boost": {LOW_BOOST}}}' if overview else '{"exclude": true}'
        out[path] = f"---\nsearch: {rule}\n{text[4:]}"


def rank_below_cards(meta: dict) -> None:
    """A hand-written page (help, home) ranks below the cards, unless its front-matter says otherwise."""
    search = meta.get("search")
    if search is None:
        meta["search"] = {"boost": LOW_BOOST}
    elif isinstance(search, dict):
        search.setdefault("boost", LOW_BOOST)


@dataclass
class BuildMemory:
    """What one build leaves for the next in the same process (``mkdocs serve``): the cards as
    parsed and their pages; the next build reuses what did not change."""

    parsed: ParsedCards = field(default_factory=ParsedCards)
    card_pages: KeptCardPages = field(default_factory=KeptCardPages)


def generate(root: Path, options: SiteOptions, memory: BuildMemory | None = None) -> tuple[Repository, Output]:
    """Raise :class:`BuurtkaartError` with every error when the data is invalid."""
    repo = load_repository(root, parsed=memory.parsed if memory else None)
    if repo.errors:
        raise BuurtkaartError(repo.errors)
    return repo, render_site(repo, options, memory)


def home_table(repo: Repository) -> str:
    """The locations table that replaces :data:`HOME_MARKER` on the home page."""
    return "\n" + block(locations_index(list(repo.locations.values()), repo.cards_of, prefix=""), "bk-home") + "\n"

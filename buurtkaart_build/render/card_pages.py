"""Each card's pages: its page, its easy-read page and its QR code, made on every CPU of the machine.

Making them is most of the work of a build (the Markdown of the notes, the QR code): ~1 ms a
card. They depend on nothing but the card, its location, its photos and the site's options,
so with ``SiteOptions.workers`` > 1 forked processes make slices of the cards; the pages come
back in the cards' order, so the site is byte for byte the one a single process makes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.models import Card, Location
from ..core.workers import ForkedMap
from .card_page import card_page
from .easy_read import easy_card_page
from .html import add_icons, icons_in_use, recording_icons
from .map_page import mini_map
from .options import SiteOptions
from .qr import QR_SHEET, QrCode, page_address, qr_code, qr_image, view_id

MIN_CARDS_A_WORKER = 250  # below this a process costs more than it saves


@dataclass(frozen=True)
class CardPages:
    page: str  # Markdown source of the card page
    easy: str  # ... of its easy-read page
    code: QrCode | None  # its QR code (None without a site_url)


class CardPagesJob:
    """The pages of each ``(card, location)``, in the same order; started at once, collected by :meth:`result`.

    With workers, forked processes make the pages while this process goes on with the rest of
    the site (matching, maps, agenda): on two CPUs the two overlap.
    """

    def __init__(
        self, cards: list[tuple[Card, Location]], options: SiteOptions, shown, kept: KeptCardPages | None = None
    ) -> None:
        self._cards, self._options, self._shown, self._kept = cards, options, shown, kept
        self._pages: list[CardPages] | None = None

        def make_slice(part: list[tuple[Card, Location]]):
            made = [_pages(card, location, options, shown) for card, location in part]
            return made, icons_in_use()

        self._workers = ForkedMap(make_slice, cards, options.workers, MIN_CARDS_A_WORKER)

    def result(self) -> list[CardPages]:
        if self._pages is not None:
            return self._pages
        if not self._workers.started:
            make = self._kept.pages if self._kept is not None else _pages
            self._pages = [make(card, location, self._options, self._shown) for card, location in self._cards]
            if self._kept is not None:
                self._kept.forget_others({card.path for card, _ in self._cards})
            return self._pages
        pages: list[CardPages] = []
        for made, (names, before) in self._workers.results():
            pages.extend(made)
            add_icons(names, before)  # the stylesheet draws the icons the workers' pages use
        self._pages = pages
        return pages

    def close(self) -> None:
        """Stop the workers (also when the build failed before :meth:`result`)."""
        self._workers.close()


class KeptCardPages:
    """Card pages made by earlier builds of this process (``mkdocs serve``): a card whose inputs
    (the card, its location, the options, its photos) are equal to last time gets them again,
    with the icons they use."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[tuple, CardPages, tuple[frozenset[str], dict[str, str]]]] = {}
        self.reused = 0  # for tests

    def pages(self, card: Card, location: Location, options: SiteOptions, shown) -> CardPages:
        inputs = (card, location, options, tuple(shown(card)))
        kept = self._kept.get(card.path)
        if kept is not None and kept[0] == inputs:
            self.reused += 1
            add_icons(*kept[2])
            return kept[1]
        with recording_icons() as (names, before):
            made = _pages(card, location, options, shown)
        self._kept[card.path] = (inputs, made, (frozenset(names), dict(before)))
        return made

    def forget_others(self, paths: set[str]) -> None:
        self._kept = {path: kept for path, kept in self._kept.items() if path in paths}


def _pages(card: Card, location: Location, options: SiteOptions, shown) -> CardPages:
    edit = options.git.edit_url(card.path) if options.git else None
    code, qr_html = card_qr(options.site_url, card)
    # After the facts: the small map, and (on paper only) the QR code that leads back to the page.
    page = card_page(
        card, location, public=options.public, extra=lambda c: mini_map(c) + qr_html, photos=shown(card), edit_url=edit
    )
    return CardPages(page=page, easy=easy_card_page(card, location, shown(card)), code=code)


def card_qr(site_url: str | None, card: Card) -> tuple[QrCode | None, str]:
    """A card's printed QR code, and the figure that shows it from its location's sheet
    (``<locatie>/qr.svg``); nothing without a ``site_url``."""
    url = page_address(site_url, card.url)
    if url is None:
        return None, ""
    code = qr_code(url)
    src = f"../{QR_SHEET}#{view_id(card.slug)}"
    return code, qr_image(code, url, src, "Deze kaart op de site", cls="bk-qr-figure bk-print-only")

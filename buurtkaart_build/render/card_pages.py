"""Each card's pages: its page, its easy-read page and its QR code, made on every CPU of the machine.

Making them is most of the work of a build (the Markdown of the notes, the QR code): ~1 ms a
card. They depend on nothing but the card, its location, its photos and the site's options,
so with ``SiteOptions.workers`` > 1 forked processes make slices of the cards; the pages come
back in the cards' order, so the site is byte for byte the one a single process makes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass

from ..core.models import Card, Location
from ..core.workers import can_fork, frozen_heap, slices
from .card_page import card_page
from .easy_read import easy_card_page
from .html import add_icons, icons_in_use, recording_icons
from .map_page import mini_map
from .options import SiteOptions
from .photos import Shown
from .qr import QR_SHEET, QrCode, page_address, qr_code, qr_image, view_id

MIN_CARDS_A_WORKER = 250  # below this a process costs more than it saves


@dataclass(frozen=True)
class CardPages:
    page: str  # Markdown source of the card page
    easy: str  # ... of its easy-read page
    code: QrCode | None  # its QR code (None without a site_url)


Job = tuple[list[tuple[Card, Location]], SiteOptions, Callable[[Card], list[Shown]]]
_job: Job | None = None  # what forked workers inherit (set just before the fork)


class CardPagesJob:
    """The pages of each ``(card, location)``, in the same order; started at once, collected by :meth:`result`.

    With workers, forked processes make the pages while this process goes on with the rest of
    the site (matching, maps, agenda): on two CPUs the two overlap.
    """

    def __init__(
        self, cards: list[tuple[Card, Location]], options: SiteOptions, shown, kept: KeptCardPages | None = None
    ) -> None:
        self._job: Job = (cards, options, shown)
        self._kept = kept
        self._pool = None
        self._pending = None
        self._pages: list[CardPages] | None = None
        workers = min(options.workers, len(cards) // MIN_CARDS_A_WORKER)
        if workers >= 2 and can_fork():
            global _job
            _job = self._job  # what the workers inherit
            try:
                with frozen_heap():
                    self._pool = multiprocessing.get_context("fork").Pool(workers)
            finally:
                _job = None
            # Small slices: an even load.
            self._pending = self._pool.map_async(_make_slice, slices(len(cards), workers * 4), chunksize=1)

    def result(self) -> list[CardPages]:
        if self._pages is not None:
            return self._pages
        if self._pool is None:
            cards, options, shown = self._job
            make = self._kept.pages if self._kept is not None else _pages
            self._pages = [make(card, location, options, shown) for card, location in cards]
            if self._kept is not None:
                self._kept.forget_others({card.path for card, _ in cards})
            return self._pages
        try:
            done = self._pending.get()
        finally:
            self.close()
        pages: list[CardPages] = []
        for made, (names, before) in done:
            pages.extend(made)
            add_icons(names, before)  # the stylesheet draws the icons the workers' pages use
        self._pages = pages
        return pages

    def close(self) -> None:
        """Stop the workers (also when the build failed before :meth:`result`)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


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


def _make_slice(bounds: tuple[int, int]) -> tuple[list[CardPages], tuple[frozenset[str], dict[str, str]]]:
    assert _job is not None
    cards, options, shown = _job
    made = [_pages(card, location, options, shown) for card, location in cards[bounds[0] : bounds[1]]]
    return made, icons_in_use()


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

"""The choices a site is built with (plugin options) and the shape of the generated output."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.geo import PDOK_LOCATIESERVER
from .githost import GitHost

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'


@dataclass(frozen=True)
class SiteOptions:
    """Choices made in ``mkdocs.yml`` (plugin options)."""

    public: bool = False  # leave out contact names, phone numbers and e-mail addresses
    tiles_url: str = OSM_TILES
    tiles_attribution: str = OSM_ATTRIBUTION
    # The build's reference time (SOURCE_DATE_EPOCH): "coming" in the agenda, "stale" in the
    # overview. Not the clock, so the same commit builds the same site on any day.
    reference: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    site_url: str | None = None  # mkdocs.yml's site_url: the address in QR codes and feeds
    # The form's address search (PDOK Locatieserver, suggest and free); None = off.
    address_search: str | None = PDOK_LOCATIESERVER
    git: GitHost | None = None  # from repo_url / edit_uri: edit links and the form's way out
    # Processes that make the card pages (render.card_pages); 1: all in this process (serve).
    workers: int = 1


Output = dict[str, str | bytes]  # site path → page text or file bytes

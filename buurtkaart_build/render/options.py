"""The choices a site is built with (plugin options) and the shape of the generated output."""

from __future__ import annotations

from dataclasses import dataclass

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'


@dataclass(frozen=True)
class SiteOptions:
    """Choices made in ``mkdocs.yml`` (plugin options)."""

    public: bool = False  # leave out contact names, phone numbers and e-mail addresses
    tiles_url: str = OSM_TILES
    tiles_attribution: str = OSM_ATTRIBUTION


Output = dict[str, str | bytes]  # site path → page text or file bytes

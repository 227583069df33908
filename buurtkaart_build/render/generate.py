"""Load, validate and render in one call: what the MkDocs plugin and the CLI share."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import BuurtkaartError
from ..core.repository import Repository, load_repository
from .html import block
from .pages import locations_index
from .site import Output, SiteOptions, render_site

HOME_MARKER = "<!-- buurtkaart:locaties -->"


def generate(root: Path, options: SiteOptions) -> tuple[Repository, Output]:
    """Raise :class:`BuurtkaartError` with every error when the data is invalid."""
    repo = load_repository(root)
    if repo.errors:
        raise BuurtkaartError(repo.errors)
    return repo, render_site(repo, options)


def home_table(repo: Repository) -> str:
    """The locations table that replaces :data:`HOME_MARKER` on the home page."""
    return "\n" + block(locations_index(list(repo.locations.values()), repo.cards_of, prefix=""), "bk-home") + "\n"

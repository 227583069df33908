"""Builders of the pages to plan, meet and walk: agenda, action plan, overview, walk kit, poster."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..core.occurrences import window
from ..core.repository import Repository
from ..match.engine import LocationMatches, needs_with_match
from .actionplan import PAGE as PLAN_PAGE
from .actionplan import action_plan_page
from .agenda import agenda_files
from .options import Output, SiteOptions
from .overview import overview_files
from .walkkit import KIT_PAGE, POSTER_PAGE, poster_page, walk_kit_page

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def reference_day(options: SiteOptions) -> dt.date:
    """The build's reference date in the Netherlands."""
    return options.reference.astimezone(AMSTERDAM).date()


def plan_pages(repo: Repository, options: SiteOptions, matches: dict[str, LocationMatches]) -> Output:
    """Action plans and the overview: they share the matches computed once per build."""
    out: Output = {}
    for slug, location in repo.locations.items():
        cards = repo.cards_of(slug)
        out[f"{slug}/{PLAN_PAGE}.md"] = action_plan_page(location, cards, matches[slug], public=options.public)
    matched = {slug: needs_with_match(m) for slug, m in matches.items()}
    out.update(overview_files(repo.locations, repo.cards_of, matched, reference_day(options)))
    return out


def agenda_pages(repo: Repository, options: SiteOptions) -> Output:
    first, last = window(reference_day(options))
    return agenda_files(repo.locations, repo.cards, options.reference, first, last, options.site_url)


def print_pages(repo: Repository, options: SiteOptions) -> Output:
    out: Output = {}
    day = reference_day(options)
    for slug, location in repo.locations.items():
        cards = repo.cards_of(slug)
        out[f"{slug}/{KIT_PAGE}.md"] = walk_kit_page(location, cards, repo.root, options.site_url)
        out[f"{slug}/{POSTER_PAGE}.md"] = poster_page(location, cards, options.site_url, day)
    return out

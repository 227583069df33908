"""Card pages made by several processes are the pages one process makes, in the same order."""

from __future__ import annotations

import multiprocessing

from repo_files import ROOT

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render import card_pages
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site, start_card_pages

SITE_URL = "https://buurtkaart.example.org/"


def test_workers_make_the_same_site_as_one_process(monkeypatch):
    repo = load_repository(ROOT)
    alone = render_site(repo, SiteOptions(site_url=SITE_URL, workers=1))
    forks = []
    real = multiprocessing.get_context

    def spy(method=None):
        forks.append(method)
        return real(method)

    monkeypatch.setattr(card_pages, "MIN_CARDS_A_WORKER", 5)  # the demo's 42 cards are enough for two
    monkeypatch.setattr(multiprocessing, "get_context", spy)
    together = render_site(repo, SiteOptions(site_url=SITE_URL, workers=2))
    assert forks == ["fork", "fork"]  # card pages, and maps, agenda and downloads, by other processes
    assert list(together) == list(alone)
    assert [path for path in alone if together[path] != alone[path]] == []  # incl. the stylesheet's icons


def test_small_sites_make_their_card_pages_in_one_process():
    repo = load_repository(ROOT)
    job = start_card_pages(repo, SiteOptions(site_url=SITE_URL, workers=8))  # 42 cards: below the threshold
    assert not job._workers.started
    assert len(job.result()) == len(repo.cards)


def test_workers_start_before_the_rest_of_the_site_and_stop_when_it_fails(monkeypatch):
    """The card pages are made while the rest of the site is; a failing builder leaves no worker behind."""
    from buurtkaart_build.render import site

    monkeypatch.setattr(card_pages, "MIN_CARDS_A_WORKER", 5)
    seen = []

    def failing_builder(repo, options):
        seen.append([p.name for p in multiprocessing.active_children()])
        raise RuntimeError("builder broke")

    monkeypatch.setattr(site, "BUILDERS", [failing_builder])
    repo = load_repository(ROOT)
    try:
        render_site(repo, SiteOptions(site_url=SITE_URL, workers=2))
    except RuntimeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the builder's error was swallowed")
    assert len(seen[0]) == 2  # the workers were already running while the other pages were made
    assert multiprocessing.active_children() == []

"""Framed pages built after MkDocs' loop (plugin.later_pages) are the pages the loop would build.

Each test builds the demo in this process and compares every file with a build in which the
plugin leaves all pages to MkDocs' loop.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from repo_files import ROOT

import buurtkaart_build.plugin as plugin_module
from buurtkaart_build.core.workers import FewerCollections
from buurtkaart_build.plugin import later_pages, ready_pages
from buurtkaart_build.plugin.frames import FrameCache
from buurtkaart_build.plugin.later_pages import LaterPages
from buurtkaart_build.plugin.serve import PageCache

EDITING = {"repo_url": "https://github.com/voorbeeld/buurtkaart", "edit_uri": "edit/main/docs/"}


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")


def built(tmp_path: Path, name: str, **overrides):
    site = tmp_path / name
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), **EDITING, **overrides)
    build(config)
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    return files, config


@pytest.fixture
def taken(monkeypatch):
    """The pages each build left to the plugin (src_uri), in order."""
    seen: list[list[str]] = []
    real = LaterPages.take

    def spy(self, files, members, config, **kwargs):
        real(self, files, members, config, **kwargs)
        seen.append([page.file.src_uri for page in self.pages])

    monkeypatch.setattr(LaterPages, "take", spy)
    return seen


@pytest.fixture
def all_in_the_loop(tmp_path, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(LaterPages, "take", lambda self, *args, **kwargs: None)
        files, _ = built(tmp_path, "loop")
    return files


def assert_same(site: dict, reference: dict) -> None:
    assert site.keys() == reference.keys()
    assert [path for path in site if site[path] != reference[path]] == []


def test_pages_built_later_are_the_pages_the_loop_builds(tmp_path, all_in_the_loop, taken):
    site, config = built(tmp_path, "later")
    assert_same(site, all_in_the_loop)
    later = taken[-1]
    cards = [path for path in site if path.count("/") == 2 and path.endswith("/index.html")]
    assert len(later) > len(cards)  # card pages and their easy-read pages, all but two of each kind
    assert "de-kastanje/zwembad-het-spetterhuis.md" in later
    sitemap = site["sitemap.xml"].decode()
    assert "/de-kastanje/zwembad-het-spetterhuis/</loc>" in sitemap  # the sitemap still lists them
    assert config.plugins["buurtkaart"].frames.rendered < len(later) / 4


def test_forked_workers_build_the_same_pages(tmp_path, monkeypatch, all_in_the_loop, taken):
    forks = []
    real = multiprocessing.get_context

    def spy(method=None):
        forks.append(method)
        return real(method)

    monkeypatch.setattr(later_pages, "MIN_PAGES_A_WORKER", 5)  # the demo's pages are enough for two
    monkeypatch.setattr(ready_pages, "MIN_PAGES_A_WORKER", 5)  # ... and for search texts by workers
    monkeypatch.setattr(multiprocessing, "get_context", spy)
    monkeypatch.setattr("buurtkaart_build.plugin.available_cpus", lambda: 2)
    monkeypatch.setattr("buurtkaart_build.render.card_pages.MIN_CARDS_A_WORKER", 10_000)  # not these
    here = []
    real_text = plugin_module.search_text
    monkeypatch.setattr(plugin_module, "search_text", lambda html: here.append(html) or real_text(html))
    site, config = built(tmp_path, "workers")
    assert forks == ["fork", "fork", "fork"]  # maps and downloads, search texts, then the pages built later
    assert here == []  # every search text came from the workers
    assert taken[-1]
    assert_same(site, all_in_the_loop)  # incl. the sprite of theme icons the workers' pages use


def test_a_warning_in_a_worker_is_shown_once_and_fails_a_strict_build(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(later_pages, "MIN_PAGES_A_WORKER", 5)
    monkeypatch.setattr("buurtkaart_build.plugin.available_cpus", lambda: 2)
    real = FrameCache.render

    def render(self, env, context, page):
        if page.file.src_uri == "de-kastanje/zwembad-het-spetterhuis.md":
            logging.getLogger("mkdocs.plugins.test").warning("let op: %s", page.file.src_uri)
        return real(self, env, context, page)

    monkeypatch.setattr(FrameCache, "render", render)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="1 warnings in strict mode"):
        built(tmp_path, "strict", strict=True)
    shown = [r.getMessage() for r in caplog.records if r.getMessage().startswith("let op")]
    assert shown == ["let op: de-kastanje/zwembad-het-spetterhuis.md"]


class SeesEveryPage(BasePlugin):
    def __init__(self) -> None:
        self.seen: list[str] = []

    def on_post_page(self, output, page, config):
        self.seen.append(page.file.src_uri)
        return output


def test_another_plugin_that_sees_pages_keeps_every_page_in_the_loop(tmp_path, taken):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    other = SeesEveryPage()
    config.plugins["sees-every-page"] = other
    build(config)
    assert taken[-1] == []
    assert "de-kastanje/zwembad-het-spetterhuis.md" in other.seen
    pages = list((tmp_path / "site").rglob("index.html"))
    assert len(other.seen) == len(pages)


@pytest.fixture
def serving_plugin():
    """The plugin instance MkDocs keeps for this process, back to building when the test ends."""
    yield
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins["buurtkaart"].cache = PageCache()


def test_serve_writes_kept_pages_as_a_fresh_build_would(tmp_path, serving_plugin):
    """While serving, pages unchanged since the last build are only written, and the site is
    the one a first build of the changed data makes."""
    import shutil

    project = tmp_path / "project"
    for folder in ("cards", "inventory", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    card = project / "cards" / "de-kastanje" / "zwembad-het-spetterhuis.md"

    def serve_build(site: Path):
        # As mkdocs serve: a new config each build; MkDocs keeps the plugin instance (on_startup).
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
        return files, config.plugins["buurtkaart"]

    _, plugin = serve_build(tmp_path / "served")
    card.write_text(card.read_text(encoding="utf-8").replace("titel: ", "titel: Vernieuwd ", 1), encoding="utf-8")
    rebuilt, plugin = serve_build(tmp_path / "served")
    assert len(plugin.cache.hits) > 50  # most pages were kept, not made again
    assert plugin.memory.parsed.reused >= 40  # the unchanged cards were not parsed again
    assert plugin.memory.card_pages.reused >= 40  # nor their pages made again
    plugin.cache = PageCache()  # a first build: nothing kept
    fresh, _ = serve_build(tmp_path / "fresh")
    assert not plugin.cache.hits
    assert_same(rebuilt, fresh)
    assert "Vernieuwd Zwembad" in rebuilt["de-kastanje/zwembad-het-spetterhuis/index.html"].decode()


def test_serve_dirty_writes_only_what_changed_and_removes_what_went(tmp_path, serving_plugin, caplog):
    """``mkdocs serve --dirty`` keeps the site folder: unchanged pages are not written again,
    a removed card's pages disappear, and the site is the one a fresh build makes."""
    import shutil

    project = tmp_path / "project"
    for folder in ("cards", "inventory", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    changed = project / "cards" / "de-kastanje" / "zwembad-het-spetterhuis.md"
    removed = project / "cards" / "de-kastanje" / "warme-bakker-korstje.md"

    def serve_build(site: Path, *, dirty: bool):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=dirty)
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    site = tmp_path / "served"
    serve_build(site, dirty=True)
    kept = site / "de-kastanje" / "makkelijk-lezen" / "kapsalon-het-zilveren-schaartje" / "index.html"
    before = kept.stat().st_mtime_ns
    assert (site / "de-kastanje" / "warme-bakker-korstje" / "index.html").is_file()
    changed.write_text(changed.read_text(encoding="utf-8").replace("titel: ", "titel: Vernieuwd ", 1), encoding="utf-8")
    removed.unlink()
    with caplog.at_level(logging.INFO):
        rebuilt = serve_build(site, dirty=True)
    assert not [r for r in caplog.records if "dirty" in r.getMessage()]  # MkDocs' "inaccurate" warning: not so here
    assert kept.stat().st_mtime_ns == before  # not written again
    assert "Vernieuwd Zwembad" in rebuilt["de-kastanje/zwembad-het-spetterhuis/index.html"].decode()
    assert not (site / "de-kastanje" / "warme-bakker-korstje").exists()
    load_config(str(project / "mkdocs.yml")).plugins["buurtkaart"].cache = PageCache()
    fresh = serve_build(tmp_path / "fresh", dirty=False)
    assert_same(rebuilt, fresh)


def test_the_collector_runs_less_during_a_build_and_as_before_after_it(tmp_path, monkeypatch):
    during = []
    real = LaterPages.build

    def spy(self, *args, **kwargs):
        during.append(gc.get_threshold())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(LaterPages, "build", spy)
    before = gc.get_threshold()
    built(tmp_path, "site")
    assert during == [FewerCollections.THRESHOLDS] and gc.get_threshold() == before
    monkeypatch.setattr(LaterPages, "build", lambda self, *args, **kwargs: 1 / 0)  # a build that fails
    with pytest.raises(ZeroDivisionError):
        built(tmp_path, "failed")
    assert gc.get_threshold() == before

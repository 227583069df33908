"""Framed pages (plugin.frames) are byte for byte what the theme's template makes of them.

Each test builds the demo twice in this process, with and without frames, and compares every
file of the two sites. Edit addresses are switched on (``repo_url``), so the edit slot is filled
too; the theme variants show that a frame the theme does not allow is never used.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from repo_files import ROOT

from buurtkaart_build.plugin.frames import FrameCache

EDITING = {"repo_url": "https://github.com/voorbeeld/buurtkaart", "edit_uri": "edit/main/docs/"}


def site_of(tmp_path: Path, name: str, *, theme_dir: Path | None = None, **overrides) -> tuple[dict, FrameCache]:
    """Every file of the built demo (path → bytes), and the frames of that build.

    (MkDocs keeps one plugin instance per process for plugins with ``on_startup``; the plugin
    starts a new :class:`FrameCache` for every build.)"""
    site = tmp_path / name
    if theme_dir is not None:
        theme = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
        overrides["theme"] = {**theme, "custom_dir": str(theme_dir)}
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), **EDITING, **overrides)
    build(config)
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    return files, config.plugins["buurtkaart"].frames


@pytest.fixture
def without_frames(monkeypatch):
    def build_without(tmp_path: Path, name: str, **kwargs):
        with monkeypatch.context() as patch:
            patch.setattr(FrameCache, "enrol", lambda self, page, content: None)
            return site_of(tmp_path, name, **kwargs)

    return build_without


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")


def assert_same_sites(framed: dict, rendered: dict) -> None:
    assert framed.keys() == rendered.keys()
    different = [path for path in framed if framed[path] != rendered[path]]
    assert different == []


def test_framed_pages_are_what_the_theme_makes_of_them(tmp_path, without_frames):
    framed, frames = site_of(tmp_path, "framed")
    rendered, _ = without_frames(tmp_path, "rendered")
    assert_same_sites(framed, rendered)
    cards = sum(1 for path in framed if path.count("/") == 2 and path.endswith("/index.html"))
    assert len(frames.members) > cards  # card pages, their easy-read versions, category pages, ...
    assert frames.rendered < len(frames.members) / 4  # most members never went through the template
    assert not any(family.off for family in frames.families.values())
    edit = f'href="{EDITING["repo_url"]}/edit/main/cards/de-kastanje/zwembad-het-spetterhuis.md"'
    assert edit in framed["de-kastanje/zwembad-het-spetterhuis/index.html"].decode()


def test_a_theme_that_writes_the_page_address_gets_every_page_rendered(tmp_path, without_frames):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}<meta name="bk-test" content="{{ page.url }}">{% endblock %}',
        encoding="utf-8",
    )
    framed, frames = site_of(tmp_path, "framed", theme_dir=theme)
    rendered, _ = without_frames(tmp_path, "rendered", theme_dir=theme)
    assert_same_sites(framed, rendered)
    assert frames.rendered == len(frames.members)  # the second page of each kind tells
    sizes = Counter(frames.members.values())
    assert all(frames.families[key].off for key, size in sizes.items() if size >= 2)


def test_a_theme_that_escapes_the_title_again_gets_no_frame(tmp_path, without_frames):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}{% if page %}'
        '<meta name="bk-title" content="{{ page.meta.title | e }}">{% endif %}{% endblock %}',
        encoding="utf-8",
    )
    framed, frames = site_of(tmp_path, "framed", theme_dir=theme)
    rendered, _ = without_frames(tmp_path, "rendered", theme_dir=theme)
    assert_same_sites(framed, rendered)
    assert frames.families and all(f.frame is None for f in frames.families.values())

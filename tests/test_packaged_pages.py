"""Help that upgrades with the package: the pages, the templates page, the navigation, and a
repository's own page winning over the packaged one."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from repo_files import INVENTORY, ROOT, mkdocs_build, write_repo

from buurtkaart_build.core.models import CATEGORIES
from buurtkaart_build.core.templates import inventory_template, template_text
from buurtkaart_build.render.help import (
    DEFAULT_NAV,
    HELP_NAV,
    TEMPLATES_PAGE,
    help_pages,
    packaged_pages,
    templates_page,
)

PACKAGED_HELP = ROOT / "buurtkaart_build" / "data" / "help"


def _nav_targets(nav: list) -> list[str]:
    out = []
    for entry in nav:
        (value,) = entry.values()
        out += _nav_targets(value) if isinstance(value, list) else [value]
    return out


def test_every_help_page_is_in_the_navigation_and_every_help_entry_is_a_page():
    assert sorted(_nav_targets(HELP_NAV)) == sorted(help_pages())


def test_this_repositorys_nav_is_the_default_one():
    # This repository keeps its nav in mkdocs.yml; a new repository gets the plugin's. They must
    # not drift apart: a page added to one belongs in the other.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["nav"] == DEFAULT_NAV


def test_the_help_pages_left_this_repositorys_docs_folder():
    assert not (ROOT / "docs" / "help").exists()
    assert sorted(p.name for p in PACKAGED_HELP.glob("*.md")) == sorted(
        Path(p).name for p in help_pages() if p != TEMPLATES_PAGE
    )


def test_the_templates_page_shows_every_template_whole():
    page = templates_page()
    for category, label in CATEGORIES.items():
        assert f"## {label}" in page
        assert template_text(category).rstrip() in page
    assert inventory_template().rstrip() in page
    for target in re.findall(r"\]\(([^)]+)\)", page):
        assert f"help/{target}" in help_pages(), target


def test_the_default_home_page_has_the_locations_table():
    assert "<!-- buurtkaart:locaties -->" in packaged_pages()["index.md"]


SAMEN_OP_PAD = "# Samen op pad, zoals wij het doen\n\nOnze eigen uitleg.\n"


def test_a_new_repository_gets_every_page_and_can_replace_one(tmp_path: Path):
    project = write_repo(
        tmp_path / "repo",
        {
            "mkdocs.yml": "site_name: Proef\ntheme:\n  name: material\n  language: nl\nplugins:\n  - buurtkaart\n",
            "inventory/test.md": INVENTORY,
            "docs/help/samen-op-pad.md": SAMEN_OP_PAD,
        },
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    own = (site / "help" / "samen-op-pad" / "index.html").read_text(encoding="utf-8")
    assert "Onze eigen uitleg." in own and "bk-a6" not in own
    errors = (site / "help" / "foutmeldingen" / "index.html").read_text(encoding="utf-8")
    assert "Foutmeldingen begrijpen" in errors
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="test/"' in home  # the locations table on the packaged home page
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    for label in ("Locaties", "Kaart", "Zo werkt de Buurtkaart", "Sjablonen", "Foutmeldingen begrijpen"):
        assert label in nav, label
    for page in help_pages():
        assert (site / page.removesuffix(".md") / "index.html").is_file(), page
    assert '<div class="admonition' in (site / "help" / "vondst-toevoegen" / "index.html").read_text(encoding="utf-8")

"""A real ``mkdocs build``: of the demo, of broken data, twice for determinism."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from repo_files import ROOT, write_repo

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("demo") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_demo_has_every_page_type(demo_site):
    for url in [
        "",
        "locaties",
        "tags",
        "de-kastanje",
        "de-kastanje/bedrijven",
        "de-kastanje/ontmoeten",
        "de-kastanje/organisaties",
        "de-kastanje/activiteiten",
        "de-kastanje/warme-bakker-korstje",
    ]:
        assert (demo_site / url / "index.html").is_file(), url


def test_home_lists_the_location_with_counts(demo_site):
    home = page(demo_site, "")
    assert '<a href="de-kastanje/">Woonlocatie De Kastanje</a>' in home
    assert "Van binnen naar buiten" in home


def test_card_page_shows_answers_links_and_distance(demo_site):
    html = page(demo_site, "de-kastanje/buurthuis-de-vlinderbrug")
    order = [
        "Wat doen ze?",
        "Doen ze al iets voor de buurt?",
        "Kennen ze ons al?",
        "Is het bereikbaar en toegankelijk?",
        "Contactgegevens",
    ]
    positions = [html.index(f"<h2>{q}</h2>") for q in order]
    assert positions == sorted(positions)
    assert '<a href="tel:0612345601">0612345601</a>' in html
    assert '<a href="mailto:info@example.org">info@example.org</a>' in html
    assert "Rolstoeltoegankelijk: <strong>deels</strong>" in html
    assert "270 m van Woonlocatie De Kastanje" in html
    assert "Gevonden op 14 maart 2026" in html


def test_card_pages_stay_out_of_the_navigation(demo_site):
    html = page(demo_site, "de-kastanje/warme-bakker-korstje")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>", html.index("md-nav--primary"))]
    assert "Warme Bakker Korstje" not in nav
    assert "Buurthuis" not in nav


def test_category_page_sorted_by_distance(demo_site):
    html = page(demo_site, "de-kastanje/bedrijven")
    assert html.index("Buurtsuper De Boodschappenmand") < html.index("Klaverblad Logistiek")


def test_dutch_search_with_stemming_and_no_google_fonts(demo_site):
    config = (demo_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["nl"]' in config.replace(" ", "")
    assert "stemmer" in config
    home = page(demo_site, "")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert '<html lang="nl"' in home


def broken_project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "inventory", tmp_path / "inventory")
    shutil.copytree(ROOT / "cards", tmp_path / "cards")
    return write_repo(tmp_path, {"cards/de-kastanje/kapot.md": "---\ntitel: Kapot\ncategorie: winkels\n---\n"})


def test_invalid_card_fails_the_build_with_the_same_message(tmp_path):
    project = broken_project(tmp_path)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "cards/de-kastanje/kapot.md:3: fout [categorie]: onbekende categorie 'winkels'. "
        "Kies uit: ontmoeten, organisaties, bedrijven, activiteiten."
    ) in result.stderr
    assert not (tmp_path / "site").exists()


def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    project = broken_project(tmp_path)
    site = tmp_path / "site"
    (site / "de-kastanje").mkdir(parents=True)
    (site / "de-kastanje" / "index.html").write_text("vorige versie")
    assert mkdocs_build(project, site).returncode != 0
    assert (site / "de-kastanje" / "index.html").read_text() == "vorige versie"


def test_a_hand_written_page_is_never_overwritten(tmp_path):
    project = broken_project(tmp_path)
    (project / "cards/de-kastanje/kapot.md").unlink()
    write_repo(project, {"docs/de-kastanje/index.md": "# Mijn eigen pagina\n"})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/de-kastanje/index.md bestaat al, maar de Buurtkaart maakt die pagina zelf." in result.stderr


def test_two_builds_are_byte_identical(demo_site, tmp_path):
    second = tmp_path / "site"
    assert mkdocs_build(ROOT, second).returncode == 0
    comparison = filecmp.dircmp(demo_site, second)
    assert _all_same(comparison)


def _all_same(cmp: filecmp.dircmp) -> bool:
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(_all_same(sub) for sub in cmp.subdirs.values())

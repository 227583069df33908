"""A real ``mkdocs build``: of the demo, of broken data, twice for determinism."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from repo_files import ROOT, mkdocs_build, write_repo

from buurtkaart_build.core.history import last_commit_time

DEMO_CARDS = sorted((ROOT / "cards").glob("[!_]*/*.md"))  # not the templates in cards/_sjablonen

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


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


# mkdocs with the clock moved to another day: what the same commit built next week would see.
LATER = """
import datetime, sys
import mkdocs.utils
class _Later(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime(2031, 7, 15, 12, 0, tzinfo=tz)
mkdocs.utils.datetime = _Later
from mkdocs.__main__ import cli
sys.exit(cli())
"""


def test_a_build_on_another_day_is_byte_identical(tmp_path):
    # MkDocs dates every page with the build day (the sitemap's <lastmod>, the mtime in the
    # header of sitemap.xml.gz) unless SOURCE_DATE_EPOCH is set; the plugin sets it to the
    # newest commit's time, so the same commit gives the same site on any day.
    env = {k: v for k, v in ENV.items() if k != "SOURCE_DATE_EPOCH"}
    today, later = tmp_path / "today", tmp_path / "later"
    args = ["build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    for code, site in ((["-m", "mkdocs"], today), (["-c", LATER], later)):
        result = subprocess.run(
            [sys.executable, *code, *args, "-d", str(site)], capture_output=True, text=True, env=env, timeout=300
        )
        assert result.returncode == 0, result.stderr
    assert _all_same(filecmp.dircmp(today, later))
    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True)
    if commit.returncode == 0:  # a checkout with history: the date is the commit's
        mtime = int.from_bytes((today / "sitemap.xml.gz").read_bytes()[4:8], "little")
        assert dt.datetime.fromtimestamp(mtime, dt.UTC).date().isoformat() == commit.stdout.strip()


def test_outside_git_there_is_no_commit_time(tmp_path):
    assert last_commit_time(tmp_path) is None
    assert last_commit_time(ROOT) is None or last_commit_time(ROOT) > 1_700_000_000


def test_a_typical_card_page_is_at_most_10_kb_of_html(demo_site):
    # Icons come from the site's one cached stylesheet and the theme's from one sprite, not as
    # inline SVG per use (issue 14: a card page was 18 KB, 6.9 KB of it inline SVG).
    sizes = sorted((demo_site / card.parent.name / card.stem / "index.html").stat().st_size for card in DEMO_CARDS)
    assert sizes[len(sizes) // 2] <= 10 * 1024, sizes


def test_icons_are_drawn_by_the_shared_stylesheet_and_sprite(demo_site):
    css = (demo_site / "assets/buurtkaart/buurtkaart-site.css").read_text(encoding="utf-8")
    for name in ("wheelchair", "check-circle", "domain", "tag"):
        assert f'.bk-i-{name} {{ --bk-i: url("data:image/svg+xml,' in css
    sprite = (demo_site / "assets/i.svg").read_text(encoding="utf-8")
    home = page(demo_site, "")
    for ref in re.findall(r'<use href="assets/i\.svg#(\w+)"/>', home):
        assert f'<symbol id="{ref}" ' in sprite
    assert "<use href=" in home and "<svg xmlns" not in home.split("<body", 1)[1]


def test_demo_plans_meets_and_walks(demo_site):
    """The agenda, action plan, overview, walk kit and poster of the demo, and feeds a calendar reads."""
    from icalendar import Calendar

    for url in ["agenda", "overzicht", *(f"de-kastanje/{p}" for p in ("agenda", "actieplan", "op-pad", "poster"))]:
        assert (demo_site / url / "index.html").is_file(), url
    for feed in ["agenda.ics", "de-kastanje/agenda.ics"]:
        events = Calendar.from_ical((demo_site / feed).read_bytes()).walk("VEVENT")
        uids = [str(e["UID"]) for e in events]
        assert len(events) >= 10 and len(set(uids)) == len(uids)
        assert any("RRULE" in e for e in events)  # the weekly and monthly activities
        assert any(str(e["SUMMARY"]).startswith("Koningsdag: ") for e in events)
    assert (demo_site / "overzicht.csv").read_text(encoding="utf-8-sig").startswith("locatie;naam;vondsten;")
    matching = page(demo_site, "de-kastanje/vraag-en-aanbod")
    assert '<a href="../actieplan/">actieplan</a>' in matching

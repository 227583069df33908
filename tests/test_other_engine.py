"""The demo built by a second engine from ``buurtkaart render`` output: ProperDocs + Material.

ProperDocs is the maintained fork of MkDocs 1.x. It lives in its own virtual environment
(``make setup`` makes ``.venv-properdocs``), so it never meets the MkDocs this project runs on;
without that environment these tests are skipped. No plugin runs there: the pages come from
``buurtkaart render --uit`` (``<name>/index.md``, home table filled in), next to ``docs/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from repo_files import ROOT, invoke
from test_links import _Page, broken

from buurtkaart_build.render.help import DEFAULT_NAV
from buurtkaart_build.render.html import ASSET_DIR
from buurtkaart_build.render.site import stylesheet_names

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"

pytestmark = pytest.mark.skipif(
    not PROPERDOCS.is_file(), reason=f"{PROPERDOCS} is missing: run 'make setup' (ProperDocs in its own venv)"
)


def engine_project(target: Path) -> Path:
    """docs/ plus the render output, and mkdocs.yml without the plugin (what the README describes)."""
    out = target / "uit"
    result = invoke("render", "--root", ROOT, "--uit", out)
    assert result.exit_code == 0, result.output
    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(out, docs, dirs_exist_ok=True)
    (docs / ".buurtkaart-gegenereerd").unlink()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "buurtkaart" in p)]
    config["extra_css"] = [f"{ASSET_DIR}/{name}" for name in stylesheet_names()]
    config["nav"] = _index_pages(config.get("nav") or DEFAULT_NAV, docs)
    in_nav = set(_leaves(config["nav"]))
    pages = (p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*.md")))
    config["not_in_nav"] = "\n".join(f"/{page}" for page in pages if page not in in_nav)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _index_pages(nav, docs: Path):
    """A nav entry ``locaties.md`` is ``locaties/index.md`` in the render output."""
    if isinstance(nav, list):
        return [_index_pages(item, docs) for item in nav]
    if isinstance(nav, dict):
        return {key: _index_pages(value, docs) for key, value in nav.items()}
    if isinstance(nav, str) and not (docs / nav).is_file() and (docs / nav[:-3] / "index.md").is_file():
        return nav[:-3] + "/index.md"
    return nav


def _leaves(nav):
    if isinstance(nav, list):
        for item in nav:
            yield from _leaves(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _leaves(value)
    else:
        yield nav


@pytest.fixture(scope="module")
def engine_site(tmp_path_factory) -> Path:
    project = engine_project(tmp_path_factory.mktemp("properdocs"))
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_properdocs_builds_every_page_type(engine_site):
    for url in [
        "",
        "locaties",
        "de-kastanje",
        "de-kastanje/bedrijven",
        "de-kastanje/kaart",
        "de-kastanje/vraag-en-aanbod",
    ]:
        assert (engine_site / url / "index.html").is_file(), url
    card = (engine_site / "de-kastanje/warme-bakker-korstje/index.html").read_text(encoding="utf-8")
    assert "bk-card" in card and '<i class="bk-i-' in card
    home = (engine_site / "index.html").read_text(encoding="utf-8")
    assert 'href="de-kastanje/"' in home  # the locations table, filled in by render


def test_every_link_in_the_properdocs_site_leads_somewhere(engine_site):
    pages = {}
    for file in sorted(engine_site.rglob("*.html")):
        page = _Page()
        page.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(engine_site).as_posix()] = page
    checked, problems = 0, []
    for source, page in pages.items():
        for url in page.urls:
            checked += 1
            if why := broken(engine_site, pages, source, url):
                problems.append(why)
    assert checked > 1000
    assert problems == []

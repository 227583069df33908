"""No broken internal link in the built demo: every href and src leads to a file, every #fragment
to an id on the page it points at.

Covered: every ``.html`` file (pages and map files), the stylesheets' ``url()``, the targets the
map script builds from its data (popup links, ``kaart.html#vondst=<slug>``) and the search
index's locations. Links with a scheme (http, https, mailto, tel, data) are not followed: the
site is served on an intranet and the outside world is not ours to check.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from buurtkaart_build.render.maps import DATA_ID

URL_ATTRIBUTES = {"href", "src", "data", "poster"}


class _Page(HTMLParser):
    """The ids of a page and every URL it links to or loads."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.urls.append(value)
            elif name == "srcset":
                self.urls += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


@pytest.fixture(scope="module")
def site(demo_site: Path) -> Path:
    return demo_site


@pytest.fixture(scope="module")
def pages(site) -> dict[str, _Page]:
    """Every HTML file by its path below the site, parsed."""
    parsed = {}
    for file in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(file.read_text(encoding="utf-8"))
        parsed[file.relative_to(site).as_posix()] = page
    return parsed


def resolve(source: str, url: str) -> tuple[str, str] | None:
    """(site path of the target file, fragment) of a link on ``source``; None for outside links."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return source, unquote(parts.fragment)
    folder = [] if parts.path.startswith("/") else list(PurePosixPath(source).parent.parts)
    segments = folder + unquote(parts.path).split("/")
    stack: list[str] = []
    for segment in segments:
        if segment == "..":
            if not stack:
                return "<outside the site>", ""
            stack.pop()
        elif segment not in ("", "."):
            stack.append(segment)
    target = "/".join(stack)
    if parts.path.endswith("/") or not PurePosixPath(target).suffix:
        target = f"{target}/index.html".lstrip("/")
    return target, unquote(parts.fragment)


def broken(site: Path, pages: dict[str, _Page], source: str, url: str) -> str | None:
    """Why the link is broken, or None."""
    resolved = resolve(source, url)
    if resolved is None:
        return None
    target, fragment = resolved
    if not (site / target).is_file():
        return f"{source}: {url} → {target} does not exist"
    if fragment and target.endswith("kaart.html") and fragment.startswith("vondst="):
        slugs = _map_slugs(site / target)
        return None if fragment.removeprefix("vondst=") in slugs else f"{source}: {url} → no such finding on the map"
    if fragment and target.endswith(".html") and fragment not in pages[target].ids:
        return f"{source}: {url} → no id '{fragment}' in {target}"
    return None


def _map_data(file: Path) -> dict:
    text = file.read_text(encoding="utf-8")
    return json.loads(re.search(rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', text, re.S)[1])


def _map_slugs(file: Path) -> set[str]:
    return {f["properties"]["slug"] for f in _map_data(file)["vondsten"]["features"]}


def test_every_link_in_every_page_leads_somewhere(site, pages):
    checked = 0
    problems = []
    for source, page in pages.items():
        for url in page.urls:
            checked += 1
            if why := broken(site, pages, source, url):
                problems.append(why)
    assert checked > 1000
    assert problems == []


def test_stylesheets_load_only_files_that_exist(site, pages):
    problems = []
    for css in sorted(site.rglob("*.css")):
        source = css.relative_to(site).as_posix()
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            resolved = resolve(source, url.strip())
            if resolved and not (site / resolved[0]).is_file():
                problems.append(f"{source}: {url}")
    assert problems == []


def test_links_the_map_script_builds_lead_somewhere(site, pages):
    # buurtkaart-map.js links a popup to "../<slug>/" (finding) or to the location's url.
    problems = []
    maps = sorted(site.rglob("kaart.html"))
    assert maps
    for file in maps:
        source = file.relative_to(site).as_posix()
        data = _map_data(file)
        urls = [f"../{f['properties']['slug']}/" for f in data["vondsten"]["features"]]
        urls += [loc["url"] for loc in data["locaties"]]
        problems += [why for url in urls if (why := broken(site, pages, source, url))]
    assert problems == []


def test_search_results_lead_somewhere(site, pages):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = [why for doc in index["docs"] if (why := broken(site, pages, "index.html", doc["location"] or "./"))]
    assert len(index["docs"]) > 40
    assert problems == []


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        ("de-kastanje/index.html", "kaart/", ("de-kastanje/kaart/index.html", "")),
        ("de-kastanje/x/index.html", "../../tags/#tag-koffie", ("tags/index.html", "tag-koffie")),
        ("index.html", "#top", ("index.html", "top")),
        ("help/a/index.html", "/assets/x.css", ("assets/x.css", "")),
        ("index.html", "https://example.org/", None),
        ("index.html", "mailto:a@example.org", None),
        ("index.html", "../boven", ("<outside the site>", "")),
        ("index.html", "./", ("index.html", "")),
    ],
)
def test_resolve(source, url, expected):
    assert resolve(source, url) == expected


def test_a_broken_link_is_found(site, pages):
    assert broken(site, pages, "index.html", "de-kastanje/bestaat-niet/")
    assert broken(site, pages, "index.html", "tags/#tag-bestaat-niet")
    assert broken(site, pages, "de-kastanje/x/index.html", "../kaart/kaart.html#vondst=bestaat-niet")
    assert broken(site, pages, "index.html", "tags/#tag-koffie") is None

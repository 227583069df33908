"""Map files and map pages: escaping, size at scale, offline assets, determinism."""

from __future__ import annotations

import json
import re

import pytest
from repo_files import INVENTORY, card_text, write_repo

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.html import ASSET_DIR
from buurtkaart_build.render.map_page import location_map_page, map_assets, mini_map, overview_page
from buurtkaart_build.render.maps import (
    DATA_ID,
    location_map,
    location_map_data,
    overview_map,
    safe_attribution,
    script_json,
)
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site

HOSTILE_TITLES = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "Café `whoami` </script><script>alert(2)</script>",
]


def card(title: str, lat: float, lon: float, category: str = "bedrijven") -> str:
    return card_text(json.dumps(title), categorie=category, coordinaten=f"[{lat}, {lon}]")


def map_data(html: str) -> dict:
    """The JSON inside the map file's data element."""
    match = re.search(rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', html, re.S)
    assert match, "no data element"
    return json.loads(match[1])


@pytest.fixture
def hostile(repo_dir):
    files = {f"cards/test/vondst-{i}.md": card(t, 52.504 + i / 1000, 6.1) for i, t in enumerate(HOSTILE_TITLES)}
    files["cards/test/zonder-plek.md"] = "---\ntitel: Zonder plek\ncategorie: ontmoeten\n---\n"
    repo = load_repository(repo_dir(files))
    assert not repo.errors, repo.errors
    return repo


def test_hostile_titles_stay_data_in_the_map_file(hostile):
    html = location_map(hostile.locations["test"], hostile.cards_of("test"), SiteOptions())
    assert "<img" not in html
    assert "onerror" not in html.replace("onerror=alert(1)", "")  # only inside the escaped JSON text
    assert html.count("<script") == html.count("</script>") == 6  # 4 scripts (Leaflet, 2 plugins, ours), data, start
    assert "${" not in html.split(f'id="{DATA_ID}"')[0]  # no template string anywhere before the data
    titles = [f["properties"]["titel"] for f in map_data(html)["vondsten"]["features"]]
    assert sorted(titles) == sorted(HOSTILE_TITLES)


def test_script_json_cannot_close_a_script_or_break_a_line():
    text = script_json({"t": "</script><!-- & \u2028 \u2029 >"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"t": "</script><!-- & \u2028 \u2029 >"}


def test_hostile_titles_are_escaped_in_the_map_page_table(hostile):
    page = location_map_page(hostile.locations["test"], hostile.cards_of("test"))
    assert "<img" not in page and "<script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_tile_settings_are_sanitised_and_escaped(hostile):
    options = SiteOptions(
        tiles_url="https://tiles.example/{z}/{x}/{y}.png?</script><script>alert(1)//",
        tiles_attribution='Kaartgegevens © <a href="javascript:alert(1)" onclick="x()">Kadaster</a><img src=x>',
    )
    html = location_map(hostile.locations["test"], hostile.cards_of("test"), options)
    assert "</script><script>alert(1)" not in html
    assert "javascript:" not in html and "onclick" not in html and "<img" not in html
    assert safe_attribution('<a href="https://kadaster.nl">Kadaster</a>') == (
        '<a href="https://kadaster.nl" rel="noopener noreferrer">Kadaster</a>'
    )


def test_map_file_loads_only_local_assets(hostile):
    html = location_map(hostile.locations["test"], hostile.cards_of("test"), SiteOptions())
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(u.startswith("../../assets/buurtkaart/") for u in urls), urls
    for forbidden in ("cdn.", "jquery", "bootstrap", "font-awesome", "fontawesome", "googleapis"):
        assert forbidden not in html
    assert "user-scalable=no" not in html
    assert '<html lang="nl">' in html


def test_map_file_is_deterministic(hostile):
    first = location_map(hostile.locations["test"], hostile.cards_of("test"), SiteOptions())
    second = location_map(hostile.locations["test"], hostile.cards_of("test"), SiteOptions())
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first)  # none of folium's random element ids


def test_map_data_is_geojson_with_longitude_first(hostile):
    data = location_map_data(hostile.locations["test"], hostile.cards_of("test"))
    first = data["vondsten"]["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [6.1, 52.504]}
    assert first["properties"]["afstand"] == "130 m"
    assert data["nietOpKaart"] == 1
    assert data["locaties"][0]["aantallen"] == {"ontmoeten": 1, "organisaties": 0, "bedrijven": 3, "activiteiten": 0}


def test_map_page_table_by_distance_and_findings_without_coordinates(hostile):
    page = location_map_page(hostile.locations["test"], hostile.cards_of("test"))
    assert '<iframe class="bk-map-frame" title="Kaart van Woonlocatie Test" src="kaart.html"' in page
    rows = re.findall(r'<tr><td data-label="Vondst en adres"><a href="../(vondst-\d)/">', page)
    assert rows == ["vondst-0", "vondst-1", "vondst-2"]
    assert '<td data-label="Afstand">' in page  # a phone stacks the cells with their column label
    missing = page.split('id="nog-niet-op-de-kaart"')[1]
    assert '<a href="../zonder-plek/">Zonder plek</a>' in missing


def test_overview_page_links_each_location_map(hostile):
    locations = list(hostile.locations.values())
    page = overview_page(locations, hostile.cards_of)
    assert '<td data-label="Locatie"><a href="../test/kaart/">Woonlocatie Test</a></td>' in page
    data = map_data(overview_map(locations, hostile.cards_of, SiteOptions()))
    assert [(loc["slug"], loc["url"], loc["straal"]) for loc in data["locaties"]] == [("test", "../test/kaart/", 1000)]


def test_mini_map_is_small_and_only_for_cards_with_coordinates(hostile):
    placed = next(c for c in hostile.cards if c.coordinaten)
    html = mini_map(placed)
    assert f'src="../kaart/kaart.html#vondst={placed.slug}"' in html
    assert len(html.encode("utf-8")) <= 1024
    assert mini_map(next(c for c in hostile.cards if not c.coordinaten)) == ""


def test_site_contains_map_pages_files_exports_and_assets(hostile):
    out = render_site(hostile, SiteOptions())
    for path in ("kaart.md", "kaart/kaart.html", "test/kaart.md", "test/kaart/kaart.html"):
        assert path in out
    assert "test/export/test.geojson" in out and "test/export/test.csv" in out
    assert "../kaart/kaart.html#vondst=vondst-0" in out["test/vondst-0.md"]


def test_vendored_assets_with_licences_and_no_pages():
    assets = map_assets(None, SiteOptions())
    for name in ("leaflet", "leaflet.markercluster", "leaflet.fullscreen"):
        assert f"{ASSET_DIR}/vendor/{name}/LICENSE" in assets
    assert f"{ASSET_DIR}/vendor/leaflet/leaflet.js" in assets
    assert f"{ASSET_DIR}/vendor/leaflet/images/layers.png" in assets
    assert f"{ASSET_DIR}/js/buurtkaart-map.js" in assets
    assert not [p for p in assets if p.endswith(".md")]  # a .md file would become a page
    assert b'version="1.9.4"' in assets[f"{ASSET_DIR}/vendor/leaflet/leaflet.js"]


def test_map_script_never_uses_inner_html():
    script = map_assets(None, SiteOptions())[f"{ASSET_DIR}/js/buurtkaart-map.js"].decode("utf-8")
    assert "innerHTML" not in script.replace("never innerHTML", "")
    assert "insertAdjacentHTML" not in script and "eval(" not in script


def synthetic_repo(tmp_path, n: int):
    files = {"inventory/test.md": INVENTORY}
    for i in range(n):
        title = f"Vondst {i} aan de Voorbeeldstraat"
        files[f"cards/test/vondst-{i}-voorbeeldstraat.md"] = (
            f"---\ntitel: {title}\ncategorie: {['ontmoeten', 'organisaties', 'bedrijven', 'activiteiten'][i % 4]}\n"
            f"adres: Voorbeeldstraat {i}, 8012 AB Zwolle\n"
            f"coordinaten: [{52.49 + (i % 40) / 1500:.5f}, {6.08 + (i // 40) / 700:.5f}]\n"
            "kent_ons: nee\nstatus: benaderd\n"
            "toegankelijkheid: {bereikbaar: ja, rolstoel: deels, lift: nee, invalidetoilet: ja, prikkelarm: onbekend}\n"
            "---\nEen vondst.\n"
        )
    return load_repository(write_repo(tmp_path, files))


def test_a_thousand_findings_cost_at_most_400_kb_of_map_data(tmp_path):
    repo = synthetic_repo(tmp_path, 1000)
    assert not repo.errors
    html = location_map(repo.locations["test"], repo.cards_of("test"), SiteOptions())
    data_bytes = len(script_json(map_data(html)).encode("utf-8"))
    file_bytes = len(html.encode("utf-8"))
    assert len(map_data(html)["vondsten"]["features"]) == 1000
    print(f"1,000 findings: map data {data_bytes / 1000:.0f} kB, map file {file_bytes / 1000:.0f} kB")
    assert file_bytes <= 400_000


def test_folium_is_imported_only_where_maps_are_made():
    """Importing folium takes ~0.5 s: the plugin does not, so a build that makes its maps in a
    worker process keeps that off the main one."""
    import subprocess
    import sys

    code = "import sys, buurtkaart_build.plugin; print('folium' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"

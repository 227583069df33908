"""Exports: GeoJSON (RFC 7946) and CSV for a Dutch spreadsheet; the ``export`` command (design §5)."""

from __future__ import annotations

import csv
import io
import json

from repo_files import invoke

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.export import BOM, FIELDS, PRIVATE_FIELDS, record, site_exports, to_csv, to_geojson
from buurtkaart_build.render.options import SiteOptions

NEAR = """\
---
titel: Bakkerij De Korenbloem
categorie: bedrijven
adres: Teststraat 3, Zwolle
coordinaten: [52.5040, 6.1000]
kent_ons: ja
status: contact
toegankelijkheid: {rolstoel: ja, lift: nee}
contact: {naam: Piet Bakker, telefoon: 038 123 45 67, email: piet@example.org, website: https://example.org}
tags: [eten, winkelen]
aanbod: [brood, een praatje]
bezocht: 14-3-2026
---
Lekker brood.
"""
FAR = "---\ntitel: Zwembad\ncategorie: organisaties\ncoordinaten: [52.5100, 6.1100]\n---\n"
NOWHERE = "---\ntitel: Buurtapp\ncategorie: ontmoeten\n---\n"
FORMULA = "---\ntitel: '=HYPERLINK(\"http://x\")'\ncategorie: bedrijven\nadres: '@SUM(1)'\nsamenvatting: '-2+3'\n---\n"


def repo_of(repo_dir, **cards: str):
    return load_repository(repo_dir({f"cards/test/{slug}.md": text for slug, text in cards.items()}))


def csv_rows(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


# --- GeoJSON -----------------------------------------------------------------------------------


def test_geojson_is_a_feature_collection_with_longitude_first(repo_dir):
    repo = repo_of(repo_dir, bakkerij=NEAR, zwembad=FAR, buurtapp=NOWHERE)
    data = json.loads(to_geojson(repo))
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946: WGS 84 only, no crs member
    assert [f["id"] for f in data["features"]] == ["test/bakkerij", "test/zwembad"]  # nearest first
    first = data["features"][0]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [6.1, 52.504]}
    props = first["properties"]
    assert props["titel"] == "Bakkerij De Korenbloem"
    assert props["categorie"] == "bedrijven"
    assert props["afstand_m"] == 130
    assert props["rolstoel"] == "ja" and props["lift"] == "nee" and props["prikkelarm"] == "onbekend"
    assert props["tags"] == ["eten", "winkelen"]
    assert props["bezocht"] == "2026-03-14"
    assert props["pagina"] == "test/bakkerij/" and props["bestand"] == "cards/test/bakkerij.md"


def test_geojson_leaves_out_findings_without_coordinates(repo_dir):
    repo = repo_of(repo_dir, buurtapp=NOWHERE)
    assert json.loads(to_geojson(repo)) == {"type": "FeatureCollection", "features": []}


def test_geojson_is_utf8_text_with_one_feature_per_line_and_deterministic(repo_dir):
    repo = repo_of(repo_dir, bakkerij=NEAR, zwembad=FAR)
    text = to_geojson(repo)
    assert text == to_geojson(load_repository(repo.root))
    assert len(text.splitlines()) == 4 and text.endswith("]}\n")


def test_record_fields_in_fixed_order_and_public_mode(repo_dir):
    repo = repo_of(repo_dir, bakkerij=NEAR)
    card, location = repo.cards[0], repo.locations["test"]
    assert tuple(record(card, location)) == FIELDS
    public = record(card, location, public=True)
    assert not set(PRIVATE_FIELDS) & set(public)
    assert public["website"] == "https://example.org"
    geo = to_geojson(repo, public=True)
    assert "Piet Bakker" not in geo and "038 123" not in geo and "piet@example.org" not in geo


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_for_a_dutch_spreadsheet(repo_dir):
    repo = repo_of(repo_dir, bakkerij=NEAR, buurtapp=NOWHERE)
    text = to_csv(repo)
    assert text.startswith(BOM + "breedtegraad;lengtegraad;locatie;slug;titel;")
    assert "\r\n" in text
    header, first, second = csv_rows(text)
    row = dict(zip(header, first, strict=True))
    assert row["breedtegraad"] == "52,504" and row["lengtegraad"] == "6,1"  # decimal comma
    assert row["afstand_m"] == "130"
    assert row["tags"] == "eten, winkelen"
    assert row["contact_naam"] == "Piet Bakker"
    assert dict(zip(header, second, strict=True))["breedtegraad"] == ""  # no coordinates: still listed


def test_csv_cells_never_run_as_formulas(repo_dir):
    repo = repo_of(repo_dir, formule=FORMULA)
    header, row = csv_rows(to_csv(repo))
    cells = dict(zip(header, row, strict=True))
    assert cells["titel"] == '\'=HYPERLINK("http://x")'
    assert cells["adres"] == "'@SUM(1)"
    assert cells["samenvatting"] == "'-2+3"


def test_csv_public_mode_drops_the_contact_columns(repo_dir):
    repo = repo_of(repo_dir, bakkerij=NEAR)
    header, row = csv_rows(to_csv(repo, public=True))
    assert not set(PRIVATE_FIELDS) & set(header)
    assert "Piet Bakker" not in row


def test_csv_of_an_empty_location_still_has_the_full_header(repo_dir):
    repo = load_repository(repo_dir())
    assert csv_rows(to_csv(repo)) == [["breedtegraad", "lengtegraad", *FIELDS]]


def test_site_exports_per_location_follow_public_mode(repo_dir):
    repo = repo_of(repo_dir, bakkerij=NEAR)
    files = site_exports(repo, SiteOptions(public=True))
    assert sorted(files) == ["test/export/test.csv", "test/export/test.geojson"]
    assert files["test/export/test.csv"].startswith(BOM.encode("utf-8"))
    assert b"Piet Bakker" not in files["test/export/test.csv"]
    assert b"Piet Bakker" not in files["test/export/test.geojson"]


# --- the command -------------------------------------------------------------------------------


def run(*args: str):
    return invoke("export", *args)


def test_export_command_writes_geojson_to_standard_output(repo_dir):
    root = repo_dir({"cards/test/bakkerij.md": NEAR})
    result = run("--format", "geojson", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout_bytes.decode("utf-8"))["features"][0]["id"] == "test/bakkerij"


def test_export_command_csv_starts_with_the_bom_and_filters_a_location(repo_dir):
    root = repo_dir({"cards/test/bakkerij.md": NEAR})
    result = run("--format", "csv", "--locatie", "test", "--publiek", "--root", str(root))
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(BOM.encode("utf-8") + b"breedtegraad;")
    assert b"Piet Bakker" not in result.stdout_bytes


def test_export_command_unknown_location_exit_2_lists_the_valid_ones(repo_dir):
    root = repo_dir({"cards/test/bakkerij.md": NEAR})
    result = run("--format", "csv", "--locatie", "de-linde", "--root", str(root))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Onbekende locatie 'de-linde'. Kies uit: test. De naam is de bestandsnaam in inventory/ zonder .md."
    )
    assert result.stdout_bytes == b""


def test_export_command_invalid_data_exit_1_with_the_problems(repo_dir):
    root = repo_dir({"cards/test/x.md": "---\ntitel: X\ncategorie: winkels\n---\n"})
    result = run("--format", "geojson", "--root", str(root))
    assert result.exit_code == 1
    assert "cards/test/x.md:3: fout [categorie]: onbekende categorie 'winkels'." in result.stderr
    assert result.stdout_bytes == b""


def test_export_help_is_dutch_with_an_example():
    result = invoke("export", "--help")
    assert result.exit_code == 0
    assert "Gebruik: " in result.output and "Opties:" in result.output
    assert "buurtkaart export --format csv --locatie de-kastanje > de-kastanje.csv" in result.output

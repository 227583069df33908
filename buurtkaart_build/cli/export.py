"""``buurtkaart export``: the findings as GeoJSON or CSV on standard output (design §5)."""

from __future__ import annotations

from pathlib import Path

import click

from ..render.export import to_csv, to_geojson
from .common import load_valid, location_or_fail
from .dutch import DutchCommand, root_option


@click.command(cls=DutchCommand)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["geojson", "csv"]),
    required=True,
    help="geojson: voor een kaartprogramma (uMap, QGIS); csv: voor een spreadsheet (Excel, LibreOffice).",
)
@click.option("--locatie", metavar="SLUG", default=None, help="Alleen de vondsten van deze locatie (standaard: alle).")
@click.option(
    "--publiek",
    is_flag=True,
    help="Laat namen, telefoonnummers en e-mailadressen van contactpersonen weg.",
)
@root_option
def export(fmt: str, locatie: str | None, publiek: bool, root: Path) -> None:
    """Schrijf de vondsten als bestand naar het scherm (standaarduitvoer).

    GeoJSON bevat de vondsten met coördinaten (lengtegraad eerst, RFC 7946). CSV bevat alle
    vondsten, met ; tussen de kolommen en een komma in getallen, zodat een Nederlandse
    spreadsheet het bestand goed opent.

    Stopt met code 0 als het gelukt is, 1 als de kaarten fouten bevatten, 2 bij een onbekende locatie.

    \b
    Voorbeelden:
      buurtkaart export --format geojson > vondsten.geojson
      buurtkaart export --format csv --locatie de-kastanje > de-kastanje.csv
    """
    repo = load_valid(root)
    if locatie is not None:
        location_or_fail(repo, locatie)
    text = (to_geojson if fmt == "geojson" else to_csv)(repo, locatie, public=publiek)
    # Bytes: the file must be UTF-8 (with the CSV's BOM) whatever encoding the terminal uses.
    click.echo(text.encode("utf-8"), nl=False)

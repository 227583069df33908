"""``buurtkaart export``: the findings as GeoJSON or CSV on standard output (design §5)."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.repository import load_repository
from ..render.export import to_csv, to_geojson
from .check import render_report
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
    repo = load_repository(root)
    if repo.errors:
        report = render_report(repo.problems, cards=repo.card_files, locations=len(repo.locations), fmt="text")
        click.echo(report, err=True)
        raise SystemExit(1)
    if locatie is not None and locatie not in repo.locations:
        click.echo(unknown_location(locatie, list(repo.locations)), err=True)
        raise SystemExit(2)
    text = (to_geojson if fmt == "geojson" else to_csv)(repo, locatie, public=publiek)
    # Bytes: the file must be UTF-8 (with the CSV's BOM) whatever encoding the terminal uses.
    click.echo(text.encode("utf-8"), nl=False)


def unknown_location(slug: str, known: list[str]) -> str:
    """Dutch message for ``--locatie`` with a name that has no inventory file."""
    if not known:
        return f"Onbekende locatie '{slug}': er zijn nog geen locaties (bestanden in inventory/)."
    return (
        f"Onbekende locatie '{slug}'. Kies een van: {', '.join(known)}. "
        "De naam is de bestandsnaam in inventory/ zonder .md."
    )

"""``buurtkaart geocode``: coordinates from addresses (PDOK Locatieserver), one line per file."""

from __future__ import annotations

from pathlib import Path

import click

from ..workflow.geocode import geocode_repository
from ..workflow.pdok import PDOK_SERVER
from .common import USAGE_ERROR, bad_value, fail
from .dutch import DutchCommand, root_option


@click.command(cls=DutchCommand)
@click.option("--locatie", metavar="LOCATIE", default=None, help="Alleen deze locatie (naam van de map in cards/).")
@root_option
@click.option("--droog", is_flag=True, help="Laat zien wat er zou gebeuren, zonder iets te veranderen.")
@click.option(
    "--server",
    metavar="URL",
    default=PDOK_SERVER,
    help="Een andere adreszoeker die werkt als PDOK Locatieserver (standaard: die van PDOK zelf).",
)
def geocode(locatie: str | None, root: Path, droog: bool, server: str) -> None:
    """Vul ontbrekende coördinaten in vanuit het adres.

    Voor elke kaart en locatie met een 'adres' en zonder 'coordinaten' zoekt dit het adres op
    bij PDOK Locatieserver (de gratis adreszoeker van de overheid) en schrijft het de
    coördinaten in het bestand. Verder verandert er niets. Coördinaten die er al staan,
    blijven staan. Gevonden adressen worden bewaard in geocode-cache.json: zet dat bestand mee in git.

    \b
    Voorbeelden:
      buurtkaart geocode --droog
      buurtkaart geocode --locatie de-kastanje
    """
    locatie = _known_location(root, locatie.strip().lower()) if locatie else None
    if not server.lower().startswith(("http://", "https://")):
        bad_value("'--server'", f"'{server}' is geen webadres. Schrijf bijvoorbeeld {PDOK_SERVER}")
    report = geocode_repository(root, locatie=locatie, dry_run=droog, server=server)
    for line in report.lines():
        click.echo(line)
    if report.failed:
        fail(_summary(report.outcomes, droog))
    click.echo(_summary(report.outcomes, droog))


def _summary(outcomes: list, dry_run: bool) -> str:
    if not outcomes:
        return "Niets te doen: elk bestand met een adres heeft al coördinaten."
    done = sum(1 for o in outcomes if not o.failed)
    files = "1 bestand" if done == 1 else f"{done} bestanden"
    verb = ("kan" if done == 1 else "kunnen") + " worden aangevuld" if dry_run else "aangevuld"
    return f"{files} {verb}, {len(outcomes) - done} niet gelukt."


def _known_location(root: Path, slug: str) -> str:
    """``--locatie`` must name an inventory file or a card folder (the data may still have errors)."""
    known = {f.stem for f in (root / "inventory").glob("*.md")} | {
        d.name for d in (root / "cards").glob("*") if d.is_dir() and not d.name.startswith((".", "_"))
    }
    if slug in known:
        return slug
    choices = f"Kies uit: {', '.join(sorted(known))}." if known else "Er zijn nog geen locaties in inventory/."
    fail(f"Onbekende locatie '{slug}'. {choices}", USAGE_ERROR)

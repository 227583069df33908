"""``buurtkaart new-locatie``: write inventory/<locatie>.md from the inventory template; never overwrite."""

from __future__ import annotations

from pathlib import Path

import click

from ..workflow.new_location import write_inventory
from .dutch import DutchCommand, root_option
from .location_input import ADDRESS, COORDINATES, RADIUS, SHORT_NAME, complete


@click.command("new-locatie", cls=DutchCommand)
@click.argument("naam", metavar="NAAM", help="De naam van de locatie, tussen aanhalingstekens.")
@ADDRESS
@COORDINATES
@RADIUS
@SHORT_NAME
@root_option
def new_location(naam: str, root: Path, **given: str | None) -> None:
    """Maak de inventaris van een nieuwe locatie, met de vragen van de inventaris erin.

    De inventaris komt in inventory/, met de korte naam uit NAAM. Zonder --coordinaten vraagt
    de opdracht erom. Een bestaand bestand wordt nooit overschreven.

    \b
    Voorbeelden:
      buurtkaart new-locatie "Woonlocatie De Linde" --coordinaten "52.5050, 6.0950"
      buurtkaart new-locatie "Dagbesteding Het Anker" --adres "Ankerweg 2, Zwolle" --zoekstraal 1500
    """
    location, text = complete({**given, "naam": naam}, ask=("coordinaten",))
    try:
        path = write_inventory(root, location, text)
    except FileExistsError:
        raise click.BadParameter(
            f"{location.path} bestaat al en blijft zoals het is. Kies een andere naam of een andere --korte-naam.",
            param_hint="'NAAM'",
        ) from None
    rel = path.relative_to(root).as_posix()
    click.echo(f"Nieuwe locatie: {rel}")
    click.echo(
        "Vul samen de vragen in (wat jullie bieden, wat jullie nodig hebben) en controleer met: buurtkaart check"
    )
    click.echo(f'Een eerste vondst: buurtkaart new {rel[len("inventory/") : -3]} bedrijven "Naam van de plek"')

"""``buurtkaart check``: validate every card and inventory, report all problems at once."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.repository import load_repository
from ..workflow.report import render_report
from .dutch import DutchCommand, root_option


@click.command(cls=DutchCommand)
@root_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "gitlab"]),
    default="text",
    help="text: leesbaar (standaard); json: voor andere programma's; github: meldingen bij de regels "
    "in een pull request; gitlab: code-quality-rapport voor een merge request.",
)
@click.option(
    "--max-leeftijd",
    "max_age",
    type=int,
    default=12,
    metavar="MAANDEN",
    help="Waarschuw als een kaart langer geleden is gecontroleerd (of anders gewijzigd) "
    "(standaard: 12). 0 = niet waarschuwen.",
)
def check(root: Path, fmt: str, max_age: int) -> None:
    """Controleer alle kaarten en inventarissen en meld alle fouten in één keer.

    Stopt met code 0 als er geen fouten zijn (waarschuwingen mogen), 1 bij fouten.

    \b
    Voorbeelden:
      buurtkaart check
      buurtkaart check --format github
      buurtkaart check --max-leeftijd 6
    """
    repo = load_repository(root, max_age_months=max_age)
    click.echo(render_report(repo.problems, cards=repo.card_files, locations=len(repo.locations), fmt=fmt))
    raise SystemExit(1 if repo.errors else 0)

"""``buurtkaart diff``: a Markdown summary of the changed cards, for a pull-request comment."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.errors import BuurtkaartError
from ..workflow.diff import diff_repository, render_markdown
from .common import bad_value
from .dutch import DutchCommand, root_option


@click.command(cls=DutchCommand)
@click.argument("base", metavar="BASIS", help="De git-versie om mee te vergelijken, bijvoorbeeld origin/main.")
@root_option
def diff(base: str, root: Path) -> None:
    """Vat samen welke kaarten zijn toegevoegd, gewijzigd of verwijderd.

    Vergelijkt de kaarten in git-versie BASIS met de kaarten in de map. De uitvoer is
    Markdown: CI zet hem als reactie bij de pull request. Bij een gewijzigde kaart staat
    welke velden veranderd zijn ('tekst' is de vrije tekst onder de velden).

    \b
    Voorbeelden:
      buurtkaart diff origin/main
      buurtkaart diff HEAD~1 > wijzigingen.md
    """
    try:
        changes = diff_repository(root, base)
    except BuurtkaartError as exc:
        bad_value("'BASIS'", exc.problems[0].message)
    click.echo(render_markdown(changes, base), nl=False)

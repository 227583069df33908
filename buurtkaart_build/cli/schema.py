"""``buurtkaart schema``: the JSON Schema of the card and inventory formats, for editors."""

from __future__ import annotations

import json

import click

from ..workflow.schema import KINDS, json_schema, schema_text
from .dutch import DutchCommand


@click.command(cls=DutchCommand)
@click.option(
    "--soort",
    type=click.Choice(KINDS),
    default=None,
    help="kaart: een kaart in cards/; inventaris: een bestand in inventory/. Zonder --soort: allebei.",
)
def schema(soort: str | None) -> None:
    """Toon het JSON Schema van de kaarten en de inventarissen.

    Een editor gebruikt het schema om velden aan te vullen en fouten te tonen tijdens het
    typen. De repository bevat de bestanden al: schema/kaart.schema.json en
    schema/inventaris.schema.json.

    \b
    Voorbeelden:
      buurtkaart schema --soort kaart > schema/kaart.schema.json
      buurtkaart schema --soort inventaris > schema/inventaris.schema.json
      buurtkaart schema
    """
    if soort:
        click.echo(schema_text(soort), nl=False)
    else:
        both = {kind: json_schema(kind) for kind in KINDS}
        click.echo(json.dumps(both, ensure_ascii=False, indent=2))

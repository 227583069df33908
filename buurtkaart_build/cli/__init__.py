"""The ``buurtkaart`` command: a thin adapter over the core. Each sub-command lives in its own module."""

from __future__ import annotations

import click

from .check import check
from .diff import diff
from .dutch import DutchGroup
from .export import export
from .geocode import geocode
from .init import init
from .match import match
from .new import new
from .new_location import new_location
from .publish import publiceer
from .render import render
from .schema import schema


@click.group(cls=DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="buurtkaart", message="buurtkaart %(version)s", help="Toon het versienummer en stop."
)
def main() -> None:
    """Buurtkaart: vondsten uit de buurt controleren, koppelen en als website bouwen.

    \b
    Voorbeelden:
      buurtkaart init onze-buurtkaart
      buurtkaart check
      buurtkaart match --locatie de-kastanje
      buurtkaart new de-kastanje bedrijven "Bakkerij De Korenbloem"
    """


main.add_command(check)
main.add_command(export)
main.add_command(new)
main.add_command(new_location)
main.add_command(init)
main.add_command(diff)
main.add_command(schema)
main.add_command(match)
main.add_command(render)
main.add_command(geocode)
main.add_command(publiceer)

"""The questions about a location, shared by ``init`` and ``new-locatie``: options, or asked for."""

from __future__ import annotations

from dataclasses import replace

import click

from ..workflow.new_location import NewLocation, inventory_problems, render_inventory

# Options of both commands; what is missing is asked for (see ``complete``).
ADDRESS = click.option("--adres", default=None, help="Straat, huisnummer en plaats van de locatie.")
COORDINATES = click.option(
    "--coordinaten",
    default=None,
    help='Waar de locatie is: "52.5031, 6.0992" of een link uit Google Maps of OpenStreetMap.',
)
RADIUS = click.option(
    "--zoekstraal", default=None, help='Het zoekgebied in meters, van 500 tot 3000 (standaard 1000), of "1,5 km".'
)
SHORT_NAME = click.option(
    "--korte-naam",
    "korte_naam",
    default=None,
    help="De korte naam in links en bestandsnamen, zoals de-linde (standaard: gemaakt uit de naam).",
)

QUESTIONS = {
    "naam": "Naam van de locatie (bijvoorbeeld: Woonlocatie De Linde)",
    "adres": "Adres (straat, huisnummer, plaats; leeg laten mag)",
    "coordinaten": "Coördinaten (bijvoorbeeld: 52.5031, 6.0992; in Google Maps: rechtermuisklik op de plek)",
    "zoekstraal": "Zoekstraal in meters, van 500 tot 3000",
}
DEFAULTS = {"adres": "", "zoekstraal": "1000"}
FIELD_OF_PROBLEM = {None: "naam", "naam": "naam", "coordinaten": "coordinaten", "zoekstraal": "zoekstraal"}
MAX_TRIES = 3


def complete(given: dict[str, str | None], ask: tuple[str, ...]) -> tuple[NewLocation, str]:
    """The location and its inventory text; asks for each field of ``ask`` that was not given.

    A field that was asked for is asked again when its answer is wrong; a wrong option stops
    the command with the message (exit code 2).
    """
    asked = {name for name in ask if given.get(name) is None}
    values = {name: given.get(name) or "" for name in ("naam", "adres", "coordinaten", "zoekstraal")}
    for name in ask:
        if name in asked:
            values[name] = _ask(name)
    location = NewLocation(**values, slug=given.get("korte_naam") or "")
    for _ in range(MAX_TRIES):
        text = render_inventory(location)
        problems = inventory_problems(location, text)
        if not problems:
            return location, text
        problem = problems[0]
        name = FIELD_OF_PROBLEM.get(problem.field, "")
        if name not in asked or (problem.field is None and location.slug):
            raise click.BadParameter(problem.message, param_hint=f"'{name or problem.field}'")
        click.echo(f"Dat klopt niet: {problem.message}", err=True)
        location = replace(location, **{name: _ask(name)})
    raise click.UsageError("Te vaak een antwoord dat niet klopt. Probeer het opnieuw.")


def _ask(name: str) -> str:
    default = DEFAULTS.get(name)
    answer = click.prompt(QUESTIONS[name], default=default, show_default=bool(default))
    return answer.strip()

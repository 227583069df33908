"""The questions about a location, shared by ``init`` and ``new-locatie``: options, or asked for."""

from __future__ import annotations

import click

from ..core.slugs import slugify
from ..workflow.new_location import NewLocation, answer_problem, inventory_problems, render_inventory

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
    "korte_naam": "Korte naam voor links en bestandsnamen (kleine letters, cijfers en streepjes)",
}
DEFAULTS = {"adres": "", "zoekstraal": "1000"}
OPTION_OF = {
    "korte_naam": "--korte-naam",
    "naam": "--naam",
    "adres": "--adres",
    "coordinaten": "--coordinaten",
    "zoekstraal": "--zoekstraal",
}
MAX_TRIES = 5


def complete(given: dict[str, str | None], ask: tuple[str, ...]) -> tuple[NewLocation, str]:
    """The location and its inventory text. Each field of ``ask`` that was not given as an
    option is asked for, and asked again at once when the answer cannot be used; a wrong
    option stops the command with the message (exit code 2)."""
    values = {name: (given.get(name) or "").strip() for name in ("naam", "adres", "coordinaten", "zoekstraal")}
    slug = (given.get("korte_naam") or "").strip()
    for name in ask:
        if given.get(name) is None:
            values[name] = _ask(name)
            if name == "naam" and not slug:  # the short name is in every link: offer to choose it
                slug = _ask("korte_naam", default=slugify(values["naam"]))
    location = NewLocation(**values, slug=slug)
    text = render_inventory(location)
    problems = inventory_problems(location, text)
    if problems:
        problem = problems[0]
        hint = "'--korte-naam'" if problem.field is None and location.slug else f"'{problem.field or 'naam'}'"
        raise click.BadParameter(problem.message, param_hint=hint)
    return location, text


def _ask(name: str, default: str | None = None) -> str:
    default = DEFAULTS.get(name, default)
    for _ in range(MAX_TRIES):
        try:
            answer = click.prompt(QUESTIONS[name], default=default, show_default=bool(default)).strip()
        except click.Abort:
            raise click.UsageError(f"geen antwoord. Geef het mee met de optie {OPTION_OF[name]}.") from None
        problem = answer_problem(name, answer)
        if problem is None:
            return answer
        click.echo(f"Dat klopt niet: {problem}", err=True)
    raise click.UsageError(f"te vaak een antwoord dat niet klopt. Geef het mee met de optie {OPTION_OF[name]}.")

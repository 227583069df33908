"""``buurtkaart check``: validate every card and inventory, report all problems at once."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..core.errors import Problem
from ..core.repository import load_repository
from ..workflow.report import gitlab_report
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


def render_report(problems: list[Problem], *, cards: int, locations: int, fmt: str) -> str:
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if fmt == "json":
        return json.dumps(
            {
                "cards": cards,
                "locaties": locations,
                "errors": [p.as_dict() for p in errors],
                "warnings": [p.as_dict() for p in warnings],
            },
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "gitlab":
        return gitlab_report(problems)
    if fmt == "github":
        return "\n".join(_github(p) for p in problems) or "::notice::Alle kaarten zijn in orde."
    lines = [p.as_text() for p in problems]
    lines.append(
        f"{cards} kaarten en {locations} locaties gecontroleerd: "
        f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'}, "
        f"{len(warnings)} {'waarschuwing' if len(warnings) == 1 else 'waarschuwingen'}."
    )
    if not errors:
        lines.append("Alles in orde." if not warnings else "Geen fouten; bekijk de waarschuwingen.")
    return "\n".join(lines)


def _github(p: Problem) -> str:
    kind = "error" if p.is_error else "warning"
    where = f"file={_escape_property(p.file)}"
    if p.line:
        where += f",line={p.line}"
    title = f"Buurtkaart: {p.field}" if p.field else "Buurtkaart"
    return f"::{kind} {where},title={_escape_property(title)}::{_escape_data(p.message)}"


def _escape_data(text: str) -> str:
    # GitHub workflow-command escaping (the same as @actions/core).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")

"""``buurtkaart init [MAP]``: set up a new Buurtkaart repository; never overwrite a file."""

from __future__ import annotations

import errno
from pathlib import Path

import click

from ..core.version import package_version
from ..workflow.init import repository_files, write_new_files
from .dutch import DutchCommand
from .location_input import ADDRESS, COORDINATES, RADIUS, SHORT_NAME, complete

WRITE_ERRORS = {
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EACCES: "je hebt geen toestemming om daar te schrijven",
    errno.EPERM: "je hebt geen toestemming om daar te schrijven",
    errno.EROFS: "die schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
}


@click.command(cls=DutchCommand)
@click.argument(
    "map_",
    metavar="[MAP]",
    required=False,
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
    help="De map voor de nieuwe Buurtkaart (standaard: de huidige map). Een nieuwe map wordt gemaakt.",
)
@click.option("--naam", default=None, help='De naam van de eerste locatie, bijvoorbeeld "Woonlocatie De Linde".')
@ADDRESS
@COORDINATES
@RADIUS
@SHORT_NAME
@click.option(
    "--pakket",
    default=None,
    help="Waar de controle het Buurtkaart-pakket vandaan haalt: de regel voor requirements.txt "
    "(standaard: buurtkaart==VERSIE, de versie van deze opdracht).",
)
def init(map_: Path, pakket: str | None, **given: str | None) -> None:
    """Zet een nieuwe Buurtkaart klaar: website, controle (CI), sjablonen en de eerste locatie.

    Maakt mkdocs.yml, docs/index.md, de CI-bestanden voor GitHub en GitLab, het sjabloon voor
    pull requests, een CODEOWNERS-voorbeeld, de pre-commit-instellingen, .gitignore,
    requirements.txt, een README voor coördinatoren, de kaartsjablonen en de inventaris van de
    eerste locatie. Zonder --naam vraagt de opdracht naar de locatie; met --naam alleen nog
    naar de coördinaten, als die ontbreken. Een bestaand bestand wordt nooit overschreven: nog
    een keer init verandert niets.

    \b
    Voorbeelden:
      buurtkaart init onze-buurtkaart
      buurtkaart init . --naam "Woonlocatie De Linde" --coordinaten "52.5050, 6.0950" --zoekstraal 1200
    """
    if map_.exists() and not map_.is_dir():
        raise click.BadParameter(f"'{map_}' is een bestand, geen map.", param_hint="'MAP'")
    version = package_version()
    existing = sorted(p.stem for p in (map_ / "inventory").glob("*.md")) if (map_ / "inventory").is_dir() else []
    files: dict[str, str] = {}
    if existing:
        slug = existing[0]
    else:
        # Given a name, the caller works without questions: only a missing required field is asked.
        ask = ("naam", "adres", "coordinaten", "zoekstraal") if given.get("naam") is None else ("coordinaten",)
        location, text = complete(given, ask=ask)
        slug = location.path.removeprefix("inventory/").removesuffix(".md")
        files[location.path] = text
    values = {"locatie": slug, "versie": version, "pakket": " ".join((pakket or f"buurtkaart=={version}").split())}
    files.update(repository_files(values))
    try:
        written = write_new_files(map_, dict(sorted(files.items())))
    except OSError as exc:
        reason = WRITE_ERRORS.get(exc.errno, exc.strerror or str(exc))
        raise click.ClickException(f"schrijven in '{map_}' lukt niet: {reason}.") from None
    _report(map_, written.created, written.kept, slug)


def _report(root: Path, created: list[str], kept: list[str], slug: str) -> None:
    for rel in created:
        click.echo(f"Nieuw: {rel}")
    if kept:
        click.echo(f"Bestond al, niet veranderd: {len(kept)} bestand(en).")
    if not created:
        click.echo("Er is niets veranderd: alle bestanden bestonden al.")
        return
    where = "" if root.resolve() == Path.cwd().resolve() else f"cd {root}\n  "
    click.echo(
        "\nZo ga je verder:\n"
        f"  {where}git init   (als de map nog geen git-repository is)\n"
        "  pip install -r requirements.txt\n"
        f'  buurtkaart new {slug} bedrijven "Naam van de plek"\n'
        "  mkdocs serve   (de website bekijken op http://127.0.0.1:8000)\n"
        "Lees ook README.md."
    )

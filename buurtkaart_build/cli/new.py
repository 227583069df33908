"""``buurtkaart new``: write a new card from the template of its category; never overwrite."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import click

from ..core.choices import CATEGORIES
from ..core.load import RawDoc, parse_text
from ..core.slugs import RESERVED_CARD_SLUGS, slugify
from ..core.templates import clean_title, render_card
from ..core.validate import validate_card
from .common import bad_value
from .dutch import DutchCommand, root_option

FALLBACK_SLUG = "vondst"


@click.command(cls=DutchCommand)
@click.argument("locatie", metavar="LOCATIE", help="De locatie: de naam van een bestand in inventory/, zonder .md.")
@click.argument("categorie", metavar="CATEGORIE", help=f"Eén van: {', '.join(CATEGORIES)}.")
@click.argument("titel", metavar="TITEL", help="De naam van de plek of het onderwerp, tussen aanhalingstekens.")
@root_option
def new(locatie: str, categorie: str, titel: str, root: Path) -> None:
    """Maak een nieuwe kaart met de vragen van de instructiekaart erin.

    De kaart komt in cards/LOCATIE/. De bestandsnaam komt uit de titel. De datum van
    vandaag staat al bij 'bezocht'. Een bestaand bestand wordt nooit overschreven.

    \b
    Voorbeelden:
      buurtkaart new de-kastanje bedrijven "Bakkerij De Korenbloem"
      buurtkaart new de-kastanje ontmoeten "Speeltuin De Klimboom"
    """
    locatie = _known("locatie", locatie.strip().lower(), _locations(root), "'LOCATIE'")
    categorie = _known("categorie", categorie.strip().lower(), list(CATEGORIES), "'CATEGORIE'")
    if not clean_title(titel):
        bad_value("'TITEL'", "de titel is leeg. Schrijf de naam tussen aanhalingstekens.")
    text = render_card(categorie, titel, dt.date.today())
    _must_be_valid(text)
    folder = root / "cards" / locatie
    folder.mkdir(parents=True, exist_ok=True)
    path = _write_new(folder, slugify(titel) or FALLBACK_SLUG, text)
    rel = path.relative_to(root).as_posix()
    click.echo(f"Nieuwe kaart: {rel}")
    click.echo("Vul de vragen in en controleer daarna met: buurtkaart check")


def _locations(root: Path) -> list[str]:
    folder = root / "inventory"
    return sorted(file.stem for file in folder.glob("*.md")) if folder.is_dir() else []


def _known(what: str, value: str, valid: list[str], hint: str) -> str:
    if value in valid:
        return value
    if not valid:
        bad_value(
            hint,
            f"er zijn nog geen locaties. Maak eerst inventory/{value}.md aan, bijvoorbeeld met: "
            f'buurtkaart new-locatie "Naam van de locatie" --korte-naam {value} '
            "(zie de hulppagina 'Een nieuwe locatie toevoegen').",
        )
    guess = difflib.get_close_matches(value, valid, n=1, cutoff=0.5)
    suggestion = f" — bedoel je '{guess[0]}'?" if guess else "."
    plural = "locaties" if what == "locatie" else "categorieën"
    bad_value(hint, f"onbekende {what} '{value}'{suggestion} Bestaande {plural}: {', '.join(valid)}.")


def _must_be_valid(text: str) -> None:
    doc = parse_text(RawDoc(path="nieuwe kaart", meta={}, body=""), text)
    if doc.ok:
        validate_card(doc)
    errors = [p for p in doc.problems if p.is_error]
    if errors:
        bad_value("'TITEL'", errors[0].message)


def _write_new(folder: Path, slug: str, text: str) -> Path:
    """Write ``<slug>.md``, or ``<slug>-2.md``, ``-3`` … when the name is taken. Never overwrites."""
    taken = {slugify(file.stem) for file in folder.iterdir()} | RESERVED_CARD_SLUGS
    number = 1
    while True:
        candidate = slug if number == 1 else f"{slug}-{number}"
        number += 1
        if candidate in taken:
            continue
        try:
            with (folder / f"{candidate}.md").open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
        except FileExistsError:
            continue  # created by someone else in the meantime
        return folder / f"{candidate}.md"

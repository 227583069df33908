"""``buurtkaart match``: a location's needs and offers matched with the neighbourhood's findings."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..core.choices import FROM_WHOM
from ..match.engine import ItemMatches, LocationMatches, match_location, needs_with_match
from ..match.vocabulary import vocabulary_of
from .common import load_valid, location_or_fail
from .dutch import DutchCommand, root_option


@click.command(cls=DutchCommand)
@click.option("--locatie", metavar="LOCATIE", help="De locatie, zoals de bestandsnaam in inventory/ (zonder .md).")
@root_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text: leesbaar (standaard); json: voor andere programma's.",
)
@click.option(
    "--top",
    type=click.IntRange(1, 100),
    default=5,
    metavar="AANTAL",
    help="Hoeveel vondsten per behoefte en per aanbod (standaard 5).",
)
def match(locatie: str | None, root: Path, fmt: str, top: int) -> None:
    """Koppel vraag en aanbod van een locatie aan de vondsten in de buurt.

    Van buiten naar binnen: welke vondsten passen bij onze behoeften. Van binnen naar buiten:
    welke vondsten ons aanbod kunnen gebruiken. Elke match zegt waarom.

    Stopt met code 0, met 1 als de kaarten fouten bevatten, met 2 bij een onbekende locatie.

    \b
    Voorbeelden:
      buurtkaart match --locatie de-kastanje
      buurtkaart match --locatie de-kastanje --top 3 --format json
    """
    repo = load_valid(root, fmt=fmt)
    location = location_or_fail(repo, locatie)
    result = match_location(location, repo.cards_of(locatie), vocabulary_of(repo.themes), top=top)
    click.echo(as_json(result) if fmt == "json" else as_text(result))


def as_json(result: LocationMatches) -> str:
    """The contract of design §5: ``{"locatie", "behoeften": [...], "aanbod": [...]}``."""
    data = {
        "locatie": result.location.slug,
        "behoeften": [_item_dict(entry) for entry in result.behoeften],
        "aanbod": [_item_dict(entry) for entry in result.aanbod],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _item_dict(entry: ItemMatches) -> dict:
    return {
        "wat": entry.item.wat,
        "van": entry.item.van,
        "matches": [
            {
                "card": m.card.path,
                "titel": m.card.titel,
                "score": m.score,
                "redenen": list(m.reasons),
                "sterkte": m.strength,  # added in issue 10: "sterke match", "mogelijke match", "gekoppeld"
                "gekoppeld": m.gekoppeld,
            }
            for m in entry.matches
        ],
    }


def as_text(result: LocationMatches) -> str:
    """Readable output: per need and offer its matches, percentage, reasons and card file."""
    matched, total = needs_with_match(result)
    lines = [
        f"Vraag en aanbod — {result.location.naam} ({result.location.slug})",
        f"{matched} van de {total} behoeften hebben een mogelijke match in de buurt.",
    ]
    sections = (
        ("Van buiten naar binnen: wat de buurt onze cliënten kan bieden", result.behoeften),
        ("Van binnen naar buiten: wat wij de buurt kunnen bieden", result.aanbod),
    )
    for title, items in sections:
        lines += ["", title, ""]
        lines += [line for entry in items for line in _item_lines(entry)] or ["  (nog niets ingevuld)"]
    return "\n".join(lines)


def _item_lines(entry: ItemMatches) -> list[str]:
    item = entry.item
    extra = FROM_WHOM[item.van].lower() + (f"; voorwaarden: {', '.join(item.voorwaarden)}" if item.voorwaarden else "")
    lines = [f"• {item.wat} ({extra})"]
    for rank, m in enumerate(entry.matches, 1):
        lines.append(f"  {rank}. {round(m.score * 100):3d}%  {m.strength}  {m.card.titel}  [{m.card.path}]")
        lines.append(f"         {' · '.join(m.reasons)}")
    if not entry.matches:
        themes = ", ".join(t.lower() for t in entry.themes) or ", ".join(item.tags)
        lines.append(f"  Nog geen match — gericht zoeken naar {themes}." if themes else "  Nog geen match.")
    return lines

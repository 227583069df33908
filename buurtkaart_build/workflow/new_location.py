"""A new location: ``inventory/<locatie>.md`` from the inventory template, valid and never overwritten.

The template (``data/inventaris.md``) asks the inventory questions of the method, in the same
style as the card templates: each question a YAML comment above its key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import Problem
from ..core.fields import parse_coordinates, parse_radius
from ..core.load import RawDoc, parse_text
from ..core.slugs import RESERVED_LOCATION_SLUGS, is_slug, slugify
from ..core.templates import inventory_template
from ..core.validate import validate_location

# The inventory questions of the guide ("Voorbereiding", "Van binnen naar buiten & van buiten
# naar binnen", "Bepaal je zoekgebied"). The template asks every one (a test checks this).
INVENTORY_QUESTIONS: tuple[str, ...] = (
    "Wat heeft de locatie te bieden?",
    "Wat kunnen cliënten bijdragen aan de buurt?",
    "Wat kunnen de professionals bieden?",
    "Welke behoefte is er op de locatie?",
    "Welke behoefte hebben cliënten zelf?",
    "Welke behoefte hebben de professionals?",
    "Wat is jullie zoekgebied?",
    "Hoe verplaatsen jullie cliënten zich?",
)

NAME_LINE = "naam:"
ADDRESS_LINE = "adres:"
COORDINATES_LINE = "coordinaten:   # bijvoorbeeld: [52.3702, 4.8952]"
RADIUS_LINE = "zoekstraal: 1000"


@dataclass(frozen=True)
class NewLocation:
    """What a coordinator gives for a new location; only the name and coordinates are required."""

    naam: str
    coordinaten: str
    adres: str = ""
    zoekstraal: str = ""
    slug: str = ""

    @property
    def path(self) -> str:
        return f"inventory/{self.slug or slugify(self.naam)}.md"


def render_inventory(location: NewLocation) -> str:
    """The template with name, address, coordinates and radius filled in (YAML-safe)."""
    lines = inventory_template().split("\n")
    lines[_index(lines, NAME_LINE)] = f"naam: {_quoted(location.naam)}"
    if _one_line(location.adres):
        lines[_index(lines, ADDRESS_LINE)] = f"adres: {_quoted(location.adres)}"
    lines[_index(lines, COORDINATES_LINE)] = f"coordinaten: {_coordinates(location.coordinaten)}"
    radius = _one_line(location.zoekstraal)
    if radius:
        lines[_index(lines, RADIUS_LINE)] = f"zoekstraal: {radius if radius.isdigit() else _quoted(radius)}"
    return "\n".join(lines)


def slug_problem(slug: str) -> str | None:
    """A Dutch message when ``slug`` cannot name a location, else ``None``."""
    if not slug:
        return 'de naam van de locatie is leeg. Schrijf de naam, bijvoorbeeld: "Woonlocatie De Linde".'
    if not is_slug(slug):
        return (
            f"'{slug}' kan geen korte naam van een locatie zijn. Gebruik alleen kleine letters, "
            "cijfers en streepjes, bijvoorbeeld: de-linde."
        )
    if slug in RESERVED_LOCATION_SLUGS:
        return f"de korte naam '{slug}' gebruikt de website zelf al. Kies een andere, bijvoorbeeld: {slug}-1."
    return None


def answer_problem(name: str, value: str) -> str | None:
    """A Dutch message when one answer (``naam``, ``korte_naam``, ``coordinaten``, ``zoekstraal``)
    cannot be used.

    Lets a command ask again at once; :func:`inventory_problems` checks the whole file after.
    """
    try:
        if name == "naam":
            return slug_problem(slugify(value))
        if name == "korte_naam":
            return slug_problem(value)
        if name == "coordinaten":
            parse_coordinates(value.strip())
        elif name == "zoekstraal" and value.strip():
            parse_radius(value.strip())
    except ValueError as exc:
        return str(exc)
    return None


def inventory_problems(location: NewLocation, text: str) -> list[Problem]:
    """Every error in the new inventory: its short name and its front-matter."""
    slug = location.slug or slugify(location.naam)
    message = slug_problem(slug)
    if message:
        return [Problem(location.path, None, None, message)]
    doc = parse_text(RawDoc(path=location.path, meta={}, body=""), text)
    if doc.ok:
        validate_location(doc)
    return [p for p in doc.problems if p.is_error]


def write_inventory(root: Path, location: NewLocation, text: str) -> Path:
    """Write ``inventory/<slug>.md`` below ``root``.

    Raises:
        FileExistsError: the file exists; it is left untouched.
    """
    path = root / location.path
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return path


def _coordinates(value: str) -> str:
    """``[lat, lon]`` when the value can be read (a pair, a map link); else the text, quoted."""
    try:
        point = parse_coordinates(value.strip())
    except ValueError:
        return _quoted(value)  # validation reports it with the usual message
    lat, lon = point.as_list()
    return f"[{lat}, {lon}]"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quoted(text: str) -> str:
    """A JSON string, which YAML reads as a double-quoted scalar: quotes, ``#`` and ``:`` stay."""
    return json.dumps(_one_line(text), ensure_ascii=False)


def _index(lines: list[str], wanted: str) -> int:
    try:
        return lines.index(wanted)
    except ValueError:
        raise ValueError(f"template line {wanted!r} is missing") from None

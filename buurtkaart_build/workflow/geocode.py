"""``buurtkaart geocode``: fill in missing ``coordinaten`` from ``adres``, changing nothing else.

For every card and inventory whose ``adres`` is filled in and whose ``coordinaten`` is missing
or empty, the address is looked up (:mod:`.pdok`) and one line is written: an empty
``coordinaten:`` line gets the value (its comment stays), otherwise a new line follows the
``adres`` value. Every other byte stays as it was: BOM, line ends (the new line takes the line
end of its neighbour), comments, key order. Coordinates a person wrote are never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.load import RawDoc, StringLoader, parse_text
from .pdok import PDOK_SERVER, Geocoder, LookupProblem, Place

_LINE_END = re.compile(r"\r\n|\r|\n")
_EMPTY_COORDS = re.compile(r"^coordinaten:(?:[ \t]*(?:~|null|Null|NULL|\"\"|''))?(?P<rest>[ \t]+#.*|[ \t]*)$")


@dataclass
class Outcome:
    """What happened to one file: a Dutch line for the report, and whether it was a failure."""

    rel: str
    text: str
    failed: bool = False


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(o.failed for o in self.outcomes)

    def lines(self) -> list[str]:
        return [f"{o.rel}: {o.text}" for o in self.outcomes]


def candidates(root: Path, locatie: str | None = None) -> list[tuple[Path, str]]:
    """Inventory and card files to consider (templates and hidden folders skipped), sorted."""
    files: list[Path] = []
    inventory, cards = root / "inventory", root / "cards"
    if inventory.is_dir():
        files += sorted(inventory.glob(f"{locatie or '*'}.md"))
    if cards.is_dir():
        folders = [cards / locatie] if locatie else sorted(p for p in cards.iterdir() if p.is_dir())
        for folder in folders:
            if folder.is_dir() and not folder.name.startswith((".", "_")):
                files += sorted(f for f in folder.glob("*.md") if not f.name.startswith((".", "_")))
    return [(f, f.relative_to(root).as_posix()) for f in files]


def geocode_repository(
    root: Path, *, locatie: str | None = None, dry_run: bool = False, server: str = PDOK_SERVER
) -> Report:
    """Look up every address without coordinates; write them unless ``dry_run``."""
    geocoder = Geocoder(root, server)
    report = Report()
    for file, rel in candidates(root, locatie):
        outcome = _one_file(file, rel, geocoder, dry_run)
        if outcome is not None:
            report.outcomes.append(outcome)
    if not dry_run:
        geocoder.save()
    return report


def _one_file(file: Path, rel: str, geocoder: Geocoder, dry_run: bool) -> Outcome | None:
    raw = file.read_bytes()
    target = address_without_coordinates(raw, rel)
    if target is None:
        return None
    try:
        place = geocoder.find(target)
    except LookupProblem as exc:
        return Outcome(rel, f"fout: {exc} Er is niets veranderd.", failed=True)
    new = with_coordinates(raw, place)
    if new is None:
        return Outcome(
            rel,
            "fout: de regel 'coordinaten:' kan niet veilig worden aangevuld. Vul de coördinaten zelf in: "
            f"coordinaten: {_value(place)}",
            failed=True,
        )
    if dry_run:
        return Outcome(rel, f"zou coordinaten: {_value(place)} invullen ({place.naam}).")
    file.write_bytes(new)
    return Outcome(rel, f"coordinaten: {_value(place)} ingevuld ({place.naam}).")


def _value(place: Place) -> str:
    return f"[{round(place.lat, 6)!r}, {round(place.lon, 6)!r}]"


def address_without_coordinates(raw: bytes, rel: str = "") -> str | None:
    """The ``adres`` of a readable file whose ``coordinaten`` is missing or empty, else ``None``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    doc = parse_text(RawDoc(path=rel, meta={}, body=""), _normal(text))
    if not doc.ok:
        return None
    address, coords = doc.meta.get("adres"), doc.meta.get("coordinaten")
    if not isinstance(address, str) or not address.strip():
        return None
    if coords is not None and not (isinstance(coords, str) and coords.strip().lower() in ("", "~", "null")):
        return None  # a person wrote something: never overwrite, even when it is wrong
    return " ".join(address.split())


def with_coordinates(raw: bytes, place: Place) -> bytes | None:
    """``raw`` with the coordinates written in one line, or ``None`` when that cannot be done safely."""
    text = raw.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = _LINE_END.split(text[len(bom) :])
    ends = _LINE_END.findall(text[len(bom) :])
    root = _front_matter_root(_normal(text))
    if root is None:
        return None
    keys = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    value = _value(place)
    if "coordinaten" in keys:
        key, node = keys["coordinaten"]
        index = key.start_mark.line + 1  # +1: the opening '---'
        match = _EMPTY_COORDS.match(lines[index])
        if match is None or not key.start_mark.line == node.start_mark.line == node.end_mark.line:
            return None
        lines[index] = f"coordinaten: {value}{match['rest'] if match['rest'].strip() else ''}"
    elif "adres" in keys:
        end = keys["adres"][1].end_mark
        index = end.line + 1 if end.column == 0 else end.line + 2  # the line after the adres value
        end_of_line = ends[index - 1] if index - 1 < len(ends) else "\n"
        lines.insert(index, f"coordinaten: {value}")
        ends.insert(index, end_of_line)
    else:
        return None
    out = "".join(line + (ends[i] if i < len(ends) else "") for i, line in enumerate(lines))
    return (bom + out).encode("utf-8")


def _front_matter_root(text: str) -> yaml.MappingNode | None:
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        return None
    try:
        root = yaml.compose("\n".join(lines[1:end]), Loader=StringLoader)
    except yaml.YAMLError:
        return None
    return root if isinstance(root, yaml.MappingNode) else None


def _normal(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")

"""The inventory template and a new location written from it: the method's questions, valid, safe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from buurtkaart_build.core.load import RawDoc, parse_text
from buurtkaart_build.core.models import LOCATION_KEYS
from buurtkaart_build.core.templates import inventory_template
from buurtkaart_build.core.validate import validate_location
from buurtkaart_build.workflow.new_location import (
    INVENTORY_QUESTIONS,
    NewLocation,
    inventory_problems,
    render_inventory,
    write_inventory,
)

KASTANJE = NewLocation(
    naam="Woonlocatie De Linde", adres="Lindelaan 3, 8011 AA Zwolle", coordinaten="52.5, 6.09", zoekstraal="1500"
)


def _front(text: str):
    doc = parse_text(RawDoc(path="inventory/x.md", meta={}, body=""), text)
    return doc, validate_location(doc) if doc.ok else None


def test_template_asks_the_inventory_questions_of_the_method():
    flat = " ".join(inventory_template().split())
    assert [q for q in INVENTORY_QUESTIONS if q not in flat] == []
    assert "kies je: locatie, cliënten of professionals" in flat
    assert "van: locatie" in flat and "van: cliënten" in flat  # the examples


def test_questions_are_yaml_comments_above_the_keys():
    lines = inventory_template().split("\n")
    for key in ("naam", "adres", "zoekstraal", "mobiliteit", "aanbod", "behoeften"):
        index = next(i for i, line in enumerate(lines) if line == f"{key}:" or line.startswith(f"{key}: "))
        assert lines[index - 1].startswith("# "), key


def test_template_offers_every_key_and_no_other():
    front = inventory_template().split("---\n")[1]
    active = yaml.safe_load(front)
    assert set(active) == set(LOCATION_KEYS)


def test_untitled_template_names_the_required_fields():
    doc, front = _front(inventory_template())
    assert front is None
    assert {p.field for p in doc.problems if p.is_error} == {"naam", "coordinaten"}  # the two required fields


def test_rendered_inventory_is_valid_and_keeps_the_questions():
    text = render_inventory(KASTANJE)
    doc, front = _front(text)
    assert doc.problems == []
    assert front.naam == "Woonlocatie De Linde"
    assert front.adres == "Lindelaan 3, 8011 AA Zwolle"
    assert tuple(front.coordinaten) == (52.5, 6.09)
    assert front.zoekstraal == 1500
    assert front.aanbod == [] and front.behoeften == []
    assert "coordinaten: [52.5, 6.09]" in text.split("\n")
    assert "# Welke behoefte hebben cliënten zelf?" in text


def test_a_map_link_becomes_a_pair_and_km_stays_readable():
    link = "https://www.google.com/maps/place/x/@52.51,6.08,17z/data=!3d52.5031!4d6.0992"
    text = render_inventory(NewLocation(naam="Het Anker", coordinaten=link, zoekstraal="1,5 km"))
    doc, front = _front(text)
    assert doc.problems == []
    assert "coordinaten: [52.5031, 6.0992]" in text
    assert front.zoekstraal == 1500


@pytest.mark.parametrize("naam", ['Huis "De Hoek": wonen & werken', "#1 locatie", "yes", "- streepje", "Zorg’s 🙂"])
def test_name_is_written_yaml_safely(naam):
    doc, front = _front(render_inventory(NewLocation(naam=naam, coordinaten="52.5, 6.09")))
    assert doc.problems == []
    assert front.naam == naam


def test_without_address_or_radius_the_template_lines_stay():
    text = render_inventory(NewLocation(naam="Het Anker", coordinaten="52.5, 6.09"))
    assert "adres:" in text.split("\n") and "zoekstraal: 1000" in text.split("\n")


@pytest.mark.parametrize(
    ("location", "field", "fragment"),
    [
        (NewLocation(naam="Het Anker", coordinaten="hier"), "coordinaten", "'hier' zijn geen coördinaten"),
        (NewLocation(naam="Het Anker", coordinaten="52.5, 6.09", zoekstraal="5000"), "zoekstraal", "5000 meter"),
        (NewLocation(naam="Kaart", coordinaten="52.5, 6.09"), None, "gebruikt de website zelf al"),
        (NewLocation(naam="!!!", coordinaten="52.5, 6.09"), None, "de naam van de locatie is leeg"),
        (NewLocation(naam="Het Anker", coordinaten="52.5, 6.09", slug="Het Anker"), None, "kleine letters"),
    ],
)
def test_problems_name_the_bad_value(location, field, fragment):
    (problem,) = inventory_problems(location, render_inventory(location))
    assert problem.field == field
    assert fragment in problem.message


def test_written_once_never_overwritten(tmp_path: Path):
    text = render_inventory(KASTANJE)
    path = write_inventory(tmp_path, KASTANJE, text)
    assert path == tmp_path / "inventory" / "woonlocatie-de-linde.md"
    assert path.read_text(encoding="utf-8") == text
    path.write_text("eigen tekst", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_inventory(tmp_path, KASTANJE, text)
    assert path.read_text(encoding="utf-8") == "eigen tekst"

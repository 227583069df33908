"""Lenient input, strict meaning: coordinates, answers, dates, radius, links."""

import datetime as dt

import pytest
from pydantic_core import PydanticCustomError

from buurtkaart_build.core.fields import (
    LatLon,
    parse_coordinates,
    parse_date,
    parse_email,
    parse_phone,
    parse_radius,
    parse_web_link,
    tel_href,
)
from buurtkaart_build.core.models import Accessibility


@pytest.mark.parametrize(
    "value",
    [
        ["52.5031", "6.0987"],
        "52.5031, 6.0987",
        "52.5031 6.0987",
        "https://www.openstreetmap.org/?mlat=52.5031&mlon=6.0987#map=18/52.5031/6.0987",
        "https://www.openstreetmap.org/#map=18/52.5031/6.0987",
        "https://www.google.com/maps/@52.5031,6.0987,17z",
        "https://www.google.com/maps/place/Plein/@52.5,6.1,17z/data=!3d52.5031!4d6.0987",
        "https://maps.google.com/?q=52.5031,6.0987",
        {"type": "Point", "coordinates": ["6.0987", "52.5031"]},
    ],
)
def test_every_coordinate_notation(value):
    assert parse_coordinates(value) == LatLon(52.5031, 6.0987)


def message(func, value) -> str:
    with pytest.raises(PydanticCustomError) as info:
        func(value)
    return str(info.value)


def test_swapped_coordinates_give_the_corrected_value():
    assert message(parse_coordinates, ["6.0987", "52.5031"]) == (
        "breedte- en lengtegraad lijken verwisseld: [6.0987, 52.5031] ligt niet in Nederland, "
        "[52.5031, 6.0987] wel. Schrijf coordinaten: [52.5031, 6.0987]"
    )


def test_geojson_written_latitude_first_is_swapped():
    assert "Schrijf coordinaten: [52.5, 6.1]" in message(
        parse_coordinates, {"type": "Point", "coordinates": ["52.5", "6.1"]}
    )


def test_coordinates_out_of_range_and_unparsable():
    assert message(parse_coordinates, "95, 4") == (
        "[95, 4] kan niet: de breedtegraad ligt tussen -90 en 90, de lengtegraad tussen -180 en 180. "
        "Schrijf bijvoorbeeld [52.3702, 4.8952] (breedtegraad, lengtegraad)."
    )
    assert message(parse_coordinates, "bij de kerk") == (
        "'bij de kerk' zijn geen coördinaten. Schrijf bijvoorbeeld [52.3702, 4.8952] (breedtegraad, lengtegraad)."
    )
    assert "in de link 'https://example.org/kaart' staan geen coördinaten" in message(
        parse_coordinates, "https://example.org/kaart"
    )


def test_dates_iso_and_dutch():
    assert parse_date("2026-03-14") == dt.date(2026, 3, 14)
    assert parse_date("14-3-2026") == dt.date(2026, 3, 14)
    assert parse_date("14/03/2026") == dt.date(2026, 3, 14)
    assert message(parse_date, "31-2-2026") == "'31-2-2026' bestaat niet als datum. Controleer dag en maand."
    assert message(parse_date, "maart") == "'maart' is geen datum. Schrijf bijvoorbeeld 2026-03-14 of 14-3-2026."


def test_yes_no_answers_accept_booleans():
    access = Accessibility.model_validate({"rolstoel": "true", "lift": "No", "bereikbaar": "deels", "prikkelarm": ""})
    assert (access.rolstoel, access.lift, access.bereikbaar, access.prikkelarm) == ("ja", "nee", "deels", "onbekend")


def test_radius():
    assert parse_radius("1,5 km") == 1500
    assert parse_radius("800") == 800
    assert parse_radius("2000 m") == 2000
    assert message(parse_radius, "5 km") == (
        "een zoekstraal van 5000 meter kan niet: kies tussen 500 en 3000 meter (0,5 tot 3 km)."
    )


def test_links_email_phone():
    assert parse_web_link("www.example.org/x") == "https://www.example.org/x"
    assert message(parse_web_link, "javascript:alert(1)") == (
        "'javascript:alert(1)' is geen veilige weblink: alleen links die beginnen met http:// of https:// mogen. "
        "Kopieer het adres uit de adresbalk van de browser."
    )
    assert message(parse_email, "els@") == "'els@' is geen geldig e-mailadres. Schrijf bijvoorbeeld naam@voorbeeld.nl"
    assert parse_phone("038 - 123 45 67") == "038 - 123 45 67"
    assert tel_href("038 - 123 45 67") == "tel:0381234567"
    assert "is geen telefoonnummer" in message(parse_phone, "bel maar")

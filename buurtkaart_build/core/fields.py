"""Field types of the card and inventory formats: lenient input, strict meaning, Dutch errors.

Every converter receives strings (the YAML loader keeps scalars as text) and raises
``PydanticCustomError`` with a Dutch message that names the bad value and the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .agenda import AgendaError, parse_wanneer
from .choices import JA_NEE, JA_NEE_DEELS

# Bounding box of the Netherlands (with a margin), used for the swap check and the warning.
NL_LAT = (50.6, 53.8)
NL_LON = (3.1, 7.4)


class LatLon(NamedTuple):
    lat: float
    lon: float

    def as_list(self) -> list[float]:
        return [round(self.lat, 6), round(self.lon, 6)]


def in_netherlands(lat: float, lon: float) -> bool:
    return NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1]


def _bad(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _short(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- coordinates -----------------------------------------------------------------------

_NUM = r"[-+]?\d{1,3}(?:\.\d+)?"
_PAIR = re.compile(rf"^\s*\[?\s*({_NUM})\s*[,; ]\s*({_NUM})\s*\]?\s*$")
# Most precise first: a place's own pin (!3d…!4d…), a query, then the viewport centre (@…).
_GOOGLE = [
    re.compile(rf"!3d({_NUM})!4d({_NUM})"),
    re.compile(rf"[?&](?:q|query|ll|center|destination)=({_NUM}),\s*({_NUM})"),
    re.compile(rf"@({_NUM}),({_NUM})"),
]
_OSM_HASH = re.compile(rf"map=\d+(?:\.\d+)?/({_NUM})/({_NUM})")
_COORD_HELP = "Schrijf bijvoorbeeld [52.3702, 4.8952] (breedtegraad, lengtegraad)."


def parse_coordinates(value: object) -> LatLon:
    """Accept ``[lat, lon]``, ``"lat, lon"``, a map link, or a GeoJSON Point."""
    if isinstance(value, LatLon):
        return value
    if isinstance(value, dict):
        lat, lon = _from_geojson(value)
    elif isinstance(value, list):
        if len(value) != 2 or not all(isinstance(v, str) for v in value):
            raise _bad("coordinaten", f"'{_short(value)}' zijn geen twee getallen. {_COORD_HELP}")
        lat, lon = _number(value[0]), _number(value[1])
    elif isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        lat, lon = _from_link(value.strip())
    elif isinstance(value, str):
        match = _PAIR.match(value)
        if not match:
            raise _bad("coordinaten", f"'{_short(value)}' zijn geen coördinaten. {_COORD_HELP}")
        lat, lon = float(match[1]), float(match[2])
    else:
        raise _bad("coordinaten", f"'{_short(value)}' zijn geen coördinaten. {_COORD_HELP}")
    return _check_range(lat, lon)


def _number(text: str) -> float:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise _bad("coordinaten", f"'{_short(text)}' is geen getal. {_COORD_HELP}") from None


def _from_geojson(value: dict) -> tuple[float, float]:
    coords = value.get("coordinates")
    if str(value.get("type", "")).lower() != "point" or not isinstance(coords, list) or len(coords) < 2:
        raise _bad(
            "coordinaten",
            "een GeoJSON-punt moet 'type: Point' en 'coordinates: [lengtegraad, breedtegraad]' hebben.",
        )
    if not all(isinstance(c, str) for c in coords):
        raise _bad("coordinaten", "de GeoJSON-coördinaten moeten getallen zijn.")
    return _number(coords[1]), _number(coords[0])  # GeoJSON is longitude first


def _from_link(url: str) -> tuple[float, float]:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if "mlat" in query and "mlon" in query:
        return _number(query["mlat"][0]), _number(query["mlon"][0])
    match = _OSM_HASH.search(parts.fragment) or _OSM_HASH.search(parts.query)
    if match:
        return float(match[1]), float(match[2])
    decoded = unquote(url)
    for pattern in _GOOGLE:
        match = pattern.search(decoded)
        if match:
            return float(match[1]), float(match[2])
    raise _bad(
        "coordinaten",
        f"in de link '{_short(url)}' staan geen coördinaten. Open de plek in Google Maps of "
        f"OpenStreetMap, klik rechts op de plek en kopieer de getallen. {_COORD_HELP}",
    )


def _check_range(lat: float, lon: float) -> LatLon:
    if not in_netherlands(lat, lon) and in_netherlands(lon, lat):
        raise _bad(
            "coordinaten",
            f"breedte- en lengtegraad lijken verwisseld: [{lat:g}, {lon:g}] ligt niet in Nederland, "
            f"[{lon:g}, {lat:g}] wel. Schrijf coordinaten: [{lon:g}, {lat:g}]",
        )
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise _bad(
            "coordinaten",
            f"[{lat:g}, {lon:g}] kan niet: de breedtegraad ligt tussen -90 en 90, de lengtegraad "
            f"tussen -180 en 180. {_COORD_HELP}",
        )
    return LatLon(lat, lon)


Coordinates = Annotated[
    LatLon,
    BeforeValidator(parse_coordinates),
    WithJsonSchema(
        {
            "description": "[breedtegraad, lengtegraad], 'breedte, lengte', een kaartlink of een GeoJSON-punt",
            "anyOf": [
                {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"type": {"const": "Point"}, "coordinates": {"type": "array"}},
                    "required": ["type", "coordinates"],
                },
            ],
        }
    ),
]

# --- yes / no / partly --------------------------------------------------------------------

_YES = {"ja", "yes", "true", "y", "j", "on", "waar"}
_NO = {"nee", "no", "false", "n", "off", "onwaar"}


def _answer(allowed: tuple[str, ...]):
    def convert(value: object) -> str:
        text = str(value).strip().lower() if isinstance(value, str | bool) else None
        if text is None:
            raise _bad("antwoord", f"'{_short(value)}' is geen antwoord. Kies uit: {', '.join(allowed)}.")
        if text in ("", "~", "null", "?"):
            return "onbekend"
        text = "ja" if text in _YES else "nee" if text in _NO else text
        if text not in allowed:
            raise _bad("antwoord", f"'{_short(value)}' kan hier niet. Kies uit: {', '.join(allowed)}.")
        return text

    return convert


def _answer_type(allowed: tuple[str, ...]):
    return Annotated[
        str,
        BeforeValidator(_answer(allowed)),
        WithJsonSchema({"enum": list(allowed), "default": "onbekend"}),
    ]


JaNee = _answer_type(JA_NEE)
JaNeeDeels = _answer_type(JA_NEE_DEELS)

# --- dates --------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    iso, dutch = _ISO.match(text), _DUTCH.match(text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dutch:
            return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
    except ValueError:
        raise _bad("datum", f"'{_short(value)}' bestaat niet als datum. Controleer dag en maand.") from None
    raise _bad("datum", f"'{_short(value)}' is geen datum. Schrijf bijvoorbeeld 2026-03-14 of 14-3-2026.")


Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "description": "2026-03-14 of 14-3-2026"}),
]

# --- search radius ------------------------------------------------------------------------

_RADIUS = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(m|meter|km|kilometer)?$")


def parse_radius(value: object) -> int:
    text = str(value).strip().lower() if isinstance(value, str | int) else ""
    match = _RADIUS.match(text)
    if not match:
        raise _bad("zoekstraal", f"'{_short(value)}' is geen afstand. Schrijf bijvoorbeeld 1000 of \"1,5 km\".")
    metres = float(match[1].replace(",", "."))
    if match[2] in ("km", "kilometer"):
        metres *= 1000
    if not 500 <= metres <= 3000:
        raise _bad(
            "zoekstraal",
            f"een zoekstraal van {metres:g} meter kan niet: kies tussen 500 en 3000 meter (0,5 tot 3 km).",
        )
    return round(metres)


Radius = Annotated[
    int,
    BeforeValidator(parse_radius),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 500, "maximum": 3000}, {"type": "string"}]}),
]

# --- links, e-mail, phone -----------------------------------------------------------------

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
_PHONE = re.compile(r"^\+?[0-9 ()\-.]{6,20}$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?$")


def parse_web_link(value: object) -> str:
    text = _text(value, "link").strip()
    if "://" not in text and ":" not in text.split("/")[0] and _HOST.match(text.split("/")[0]):
        text = "https://" + text  # www.example.org → https://www.example.org
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _bad(
            "link",
            f"'{_short(value)}' is geen veilige weblink: alleen links die beginnen met "
            "http:// of https:// mogen. Kopieer het adres uit de adresbalk van de browser.",
        )
    if not _HOST.match(parts.netloc.rsplit("@", 1)[-1]) and parts.hostname not in ("localhost",):
        raise _bad(
            "link",
            f"'{_short(value)}' is geen geldige weblink. Schrijf bijvoorbeeld https://www.voorbeeld.nl",
        )
    return text


def parse_email(value: object) -> str:
    text = _text(value, "email").strip().removeprefix("mailto:")
    if not _EMAIL.match(text):
        raise _bad("email", f"'{_short(value)}' is geen geldig e-mailadres. Schrijf bijvoorbeeld naam@voorbeeld.nl")
    return text


def parse_phone(value: object) -> str:
    text = _text(value, "telefoon").strip().removeprefix("tel:")
    if not _PHONE.match(text) or sum(c.isdigit() for c in text) < 6:
        raise _bad(
            "telefoon",
            f"'{_short(value)}' is geen telefoonnummer. Schrijf bijvoorbeeld 038 123 45 67 of +31 6 12345678.",
        )
    return text


def _text(value: object, kind: str) -> str:
    if not isinstance(value, str):
        raise _bad(kind, f"'{_short(value)}' moet één tekst zijn, geen lijst of groep velden.")
    return value


WebLink = Annotated[str, BeforeValidator(parse_web_link), WithJsonSchema({"type": "string", "format": "uri"})]
Email = Annotated[str, BeforeValidator(parse_email), WithJsonSchema({"type": "string", "format": "email"})]
Phone = Annotated[str, BeforeValidator(parse_phone), WithJsonSchema({"type": "string"})]


def tel_href(phone: str) -> str:
    """``038 - 123 45 67`` → ``tel:0381234567``."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


# --- plain text and lists -----------------------------------------------------------------


def _plain_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    raise _bad("tekst", f"'{_short(value)}' moet één tekst zijn. Zet de tekst op één regel achter de dubbele punt.")


def _text_list(value: object) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]  # a single item written without a dash
    return value


Text = Annotated[str, BeforeValidator(_plain_text), WithJsonSchema({"type": "string"})]


def _tag(value: object) -> str:
    return " ".join(_plain_text(value).lower().lstrip("#").split())


Tag = Annotated[str, BeforeValidator(_tag), WithJsonSchema({"type": "string"})]
TextList = BeforeValidator(_text_list)


# --- a card named in the inventory (the team's decisions) ----------------------------------------

CARD_PATH = re.compile(r"^cards/[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*\.md$")


def parse_card_path(value: object) -> str:
    """``cards/de-kastanje/bakkerij.md``; ``.md``, ``cards/`` and backslashes may be left out or differ."""
    text = _plain_text(value)
    path = text.replace("\\", "/").removeprefix("./").strip("/")
    if not path.startswith("cards/") and path.count("/") == 1:
        path = "cards/" + path
    if not path.endswith(".md"):
        path += ".md"
    if not CARD_PATH.match(path):
        raise _bad(
            "kaart",
            f"'{_short(text)}' is geen kaart. Schrijf het pad van de kaart, zoals "
            "cards/de-kastanje/bakkerij-de-korenaar.md.",
        )
    return path


CardPath = Annotated[
    str,
    BeforeValidator(parse_card_path),
    WithJsonSchema({"type": "string", "pattern": "^(cards/)?[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*(\\.md)?$"}),
]


# --- wanneer (the buurtagenda) -----------------------------------------------------------


def _wanneer(value: object) -> str:
    """Check that the agenda can read it; a YAML list becomes one text with ``;`` between the parts."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(v.strip() for v in value if v.strip())
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise _bad("wanneer", f"'{_short(value)}' moet een tekst of een lijst van teksten zijn.")
    try:
        parse_wanneer(text)
    except AgendaError as exc:
        raise _bad("wanneer", str(exc)) from None
    return text


Wanneer = Annotated[
    str,
    BeforeValidator(_wanneer),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]

"""JSON Schema of the card and inventory formats, in Dutch, for editors and other tools.

Pydantic derives the structure from the models; this module adds what an editor shows a
coordinator: Dutch titles and descriptions per key. The committed files in ``schema/`` are
this output (a test keeps them in sync with the models).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core.choices import ACCESS_KEYS, ACTION_STATUSES, CATEGORIES, STATUSES
from ..core.models import Accessibility, Action, CardFront, Contact, Item, LocationFront, Photo

DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft editors' YAML and JSON tools know best
KINDS = ("kaart", "inventaris")
FILES = {"kaart": "schema/kaart.schema.json", "inventaris": "schema/inventaris.schema.json"}
_DEF_PATHS = {"Accessibility": "toegankelijkheid", "Contact": "contact", "Photo": "fotos", "Action": "acties"}
_DEF_MODELS: dict[str, type[BaseModel]] = {
    "Accessibility": Accessibility,
    "Contact": Contact,
    "Photo": Photo,
    "Action": Action,
}
# The fewest keys each model needs, to try one more key with an empty value.
_MINIMAL = {CardFront: {"titel": "x", "categorie": "bedrijven"}, LocationFront: {"naam": "x", "coordinaten": "52, 5"}}
_NULL = {"type": "null"}
_DATE = "2026-03-14 of 14-3-2026"
_COORDS = (
    'Waar het is. Schrijf [52.5031, 6.0992] (breedtegraad, lengtegraad), "52.5031, 6.0992", '
    "een link uit Google Maps of OpenStreetMap, of een GeoJSON-punt."
)
_GEOJSON = {
    "coordinaten.type": ("Type", "Bij een GeoJSON-punt: Point."),
    "coordinaten.coordinates": (
        "GeoJSON-coördinaten",
        "[lengtegraad, breedtegraad]: bij GeoJSON staat de lengtegraad eerst.",
    ),
}
_ITEM = {
    "*.wat": ("Wat", "Wat het is, in één zin. Verplicht."),
    "*.van": ("Van wie", "locatie, cliënten of professionals (standaard: locatie)."),
    "*.tags": ("Thema's", "Woorden om op te zoeken en te koppelen, bijvoorbeeld [tuin, muziek]."),
    "*.voorwaarden": ("Voorwaarden", f"Wat nodig is om mee te doen: {', '.join(ACCESS_KEYS)}."),
    "*.gekoppeld": (
        "Gekoppeld",
        "Kaarten die het team hieraan koppelde, zoals [cards/de-kastanje/bakkerij.md]. Ze staan bovenaan.",
    ),
    "*.past_niet": (
        "Past niet",
        "Kaarten die volgens het team niet passen: Buurtkaart stelt ze hier niet meer voor.",
    ),
}
CARD_TEXT: dict[str, tuple[str, str]] = {
    "": ("Buurtkaart: kaart", "Eén vondst uit de buurt (cards/<locatie>/<naam>.md)."),
    "titel": ("Titel", "De naam van de plek, de organisatie of het onderwerp. Verplicht."),
    "categorie": (
        "Categorie",
        "Verplicht. " + "; ".join(f"{key}: {label}" for key, label in CATEGORIES.items()) + ".",
    ),
    "samenvatting": ("Samenvatting", "Eén zin in gewone taal: wat is dit?"),
    "adres": ("Adres", "Straat, huisnummer en plaats."),
    "coordinaten": ("Coördinaten", _COORDS + " Nodig om op de kaart te staan."),
    **_GEOJSON,
    "wat_doen_ze": ("Wat doen ze?", "Wat doet de organisatie of het bedrijf? Wat gebeurt er op deze plek?"),
    "voor_de_buurt": ("Doen ze al iets voor de buurt?", "Wat ze nu al voor de buurt doen."),
    "kent_ons": ("Kennen ze ons al?", "ja, nee of onbekend."),
    "toegankelijkheid": (
        "Bereikbaar en toegankelijk?",
        "Is de plek makkelijk bereikbaar voor de doelgroep? Is hij toegankelijk (brede deuren, liften, "
        "invalidetoilet)? Per punt: ja, nee, deels of onbekend.",
    ),
    **{f"toegankelijkheid.{key}": (label, "ja, nee, deels of onbekend.") for key, label in ACCESS_KEYS.items()},
    "toegankelijkheid.toelichting": ("Toelichting", "Uitleg in eigen woorden, bijvoorbeeld waar de ingang is."),
    "contact": ("Contactgegevens", "Wie je kunt bellen of mailen."),
    "contact.naam": ("Naam", "Naam van de contactpersoon."),
    "contact.telefoon": ("Telefoon", "Bijvoorbeeld 038 123 45 67 of +31 6 12345678."),
    "contact.email": ("E-mail", "Bijvoorbeeld naam@voorbeeld.nl."),
    "contact.website": ("Website", "Het adres uit de adresbalk van de browser, met https://."),
    "contact.social": ("Social media", "Links naar bijvoorbeeld Facebook of Instagram, één per regel."),
    "aanbod": ("Wat kunnen zij bieden?", "Wat zij onze cliënten of onze locatie kunnen bieden. Eén punt per regel."),
    "vraag": ("Wat hebben zij nodig?", "Wat zij nodig hebben dat wij kunnen bieden. Eén punt per regel."),
    "tags": ("Thema's", "Woorden om op te zoeken en te koppelen, bijvoorbeeld [tuin, muziek]."),
    "wanneer": (
        "Wanneer?",
        "Voor de buurtagenda: een datum (2027-04-27 of 27-4-2027), met tijd (2027-04-27 14:00-17:00), een "
        "herhaling ('elke woensdag 10:00-12:00', 'iedere eerste zaterdag van de maand'), een feestdag "
        "('Koningsdag', 'Keti Koti', 'Ramadan') of een lijst daarvan.",
    ),
    "status": ("Status", "Hoe het contact ervoor staat: " + ", ".join(STATUSES) + "."),
    "fotos": (
        "Foto's",
        "Foto's van de plek, elk met 'bestand' en 'beschrijving'. Fotografeer plekken, geen mensen. "
        "De site haalt plaats, datum en camera uit de foto.",
    ),
    "fotos.bestand": (
        "Bestand",
        "De foto (.jpg, .jpeg, .png of .webp) in de map van de kaart, bijvoorbeeld fotos/ingang.jpg. Hoogstens 20 MB.",
    ),
    "fotos.beschrijving": (
        "Beschrijving",
        "Verplicht: wat er op de foto te zien is, bijvoorbeeld 'de ingang met een brede deur'. "
        "Wie de foto niet kan zien, hoort of leest deze tekst.",
    ),
    "bezocht": ("Bezocht", f"Wanneer je er was: {_DATE}."),
    "gecontroleerd": (
        "Gecontroleerd",
        f"Wanneer de gegevens voor het laatst zijn nagekeken: {_DATE}. Na 12 maanden meldt de controle "
        "'contactgegevens controleren'.",
    ),
}
LOCATION_TEXT: dict[str, tuple[str, str]] = {
    "": ("Buurtkaart: inventaris", "Eén locatie: waar hij is, de zoekstraal, het aanbod en de behoeften."),
    "naam": ("Naam", "De naam van de locatie. Verplicht."),
    "adres": ("Adres", "Straat, huisnummer en plaats."),
    "coordinaten": ("Coördinaten", _COORDS + " Verplicht: het midden van de kaart."),
    **_GEOJSON,
    "zoekstraal": ("Zoekstraal", 'Hoe ver je zoekt, in meters: 500 tot 3000 (standaard 1000). "1,5 km" mag ook.'),
    "mobiliteit": ("Mobiliteit", "Hoe cliënten zich verplaatsen, bijvoorbeeld [lopen, rolstoel, fiets, busje]."),
    "aanbod": (
        "Wat wij bieden",
        "Wat de locatie, de cliënten of de professionals de buurt kunnen bieden (van binnen naar buiten). "
        "Een tekst, of een groep met wat, van, tags, voorwaarden, gekoppeld en past_niet.",
    ),
    "behoeften": (
        "Wat wij nodig hebben",
        "Wat de locatie, de cliënten of de professionals nodig hebben (van buiten naar binnen). "
        "Noem nooit de naam van een cliënt.",
    ),
    **_ITEM,
    "acties": ("Acties", "Wat het team in het overleg heeft afgesproken; staat op de pagina Actieplan."),
    "acties.kans": ("Kans", "Wat je gaat doen, in één zin. Verplicht."),
    "acties.kaart": ("Kaart", "De bestandsnaam van de kaart waar het om gaat, zonder .md (mag leeg)."),
    "acties.wie": ("Wie", "Wie het oppakt."),
    "acties.wanneer": ("Wanneer", f"Wanneer het klaar moet zijn: {_DATE}."),
    "acties.status": ("Status", "Hoe het ervoor staat: " + ", ".join(ACTION_STATUSES) + " (standaard: open)."),
}


def json_schema(kind: str) -> dict[str, Any]:
    """The Dutch JSON Schema of ``kind`` (``kaart`` or ``inventaris``)."""
    model, texts = _SOURCES[kind]
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})
    for name, sub in defs.items():
        _mark_empty(sub, _DEF_MODELS[name])
        _describe(sub, _DEF_PATHS.get(name, name), texts)
    for key in ("aanbod", "behoeften") if model is LocationFront else ():
        _mark_empty(next(o for o in schema["properties"][key]["items"]["anyOf"] if "properties" in o), Item)
    _mark_empty(schema, model)
    _describe(schema, "", texts)
    first = {"$schema": DRAFT, "title": schema.pop("title"), "description": schema.pop("description")}
    out: dict[str, Any] = {**first, "type": schema.pop("type"), **schema}
    if defs:
        out["$defs"] = defs
    return out


def schema_text(kind: str) -> str:
    """``json_schema(kind)`` as the file text: indented, UTF-8 characters kept, final newline."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def undescribed(kind: str) -> list[str]:
    """Keys of the format without a Dutch description (a test keeps this empty)."""
    model, texts = _SOURCES[kind]
    missing: list[str] = []
    _walk_keys(model.model_json_schema(), "", lambda path: _lookup(path, texts) or missing.append(path))
    return missing


_SOURCES: dict[str, tuple[type[BaseModel], dict[str, tuple[str, str]]]] = {
    "kaart": (CardFront, CARD_TEXT),
    "inventaris": (LocationFront, LOCATION_TEXT),
}


def _mark_empty(node: dict, model: type[BaseModel]) -> None:
    """An empty key (``aanbod:``) is null to an editor: allow null exactly where the loader accepts it."""
    for key, prop in node.get("properties", {}).items():
        try:
            model.model_validate({**_MINIMAL.get(model, {}), key: ""})
        except ValidationError:
            _forbid_null(prop)
        else:
            _allow_null(prop)


def _allow_null(prop: dict) -> None:
    if _NULL in prop.get("anyOf", []):
        return
    inner = {k: prop.pop(k) for k in list(prop) if k not in ("title", "description", "default")}
    prop["anyOf"] = [inner, _NULL]


def _forbid_null(prop: dict) -> None:
    if _NULL not in prop.get("anyOf", []):
        return
    rest = [option for option in prop.pop("anyOf") if option != _NULL]
    if len(rest) == 1:
        prop.update(rest[0])
    else:
        prop["anyOf"] = rest
    if prop.get("default", "") is None:
        del prop["default"]


def _describe(node: dict, path: str, texts: dict[str, tuple[str, str]]) -> None:
    found = _lookup(path, texts)
    if found:
        node["title"], node["description"] = found
    else:
        node.pop("title", None)  # pydantic's "Wat Doen Ze"
        node.pop("description", None)  # the models' English docstrings
    for name, sub in node.get("properties", {}).items():
        _describe(sub, f"{path}.{name}" if path else name, texts)
    for sub in _children(node):
        _describe_nested(sub, path, texts)


def _describe_nested(node: dict, path: str, texts: dict[str, tuple[str, str]]) -> None:
    """Inside ``items`` / ``anyOf`` the key is the same; only objects carry new keys."""
    if "properties" in node:
        node.pop("title", None)
        node.pop("description", None)
        for name, sub in node["properties"].items():
            _describe(sub, f"{path}.{name}", texts)
    for sub in _children(node):
        _describe_nested(sub, path, texts)


def _children(node: dict) -> list[dict]:
    subs = [node["items"]] if isinstance(node.get("items"), dict) else []
    return subs + [s for s in node.get("anyOf", []) if isinstance(s, dict)]


def _lookup(path: str, texts: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The text of ``contact.email``; ``*.wat`` serves ``aanbod.wat`` and ``behoeften.wat``."""
    if path in texts:
        return texts[path]
    return texts.get("*." + path.rsplit(".", 1)[-1]) if "." in path else None


def _walk_keys(node: dict, path: str, visit) -> None:
    defs = node.get("$defs", {})
    for name, sub in node.get("properties", {}).items():
        key = f"{path}.{name}" if path else name
        visit(key)
        _walk_keys(sub, key, visit)
        for ref in _refs(sub):
            _walk_keys(defs.get(ref, {}) | {"$defs": defs}, key, visit)
    for sub in _children(node):
        _walk_keys(sub | {"$defs": defs}, path, visit)


def _refs(node: dict) -> list[str]:
    refs = [node["$ref"].rsplit("/", 1)[-1]] if "$ref" in node else []
    return refs + [r for sub in _children(node) for r in _refs(sub)]

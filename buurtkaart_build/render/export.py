"""Exports of the findings: GeoJSON (RFC 7946, for uMap and QGIS) and CSV (for a Dutch spreadsheet).

Pure functions: same repository, byte-identical output. Findings are sorted by location, then
nearest first, then by title and file. Both formats carry the same fields.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from ..core.choices import ACCESS_KEYS
from ..core.models import Card, Location
from .photos import photo_links

if TYPE_CHECKING:
    from ..core.repository import Repository
    from .options import Output, SiteOptions

PRIVATE_FIELDS = ("contact_naam", "telefoon", "email")
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
FIELDS = (
    "locatie", "slug", "titel", "categorie", "samenvatting", "adres", "afstand_m", "kent_ons", "status",
    *ACCESS_KEYS, "toegankelijkheid_toelichting", "contact_naam", "telefoon", "email", "website", "social",
    "wat_doen_ze", "voor_de_buurt", "aanbod", "vraag", "tags", "wanneer", "bezocht", "gecontroleerd",
    "pagina", "fotos", "bestand",
)  # fmt: skip


def record(card: Card, location: Location | None, *, public: bool = False) -> dict[str, object]:
    """The card's exported fields, in a fixed order; lists stay lists. Leaves out nothing but privacy."""
    access = card.toegankelijkheid
    contact = card.contact
    d = card.distance
    rec: dict[str, object] = {
        "locatie": card.locatie,
        "slug": card.slug,
        "titel": card.titel,
        "categorie": card.categorie,
        "samenvatting": card.samenvatting,
        "adres": card.adres,
        "afstand_m": round(d) if d is not None else None,
        "kent_ons": card.kent_ons,
        "status": card.status,
        **{key: getattr(access, key) if access else None for key in ACCESS_KEYS},
        "toegankelijkheid_toelichting": access.toelichting if access else None,
        "contact_naam": contact.naam if contact else None,
        "telefoon": contact.telefoon if contact else None,
        "email": contact.email if contact else None,
        "website": contact.website if contact else None,
        "social": list(contact.social) if contact else [],
        "wat_doen_ze": card.wat_doen_ze,
        "voor_de_buurt": card.voor_de_buurt,
        "aanbod": list(card.aanbod),
        "vraag": list(card.vraag),
        "tags": list(card.tags),
        "wanneer": card.wanneer,
        "bezocht": card.bezocht.isoformat() if card.bezocht else None,
        "gecontroleerd": card.gecontroleerd.isoformat() if card.gecontroleerd else None,
        "pagina": card.url,
        "fotos": photo_links(card),
        "bestand": card.path,
    }
    if public:
        for key in PRIVATE_FIELDS:
            del rec[key]
    return rec


def to_geojson(repo: Repository, locatie: str | None = None, *, public: bool = False) -> str:
    """A GeoJSON FeatureCollection of the findings WITH coordinates, ``[longitude, latitude]``.

    One feature per line, so the file reads and diffs well. Findings without coordinates are
    only in the CSV (a feature without geometry trips up some map tools).
    """
    lines = []
    for card in repo.cards_nearest_first(locatie):
        if card.coordinaten is None:
            continue
        lat, lon = card.coordinaten.as_list()
        feature = {
            "type": "Feature",
            "id": f"{card.locatie}/{card.slug}",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": record(card, repo.locations.get(card.locatie), public=public),
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def to_csv(repo: Repository, locatie: str | None = None, *, public: bool = False) -> str:
    """Every finding as CSV for a Dutch spreadsheet: UTF-8 with BOM, ``;`` between cells, decimal comma.

    Cells that a spreadsheet would run as a formula get a leading ``'``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["breedtegraad", "lengtegraad", *(f for f in FIELDS if not public or f not in PRIVATE_FIELDS)])
    for card in repo.cards_nearest_first(locatie):
        rec = record(card, repo.locations.get(card.locatie), public=public)
        lat, lon = card.coordinaten.as_list() if card.coordinaten else (None, None)
        writer.writerow([_cell(lat), _cell(lon), *(_cell(value) for value in rec.values())])
    return BOM + buffer.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")  # decimal comma: a Dutch spreadsheet
    if isinstance(value, int):
        return str(value)
    text = ", ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def site_exports(repo: Repository, options: SiteOptions) -> Output:
    """Builder: ``<locatie>/export/<locatie>.geojson`` and ``.csv`` (public mode leaves contacts out)."""
    out: Output = {}
    for slug in repo.locations:
        base = f"{slug}/export/{slug}"
        out[f"{base}.geojson"] = to_geojson(repo, slug, public=options.public).encode("utf-8")
        out[f"{base}.csv"] = to_csv(repo, slug, public=options.public).encode("utf-8")
    return out

"""Address → point with PDOK Locatieserver (``search/v3_1/free``), and the committed answer cache.

PDOK's free search is fuzzy: almost any text gets some answer. An answer is taken only when
exactly one suggestion contains every word of the address (postcodes written either way) and
has the fewest extra words; otherwise the address is "not found" or "ambiguous", in Dutch,
naming what PDOK suggested. Accepted answers go into ``geocode-cache.json`` at the repository
root (sorted, one entry per address), so a second run, a rebuild or CI needs no network.
"""

from __future__ import annotations

import json
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..core.geo import PDOK_LOCATIESERVER as PDOK_SERVER

CACHE_FILE = "geocode-cache.json"
ROWS = 10
TIMEOUT_S = 15
_POINT = re.compile(r"^\s*POINT\s*\(\s*([-+]?\d+(?:\.\d+)?)\s+([-+]?\d+(?:\.\d+)?)\s*\)\s*$", re.IGNORECASE)
_POSTCODE = re.compile(r"\b(\d{4})\s+([a-z]{2})\b")


class LookupProblem(Exception):
    """The address gave no usable answer; ``str(exc)`` is the Dutch reason (without the file)."""


@dataclass(frozen=True)
class Place:
    """An accepted answer: the point (WGS84) and PDOK's own name for it."""

    lat: float
    lon: float
    naam: str

    def as_json(self) -> dict:
        return {"lat": self.lat, "lon": self.lon, "naam": self.naam}


def cache_key(address: str) -> str:
    """One spelling per address: case and runs of spaces do not matter."""
    return " ".join(address.split()).casefold()


def words(text: str) -> set[str]:
    """Lowercase words without accents; ``8012 DK`` and ``8012DK`` give the same word."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = _POSTCODE.sub(r"\1\2", folded)
    return set(re.findall(r"[a-z0-9]+", folded))


def free_url(server: str, address: str) -> str:
    """The ``free`` search URL for ``address`` on a Locatieserver-compatible ``server``."""
    base = server.rstrip("/")
    if not base.endswith("/free"):
        base += "/free"
    query = {"q": address, "rows": str(ROWS), "fl": "weergavenaam,centroide_ll,type", "fq": "type:(adres OR weg)"}
    return f"{base}?{urllib.parse.urlencode(query)}"


class Geocoder:
    """Looks addresses up, cache first; remembers a dead connection so it is tried only once."""

    def __init__(self, root: Path, server: str = PDOK_SERVER) -> None:
        self.server = server
        self.cache_path = root / CACHE_FILE
        self.cache: dict[str, dict] = _read_cache(self.cache_path)
        self.changed = False
        self._offline: str | None = None

    def find(self, address: str) -> Place:
        key = cache_key(address)
        hit = self.cache.get(key)
        if isinstance(hit, dict) and _valid_entry(hit):
            return Place(float(hit["lat"]), float(hit["lon"]), str(hit.get("naam", "")))
        place = choose(address, self._ask(address))
        self.cache[key] = place.as_json()
        self.changed = True
        return place

    def save(self) -> None:
        """Write the cache when something was added: sorted keys, so the file diffs cleanly."""
        if self.changed:
            text = json.dumps(dict(sorted(self.cache.items())), ensure_ascii=False, indent=2, sort_keys=True)
            self.cache_path.write_text(text + "\n", encoding="utf-8", newline="\n")
            self.changed = False

    def _ask(self, address: str) -> list[dict]:
        if self._offline:
            raise LookupProblem(self._offline)
        request = urllib.request.Request(free_url(self.server, address), headers={"User-Agent": "buurtkaart"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310 - http(s) only
                data = answer.read(2_000_000)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            self._offline = (
                f"de adreszoeker ({self.server}) is niet bereikbaar ({reason}). Controleer de "
                "internetverbinding en probeer het later opnieuw, of vul de coördinaten zelf in."
            )
            raise LookupProblem(self._offline) from None
        return _docs(data)


def _docs(data: bytes) -> list[dict]:
    malformed = LookupProblem(
        "de adreszoeker gaf een antwoord dat niet klopt (geen geldige zoekresultaten). "
        "Probeer het later opnieuw, of vul de coördinaten zelf in."
    )
    try:
        docs = json.loads(data.decode("utf-8"))["response"]["docs"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise malformed from None
    if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
        raise malformed
    return docs


def choose(address: str, docs: list[dict]) -> Place:
    """The one suggestion that contains every word of ``address`` with the fewest extra words."""
    wanted = words(address)
    names = [str(d.get("weergavenaam", "")) for d in docs]
    fits = [(len(words(n) - wanted), d, n) for d, n in zip(docs, names, strict=True) if wanted <= words(n)]
    if not fits:
        seen = "; ".join(dict.fromkeys(n for n in names if n))
        hint = f" De adreszoeker kent wel: {_short(seen)}." if seen else ""
        raise LookupProblem(
            f"het adres '{_short(address)}' is niet gevonden.{hint} Schrijf straat, huisnummer en "
            "plaats (bijvoorbeeld 'Assendorperstraat 171, Zwolle'), of vul de coördinaten zelf in."
        )
    fewest = min(extra for extra, _, _ in fits)
    best = [(d, n) for extra, d, n in fits if extra == fewest]
    if len({n for _, n in best}) > 1:
        options = "; ".join(dict.fromkeys(n for _, n in best))
        raise LookupProblem(
            f"het adres '{_short(address)}' past bij meer dan één plek: {_short(options, 200)}. "
            "Maak het adres preciezer (met huisnummer, postcode of plaats), of vul de coördinaten zelf in."
        )
    doc, name = best[0]
    match = _POINT.match(str(doc.get("centroide_ll", "")))
    if not match:
        raise LookupProblem(
            f"de adreszoeker gaf voor '{_short(address)}' geen bruikbaar punt. "
            "Probeer het later opnieuw, of vul de coördinaten zelf in."
        )
    lon, lat = float(match[1]), float(match[2])  # WKT is longitude first
    return Place(round(lat, 6), round(lon, 6), name)


def _valid_entry(entry: dict) -> bool:
    try:
        return -90 <= float(entry["lat"]) <= 90 and -180 <= float(entry["lon"]) <= 180
    except (KeyError, TypeError, ValueError):
        return False


def _read_cache(path: Path) -> dict[str, dict]:
    """The committed answers; a missing or damaged file counts as empty (it is only a cache)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Every fixed choice of the card and inventory formats, with the label the site shows.

The single source: the models build their allowed values from these mappings, and the site,
the exports, the schema and the templates read their labels here.
"""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "ontmoeten": "Ontmoeten & communicatie",
    "organisaties": "Maatschappelijke organisaties",
    "bedrijven": "Bedrijven",
    "activiteiten": "Overige buurtactiviteiten",
}
STATUSES: dict[str, str] = {
    "nieuw": "Nieuw",
    "benaderd": "Benaderd",
    "contact": "In contact",
    "samenwerking": "Samenwerking",
    "gestopt": "Gestopt",
}
ACCESS_KEYS: dict[str, str] = {
    "bereikbaar": "Makkelijk bereikbaar",
    "rolstoel": "Rolstoeltoegankelijk",
    "lift": "Lift",
    "invalidetoilet": "Invalidetoilet",
    "prikkelarm": "Prikkelarm",
}
FROM_WHOM: dict[str, str] = {
    "locatie": "De locatie",
    "cliënten": "Cliënten",
    "professionals": "Professionals",
}
KENT_ONS: dict[str, str] = {"ja": "Ja, ze kennen ons al", "nee": "Nee, nog niet", "onbekend": "Weten we nog niet"}
JA_NEE = tuple(KENT_ONS)
JA_NEE_DEELS = ("ja", "nee", "deels", "onbekend")
ACTION_STATUSES: dict[str, str] = {"open": "Nog doen", "bezig": "Bezig", "klaar": "Klaar", "gestopt": "Gestopt"}

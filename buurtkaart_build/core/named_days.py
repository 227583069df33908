"""Named days of the Dutch year that neighbourhood activities hang on (Koningsdag, Keti Koti, …).

Fixed days are computed; Ramadan, Suikerfeest and Offerfeest come from a table in
``buurtkaart_build/data/islamitische_feestdagen.json`` that names its source.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class NamedDay:
    key: str
    label: str  # how the agenda writes it


NAMED_DAYS: dict[str, NamedDay] = {
    d.key: d
    for d in (
        NamedDay("koningsdag", "Koningsdag"),
        NamedDay("bevrijdingsdag", "Bevrijdingsdag"),
        NamedDay("keti-koti", "Keti Koti"),
        NamedDay("burendag", "Burendag"),
        NamedDay("halloween", "Halloween"),
        NamedDay("sint-maarten", "Sint-Maarten"),
        NamedDay("sinterklaasavond", "Sinterklaasavond"),
        NamedDay("ramadan", "Ramadan"),
        NamedDay("suikerfeest", "Suikerfeest"),
        NamedDay("offerfeest", "Offerfeest"),
    )
}

# What people write, after lowercasing and dropping spaces, hyphens, dots and apostrophes.
ALIASES: dict[str, str] = {
    "koningsdag": "koningsdag",
    "bevrijdingsdag": "bevrijdingsdag",
    "5mei": "bevrijdingsdag",
    "ketikoti": "keti-koti",
    "ketikotie": "keti-koti",
    "burendag": "burendag",
    "halloween": "halloween",
    "sintmaarten": "sint-maarten",
    "stmaarten": "sint-maarten",
    "sintemaarten": "sint-maarten",
    "sinterklaasavond": "sinterklaasavond",
    "pakjesavond": "sinterklaasavond",
    "sinterklaas": "sinterklaasavond",
    "ramadan": "ramadan",
    "ramadhan": "ramadan",
    "suikerfeest": "suikerfeest",
    "eidalfitr": "suikerfeest",
    "idalfitr": "suikerfeest",
    "ramadanbayrami": "suikerfeest",
    "offerfeest": "offerfeest",
    "eidaladha": "offerfeest",
    "idaladha": "offerfeest",
    "kurbanbayrami": "offerfeest",
}

_FIXED = {"bevrijdingsdag": (5, 5), "keti-koti": (7, 1), "halloween": (10, 31), "sint-maarten": (11, 11)}
_FIXED["sinterklaasavond"] = (12, 5)
_ISLAMIC = {"ramadan": "ramadan_begin", "suikerfeest": "suikerfeest", "offerfeest": "offerfeest"}


def alias_key(text: str) -> str | None:
    """``Keti-Koti`` → ``keti-koti``; ``None`` when ``text`` names no known day."""
    squeezed = "".join(ch for ch in text.lower() if ch not in " -.'’‘_")
    return ALIASES.get(squeezed.replace("ā", "a").replace("ı", "i"))


def koningsdag(year: int) -> dt.date:
    """27 April, or the 26th when the 27th is a Sunday."""
    day = dt.date(year, 4, 27)
    return day - dt.timedelta(days=1) if day.weekday() == calendar.SUNDAY else day


def burendag(year: int) -> dt.date:
    """The fourth Saturday of September (Oranje Fonds)."""
    first = dt.date(year, 9, 1)
    return first + dt.timedelta(days=(calendar.SATURDAY - first.weekday()) % 7 + 21)


def spans(key: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every (first day, last day) of the named day that starts within ``[first, last]``."""
    if key in _ISLAMIC:
        return [s for s in _islamic_spans(key) if first <= s[0] <= last]
    out = []
    for year in range(first.year, last.year + 1):
        if key == "koningsdag":
            day = koningsdag(year)
        elif key == "burendag":
            day = burendag(year)
        else:
            day = dt.date(year, *_FIXED[key])
        if first <= day <= last:
            out.append((day, day))
    return out


def _islamic_spans(key: str) -> list[tuple[dt.date, dt.date]]:
    rows = islamic_table()["jaren"]
    if key == "ramadan":
        return [(dt.date.fromisoformat(r["ramadan_begin"]), dt.date.fromisoformat(r["ramadan_einde"])) for r in rows]
    day = [dt.date.fromisoformat(r[_ISLAMIC[key]]) for r in rows]
    return [(d, d) for d in day]


@functools.cache
def islamic_table() -> dict:
    """The table of Islamic feast days with its ``bron`` (source) and ``opmerking`` (caveat)."""
    text = resources.files("buurtkaart_build").joinpath("data", "islamitische_feestdagen.json").read_text("utf-8")
    return json.loads(text)


def islamic_last_date() -> dt.date:
    """The last day the table knows; after it, Ramadan and the feasts are not shown."""
    return max(dt.date.fromisoformat(r["offerfeest"]) for r in islamic_table()["jaren"])


def is_islamic(key: str) -> bool:
    return key in _ISLAMIC

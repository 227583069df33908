"""The buurtagenda: ``/<locatie>/agenda/``, ``/agenda/`` and their iCalendar feeds.

"Coming" means the 12 months from the build's reference date (``SOURCE_DATE_EPOCH``), so the
same commit builds the same agenda on any day. Weekly rules take one row per month (with that
month's dates) instead of 52 rows; everything else one row per occurrence.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..core.agenda import WEEKDAYS, AgendaError, Entry, Monthly, Named, Weekly, parse_wanneer
from ..core.dates import MONTHS
from ..core.models import Card, Location
from ..core.named_days import is_islamic, islamic_table
from ..core.occurrences import Occurrence, occurrences
from .html import block, esc, page_meta, table
from .ical import FeedItem, feed
from .pages import access_summary, location_menu

PAGE = "agenda"
_SHORT_WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_NTH = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}


@dataclass(frozen=True)
class Row:
    """One line of the agenda: a card's occurrence (or a weekly rule's dates in one month)."""

    card: Card
    first: Occurrence
    days: tuple[dt.date, ...]  # more than one for a weekly rule
    rule: str | None  # "elke woensdag", for rules
    islamic: bool = False
    what: str | None = None  # the entry's label, e.g. "G-voetbal"
    weekly: bool = False

    @property
    def sort_key(self) -> tuple:
        return (self.first.day, self.first.start or dt.time(0), self.card.titel.lower(), self.card.path)


def card_entries(card: Card) -> tuple[Entry, ...]:
    """The card's parsed ``wanneer``; empty when it has none (check reports unreadable ones)."""
    if not card.wanneer:
        return ()
    try:
        return parse_wanneer(card.wanneer)
    except AgendaError:
        return ()


def describe(entry: Entry) -> str | None:
    """The rule in words (``elke woensdag``), or ``None`` for a single day."""
    if isinstance(entry, Weekly):
        days = _and([WEEKDAYS[d] for d in entry.weekdays])
        return f"om de week op {days}" if entry.interval == 2 else f"elke {days}"
    if isinstance(entry, Monthly):
        return f"elke {_and([_NTH[n] for n in entry.nths])} {WEEKDAYS[entry.weekday]} van de maand"
    return None


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def weekly_rows(cards: list[Card], first: dt.date, last: dt.date) -> list[Row]:
    """Weekly rules, once each (52 rows a year would bury everything else), with the next date."""
    rows = []
    for card in cards:
        for entry in card_entries(card):
            if isinstance(entry, Weekly) and (found := occurrences((entry,), first, last)):
                days = tuple(o.day for o in found)
                rows.append(Row(card, found[0], days, describe(entry), what=entry.label, weekly=True))
    return sorted(rows, key=lambda r: (r.first.day.weekday(), r.first.start or dt.time(0), r.card.titel.lower()))


def rows_by_month(cards: list[Card], first: dt.date, last: dt.date) -> dict[tuple[int, int], list[Row]]:
    """Everything but the weekly rules, one row per occurrence, by (year, month)."""
    months: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for card in cards:
        for entry in card_entries(card):
            if isinstance(entry, Weekly):
                continue
            islamic = isinstance(entry, Named) and is_islamic(entry.key)
            for o in occurrences((entry,), first, last):
                row = Row(card, o, (o.day,), describe(entry), islamic, entry.label)
                months[(o.day.year, o.day.month)].append(row)
    return {key: sorted(rows, key=lambda r: r.sort_key) for key, rows in sorted(months.items())}


def _when(row: Row, last: dt.date) -> str:
    o = row.first
    if row.weekly:
        until = f", t/m {_day(row.days[-1])}" if row.days[-1] + dt.timedelta(days=14) <= last else ""
        text = f"{row.rule} (volgende keer {_day(o.day)}{until})"
    elif o.last_day:
        text = f"{_day(o.day)} t/m {_day(o.last_day)}"
    else:
        text = _day(o.day) + (f" ({row.rule})" if row.rule else "")
    return esc(text)


def _day(day: dt.date) -> str:
    return f"{_SHORT_WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def _time(o: Occurrence) -> str:
    if o.start is None:
        return "hele dag"
    return f"{o.start:%H:%M}" + (f"–{o.end:%H:%M}" if o.end else "")


def _activity(row: Row, prefix: str) -> str:
    label = f'<span class="bk-meta">{esc(row.first.label)}:</span> ' if row.first.label else ""
    summary = f'<br><span class="bk-meta">{esc(row.card.samenvatting)}</span>' if row.card.samenvatting else ""
    what = f" ({esc(row.what)})" if row.what else ""
    return f'{label}<a href="{prefix}{esc(row.card.url)}">{esc(row.card.titel)}</a>{what}{summary}'


def _table(rows: list[Row], prefix: str, locations: dict[str, Location] | None, last: dt.date) -> str:
    """With ``locations``, a column names each card's location."""
    headers = ["Wanneer", "Tijd", "Activiteit", "Plek", "Toegankelijkheid"]
    if locations is not None:
        headers.insert(3, "Locatie")
    cells = []
    for row in rows:
        line = [_when(row, last), esc(_time(row.first)), _activity(row, prefix), esc(row.card.adres or "onbekend")]
        line.append(access_summary(row.card))
        if locations is not None:
            location = locations.get(row.card.locatie)
            line.insert(3, esc(location.naam if location else row.card.locatie))
        cells.append(line)
    return table(headers, cells, cls="bk-table bk-agenda")


def agenda_tables(cards: list[Card], first: dt.date, last: dt.date, prefix: str, locations=None) -> str:
    """Every week (the weekly rules once), then month by month."""
    weekly, months = weekly_rows(cards, first, last), rows_by_month(cards, first, last)
    if not weekly and not months:
        return '<p class="bk-unknown">De komende twaalf maanden staat er niets in de agenda.</p>'
    parts = []
    if weekly:
        parts += ["<h2>Elke week</h2>", _table(weekly, prefix, locations, last)]
    for (year, month), rows in months.items():
        parts.append(f"<h2>{esc(MONTHS[month - 1].capitalize())} {year}</h2>")
        parts.append(_table(rows, prefix, locations, last))
    return "\n".join(parts)


def _subscribe(ics: str, first: dt.date) -> str:
    return (
        f"<p>Wat er de komende twaalf maanden in de buurt gebeurt, vanaf {first.day} {MONTHS[first.month - 1]} "
        f"{first.year}. De activiteiten komen uit het veld 'wanneer' op de kaarten.</p>"
        f'<p><a href="{esc(ics)}" download>Agenda als iCalendar-bestand (.ics)</a>. Kopieer de link en voeg hem '
        "in Outlook toe met <em>Agenda toevoegen → Abonneren via internet</em>, of op de telefoon bij "
        "<em>Agenda's → Abonnement toevoegen</em>: nieuwe activiteiten verschijnen dan vanzelf.</p>"
    )


def _islamic_note(months: dict[tuple[int, int], list[Row]]) -> str:
    if not any(row.islamic for rows in months.values() for row in rows):
        return ""
    table_ = islamic_table()
    return (
        f'<p class="bk-meta">Ramadan, Suikerfeest en Offerfeest: {esc(table_["bron"])}. {esc(table_["opmerking"])}</p>'
    )


def location_agenda_page(location: Location, cards: list[Card], first: dt.date, last: dt.date) -> str:
    parts = [
        f"<h1>Agenda — {esc(location.naam)}</h1>",
        location_menu(location, 1, f"{PAGE}/"),
        _subscribe("../agenda.ics", first),
        agenda_tables(cards, first, last, "../../"),
        _islamic_note(rows_by_month(cards, first, last)),
    ]
    return page_meta(f"Agenda — {location.naam}", description=f"Buurtagenda van {location.naam}") + block(
        "\n".join(p for p in parts if p), "bk-agenda-page"
    )


def all_agenda_page(locations: dict[str, Location], cards: list[Card], first: dt.date, last: dt.date) -> str:
    links = " · ".join(f'<a href="../{esc(s)}/agenda/">{esc(loc.naam)}</a>' for s, loc in locations.items())
    parts = [
        "<h1>Buurtagenda</h1>",
        _subscribe("../agenda.ics", first),
        f"<p>Per locatie: {links}</p>" if links else "",
        agenda_tables(cards, first, last, "../", locations),
        _islamic_note(rows_by_month(cards, first, last)),
    ]
    return page_meta("Buurtagenda", description="Wat er de komende twaalf maanden in de buurten gebeurt") + block(
        "\n".join(p for p in parts if p), "bk-agenda-page"
    )


def feed_items(cards: list[Card], site_url: str | None) -> list[FeedItem]:
    items = []
    for card in sorted(cards, key=lambda c: c.path):
        entries = card_entries(card)
        if entries:
            url = f"{site_url.rstrip('/')}/{card.url}" if site_url else None
            uid = f"{card.locatie}/{card.slug}"
            items.append(FeedItem(uid, card.titel, entries, card.adres, card.samenvatting, url))
    return items


def agenda_files(
    locations: dict[str, Location], cards: list[Card], reference: dt.datetime, first: dt.date, last: dt.date,
    site_url: str | None = None,
) -> dict[str, str | bytes]:  # fmt: skip
    """Every agenda page and feed, by site path."""
    out: dict[str, str | bytes] = {
        f"{PAGE}.md": all_agenda_page(locations, cards, first, last),
        f"{PAGE}.ics": feed("Buurtagenda", feed_items(cards, site_url), first, last, reference),
    }
    for slug, location in locations.items():
        mine = [c for c in cards if c.locatie == slug]
        out[f"{slug}/{PAGE}.md"] = location_agenda_page(location, mine, first, last)
        name = f"Buurtagenda {location.naam}"
        out[f"{slug}/{PAGE}.ics"] = feed(name, feed_items(mine, site_url), first, last, reference)
    return out

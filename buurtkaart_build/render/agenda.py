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
from .ical import FeedItem, calendar, item_events
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


@dataclass
class Schedule:
    """The agenda's rows, sorted: the weekly rules (:func:`weekly_rows`) and the rest by month."""

    weekly: list[Row]
    months: dict[tuple[int, int], list[Row]]

    def by_location(self) -> dict[str, Schedule]:
        """The same rows per location, in the same order (sorting is stable: a subset keeps it)."""
        out: dict[str, Schedule] = defaultdict(lambda: Schedule([], {}))
        for row in self.weekly:
            out[row.card.locatie].weekly.append(row)
        for month, rows in self.months.items():
            for row in rows:
                out[row.card.locatie].months.setdefault(month, []).append(row)
        return out


Plans = dict[str, list[tuple[Entry, list[Occurrence]]]]  # card path → each entry with its occurrences


def plans_of(cards: list[Card], first: dt.date, last: dt.date) -> Plans:
    """Every card's entries and their occurrences: computed once for the pages, tables and feeds."""
    return {card.path: [(e, occurrences((e,), first, last)) for e in card_entries(card)] for card in cards}


def schedule(cards: list[Card], first: dt.date, last: dt.date, plans: Plans | None = None) -> Schedule:
    """The rows of these cards: weekly rules once each (52 rows a year would bury everything
    else) with their next date, everything else one row per occurrence, by (year, month)."""
    plans = plans if plans is not None else plans_of(cards, first, last)
    weekly: list[Row] = []
    months: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for card in cards:
        for entry, found in plans[card.path]:
            if isinstance(entry, Weekly):
                if found:
                    days = tuple(o.day for o in found)
                    weekly.append(Row(card, found[0], days, describe(entry), what=entry.label, weekly=True))
                continue
            islamic = isinstance(entry, Named) and is_islamic(entry.key)
            for o in found:
                row = Row(card, o, (o.day,), describe(entry), islamic, entry.label)
                months[(o.day.year, o.day.month)].append(row)
    weekly.sort(key=lambda r: (r.first.day.weekday(), r.first.start or dt.time(0), r.card.titel.lower()))
    return Schedule(weekly, {key: sorted(rows, key=lambda r: r.sort_key) for key, rows in sorted(months.items())})


def weekly_rows(cards: list[Card], first: dt.date, last: dt.date) -> list[Row]:
    """Weekly rules, once each, with the next date."""
    return schedule(cards, first, last).weekly


def rows_by_month(cards: list[Card], first: dt.date, last: dt.date) -> dict[tuple[int, int], list[Row]]:
    """Everything but the weekly rules, one row per occurrence, by (year, month)."""
    return schedule(cards, first, last).months


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


def agenda_tables(rows: Schedule, last: dt.date, prefix: str, locations=None) -> str:
    """Every week (the weekly rules once), then month by month."""
    weekly, months = rows.weekly, rows.months
    if not weekly and not months:
        return '<p class="bk-unknown">De komende twaalf maanden staat er niets in de agenda.</p>'
    parts = []
    if weekly:
        parts += ["<h2>Elke week</h2>", _table(weekly, prefix, locations, last)]
    for (year, month), month_rows in months.items():
        parts.append(f"<h2>{esc(MONTHS[month - 1].capitalize())} {year}</h2>")
        parts.append(_table(month_rows, prefix, locations, last))
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


def location_agenda_page(location: Location, rows: Schedule, first: dt.date, last: dt.date) -> str:
    parts = [
        f"<h1>Agenda — {esc(location.naam)}</h1>",
        location_menu(location, 1, f"{PAGE}/"),
        _subscribe("../agenda.ics", first),
        agenda_tables(rows, last, "../../"),
        _islamic_note(rows.months),
    ]
    return page_meta(f"Agenda — {location.naam}", description=f"Buurtagenda van {location.naam}") + block(
        "\n".join(p for p in parts if p), "bk-agenda-page"
    )


def all_agenda_page(locations: dict[str, Location], rows: Schedule, first: dt.date, last: dt.date) -> str:
    links = " · ".join(f'<a href="../{esc(s)}/agenda/">{esc(loc.naam)}</a>' for s, loc in locations.items())
    parts = [
        "<h1>Buurtagenda</h1>",
        _subscribe("../agenda.ics", first),
        f"<p>Per locatie: {links}</p>" if links else "",
        agenda_tables(rows, last, "../", locations),
        _islamic_note(rows.months),
    ]
    return page_meta("Buurtagenda", description="Wat er de komende twaalf maanden in de buurten gebeurt") + block(
        "\n".join(p for p in parts if p), "bk-agenda-page"
    )


def feed_item(card: Card, entries: tuple[Entry, ...], site_url: str | None) -> FeedItem:
    url = f"{site_url.rstrip('/')}/{card.url}" if site_url else None
    return FeedItem(f"{card.locatie}/{card.slug}", card.titel, entries, card.adres, card.samenvatting, url)


def feed_events(cards: list[Card], plans: Plans, first, last, reference, site_url: str | None) -> dict[str, bytes]:
    """Each card's events as iCalendar text (card path → text), made once for every feed it is in."""
    out = {}
    for card in cards:
        plan = plans[card.path]
        if plan:
            item = feed_item(card, tuple(e for e, _ in plan), site_url)
            out[card.path] = item_events(item, first, last, reference, [found for _, found in plan])
    return out


def agenda_files(
    locations: dict[str, Location], cards: list[Card], reference: dt.datetime, first: dt.date, last: dt.date,
    site_url: str | None = None,
) -> dict[str, str | bytes]:  # fmt: skip
    """Every agenda page and feed, by site path: occurrences, rows and events made once per card."""
    plans = plans_of(cards, first, last)
    rows = schedule(cards, first, last, plans)
    events = feed_events(cards, plans, first, last, reference, site_url)
    paths = sorted(events)  # a feed lists its cards by path
    out: dict[str, str | bytes] = {
        f"{PAGE}.md": all_agenda_page(locations, rows, first, last),
        f"{PAGE}.ics": calendar("Buurtagenda", [events[p] for p in paths]),
    }
    per_location = rows.by_location()
    in_feed = defaultdict(list)
    for card in sorted(cards, key=lambda c: c.path):
        if card.path in events:
            in_feed[card.locatie].append(events[card.path])
    for slug, location in locations.items():
        out[f"{slug}/{PAGE}.md"] = location_agenda_page(location, per_location[slug], first, last)
        out[f"{slug}/{PAGE}.ics"] = calendar(f"Buurtagenda {location.naam}", in_feed[slug])
    return out

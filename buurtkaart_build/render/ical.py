"""iCalendar feeds (RFC 5545) of the buurtagenda: what Outlook and phones subscribe to.

Rules (``elke woensdag``) become one event with an RRULE, named days one event per year;
times are Europe/Amsterdam with a VTIMEZONE written out by rule (valid for every year, and
the same bytes every build). UIDs come from the card's path, DTSTAMP from the build's reference
time: the same commit gives the same feed on any day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from ..core.agenda import Entry, Monthly, Named, Once, Weekly, Yearly
from ..core.occurrences import Occurrence, occurrences

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TZID = "Europe/Amsterdam"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class FeedItem:
    """One card in the agenda. ``uid`` is stable for the card (its location and slug)."""

    uid: str
    summary: str
    entries: tuple[Entry, ...]
    location: str | None = None
    description: str | None = None
    url: str | None = None


def feed(name: str, items: list[FeedItem], first: dt.date, last: dt.date, stamp: dt.datetime) -> bytes:
    """The calendar of everything that happens from ``first`` to ``last`` (rules keep repeating).

    Args:
        name: Calendar name shown in the subscriber's app.
        items: The cards with a ``wanneer``.
        first, last: The agenda's window; rules start at their first occurrence in it.
        stamp: DTSTAMP of every event (the build's reference time, UTC).
    """
    return calendar(name, [item_events(item, first, last, stamp) for item in items])


def calendar(name: str, events: list[bytes]) -> bytes:
    """The calendar around already serialised events (:func:`item_events`), in their order.

    The same bytes as adding the events to the :class:`Calendar`: its text is its own lines,
    then each subcomponent's, then ``END:VCALENDAR``. So an event is serialised once, however
    many feeds (the location's, the site's) it appears in.
    """
    text = empty_calendar(name).to_ical()
    assert text.endswith(_END)
    return b"".join([text[: -len(_END)], *events, _END])


def empty_calendar(name: str) -> Calendar:
    """The calendar's own properties and its time zone, without events."""
    cal = Calendar()
    cal.add("prodid", "-//Buurtkaart//Buurtagenda//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(amsterdam_timezone())
    return cal


_END = b"END:VCALENDAR\r\n"


def item_events(
    item: FeedItem, first: dt.date, last: dt.date, stamp: dt.datetime, found: list[list[Occurrence]] | None = None
) -> bytes:
    """A card's VEVENTs as iCalendar text; ``found``: each entry's occurrences, when known already."""
    events = []
    for index, entry in enumerate(item.entries):
        entry_found = found[index] if found is not None else occurrences((entry,), first, last)
        events += _events(item, index, entry, entry_found, stamp)
    return b"".join(to_ical(event) for event in events)


def to_ical(component: Component) -> bytes:
    """``component.to_ical()``, faster: only a line over 74 bytes goes through icalendar's folding
    (which walks every character of every line); a shorter line stays as it is there too."""
    lines = []
    for line in component.content_lines():
        if line:
            raw = line.encode("utf-8")
            lines.append(raw if len(raw) < _FOLD_AT else line.to_ical())
    return b"\r\n".join(lines) + b"\r\n"


_FOLD_AT = 75  # icalendar folds a line once it would reach 75 bytes


def _events(item: FeedItem, index: int, entry: Entry, found: list[Occurrence], stamp) -> list[Event]:
    if not found:
        return []
    uid = f"{item.uid}/{index + 1}"
    if isinstance(entry, Named):
        return [_event(item, f"{uid}/{o.day.isoformat()}", o, stamp, o.label, entry.label) for o in found]
    if isinstance(entry, Once):
        return [_event(item, uid, found[0], stamp, what=entry.label)]
    event = _event(item, uid, found[0], stamp, what=entry.label)
    event.add("rrule", _rule(entry, found[0]))
    return [event]


def _event(
    item: FeedItem, uid: str, first: Occurrence, stamp: dt.datetime, label: str | None = None, what: str | None = None
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@buurtkaart")
    event.add("dtstamp", stamp)
    summary = f"{label}: {item.summary}" if label else item.summary
    summary += f" ({what})" if what else ""
    event.add("summary", summary)
    start, end = _span(first)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    if item.location:
        event.add("location", item.location)
    description = "\n\n".join(p for p in (item.description, item.url) if p)
    if description:
        event.add("description", description)
    if item.url:
        event.add("url", item.url)
    event.add("transp", "TRANSPARENT")  # a neighbourhood activity does not block one's own calendar
    return event


def _span(o: Occurrence) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    if o.start is None:
        return o.day, (o.last_day or o.day) + dt.timedelta(days=1)  # whole days: DTEND is exclusive
    start = dt.datetime.combine(o.day, o.start, tzinfo=AMSTERDAM)
    end = dt.datetime.combine(o.day, o.end, tzinfo=AMSTERDAM) if o.end else None
    return start, end


def _rule(entry: Entry, first: Occurrence) -> vRecur:
    if isinstance(entry, Weekly):
        rule = {"freq": "WEEKLY", "byday": [_BYDAY[d] for d in entry.weekdays]}
        if entry.interval > 1:
            rule["interval"] = entry.interval
        rule["wkst"] = "MO"
    elif isinstance(entry, Monthly):
        rule = {"freq": "MONTHLY", "byday": [f"{n}{_BYDAY[entry.weekday]}" for n in entry.nths]}
    else:
        assert isinstance(entry, Yearly)
        rule = {"freq": "YEARLY", "bymonth": entry.month, "bymonthday": entry.day}
    until = getattr(entry, "until", None)
    if until is not None:
        rule["until"] = _until(until, timed=first.start is not None)
    return vRecur(rule)


def _until(day: dt.date, *, timed: bool) -> dt.date | dt.datetime:
    """RFC 5545: UNTIL is a date for whole-day events, else a UTC time (here: the day's end)."""
    if not timed:
        return day
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=AMSTERDAM).astimezone(dt.UTC)


def amsterdam_timezone() -> Timezone:
    """Europe/Amsterdam as the EU rule (summer time from the last Sunday of March to that of October)."""
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1981, 3, 29, 2, 0))
    summer.add("rrule", vRecur({"freq": "YEARLY", "bymonth": 3, "byday": "-1SU"}))
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", vRecur({"freq": "YEARLY", "bymonth": 10, "byday": "-1SU"}))
    tz.add_component(summer)
    tz.add_component(winter)
    return tz

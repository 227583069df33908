"""The buurtagenda's iCalendar feeds, read back with a real iCalendar parser (icalendar, dateutil)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar

from buurtkaart_build.core.agenda import parse_wanneer
from buurtkaart_build.core.occurrences import occurrences, window
from buurtkaart_build.render.ical import FeedItem, _events, empty_calendar, feed, to_ical

FIRST, LAST = window(dt.date(2026, 12, 1))
STAMP = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
WANNEER = [
    "elke woensdag 10:00-12:00 tot 2027-06-30",
    "Koningsdag 9:00-15:00",
    "tijdens de ramadan",
    "2027-03-01 14:00",
    "iedere eerste zaterdag van de maand",
    "om de week op dinsdag 19:30-21:00 vanaf 5-1-2027",
    "5 mei, 12:00-14:00",
    "2025-01-01",  # before the window: left out
]
ITEM = FeedItem(
    uid="de-kastanje/koffie",
    summary="Koffie & <b>taart</b>; samen",
    entries=parse_wanneer(WANNEER),
    location="Dorpsstraat 1, Zwolle",
    description="Een zin, met komma; en\nregel",
    url="https://buurtkaart.example.org/de-kastanje/koffie/",
)


def parsed() -> Calendar:
    return Calendar.from_ical(feed("Buurtagenda De Kastanje", [ITEM], FIRST, LAST, STAMP))


def events() -> list:
    return parsed().walk("VEVENT")


def test_feed_parses_as_icalendar_with_the_required_properties():
    cal = parsed()
    assert str(cal["VERSION"]) == "2.0" and "Buurtkaart" in str(cal["PRODID"])
    assert str(cal["X-WR-CALNAME"]) == "Buurtagenda De Kastanje"
    for event in events():
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert key in event


def test_text_survives_escaping():
    event = events()[0]
    assert str(event["SUMMARY"]) == "Koffie & <b>taart</b>; samen"
    assert str(event["LOCATION"]) == "Dorpsstraat 1, Zwolle"
    assert str(event["DESCRIPTION"]).startswith("Een zin, met komma; en\nregel")


def test_lines_are_crlf_and_folded_at_75_octets():
    raw = feed("x", [ITEM], FIRST, LAST, STAMP)
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75


def test_uids_are_stable_and_unique_and_dtstamp_is_the_reference_time():
    uids = [str(e["UID"]) for e in events()]
    assert len(uids) == len(set(uids))
    assert "de-kastanje/koffie/1@buurtkaart" in uids
    assert "de-kastanje/koffie/2/2027-04-27@buurtkaart" in uids
    assert {e.decoded("DTSTAMP") for e in events()} == {STAMP}
    later = feed("x", [ITEM], *window(dt.date(2027, 1, 20)), STAMP)
    assert "de-kastanje/koffie/1@buurtkaart" in {str(e["UID"]) for e in Calendar.from_ical(later).walk("VEVENT")}


def test_same_input_gives_the_same_bytes():
    assert feed("x", [ITEM], FIRST, LAST, STAMP) == feed("x", [ITEM], FIRST, LAST, STAMP)


def test_rules_are_rrules_and_expand_to_the_agendas_occurrences():
    """Expanding every event as a calendar app would gives exactly the agenda's days."""
    tz = ZoneInfo("Europe/Amsterdam")
    by_index: dict[str, list[dt.date]] = {}
    for event in events():
        index = str(event["UID"]).split("/")[2].split("@")[0]
        start = event.decoded("DTSTART")
        if "RRULE" in event:
            aware = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(), tzinfo=tz)
            rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=aware)
            end = dt.datetime.combine(LAST, dt.time(23, 59), tzinfo=tz)
            days = [d.date() for d in rule.between(aware, end, inc=True)]
        else:
            days = [start if not isinstance(start, dt.datetime) else start.date()]
        by_index.setdefault(index, []).extend(days)
    for number, text in enumerate(WANNEER, start=1):
        expected = [o.day for o in occurrences(parse_wanneer(text), FIRST, LAST)]
        assert sorted(by_index.get(str(number), [])) == expected, text
    assert str(events()[0]["RRULE"].to_ical().decode()).startswith("FREQ=WEEKLY")


def test_times_are_europe_amsterdam_and_whole_days_are_dates():
    first = events()[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert first.decoded("DTSTART") == dt.datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    ramadan = next(e for e in events() if str(e["SUMMARY"]).startswith("Ramadan"))
    assert ramadan.decoded("DTSTART") == dt.date(2027, 2, 8)
    assert ramadan.decoded("DTEND") == dt.date(2027, 3, 9)  # exclusive: the last fasting day is 8 March


def test_vtimezone_agrees_with_the_tz_database():
    """The VTIMEZONE's rules give the same summer-time changes as zoneinfo for 2026-2035."""
    (vtz,) = parsed().walk("VTIMEZONE")
    assert str(vtz["TZID"]) == "Europe/Amsterdam"
    tz = ZoneInfo("Europe/Amsterdam")
    for part, month in (("DAYLIGHT", 3), ("STANDARD", 10)):
        (sub,) = vtz.walk(part)
        rule = rrulestr(sub["RRULE"].to_ical().decode(), dtstart=sub.decoded("DTSTART"))
        for year in range(2026, 2036):
            change = rule.between(dt.datetime(year, 1, 1), dt.datetime(year, 12, 31))[0]
            assert change.month == month
            before, after = change - dt.timedelta(hours=2), change + dt.timedelta(hours=2)
            assert before.replace(tzinfo=tz).utcoffset() == sub.decoded("TZOFFSETFROM")
            assert after.replace(tzinfo=tz).utcoffset() == sub.decoded("TZOFFSETTO")


def test_an_empty_agenda_is_still_a_valid_calendar():
    cal = Calendar.from_ical(feed("Leeg", [], FIRST, LAST, STAMP))
    assert cal.walk("VEVENT") == [] and cal.walk("VTIMEZONE")


def _whole_calendar(name: str, items: list[FeedItem]) -> bytes:
    """The feed as icalendar itself writes it: every event added to one Calendar, serialised once."""
    cal = empty_calendar(name)
    for item in items:
        for index, entry in enumerate(item.entries):
            for event in _events(item, index, entry, occurrences((entry,), FIRST, LAST), STAMP):
                cal.add_component(event)
    return cal.to_ical()


def test_feed_is_byte_for_byte_what_icalendar_writes():
    # Events are serialised once and joined (one card's events serve two feeds); long lines of
    # several bytes a character still fold exactly where icalendar folds them.
    long = FeedItem(
        "de-linde/café-ëën", "Één " * 40, parse_wanneer(["elke maandag", "Koningsdag"]), "ü" * 90, "x" * 73, None
    )
    edges = [FeedItem(f"de-linde/{n}", "x", parse_wanneer("elke dinsdag"), "x" * n) for n in (65, 66, 67)]
    items = [ITEM, long, *edges]  # LOCATION lines of 74, 75 and 76 bytes
    assert feed("Buurtagenda Één", items, FIRST, LAST, STAMP) == _whole_calendar("Buurtagenda Één", items)
    event = Calendar.from_ical(feed("x", [long], FIRST, LAST, STAMP)).walk("VEVENT")[0]
    assert to_ical(event) == event.to_ical()
    assert str(event["LOCATION"]) == "ü" * 90

"""The buurtagenda's reading of ``wanneer``: forms, named days, expansion, Dutch errors."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from buurtkaart_build.core.agenda import (
    AgendaError,
    Monthly,
    Named,
    Once,
    Weekly,
    Yearly,
    parse_piece,
    parse_wanneer,
)
from buurtkaart_build.core.named_days import burendag, islamic_table, koningsdag, spans
from buurtkaart_build.core.occurrences import occurrences, window

D = dt.date
T = dt.time
ROOT = Path(__file__).resolve().parents[1]


def days(text: str, reference: D | None = None) -> list[D]:
    reference = reference or D(2027, 1, 1)
    return [o.day for o in occurrences(parse_wanneer(text), *window(reference))]


# --- named days 2026-2030 ------------------------------------------------------------------

NAMED = {
    "Koningsdag": ["2026-04-27", "2027-04-27", "2028-04-27", "2029-04-27", "2030-04-27"],
    "Bevrijdingsdag": ["2026-05-05", "2027-05-05", "2028-05-05", "2029-05-05", "2030-05-05"],
    "Keti Koti": ["2026-07-01", "2027-07-01", "2028-07-01", "2029-07-01", "2030-07-01"],
    "Burendag": ["2026-09-26", "2027-09-25", "2028-09-23", "2029-09-22", "2030-09-28"],
    "Halloween": ["2026-10-31", "2027-10-31", "2028-10-31", "2029-10-31", "2030-10-31"],
    "Sint-Maarten": ["2026-11-11", "2027-11-11", "2028-11-11", "2029-11-11", "2030-11-11"],
    "Sinterklaasavond": ["2026-12-05", "2027-12-05", "2028-12-05", "2029-12-05", "2030-12-05"],
    # Umm al-Qura (hijridate); 2030 has two Ramadans, in January and in December.
    "Ramadan": ["2026-02-18", "2027-02-08", "2028-01-28", "2029-01-16", "2030-01-05", "2030-12-26"],
    "Suikerfeest": ["2026-03-20", "2027-03-09", "2028-02-26", "2029-02-14", "2030-02-04"],
    "Offerfeest": ["2026-05-27", "2027-05-16", "2028-05-05", "2029-04-24", "2030-04-13"],
}


@pytest.mark.parametrize("name", NAMED)
def test_named_days_2026_to_2030(name):
    entry = parse_piece(name)
    found = [o.day.isoformat() for o in occurrences((entry,), D(2026, 1, 1), D(2030, 12, 31))]
    assert found == NAMED[name]


def test_koningsdag_moves_to_saturday_when_27_april_is_a_sunday():
    assert koningsdag(2025) == D(2025, 4, 26)
    assert koningsdag(2031) == D(2031, 4, 26)
    assert all(koningsdag(y).weekday() != 6 for y in range(2020, 2060))


def test_burendag_is_the_fourth_saturday_of_september():
    for year in range(2020, 2060):
        day = burendag(year)
        assert day.weekday() == 5 and day.month == 9 and 22 <= day.day <= 28


def test_ramadan_spans_the_month_until_the_day_before_suikerfeest():
    (start, end), *_ = spans("ramadan", D(2026, 1, 1), D(2026, 12, 31))
    assert (start, end) == (D(2026, 2, 18), D(2026, 3, 19))
    occurrence = occurrences((parse_piece("ramadan"),), D(2026, 1, 1), D(2026, 12, 31))[0]
    assert occurrence.last_day == D(2026, 3, 19) and occurrence.label == "Ramadan"


def test_islamic_table_names_its_source_and_matches_hijridate():
    table = islamic_table()
    assert "Umm al-Qura" in table["bron"] and "hijridate" in table["bron"]
    assert "moskee" in table["opmerking"].lower()
    pytest.importorskip("hijridate")
    made = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "islamic_days.py")], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(made) == table


@pytest.mark.parametrize(
    "text",
    ["koningsdag", "KONINGSDAG", "Keti-Koti", "ketikoti", "Sint Maarten", "St. Maarten", "sint-maarten",
     "pakjesavond", "Eid al-Fitr", "tijdens de ramadan", "elk jaar op Koningsdag", "rond Halloween"],
)  # fmt: skip
def test_named_days_are_read_liberally(text):
    assert isinstance(parse_piece(text), Named)


def test_named_day_with_year_only_that_year():
    assert days("Koningsdag 2028", D(2027, 6, 1)) == [D(2028, 4, 27)]
    assert days("Koningsdag 2027", D(2027, 6, 1)) == []


# --- dates and times -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2027-04-27", "27-4-2027", "27/04/2027", "27.4.2027", "27 april 2027", "dinsdag 27 april 2027", "27 apr 2027"],
)
def test_a_date_in_any_common_form(text):
    assert parse_piece(text) == Once(text=text, day=D(2027, 4, 27))


@pytest.mark.parametrize(
    "text",
    ["2027-04-27 14:00-17:00", "2027-04-27 14.00-17.00", "2027-04-27 14:00 - 17:00", "2027-04-27 14:00–17:00",
     "2027-04-27, van 14 tot 17 uur", "2027-04-27 van 14:00 tot 17:00", "27-4-2027 14.00 – 17.00 uur",
     "2027-04-27 14-17 uur"],
)  # fmt: skip
def test_a_date_with_a_time_range(text):
    entry = parse_piece(text)
    assert (entry.day, entry.start, entry.end) == (D(2027, 4, 27), T(14), T(17))


def test_a_date_with_a_start_time_only():
    entry = parse_piece("11 november 2027, 17:30")
    assert (entry.day, entry.start, entry.end) == (D(2027, 11, 11), T(17, 30), None)
    assert parse_piece("2027-04-27 om 9 uur").start == T(9)


def test_a_list_of_dates_as_yaml_list_or_with_semicolons():
    assert days(["2027-04-27", "2027-05-04 10:00-12:00"]) == [D(2027, 4, 27), D(2027, 5, 4)]
    assert days("2027-05-04; 2027-04-27") == [D(2027, 4, 27), D(2027, 5, 4)]


def test_day_and_month_without_year_is_every_year():
    assert parse_piece("5 mei, 12:00-14:00") == Yearly(
        text="5 mei, 12:00-14:00", month=5, day=5, start=T(12), end=T(14)
    )
    assert days("elk jaar op 27 april", D(2027, 5, 1)) == [D(2028, 4, 27)]
    assert days("29 februari", D(2027, 1, 1)) == []  # no leap day in 2027
    assert days("29 februari", D(2028, 1, 1)) == [D(2028, 2, 29)]


# --- rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["elke woensdag 10:00-12:00", "Iedere woensdag 10.00-12.00 uur", "ELKE WOENSDAG van 10 tot 12 uur",
     "elke week op woensdag 10:00 – 12:00", "wekelijks op woensdag 10-12 uur", "elke woensdagochtend 10:00-12:00"],
)  # fmt: skip
def test_weekly_rule(text):
    entry = parse_piece(text)
    assert isinstance(entry, Weekly)
    assert (entry.weekdays, entry.interval, entry.start, entry.end) == ((2,), 1, T(10), T(12))
    assert days(text)[:3] == [D(2027, 1, 6), D(2027, 1, 13), D(2027, 1, 20)]


def test_weekly_rule_with_several_days():
    assert parse_piece("elke dinsdag en vrijdag").weekdays == (1, 4)
    assert parse_piece("op maandag, woensdag en vrijdag").weekdays == (0, 2, 4)


def test_every_other_week_needs_a_first_day():
    entry = parse_piece("om de week op dinsdag vanaf 5-1-2027")
    assert (entry.interval, entry.since) == (2, D(2027, 1, 5))
    assert days("om de week op dinsdag vanaf 5-1-2027")[:3] == [D(2027, 1, 5), D(2027, 1, 19), D(2027, 2, 2)]
    with pytest.raises(AgendaError, match="vanaf 5-1-2027"):
        parse_piece("om de week op dinsdag")


def test_rule_until_a_date():
    assert days("elke zaterdag vanaf 2027-01-02 tot en met 2027-01-16") == [
        D(2027, 1, 2),
        D(2027, 1, 9),
        D(2027, 1, 16),
    ]


@pytest.mark.parametrize(
    ("text", "nths", "first"),
    [
        ("iedere eerste zaterdag van de maand", (1,), D(2027, 1, 2)),
        ("elke 1e zaterdag van de maand", (1,), D(2027, 1, 2)),
        ("op de laatste zaterdag van de maand", (-1,), D(2027, 1, 30)),
        ("elke tweede en vierde zaterdag van de maand", (2, 4), D(2027, 1, 9)),
    ],
)
def test_monthly_rule(text, nths, first):
    entry = parse_piece(text)
    assert isinstance(entry, Monthly) and entry.nths == nths and entry.weekday == 5
    assert days(text)[0] == first


def test_monthly_rule_gives_twelve_in_a_year():
    assert len(days("iedere eerste zaterdag van de maand")) == 12


# --- window --------------------------------------------------------------------------------


def test_window_is_twelve_months_from_the_reference_date():
    assert window(D(2027, 1, 15)) == (D(2027, 1, 15), D(2028, 1, 14))
    assert days("2027-01-14", D(2027, 1, 15)) == []
    assert days("2028-01-14", D(2027, 1, 15)) == [D(2028, 1, 14)]
    assert days("2028-01-15", D(2027, 1, 15)) == []
    assert len(days("elke maandag", D(2027, 1, 4))) == 53


def test_named_days_after_the_table_end_are_simply_absent():
    assert occurrences((parse_piece("Suikerfeest"),), D(2045, 1, 1), D(2045, 12, 31)) == []


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["binnenkort", "10-12", "elke blauwe maandag", "in de zomer", "2027-04-27 vanaf 2027-01-01"]
)
def test_unreadable_text_lists_the_forms_that_work(text):
    with pytest.raises(AgendaError) as info:
        parse_piece(text)
    message = str(info.value)
    assert message.startswith(f"'{text}' kan de agenda niet lezen. Schrijf bijvoorbeeld: 2027-04-27")
    for form in ("elke woensdag 10:00-12:00", "iedere eerste zaterdag van de maand", "Koningsdag", "Ramadan", "';'"):
        assert form in message


def test_specific_errors():
    with pytest.raises(AgendaError, match="26 september 2026 is een zaterdag, geen vrijdag"):
        parse_piece("vrijdag 26 september 2026")
    with pytest.raises(AgendaError, match="datum die niet bestaat"):
        parse_piece("2027-02-30")
    with pytest.raises(AgendaError, match="eindtijd niet na de begintijd"):
        parse_piece("2027-04-27 17:00-14:00")
    with pytest.raises(AgendaError, match="tijd die niet bestaat"):
        parse_piece("2027-04-27 25:00")
    with pytest.raises(AgendaError, match="is leeg"):
        parse_wanneer(" ; ")
    with pytest.raises(AgendaError, match="tekst of een lijst"):
        parse_wanneer({"dag": "maandag"})


# --- property-based ------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from buurtkaart_build.core.agenda import WEEKDAYS  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(st.text(max_size=30), max_size=4)))
def test_any_text_parses_or_gets_a_dutch_error_never_a_crash(value):
    try:
        entries = parse_wanneer(value)
    except AgendaError as exc:
        assert "wanneer" in str(exc) or "agenda" in str(exc) or "Schrijf" in str(exc) or "Controleer" in str(exc)
        return
    occurrences(entries, D(2026, 1, 1), D(2027, 12, 31))  # every accepted value expands


@settings(max_examples=200, deadline=None)
@given(
    every=st.sampled_from(["elke", "Iedere", "ELKE", "ieder"]),
    day=st.sampled_from(WEEKDAYS),
    start=st.integers(0, 22),
    length=st.integers(1, 1),
    sep=st.sampled_from([":", "."]),
    dash=st.sampled_from(["-", " - ", "–", " tot "]),
)
def test_weekly_rules_in_many_spellings(every, day, start, length, sep, dash):
    text = f"{every} {day} {start:02d}{sep}30{dash}{start + length:02d}{sep}30"
    entry = parse_piece(text)
    assert isinstance(entry, Weekly) and entry.weekdays == (WEEKDAYS.index(day),)
    assert (entry.start, entry.end) == (T(start, 30), T(start + length, 30))


def test_monthly_rule_without_elke():
    assert parse_piece("eerste zondag van de maand").nths == (1,)


@settings(max_examples=300, deadline=None)
@given(
    st.dates(D(2026, 1, 1), D(2028, 12, 31)),
    st.integers(-5, 400),
    st.sets(st.integers(0, 6), max_size=4),
    st.integers(1, 3),
    st.one_of(st.none(), st.integers(-100, 200)),
    st.one_of(st.none(), st.integers(-100, 400)),
)
def test_weekly_days_step_by_week_as_a_day_by_day_walk_would_find_them(first, length, weekdays, interval, since, until):
    from buurtkaart_build.core.occurrences import weekly_days

    last = first + dt.timedelta(days=length)
    entry = Weekly(
        text="x",
        weekdays=tuple(sorted(weekdays)),
        interval=interval,
        since=None if since is None else first + dt.timedelta(days=since),
        until=None if until is None else first + dt.timedelta(days=until),
    )
    start, stop = max(first, entry.since or first), min(last, entry.until or last)
    anchor = entry.since or first
    monday = anchor - dt.timedelta(days=anchor.weekday())
    walk = [start + dt.timedelta(days=n) for n in range((stop - start).days + 1)]
    expected = [d for d in walk if d.weekday() in weekdays and (d - monday).days // 7 % interval == 0]
    assert weekly_days(entry, first, last) == expected


@settings(max_examples=300, deadline=None)
@given(st.integers(2020, 2040), st.integers(1, 12), st.integers(0, 6), st.sampled_from([1, 2, 3, 4, 5, -1]))
def test_nth_weekday_of_a_month_as_the_month_calendar_shows_it(year, month, weekday, nth):
    import calendar

    from buurtkaart_build.core.occurrences import nth_weekday

    found = [w[weekday] for w in calendar.monthcalendar(year, month) if w[weekday]]
    expected = D(year, month, found[nth - 1 if nth > 0 else -1]) if nth <= len(found) else None
    assert nth_weekday(year, month, weekday, nth) == expected

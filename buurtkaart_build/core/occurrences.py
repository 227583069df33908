"""Occurrences of a parsed ``wanneer`` within the agenda's window (from the build's reference date)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from itertools import pairwise

from .agenda import Entry, Monthly, Named, Once, Weekly, Yearly
from .named_days import NAMED_DAYS, spans


@dataclass(frozen=True, order=True)
class Occurrence:
    """One time something happens; ``last_day`` differs from ``day`` only for Ramadan."""

    day: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    last_day: dt.date | None = None
    label: str | None = field(default=None, compare=False)


def add_months(day: dt.date, months: int) -> dt.date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def window(reference: dt.date, months: int = 12) -> tuple[dt.date, dt.date]:
    """The agenda's days: from ``reference`` up to (not including) the same day ``months`` later."""
    return reference, add_months(reference, months) - dt.timedelta(days=1)


def occurrences(entries: tuple[Entry, ...], first: dt.date, last: dt.date) -> list[Occurrence]:
    """Every occurrence that starts within ``[first, last]``, sorted, without duplicates."""
    if len(entries) == 1:  # one entry's days come sorted and distinct: no set, no sort
        found = _expand(entries[0], first, last)
        if all(a.day < b.day for a, b in pairwise(found)):
            return found
        return sorted(set(found))
    every: set[Occurrence] = set()
    for entry in entries:
        every.update(_expand(entry, first, last))
    return sorted(every)


def _expand(entry: Entry, first: dt.date, last: dt.date) -> list[Occurrence]:
    times = {"start": entry.start, "end": entry.end}
    if isinstance(entry, Once):
        days = [entry.day] if first <= entry.day <= last else []
    elif isinstance(entry, Yearly):
        days = [d for y in range(first.year, last.year + 1) if (d := _yearly_day(y, entry)) and first <= d <= last]
    elif isinstance(entry, Weekly):
        days = weekly_days(entry, first, last)
    elif isinstance(entry, Monthly):
        days = monthly_days(entry, first, last)
    else:
        assert isinstance(entry, Named)
        label = NAMED_DAYS[entry.key].label
        named = [s for s in spans(entry.key, first, last) if entry.year is None or s[0].year == entry.year]
        return [Occurrence(a, last_day=b if b != a else None, label=label, **times) for a, b in named]
    return [Occurrence(d, **times) for d in days]


def _yearly_day(year: int, entry: Yearly) -> dt.date | None:
    try:
        return dt.date(year, entry.month, entry.day)
    except ValueError:
        return None  # 29 februari outside a leap year


def weekly_days(entry: Weekly, first: dt.date, last: dt.date) -> list[dt.date]:
    start, stop = max(first, entry.since or first), min(last, entry.until or last)
    anchor = entry.since or first
    anchor_monday = anchor - dt.timedelta(days=anchor.weekday())
    step = dt.timedelta(weeks=entry.interval)
    days = []
    for weekday in set(entry.weekdays):  # from the first such day in a counted week, a step at a time
        day = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
        weeks = (day - anchor_monday).days // 7
        day += dt.timedelta(weeks=-weeks % entry.interval)
        while day <= stop:
            days.append(day)
            day += step
    return sorted(days)


def monthly_days(entry: Monthly, first: dt.date, last: dt.date) -> list[dt.date]:
    start, stop = max(first, entry.since or first), min(last, entry.until or last)
    days = []
    year, month = start.year, start.month
    while (year, month) <= (stop.year, stop.month):
        for nth in entry.nths:
            day = nth_weekday(year, month, entry.weekday, nth)
            if day is not None and start <= day <= stop:
                days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(days)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` such weekday of the month (``None`` when it has fewer); the last one for ``nth <= 0``."""
    length = calendar.monthrange(year, month)[1]
    if nth > 0:
        day = 1 + (weekday - dt.date(year, month, 1).weekday()) % 7 + 7 * (nth - 1)
        return dt.date(year, month, day) if day <= length else None
    end = dt.date(year, month, length)
    return end - dt.timedelta(days=(end.weekday() - weekday) % 7)

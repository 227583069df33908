"""Dates in Dutch, as people read them: ``14 maart 2026``."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def dutch_date(day: dt.date) -> str:
    """``date(2026, 3, 14)`` → ``14 maart 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

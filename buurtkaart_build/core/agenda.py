"""``wanneer`` of a card: when an activity happens, as people write it in Dutch.

Accepted (capitals, ``elke``/``iedere``, ``10.00-12.00``, ``van 10 tot 12 uur`` and en-dashes
all welcome): a date (``2027-04-27``, ``27-4-2027``, ``27 april 2027``), a date with a time or
time range, a day in every year (``5 mei``), a weekly rule (``elke woensdag 10:00-12:00``,
``om de week op dinsdag vanaf 5-1-2027``), a monthly rule (``iedere eerste zaterdag van de
maand``), a named day (``Koningsdag``, ``Keti Koti 9:00-12:00``) and a list of those (a YAML list,
or parts separated by ``;``). Anything else raises :class:`AgendaError` with a Dutch message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .named_days import NAMED_DAYS, alias_key

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_SHORT_DAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NAMES.update({"jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9})
_MONTH_NAMES.update({"okt": 10, "oct": 10, "nov": 11, "dec": 12})
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1}
_ORDINAL_NUMBERS = {"1e": 1, "1ste": 1, "2e": 2, "2de": 2, "3e": 3, "3de": 3, "4e": 4, "4de": 4}

EXAMPLES = (
    "2027-04-27 · 27-4-2027 · 27 april 2027 · 2027-04-27 14:00-17:00 · 5 mei 12:00-14:00 (elk jaar) · "
    "elke woensdag 10:00-12:00 · elke dinsdag en vrijdag · om de week op dinsdag vanaf 5-1-2027 · "
    "iedere eerste zaterdag van de maand · "
    + ", ".join(d.label for d in NAMED_DAYS.values())
    + " (met of zonder tijd, bijvoorbeeld 'Koningsdag 9:00-15:00')"
)
HELP = f"Schrijf bijvoorbeeld: {EXAMPLES}. Meer momenten: zet ze onder elkaar als lijst met '- ' of scheid ze met ';'."


class AgendaError(ValueError):
    """A ``wanneer`` value the agenda cannot read; the message is Dutch and says what works."""


class _Unreadable(AgendaError):
    """No form matched at all (not a specific mistake such as a wrong weekday)."""


@dataclass(frozen=True, kw_only=True)
class Entry:
    """One part of a ``wanneer`` value; ``start``/``end`` are ``None`` for a whole day."""

    text: str
    start: dt.time | None = None
    end: dt.time | None = None
    label: str | None = None  # what happens, written before a rule: "G-voetbal elke zaterdag"


@dataclass(frozen=True, kw_only=True)
class Once(Entry):
    day: dt.date


@dataclass(frozen=True, kw_only=True)
class Yearly(Entry):
    month: int
    day: int


@dataclass(frozen=True, kw_only=True)
class Weekly(Entry):
    weekdays: tuple[int, ...]
    interval: int = 1
    since: dt.date | None = None  # first possible day; anchors "om de week"
    until: dt.date | None = None  # last possible day


@dataclass(frozen=True, kw_only=True)
class Monthly(Entry):
    weekday: int
    nths: tuple[int, ...]  # 1-4, or -1 for the last one
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class Named(Entry):
    key: str
    year: int | None = None


def parse_wanneer(value: object) -> tuple[Entry, ...]:
    """Parse a ``wanneer`` value (text or list of texts) into entries; raise :class:`AgendaError`."""
    if isinstance(value, str):
        pieces = [p for p in re.split(r"[;\n]", value) if p.strip()]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        pieces = [p for v in value for p in re.split(r"[;\n]", v) if p.strip()]
    else:
        raise AgendaError(f"'wanneer' moet een tekst of een lijst van teksten zijn. {HELP}")
    if not pieces:
        raise AgendaError(f"'wanneer' is leeg. {HELP}")
    return tuple(parse_piece(p) for p in pieces)


def normalise(text: str) -> str:
    text = text.strip().lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2010", "-")
    text = re.sub(r"\s*-\s*", "-", re.sub(r"\s+", " ", text))
    return text.strip(" .,;:")


_RULE_START = re.compile(
    r"[\s,:]+(?=(?:elke|iedere|ieder|elk|om de|wekelijks|tweewekelijks|maandelijks|op (?:"
    + "|".join(WEEKDAYS)
    + r"))\b)",
    re.IGNORECASE,
)


def parse_piece(text: str) -> Entry:
    """One moment or rule, e.g. ``Elke woensdag 10.00 - 12.00 uur`` or ``G-voetbal elke zaterdag``."""
    try:
        return _parse_piece(text)
    except _Unreadable:
        start = _RULE_START.search(text)
        if start is None or not text[: start.start()].strip():
            raise
        entry = _parse_piece(text[start.end() :])
        if not isinstance(entry, Weekly | Monthly):
            raise
        return replace(entry, text=text.strip(), label=text[: start.start()].strip(" ,:-"))


def _parse_piece(text: str) -> Entry:
    rest = normalise(text)
    rest, since, until = _bounds(rest, text)
    rest, start, end = _times(rest, text)
    rest = rest.strip(" ,")
    times = {"text": text.strip(), "start": start, "end": end}
    for parse in (_once, _yearly, _monthly, _weekly, _named):
        entry = parse(rest, times, since, until)
        if entry is not None:
            if (since or until) and not isinstance(entry, Weekly | Monthly):
                break  # 'vanaf' only makes sense with a rule
            return entry
    raise _Unreadable(f"'{_short(text)}' kan de agenda niet lezen. {HELP}")


# --- times and date bounds -----------------------------------------------------------------

_HM = r"(\d{1,2})(?:[:.](\d{2}))?"
_UUR = r"(?:\s*(?:uur|u))?"
_RANGE = re.compile(rf"(?:^|[\s,]+)(van |om |vanaf )?{_HM}{_UUR}\s*(?:-|tot en met |tot |t/m )\s*{_HM}({_UUR})$")
_SINGLE = re.compile(rf"(?:^|[\s,]+)(om |vanaf |rond )?{_HM}({_UUR})$")
_DATE_TEXT = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2} [a-z]+ \d{4}"
_BOUND = re.compile(rf"(?:^|[\s,]+)(vanaf|van|tot en met|t/m|tot) ({_DATE_TEXT})(?=$|[\s,])")


def _times(rest: str, original: str) -> tuple[str, dt.time | None, dt.time | None]:
    match = _RANGE.search(rest)
    if match and (match[1] or match[3] or match[5] or match[6]):
        start = _time(match[2], match[3], original)
        end = _time(match[4], match[5], original)
        if end <= start:
            raise AgendaError(
                f"in '{_short(original)}' ligt de eindtijd niet na de begintijd. Schrijf bijvoorbeeld 10:00-12:00."
            )
        return rest[: match.start()], start, end
    match = _SINGLE.search(rest)
    if match and (match[1] or match[3] or match[4]):
        return rest[: match.start()], _time(match[2], match[3], original), None
    return rest, None, None


def _time(hours: str, minutes: str | None, original: str) -> dt.time:
    h, m = int(hours), int(minutes or 0)
    if h == 24 and m == 0:
        return dt.time(23, 59)
    if h > 23 or m > 59:
        raise AgendaError(f"in '{_short(original)}' staat een tijd die niet bestaat. Schrijf bijvoorbeeld 14:00-17:00.")
    return dt.time(h, m)


def _bounds(rest: str, original: str) -> tuple[str, dt.date | None, dt.date | None]:
    since = until = None
    while match := _BOUND.search(rest):
        day = parse_date(match[2], original)
        if day is None:
            break
        if match[1] in ("vanaf", "van"):
            since = day
        else:
            until = day
        rest = rest[: match.start()] + rest[match.end() :]
    return rest, since, until


# --- dates ---------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_WRITTEN = re.compile(r"^(?:([a-z]+) )?(\d{1,2}) ([a-z]+)(?: (\d{4}))?$")


def parse_date(text: str, original: str) -> dt.date | None:
    """A full date in any accepted form, or ``None`` when ``text`` is no date."""
    iso, numeric, written = _ISO.match(text), _NUMERIC.match(text), _WRITTEN.match(text)
    if iso:
        return _day(int(iso[1]), int(iso[2]), int(iso[3]), original)
    if numeric:
        return _day(int(numeric[3]), int(numeric[2]), int(numeric[1]), original)
    if written and written[4] and written[3] in _MONTH_NAMES:
        day = _day(int(written[4]), _MONTH_NAMES[written[3]], int(written[2]), original)
        _check_weekday(written[1], day, original)
        return day
    return None


def _day(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise AgendaError(f"'{_short(original)}' bevat een datum die niet bestaat. Controleer dag en maand.") from None


def _check_weekday(name: str | None, day: dt.date, original: str) -> None:
    if name is None:
        return
    wanted = _weekday(name)
    if wanted is None:
        raise AgendaError(f"'{_short(original)}' kan de agenda niet lezen. {HELP}")
    if wanted != day.weekday():
        raise AgendaError(
            f"in '{_short(original)}' klopt de dag niet: {day.day} {MONTHS[day.month - 1]} {day.year} is een "
            f"{WEEKDAYS[day.weekday()]}, geen {WEEKDAYS[wanted]}. Verbeter de dag of de datum."
        )


def _weekday(word: str) -> int | None:
    word = word.strip()
    if word in _SHORT_DAYS:
        return _SHORT_DAYS[word]
    for index, name in enumerate(WEEKDAYS):
        if word == name or (word.startswith(name) and word[len(name) :] in ("s", "en", "middag", "ochtend", "avond")):
            return index
    return None


def _weekday_list(text: str) -> tuple[int, ...] | None:
    days = [_weekday(w) for w in re.split(r",\s*|\s+en\s+|\s*&\s*|\s*/\s*", text.strip()) if w]
    if not days or any(d is None for d in days):
        return None
    return tuple(sorted(set(days)))  # type: ignore[arg-type]


# --- the five kinds ------------------------------------------------------------------------

_EVERY = r"(?:elke|iedere|ieder|elk)"
_YEARLY_PREFIX = re.compile(r"^(?:(?:elk|ieder) jaar|jaarlijks)(?: op)?\s+")


def _once(rest: str, times: dict, since, until) -> Entry | None:
    day = parse_date(rest, times["text"])
    return Once(day=day, **times) if day else None


def _yearly(rest: str, times: dict, since, until) -> Entry | None:
    match = _WRITTEN.match(_YEARLY_PREFIX.sub("", rest))
    if not match or match[1] or match[4] or match[3] not in _MONTH_NAMES:
        return None
    month, day = _MONTH_NAMES[match[3]], int(match[2])
    _day(2024, month, day, times["text"])  # a leap year: 29 februari exists
    return Yearly(month=month, day=day, **times)


_MONTHLY = re.compile(rf"^(?:maandelijks op |op )?(?:de |{_EVERY} )?(.+?) ([a-z]+) (?:van|in) de maand$")


def _monthly(rest: str, times: dict, since, until) -> Entry | None:
    match = _MONTHLY.match(rest)
    if not match:
        return None
    words = [w for w in re.split(r",\s*|\s+en\s+", match[1]) if w]
    nths = [ORDINALS.get(w, _ORDINAL_NUMBERS.get(w)) for w in words]
    weekday = _weekday(match[2])
    if not nths or None in nths or weekday is None:
        return None
    return Monthly(
        weekday=weekday, nths=tuple(sorted(set(nths), key=lambda n: (n < 0, n))), since=since, until=until, **times
    )  # type: ignore[arg-type]


_BIWEEKLY = re.compile(
    rf"^(?:om de (?:(?:twee|2) )?(?:weken|week)|{_EVERY} (?:twee|2) weken|tweewekelijks|twee-wekelijks)(?: op)? (.+)$"
)
_WEEKLY = re.compile(rf"^(?:{_EVERY}(?: week)?|wekelijks|op)(?: op)? (.+)$")


def _weekly(rest: str, times: dict, since, until) -> Entry | None:
    biweekly = _BIWEEKLY.match(rest)
    match = biweekly or _WEEKLY.match(rest)
    days = _weekday_list(match[1]) if match else None
    if days is None:
        return None
    if biweekly and since is None:
        raise AgendaError(
            f"'{_short(times['text'])}': in welke week begint het? Zet de datum van de eerste keer erachter, "
            f"bijvoorbeeld 'om de week op {WEEKDAYS[days[0]]} vanaf 5-1-2027'."
        )
    return Weekly(weekdays=days, interval=2 if biweekly else 1, since=since, until=until, **times)


_NAMED_PREFIX = re.compile(r"^(?:(?:elk|ieder) jaar|jaarlijks|tijdens|met|op|rond)(?: (?:de|het|op))?\s+")
_YEAR_SUFFIX = re.compile(r"\s+(\d{4})$")


def _named(rest: str, times: dict, since, until) -> Entry | None:
    year_match = _YEAR_SUFFIX.search(rest)
    year = int(year_match[1]) if year_match else None
    rest = _NAMED_PREFIX.sub("", rest[: year_match.start()] if year_match else rest)
    key = alias_key(rest.removeprefix("de ").removeprefix("het "))
    return Named(key=key, year=year, **times) if key else None


def _short(value: object, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"

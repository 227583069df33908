"""Freshness: when each file last changed (from git history) and which cards need a check-up."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from .dates import dutch_date
from .errors import WARNING, Problem
from .git import run_git
from .models import Card

DEFAULT_MAX_AGE_MONTHS = 12
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def last_changes(root: Path) -> dict[str, dt.date]:
    """Date of the last commit that touched each file under ``cards/`` and ``inventory/``.

    One ``git log`` for the whole repository. Paths are relative to ``root``, with ``/``.
    Returns an empty mapping when ``root`` is not in a git repository or git is missing,
    so a site still builds from a plain folder or a tarball.
    """
    args = [
        "log", "-z", "--relative", "--name-only", "--no-renames",
        "--date=short", "--format=%x00%cd", "--", "cards", "inventory",
    ]  # fmt: skip
    result = run_git(root, args)
    if result is None or result.returncode != 0:
        return {}
    return parse_log(result.stdout.decode("utf-8", "surrogateescape"))


def last_commit_time(root: Path) -> int | None:
    """Committer time (seconds since 1970) of the newest commit, or ``None`` outside git.

    The build uses it as ``SOURCE_DATE_EPOCH``: the same commit gives the same site on any day.
    """
    result = run_git(root, ["log", "-1", "--format=%ct"])
    if result is None:
        return None
    text = result.stdout.decode("ascii", "replace").strip()
    return int(text) if result.returncode == 0 and text.isdigit() else None


def parse_log(output: str) -> dict[str, dt.date]:
    """Parse ``git log -z --name-only --format=%x00%cd --date=short``: newest date per path.

    Taking the newest date (not the first one seen) keeps the result right when history
    is not in date order, e.g. after a rebase.
    """
    changes: dict[str, dt.date] = {}
    current: dt.date | None = None
    for token in output.split("\0"):
        token = token.strip("\n")
        if not token:
            continue
        if _DATE.match(token):
            current = dt.date.fromisoformat(token)
        elif current is not None and (token not in changes or changes[token] < current):
            changes[token] = current
    return changes


def with_last_changes(cards: Iterable[Card], changes: Mapping[str, dt.date]) -> list[Card]:
    """Cards with ``last_change`` filled in where git knows the file."""
    return [
        card.model_copy(update={"last_change": changes[card.path]}) if card.path in changes else card for card in cards
    ]


def months_before(day: dt.date, months: int) -> dt.date:
    """``months_before(date(2026, 3, 31), 1)`` → ``date(2026, 2, 28)``."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last_day))


def freshness_problems(
    cards: Iterable[Card],
    last_changes: Mapping[str, dt.date],
    today: dt.date,
    max_age_months: int,
    *,
    root: Path | None = None,
) -> list[Problem]:
    """Warn for cards whose ``gecontroleerd`` date, or else last change, is too old.

    Cards with status ``gestopt`` are skipped: nobody needs to call them. ``max_age_months``
    of 0 or less switches the check off. With ``root``, a warning about a ``gecontroleerd``
    date carries its line, found by a plain text search (after a year without checks, most
    cards may be stale at once; composing YAML for each would make ``check`` slow).
    """
    if max_age_months <= 0:
        return []
    cutoff = months_before(today, max_age_months)
    problems = []
    for card in cards:
        if card.status == "gestopt":
            continue
        changed = last_changes.get(card.path) or card.last_change
        reference = card.gecontroleerd or changed
        if reference is not None and reference < cutoff:
            problem = _stale(card, reference, checked=card.gecontroleerd is not None, months=max_age_months)
            if root is not None and problem.field:
                problem = replace(problem, line=key_line(root / card.path, problem.field))
            problems.append(problem)
    return problems


def key_line(file: Path, key: str) -> int | None:
    """Line of a top-level ``key:`` in the front-matter of ``file``, or ``None``."""
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            return None
        if line.startswith(f"{key}:"):
            return number
    return None


def _stale(card: Card, day: dt.date, *, checked: bool, months: int) -> Problem:
    age = f"ouder dan {months} {'maand' if months == 1 else 'maanden'}"
    when = f"laatst gecontroleerd op {dutch_date(day)}" if checked else f"laatst gewijzigd op {dutch_date(day)}"
    has_contact = card.contact is not None and (card.contact.telefoon or card.contact.email)
    how = "Bel of mail de contactpersoon" if has_contact else "Ga na of de gegevens nog kloppen"
    return Problem(
        card.path,
        None,
        "gecontroleerd" if checked else None,  # no key to point at when it was never checked
        f"contactgegevens controleren: '{card.titel}' is {when} ({age}). "
        f"{how} en zet de datum van die dag bij 'gecontroleerd'.",
        WARNING,
    )


def reference_time(root: Path) -> dt.datetime:
    """The build's reference time: ``SOURCE_DATE_EPOCH``, else the newest commit, else the clock (UTC)."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(stamp) if stamp.isdigit() else last_commit_time(root)
    if seconds is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    return dt.datetime.fromtimestamp(seconds, dt.UTC)

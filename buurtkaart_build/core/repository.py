"""Load a whole Buurtkaart repository: every inventory and card, validated and cross-checked."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .actions import action_problems
from .checks import cross_checks
from .content_checks import content_problems
from .errors import WARNING, Problem, sort_problems
from .geo import metres
from .history import DEFAULT_MAX_AGE_MONTHS, freshness_problems, last_changes
from .load import key_lines, read_doc
from .models import Card, Location
from .parsed_cards import ParsedCards, read_card
from .slugs import RESERVED_CARD_SLUGS, RESERVED_LOCATION_SLUGS, is_slug, slugify
from .themes import Theme, load_themes, shipped_concepts, shipped_themes
from .validate import validate_location

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})


@dataclass
class Repository:
    """Everything the site is made of, in a deterministic order (locations and cards by slug)."""

    root: Path
    locations: dict[str, Location] = field(default_factory=dict)
    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    card_files: int = 0
    themes: dict[str, Theme] = field(default_factory=shipped_themes)
    concepts: dict[str, Theme] = field(default_factory=shipped_concepts)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    by_location: dict[str, list[Card]] = field(default_factory=dict)

    def cards_of(self, slug: str) -> list[Card]:
        """The cards of one location, nearest first (grouped and sorted once, at load)."""
        return self.by_location.get(slug, [])

    def cards_nearest_first(self, slug: str | None = None) -> list[Card]:
        """One location's cards, or all cards by location (slug order), nearest first."""
        if slug is not None:
            return self.cards_of(slug)
        return [card for key in sorted(self.by_location) for card in self.by_location[key]]


def load_repository(
    root: Path,
    *,
    today: dt.date | None = None,
    max_age_months: int = DEFAULT_MAX_AGE_MONTHS,
    parsed: ParsedCards | None = None,
) -> Repository:
    """Read ``inventory/`` and ``cards/`` below ``root``; never raises for bad content.

    Args:
        root: The repository folder.
        today: Reference date for the freshness warnings (default: today).
        max_age_months: Warn when a card was checked (or else changed) longer ago; 0 = off.
        parsed: Cards parsed by earlier loads (``mkdocs serve``): unchanged files are not parsed again.
    """
    if parsed is not None:
        parsed.start()
    with _collector_paused():
        repo = _load(root, today, max_age_months, parsed)
    if parsed is not None:
        parsed.finish()
    return repo


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while loading: it builds many objects and frees few.

    The collector otherwise walks every card loaded so far again and again (about a tenth of
    ``check`` on 10,000 cards); plain reference counting still frees what loading drops.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(root: Path, today: dt.date | None, max_age_months: int, parsed: ParsedCards | None) -> Repository:
    repo = Repository(root=root)
    changes = last_changes(root)
    _load_locations(repo)
    _load_cards(repo, changes, parsed)  # with last_change and distance, as with_last_changes and with_distances
    repo.themes, repo.concepts, theme_problems = load_themes(root)
    repo.problems.extend(theme_problems)
    repo.by_location = group_nearest_first(repo.cards)
    stale = freshness_problems(repo.cards, changes, today or dt.date.today(), max_age_months, root=root)
    repo.problems.extend(_with_lines(repo.root, cross_checks(repo.locations, repo.cards) + stale))
    repo.problems.extend(action_problems(repo.root, repo.locations, repo.cards))
    repo.problems = sort_problems(repo.problems)
    return repo


def with_distances(cards: list[Card], locations: dict[str, Location]) -> list[Card]:
    """Cards with ``distance`` (metres to their own location) where both have coordinates."""
    out = []
    for card in cards:
        location = locations.get(card.locatie)
        if card.coordinaten is not None and location is not None:
            card = card.model_copy(update={"distance": metres(location.coordinaten, card.coordinaten)})
        out.append(card)
    return out


def nearest_first(card: Card) -> tuple:
    """Sort key: nearest first, cards without a distance last; ties by title, then file."""
    return (card.distance is None, card.distance or 0.0, card.titel.lower(), card.path)


def group_nearest_first(cards: list[Card]) -> dict[str, list[Card]]:
    """Cards per location folder, each list nearest first."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(card.locatie, []).append(card)
    return {slug: sorted(members, key=nearest_first) for slug, members in sorted(groups.items())}


def _load_locations(repo: Repository) -> None:
    folder = repo.root / "inventory"
    for file in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        rel = file.relative_to(repo.root).as_posix()
        slug = _slug_of(repo, file, rel, RESERVED_LOCATION_SLUGS, "locatie")
        doc = read_doc(file, rel)
        front = validate_location(doc) if doc.ok else None
        repo.problems.extend(doc.problems)
        if front is not None and slug:
            repo.locations[slug] = Location.of(front, slug=slug, path=rel, body=doc.body)


def _load_cards(repo: Repository, changes: dict[str, dt.date], parsed: ParsedCards | None) -> None:
    folder = repo.root / "cards"
    if not folder.is_dir():
        return
    for parts, file in card_files(folder):
        rel = "/".join(("cards", *parts))
        suffix = file.suffix.lower()
        if suffix in IMAGE_SUFFIXES:
            continue
        if suffix != ".md":
            repo.problems.append(
                _warn(
                    rel,
                    f"'{file.name}' is geen kaart (.md) en geen afbeelding. "
                    "Haal het bestand weg of zet het buiten de map cards/.",
                )
            )
            continue
        if len(parts) < 2:
            repo.problems.append(
                _warn(
                    rel,
                    "deze kaart staat niet in de map van een locatie. Verplaats hem naar cards/<locatie>/.",
                )
            )
            continue
        _load_card(repo, file, rel, parts[0], changes, parsed)


def card_files(folder: Path) -> list[tuple[tuple[str, ...], Path]]:
    """Files below ``folder`` as ``(parts relative to folder, path)``, in ``sorted(folder.rglob("*"))`` order.

    Skips what loading skips: hidden and ``_`` files and folders (templates in ``_sjablonen``)
    and anything that is not a file. Like ``rglob``, it does not enter symbolic links to
    folders. One ``scandir`` per folder and no ``Path`` arithmetic: a third of the time
    ``rglob``, ``relative_to`` and ``is_file`` took for 10,000 cards.
    """
    found: list[tuple[str, ...]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), os.fspath(folder))]
    while pending:
        prefix, directory = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError:
            continue
        for entry in listed:
            if entry.name.startswith((".", "_")):
                continue
            parts = (*prefix, entry.name)
            if _is(entry.is_dir, follow_symlinks=False):
                pending.append((parts, entry.path))
            elif _is(entry.is_file):
                found.append(parts)
    return [(parts, folder.joinpath(*parts)) for parts in sorted(found)]


def _is(test: Callable[..., bool], **options: bool) -> bool:
    try:
        return test(**options)
    except OSError:
        return False


def _load_card(
    repo: Repository, file: Path, rel: str, locatie: str, changes: dict[str, dt.date], parsed: ParsedCards | None
) -> None:
    repo.card_files += 1
    slug = _slug_of(repo, file, rel, RESERVED_CARD_SLUGS, "kaart")
    card = read_card(file, rel, parsed)
    doc, front = card.doc, card.front
    repo.problems.extend(card.problems)
    if front is not None:
        repo.problems.extend(content_problems(doc, front, file))
    if front is not None and slug:
        location = repo.locations.get(locatie)
        distance = None
        if front.coordinaten is not None and location is not None:
            distance = metres(location.coordinaten, front.coordinaten)
        repo.cards.append(
            Card.of(
                front,
                locatie=locatie,
                slug=slug,
                path=rel,
                body=doc.body,
                last_change=changes.get(rel),
                distance=distance,
            )
        )


def _slug_of(repo: Repository, file: Path, rel: str, reserved: frozenset[str], what: str) -> str | None:
    slug = slugify(file.stem)
    if not slug:
        repo.problems.append(
            Problem(
                rel,
                None,
                None,
                f"de bestandsnaam '{file.name}' bevat geen letters of cijfers. "
                "Geef het bestand een naam als 'bakkerij-de-korenbloem.md'.",
            )
        )
        return None
    if slug in reserved:
        repo.problems.append(
            Problem(
                rel,
                None,
                None,
                f"de naam '{slug}' is gereserveerd voor een pagina van de site. "
                f"Geef de {what} een andere bestandsnaam, bijvoorbeeld '{slug}-1.md'.",
            )
        )
        return None
    if not is_slug(file.stem):
        repo.problems.append(
            _warn(
                rel,
                f"de bestandsnaam '{file.name}' wordt in de link '{slug}'. "
                f"Hernoem het bestand liever naar '{slug}.md' (kleine letters, streepjes).",
            )
        )
    return slug


def _with_lines(root: Path, problems: list[Problem]) -> list[Problem]:
    """Add the key's line to cross-file problems; composes YAML only for those few files."""
    cache: dict[str, dict[tuple, int]] = {}
    out = []
    for p in problems:
        if p.line is None and p.field:
            if p.file not in cache:
                cache[p.file] = key_lines(read_doc(root / p.file, p.file))
            path = tuple(int(k) if k.isdigit() else k for k in p.field.split("."))
            p = replace(p, line=cache[p.file].get(path))
        out.append(p)
    return out


def _warn(rel: str, message: str, line: int | None = None, field: str | None = None) -> Problem:
    return Problem(rel, line, field, message, WARNING)

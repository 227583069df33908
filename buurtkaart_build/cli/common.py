"""What every command shares: one way to stop with a Dutch message, loading, choosing a location."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import NoReturn

import click

from ..core.models import Location
from ..core.repository import Repository, load_repository
from ..workflow.report import render_report

DATA_ERROR = 1  # the cards or inventories have errors
USAGE_ERROR = 2  # the command was given something it cannot use


def fail(message: str, code: int = DATA_ERROR) -> NoReturn:
    """Stop the command: ``message`` on standard error, then exit with ``code``."""
    click.echo(message, err=True)
    raise SystemExit(code)


def bad_value(param: str, message: str) -> NoReturn:
    """Stop (exit 2) because an argument or option cannot be used, worded as click's own errors."""
    ctx = click.get_current_context(silent=True)
    usage = f"{ctx.get_usage()}\nProbeer '{ctx.command_path} --help' voor hulp.\n\n" if ctx else ""
    fail(f"{usage}Fout: ongeldige waarde voor {param}: {message}", USAGE_ERROR)


def fail_with_problems(problems, *, cards: int = 0, locations: int = 0, fmt: str = "text") -> NoReturn:
    """Stop with every problem found (exit 1), in the command's report format."""
    fail(render_report(problems, cards=cards, locations=locations, fmt=fmt))


def load_valid(root: Path, *, fmt: str = "text") -> Repository:
    """The repository, or stop with all its problems when any file has an error."""
    repo = load_repository(root)
    if repo.errors:
        fail_with_problems(repo.problems, cards=repo.card_files, locations=len(repo.locations), fmt=fmt)
    return repo


def location_or_fail(repo: Repository, slug: str | None) -> Location:
    """The location named by ``--locatie``, or stop (exit 2) with the names to choose from."""
    if slug in repo.locations:
        return repo.locations[slug]
    valid = sorted(repo.locations)
    choices = f"Kies uit: {', '.join(valid)}." if valid else "Er zijn nog geen locaties in inventory/."
    if not slug:
        fail(f"Geef een locatie op met --locatie. {choices}", USAGE_ERROR)
    close = difflib.get_close_matches(slug, valid, n=1)
    hint = f" Bedoel je '{close[0]}'?" if close else ""
    fail(
        f"Onbekende locatie '{slug}'.{hint} {choices} De naam is de bestandsnaam in inventory/ zonder .md.",
        USAGE_ERROR,
    )

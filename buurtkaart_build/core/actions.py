"""Checks of the team's action plan (``acties`` in the inventory) against the cards."""

from __future__ import annotations

import difflib
from pathlib import Path

from .errors import Problem
from .load import key_lines, read_doc
from .models import Card, Location


def action_problems(root: Path, locations: dict[str, Location], cards: list[Card]) -> list[Problem]:
    """An action's ``kaart`` must name a card of the same location (with the key's line)."""
    slugs: dict[str, set[str]] = {}
    for card in cards:
        slugs.setdefault(card.locatie, set()).add(card.slug)
    problems = []
    for slug, location in locations.items():
        known = slugs.get(slug, set())
        bad = [(i, a.kaart) for i, a in enumerate(location.acties) if a.kaart and a.kaart not in known]
        if not bad:
            continue
        lines = key_lines(read_doc(root / location.path, location.path))
        for index, ref in bad:
            guess = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
            hint = f" Bedoel je '{guess[0]}'?" if guess else ""
            problems.append(
                Problem(
                    location.path,
                    lines.get(("acties", index, "kaart")),
                    "acties.kaart",
                    f"de actie noemt de kaart '{ref}', maar die staat niet in cards/{slug}/.{hint} "
                    f"Schrijf de bestandsnaam van de kaart zonder .md, of laat 'kaart' weg.",
                )
            )
    return problems

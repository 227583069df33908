"""Checks of a valid card's content beyond its format: its photos and the plain language of its summary.

Photo problems are errors (the build would otherwise publish half); language tips are warnings.
Both point at the line of the key they are about. YAML is composed for line numbers only when
a card has something to report (design §7: composing is the slow part).
"""

from __future__ import annotations

from pathlib import Path

from .errors import ERROR, WARNING, Problem
from .load import RawDoc, key_lines
from .models import CardFront
from .photos import photo_messages
from .readability import plain_language_tips


def content_problems(doc: RawDoc, front: CardFront, file: Path) -> list[Problem]:
    """Problems of the card's ``fotos`` and tips about its ``samenvatting``, with lines."""
    found: list[tuple[tuple, str, str, str]] = []  # (key path, field, message, severity)
    for index, photo in enumerate(front.fotos):
        for field, message in photo_messages(file, photo.bestand, photo.beschrijving):
            found.append((("fotos", index, field), f"fotos.{field}", message, ERROR))
    if front.samenvatting:
        for tip in plain_language_tips(front.samenvatting):
            found.append((("samenvatting",), "samenvatting", f"tip voor gewone taal: {tip}", WARNING))
    if not found:
        return []
    lines = key_lines(doc)
    return [Problem(doc.path, _line(lines, path), field, message, sev) for path, field, message, sev in found]


def _line(lines: dict[tuple, int], path: tuple) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None

"""Checks of a valid card's content beyond its format: its photos and the plain language of its summary.

Photo problems are errors (the build would otherwise publish half); language tips are warnings.
Both point at the line of the key they are about, found in the front-matter composed at load
(design §7: composing is the slow part, so it is not done a second time).
"""

from __future__ import annotations

from pathlib import Path

from .errors import ERROR, WARNING, Problem
from .load import RawDoc, key_line
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
    return [Problem(doc.path, key_line(doc, path), field, message, sev) for path, field, message, sev in found]

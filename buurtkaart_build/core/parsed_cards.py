"""Cards read and validated by an earlier load in this process, for ``mkdocs serve``.

While serving, every saved file rebuilds the site, and loading reads and validates every card
again (a third of a rebuild's loading on 1,000 cards). A card whose bytes are unchanged gives the
same document, front-matter and problems, so :class:`ParsedCards` hands those back instead.
What depends on other files (photos, locations, git history, cross-checks) is checked anew.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import link_problems
from .errors import Problem
from .load import RawDoc, doc_of_bytes, read_doc
from .models import CardFront
from .validate import validate_card


@dataclass(frozen=True)
class ParsedCard:
    doc: RawDoc
    front: CardFront | None  # None when the card is invalid
    problems: tuple[Problem, ...]  # of the file alone: reading, validation, links in the body


def parse_card(data: bytes, rel: str) -> ParsedCard:
    doc = doc_of_bytes(data, rel)
    readable = doc.ok  # the body's links are checked even when a field is wrong: all problems at once
    front = validate_card(doc) if readable else None
    problems = [*doc.problems, *(link_problems(doc) if readable else [])]
    return ParsedCard(doc=doc, front=front, problems=tuple(problems))


class ParsedCards:
    """The last parse of each card file (by its path below the repository), with the bytes it had."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[bytes, ParsedCard]] = {}
        self._seen: set[str] = set()
        self.reused = 0  # parses the last load saved (for tests)

    def start(self) -> None:
        """A new load begins."""
        self._seen, self.reused = set(), 0

    def parse(self, data: bytes, rel: str) -> ParsedCard:
        self._seen.add(rel)
        kept = self._kept.get(rel)
        if kept is not None and kept[0] == data:
            self.reused += 1
            return kept[1]
        parsed = parse_card(data, rel)
        self._kept[rel] = (data, parsed)
        return parsed

    def finish(self) -> None:
        """The load is done: forget cards it did not read (removed or renamed)."""
        self._kept = {rel: kept for rel, kept in self._kept.items() if rel in self._seen}


def read_card(file: Path, rel: str, parsed: ParsedCards | None) -> ParsedCard:
    """One card file read, parsed and validated (by ``parsed`` when given)."""
    try:
        data = file.read_bytes()
    except OSError:
        doc = read_doc(file, rel)  # tries again, and says in Dutch why the file cannot be read
        return ParsedCard(doc=doc, front=None, problems=tuple(doc.problems))
    return parsed.parse(data, rel) if parsed is not None else parse_card(data, rel)

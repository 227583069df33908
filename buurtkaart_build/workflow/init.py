"""``buurtkaart init``: the files of a new Buurtkaart repository, written without overwriting.

The files come from ``data/init/`` in the package. Names there start with ``dot-`` where the
file in the repository starts with a dot (``dot-github/`` → ``.github/``): packaging tools skip
hidden files. ``@@naam@@`` placeholders are filled in; nothing else is changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..core.models import CATEGORIES
from ..core.templates import template_text

DOT_PREFIX = "dot-"
TEMPLATE_FOLDER = "cards/_sjablonen"


@dataclass
class Written:
    """What a run wrote (``created``) and what it left alone because it was there (``kept``)."""

    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def target_path(packaged: str) -> str:
    """``dot-github/workflows/x.yml`` → ``.github/workflows/x.yml``."""
    parts = packaged.split("/")
    return "/".join("." + p.removeprefix(DOT_PREFIX) if p.startswith(DOT_PREFIX) else p for p in parts)


def packaged_files() -> dict[str, str]:
    """``{path in the new repository: text}`` of every file in ``data/init/``, sorted."""
    root = resources.files("buurtkaart_build") / "data" / "init"
    out: dict[str, str] = {}
    _walk(root, "", out)
    return dict(sorted(out.items()))


def _walk(folder: Traversable, prefix: str, out: dict[str, str]) -> None:
    for entry in folder.iterdir():
        if entry.name.startswith((".", "__")):
            continue  # caches and editor files, never part of a new repository
        rel = f"{prefix}{entry.name}"
        if entry.is_dir():
            _walk(entry, rel + "/", out)
        else:
            out[target_path(rel)] = entry.read_text(encoding="utf-8")


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``@@key@@`` by its value."""
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    return text


def repository_files(values: dict[str, str]) -> dict[str, str]:
    """Every file of a new repository, placeholders filled, plus the card templates.

    Args:
        values: ``locatie`` (short name of a location, for examples), ``versie`` and ``pakket``
            (the requirement line of the package).
    """
    files = {path: fill(text, values) for path, text in packaged_files().items()}
    files.update({f"{TEMPLATE_FOLDER}/{c}.md": template_text(c) for c in CATEGORIES})
    return dict(sorted(files.items()))


def write_new_files(root: Path, files: dict[str, str]) -> Written:
    """Write each file that does not exist yet; an existing file is never touched.

    Raises:
        OSError: a folder cannot be made or a file cannot be written (no permission, a file
            where a folder should be).
    """
    result = Written()
    for rel, text in files.items():
        path = root / rel
        if path.exists() or path.is_symlink():
            result.kept.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
        except FileExistsError:
            result.kept.append(rel)  # made by someone else in the meantime
            continue
        result.created.append(rel)
    return result

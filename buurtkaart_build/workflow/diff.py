"""Which cards a change adds, changes or removes, as Markdown for a pull-request comment."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.choices import CATEGORIES
from ..core.errors import BuurtkaartError, Problem
from ..core.git import run_git
from ..core.load import RawDoc, normalise_text, parse_text
from ..core.models import CARD_KEYS, LOCATION_KEYS

FOLDERS = ("cards", "inventory")
BODY = "tekst"


@dataclass(frozen=True)
class Version:
    """One side of a file: its path and its front-matter and body as the loader reads them."""

    path: str
    meta: dict
    body: str
    text: str

    @property
    def title(self) -> str:
        key = "naam" if self.path.startswith("inventory/") else "titel"
        value = self.meta.get(key)
        return value if isinstance(value, str) and value.strip() else PurePosixPath(self.path).stem

    @property
    def location(self) -> str:
        parts = PurePosixPath(self.path).parts
        return parts[1] if parts[0] == "cards" else PurePosixPath(self.path).stem

    @property
    def category(self) -> str:
        value = self.meta.get("categorie")
        if not isinstance(value, str):
            return ""
        return CATEGORIES.get(value.strip().lower(), value)


@dataclass
class Changes:
    added: list[Version] = field(default_factory=list)
    changed: list[tuple[Version, list[str]]] = field(default_factory=list)
    removed: list[Version] = field(default_factory=list)
    moved: list[tuple[Version, Version]] = field(default_factory=list)


# --- reading both sides ----------------------------------------------------------------------


def tracked_file(rel: str) -> bool:
    """The files the site is made of: ``cards/<locatie>/….md`` and ``inventory/<locatie>.md``."""
    parts = PurePosixPath(rel).parts
    if not rel.lower().endswith(".md") or any(p.startswith((".", "_")) for p in parts[1:]):
        return False
    if parts[0] == "cards":
        return len(parts) >= 3
    return parts[0] == "inventory" and len(parts) == 2


def files_at(root: Path, base: str) -> dict[str, str]:
    """Text of every card and inventory file at git revision ``base``. Two git calls in all."""
    listing = _git(root, ["ls-tree", "-r", "-z", base, "--", *FOLDERS], base)
    blobs: dict[str, str] = {}
    for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
        if "\t" not in entry:
            continue
        info, rel = entry.split("\t", 1)
        mode_type_oid = info.split()
        if len(mode_type_oid) == 3 and mode_type_oid[1] == "blob" and tracked_file(rel):
            blobs[rel] = mode_type_oid[2]
    contents = _cat_blobs(root, sorted(set(blobs.values())))
    return {rel: contents[oid] for rel, oid in sorted(blobs.items())}


def files_in_worktree(root: Path) -> dict[str, str]:
    """Text of every card and inventory file in the working tree."""
    out: dict[str, str] = {}
    for folder in FOLDERS:
        base = root / folder
        for file in sorted(base.rglob("*.md")) if base.is_dir() else []:
            rel = file.relative_to(root).as_posix()
            if file.is_file() and tracked_file(rel):
                out[rel] = _decode(file.read_bytes())
    return out


def _git(root: Path, args: list[str], base: str, stdin: bytes | None = None) -> bytes:
    result = run_git(root, args, stdin=stdin)
    if result is None:
        raise _error("git is niet gevonden of reageert niet. Installeer git, of draai deze opdracht in CI.")
    if result.returncode != 0 and b"not a git repository" in result.stderr.lower():
        raise _error(f"de map '{root}' is geen git-repository: er is niets om mee te vergelijken.")
    if result.returncode != 0:
        raise _error(
            f"git kent de versie '{base}' niet. Haal de hoofdtak eerst op, bijvoorbeeld met "
            "'git fetch origin main', en geef dan 'origin/main' op."
        )
    return result.stdout


def _cat_blobs(root: Path, oids: list[str]) -> dict[str, str]:
    if not oids:
        return {}
    data = _git(root, ["cat-file", "--batch"], "", stdin="".join(f"{o}\n" for o in oids).encode())
    contents: dict[str, str] = {}
    pos = 0
    for oid in oids:
        header_end = data.index(b"\n", pos)
        size = int(data[pos:header_end].split()[2])
        contents[oid] = _decode(data[header_end + 1 : header_end + 1 + size])
        pos = header_end + 1 + size + 1  # content is followed by a newline
    return contents


def _decode(data: bytes) -> str:
    return normalise_text(data.decode("utf-8", "replace"))


def _error(message: str) -> BuurtkaartError:
    return BuurtkaartError([Problem(".", None, None, message)])


# --- comparing -------------------------------------------------------------------------------


def version(rel: str, text: str) -> Version:
    doc = parse_text(RawDoc(path=rel, meta={}, body=""), text)
    return Version(rel, doc.meta if doc.ok else {}, doc.body, text)


def compare(old: dict[str, str], new: dict[str, str]) -> Changes:
    """Sort files into added, changed (with the names of the changed fields), removed, moved."""
    changes = Changes()
    for rel in sorted(old.keys() & new.keys()):
        if old[rel] != new[rel]:
            before, after = version(rel, old[rel]), version(rel, new[rel])
            changes.changed.append((after, changed_fields(before, after)))
    gone = {rel: version(rel, old[rel]) for rel in sorted(old.keys() - new.keys())}
    for rel in sorted(new.keys() - old.keys()):
        after = version(rel, new[rel])
        same = next((v for v in gone.values() if v.text == after.text), None)
        if same is not None:
            changes.moved.append((gone.pop(same.path), after))
        else:
            changes.added.append(after)
    changes.removed = list(gone.values())
    return changes


def changed_fields(before: Version, after: Version) -> list[str]:
    """Front-matter keys whose value differs, in the format's order; ``tekst`` for the body."""
    if not before.meta or not after.meta:
        return ["hele bestand"]
    order = LOCATION_KEYS if before.path.startswith("inventory/") else CARD_KEYS
    keys = before.meta.keys() | after.meta.keys()
    known = [k for k in order if k in keys]
    fields = known + sorted(k for k in keys if k not in order)
    fields = [k for k in fields if before.meta.get(k) != after.meta.get(k)]
    if before.body.strip() != after.body.strip():
        fields.append(BODY)
    return fields or ["opmaak of uitleg"]


def diff_repository(root: Path, base: str) -> Changes:
    """Compare the cards and inventories at git revision ``base`` with the working tree."""
    return compare(files_at(root, base), files_in_worktree(root))


# --- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~<>])")


def escape_md(text: str) -> str:
    """Text that a git host renders literally, also inside a table cell.

    Backslash-escapes Markdown punctuation (``|`` would end a cell), neutralises HTML and
    entities, and breaks ``@mentions`` and ``#123`` references with an invisible word joiner.
    """
    text = " ".join(str(text).split()).replace("&", "&amp;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("@", "@\u2060").replace("\\#", "\\#\u2060")


def render_markdown(changes: Changes, base: str) -> str:
    """The pull-request comment: one table per kind of change; inventories after the cards."""
    cards = _only(changes, "cards/")
    places = _only(changes, "inventory/")
    counts = (
        f"{len(cards.added)} toegevoegd, {len(cards.changed)} gewijzigd, "
        f"{len(cards.removed)} verwijderd, {len(cards.moved)} verplaatst"
    )
    shown = f"`{base}`" if "`" not in base else escape_md(base)
    lines = ["## Kaarten in deze wijziging", "", f"Vergeleken met {shown}: {counts}.", ""]
    if not any((cards.added, cards.changed, cards.removed, cards.moved)):
        lines += ["Geen kaarten toegevoegd, gewijzigd of verwijderd.", ""]
    head = ["Titel", "Locatie", "Categorie"]
    lines += _table("Toegevoegd", head, [_card_cells(v) for v in cards.added])
    lines += _table("Gewijzigd", [*head, "Wat is veranderd"], [[*_card_cells(v), _fields(f)] for v, f in cards.changed])
    lines += _table("Verwijderd", head, [_card_cells(v) for v in cards.removed])
    lines += _table(
        "Verplaatst of hernoemd", [*head, "Was"], [[*_card_cells(new), escape_md(old.path)] for old, new in cards.moved]
    )
    rows = [[escape_md(v.title), escape_md(v.path), "toegevoegd"] for v in places.added]
    rows += [[escape_md(v.title), escape_md(v.path), f"gewijzigd: {_fields(f)}"] for v, f in places.changed]
    rows += [[escape_md(v.title), escape_md(v.path), "verwijderd"] for v in places.removed]
    rows += [[escape_md(n.title), escape_md(n.path), f"was {escape_md(o.path)}"] for o, n in places.moved]
    lines += _table("Locaties (inventaris)", ["Naam", "Bestand", "Wijziging"], rows)
    return "\n".join(lines).rstrip("\n") + "\n"


def _only(changes: Changes, prefix: str) -> Changes:
    return Changes(
        added=[v for v in changes.added if v.path.startswith(prefix)],
        changed=[(v, f) for v, f in changes.changed if v.path.startswith(prefix)],
        removed=[v for v in changes.removed if v.path.startswith(prefix)],
        moved=[(o, n) for o, n in changes.moved if n.path.startswith(prefix)],
    )


def _card_cells(v: Version) -> list[str]:
    return [escape_md(v.title), escape_md(v.location), escape_md(v.category) or "–"]


def _fields(fields: list[str]) -> str:
    return ", ".join(escape_md(f) for f in fields)


def _table(heading: str, head: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return []
    out = [f"### {heading}", "", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return [*out, ""]

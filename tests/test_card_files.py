"""``card_files`` lists what ``sorted(folder.rglob("*"))`` with load's filter listed, in the same order."""

from __future__ import annotations

import os
from pathlib import Path

from buurtkaart_build.core.repository import card_files


def rglob_reference(folder: Path) -> list[tuple[tuple[str, ...], Path]]:
    """The listing ``_load_cards`` used before: every entry, sorted, then hidden/``_``/non-files skipped."""
    out = []
    for file in sorted(folder.rglob("*")):
        parts = file.relative_to(folder).parts
        if any(p.startswith((".", "_")) for p in parts) or not file.is_file():
            continue
        out.append((parts, file))
    return out


def make_tree(folder: Path) -> None:
    names = [
        "de-kastanje/bakker.md",
        "de-kastanje/Bakker 2.MD",
        "de-kastanje/fotos/ingang.jpg",
        "de-kastanje/sub/diep/kaart.md",
        "de-kastanje-noord/a.md",  # '-' sorts before '/' as text, but folders sort by part
        "de/a.md",
        "de.x/a.md",
        "losse-kaart.md",
        "notities.txt",
        "_sjablonen/bedrijven.md",
        "de-kastanje/_concept.md",
        ".verborgen/a.md",
        "de-kastanje/.DS_Store",
        "Zuid/Z.md",
        "zuid/z.md",
        "é/a.md",
    ]
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("---\ntitel: x\n---\n", encoding="utf-8")
    (folder / "leeg").mkdir()
    os.symlink(folder / "de", folder / "link-naar-map")  # rglob does not enter it; not a file
    os.symlink(folder / "de" / "a.md", folder / "de-kastanje" / "link.md")  # a link to a file is a file
    os.symlink(folder / "bestaat-niet.md", folder / "de-kastanje" / "kapot.md")  # broken: not a file


def test_same_files_in_the_same_order_as_rglob(tmp_path):
    folder = tmp_path / "cards"
    make_tree(folder)
    assert card_files(folder) == rglob_reference(folder)
    assert [parts for parts, _ in card_files(folder)][:3] == [
        ("Zuid", "Z.md"),
        ("de", "a.md"),
        ("de-kastanje", "Bakker 2.MD"),
    ]


def test_a_relative_root_gives_relative_paths(tmp_path, monkeypatch):
    make_tree(tmp_path / "cards")
    monkeypatch.chdir(tmp_path)
    assert card_files(Path("cards")) == rglob_reference(Path("cards"))
    assert card_files(Path(".") / "cards")[0][1] == Path("cards/Zuid/Z.md")

"""A load that reuses earlier parses (mkdocs serve) gives exactly what a fresh load gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from repo_files import ROOT

from buurtkaart_build.core.parsed_cards import ParsedCards
from buurtkaart_build.core.repository import load_repository


def demo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for folder in ("cards", "inventory"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def same_load(a, b) -> None:
    assert [c.model_dump() for c in a.cards] == [c.model_dump() for c in b.cards]
    assert [p.as_text() for p in a.problems] == [p.as_text() for p in b.problems]


def test_unchanged_cards_are_not_parsed_again_and_load_the_same(tmp_path):
    root = demo_copy(tmp_path)
    parsed = ParsedCards()
    first = load_repository(root, parsed=parsed)
    assert parsed.reused == 0
    again = load_repository(root, parsed=parsed)
    assert parsed.reused == len(first.cards) > 40
    same_load(again, load_repository(root))


def test_a_changed_card_is_parsed_again_with_its_problems(tmp_path):
    root = demo_copy(tmp_path)
    parsed = ParsedCards()
    load_repository(root, parsed=parsed)
    card = root / "cards" / "de-kastanje" / "zwembad-het-spetterhuis.md"
    card.write_text(card.read_text(encoding="utf-8").replace("categorie: ", "categorie: zwemmen-", 1), encoding="utf-8")
    changed = load_repository(root, parsed=parsed)
    fresh = load_repository(root)
    assert fresh.errors and any(p.file.endswith("zwembad-het-spetterhuis.md") for p in fresh.errors)
    same_load(changed, fresh)
    again = load_repository(root, parsed=parsed)  # the invalid card's parse is kept too
    same_load(again, fresh)
    assert parsed.reused == len(fresh.cards) + 1


def test_a_removed_card_is_forgotten(tmp_path):
    root = demo_copy(tmp_path)
    parsed = ParsedCards()
    load_repository(root, parsed=parsed)
    (root / "cards" / "de-kastanje" / "zwembad-het-spetterhuis.md").unlink()
    after = load_repository(root, parsed=parsed)
    same_load(after, load_repository(root))
    assert "cards/de-kastanje/zwembad-het-spetterhuis.md" not in parsed._kept

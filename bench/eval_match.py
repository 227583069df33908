"""Quality of vraag en aanbod on the hand-written matching sets: top-1, top-3, conditions kept.

    .venv/bin/python bench/eval_match.py            # totals per set
    .venv/bin/python bench/eval_match.py --detail   # plus each missed item of the TUNING sets

Sets: ``tests/matching_set`` (shares words with its cards), ``tests/matching_set_v2`` with
``expected.yml`` (tuning part) and ``expected_holdout.yml`` (held out: only totals are shown,
never its items, so nobody tunes on it). Top-1: the first match is one of ``beste`` (an empty
``beste`` needs no match at all); top-3: one of ``beste`` among the first three; broken: a card
listed under ``nooit`` was shown.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.match.engine import match_location
from buurtkaart_build.match.vocabulary import load_vocabulary

TESTS = Path(__file__).resolve().parent.parent / "tests"
SETS = (
    ("oude set", TESTS / "matching_set", "expected.yml", "de-linde"),
    ("nieuwe set, afstemdeel", TESTS / "matching_set_v2", "expected.yml", "de-wilgenhoek"),
    ("nieuwe set, achtergehouden", TESTS / "matching_set_v2", "expected_holdout.yml", "de-wilgenhoek"),
)


@dataclass
class Score:
    top1: int = 0
    top3: int = 0
    total: int = 0
    broken: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        return (
            f"{name:28} top-1 {self.top1:2d}/{self.total} = {self.top1 / self.total:4.0%}   "
            f"top-3 {self.top3:2d}/{self.total} = {self.top3 / self.total:4.0%}   voorwaarden/gestopt geschonden: "
            f"{len(self.broken)}"
        )


def evaluate(root: Path, expected_file: str, location: str, top: int = 5) -> Score:
    """Score the matcher on one set: ``root`` holds cards/, inventory/ and ``expected_file``."""
    repo = load_repository(root)
    if repo.errors:
        raise ValueError("\n".join(p.as_text() for p in repo.problems))
    vocabulary, _ = load_vocabulary(root)
    result = match_location(repo.locations[location], repo.cards_of(location), vocabulary, top=top)
    expected = yaml.safe_load((root / expected_file).read_text(encoding="utf-8"))
    score = Score()
    for kind in ("behoeften", "aanbod"):
        found = {entry.item.wat: [m.card.slug for m in entry.matches] for entry in getattr(result, kind)}
        for wanted in expected.get(kind) or []:
            slugs = found[wanted["wat"]]  # a KeyError means expected and inventory disagree
            best = set(wanted["beste"])
            hit1 = (slugs[:1] and slugs[0] in best) or (not best and not slugs)
            hit3 = bool(best & set(slugs[:3])) or (not best and not slugs)
            score.top1 += bool(hit1)
            score.top3 += bool(hit3)
            score.total += 1
            score.broken += sorted(set(wanted.get("nooit", [])) & set(slugs))
            if not hit1:
                score.missed.append(f"{kind}: {wanted['wat']!r} → {slugs[:3]} (beste {sorted(best)})")
    return score


def without_shared_word(root: Path, location: str) -> tuple[int, int]:
    """``(items sharing no content word with any of their best cards, items with a best card)``.

    Words are compared as written (folded, stop words left out, no stemming, no compound
    splitting): "fiets" and "rijwielen" share nothing, nor do "balsport" and "korfbal".
    """
    from buurtkaart_build.match.words import tokens  # noqa: PLC0415 - only this check needs it

    repo = load_repository(root)
    cards = {card.slug: card for card in repo.cards_of(location)}
    none = total = 0
    for expected_file in ("expected.yml", "expected_holdout.yml"):
        expected = yaml.safe_load((root / expected_file).read_text(encoding="utf-8"))
        for wanted in [*(expected.get("behoeften") or []), *(expected.get("aanbod") or [])]:
            if not wanted["beste"]:
                continue
            words = set(tokens(wanted["wat"]))
            total += 1
            none += all(not words & set(tokens(_card_text(cards[slug]))) for slug in wanted["beste"])
    return none, total


def _card_text(card) -> str:
    fields = [card.titel, card.samenvatting, card.wat_doen_ze, card.voor_de_buurt, card.body, *card.aanbod, *card.vraag]
    return " ".join(f for f in fields if f)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="show missed items of the tuning sets")
    args = parser.parse_args()
    for name, root, expected_file, location in SETS:
        score = evaluate(root, expected_file, location)
        print(score.line(name))
        if args.detail and "holdout" not in expected_file:
            for miss in score.missed:
                print("    mis:", miss)
    none, total = without_shared_word(TESTS / "matching_set_v2", "de-wilgenhoek")
    print(f"nieuwe set: {none} van de {total} items delen geen enkel inhoudswoord met hun goede antwoord")


if __name__ == "__main__":
    main()

"""Benchmark: match 100 needs (and 100 offers) against 1,000 synthetic cards of one location.

Prints the time; asserts nothing (design §8: a benchmark, not a timed test). The first run
starts with empty caches (stems, vocabulary), as a fresh build does.

    .venv/bin/python bench/bench_match.py [--cards 1000] [--needs 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import time

from buurtkaart_build.core.models import Card, CardFront, Location, LocationFront
from buurtkaart_build.match.engine import match_location
from buurtkaart_build.match.vocabulary import clear_cache, default_vocabulary
from buurtkaart_build.match.words import stem

FILLER_TEXT = (
    "we spraken met de eigenaar en de vrijwilligers over wat ze doen in de wijk het gebouw is oud maar "
    "goed onderhouden er komen veel ouderen en gezinnen op zaterdag is het druk de ingang is breed en "
    "er is een parkeerplaats de koffie is goed en ze willen graag meer mensen uit de buurt ontmoeten"
)
FILLER = FILLER_TEXT.split()
NAMES = ["De Linde", "Het Anker", "De Brug", "Zonnehoek", "De Kastanje", "Het Plein", "De Wieken", "Oosterhof"]
CATEGORIES = ["ontmoeten", "organisaties", "bedrijven", "activiteiten"]
STATUSES = ["nieuw", "benaderd", "contact", "samenwerking", "gestopt"]
CONDITIONS = ["rolstoel", "prikkelarm", "bereikbaar"]


class Writer:
    """Deterministic Dutch-looking text: theme words mixed with filler words."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        vocab = default_vocabulary()
        self.themes = sorted(vocab.themes)
        self.words = {name: list(vocab.themes[name].words) for name in self.themes}

    def text(self, n_theme: int, n_filler: int, theme: str | None = None) -> str:
        pool = self.words[theme or self.rng.choice(self.themes)]
        words = self.rng.sample(pool, min(n_theme, len(pool))) + self.rng.choices(FILLER, k=n_filler)
        self.rng.shuffle(words)
        return " ".join(words).capitalize()

    def item(self) -> dict:
        theme = self.rng.choice(self.themes)
        conditions = self.rng.sample(CONDITIONS, self.rng.randint(0, 2))
        return {"wat": self.text(2, 6, theme), "tags": [theme], "voorwaarden": conditions}

    def card(self, i: int) -> Card:
        rng = self.rng
        data = {
            "titel": f"{rng.choice(NAMES)} {self.text(1, 1)}",
            "categorie": rng.choice(CATEGORIES),
            "samenvatting": self.text(2, 8),
            "coordinaten": f"{52.5 + rng.uniform(-0.02, 0.02):.5f}, {6.08 + rng.uniform(-0.03, 0.03):.5f}",
            "wat_doen_ze": self.text(3, 15),
            "voor_de_buurt": self.text(2, 12),
            "kent_ons": rng.choice(["ja", "nee", "onbekend"]),
            "toegankelijkheid": {key: rng.choice(["ja", "nee", "deels", "onbekend"]) for key in CONDITIONS},
            "aanbod": [self.text(3, 5) for _ in range(rng.randint(0, 3))],
            "vraag": [self.text(3, 5) for _ in range(rng.randint(0, 2))],
            "tags": rng.sample(self.themes, 2),
            "status": rng.choice(STATUSES),
        }
        body = "\n\n".join(self.text(3, 40) for _ in range(3))
        slug = f"kaart-{i:04d}"
        return Card.of(
            CardFront.model_validate(data), locatie="bench", slug=slug, path=f"cards/bench/{slug}.md", body=body
        )


def synthetic(n_cards: int, n_items: int, seed: int = 1) -> tuple[Location, list[Card]]:
    """A location with ``n_items`` needs and ``n_items`` offers, and ``n_cards`` cards around it."""
    writer = Writer(seed)
    front = LocationFront.model_validate(
        {
            "naam": "Benchlocatie",
            "coordinaten": "52.5, 6.08",
            "zoekstraal": "1500",
            "behoeften": [writer.item() for _ in range(n_items)],
            "aanbod": [writer.item() for _ in range(n_items)],
        }
    )
    location = Location.of(front, slug="bench", path="inventory/bench.md", body="")
    return location, [writer.card(i) for i in range(n_cards)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--needs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    location, cards = synthetic(args.cards, args.needs)
    words = sum(len(f"{c.body} {' '.join(c.aanbod + c.vraag)}".split()) for c in cards)
    print(f"{args.needs} behoeften + {args.needs} aanbod tegen {len(cards)} kaarten ({words:,} woorden)")
    stem.cache_clear()
    clear_cache()
    times = []
    for run in range(args.repeat):
        start = time.perf_counter()
        result = match_location(location, cards, default_vocabulary(), top=5)
        times.append(time.perf_counter() - start)
        matched = sum(1 for m in result.behoeften if m.matches)
        print(f"  run {run + 1}: {times[-1]:.3f} s ({matched}/{len(result.behoeften)} behoeften met een match)")
    print(f"match {args.needs}x{len(cards)}: first (cold caches) {times[0]:.3f} s, best {min(times):.3f} s")


if __name__ == "__main__":
    main()

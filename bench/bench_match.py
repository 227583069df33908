"""Benchmark: match 100 needs (and 100 offers) against 1,000 synthetic cards of one location.

Prints the time; asserts nothing (design §8: a benchmark, not a timed test).

    .venv/bin/python bench/bench_match.py [--cards 1000] [--needs 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import time

from buurtkaart_build.match import match_location
from buurtkaart_build.models import Card, CardFront, Location, LocationFront
from buurtkaart_build.vocabulary import default_vocabulary

FILLER = (
    "we spraken met de eigenaar en de vrijwilligers over wat ze doen in de wijk het gebouw is oud maar "
    "goed onderhouden er komen veel ouderen en gezinnen op zaterdag is het druk de ingang is breed en "
    "er is een parkeerplaats de koffie is goed en ze willen graag meer mensen uit de buurt ontmoeten"
).split()
NAMES = "De Linde,Het Anker,De Brug,Zonnehoek,De Kastanje,Het Plein,De Wieken,Oosterhof".split(",")
CATEGORIES = ("ontmoeten", "organisaties", "bedrijven", "activiteiten")
STATUSES = ("nieuw", "benaderd", "contact", "samenwerking", "gestopt")


def _sentence(rng: random.Random, theme_words: list[str], n_theme: int, n_filler: int) -> str:
    words = rng.sample(theme_words, n_theme) + rng.choices(FILLER, k=n_filler)
    rng.shuffle(words)
    return " ".join(words).capitalize()


def synthetic(n_cards: int, n_items: int, seed: int = 1) -> tuple[Location, list[Card]]:
    """A location with ``n_items`` needs and offers, and ``n_cards`` cards around it."""
    rng = random.Random(seed)
    vocab = default_vocabulary()
    themes = sorted(vocab.themes)
    words = {name: list(vocab.themes[name].words) for name in themes}

    def text(k_theme: int, k_filler: int) -> str:
        return _sentence(rng, words[rng.choice(themes)], min(k_theme, 3), k_filler)

    def item() -> dict:
        theme = rng.choice(themes)
        return {"wat": _sentence(rng, words[theme], 2, 6), "tags": [theme],
                "voorwaarden": rng.sample(["rolstoel", "prikkelarm", "bereikbaar"], rng.randint(0, 2))}  # fmt: skip

    front = LocationFront.model_validate(
        {"naam": "Benchlocatie", "coordinaten": "52.5, 6.08", "zoekstraal": "1500",
         "behoeften": [item() for _ in range(n_items)], "aanbod": [item() for _ in range(n_items)]}  # fmt: skip
    )
    location = Location.of(front, slug="bench", path="inventory/bench.md", body="")
    cards = []
    for i in range(n_cards):
        data = {
            "titel": f"{rng.choice(NAMES)} {text(1, 1)}",
            "categorie": rng.choice(CATEGORIES),
            "samenvatting": text(2, 8),
            "coordinaten": f"{52.5 + rng.uniform(-0.02, 0.02):.5f}, {6.08 + rng.uniform(-0.03, 0.03):.5f}",
            "wat_doen_ze": text(3, 15),
            "voor_de_buurt": text(2, 12),
            "kent_ons": rng.choice(["ja", "nee", "onbekend"]),
            "toegankelijkheid": {"rolstoel": rng.choice(["ja", "nee", "deels", "onbekend"])},
            "aanbod": [text(3, 5) for _ in range(rng.randint(0, 3))],
            "vraag": [text(3, 5) for _ in range(rng.randint(0, 2))],
            "tags": rng.sample(themes, 2),
            "status": rng.choice(STATUSES),
        }
        body = "\n\n".join(text(3, 40) for _ in range(3))
        card_front = CardFront.model_validate(data)
        cards.append(Card.of(card_front, locatie="bench", slug=f"kaart-{i:04d}", path=f"cards/bench/kaart-{i:04d}.md", body=body))
    return location, cards


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--needs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    location, cards = synthetic(args.cards, args.needs)
    words = sum(len((c.body + " ".join(c.aanbod + c.vraag)).split()) for c in cards)
    print(f"{args.needs} behoeften + {args.needs} aanbod tegen {len(cards)} kaarten ({words:,} woorden)")
    times = []
    for run in range(args.repeat):
        default_vocabulary.cache_clear() if run == 0 else None  # first run: cold caches
        vocabulary = default_vocabulary()
        start = time.perf_counter()
        result = match_location(location, cards, vocabulary, top=5)
        times.append(time.perf_counter() - start)
        matched = sum(1 for m in result.behoeften if m.matches)
        print(f"  run {run + 1}: {times[-1]:.3f} s ({matched}/{len(result.behoeften)} behoeften met een match)")
    print(f"match 100x1000: best {min(times):.3f} s, first (cold) {times[0]:.3f} s")


if __name__ == "__main__":
    main()

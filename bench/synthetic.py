"""Synthetic Buurtkaart repositories for the benchmark: realistic, varied, valid, deterministic.

Cards use every field of design §4 in varied combinations and formats (coordinates as a list,
as text, as an OpenStreetMap link or a GeoJSON point; about one in seven without any), Dutch
text built from the matching vocabulary's theme words, and a Markdown body of one to four
paragraphs. Locations are spread over the Netherlands, each with offers and needs.
"""

from __future__ import annotations

import math
import random
import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ("ontmoeten", "organisaties", "bedrijven", "activiteiten")
STATUSES = ("nieuw", "nieuw", "benaderd", "contact", "samenwerking", "gestopt")
ANSWERS = ("ja", "ja", "nee", "deels", "onbekend")
ACCESS = ("bereikbaar", "rolstoel", "lift", "invalidetoilet", "prikkelarm")
NOUNS = {
    "ontmoeten": ["Buurthuis", "Koffiehoek", "Wijkcentrum", "Huiskamer", "Plein", "Inloop"],
    "organisaties": ["Bibliotheek", "Kerk", "Sportclub", "Basisschool", "Scouting", "Wijkteam"],
    "bedrijven": ["Bakkerij", "Fietsenmaker", "Supermarkt", "Kapper", "Drukkerij", "Kwekerij"],
    "activiteiten": ["Buurtfeest", "Rommelmarkt", "Koningsdag", "Burendag", "Zomerfeest", "Keti Koti"],
}
NAMES = ["De Linde", "Het Anker", "De Brug", "Zonnehoek", "De Kastanje", "Het Plein", "De Wieken", "Oosterhof"]
STREETS = ["Dorpsstraat", "Kerkweg", "Molenlaan", "Schoolstraat", "Parkweg", "Stationsplein", "Beukenlaan"]
PEOPLE = ["Els", "Joost", "Fatima", "Kees", "Anouk", "Sanne"]
CITIES = ["Zwolle", "Deventer", "Amersfoort", "Utrecht", "Zeist", "Apeldoorn", "Ede", "Hengelo", "Leiden"]
_FILLER_TEXT = (
    "we spraken met de eigenaar en de vrijwilligers over wat ze doen in de wijk het gebouw is oud maar "
    "goed onderhouden er komen veel ouderen en gezinnen op zaterdag is het druk de ingang is breed en "
    "er is een parkeerplaats de koffie is goed en ze willen graag meer mensen uit de buurt ontmoeten"
)
FILLER = _FILLER_TEXT.split()
FALLBACK_THEMES = {
    "muziek": ["koor", "zingen", "muziek", "band", "gitaar"],
    "tuin": ["tuin", "moestuin", "planten", "bloemen", "groente"],
    "sport": ["wandelen", "fietsen", "zwemmen", "voetbal", "bewegen"],
    "koken": ["koken", "bakken", "maaltijd", "eten", "taart"],
    "dieren": ["honden", "kinderboerderij", "paarden", "katten", "dieren"],
}


def theme_words() -> dict[str, list[str]]:
    """The matching vocabulary's themes (so matching has work to do), or a small fallback."""
    try:
        from buurtkaart_build.match.vocabulary import default_vocabulary
    except ImportError:
        return FALLBACK_THEMES
    themes = default_vocabulary().themes
    return {name: [w for w in theme.words if " " not in w] or [name] for name, theme in sorted(themes.items())}


class Writer:
    """Deterministic Dutch-looking text and card data from one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.themes = theme_words()
        self.names = sorted(self.themes)

    def sentence(self, n_theme: int = 2, n_filler: int = 8, theme: str | None = None) -> str:
        pool = self.themes[theme or self.rng.choice(self.names)]
        words = self.rng.choices(pool, k=n_theme) + self.rng.choices(FILLER, k=n_filler)
        self.rng.shuffle(words)
        return " ".join(words).capitalize() + "."

    def body(self) -> str:
        rng = self.rng
        paragraphs = [" ".join(self.sentence(2, rng.randint(6, 14)) for _ in range(rng.randint(2, 5)))]
        for _ in range(rng.randint(0, 3)):
            kind = rng.random()
            if kind < 0.3:
                paragraphs.append("\n".join(f"- {self.sentence(1, 4)}" for _ in range(rng.randint(2, 4))))
            elif kind < 0.5:
                paragraphs.append(
                    f"**Idee:** {self.sentence()} Zie [de website](https://example.org/{rng.randint(1, 999)})."
                )
            else:
                paragraphs.append(" ".join(self.sentence(2, rng.randint(6, 14)) for _ in range(rng.randint(1, 4))))
        return "\n\n".join(paragraphs) + "\n"

    def item(self, rng_from: tuple[str, ...] = ("locatie", "cliënten", "professionals")) -> dict:
        theme = self.rng.choice(self.names)
        item = {"wat": self.sentence(2, 5, theme).rstrip("."), "van": self.rng.choice(rng_from), "tags": [theme]}
        if self.rng.random() < 0.3:
            item["voorwaarden"] = self.rng.sample(["rolstoel", "prikkelarm", "bereikbaar"], self.rng.randint(1, 2))
        return item


def document(front: dict, body: str) -> str:
    """A Markdown file with YAML front-matter; short lists in flow style, as people write them."""
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return f"---\n{dumped}---\n{body}"


def _point(rng: random.Random, lat: float, lon: float, radius: int) -> tuple[float, float]:
    """A random point within ``radius`` metres (sometimes a little outside, as in real data)."""
    distance = radius * math.sqrt(rng.random()) * (1.15 if rng.random() < 0.05 else 0.95)
    angle = rng.uniform(0, 2 * math.pi)
    return (
        lat + distance * math.cos(angle) / 111_320,
        lon + distance * math.sin(angle) / (111_320 * math.cos(math.radians(lat))),
    )


def _coordinates(rng: random.Random, lat: float, lon: float) -> object:
    style = rng.random()
    if style < 0.55:
        return [round(lat, 5), round(lon, 5)]
    if style < 0.75:
        return f"{lat:.5f}, {lon:.5f}"
    if style < 0.9:
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=18/{lat:.5f}/{lon:.5f}"
    return {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}


def card(writer: Writer, index: int, location: dict) -> tuple[str, str]:
    """``(slug, file text)`` of one card near ``location``."""
    rng = writer.rng
    category = CATEGORIES[index % 4]
    title = f"{rng.choice(NOUNS[category])} {rng.choice(NAMES)} {index}"
    front: dict[str, object] = {"titel": title, "categorie": category, "samenvatting": writer.sentence(2, 8)}
    front["adres"] = f"{rng.choice(STREETS)} {rng.randint(1, 250)}, {location['stad']}"
    if rng.random() > 0.14:
        front["coordinaten"] = _coordinates(rng, *_point(rng, location["lat"], location["lon"], location["straal"]))
    front["wat_doen_ze"] = writer.sentence(3, 12)
    if rng.random() < 0.6:
        front["voor_de_buurt"] = writer.sentence(2, 10)
    front["kent_ons"] = rng.choice(("ja", "nee", "onbekend"))
    if rng.random() < 0.7:
        access = {key: rng.choice(ANSWERS) for key in ACCESS if rng.random() < 0.8}
        if rng.random() < 0.3:
            access["toelichting"] = writer.sentence(1, 8)
        front["toegankelijkheid"] = access
    if rng.random() < 0.6:
        front["contact"] = {
            "naam": f"{rng.choice(PEOPLE)} {rng.choice(['de Vries', 'Jansen', 'Bakker', 'Yilmaz'])}",
            "telefoon": f"0{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            "email": f"info{index}@voorbeeld.nl",
            "website": f"https://www.voorbeeld.nl/{index}",
        }
    front["aanbod"] = [writer.sentence(2, 4).rstrip(".") for _ in range(rng.randint(0, 3))]
    front["vraag"] = [writer.sentence(2, 4).rstrip(".") for _ in range(rng.randint(0, 2))]
    front["tags"] = rng.sample(writer.names, rng.randint(1, 4))
    if category == "activiteiten":
        front["wanneer"] = rng.choice(["elke zaterdag", "27 april", "eerste zondag van de maand", "2026-07-01"])
    front["status"] = rng.choice(STATUSES)
    front["bezocht"] = f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-2026"
    slug = f"{index:05d}-{category}"
    text = document(front, writer.body())
    return slug, text


def location(writer: Writer, index: int, needs: int) -> tuple[str, dict, str]:
    """``(slug, facts for the cards, file text)`` of one location somewhere in the Netherlands."""
    rng = writer.rng
    facts = {
        "lat": round(rng.uniform(51.6, 53.1), 5),
        "lon": round(rng.uniform(4.6, 6.8), 5),
        "straal": rng.choice([800, 1000, 1500, 2000]),
        "stad": rng.choice(CITIES),
    }
    front = {
        "naam": f"Woonlocatie {rng.choice(NAMES)} {index}",
        "adres": f"{rng.choice(STREETS)} {rng.randint(1, 99)}, {facts['stad']}",
        "coordinaten": [facts["lat"], facts["lon"]],
        "zoekstraal": facts["straal"],
        "mobiliteit": rng.sample(["lopen", "rolstoel", "fiets", "busje", "openbaar vervoer"], 3),
        "aanbod": [writer.item() for _ in range(rng.randint(5, 10))],
        "behoeften": [writer.item() for _ in range(needs)],
    }
    text = document(front, writer.body())
    return f"locatie-{index:03d}", facts, text


def generate(root: Path, n_cards: int, n_locations: int, *, needs: int | None = None, seed: int = 6) -> Path:
    """Write a complete project (mkdocs.yml, docs/, inventory/, cards/) into ``root``.

    Args:
        root: An empty or missing folder.
        n_cards: Cards in total, spread evenly over the locations.
        n_locations: Locations.
        needs: Needs per location (default: 5 to 10, random).
        seed: Same seed, same repository.
    """
    writer = Writer(seed)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", dirs_exist_ok=True)
    (root / "inventory").mkdir(exist_ok=True)
    places = []
    for i in range(n_locations):
        slug, facts, text = location(writer, i + 1, needs if needs is not None else writer.rng.randint(5, 10))
        (root / "inventory" / f"{slug}.md").write_text(text, encoding="utf-8")
        places.append((slug, facts))
    for i in range(n_cards):
        slug, facts = places[i % n_locations]
        name, text = card(writer, i + 1, facts)
        folder = root / "cards" / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return root


def commit(root: Path) -> bool:
    """Make ``root`` a git repository with one commit (the plugin reads dates from git)."""
    git = ["git", "-C", str(root), "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    try:
        subprocess.run([*git, "init", "-q"], check=True, capture_output=True)
        subprocess.run([*git, "add", "."], check=True, capture_output=True)
        subprocess.run([*git, "commit", "-q", "-m", "bench"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True

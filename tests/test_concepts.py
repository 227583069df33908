"""Concepts: the shipped begrippen.yml, links between words, and the reasons that name them."""

import pytest

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.core.themes import parse_themes, shipped_concepts
from buurtkaart_build.match.engine import match_location
from buurtkaart_build.match.lemmas import key
from buurtkaart_build.match.vocabulary import default_vocabulary, load_vocabulary

# The domains of the method (issue 10), each with a concept that must exist.
DOMAINS = {
    "meeting": "ontmoetingsplek", "faith": "geloof", "sport": "sport", "exercise": "bewegen",
    "culture": "theater", "music": "muziek", "food": "maaltijd", "nature": "natuur", "animals": "dieren",
    "work": "werk", "daily activities": "dagbesteding", "volunteering": "vrijwilligerswerk", "shops": "winkel",
    "services": "kapper", "learning": "leren", "digital skills": "digitaal", "festivities": "feest",
    "transport": "vervoer", "care and health": "gezondheid", "information channels": "informatie",
}  # fmt: skip


def link(a: str, b: str) -> str | None:
    found = default_vocabulary().links.related(key(a)).get(key(b))
    return found.symbol if found else None


def test_shipped_concepts_cover_the_domains():
    concepts = shipped_concepts()
    assert len(concepts) >= 150
    assert set(DOMAINS.values()) <= set(concepts)
    for concept in concepts.values():
        assert len(concept.words) >= 2 or concept.omvat, concept.name


@pytest.mark.parametrize(
    ("a", "symbol", "b"),
    [("krant", "≈", "dagblad"), ("krant", "≈", "tijdschrift"), ("geld", "≈", "administratie"), ("geld", "≈", "budget"),
     ("fiets", "≈", "rijwiel"), ("afwassen", "≈", "keukenhulp"), ("natuur", "⊃", "bos"), ("natuur", "⊃", "park"),
     ("natuur", "⊃", "vogels"), ("winkel", "⊃", "bakker"), ("winkel", "⊃", "slager"), ("winkel", "⊃", "drogist"),
     ("drogist", "⊂", "winkel"), ("liedjes", "≈", "koor")],
)  # fmt: skip
def test_issue_examples_are_linked(a, symbol, b):
    assert link(a, b) == symbol


def test_unrelated_words_are_not_linked():
    assert link("krant", "fiets") is None
    assert link("gebed", "bed") is None  # Snowball would stem both to "bed"


def test_a_concept_phrase_is_one_word_of_the_need():
    analysis = default_vocabulary().analyse("Baantjes trekken in het zwembad")
    assert "baan trek" in analysis.words and "baan" not in analysis.words
    assert "werk" not in analysis.themes  # "baantjes" here is no job


def test_repository_file_adds_concepts_with_omvat(tmp_path):
    (tmp_path / "thema.yml").write_text("knutselen:\n  woorden: [knutselen]\n  omvat: [kralen, vilten]\n")
    vocabulary, problems = load_vocabulary(tmp_path)
    assert problems == []
    assert vocabulary.links.related(key("knutselen"))[key("kralen")].symbol == "⊃"
    assert "knutselen" in vocabulary.themes  # a repository's entry is a theme too


def test_omvat_must_be_a_list_of_words():
    themes, problems = parse_themes("natuur:\n  woorden: [natuur]\n  omvat: {bos: ja}\n", "thema.yml")
    assert [(p.line, p.message) for p in problems] == [
        (3, "'omvat' bij thema 'natuur' is geen lijst woorden. Schrijf bijvoorbeeld: omvat: [bos, vogels].")
    ]
    assert themes["natuur"].omvat == ()


INVENTORY = """\
---
naam: Testhuis
coordinaten: [52.5000, 6.1000]
behoeften:
  - Een plek om rustig de krant te lezen
  - De natuur in
  - Een tweedehands fiets kopen
  - Gezellig naar de buurthuiskamer
  - wat: Samen naar de kringloop
aanbod:
  - Wij lenen ons rolstoelbusje uit
---
"""


def card(titel: str, extra: str) -> str:
    return f"---\ntitel: {titel}\ncategorie: activiteiten\ncoordinaten: [52.5010, 6.1000]\n{extra}---\n"


@pytest.fixture
def result(repo_dir):
    files = {
        "inventory/test.md": INVENTORY,
        "cards/test/bibliotheek.md": card("Bibliotheek", 'wat_doen_ze: "Leestafel met dagbladen."\n'),
        "cards/test/vogelclub.md": card("Club Noord", 'wat_doen_ze: "Vogels kijken in de uiterwaarden."\n'),
        "cards/test/kringloop.md": card("Het Tweede Leven", 'wat_doen_ze: "Kringloopwinkel: verkoopt rijwielen."\n'),
        "cards/test/huiskamer.md": card("De Huiskamer", 'wat_doen_ze: "Thee en een spelletje."\n'),
        "cards/test/soos.md": card("Soos", 'vraag: ["Vervoer naar ons reisje"]\n'),
        "cards/test/taxi.md": card("Taxi", 'vraag: ["Een rolstoelbusje voor de nieuwe chauffeur"]\n'),
    }
    repo = load_repository(repo_dir(files, inventory=False))
    assert not repo.errors, repo.errors
    return match_location(repo.locations["test"], repo.cards_of("test"), default_vocabulary())


def reasons(entry) -> dict[str, list[str]]:
    return {m.card.slug: m.reasons for m in entry.matches}


def test_reasons_name_the_link(result):
    krant, natuur, fiets, huiskamer, kringloop = result.behoeften
    assert "krant ≈ dagbladen" in reasons(krant)["bibliotheek"]
    assert "natuur ⊃ vogels" in reasons(natuur)["vogelclub"]
    assert "fiets ≈ rijwielen" in reasons(fiets)["kringloop"]
    assert "buurthuiskamer → huiskamer" in reasons(huiskamer)["huiskamer"]
    assert [m.card.slug for m in kringloop.matches][:1] == ["kringloop"]  # the card IS what the need names


def test_strength_in_words(result):
    strengths = {m.strength for entry in result.behoeften for m in entry.matches}
    assert strengths <= {"sterke match", "mogelijke match"}
    for entry in result.behoeften:
        for m in entry.matches:
            assert (m.strength == "sterke match") == (m.score >= 0.5)


def test_an_offer_answers_a_broader_need(result):
    (busje,) = result.aanbod
    first = busje.matches[0]
    assert first.card.slug in ("soos", "taxi")
    assert any(r == "rolstoelbusje ⊂ vervoer" for r in reasons(busje).get("soos", []))


def test_same_matches_whatever_the_hash_seed():
    """Concept links live in sets; ties must not depend on Python's string hashing."""
    import os
    import subprocess
    import sys

    from repo_files import ROOT

    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "buurtkaart_build", "match", "--locatie", "de-kastanje", "--format", "json"]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout

    assert run("1") == run("2")

"""``buurtkaart new``: a pre-filled card, a unique slug, today's date, never an overwrite."""

from __future__ import annotations

import datetime as dt

from repo_files import invoke

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.core.templates import template_text


def run(root, *args):
    return invoke("new", *args, "--root", root)


def test_new_writes_a_valid_prefilled_card(repo_dir):
    root = repo_dir()
    result = run(root, "test", "bedrijven", "Bakkerij Café 't Hoekje")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Nieuwe kaart: cards/test/bakkerij-cafe-t-hoekje.md\n"
        "Vul de vragen in en controleer daarna met: buurtkaart check\n"
    )
    text = (root / "cards/test/bakkerij-cafe-t-hoekje.md").read_text(encoding="utf-8")
    assert 'titel: "Bakkerij Café \'t Hoekje"\n' in text
    assert f"bezocht: {dt.date.today().isoformat()}\n" in text
    assert "# Wat doet het bedrijf?\nwat_doen_ze:\n" in text
    repo = load_repository(root)
    assert repo.problems == []
    (card,) = repo.cards
    assert (card.titel, card.categorie, card.bezocht) == ("Bakkerij Café 't Hoekje", "bedrijven", dt.date.today())


def test_new_never_overwrites_and_numbers_the_slug(repo_dir):
    root = repo_dir({"cards/test/speeltuin.md": "mijn eigen tekst\n", "cards/test/speeltuin-2.md": "ook van mij\n"})
    result = run(root, "test", "ontmoeten", "Speeltuin")
    assert result.exit_code == 0, result.output
    assert "cards/test/speeltuin-3.md" in result.output
    assert (root / "cards/test/speeltuin.md").read_text() == "mijn eigen tekst\n"
    assert (root / "cards/test/speeltuin-2.md").read_text() == "ook van mij\n"
    assert run(root, "test", "ontmoeten", "Speeltuin").output.startswith("Nieuwe kaart: cards/test/speeltuin-4.md")


def test_new_treats_a_differently_written_file_name_as_taken(repo_dir):
    root = repo_dir({"cards/test/Speeltuin De Klimboom.md": "---\n"})
    result = run(root, "test", "ontmoeten", "Speeltuin De Klimboom")
    assert "cards/test/speeltuin-de-klimboom-2.md" in result.output


def test_new_avoids_names_the_site_uses_itself(repo_dir):
    root = repo_dir()
    assert "cards/test/kaart-2.md" in run(root, "test", "ontmoeten", "Kaart").output
    assert "cards/test/vondst.md" in run(root, "test", "ontmoeten", "!!!").output


def test_new_creates_the_location_folder_and_accepts_capitals(repo_dir):
    root = repo_dir()
    result = run(root, "Test", "Bedrijven", "Kapper")
    assert result.exit_code == 0, result.output
    assert (root / "cards/test/kapper.md").is_file()


def test_unknown_location_suggests_the_nearest(repo_dir):
    root = repo_dir()
    result = run(root, "tset", "bedrijven", "Kapper")
    assert result.exit_code == 2
    assert (
        "Fout: ongeldige waarde voor 'LOCATIE': onbekende locatie 'tset' — bedoel je 'test'? "
        "Bestaande locaties: test.\n"
    ) in result.output
    assert not (root / "cards").exists()


def test_unknown_category_lists_the_four(repo_dir):
    root = repo_dir()
    result = run(root, "test", "bedrijf", "Kapper")
    assert result.exit_code == 2
    assert (
        "onbekende categorie 'bedrijf' — bedoel je 'bedrijven'? "
        "Bestaande categorieën: ontmoeten, organisaties, bedrijven, activiteiten."
    ) in result.output
    assert "Probeer 'buurtkaart new --help' voor hulp." in result.output


def test_no_locations_yet(repo_dir):
    root = repo_dir(inventory=False)
    (root / "cards").mkdir()
    result = run(root, "de-linde", "bedrijven", "Kapper")
    assert result.exit_code == 2
    assert "er zijn nog geen locaties. Maak eerst inventory/de-linde.md aan" in result.output
    assert 'buurtkaart new-locatie "Naam van de locatie" --korte-naam de-linde' in " ".join(result.output.split())


def test_empty_or_too_long_title_writes_nothing(repo_dir):
    root = repo_dir()
    empty = run(root, "test", "bedrijven", "   ")
    assert empty.exit_code == 2
    assert "de titel is leeg" in empty.output
    long = run(root, "test", "bedrijven", "x" * 201)
    assert long.exit_code == 2
    assert "'titel' is te lang (maximaal 200 tekens)" in long.output
    assert not (root / "cards").exists()


def test_a_title_with_spaces_but_without_quotes_gets_a_hint(repo_dir):
    result = run(repo_dir(), "test", "bedrijven", "Bakkerij", "De", "Korenbloem")
    assert result.exit_code == 2
    assert "Zet een titel met spaties tussen aanhalingstekens." in result.output


def test_template_text_is_kept_apart_from_the_title(repo_dir):
    root = repo_dir()
    run(root, "test", "activiteiten", "Koningsdag")
    text = (root / "cards/test/koningsdag.md").read_text(encoding="utf-8")
    expected = template_text("activiteiten").replace("titel:\n", 'titel: "Koningsdag"\n', 1)
    expected = expected.replace(
        "bezocht:   # bijvoorbeeld: 2026-03-14\n", f"bezocht: {dt.date.today().isoformat()}\n", 1
    )
    assert text == expected

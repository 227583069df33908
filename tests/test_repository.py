"""Validation of whole repositories: every problem, with file, line, field and a Dutch fix."""

from repo_files import card_text

from buurtkaart_build.core.errors import Problem
from buurtkaart_build.core.repository import load_repository


def card(titel="Bakkerij De Korenbloem", pos="52.5040, 6.1000", extra=""):
    return card_text(titel, coordinaten=f"[{pos}]", before=extra)


def problems(root) -> list[Problem]:
    return load_repository(root).problems


def test_valid_repository_has_no_problems(repo_dir):
    repo = load_repository(repo_dir({"cards/test/bakker.md": card()}))
    assert repo.problems == []
    assert [c.slug for c in repo.cards] == ["bakker"]
    assert repo.locations["test"].zoekstraal == 1000


def test_unknown_key_suggests_the_right_one(repo_dir):
    root = repo_dir({"cards/test/x.md": "---\ntitel: X\ncategorei: bedrijven\n---\n"})
    assert Problem("cards/test/x.md", 3, "categorei", "onbekend veld 'categorei' — bedoel je 'categorie'?") in problems(
        root
    )


def test_missing_required_field(repo_dir):
    root = repo_dir({"cards/test/x.md": "---\ncategorie: bedrijven\n---\n"})
    assert problems(root) == [
        Problem(
            "cards/test/x.md", None, "titel", "het verplichte veld 'titel' ontbreekt. Voeg een regel 'titel: …' toe."
        )
    ]


def test_unknown_category_lists_the_valid_ones(repo_dir):
    root = repo_dir({"cards/test/x.md": "---\ntitel: X\ncategorie: winkels\n---\n"})
    assert problems(root) == [
        Problem(
            "cards/test/x.md",
            3,
            "categorie",
            "onbekende categorie 'winkels'. Kies uit: ontmoeten, organisaties, bedrijven, activiteiten.",
        )
    ]


def test_swapped_coordinates_error_with_line(repo_dir):
    root = repo_dir({"cards/test/x.md": card(pos="6.1000, 52.5040")})
    [p] = problems(root)
    assert (p.file, p.line, p.field, p.is_error) == ("cards/test/x.md", 4, "coordinaten", True)
    assert p.message.endswith("Schrijf coordinaten: [52.504, 6.1]")


def test_coordinates_outside_the_netherlands_warn(repo_dir):
    root = repo_dir({"cards/test/x.md": card(pos="48.8566, 2.3522")})
    assert problems(root) == [
        Problem(
            "cards/test/x.md",
            4,
            "coordinaten",
            "[48.8566, 2.3522] ligt niet in Nederland. "
            "Controleer de coördinaten (breedtegraad eerst, dan lengtegraad).",
            "warning",
        )
    ]


def test_card_outside_the_search_radius_warns(repo_dir):
    root = repo_dir({"cards/test/x.md": card(pos="52.5200, 6.0990")})
    assert problems(root) == [
        Problem(
            "cards/test/x.md",
            4,
            "coordinaten",
            "ligt 1,9 km van Woonlocatie Test, buiten de zoekstraal van 1,0 km. Controleer de coördinaten, "
            "of vergroot 'zoekstraal' in inventory/test.md.",
            "warning",
        )
    ]


def test_folder_without_inventory(repo_dir):
    root = repo_dir({"cards/elders/x.md": card()})
    assert problems(root) == [
        Problem(
            "cards/elders/x.md",
            None,
            None,
            "de map 'cards/elders/' hoort bij geen locatie: er is geen bestand 'inventory/elders.md'. "
            "Maak dat bestand aan, of verplaats de kaart naar de map van een bestaande locatie.",
        )
    ]


def test_two_cards_about_the_same_place_warn(repo_dir):
    root = repo_dir(
        {
            "cards/test/bakker.md": card("Bakkerij De Korenbloem", "52.50400, 6.10000"),
            "cards/test/bakker-2.md": card("Bakkerij Korenbloem", "52.50410, 6.10010"),
            "cards/test/kapper.md": card("Kapsalon Knip", "52.50405, 6.10005"),
        }
    )
    assert problems(root) == [
        Problem(
            "cards/test/bakker.md",
            2,
            "titel",
            "lijkt dezelfde plek als 'cards/test/bakker-2.md' ('Bakkerij Korenbloem', 10 m verderop). "
            "Voeg de kaarten samen als het om dezelfde plek gaat.",
            "warning",
        )
    ]


def test_two_cards_with_the_same_slug(repo_dir):
    root = repo_dir({"cards/test/bakker.md": card(), "cards/test/Bakker.md": card("Ander", "52.51, 6.09")})
    messages = [(p.file, p.message, p.severity) for p in problems(root)]
    assert (
        "cards/test/bakker.md",
        "deze kaart krijgt dezelfde link 'test/bakker/' als 'cards/test/Bakker.md'. "
        "Geef één van de twee bestanden een andere naam.",
        "error",
    ) in messages


def test_files_that_are_neither_markdown_nor_images_warn(repo_dir):
    root = repo_dir({"cards/test/notities.docx": b"PK\x03\x04", "cards/test/foto.jpg": b"\xff\xd8"})
    assert problems(root) == [
        Problem(
            "cards/test/notities.docx",
            None,
            None,
            "'notities.docx' is geen kaart (.md) en geen afbeelding. "
            "Haal het bestand weg of zet het buiten de map cards/.",
            "warning",
        )
    ]


def test_invalid_email_and_url(repo_dir):
    extra = "contact:\n  email: els(at)example.org\n  website: ftp://example.org\n"
    found = {(p.line, p.field) for p in problems(repo_dir({"cards/test/x.md": card(extra=extra)}))}
    assert found == {(3, "contact.email"), (4, "contact.website")}


def test_links_with_unsafe_schemes_in_the_body(repo_dir):
    body = "Zie [hier](javascript:alert(1)) en <a href='data:text/html,x'>dit</a>.\n[ok](https://example.org)\n"
    root = repo_dir({"cards/test/x.md": card() + body})
    assert [(p.line, p.message) for p in problems(root)] == [
        (
            6,
            "de link 'data:text/html,x' gebruikt 'data:'. Alleen links die beginnen met http:, https:, "
            "mailto: of tel: mogen. Haal de link weg of vervang hem.",
        ),
        (
            6,
            "de link 'javascript:alert(1' gebruikt 'javascript:'. Alleen links die beginnen met http:, https:, "
            "mailto: of tel: mogen. Haal de link weg of vervang hem.",
        ),
    ]


def test_all_problems_of_all_files_in_one_run(repo_dir):
    root = repo_dir(
        {
            "cards/test/a.md": "geen front-matter\n",
            "cards/test/b.md": "---\ntitel: B\ncategorie: x\nkent_ons: misschien\n---\n",
            "inventory/kapot.md": "---\nnaam: Kapot\n---\n",
        }
    )
    found = sorted((p.file, p.field) for p in problems(root))
    assert found == [
        ("cards/test/a.md", None),
        ("cards/test/b.md", "categorie"),
        ("cards/test/b.md", "kent_ons"),
        ("inventory/kapot.md", "coordinaten"),
    ]


def test_reserved_slugs_and_templates_folder(repo_dir):
    root = repo_dir({"cards/test/kaart.md": card(), "cards/_sjablonen/bedrijven.md": "---\ntitel:\n---\n"})
    assert problems(root) == [
        Problem(
            "cards/test/kaart.md",
            None,
            None,
            "de naam 'kaart' is gereserveerd voor een pagina van de site. "
            "Geef de kaart een andere bestandsnaam, bijvoorbeeld 'kaart-1.md'.",
        )
    ]


def test_inventory_items_may_be_plain_text(repo_dir):
    root = repo_dir(
        {
            "inventory/test.md": "---\nnaam: T\ncoordinaten: 52.5, 6.1\nzoekstraal: 1,5 km\n"
            "aanbod:\n  - Koffie\nbehoeften:\n  - wat: Koor\n    van: clienten\n    voorwaarden: [Rolstoel]\n---\n"
        }
    )
    location = load_repository(root).locations["test"]
    assert location.zoekstraal == 1500
    assert location.aanbod[0].wat == "Koffie"
    assert (location.behoeften[0].van, location.behoeften[0].voorwaarden) == ("cliënten", ["rolstoel"])


def test_empty_or_null_optional_fields_mean_not_filled_in(repo_dir):
    extra = "samenvatting: ~\nadres: null\ncontact:\n  telefoon:\n"
    repo = load_repository(repo_dir({"cards/test/x.md": card(extra=extra)}))
    assert repo.problems == []
    assert (repo.cards[0].samenvatting, repo.cards[0].adres, repo.cards[0].contact.telefoon) == (None, None, None)


def test_body_links_are_checked_even_when_a_field_is_wrong(repo_dir):
    text = "---\ntitel: X\ncategorie: winkels\n---\n[klik](javascript:alert(1))\n"
    found = {(p.line, p.field) for p in problems(repo_dir({"cards/test/x.md": text}))}
    assert found == {(3, "categorie"), (5, None)}

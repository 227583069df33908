"""The team's decisions in the inventory: gekoppeld and past_niet under a need or offer."""

import json

from repo_files import card_text, invoke

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.match.engine import match_location
from buurtkaart_build.match.vocabulary import default_vocabulary
from buurtkaart_build.render.actionplan import action_plan_page
from buurtkaart_build.render.matching import render_matching_page


def inventory(decisions: str) -> str:
    return (
        "---\nnaam: Testhuis\ncoordinaten: [52.5000, 6.1000]\nbehoeften:\n"
        f"  - wat: Een koor waar een cliënt kan zingen\n{decisions}"
        "  - wat: Iemand om mee te schaken\n---\n"
    )


CARDS = {
    "cards/test/a-koor.md": card_text("Koor A", categorie="activiteiten", extra="aanbod: [Zingen in ons koor]\n"),
    "cards/test/b-koor.md": card_text("Koor B", categorie="activiteiten", extra="aanbod: [Zingen in ons koor]\n"),
    "cards/test/schaakclub.md": card_text("Schaakclub", categorie="activiteiten", extra="aanbod: [Schaken]\n"),
}


def load(repo_dir, decisions: str):
    return load_repository(repo_dir({"inventory/test.md": inventory(decisions), **CARDS}, inventory=False))


def matched(repo_dir, decisions: str):
    repo = load(repo_dir, decisions)
    assert not repo.errors, [p.as_text() for p in repo.errors]
    return match_location(repo.locations["test"], repo.cards_of("test"), default_vocabulary())


def test_past_niet_is_no_longer_suggested(repo_dir):
    before = matched(repo_dir, "")
    assert [m.card.slug for m in before.behoeften[0].matches] == ["a-koor", "b-koor"]
    after = matched(repo_dir, "    past_niet: [cards/test/a-koor.md]\n")
    assert [m.card.slug for m in after.behoeften[0].matches] == ["b-koor"]


def test_gekoppeld_comes_first_and_says_so(repo_dir):
    result = matched(repo_dir, "    gekoppeld: [test/schaakclub, cards/test/b-koor]\n")  # short forms are fine
    first, second, third = result.behoeften[0].matches
    assert [first.card.slug, second.card.slug, third.card.slug] == ["b-koor", "schaakclub", "a-koor"]
    assert first.gekoppeld and second.gekoppeld and not third.gekoppeld
    assert first.strength == second.strength == "gekoppeld" and third.strength != "gekoppeld"
    assert second.reasons[0] == "gekoppeld door het team"


def test_decisions_name_existing_cards_of_the_location(repo_dir):
    decisions = (
        "    gekoppeld: [cards/test/a-kor.md]\n"
        "    past_niet:\n"
        "      - cards/ander/koor.md\n"
        "      - cards/test/plons.md\n"
        "      - cards/test/b-koor.md\n"
    )
    repo = load(repo_dir, decisions)
    assert [(p.file, p.line, p.message) for p in repo.errors] == [
        ("inventory/test.md", 6, "'gekoppeld' noemt de kaart 'cards/test/a-kor.md', maar die bestaat niet. "
         "Bedoel je 'cards/test/a-koor.md'?"),
        ("inventory/test.md", 8, "'past_niet' noemt de kaart 'cards/ander/koor.md' van een andere locatie. "
         "Noem hier alleen kaarten uit cards/test/."),
        ("inventory/test.md", 9, "'past_niet' noemt de kaart 'cards/test/plons.md', maar die bestaat niet. "
         "Kijk in de map cards/test/ hoe het bestand heet."),
    ]  # fmt: skip


def test_a_card_both_linked_and_unfit_is_an_error(repo_dir):
    repo = load(repo_dir, "    gekoppeld: [cards/test/a-koor.md]\n    past_niet: [cards/test/a-koor.md]\n")
    assert [(p.line, p.message) for p in repo.errors] == [
        (7, "de kaart 'cards/test/a-koor.md' staat bij 'Een koor waar een cliënt kan zingen' zowel onder "
         "'gekoppeld' als onder 'past_niet'. Kies één van de twee."),
    ]  # fmt: skip


def test_something_that_is_no_card_path(repo_dir):
    repo = load(repo_dir, "    gekoppeld: [de bakker op de hoek]\n")
    assert [(p.line, p.message) for p in repo.errors if p.file == "inventory/test.md"] == [
        (6, "'de bakker op de hoek' is geen kaart. Schrijf het pad van de kaart, zoals "
         "cards/de-kastanje/bakkerij-de-korenaar.md."),
    ]  # fmt: skip


def test_page_and_action_plan_show_gekoppeld(repo_dir):
    repo = load(repo_dir, "    gekoppeld: [cards/test/b-koor.md]\n")
    location = repo.locations["test"]
    source = render_matching_page(location, match_location(location, repo.cards_of("test"), default_vocabulary()))
    assert '<span class="bk-linked">gekoppeld</span>' in source
    matches = match_location(location, repo.cards_of("test"), default_vocabulary())
    plan = action_plan_page(location, repo.cards_of("test"), matches, public=False)  # the plan's own page
    assert 'Een koor waar een cliënt kan zingen ← <a href="../b-koor/">Koor B</a> (gekoppeld)' in plan


def test_cli_json_and_text_carry_strength_and_gekoppeld(repo_dir):
    files = {"inventory/test.md": inventory("    gekoppeld: [cards/test/b-koor.md]\n"), **CARDS}
    root = repo_dir(files, inventory=False)
    data = json.loads(invoke("match", "--locatie", "test", "--root", root, "--format", "json").stdout)
    first, second = data["behoeften"][0]["matches"]
    assert (first["card"], first["gekoppeld"], first["sterkte"]) == ("cards/test/b-koor.md", True, "gekoppeld")
    assert second["gekoppeld"] is False and second["sterkte"] in ("sterke match", "mogelijke match")
    text = invoke("match", "--locatie", "test", "--root", root).stdout
    assert "gekoppeld  Koor B  [cards/test/b-koor.md]" in text


def test_a_linked_card_refusing_a_condition_is_hidden_with_a_warning(repo_dir):
    refuses = card_text("Koor C", categorie="activiteiten", extra="toegankelijkheid: {rolstoel: nee}\n")
    files = {
        "inventory/test.md": inventory("    voorwaarden: [rolstoel]\n    gekoppeld: [cards/test/c-koor.md]\n"),
        **CARDS,
        "cards/test/c-koor.md": refuses,
    }
    repo = load_repository(repo_dir(files, inventory=False))
    assert not repo.errors
    assert [(p.line, p.message) for p in repo.warnings if p.file == "inventory/test.md"] == [
        (7, "de gekoppelde kaart 'cards/test/c-koor.md' zegt 'nee' bij rolstoel, een voorwaarde van 'Een koor waar "
         "een cliënt kan zingen'. Daarom staat hij niet bij de matches. Haal de koppeling weg, of pas de voorwaarden "
         "of de kaart aan."),
    ]  # fmt: skip
    result = match_location(repo.locations["test"], repo.cards_of("test"), default_vocabulary())
    assert "c-koor" not in [m.card.slug for m in result.behoeften[0].matches]  # 'nee' is never shown

"""``buurtkaart match``: the command-line contract of design §5."""

import json

from repo_files import invoke

KOOR = """\
---
titel: Popkoor De Zingers
categorie: activiteiten
coordinaten: [52.5040, 6.1000]
aanbod: [Nieuwe leden zijn welkom in ons koor]
toegankelijkheid: {rolstoel: ja}
kent_ons: ja
---
"""
BAD = "---\ntitel: X\ncategorie: winkels\n---\n"


def run(*args):
    return invoke("match", *args)


def test_text_output(repo_dir):
    result = run("--locatie", "test", "--root", str(repo_dir({"cards/test/koor.md": KOOR})))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Vraag en aanbod — Woonlocatie Test (test)",
        "1 van de 1 behoeften hebben een mogelijke match in de buurt.",
        "",
        "Van buiten naar binnen: wat de buurt onze cliënten kan bieden",
        "",
        "• Een koor waar een cliënt kan zingen (cliënten; voorwaarden: rolstoel)",
        "  1.  62%  sterke match  Popkoor De Zingers  [cards/test/koor.md]",
        "         thema muziek · woord: koor · 130 m · rolstoel: ja · kent ons al",
        "",
        "Van binnen naar buiten: wat wij de buurt kunnen bieden",
        "",
        "• Onze tuin voor een buurtmoestuin (de locatie)",
        "  Nog geen match — gericht zoeken naar tuin en groen.",
    ]


def test_json_output_is_the_contract(repo_dir):
    root = repo_dir({"cards/test/koor.md": KOOR})
    result = run("--locatie", "test", "--root", str(root), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == {
        "locatie": "test",
        "behoeften": [
            {
                "wat": "Een koor waar een cliënt kan zingen",
                "van": "cliënten",
                "matches": [
                    {
                        "card": "cards/test/koor.md",
                        "titel": "Popkoor De Zingers",
                        "score": data["behoeften"][0]["matches"][0]["score"],
                        "redenen": ["thema muziek", "woord: koor", "130 m", "rolstoel: ja", "kent ons al"],
                        "sterkte": "sterke match",
                        "gekoppeld": False,
                    }
                ],
            }
        ],
        "aanbod": [{"wat": "Onze tuin voor een buurtmoestuin", "van": "locatie", "matches": []}],
    }
    assert 0.0 < data["behoeften"][0]["matches"][0]["score"] <= 1.0


def test_output_is_deterministic(repo_dir):
    root = str(repo_dir({f"cards/test/koor-{i}.md": KOOR for i in range(4)}))
    first = run("--locatie", "test", "--root", root, "--format", "json").stdout
    assert first == run("--locatie", "test", "--root", root, "--format", "json").stdout
    paths = [m["card"] for m in json.loads(first)["behoeften"][0]["matches"]]
    assert paths == sorted(paths)


def test_top_limits_matches(repo_dir):
    root = str(repo_dir({f"cards/test/koor-{i}.md": KOOR for i in range(4)}))
    data = json.loads(run("--locatie", "test", "--root", root, "--format", "json", "--top", "2").stdout)
    assert len(data["behoeften"][0]["matches"]) == 2
    assert run("--locatie", "test", "--root", root, "--top", "0").exit_code == 2


def test_unknown_location_names_the_valid_ones(repo_dir):
    result = run("--locatie", "tset", "--root", str(repo_dir()))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Onbekende locatie 'tset'. Bedoel je 'test'? Kies uit: test. "
        "De naam is de bestandsnaam in inventory/ zonder .md."
    )
    assert result.stdout == ""


def test_missing_location_is_a_usage_error(repo_dir):
    result = run("--root", str(repo_dir()))
    assert result.exit_code == 2
    assert result.stderr.strip() == "Geef een locatie op met --locatie. Kies uit: test."


def test_invalid_repository_prints_the_problems_and_exits_1(repo_dir):
    result = run("--locatie", "test", "--root", str(repo_dir({"cards/test/x.md": BAD})))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith("cards/test/x.md:3: fout [categorie]: onbekende categorie")


def test_invalid_repository_json(repo_dir):
    result = run("--locatie", "test", "--root", str(repo_dir({"cards/test/x.md": BAD})), "--format", "json")
    assert result.exit_code == 1
    assert [e["file"] for e in json.loads(result.stderr)["errors"]] == ["cards/test/x.md"]


def test_bad_theme_file_is_reported(repo_dir):
    result = run("--locatie", "test", "--root", str(repo_dir({"thema.yml": "muziek: [koor\n"})))
    assert result.exit_code == 1
    assert result.stderr.startswith("thema.yml:")
    assert "geen geldige YAML" in result.stderr


def test_repository_themes_are_used(repo_dir):
    card = KOOR.replace("Nieuwe leden zijn welkom in ons koor", "Shantykoor zoekt zangers").replace(
        "Popkoor De Zingers", "De Zeebonken"
    )
    files = {"cards/test/zee.md": card, "thema.yml": "muziek: [zeemansliederen]\n"}
    root = repo_dir(files)
    (root / "inventory" / "test.md").write_text(
        (root / "inventory" / "test.md")
        .read_text(encoding="utf-8")
        .replace("Een koor waar een cliënt kan zingen", "Zeemansliederen"),
        encoding="utf-8",
    )
    data = json.loads(run("--locatie", "test", "--root", str(root), "--format", "json").stdout)
    assert [m["titel"] for m in data["behoeften"][0]["matches"]] == ["De Zeebonken"]


def test_help_is_dutch_with_an_example():
    result = invoke("match", "--help")
    assert result.exit_code == 0
    assert "Gebruik: buurtkaart match [OPTIES]" in result.output
    assert "buurtkaart match --locatie de-kastanje" in result.output
    assert "Opties:" in result.output

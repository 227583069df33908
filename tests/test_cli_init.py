"""``buurtkaart init`` and ``buurtkaart new-locatie``: asked or given, valid, never an overwrite."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from buurtkaart_build.cli import main
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.core.version import package_version
from buurtkaart_build.workflow.init import packaged_files

OPTIONS = ["--naam", "Woonlocatie De Linde", "--adres", "Lindelaan 3, Zwolle", "--coordinaten", "52.505, 6.095"]


def invoke(*args: object, stdin: str = ""):
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin, prog_name="buurtkaart")


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_init_offers_the_short_name_and_checks_it(tmp_path: Path):
    answers = "Woonlocatie De Linde\nkaart\n\n\n52.51, 6.10\n\n"  # name, reserved, default short name, ...
    result = invoke("init", tmp_path, stdin=answers)
    assert result.exit_code == 0, result.output
    assert "Korte naam voor links en bestandsnamen (kleine letters, cijfers en streepjes) [woonlocatie-de-linde]" in (
        result.output
    )
    assert "Dat klopt niet: de korte naam 'kaart' gebruikt de website zelf al." in result.output
    assert list(load_repository(tmp_path).locations) == ["woonlocatie-de-linde"]


def test_init_with_options_sets_up_a_valid_repository(tmp_path: Path):
    root = tmp_path / "nieuw"
    result = invoke("init", root, *OPTIONS, "--zoekstraal", "1200")
    assert result.exit_code == 0, result.output
    files = snapshot(root)
    assert set(packaged_files()) <= set(files)
    assert "inventory/woonlocatie-de-linde.md" in files
    assert "cards/_sjablonen/bedrijven.md" in files
    assert "Nieuw: inventory/woonlocatie-de-linde.md" in result.output
    assert 'buurtkaart new woonlocatie-de-linde bedrijven "Naam van de plek"' in result.output
    repo = load_repository(root)
    assert repo.problems == []
    location = repo.locations["woonlocatie-de-linde"]
    assert (location.naam, location.zoekstraal, location.adres) == ("Woonlocatie De Linde", 1200, "Lindelaan 3, Zwolle")
    requirements = (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"buurtkaart=={package_version()}" in requirements


def test_init_asks_for_what_is_missing_and_asks_again_when_wrong(tmp_path: Path):
    answers = "Dagbesteding Het Anker\n\nergens\n52.51, 6.10\n\n"  # name, no address, wrong, right, radius
    result = invoke("init", tmp_path, "--korte-naam", "het-anker", stdin=answers)
    assert result.exit_code == 0, result.output
    assert "Dat klopt niet: 'ergens' zijn geen coördinaten." in result.output
    location = load_repository(tmp_path).locations["het-anker"]
    assert location.naam == "Dagbesteding Het Anker" and location.zoekstraal == 1000 and location.adres is None


def test_init_twice_changes_nothing_and_asks_nothing(tmp_path: Path):
    assert invoke("init", tmp_path, *OPTIONS).exit_code == 0
    (tmp_path / "README.md").write_text("Ons eigen verhaal\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").unlink()
    before = snapshot(tmp_path)
    result = invoke("init", tmp_path)  # no options, no input: the location is there already
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Nieuw: mkdocs.yml"
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "Ons eigen verhaal\n"
    after = snapshot(tmp_path)
    assert {k: v for k, v in after.items() if k != "mkdocs.yml"} == before
    again = invoke("init", tmp_path)
    assert again.exit_code == 0
    assert "Er is niets veranderd: alle bestanden bestonden al." in again.output
    assert snapshot(tmp_path) == after


def test_init_refuses_a_bad_option_with_a_dutch_message(tmp_path: Path):
    result = invoke("init", tmp_path, *OPTIONS, "--zoekstraal", "9 km")
    assert result.exit_code == 2
    assert "een zoekstraal van 9000 meter kan niet" in result.output
    assert not (tmp_path / "mkdocs.yml").exists()


def test_init_in_a_file_is_refused(tmp_path: Path):
    (tmp_path / "bestand").write_text("x")
    result = invoke("init", tmp_path / "bestand", *OPTIONS)
    assert result.exit_code == 2 and "is een bestand, geen map" in result.output


def test_init_below_a_file_says_so_in_dutch(tmp_path: Path):
    (tmp_path / "bestand").write_text("x")
    result = invoke("init", tmp_path / "bestand" / "sub", *OPTIONS)
    assert result.exit_code == 1
    assert "lukt niet: een deel van het pad is een bestand, geen map." in result.output


def test_init_without_answers_names_the_option(tmp_path: Path):
    result = invoke("init", tmp_path)  # no input at all, as in CI
    assert result.exit_code == 2
    assert "geen antwoord. Geef het mee met de optie --naam." in result.output
    assert not any(tmp_path.iterdir())


def test_init_takes_the_package_line(tmp_path: Path):
    spec = "buurtkaart @ https://intranet.example.org/buurtkaart-1.0-py3-none-any.whl"
    assert invoke("init", tmp_path, *OPTIONS, "--pakket", spec).exit_code == 0
    assert spec in (tmp_path / "requirements.txt").read_text(encoding="utf-8").splitlines()


def test_new_location_writes_a_valid_inventory_and_never_overwrites(repo_dir):
    root = repo_dir()
    args = ["new-locatie", "Dagbesteding Het Anker", "--coordinaten", "52.51, 6.10", "--root", root]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Nieuwe locatie: inventory/dagbesteding-het-anker.md"
    path = root / "inventory" / "dagbesteding-het-anker.md"
    text = path.read_text(encoding="utf-8")
    assert "# Welke behoefte hebben cliënten zelf?" in text
    repo = load_repository(root)
    assert repo.problems == [] and set(repo.locations) == {"test", "dagbesteding-het-anker"}
    again = invoke(*args)
    assert again.exit_code == 2
    assert "inventory/dagbesteding-het-anker.md bestaat al en blijft zoals het is." in again.output
    assert path.read_text(encoding="utf-8") == text


def test_new_location_asks_for_the_coordinates(repo_dir):
    root = repo_dir()
    result = invoke("new-locatie", "Het Anker", "--root", root, stdin="52.51, 6.10\n")
    assert result.exit_code == 0, result.output
    assert "Coördinaten" in result.output


def test_new_location_refuses_a_reserved_or_bad_short_name(repo_dir):
    root = repo_dir()
    result = invoke("new-locatie", "Kaart", "--coordinaten", "52.51, 6.10", "--root", root)
    assert result.exit_code == 2 and "de korte naam 'kaart' gebruikt de website zelf al" in result.output
    result = invoke(
        "new-locatie", "Het Anker", "--korte-naam", "Het Anker", "--coordinaten", "52.5, 6.1", "--root", root
    )
    assert result.exit_code == 2 and "kleine letters" in result.output
    assert sorted(p.name for p in (root / "inventory").iterdir()) == ["test.md"]


def test_version_option_shows_the_installed_version():
    result = invoke("--version")
    assert result.output == f"buurtkaart {package_version()}\n"

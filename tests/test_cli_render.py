"""``buurtkaart render``: generated pages written to a folder, never over someone's files."""

from repo_files import CARD, invoke


def run(*args):
    return invoke("render", *args)


def test_writes_the_generated_pages(repo_dir, tmp_path):
    root = repo_dir({"cards/test/bakker.md": CARD})
    out = tmp_path / "uit"
    result = run("--root", str(root), "--uit", str(out))
    assert result.exit_code == 0, result.output
    # <name>/index.md: relative links mean the same in every engine (issue 14)
    assert "Bakkerij De Korenbloem" in (out / "test" / "bakker" / "index.md").read_text(encoding="utf-8")
    assert (out / "test" / "kaart" / "kaart.html").is_file() and (out / "test" / "kaart" / "index.md").is_file()
    assert (out / "test" / "vraag-en-aanbod" / "index.md").is_file()
    assert (out / "test" / "index.md").is_file() and (out / "locaties" / "index.md").is_file()
    generated = [p for p in out.rglob("*.md") if p.relative_to(out).parts[0] != "help"]  # help: the package's
    assert generated and all(p.name == "index.md" for p in generated)
    assert (out / "help" / "opdrachten.md").is_file()  # Markdown with .md links: kept as it is


def test_rewrites_its_own_folder_but_never_someone_elses(repo_dir, tmp_path):
    root = repo_dir({"cards/test/bakker.md": CARD})
    out = tmp_path / "uit"
    assert run("--root", str(root), "--uit", str(out)).exit_code == 0
    (out / "oud.md").write_text("van een vorige keer")
    assert run("--root", str(root), "--uit", str(out)).exit_code == 0
    assert not (out / "oud.md").exists()

    mine = tmp_path / "mijn-map"
    mine.mkdir()
    (mine / "notities.txt").write_text("belangrijk")
    result = run("--root", str(root), "--uit", str(mine))
    assert result.exit_code == 2
    assert "bevat bestanden die niet van de Buurtkaart zijn" in result.output
    assert (mine / "notities.txt").read_text() == "belangrijk"


def test_invalid_data_writes_nothing(repo_dir, tmp_path):
    root = repo_dir({"cards/test/x.md": "---\ntitel: X\ncategorie: winkels\n---\n"})
    result = run("--root", str(root), "--uit", str(tmp_path / "uit"))
    assert result.exit_code == 1
    assert "onbekende categorie 'winkels'" in result.output
    assert not (tmp_path / "uit").exists()


def test_writes_the_home_page_with_the_locations_table(repo_dir, tmp_path):
    root = repo_dir({"cards/test/bakker.md": CARD, "docs/index.md": "# Start\n\n<!-- buurtkaart:locaties -->\n"})
    out = tmp_path / "uit"
    assert run("--root", str(root), "--uit", str(out)).exit_code == 0
    home = (out / "index.md").read_text(encoding="utf-8")
    assert "<!-- buurtkaart:locaties -->" not in home
    assert '<a href="test/">Woonlocatie Test</a>' in home and home.startswith("# Start")

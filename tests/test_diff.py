"""``buurtkaart diff``: added, changed, removed and moved cards as Markdown for a pull request."""

from __future__ import annotations

from gitrepo import commit, git, init
from repo_files import invoke

from buurtkaart_build.workflow.diff import Version, changed_fields, escape_md, tracked_file

BAKERY = """\
---
titel: Bakkerij De Korenbloem
categorie: bedrijven
adres: Dorpsstraat 1
tags: [bakken]
---
Lekker brood.
"""
PLAYGROUND = "---\ntitel: Speeltuin De Klimboom\ncategorie: ontmoeten\n---\n"
BARBER = "---\ntitel: Kapper Knip\ncategorie: Bedrijven\n---\nKnippen.\n"
NASTY = "---\ntitel: 'A | B [x](https://e.nl) `c` <b>@iemand #12'\ncategorie: activiteiten\n---\n"


def run(root, *args):
    return invoke("diff", *args, "--root", root)


def make_repo(repo_dir):
    root = init(
        repo_dir(
            {
                "cards/test/bakkerij.md": BAKERY,
                "cards/test/speeltuin.md": PLAYGROUND,
                "cards/test/kapper.md": BARBER,
                "cards/_sjablonen/bedrijven.md": "---\ntitel:\n---\n",
            }
        )
    )
    base = commit(root, "basis", "2026-01-01T12:00:00+01:00")
    return root, base


def test_diff_summarises_the_changes(repo_dir):
    root, base = make_repo(repo_dir)
    changed = BAKERY.replace("Dorpsstraat 1", "Dorpsstraat 3").replace("[bakken]", "[bakken, eten]")
    (root / "cards/test/bakkerij.md").write_text(changed + "Ook taart.\n", encoding="utf-8")
    (root / "cards/test/speeltuin.md").unlink()
    (root / "cards/test/kapper.md").rename(root / "cards/test/kapsalon-knip.md")
    (root / "cards/test/feest.md").write_text(NASTY, encoding="utf-8")
    (root / "cards/test/foto.jpg").write_bytes(b"\xff\xd8")
    (root / "cards/_sjablonen/bedrijven.md").write_text("anders\n", encoding="utf-8")
    inventory = (root / "inventory/test.md").read_text(encoding="utf-8")
    (root / "inventory/test.md").write_text(inventory.replace("zoekstraal: 1000", "zoekstraal: 1500"))
    result = run(root, base)
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == f"""\
## Kaarten in deze wijziging

Vergeleken met `{base}`: 1 toegevoegd, 1 gewijzigd, 1 verwijderd, 1 verplaatst.

### Toegevoegd

| Titel | Locatie | Categorie |
| --- | --- | --- |
| A \\| B \\[x\\]\\(https://e.nl\\) \\`c\\` \\<b\\>@\u2060iemand \\#\u206012 | test | Overige buurtactiviteiten |

### Gewijzigd

| Titel | Locatie | Categorie | Wat is veranderd |
| --- | --- | --- | --- |
| Bakkerij De Korenbloem | test | Bedrijven | adres, tags, tekst |

### Verwijderd

| Titel | Locatie | Categorie |
| --- | --- | --- |
| Speeltuin De Klimboom | test | Ontmoeten &amp; communicatie |

### Verplaatst of hernoemd

| Titel | Locatie | Categorie | Was |
| --- | --- | --- | --- |
| Kapper Knip | test | Bedrijven | cards/test/kapper.md |

### Locaties (inventaris)

| Naam | Bestand | Wijziging |
| --- | --- | --- |
| Woonlocatie Test | inventory/test.md | gewijzigd: zoekstraal |
"""
    )


def test_diff_against_a_branch_name_and_no_changes(repo_dir):
    root, _ = make_repo(repo_dir)
    result = run(root, "main")
    assert result.exit_code == 0
    assert result.output == (
        "## Kaarten in deze wijziging\n\n"
        "Vergeleken met `main`: 0 toegevoegd, 0 gewijzigd, 0 verwijderd, 0 verplaatst.\n\n"
        "Geen kaarten toegevoegd, gewijzigd of verwijderd.\n"
    )


def test_diff_compares_with_the_working_tree_not_with_head(repo_dir):
    root, base = make_repo(repo_dir)
    (root / "cards/test/speeltuin.md").write_text(PLAYGROUND + "Nieuw.\n", encoding="utf-8")
    commit(root, "tekst", "2026-02-01T12:00:00+01:00")
    (root / "cards/test/kapper.md").write_text(BARBER.replace("Bedrijven", "bedrijven"), encoding="utf-8")
    output = run(root, base).output
    assert "| Speeltuin De Klimboom | test | Ontmoeten &amp; communicatie | tekst |" in output
    assert "| Kapper Knip | test | Bedrijven | categorie |" in output


def test_a_broken_card_still_shows_up(repo_dir):
    root, base = make_repo(repo_dir)
    (root / "cards/test/speeltuin.md").write_text("---\ntitel: [kapot\n---\n", encoding="utf-8")
    (root / "cards/test/nieuw.md").write_text("geen front-matter\n", encoding="utf-8")
    output = run(root, base).output
    assert "| speeltuin | test | – | hele bestand |" in output
    assert "| nieuw | test | – |" in output


def test_unknown_base_or_no_git(repo_dir, tmp_path_factory):
    root, _ = make_repo(repo_dir)
    result = run(root, "origin/main")
    assert result.exit_code == 2
    assert "Fout: ongeldige waarde voor 'BASIS': git kent de versie 'origin/main' niet." in result.output
    plain = tmp_path_factory.mktemp("los")
    result = run(plain, "main")
    assert result.exit_code == 2
    assert "is geen git-repository" in result.output


def test_diff_in_a_subfolder_of_the_repository(tmp_path):
    site = tmp_path / "buurt"
    (site / "cards" / "test").mkdir(parents=True)
    (site / "cards" / "test" / "bakkerij.md").write_text(BAKERY, encoding="utf-8")
    init(tmp_path)
    base = commit(tmp_path, "basis", "2026-01-01T12:00:00+01:00")
    (site / "cards" / "test" / "speeltuin.md").write_text(PLAYGROUND, encoding="utf-8")
    output = run(site, base).output
    assert "1 toegevoegd, 0 gewijzigd, 0 verwijderd" in output
    assert git(tmp_path, "status", "--short").strip() == "?? buurt/cards/test/speeltuin.md"


def test_escape_md():
    assert escape_md("a|b") == "a\\|b"
    assert escape_md("<script>") == "\\<script\\>"
    assert escape_md("Poot & Pluim") == "Poot &amp; Pluim"
    assert escape_md("&lt;") == "&amp;lt;"
    assert escape_md("regel\nbreuk") == "regel breuk"
    assert escape_md("*vet* _schuin_ ~weg~") == "\\*vet\\* \\_schuin\\_ \\~weg\\~"
    assert escape_md("@team") == "@\u2060team"


def test_tracked_files():
    assert tracked_file("cards/de-kastanje/bakkerij.md")
    assert tracked_file("inventory/de-kastanje.md")
    assert not tracked_file("cards/_sjablonen/bedrijven.md")
    assert not tracked_file("cards/los.md")
    assert not tracked_file("cards/de-kastanje/foto.jpg")
    assert not tracked_file("inventory/sub/x.md")


def test_changed_fields_in_the_format_order_then_unknown_keys():
    before = Version("cards/a/x.md", {"titel": "A", "status": "nieuw", "zz": "1"}, "tekst", "")
    after = Version("cards/a/x.md", {"titel": "B", "status": "contact", "aa": "2"}, "tekst", "")
    assert changed_fields(before, after) == ["titel", "status", "aa", "zz"]
    same = Version("cards/a/x.md", {"titel": "A"}, "", "")
    assert changed_fields(same, same) == ["opmaak of uitleg"]

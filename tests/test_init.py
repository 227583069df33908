"""``buurtkaart init``'s files: complete, filled in, consistent with this repository's, never overwritten."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from repo_files import ROOT

from buurtkaart_build.core.models import CATEGORIES
from buurtkaart_build.core.templates import template_text
from buurtkaart_build.workflow.init import (
    fill,
    packaged_files,
    repository_files,
    target_path,
    write_new_files,
)

VALUES = {"locatie": "de-linde", "versie": "9.8.7", "pakket": "buurtkaart==9.8.7"}
EXPECTED = {
    "mkdocs.yml",
    "docs/index.md",
    ".github/workflows/buurtkaart.yml",
    ".github/pull_request_template.md",
    ".gitlab-ci.yml",
    ".gitlab/merge_request_templates/Default.md",
    "CODEOWNERS.voorbeeld",
    ".pre-commit-config.yaml",
    ".gitignore",
    "README.md",
    "requirements.txt",
}


def test_dot_names_become_hidden_files():
    assert target_path("dot-github/workflows/x.yml") == ".github/workflows/x.yml"
    assert target_path("docs/index.md") == "docs/index.md"
    assert target_path("docs/dot-pages") == "docs/.pages"


def test_every_file_the_issue_names_is_there():
    assert set(packaged_files()) == EXPECTED


def test_placeholders_are_all_filled():
    files = repository_files(VALUES)
    assert not [path for path, text in files.items() if "@@" in text]
    assert "buurtkaart==9.8.7" in files["requirements.txt"].splitlines()
    assert "/cards/de-linde/    @coordinator-de-linde" in files["CODEOWNERS.voorbeeld"]
    assert 'buurtkaart new de-linde bedrijven "Bakkerij De Korenbloem"' in files["README.md"]
    assert fill("@@a@@ @@b@@ @@a@@", {"a": "1", "b": "2"}) == "1 2 1"


def test_card_templates_are_the_packaged_ones():
    files = repository_files(VALUES)
    for category in CATEGORIES:
        assert files[f"cards/_sjablonen/{category}.md"] == template_text(category)


def test_mkdocs_config_enables_dutch_search_and_the_plugin_and_leaves_the_nav_to_it():
    config = yaml.safe_load(packaged_files()["mkdocs.yml"])
    assert config["theme"]["language"] == "nl" and config["theme"]["font"] is False
    search, buurtkaart = config["plugins"]
    assert search["search"]["lang"] == "nl" and "stemmer" in search["search"]["pipeline"]
    assert "buurtkaart" in buurtkaart
    assert "nav" not in config


def test_home_page_has_the_locations_table_marker():
    assert "<!-- buurtkaart:locaties -->" in packaged_files()["docs/index.md"]


def _install_free(text: str) -> list[str]:
    """The lines of a CI file without what differs on purpose: the lines that install the
    package, and this repository's own job that builds the package (between markers)."""
    text = re.sub(r"\n# --- package: .*?# --- end package ---\n", "\n", text, flags=re.DOTALL)
    return [line for line in text.rstrip("\n").splitlines() if "requirements" not in line]


def test_ci_files_are_this_repositorys_except_how_the_package_is_installed():
    files = packaged_files()
    for rel in (".github/workflows/buurtkaart.yml", ".gitlab-ci.yml"):
        ours = (ROOT / rel).read_text(encoding="utf-8")
        assert _install_free(files[rel]) == _install_free(ours), (
            f"{rel} differs from buurtkaart_build/data/init/{rel.replace('.', 'dot-', 1)}: "
            "bring the copy for new repositories up to date"
        )
        assert "-r requirements.txt" in files[rel]


def test_review_templates_are_this_repositorys():
    files = packaged_files()
    for rel in (".github/pull_request_template.md", ".gitlab/merge_request_templates/Default.md"):
        assert files[rel] == (ROOT / rel).read_text(encoding="utf-8"), rel


def test_pre_commit_config_runs_check_from_the_installed_package():
    (repo,) = yaml.safe_load(packaged_files()[".pre-commit-config.yaml"])["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["entry"] == "buurtkaart check" and hook["pass_filenames"] is False


def test_gitignore_keeps_the_built_site_out():
    lines = packaged_files()[".gitignore"].splitlines()
    assert {"site/", ".venv/", "public/"} <= set(lines)


def test_write_new_files_never_overwrites_and_a_second_run_changes_nothing(tmp_path: Path):
    files = {"a.txt": "nieuw\n", "sub/b.txt": "nieuw\n"}
    (tmp_path / "a.txt").write_text("eigen\n", encoding="utf-8")
    first = write_new_files(tmp_path, files)
    assert first.created == ["sub/b.txt"] and first.kept == ["a.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "eigen\n"
    second = write_new_files(tmp_path, files)
    assert second.created == [] and second.kept == ["a.txt", "sub/b.txt"]


def test_files_are_written_with_unix_line_ends(tmp_path: Path):
    write_new_files(tmp_path, {"x.md": "een\ntwee\n"})
    assert (tmp_path / "x.md").read_bytes() == b"een\ntwee\n"

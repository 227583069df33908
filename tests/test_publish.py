"""``buurtkaart publiceer``: a build killed at any moment leaves the previous site served whole."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from repo_files import ROOT, card_text, write_repo

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
INVENTORY = "---\nnaam: Locatie Een\ncoordinaten: [52.503, 6.099]\n---\n"


def project(tmp_path: Path, cards: int, titel: str) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", dirs_exist_ok=True)
    files = {"inventory/test.md": INVENTORY}
    files.update({f"cards/test/kaart-{i:03d}.md": card_text(f"{titel} {i}") for i in range(cards)})
    return write_repo(tmp_path, files)


def publiceer(root: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "buurtkaart_build", "publiceer", "--site", "site"],
        cwd=root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def test_a_killed_build_leaves_the_previous_site_whole(tmp_path: Path):
    root = project(tmp_path, 60, "Oude vondst")
    first = publiceer(root)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    site = root / "site"
    assert site.is_symlink()
    before = {p.relative_to(site): p.read_bytes() for p in pages(site)}
    assert len(before) > 60 and "Oude vondst 7" in (site / "test/kaart-007/index.html").read_text()

    project(tmp_path, 60, "Nieuwe vondst")
    second = publiceer(root, start_new_session=True)
    versions = root / "site.versies"
    deadline = time.monotonic() + 300
    # Kill it as soon as the new version has started writing pages.
    while time.monotonic() < deadline and not any(
        pages(v) for v in versions.iterdir() if v.resolve() != site.resolve()
    ):
        assert second.poll() is None, "the build finished before it could be killed"
        time.sleep(0.02)
    os.killpg(second.pid, signal.SIGKILL)
    second.wait(timeout=30)

    after = {p.relative_to(site): p.read_bytes() for p in pages(site)}
    assert after == before  # every page still there, unchanged: the old site, whole

    third = publiceer(root)
    assert third.wait(timeout=300) == 0, third.stderr.read()
    assert "Nieuwe vondst 7" in (site / "test/kaart-007/index.html").read_text()
    assert len(list(versions.iterdir())) == 2  # the served version and the one before


def test_a_failed_build_keeps_the_site_and_says_so(tmp_path: Path):
    root = project(tmp_path, 2, "Vondst")
    assert publiceer(root).wait(timeout=300) == 0
    served = (root / "site").resolve()
    write_repo(root, {"cards/test/kapot.md": card_text("Kapot", categorie="bakkerij")})
    failed = publiceer(root)
    assert failed.wait(timeout=300) == 1
    assert "de vorige site" in failed.stderr.read()
    assert (root / "site").resolve() == served and pages(root / "site")


def test_a_plain_site_folder_becomes_a_version_once(tmp_path: Path):
    root = project(tmp_path, 2, "Vondst")
    (root / "site").mkdir()
    (root / "site" / "oud.html").write_text("oud")
    assert publiceer(root).wait(timeout=300) == 0
    assert (root / "site").is_symlink() and (root / "site.versies" / "0" / "oud.html").is_file()

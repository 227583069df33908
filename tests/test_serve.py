"""``mkdocs serve`` rebuilds when a card or an inventory file changes."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from repo_files import ROOT, card_text, write_repo


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


INVENTORY_ONE = "---\nnaam: Locatie Een\ncoordinaten: [52.503, 6.099]\n---\n"


@contextlib.contextmanager
def serving(root: Path, card: str, *options: str):
    """``mkdocs serve`` of a one-location repository with ``card`` as its bakker; yields the base URL."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    write_repo(root, {"inventory/test.md": INVENTORY_ONE, "cards/test/bakker.md": card})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml", *options],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


# make serve uses --dirty: the site folder is kept between rebuilds, and only changed files written.
SERVE_MODES = pytest.mark.parametrize("options", [(), ("--dirty",)], ids=["clean", "dirty"])


@SERVE_MODES
def test_serve_reloads_on_card_and_inventory_changes(tmp_path: Path, options):
    with serving(tmp_path, card_text("Bakker Eerst"), *options) as base:
        assert wait_for(f"{base}/test/bakker/", "Bakker Eerst")
        (tmp_path / "cards/test/bakker.md").write_text(card_text("Bakker Daarna"), encoding="utf-8")
        assert wait_for(f"{base}/test/bakker/", "Bakker Daarna")
        inventory = (tmp_path / "inventory/test.md").read_text().replace("Locatie Een", "Locatie Twee")
        (tmp_path / "inventory/test.md").write_text(inventory, encoding="utf-8")
        assert wait_for(f"{base}/test/", "Locatie Twee")


@SERVE_MODES
def test_serve_shows_dutch_errors_in_the_browser_and_recovers(tmp_path: Path, options):
    # MkDocs' server stalls every request while a build fails ("the server will appear stuck"):
    # the plugin builds the last good site with the messages on top instead.
    with serving(tmp_path, card_text("Bakker Eerst"), *options) as base:
        card = tmp_path / "cards/test/bakker.md"
        assert wait_for(f"{base}/test/bakker/", "Bakker Eerst")
        card.write_text(card_text("Bakker Eerst", categorie="bedrijf"), encoding="utf-8")
        assert wait_for(f"{base}/test/bakker/", "De Buurtkaart bevat fouten")
        page = fetch(f"{base}/test/bakker/")
        assert "cards/test/bakker.md:3" in page and "categorie" in page and 'role="alert"' in page
        assert "Bakker Eerst" in page  # the last good page, below the messages
        assert "De Buurtkaart bevat fouten" in fetch(f"{base}/")  # every page, hand-written ones too
        card.write_text(card_text("Bakker Hersteld"), encoding="utf-8")
        assert wait_for(f"{base}/test/bakker/", "Bakker Hersteld")
        assert "De Buurtkaart bevat fouten" not in fetch(f"{base}/test/bakker/")
        for page in ("", "test/", "test/makkelijk-lezen/bakker/", "help/zo-werkt-het/"):  # kept pages too
            assert "De Buurtkaart bevat fouten" not in fetch(f"{base}/{page}"), page


def test_serve_started_with_an_invalid_card_shows_the_messages(tmp_path: Path):
    with serving(tmp_path, card_text("Bakker", categorie="bedrijf")) as base:
        assert wait_for(f"{base}/", "De Buurtkaart bevat fouten")  # the home page, not a stalled request
        with pytest.raises(urllib.error.HTTPError) as missing:  # never built: the 404 page says why
            urllib.request.urlopen(f"{base}/test/bakker/", timeout=5)
        assert "cards/test/bakker.md:3" in missing.value.read().decode("utf-8")

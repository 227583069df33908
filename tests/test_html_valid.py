"""The built demo is valid HTML: the Nu HTML Checker (vnu.jar) finds no error.

vnu.jar comes from the npm package ``vnu-jar`` (pinned in the Makefile's ``setup``) and runs on
Java 17+. Theme false positives are filtered with ``tests/vnu-filter.txt``, each line explained
there. In CI (``CI=true``) a missing Java or jar fails the test; locally it skips.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from repo_files import ROOT

VNU_JAR = Path(os.environ.get("BUURTKAART_VNU_JAR", ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"))
FILTER = ROOT / "tests" / "vnu-filter.txt"


def _need(condition: bool, what: str) -> None:
    if condition:
        return
    message = f"{what} is missing: run 'make setup' (needs Java 17 and npm)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)  # in CI a missing checker must not look like a green run
    pytest.skip(message)


@pytest.fixture(scope="module")
def java() -> str:
    found = shutil.which("java")
    _need(found is not None, "java")
    _need(VNU_JAR.is_file(), str(VNU_JAR))
    return found


def vnu(java: str, target: Path, *extra: str) -> list[dict]:
    """vnu's messages (errors only) for every HTML file under ``target``."""
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", *extra, str(target)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(result.stderr or '{"messages": []}')["messages"]  # vnu reports on stderr


def _readable(messages: list[dict], site: Path) -> list[str]:
    return [
        f"{m['url'].removeprefix('file:').removeprefix(str(site))}:{m.get('lastLine')}: {m['message']}"
        f" — {m.get('extract', '').strip()[:120]}"
        for m in messages
    ]


def test_demo_site_is_valid_html(java, demo_site):
    assert len(list(demo_site.rglob("*.html"))) > 40
    messages = vnu(java, demo_site, "--filterfile", str(FILTER))
    assert _readable(messages, demo_site) == []


def test_the_checker_finds_errors(java, tmp_path):
    # So a green run means something: a broken page is reported.
    (tmp_path / "kapot.html").write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><p><div id="a" id="a"></p></body></html>',
        encoding="utf-8",
    )
    assert vnu(java, tmp_path, "--filterfile", str(FILTER))


def test_every_filter_is_explained():
    lines = FILTER.read_text(encoding="utf-8").splitlines()
    patterns = [i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")]
    assert patterns, "an empty filter file: remove it and the --filterfile option"
    for i in patterns:
        assert lines[i - 1].startswith("#") and lines[i - 1].strip() != "#", f"line {i + 1} has no reason above it"

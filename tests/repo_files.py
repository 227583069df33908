"""Helpers shared by the tests: the project root and small repositories written to disk."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The help pages come with the package (the plugin serves them); a repository may replace one in docs/help/.
HELP = ROOT / "buurtkaart_build" / "data" / "help"

INVENTORY = """\
---
naam: Woonlocatie Test
adres: Teststraat 1, 8011 AA Zwolle
coordinaten: [52.5030, 6.0990]
zoekstraal: 1000
aanbod:
  - wat: Onze tuin voor een buurtmoestuin
    van: locatie
    tags: [tuin]
behoeften:
  - wat: Een koor waar een cliënt kan zingen
    van: cliënten
    tags: [muziek]
    voorwaarden: [rolstoel]
---
Een kleine woonlocatie.
"""

CARD = """\
---
titel: Bakkerij De Korenbloem
categorie: bedrijven
coordinaten: [52.5040, 6.1000]
---
Lekker brood.
"""


def card_text(
    titel: str = "Bakkerij De Korenbloem",
    *,
    categorie: str = "bedrijven",
    coordinaten: str | None = "[52.5040, 6.1000]",
    before: str = "",
    extra: str = "",
    body: str = "",
) -> str:
    """The text of a card file: ``before`` lines go above ``titel``, ``extra`` lines below the coordinates."""
    coords = f"coordinaten: {coordinaten}\n" if coordinaten is not None else ""
    return f"---\n{before}titel: {titel}\ncategorie: {categorie}\n{coords}{extra}---\n{body}"


def invoke(*args: object):
    """Run the ``buurtkaart`` command line in-process, as ``buurtkaart ARGS``; paths may be given as Path."""
    from click.testing import CliRunner

    from buurtkaart_build.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], prog_name="buurtkaart")


def write_repo(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` below ``root``; str content is dedented."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def mkdocs_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    """A real ``mkdocs build --strict`` of ``project`` into ``site``, in a subprocess."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
            *extra,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )

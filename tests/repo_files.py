"""Helpers shared by the tests: the project root and small repositories written to disk."""

from __future__ import annotations

import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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

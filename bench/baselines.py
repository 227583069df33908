"""What the budgets compare against (design §8): plain Material, and a bare YAML parse.

- :func:`short_pages_project`: one short Markdown page per card with the same text (title,
  summary, answers, lists, notes), the same ``mkdocs.yml`` without the plugin, card pages kept
  out of the nav. What any site of this many pages costs with Material.
- :data:`YAML_PARSE`: a script that reads every card and parses its front-matter with
  ``yaml.CSafeLoader``, nothing else; run as a subprocess like ``buurtkaart check``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.help import packaged_pages


def short_pages_project(project: Path, target: Path) -> int:
    """Write the baseline project into ``target``; returns the number of card pages."""
    repo = load_repository(project)
    shutil.rmtree(target, ignore_errors=True)  # a --workdir kept from an earlier (or stopped) run
    shutil.copytree(project / "docs", target / "docs")
    # The pages the plugin serves from the package (help, templates): the nav names them.
    for path, text in packaged_pages().items():
        if not (target / "docs" / path).exists():
            (target / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (target / "docs" / path).write_text(text, encoding="utf-8")
    for card in repo.cards:
        file = target / "docs" / card.locatie / f"{card.slug}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(_short_page(card), encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "buurtkaart" in p)]
    config["not_in_nav"] = "\n".join(sorted({f"/{card.locatie}/" for card in repo.cards}))
    config["site_dir"] = "site"
    # The hand-written pages link to generated ones (locations, map); not there in this baseline.
    config["validation"] = {"links": {"not_found": "info", "anchors": "info"}, "nav": {"not_found": "info"}}
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(repo.cards)


def _short_page(card) -> str:
    parts = [f"# {card.titel}", card.samenvatting or "", card.adres or "", card.wat_doen_ze or ""]
    parts += [card.voor_de_buurt or "", "\n".join(f"- {item}" for item in card.aanbod)]
    parts += ["\n".join(f"- {item}" for item in card.vraag), card.body, " ".join(card.tags)]
    return "\n\n".join(p for p in parts if p) + "\n"


YAML_PARSE = """
import sys
from pathlib import Path
import yaml
count = 0
for path in sorted(Path(sys.argv[1], "cards").glob("*/*.md")):
    text = path.read_text(encoding="utf-8")
    front = text.split("---", 2)[1]
    yaml.load(front, Loader=yaml.CSafeLoader)
    count += 1
print(count)
"""

"""The pages that come with the package: help, templates, a default home page, the navigation.

They are served like the generated pages, so an upgrade of the package brings them along. A
repository replaces one with its own file at the same path below ``docs/`` (its own
``docs/help/foutmeldingen.md``, its own ``docs/index.md``); the plugin then leaves it alone.
"""

from __future__ import annotations

from importlib import resources

from ..core.models import CATEGORIES
from ..core.templates import inventory_template, template_text

HELP_FOLDER = "help"
TEMPLATES_PAGE = f"{HELP_FOLDER}/sjablonen.md"
HOME_PAGE = "index.md"

# The navigation the plugin gives a site whose mkdocs.yml has no ``nav`` of its own. Card and
# location pages stay out of it: its size does not grow with the data (design §7).
HELP_NAV: list[dict[str, str]] = [
    {"Zo werkt de Buurtkaart": "help/zo-werkt-het.md"},
    {"Samen op pad": "help/samen-op-pad.md"},
    {"Een vondst toevoegen": "help/vondst-toevoegen.md"},
    {"Een nieuwe locatie toevoegen": "help/locatie-toevoegen.md"},
    {"Sjablonen": TEMPLATES_PAGE},
    {"Foutmeldingen begrijpen": "help/foutmeldingen.md"},
    {"Opdrachten": "help/opdrachten.md"},
]
DEFAULT_NAV: list[dict] = [
    {"Start": HOME_PAGE},
    {"Locaties": "locaties.md"},
    {"Kaart": "kaart.md"},
    {"Agenda": "agenda.md"},
    {"Thema's": "tags.md"},
    {"Overzicht": "overzicht.md"},
    {"Hulp": HELP_NAV},
]


def _data(*parts: str):
    return resources.files("buurtkaart_build").joinpath("data", *parts)


def help_pages() -> dict[str, str]:
    """``{site path: Markdown}`` of every help page, the templates page included."""
    folder = _data(HELP_FOLDER)
    pages = {
        f"{HELP_FOLDER}/{file.name}": file.read_text(encoding="utf-8")
        for file in sorted(folder.iterdir(), key=lambda f: f.name)
        if file.name.endswith(".md")
    }
    pages[TEMPLATES_PAGE] = templates_page()
    return pages


def home_page() -> str:
    """The home page a new repository gets from ``buurtkaart init`` (``docs/index.md``)."""
    return _data("init", "docs", "index.md").read_text(encoding="utf-8")


def packaged_pages() -> dict[str, str]:
    """Every page the package serves unless the repository has its own file at that path."""
    return {HOME_PAGE: home_page(), **help_pages()}


def templates_page() -> str:
    """The card and inventory templates, to copy into the web editor of the git host."""
    parts = [
        "# Sjablonen\n",
        "Een sjabloon is een lege kaart met de vragen erin. Kopieer het hele sjabloon, van de eerste",
        "`---` tot het eind, naar een nieuw bestand. Hoe dat gaat, lees je in",
        "[Een vondst toevoegen](vondst-toevoegen.md) en [Een nieuwe locatie toevoegen](locatie-toevoegen.md).",
        "Met de opdracht `buurtkaart new` of `buurtkaart new-locatie` maak je zo'n bestand ook",
        "(zie [Opdrachten](opdrachten.md)).\n",
    ]
    for category, label in CATEGORIES.items():
        parts.append(f"## {label}\n\nVoor een nieuw bestand in `cards/<locatie>/`.\n")
        parts.append(_code(template_text(category)))
    parts.append(
        "## Inventaris van een locatie\n\nVoor een nieuw bestand in `inventory/`, zoals `inventory/de-linde.md`.\n"
    )
    parts.append(_code(inventory_template()))
    return "\n".join(parts)


def _code(text: str) -> str:
    fence = "````" if "```" in text else "```"
    return f"{fence}yaml\n{text.rstrip()}\n{fence}\n"

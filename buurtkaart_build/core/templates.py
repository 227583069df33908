"""Card templates: one per category, pre-filled with the questions of its instruction card.

The packaged files in ``data/sjablonen/`` are the single source. ``cards/_sjablonen/`` in a
Buurtkaart repository holds identical copies for coordinators who work in the web editor of
their git host (the loader skips folders that start with ``_``).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

from .card_text import fill, template_lines
from .choices import CATEGORIES

# The questions and tips of the four instruction cards, as in the organisation's guide.
# Templates, the printable cards and the help pages all carry them (tests check this).
_PLACE = (
    "Doen ze al iets voor de buurt?",
    "Kennen ze ons al?",
    "Is de locatie makkelijk bereikbaar voor de doelgroep?",
    "Is de locatie toegankelijk (denk aan brede deuren, liften, invalidetoilet)?",
    "Wat zijn de contactgegevens?",
)
QUESTIONS: dict[str, tuple[str, ...]] = {
    "ontmoeten": (
        "Waar ontmoeten mensen elkaar?",
        "Is het op een bepaalde plek in de buurt vaak druk?",
        "In een speeltuin? Op straat? Een koffiehuis, kerk of moskee?",
        "Kun je iets zeggen over de samenstelling van de buurt?",
        "Wonen er veel gezinnen of juist mensen alleen? Zijn de mensen jong of oud(er)?",
        "Kun je aan iemand vragen hoe de buurt elkaar op de hoogte houdt?",
        "Is er een buurtapp, social media of een actieve VvE?",
    ),
    "organisaties": ("Wat doet de organisatie?", *_PLACE),
    "bedrijven": ("Wat doet het bedrijf?", *_PLACE),
    "activiteiten": (
        "het lokale dagblad te lezen",
        "op social media te kijken van een winkeliersvereniging van de buurt",
        "op social media te kijken van een wijkvereniging van de buurt",
        "de gemeente te benaderen voor de sociale kaart van de buurt",
        "de oudercommissie van een basisschool in de buurt te benaderen",
        "alert te zijn op seizoensfestiviteiten in de buurt",
    ),
}

TITLE_LINE = "titel:"
VISITED_LINE = "bezocht:   # bijvoorbeeld: 2026-03-14"


def template_text(category: str) -> str:
    """The template of ``category`` exactly as packaged.

    Raises:
        KeyError: ``category`` is not one of :data:`~buurtkaart_build.core.models.CATEGORIES`.
    """
    if category not in CATEGORIES:
        raise KeyError(category)
    package = resources.files("buurtkaart_build") / "data" / "sjablonen" / f"{category}.md"
    return package.read_text(encoding="utf-8")


def inventory_template() -> str:
    """The inventory template (``data/inventaris.md``) exactly as packaged: the method's
    inventory questions as comments above the keys of ``inventory/<locatie>.md``."""
    return (resources.files("buurtkaart_build") / "data" / "inventaris.md").read_text(encoding="utf-8")


def render_card(category: str, title: str, visited: dt.date) -> str:
    """A new card: the template with the title and the visiting date filled in.

    The same filling as the form page (:func:`.card_text.fill`): the title is written as a JSON
    string, which YAML reads as a double-quoted scalar, so quotes, colons, ``#`` and accents
    stay exactly as typed.
    """
    structure = template_lines(template_text(category), [])
    return fill(structure, {"titel": title, "bezocht": visited.isoformat()}, {"titel": "tekst", "bezocht": "datum"})


def clean_title(title: str) -> str:
    """One line, single spaces: a title typed on the command line may contain tabs or newlines."""
    return " ".join(title.split())

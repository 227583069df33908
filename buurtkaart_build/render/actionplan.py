"""The page ``/<locatie>/actieplan/``: the team's actions and the open chances, for the team meeting.

The team writes its decisions as ``acties`` in the inventory; the open chances are the best
match of every need and offer that no action covers yet. Printed, the page fits on two A4
pages for the demo (stylesheet ``buurtkaart-actieplan.css``; tests/browser/test_print_pages.py).
"""

from __future__ import annotations

from ..core.choices import STATUSES
from ..core.dates import dutch_date
from ..core.models import Card, Location
from ..match.engine import ItemMatches, LocationMatches
from .html import block, esc, icon, page_meta
from .pages import location_menu

PAGE = "actieplan"
ACTION_STATUSES = {"open": "Nog doen", "bezig": "Bezig", "klaar": "Klaar", "gestopt": "Gestopt"}
BLANK_ROWS = 3
_HEADERS = (("kans", "Kans"), ("contact", "Contact"), ("wie", "Wie pakt het op?"), ("wanneer", "Wanneer?"))
_HEADERS += (("status", "Status"),)


def _head() -> str:
    return "".join(f'<th scope="col" class="bk-col-{key}">{esc(text)}</th>' for key, text in _HEADERS)


def _table(rows: list[str], caption: str) -> str:
    return (
        f'<table class="bk-plan-table"><caption>{esc(caption)}</caption><thead><tr>{_head()}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def contact_text(card: Card | None, public: bool) -> str:
    """Name and phone (or e-mail, or website): who to call about the chance."""
    contact = card.contact if card is not None else None
    if contact is None:
        return ""
    parts = [] if public else [p for p in (contact.naam, contact.telefoon) if p]
    if not parts and contact.email and not public:
        parts.append(contact.email)
    if not parts and contact.website:
        parts.append(contact.website)
    return "<br>".join(esc(p) for p in parts)


def _card_link(card: Card) -> str:
    return f'<a href="../{esc(card.slug)}/">{esc(card.titel)}</a>'


def _action_rows(location: Location, cards: dict[str, Card], public: bool) -> list[str]:
    rows = []
    order = list(ACTION_STATUSES)
    for action in sorted(location.acties, key=lambda a: (order.index(a.status), a.wanneer is None, a.wanneer or 0)):
        card = cards.get(action.kaart) if action.kaart else None
        chance = esc(action.kans) + (f" → {_card_link(card)}" if card else "")
        when = esc(dutch_date(action.wanneer)) if action.wanneer else ""
        rows.append(
            f'<tr class="bk-action-{esc(action.status)}"><td>{chance}</td><td>{contact_text(card, public)}</td>'
            f"<td>{esc(action.wie or '')}</td><td>{when}</td><td>{esc(ACTION_STATUSES[action.status])}</td></tr>"
        )
    return rows


def open_chances(location: Location, matches: LocationMatches) -> list[tuple[str, ItemMatches]]:
    """(``Behoefte``/``Aanbod``, item) for every need and offer that no action names yet."""
    taken_cards = {a.kaart for a in location.acties if a.kaart}
    taken_texts = {a.kans.strip().lower() for a in location.acties}
    out = []
    for label, items in (("Behoefte", matches.behoeften), ("Aanbod", matches.aanbod)):
        for entry in items:
            if entry.item.wat.strip().lower() in taken_texts:
                continue
            if entry.matches and entry.matches[0].card.slug in taken_cards:
                continue
            out.append((label, entry))
    return out


def _chance_row(label: str, entry: ItemMatches, public: bool) -> str:
    best = entry.matches[0] if entry.matches else None
    if best is None:
        chance = f"<strong>{esc(label)}:</strong> {esc(entry.item.wat)} <em>(nog geen match: gericht zoeken)</em>"
        return f"<tr><td>{chance}</td><td></td><td></td><td></td><td></td></tr>"
    arrow = "→" if label == "Aanbod" else "←"
    linked = " (gekoppeld)" if best.gekoppeld else ""
    chance = f"<strong>{esc(label)}:</strong> {esc(entry.item.wat)} {arrow} {_card_link(best.card)}{linked}"
    return (
        f"<tr><td>{chance}</td><td>{contact_text(best.card, public)}</td><td></td><td></td>"
        f"<td>{esc(STATUSES[best.card.status])}</td></tr>"
    )


def action_plan_page(location: Location, cards: list[Card], matches: LocationMatches, *, public: bool) -> str:
    """Markdown source of the action plan: one raw HTML block, every value escaped."""
    by_slug = {c.slug: c for c in cards}
    actions = _action_rows(location, by_slug, public)
    chances = [_chance_row(label, entry, public) for label, entry in open_chances(location, matches)]
    blank = ['<tr class="bk-blank"><td></td><td></td><td></td><td></td><td></td></tr>'] * BLANK_ROWS
    parts = [
        f"<h1>Actieplan — {esc(location.naam)}</h1>",
        location_menu(location, 1, f"{PAGE}/"),
        f'<p class="bk-meta bk-noprint">{icon("printer")}Druk deze pagina af voor het teamoverleg (twee A4). '
        "Afspraken uit het overleg zet je als <code>acties</code> in de inventarisatie; zie "
        '<a href="../../help/locatie-toevoegen/">Een locatie toevoegen</a>. Waar de kansen vandaan komen: '
        '<a href="../vraag-en-aanbod/">Vraag en aanbod</a>.</p>',
        "<h2>Afgesproken acties</h2>",
        _table(actions, "Wat het team heeft afgesproken")
        if actions
        else '<p class="bk-unknown">Nog geen acties afgesproken.</p>',
        "<h2>Open kansen</h2>",
        "<p>De best passende vondst per behoefte en aanbod, waarvoor nog geen actie is afgesproken.</p>",
        _table(chances + blank, "Kansen uit vraag en aanbod, met lege regels voor nieuwe afspraken"),
    ]
    return page_meta(f"Actieplan — {location.naam}", description=f"Actieplan van {location.naam}") + block(
        "\n".join(parts), "bk-plan-page"
    )

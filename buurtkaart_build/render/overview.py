"""``/overzicht/`` for managers: figures per location and in total, as charts, tables and CSV.

Stale cards are counted against the build's reference date (``SOURCE_DATE_EPOCH``), so the
page is the same on any day for the same commit.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass, field

from ..core.choices import CATEGORIES, STATUSES
from ..core.dates import dutch_date
from ..core.history import DEFAULT_MAX_AGE_MONTHS, months_before
from ..core.models import Card, Location
from .charts import chart_with_table
from .html import block, esc, page_meta, table
from .style import CATEGORY_STYLES

PAGE = "overzicht"
FUNNEL_COLOURS = {"nieuw": "#545454", "benaderd": "#0060a0", "contact": "#00775a"}
FUNNEL_COLOURS.update({"samenwerking": "#82175d", "gestopt": "#a64800"})


@dataclass
class Figures:
    """The figures of one location (or of all together)."""

    name: str
    slug: str = ""
    categories: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    on_map: int = 0
    cards: int = 0
    needs: int = 0
    needs_matched: int = 0
    stale: int = 0
    last_change: dt.date | None = None

    def add(self, other: Figures) -> None:
        self.categories.update(other.categories)
        self.statuses.update(other.statuses)
        for name in ("on_map", "cards", "needs", "needs_matched", "stale"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.last_change and (self.last_change is None or other.last_change > self.last_change):
            self.last_change = other.last_change


def is_stale(card: Card, cutoff: dt.date) -> bool:
    reference = card.gecontroleerd or card.last_change
    return card.status != "gestopt" and reference is not None and reference < cutoff


def figures(location: Location, cards: list[Card], matched: tuple[int, int], today: dt.date) -> Figures:
    cutoff = months_before(today, DEFAULT_MAX_AGE_MONTHS)
    changes = [c.last_change for c in cards if c.last_change]
    return Figures(
        name=location.naam,
        slug=location.slug,
        categories=Counter(c.categorie for c in cards),
        statuses=Counter(c.status for c in cards),
        on_map=sum(1 for c in cards if c.coordinaten),
        cards=len(cards),
        needs=matched[1],
        needs_matched=matched[0],
        stale=sum(1 for c in cards if is_stale(c, cutoff)),
        last_change=max(changes) if changes else None,
    )


def _charts(f: Figures) -> str:
    categories = [(s.label, f.categories.get(c, 0), s.colour) for c, s in CATEGORY_STYLES.items()]
    placed = [("Op de kaart", f.on_map, "#00775a"), ("Niet op de kaart", f.cards - f.on_map, "#545454")]
    funnel = [(STATUSES[s], f.statuses.get(s, 0), FUNNEL_COLOURS[s]) for s in STATUSES]
    needs = [("Met match", f.needs_matched, "#00775a"), ("Zonder match", f.needs - f.needs_matched, "#a64800")]
    return "\n".join(
        [
            '<div class="bk-charts">',
            chart_with_table("Vondsten per categorie", categories),
            chart_with_table("Op de kaart", placed),
            chart_with_table("Contact: van nieuw tot samenwerking", funnel),
            chart_with_table("Behoeften", needs),
            "</div>",
            f"<p>Te lang niet gecontroleerd (meer dan {DEFAULT_MAX_AGE_MONTHS} maanden): <strong>{f.stale}</strong>"
            f" van de {f.cards} vondsten. Laatste wijziging: "
            f"{esc(dutch_date(f.last_change)) if f.last_change else 'onbekend'}.</p>",
        ]
    )


def _summary_table(rows: list[Figures]) -> str:
    headers = ["Locatie", "Vondsten", *(s.label for s in CATEGORY_STYLES.values()), "Op de kaart"]
    headers += [*STATUSES.values(), "Behoeften met match", "Verouderd", "Laatste wijziging"]
    cells = []
    for f in rows:
        name = f'<a href="../{esc(f.slug)}/">{esc(f.name)}</a>' if f.slug else f"<strong>{esc(f.name)}</strong>"
        line = [name, str(f.cards), *(str(f.categories.get(c, 0)) for c in CATEGORIES), str(f.on_map)]
        line += [str(f.statuses.get(s, 0)) for s in STATUSES]
        line += [
            f"{f.needs_matched} van {f.needs}",
            str(f.stale),
            esc(dutch_date(f.last_change)) if f.last_change else "",
        ]
        cells.append(line)
    return table(headers, cells, cls="bk-table bk-overview-table")


def overview_page(per_location: list[Figures], total: Figures, today: dt.date) -> str:
    parts = [
        "<h1>Overzicht</h1>",
        f"<p>Cijfers over alle locaties, op {esc(dutch_date(today))}. Elke grafiek staat naast een tabel "
        'met dezelfde cijfers. <a href="../overzicht.csv" download>Alle cijfers als CSV (spreadsheet)</a>.</p>',
        "<h2>Alle locaties samen</h2>",
        _charts(total),
        "<h2>Per locatie</h2>",
        _summary_table([*per_location, total]),
    ]
    for f in per_location:
        parts += [f"<h3>{esc(f.name)}</h3>", _charts(f)]
    return page_meta("Overzicht", description="Cijfers en grafieken over alle locaties") + block(
        "\n".join(parts), "bk-overview"
    )


CSV_HEADERS = ["locatie", "naam", "vondsten", *CATEGORIES, "op_kaart", "niet_op_kaart", *STATUSES]
CSV_HEADERS += ["behoeften", "behoeften_met_match", "behoeften_zonder_match", "verouderd", "laatste_wijziging"]


def overview_csv(per_location: list[Figures], total: Figures) -> str:
    """Like the exports: UTF-8 with BOM and ``;`` between cells, so a Dutch spreadsheet opens it as it is."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for f in [*per_location, total]:
        writer.writerow(
            [f.slug or "totaal", _cell(f.name), f.cards, *(f.categories.get(c, 0) for c in CATEGORIES)]
            + [f.on_map, f.cards - f.on_map, *(f.statuses.get(s, 0) for s in STATUSES)]
            + [f.needs, f.needs_matched, f.needs - f.needs_matched, f.stale]
            + [f.last_change.isoformat() if f.last_change else ""]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula: prefix a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def overview_files(
    locations: dict[str, Location], cards_of, matched: dict[str, tuple[int, int]], today: dt.date
) -> dict[str, str | bytes]:
    per_location = [figures(loc, cards_of(slug), matched[slug], today) for slug, loc in locations.items()]
    total = Figures(name="Totaal")
    for f in per_location:
        total.add(f)
    return {
        f"{PAGE}.md": overview_page(per_location, total, today),
        f"{PAGE}.csv": overview_csv(per_location, total).encode("utf-8"),
    }

"""Bar charts as inline SVG, made at build time (no chart library, nothing loaded from elsewhere).

Every chart is drawn beside a table with the same figures: the table is what screen readers
and copy-paste use; the SVG is an image with a text alternative that names the figures.
"""

from __future__ import annotations

from .html import esc

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 215
BAR_WIDTH = 200
VALUE_WIDTH = 40
DEFAULT_COLOUR = "#3f51b5"


def bar_chart(title: str, bars: list[tuple[str, int, str | None]]) -> str:
    """Horizontal bars: (label, value, colour or ``None``) each; labels and values are written out.

    The colour is never the only cue: every bar carries its label and its number as text.
    """
    biggest = max((value for _, value, _ in bars), default=0) or 1
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    alt = f"{title}: " + "; ".join(f"{label} {value}" for label, value, _ in bars)
    parts = [
        f'<svg class="bk-chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{esc(alt)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, (label, value, colour) in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(BAR_WIDTH * value / biggest) if value else 0
        fill = esc(colour or DEFAULT_COLOUR)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 6}" text-anchor="end" font-size="13">{esc(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="{fill}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR_HEIGHT - 6}" font-size="13">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def chart_with_table(title: str, bars: list[tuple[str, int, str | None]], column: str = "Aantal") -> str:
    """A figure: the chart and, beside it, the table of the same figures."""
    rows = "".join(f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>' for label, value, _ in bars)
    table = (
        f'<table class="bk-chart-table"><thead><tr><th scope="col">{esc(title)}</th>'
        f'<th scope="col">{esc(column)}</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    return f'<figure class="bk-figure">{bar_chart(title, bars)}{table}<figcaption>{esc(title)}</figcaption></figure>'

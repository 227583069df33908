"""The page of one card (``/<locatie>/<slug>/``): the answers in the instruction card's order."""

from __future__ import annotations

from collections.abc import Callable

from ..core.choices import ACCESS_KEYS, KENT_ONS, STATUSES
from ..core.dates import dutch_date
from ..core.fields import tel_href
from ..core.geo import format_distance
from ..core.models import Card, Location
from ..core.slugs import slugify
from .body import body_html
from .easy_read import easy_link
from .html import block, esc, icon, icon_before, link, page_meta
from .photos import Shown, picture
from .style import ACCESS_ICONS, ANSWER_ICONS, CATEGORY_STYLES


def card_page(
    card: Card,
    location: Location,
    *,
    public: bool = False,
    extra: Callable[[Card], str] | None = None,
    photos: list[Shown] | None = None,
    edit_url: str | None = None,
) -> str:
    """Markdown source of a card page; all card values are escaped into one raw HTML block.

    Args:
        card: The card.
        location: Its location (for the distance).
        public: Leave out personal contact details (name, phone, e-mail).
        extra: Optional producer of more HTML after the facts (e.g. a small map).
        photos: The card's published photos (see render.photos).
        edit_url: The card file in the git host's editor ("Bewerk deze kaart"), if known.
    """
    parts = [
        _crumbs(card, location),
        f"<h1>{esc(card.titel)}</h1>",
        category_badge(card.categorie, href=f"../{card.categorie}/"),
        easy_link(card),
        f'<p class="bk-lead">{esc(card.samenvatting)}</p>' if card.samenvatting else "",
        _photos(photos or []),
        _facts(card, location),
        extra(card) if extra else "",
        _answer("Wat doen ze?", card.wat_doen_ze),
        _answer("Doen ze al iets voor de buurt?", card.voor_de_buurt),
        _section("Kennen ze ons al?", f"<p>{esc(KENT_ONS[card.kent_ons])}</p>"),
        _section("Is het bereikbaar en toegankelijk?", accessibility_html(card)),
        _section("Contactgegevens", _contact(card, public)),
        _list("Wat kunnen zij bieden?", card.aanbod),
        _list("Wat hebben zij nodig?", card.vraag),
        _section("Aantekeningen", body_html(card.body)) if card.body.strip() else "",
        _tags(card),
        _dates(card),
        _edit(edit_url),
    ]
    # No table of contents: a card page's headings are its questions, and the empty sidebar costs bytes.
    return page_meta(card.titel, description=card.samenvatting or card.category_label, hide=["toc"]) + block(
        "\n".join(p for p in parts if p), "bk-card"
    )


def _photos(photos: list[Shown]) -> str:
    if not photos:
        return ""
    return '<div class="bk-photos">' + "".join(picture(p, "groot", "../") for p in photos) + "</div>"


def _crumbs(card: Card, location: Location) -> str:
    """Back to the location (card pages are not in the nav); the category badge under the title
    leads to the category."""
    return (
        '<nav class="bk-crumbs" aria-label="Kruimelpad" data-search-exclude><ol>'
        f'<li><a href="../">{esc(location.naam)}</a></li>'
        "</ol></nav>"
    )


def category_badge(category: str, href: str | None = None) -> str:
    """The category's colour, icon and name; a link to the category's page when ``href`` is given."""
    style = CATEGORY_STYLES[category]
    inner = f"{icon(style.icon)}<span>{esc(style.label)}</span>"
    if href:
        inner = f'<a href="{esc(href)}">{inner}</a>'
    return f'<p class="bk-badge" style="background:{style.colour}">{inner}</p>'


def _facts(card: Card, location: Location) -> str:
    rows = []
    if card.adres:
        rows.append(("Adres", esc(card.adres)))
    if card.coordinaten:
        d = card.distance
        outside = " (buiten de zoekstraal)" if d > location.zoekstraal else ""
        rows.append(("Afstand", f"{esc(format_distance(d))} van {esc(location.naam)}{outside}"))
    else:
        rows.append(("Afstand", "Nog niet op de kaart (geen coördinaten)"))
    if card.wanneer:
        rows.append(("Wanneer", esc(card.wanneer)))
    rows.append(("Status", esc(STATUSES[card.status])))
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="bk-facts">{items}</dl>'


def _answer(question: str, text: str | None) -> str:
    return _section(question, f"<p>{esc(text)}</p>" if text else '<p class="bk-unknown">Nog niet ingevuld.</p>')


def _section(title: str, inner: str) -> str:
    return f"<h2>{esc(title)}</h2>\n{inner}" if inner else ""


def _list(title: str, items: list[str]) -> str:
    if not items:
        return ""
    return _section(title, "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")


def accessibility_html(card: Card) -> str:
    """Each accessibility answer as icon + label + answer in words (never colour alone)."""
    access = card.toegankelijkheid
    if access is None:
        return '<p class="bk-unknown">Nog niet bekeken.</p>'
    items = []
    for key, label in ACCESS_KEYS.items():
        answer = getattr(access, key)
        icon_before(f".bk-access .bk-{answer} > span::before", ANSWER_ICONS[answer])  # the yes/no mark
        items.append(
            f'<li class="bk-{answer}">{icon(ACCESS_ICONS[key])}'
            f"<span>{esc(label)}: <strong>{esc(answer)}</strong></span></li>"
        )
    note = f"<p>{esc(access.toelichting)}</p>" if access.toelichting else ""
    return f'<ul class="bk-access">{"".join(items)}</ul>{note}'


def _contact(card: Card, public: bool) -> str:
    c = card.contact
    if c is None or not any((c.naam, c.telefoon, c.email, c.website, c.social)):
        return '<p class="bk-unknown">Nog geen contactgegevens.</p>'
    rows = []
    if c.naam and not public:
        rows.append(("Contactpersoon", esc(c.naam)))
    if c.telefoon and not public:
        rows.append(("Telefoon", link(tel_href(c.telefoon), c.telefoon)))
    if c.email and not public:
        rows.append(("E-mail", link(f"mailto:{c.email}", c.email)))
    if c.website:
        rows.append(("Website", link(c.website, c.website, rel="noreferrer")))
    for url in c.social:
        rows.append(("Social media", link(url, url, rel="noreferrer")))
    if not rows:
        return '<p class="bk-unknown">Contactgegevens staan alleen in de interne versie.</p>'
    return '<dl class="bk-facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _tags(card: Card) -> str:
    if not card.tags:
        return ""
    links = " ".join(f'<a href="../../tags/#{esc(tag_anchor(t))}">{esc(t)}</a>' for t in card.tags)
    return f'<p class="bk-tags">{icon("tag")}<span class="bk-sr">Thema\'s: </span>{links}</p>'


def tag_anchor(tag: str) -> str:
    """Id of a tag's section on the tags page."""
    return "tag-" + (slugify(tag) or "x")


def _dates(card: Card) -> str:
    rows = []
    if card.bezocht:
        rows.append(f"Gevonden op {dutch_date(card.bezocht)}")
    if card.gecontroleerd:
        rows.append(f"Gegevens gecontroleerd op {dutch_date(card.gecontroleerd)}")
    if card.last_change:
        rows.append(f"Laatst gewijzigd op {dutch_date(card.last_change)}")
    rows.append(f"Bronbestand: <code>{esc(card.path)}</code>")
    return '<p class="bk-dates">' + " · ".join(rows) + "</p>"


def _edit(url: str | None) -> str:
    if not url:
        return ""
    return (
        f'<p class="bk-edit"><a href="{esc(url)}" rel="noreferrer">{icon("file-edit-outline")}'
        "<span>Bewerk deze kaart</span></a></p>"
    )

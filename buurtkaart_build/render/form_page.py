"""``/<locatie>/nieuwe-vondst/``: a form that writes a new card, without YAML.

The fields come from the model (:func:`.form_spec.fields`), the labels from the templates'
questions; the script (``buurtkaart-form.js``) turns the answers into exactly the text
``buurtkaart new`` writes and checks them with ``check``'s rules and messages. Everything the
script needs travels as one inert JSON object; card data never enters HTML or script source.
"""

from __future__ import annotations

import functools

from ..core.choices import CATEGORIES
from ..core.models import Card, Location
from ..core.slugs import FORM_SLUG, RESERVED_CARD_SLUGS, slugify
from .form_rules import location_rules
from .form_spec import MEMBER_LABELS, form_spec
from .html import ASSET_DIR, block, esc, icon, page_meta
from .maps import safe_attribution, script_json
from .options import SiteOptions
from .style import CATEGORY_STYLES

FORM_PAGE = FORM_SLUG
DATA_ID = "bk-formulier-data"
_INPUT_TYPES = {"telefoon": "tel", "email": "email", "link": "url", "datum": "date"}
_AUTOCOMPLETE = {"contact.naam": "off", "contact.telefoon": "off", "contact.email": "off"}


@functools.cache
def _spec() -> dict:
    return form_spec()


def form_data(location: Location, cards: list[Card], options: SiteOptions, themes: list[str]) -> dict:
    """The page's JSON: the form spec, this location, the ways out."""
    git = options.git
    new_root = git.new_root() if git else None
    return {
        **_spec(),
        "locatie": {"slug": location.slug, "naam": location.naam, **location_rules(location)},
        "bezet": sorted({slugify(c.path.rsplit("/", 1)[-1].removesuffix(".md")) for c in cards} | RESERVED_CARD_SLUGS),
        "themas": themes,
        "tegels": {"url": options.tiles_url, "bron": safe_attribution(options.tiles_attribution)},
        "adreszoeker": options.address_search,
        "git": {"soort": git.kind, "naam": git.label, "nieuw": new_root} if git and new_root else None,
        "leaflet_beelden": f"../../{ASSET_DIR}/vendor/leaflet/images/",
    }


def form_page(location: Location, cards: list[Card], options: SiteOptions, themes: list[str]) -> str:
    """``<locatie>/nieuwe-vondst.md``."""
    spec = _spec()
    assets = f"../../{ASSET_DIR}"
    parts = [
        f"<h1>Vondst toevoegen — {esc(location.naam)}</h1>",
        _intro(options),
        "<noscript><p>Dit formulier werkt alleen met JavaScript. Gebruik anders het sjabloon: zie "
        '<a href="../../help/vondst-toevoegen/">Een vondst toevoegen</a>.</p></noscript>',
        f'<form id="bk-vondst" class="bk-form" novalidate data-locatie="{esc(location.slug)}">',
        _categories(),
        '<div id="bk-vragen" hidden>',
        "<h2>2. Vertel over de vondst</h2>",
        *(_field(f, spec, options) for f in _top_level(spec["velden"])),
        '<div class="bk-field"><label for="bk-notities">Aantekeningen: wat zag en hoorde je?</label>'
        '<p class="bk-hint" id="bk-notities-hint">Komt onder de vragen op de kaart. Je mag alles opschrijven '
        "wat je opviel.</p>"
        '<textarea id="bk-notities" name="notities" rows="5" aria-describedby="bk-notities-hint"></textarea></div>',
        "</div>",
        "</form>",
        _result(options),
        f'<datalist id="bk-themas">{"".join(f"<option value={_q(t)}></option>" for t in themes)}</datalist>',
        f'<script type="application/json" id="{DATA_ID}">{script_json(form_data(location, cards, options, themes))}'
        "</script>",
        f'<link rel="stylesheet" href="{assets}/vendor/leaflet/leaflet.css">',
        f'<link rel="stylesheet" href="{assets}/js/buurtkaart-form.css">',
        f'<script src="{assets}/vendor/leaflet/leaflet.js"></script>',
        f'<script src="{assets}/js/buurtkaart-form-core.js"></script>',
        f'<script src="{assets}/js/buurtkaart-form.js"></script>',
    ]
    meta = page_meta(
        f"Vondst toevoegen — {location.naam}",
        description="Een nieuwe vondst, zonder YAML",
        hide=["toc"],
        search={"exclude": True},  # a tool, not content: keeps the search index as it was
    )
    return meta + block("\n".join(parts), "bk-form-page")


def _q(value: str) -> str:
    return f'"{esc(value)}"'


def _intro(options: SiteOptions) -> str:
    search = (
        " Alleen wat je in het adreszoekvak typt, gaat naar de adreszoeker van de overheid (PDOK)."
        if options.address_search
        else ""
    )
    return (
        '<p class="bk-lead">Kies wat voor vondst het is en beantwoord de vragen. Onderaan staat dan de kaart '
        "als tekst, klaar om op te slaan. Weet je iets niet? Laat het leeg.</p>"
        "<p>Wat je typt, blijft in deze browser bewaard tot je het formulier leegmaakt, ook als je het "
        f"tabblad sluit. Er gaat niets naar buiten tot je zelf op opslaan, downloaden of kopiëren klikt.{search}</p>"
    )


def _categories() -> str:
    options = "".join(
        f'<label class="bk-choice bk-cat"><input type="radio" name="categorie" value="{esc(slug)}">'
        f'<span class="bk-cat-label">{icon(style.icon)}<span>{esc(CATEGORIES[slug])}</span></span></label>'
        for slug, style in CATEGORY_STYLES.items()
    )
    return f'<fieldset class="bk-categorie"><legend>1. Wat voor vondst is het?</legend>{options}</fieldset>'


def _top_level(fields: list[dict]) -> list[dict]:
    """Fields in model order; a group carries its members (``leden``)."""
    out: list[dict] = []
    for field in fields:
        if field["pad"] == "categorie":
            continue
        if "." in field["pad"]:
            out[-1].setdefault("leden", []).append(field)
        else:
            out.append(dict(field))
    return out


def _label(field: dict, spec: dict) -> str:
    """Until a category is chosen: a neutral label (the script shows the category's own question)."""
    path = field["pad"]
    for template in spec["sjablonen"].values():
        if path in template["vragen"]:
            return template["vragen"][path][0]
    return MEMBER_LABELS.get(path) or path.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def _ids(path: str) -> tuple[str, str, str]:
    base = "bk-" + path.replace(".", "-").replace("_", "-")
    return base, base + "-hint", base + "-fout"


def _field(field: dict, spec: dict, options: SiteOptions) -> str:
    kind, path = field["soort"], field["pad"]
    if kind == "groep":
        members = "".join(_field(m, spec, options) for m in field.get("leden", []))
        legend = f'<legend data-vraag="{esc(path)}">{esc(_label(field, spec))}</legend>'
        return f'<fieldset class="bk-group" data-veld="{esc(path)}">{legend}{members}</fieldset>'
    if kind == "coordinaten":
        return _place(field, spec, options)
    if kind == "keuze":
        return _choice(field, spec)
    if kind == "lijst":
        return _list(field, spec)
    ident, hint, error = _ids(path)
    described = f'aria-describedby="{hint} {error}"'
    required = " required" if field.get("verplicht") else ""
    if kind == "tekstvak":
        control = f'<textarea id="{ident}" name="{esc(path)}" rows="3" {described}></textarea>'
    else:
        kind_type = _INPUT_TYPES.get(kind, "text")
        auto = _AUTOCOMPLETE.get(path, "off")
        control = (
            f'<input id="{ident}" name="{esc(path)}" type="{kind_type}" autocomplete="{auto}" {described}{required}>'
        )
    return (
        f'<div class="bk-field" data-veld="{esc(path)}"><label for="{ident}" data-vraag="{esc(path)}">'
        f"{esc(_label(field, spec))}</label>"
        f'<p class="bk-hint" id="{hint}"></p>{control}<p class="bk-fout" id="{error}" hidden></p></div>'
    )


def _choice(field: dict, spec: dict) -> str:
    path = field["pad"]
    ident, hint, _error = _ids(path)
    radios = "".join(
        f'<label class="bk-choice"><input type="radio" name="{esc(path)}" value="{esc(value)}">'
        f"<span>{esc(label)}</span></label>"
        for value, label in field["keuzes"]
    )
    return (
        f'<fieldset class="bk-field bk-choices" data-veld="{esc(path)}" id="{ident}" aria-describedby="{hint}">'
        f'<legend data-vraag="{esc(path)}">{esc(_label(field, spec))}</legend>'
        f'<p class="bk-hint" id="{hint}"></p>{radios}</fieldset>'
    )


def _list(field: dict, spec: dict) -> str:
    path = field["pad"]
    ident, hint, error = _ids(path)
    datalist = ' list="bk-themas"' if path == "tags" else ""
    kind = _INPUT_TYPES.get(field.get("items", ""), "text")
    items = "".join(
        f'<li><input name="{esc(path)}" type="{kind}" autocomplete="off" aria-label="{esc(_label(field, spec))}: '
        f'punt {n}"{datalist}></li>'
        for n in (1, 2)
    )
    return (
        f'<fieldset class="bk-field bk-list" data-veld="{esc(path)}" id="{ident}" aria-describedby="{hint} {error}">'
        f'<legend data-vraag="{esc(path)}">{esc(_label(field, spec))}</legend><p class="bk-hint" id="{hint}"></p>'
        f'<ul class="bk-items">{items}</ul><button type="button" class="md-button bk-more">Nog een punt</button>'
        f'<p class="bk-fout" id="{error}" hidden></p></fieldset>'
    )


def _place(field: dict, spec: dict, options: SiteOptions) -> str:
    path = field["pad"]
    ident, hint, error = _ids(path)
    search = ""
    if options.address_search:
        search = (
            '<div class="bk-search"><label for="bk-adres-zoek">Zoek een adres</label>'
            '<input id="bk-adres-zoek" type="search" autocomplete="off" aria-describedby="bk-adres-zoek-hint" '
            'aria-controls="bk-suggesties">'
            '<p class="bk-hint" id="bk-adres-zoek-hint">Typ straat en huisnummer; kies daarna een adres uit de lijst. '
            "Wat je hier typt, gaat naar PDOK, de adreszoeker van de overheid.</p>"
            '<ul id="bk-suggesties" class="bk-suggestions" aria-label="Gevonden adressen"></ul></div>'
        )
    return (
        f'<fieldset class="bk-field bk-place" data-veld="{esc(path)}"><legend data-vraag="{esc(path)}">'
        f"{esc(_label(field, spec))}</legend>"
        '<p class="bk-hint">Klik op de kaart waar het is, of sleep de speld. De stippellijn is de zoekstraal.</p>'
        f"{search}"
        '<p><button type="button" class="md-button" id="bk-mijn-locatie">Gebruik mijn locatie</button></p>'
        '<div id="bk-kaart" class="bk-form-map" role="application" aria-label="Kaart: klik om de plek te kiezen"></div>'
        f'<label for="{ident}">Coördinaten (breedtegraad, lengtegraad)</label>'
        f'<p class="bk-hint" id="{hint}">Vult zich vanzelf. Je mag ook zelf getallen typen of een link van '
        "Google Maps of OpenStreetMap plakken.</p>"
        f'<input id="{ident}" name="{esc(path)}" type="text" inputmode="decimal" autocomplete="off" '
        f'aria-describedby="{hint} {error} bk-plek-melding">'
        f'<p class="bk-fout" id="{error}" hidden></p><p id="bk-plek-melding" class="bk-warning" role="status"></p>'
        "</fieldset>"
    )


def _result(options: SiteOptions) -> str:
    git = options.git
    send = (
        f'<a class="md-button md-button--primary" id="bk-naar-git" href="#" target="_blank" '
        f'rel="noopener noreferrer">Opslaan op {esc(git.label)}</a>'
        if git and git.new_root()
        else ""
    )
    return (
        '<section id="bk-resultaat" class="bk-result" hidden aria-labelledby="bk-resultaat-kop">'
        '<h2 id="bk-resultaat-kop">3. De kaart als tekst</h2>'
        '<div id="bk-meldingen" class="bk-messages" role="status" aria-live="polite"></div>'
        '<p>Bestandsnaam: <code id="bk-bestandsnaam"></code></p>'
        '<label for="kaarttekst">Tekst van de kaart (alleen lezen)</label>'
        '<textarea id="kaarttekst" readonly rows="14" spellcheck="false"></textarea>'
        f'<p class="bk-buttons">{send}'
        '<button type="button" class="md-button" id="bk-download">Download het bestand</button>'
        '<button type="button" class="md-button" id="bk-kopieer">Kopieer de tekst</button>'
        '<button type="button" class="md-button" id="bk-wis">Formulier leegmaken</button></p>'
        '<div id="bk-stappen" class="bk-steps" role="status"></div>'
        "</section>"
    )

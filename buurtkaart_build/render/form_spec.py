"""What the form page needs, made from the models and the templates: one JSON-ready dict.

- ``velden``: every front-matter field of the card model, walked from the Pydantic model (a
  field added to the model appears without touching the form), with its kind and choices
  (from the models' own ``Literal``s and answer types).
- ``sjablonen``: per category the template as lines (:func:`..core.card_text.template_lines`) and
  the questions above each key, which become the form's labels.
- ``regels``: the checks a browser can do, with the exact Dutch messages of ``buurtkaart
  check``. The messages are not typed twice: each is produced by running the real check on a
  sample card and cutting the sample value out (:mod:`.form_rules`).
"""

from __future__ import annotations

import re
import typing
from typing import Annotated, Literal, get_args, get_origin

from pydantic import BaseModel

from ..core.card_text import NOTES, WHITESPACE, template_lines
from ..core.choices import ACCESS_KEYS, CATEGORIES, STATUSES
from ..core.fields import parse_coordinates, parse_date, parse_email, parse_phone, parse_web_link
from ..core.models import CardFront
from ..core.slugs import _LETTERS, RESERVED_CARD_SLUGS
from ..core.templates import template_text
from .form_rules import browser_rules

# Text fields whose answer may take a few sentences: a text area instead of one line.
LONG_TEXT = {"wat_doen_ze", "voor_de_buurt", "toegankelijkheid.toelichting"}
# Short labels for group members that have no question of their own in the templates.
MEMBER_LABELS = {
    **ACCESS_KEYS,
    "contact.naam": "Naam van de contactpersoon",
    "contact.telefoon": "Telefoon",
    "contact.email": "E-mail",
    "contact.website": "Website",
    "contact.social": "Social media (links)",
}
_KIND_OF_PARSER = {
    parse_coordinates: "coordinaten",
    parse_date: "datum",
    parse_phone: "telefoon",
    parse_email: "email",
    parse_web_link: "link",
}
CHOICE_LABELS = {"categorie": CATEGORIES, "status": STATUSES}


def fields(model: type[BaseModel] = CardFront, prefix: str = "") -> list[dict]:
    """The model's fields in order, groups flattened to dotted paths (``contact.telefoon``)."""
    out: list[dict] = []
    for name, info in model.model_fields.items():
        path = prefix + name
        annotation = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        group = _model_in(annotation)
        if group is not None:
            out.append({"pad": path, "soort": "groep"})
            out += fields(group, path + ".")
            continue
        field = {"pad": path, **_kind(annotation, path)}
        if info.is_required():
            field["verplicht"] = True
        if isinstance(info.default, str):
            field["standaard"] = info.default
        limit = next((m.max_length for m in info.metadata if getattr(m, "max_length", None)), None)
        if limit:
            field["max"] = limit
        if field["soort"] != "overslaan":
            out.append(field)
    return out


def _kind(annotation: object, path: str) -> dict:
    parsers = set(_validators(annotation))
    origin = get_origin(_unwrap(annotation))
    if origin is list:
        item = get_args(_unwrap(annotation))[0]
        if _model_in(item) is not None:
            return {"soort": "overslaan"}  # a list of groups (photos): not in this form
        return {"soort": "lijst", "items": _kind(item, path)["soort"]}
    for parser, kind in _KIND_OF_PARSER.items():
        if parser in parsers:
            return {"soort": kind}
    choices = _choices(annotation)
    if choices:
        labels = CHOICE_LABELS.get(path.split(".")[-1], {})
        return {"soort": "keuze", "keuzes": [[c, labels.get(c, c)] for c in choices]}
    return {"soort": "tekstvak" if path in LONG_TEXT else "tekst"}


def _unwrap(annotation: object) -> object:
    """``Annotated[X, ...]`` → ``X``; ``X | None`` → ``X``."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) in (typing.Union, _UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


_UnionType = type(int | None)


def _validators(annotation: object):
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        for item in meta:
            func = getattr(item, "func", None)
            if func is not None:
                yield func
        yield from _validators(base)
    elif get_origin(annotation) in (typing.Union, _UnionType):
        for arg in get_args(annotation):
            yield from _validators(arg)


def _choices(annotation: object) -> list[str]:
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        for item in meta:
            enum = getattr(item, "json_schema", None) or {}
            if isinstance(enum, dict) and "enum" in enum:
                return list(enum["enum"])
        return _choices(base)
    if get_origin(annotation) is Literal:
        return list(get_args(annotation))
    if get_origin(annotation) in (typing.Union, _UnionType):
        return next((c for a in get_args(annotation) if (c := _choices(a))), [])
    return []


def _model_in(annotation: object) -> type[BaseModel] | None:
    plain = _unwrap(annotation)
    return plain if isinstance(plain, type) and issubclass(plain, BaseModel) else None


def questions(structure: dict, kinds: dict[str, str]) -> dict[str, list[str]]:
    """The comment lines right above each key of a template: ``[question, hint]``.

    The question is the first sentence, the hint the rest. Hints about writing YAML (lists,
    coordinates from Google Maps, "Kies: ja, nee …") are left out: the form's controls do that.
    """
    out: dict[str, list[str]] = {}
    block: list[str] = []
    for line in structure["regels"]:
        text = line["t"] or ""
        if text.startswith("#"):
            block.append(text.lstrip("#").strip())
            continue
        if "veld" in line and block:
            match = _SENTENCE.match(_without_choice_hint(" ".join(block)))
            label, hint = (match[1], match[2] or "") if match else (" ".join(block), "")
            out[line["veld"]] = [label, "" if kinds.get(line["veld"]) in ("lijst", "coordinaten") else hint]
        block = []
    return out


_SENTENCE = re.compile(r"^(.+?[?.])(?:\s+(.*))?$")


def _without_choice_hint(text: str) -> str:
    """ "… Kies: ja, nee of onbekend." is what the form's buttons already say."""
    return re.sub(r"\s*Kies( bij elk punt)?: [^.]*\.", "", text).strip()


def shown(structures: dict[str, dict]) -> dict[str, list[str]]:
    """Per category the fields its template asks, plus model fields no template has yet."""
    present = {c: {r["veld"] for r in s["regels"] if "veld" in r and r["t"] is not None} for c, s in structures.items()}
    anywhere = set().union(*present.values())
    return {
        c: [r["veld"] for r in s["regels"] if "veld" in r and (r["veld"] in present[c] or r["veld"] not in anywhere)]
        for c, s in structures.items()
    }


def form_spec(model: type[BaseModel] = CardFront) -> dict:
    """Everything the form's script needs except the location: JSON-ready, deterministic."""
    velden = fields(model)
    paths = [f["pad"] for f in velden]
    kinds = {f["pad"]: f["soort"] for f in velden}
    structures = {c: template_lines(template_text(c), paths) for c in CATEGORIES}
    visible = shown(structures)
    sjablonen = {c: {**s, "vragen": questions(s, kinds), "toon": visible[c]} for c, s in structures.items()}
    return {
        "velden": velden,
        "labels": MEMBER_LABELS,
        "sjablonen": sjablonen,
        "regels": browser_rules(),
        "witruimte": [ord(c) for c in WHITESPACE],
        "notities": NOTES,
        "letters": {chr(k): v for k, v in sorted(_LETTERS.items())},
        "gereserveerd": sorted(RESERVED_CARD_SLUGS),
    }

"""Turn raw documents into models, translating every Pydantic error into a Dutch problem."""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel, ValidationError

from .choices import ACTION_STATUSES, CATEGORIES, STATUSES
from .errors import Problem
from .load import RawDoc, key_lines
from .models import CardFront, LocationFront

_LIST_FIELDS = {"aanbod", "vraag", "tags", "social", "mobiliteit", "behoeften", "voorwaarden", "acties"}


def validate_doc(doc: RawDoc, model: type[BaseModel]) -> BaseModel | None:
    """Validate a raw document; append Dutch problems to ``doc.problems`` on failure."""
    try:
        return model.model_validate(doc.meta)
    except ValidationError as exc:
        lines = key_lines(doc)
        errors = exc.errors(include_url=False)
        for err in errors[:MAX_PROBLEMS]:
            doc.problems.append(_problem(doc, err, model, lines))
        if len(errors) > MAX_PROBLEMS:
            doc.problems.append(
                Problem(
                    doc.path,
                    _line_of(tuple(errors[MAX_PROBLEMS]["loc"]), lines),  # sorts after the ones shown
                    None,
                    f"nog {len(errors) - MAX_PROBLEMS:,} fouten in dit bestand worden niet getoond. ".replace(",", ".")
                    + "Verbeter eerst de fouten hierboven en controleer dan opnieuw.",
                )
            )
        return None


# A file of 20,000 unknown keys gave 20,000 messages and took 5 s; nobody reads past a few.
MAX_PROBLEMS = 50


def _problem(doc: RawDoc, err: dict, model: type[BaseModel], lines: dict[tuple, int]) -> Problem:
    loc = tuple(err["loc"])
    field = ".".join(_field_parts(loc)) or None
    line = _line_of(loc, lines)
    return Problem(doc.path, line, field, _message(err, model, loc, field))


def _field_parts(loc: tuple) -> list[str]:
    # ('aanbod', 2, 'Item', 'wat') → ['aanbod', 'wat']: drop indexes and model names.
    return [p for p in loc if isinstance(p, str) and not p[:1].isupper()]


def _line_of(loc: tuple, lines: dict[tuple, int]) -> int | None:
    path = tuple(p for p in loc if not (isinstance(p, str) and p[:1].isupper()))
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def _message(err: dict, model: type[BaseModel], loc: tuple, field: str | None) -> str:
    kind, value = err["type"], err.get("input")
    name = field or "?"
    if kind == "missing":
        return f"het verplichte veld '{loc[-1]}' ontbreekt. Voeg een regel '{loc[-1]}: …' toe."
    if kind == "extra_forbidden":
        return _unknown_key(str(loc[-1]), model, loc)
    if kind == "literal_error" and loc[-1] == "categorie":
        return f"onbekende categorie '{_short(value)}'. Kies uit: {', '.join(CATEGORIES)}."
    if kind == "literal_error" and loc[-1] == "status" and "acties" in loc:
        return f"onbekende status '{_short(value)}' bij een actie. Kies uit: {', '.join(ACTION_STATUSES)}."
    if kind == "literal_error" and loc[-1] == "status":
        return f"onbekende status '{_short(value)}'. Kies uit: {', '.join(STATUSES)}."
    if kind == "literal_error":
        return f"'{_short(value)}' kan niet bij '{name}'. Kies uit: {err['ctx']['expected'].replace(' or ', ', ')}."
    if kind in ("too_short", "string_too_short"):
        return f"'{name}' is leeg. Vul een waarde in of haal de regel weg."
    if kind in ("too_long", "string_too_long"):
        limit = err.get("ctx", {}).get("max_length")
        return f"'{name}' is te lang (maximaal {limit} tekens). Maak de tekst korter."
    if kind in ("list_type",) or (loc and loc[-1] in _LIST_FIELDS and kind.endswith("_type")):
        return f"'{name}' moet een lijst zijn: zet elk punt op een eigen regel die begint met '- '."
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"'{name}' moet een groep velden zijn (ingesprongen regels 'naam: waarde'), niet '{_short(value)}'."
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"'{_short(value)}' past niet bij '{name}'. Schrijf één tekst achter de dubbele punt."
    return err["msg"]  # our own converters already speak Dutch


def _unknown_key(key: str, model: type[BaseModel], loc: tuple) -> str:
    known = list(_known_keys(model, loc[:-1]))
    guess = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    hint = f" — bedoel je '{guess[0]}'?" if guess else f". Toegestane velden: {', '.join(known)}."
    return f"onbekend veld '{_short(key)}'{hint}"


def _known_keys(model: type[BaseModel], parent: tuple) -> list[str]:
    current: type[BaseModel] = model
    for part in parent:
        if not isinstance(part, str) or part[:1].isupper():
            continue
        info = current.model_fields.get(part)
        sub = _model_in(info.annotation) if info else None
        if sub is None:
            return []
        current = sub
    return list(current.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _model_in(origin) if origin not in (None, annotation) else None


def _short(value: object, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate_card(doc: RawDoc) -> CardFront | None:
    return validate_doc(doc, CardFront)  # type: ignore[return-value]


def validate_location(doc: RawDoc) -> LocationFront | None:
    return validate_doc(doc, LocationFront)  # type: ignore[return-value]

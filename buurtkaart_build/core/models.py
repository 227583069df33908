"""Pydantic models of a card (one finding) and an inventory (one location). Design §4."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, WithJsonSchema, model_validator

from .choices import ACCESS_KEYS, ACTION_STATUSES, CATEGORIES, FROM_WHOM, STATUSES
from .fields import (
    CardPath,
    Coordinates,
    Date,
    Email,
    JaNee,
    JaNeeDeels,
    Phone,
    Radius,
    Tag,
    Text,
    TextList,
    Wanneer,
    WebLink,
)
from .slugs import slugify

Title = Annotated[Text, StringConstraints(min_length=1, max_length=200)]
Category = Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]
Status = Literal[tuple(STATUSES)]  # type: ignore[valid-type]
AccessKey = Literal[tuple(ACCESS_KEYS)]  # type: ignore[valid-type]
FromWhom = Literal[tuple(FROM_WHOM)]  # type: ignore[valid-type]
ActionStatus = Literal[tuple(ACTION_STATUSES)]  # type: ignore[valid-type]


def _lower(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


def _from_whom(value: object) -> object:
    value = _lower(value)
    return "cliënten" if value in ("clienten", "client", "cliënt", "bewoners") else value


# Empty, or YAML's way of writing "nothing" (``~``, ``null``), which the string loader keeps as text.
_NOTHING = ("", "~", "null")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_not_filled_in(cls, data: object) -> object:
        """``telefoon:`` with nothing after it means "not known yet", not "invalid phone number"."""
        if not isinstance(data, dict):
            return data
        optional = _optional_keys(cls)
        # Blank optional values (see _NOTHING) are left out; written inline: this runs for every key of every card.
        return {
            k: v
            for k, v in data.items()
            if not (k in optional and isinstance(v, str) and v.strip().lower() in _NOTHING)
        }


@functools.cache
def _optional_keys(model: type[BaseModel]) -> frozenset[str]:
    """The keys a coordinator may leave out; once per model, not once per card."""
    return frozenset(name for name, info in model.model_fields.items() if not info.is_required())


class Accessibility(Strict):
    """Answers to "is the place reachable and accessible?" of the instruction card."""

    bereikbaar: JaNeeDeels = "onbekend"
    rolstoel: JaNeeDeels = "onbekend"
    lift: JaNeeDeels = "onbekend"
    invalidetoilet: JaNeeDeels = "onbekend"
    prikkelarm: JaNeeDeels = "onbekend"
    toelichting: Text | None = None


class Contact(Strict):
    naam: Text | None = None
    telefoon: Phone | None = None
    email: Email | None = None
    website: WebLink | None = None
    social: Annotated[list[WebLink], TextList] = []


def _photo(value: object) -> object:
    return {"bestand": value} if isinstance(value, str) else value


class Photo(Strict):
    """One photo of the place: a file in the card's folder and what it shows (its alt text).

    ``beschrijving`` is required, but checked by ``core.photos`` (a Dutch message that explains
    why, on the photo's line) rather than here; the JSON Schema marks it required.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra={"required": ["bestand", "beschrijving"]})

    bestand: Title
    beschrijving: Text | None = None


PhotoOrText = Annotated[Photo, BeforeValidator(_photo)]


class CardFront(Strict):
    """The front-matter of a card: exactly the keys a coordinator may write."""

    titel: Title
    categorie: Annotated[Category, BeforeValidator(_lower)]
    samenvatting: Text | None = None
    adres: Text | None = None
    coordinaten: Coordinates | None = None
    wat_doen_ze: Text | None = None
    voor_de_buurt: Text | None = None
    kent_ons: JaNee = "onbekend"
    toegankelijkheid: Accessibility | None = None
    contact: Contact | None = None
    aanbod: Annotated[list[Text], TextList] = []
    vraag: Annotated[list[Text], TextList] = []
    tags: Annotated[list[Tag], TextList] = []
    wanneer: Wanneer | None = None
    status: Annotated[Status, BeforeValidator(_lower)] = "nieuw"
    bezocht: Date | None = None
    gecontroleerd: Date | None = None
    fotos: Annotated[list[PhotoOrText], TextList] = []


class Card(CardFront):
    """A validated card plus where it lives. Built by :func:`Card.of`, never from user keys."""

    locatie: str
    slug: str
    path: str
    body: str = ""
    last_change: dt.date | None = None
    distance: float | None = None  # metres to its location; set once at load

    @classmethod
    def of(
        cls,
        front: CardFront,
        *,
        locatie: str,
        slug: str,
        path: str,
        body: str,
        last_change: dt.date | None = None,
        distance: float | None = None,
    ) -> Card:
        """The card of a validated front-matter: what ``model_construct`` makes, built directly.

        ``model_construct`` looks up aliases and defaults for every field, which made it a
        tenth of loading 10,000 cards. ``last_change`` and ``distance``, when known, count as
        set, as after ``model_copy(update=...)``.
        """
        values = {
            **front.__dict__,
            "locatie": locatie,
            "slug": slug,
            "path": path,
            "body": body,
            "last_change": last_change,
            "distance": distance,
        }
        fields_set = set(_CARD_SET)
        fields_set.update(k for k in ("last_change", "distance") if values[k] is not None)
        card = cls.__new__(cls)
        object.__setattr__(card, "__dict__", values)
        object.__setattr__(card, "__pydantic_fields_set__", fields_set)
        object.__setattr__(card, "__pydantic_extra__", None)
        object.__setattr__(card, "__pydantic_private__", None)
        return card

    @property
    def category_label(self) -> str:
        return CATEGORIES[self.categorie]

    @property
    def url(self) -> str:
        """Site-relative URL of the card page, e.g. ``de-kastanje/bakkerij/``."""
        return f"{self.locatie}/{self.slug}/"


class Item(Strict):
    """One offer or need of a location: what, from whom, themes, accessibility conditions."""

    wat: Title
    van: Annotated[FromWhom, BeforeValidator(_from_whom)] = "locatie"
    tags: Annotated[list[Tag], TextList] = []
    voorwaarden: Annotated[list[Annotated[AccessKey, BeforeValidator(_lower)]], TextList] = []
    gekoppeld: Annotated[list[CardPath], TextList] = []
    past_niet: Annotated[list[CardPath], TextList] = []


def _item(value: object) -> object:
    return {"wat": value} if isinstance(value, str) else value


ItemOrText = Annotated[
    Item,
    BeforeValidator(_item),
    WithJsonSchema({"anyOf": [{"type": "string"}, Item.model_json_schema()]}),  # inline: no $defs entry
]


def _card_ref(value: object) -> object:
    """``cards/de-kastanje/Bakkerij.md``, ``bakkerij.md`` or ``bakkerij`` → ``bakkerij`` (the card's slug)."""
    if not isinstance(value, str):
        return value
    name = value.strip().replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return slugify(name.removesuffix(".md")) or value


class Action(Strict):
    """One action the team agreed on in its meeting (``acties`` in the inventory)."""

    kans: Title
    kaart: Annotated[Text, BeforeValidator(_card_ref)] | None = None
    wie: Text | None = None
    wanneer: Date | None = None
    status: Annotated[ActionStatus, BeforeValidator(_lower)] = "open"


class LocationFront(Strict):
    """The front-matter of an inventory file: one location, its offers and needs."""

    naam: Title
    adres: Text | None = None
    coordinaten: Coordinates
    zoekstraal: Radius = 1000
    mobiliteit: Annotated[list[Text], TextList] = []
    aanbod: Annotated[list[ItemOrText], TextList] = []
    behoeften: Annotated[list[ItemOrText], TextList] = []
    acties: Annotated[list[Action], TextList] = []


class Location(LocationFront):
    slug: str
    path: str
    body: str = ""

    @classmethod
    def of(cls, front: LocationFront, *, slug: str, path: str, body: str) -> Location:
        return cls.model_construct(**dict(front), slug=slug, path=path, body=body)


CARD_KEYS = tuple(CardFront.model_fields)
_CARD_SET = frozenset((*CARD_KEYS, "locatie", "slug", "path", "body"))
LOCATION_KEYS = tuple(LocationFront.model_fields)

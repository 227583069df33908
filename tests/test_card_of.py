"""``Card.of`` builds a card directly: the same object as ``model_construct`` plus ``model_copy``."""

from __future__ import annotations

import datetime as dt

from buurtkaart_build.core.history import with_last_changes
from buurtkaart_build.core.models import Card, CardFront
from buurtkaart_build.core.repository import with_distances

FIELDS = {
    "titel": "Bakkerij De Korenbloem",
    "categorie": "bedrijven",
    "samenvatting": "Brood en koffie.",
    "coordinaten": "52.37, 4.89",
    "contact": {"telefoon": "038 123 45 67"},
    "tags": ["brood", "koffie"],
    "gecontroleerd": "2026-01-05",
}


def old_way(front: CardFront, **where: str) -> Card:
    return Card.model_construct(**dict(front), **where)


def test_card_of_is_what_model_construct_makes():
    front = CardFront.model_validate(FIELDS)
    where = {"locatie": "de-kastanje", "slug": "bakkerij", "path": "cards/de-kastanje/bakkerij.md", "body": "Tekst."}
    new, old = Card.of(front, **where), old_way(front, **where)
    assert new == old
    assert list(new.__dict__) == list(old.__dict__)
    assert new.model_fields_set == old.model_fields_set
    assert new.model_dump_json() == old.model_dump_json()
    assert (new.last_change, new.distance) == (None, None)


def test_last_change_and_distance_count_as_set_like_after_model_copy():
    front = CardFront.model_validate(FIELDS)
    where = {"locatie": "de-kastanje", "slug": "bakkerij", "path": "cards/de-kastanje/bakkerij.md", "body": ""}
    day = dt.date(2026, 2, 1)
    new = Card.of(front, **where, last_change=day, distance=12.5)
    old = old_way(front, **where).model_copy(update={"last_change": day}).model_copy(update={"distance": 12.5})
    assert new == old
    assert new.model_fields_set == old.model_fields_set
    assert list(new.__dict__) == list(old.__dict__)
    copied = new.model_copy(update={"distance": 3.0})  # the fields set stays a set that model_copy can extend
    assert copied.distance == 3.0 and new.distance == 12.5


def test_the_load_helpers_still_work_on_built_cards():
    front = CardFront.model_validate(FIELDS)
    card = Card.of(front, locatie="x", slug="b", path="cards/x/b.md", body="")
    (dated,) = with_last_changes([card], {"cards/x/b.md": dt.date(2026, 3, 1)})
    assert dated.last_change == dt.date(2026, 3, 1) and "last_change" in dated.model_fields_set
    assert with_distances([dated], {}) == [dated]

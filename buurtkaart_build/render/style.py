"""Category colours and icons, shared by pages and maps.

Colours follow the Okabe–Ito palette (distinguishable with colour-blindness), darkened so white
text on them has a contrast of at least 4.5:1; the purple is a deep plum, which stays apart from
the blue for people without red cones (tests/test_colours.py measures all this). Every use pairs
the colour with an icon and a text label, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.choices import CATEGORIES


@dataclass(frozen=True)
class CategoryStyle:
    slug: str
    label: str
    colour: str  # background; white text on it has a contrast ratio ≥ 4.5
    icon: str  # Material Design icon name


CATEGORY_STYLES: dict[str, CategoryStyle] = {
    "ontmoeten": CategoryStyle("ontmoeten", CATEGORIES["ontmoeten"], "#0060a0", "account-group"),
    "organisaties": CategoryStyle("organisaties", CATEGORIES["organisaties"], "#00775a", "domain"),
    "bedrijven": CategoryStyle("bedrijven", CATEGORIES["bedrijven"], "#a64800", "store"),
    "activiteiten": CategoryStyle("activiteiten", CATEGORIES["activiteiten"], "#82175d", "calendar-star"),
}
LOCATION_COLOUR = "#222222"
LOCATION_ICON = "home-heart"

ACCESS_ICONS = {
    "bereikbaar": "walk",
    "rolstoel": "wheelchair",
    "lift": "elevator",
    "invalidetoilet": "human-male-female",
    "prikkelarm": "ear-hearing",
}
ANSWER_ICONS = {
    "ja": "check-circle",
    "nee": "close-circle",
    "deels": "minus-circle",
    "onbekend": "help-circle",
}

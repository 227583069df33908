"""Slugs (the lowercase ``a-z0-9-`` names in file names and URLs) and folded names."""

from __future__ import annotations

import re
import unicodedata

from .choices import CATEGORIES

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

FORM_SLUG = "nieuwe-vondst"  # /<locatie>/nieuwe-vondst/: the form that writes a new card
# Site paths the generator uses itself; a card or location with such a slug would collide.
RESERVED_CARD_SLUGS = frozenset(
    {"index", "kaart", "vraag-en-aanbod", "export", "fotos", "makkelijk-lezen", FORM_SLUG, *CATEGORIES}
    | {"agenda", "actieplan", "op-pad", "poster", "nieuwe-vondst", "qr"}
)
RESERVED_LOCATION_SLUGS = frozenset(
    {"index", "kaart", "tags", "locaties", "help", "assets", "search", "zoeken", "_sjablonen", "sjablonen"}
    | {"agenda", "overzicht", "admin", "export"}
)


# Letters that Unicode does not decompose into a base letter plus accent.
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d"})


def slugify(text: str, max_length: int = 60) -> str:
    """``Café 't Hoekje!`` → ``cafe-t-hoekje`` (accents folded, lowercase, ``-`` between words)."""
    if text.isascii():  # most file names: nothing to fold (and folding would change nothing)
        folded = text
    else:
        folded = unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def fold(text: str) -> str:
    """Lowercase and strip accents: ``Cliënten Café`` → ``clienten cafe``."""
    if text.isascii():  # most text: nothing to strip (and the per-character loop is slow)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_slug(text: str) -> bool:
    return bool(SLUG.match(text))

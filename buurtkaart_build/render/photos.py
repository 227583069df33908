"""Publish a card's photos: upright, without any metadata, resized, WebP plus a JPEG fallback.

A phone photo tells where (GPS) and when it was taken and with which camera; none of that may
reach the site. Every published file is made from the pixels alone: the orientation tag is
applied first (so the photo stands upright without it), colours are converted to sRGB, and a
new image without EXIF, XMP, ICC profile or comments is encoded. Pillow's encoders are
deterministic, so the same photo gives byte-identical files on every build (the bytes depend on
the pinned Pillow and its bundled libwebp/libjpeg).

Decoding and encoding a phone photo takes a fraction of a second; results are cached by the
file's content, so ``mkdocs serve`` does not redo the photos of unchanged cards.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageCms, ImageOps

from ..core.errors import BuurtkaartError, Problem
from ..core.models import Card
from .html import esc

if TYPE_CHECKING:
    from ..core.repository import Repository

LARGE = 1600  # longest side of the photo on the card page (px)
THUMB = 480  # longest side of the thumbnail in lists and map popups (px)
SIZES = {"groot": LARGE, "klein": THUMB}
FORMATS = {"webp": "image/webp", "jpg": "image/jpeg"}
WEBP_QUALITY = 80
JPEG_QUALITY = 82
BACKGROUND = (255, 255, 255)  # transparent parts of a PNG become white (JPEG has no transparency)


class PhotoError(ValueError):
    """The file could not be decoded as an image (the check should have caught it)."""


@dataclass(frozen=True)
class Variant:
    """One published size of a photo, in both formats."""

    width: int
    height: int
    webp: bytes
    jpg: bytes


@dataclass(frozen=True)
class Published:
    """A published photo: one :class:`Variant` per name in :data:`SIZES`."""

    variants: dict[str, Variant]


_CACHE: dict[str, Published] = {}
_CACHE_LIMIT = 256


def publish_file(path: Path) -> Published:
    """Publish the photo at ``path`` (cached by content). Raises :class:`PhotoError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoError(str(exc)) from None
    key = hashlib.sha256(data).hexdigest()
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[key] = publish(data)
    return _CACHE[key]


def publish(data: bytes) -> Published:
    """The photo in every size and format, from its pixels only. Raises :class:`PhotoError`."""
    try:
        with Image.open(io.BytesIO(data)) as source:
            source.draft("RGB", (LARGE, LARGE))  # JPEG: decode at a reduced scale when it is big
            upright = ImageOps.exif_transpose(source)
            pixels = _srgb_pixels(upright)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise PhotoError(str(exc)) from None
    variants = {}
    for name, longest in SIZES.items():
        image = _resized(pixels, longest)
        variants[name] = Variant(image.width, image.height, _encode(image, "WEBP"), _encode(image, "JPEG"))
    return Published(variants)


def _srgb_pixels(image: Image.Image) -> Image.Image:
    """A NEW RGB image with the same pixels in sRGB and an empty ``info``: no metadata survives."""
    icc = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    if icc:
        image = _to_srgb(image, icc)
    return Image.frombytes("RGB", image.size, image.tobytes())


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert from the embedded colour profile to sRGB, so the profile can be dropped."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: keep the pixels as they are


def _resized(image: Image.Image, longest: int) -> Image.Image:
    """At most ``longest`` px on the longest side; never enlarged."""
    copy = image.copy()
    copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    return copy


def _encode(image: Image.Image, kind: str) -> bytes:
    buffer = io.BytesIO()
    if kind == "WEBP":
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4, exif=b"", icc_profile=None)
    else:
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


# --- on the site -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A card's published photo as the pages show it.

    Attributes:
        alt: The card's ``beschrijving`` (escaped where it is used).
        stem: Path below the location's folder without size and extension, e.g. ``fotos/bakker-1``.
        sizes: ``{size name: (width, height)}`` of the published files.
    """

    alt: str
    stem: str
    sizes: dict[str, tuple[int, int]]

    def url(self, size: str, ext: str) -> str:
        return f"{self.stem}-{size}.{ext}"


def photo_stem(card: Card, number: int) -> str:
    """Where photo ``number`` (1-based) of a card is published, below the location's folder."""
    return f"fotos/{card.slug}-{number}"


def photo_links(card: Card) -> list[str]:
    """Site-relative links to the card's large JPEG photos (for the exports)."""
    return [f"{card.locatie}/{photo_stem(card, n)}-groot.jpg" for n in range(1, len(card.fotos) + 1)]


def card_photos(root: Path, card: Card) -> list[tuple[Shown, Published]]:
    """The card's photos, published (cached), in the card's order. Raises :class:`PhotoError`."""
    out = []
    for number, photo in enumerate(card.fotos, start=1):
        published = publish_file((root / card.path).parent / photo.bestand)
        sizes = {name: (v.width, v.height) for name, v in published.variants.items()}
        out.append((Shown(photo.beschrijving or "", photo_stem(card, number), sizes), published))
    return out


SitePhotos = dict[str, list[tuple[Shown, Published]]]


def site_photos(repo: Repository) -> SitePhotos:
    """Every card's published photos by card path; one :class:`BuurtkaartError` with all failures.

    ``check`` has already refused photos it cannot use; this catches a file that changed since.
    Nothing is written here, so a failure leaves the site as it was.
    """
    out: SitePhotos = {}
    problems = []
    for card in repo.cards:
        if not card.fotos:
            continue
        try:
            out[card.path] = card_photos(repo.root, card)
        except PhotoError as exc:
            problems.append(Problem(card.path, None, "fotos", f"een foto kan niet worden gepubliceerd: {exc}"))
    if problems:
        raise BuurtkaartError(problems)
    return out


def photo_files(locatie: str, photos: list[tuple[Shown, Published]]) -> dict[str, bytes]:
    """``{site path: bytes}`` of every size and format, e.g. ``de-kastanje/fotos/bakker-1-groot.webp``."""
    out = {}
    for shown, published in photos:
        for size, variant in published.variants.items():
            out[f"{locatie}/{shown.url(size, 'webp')}"] = variant.webp
            out[f"{locatie}/{shown.url(size, 'jpg')}"] = variant.jpg
    return out


def picture(shown: Shown, size: str, up: str, cls: str = "bk-photo") -> str:
    """``<picture>``: WebP for browsers that have it, JPEG otherwise; ``alt`` is the description.

    Args:
        shown: The photo.
        size: ``groot`` or ``klein``.
        up: Prefix from the page to the location's folder, e.g. ``../``.
        cls: Class of the ``<picture>``.
    """
    width, height = shown.sizes[size]
    lazy = ' loading="lazy"' if size == "klein" else ""
    return (
        f'<picture class="{esc(cls)}">'
        f'<source type="image/webp" srcset="{esc(up + shown.url(size, "webp"))}">'
        f'<img src="{esc(up + shown.url(size, "jpg"))}" alt="{esc(shown.alt)}" width="{width}" height="{height}"'
        f' decoding="async"{lazy}></picture>'
    )

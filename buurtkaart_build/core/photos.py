"""Checks of a card's photos (``fotos:``) before anything is published.

Pure checks that return Dutch messages; the caller turns them into problems with the card's
file, the line of the photo and the field. They run in ``check`` and before every build, so a
build never publishes half: a photo that cannot be used stops the build before a file is written.
"""

from __future__ import annotations

import warnings
from pathlib import Path, PurePosixPath

EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
MAX_BYTES = 20 * 1024 * 1024  # a phone photo is 2–8 MB; larger is a scan or a video still
MAX_PIXELS = 60_000_000  # a 50-megapixel phone camera fits; a decompression bomb does not
EXAMPLE = "fotos/ingang.jpg"


def photo_messages(card_file: Path, bestand: str, beschrijving: str | None) -> list[tuple[str, str]]:
    """Problems of one photo as ``(field, message)``; ``field`` is ``bestand`` or ``beschrijving``.

    Args:
        card_file: The card's file on disk (``bestand`` is relative to its folder).
        bestand: The photo's path as written on the card.
        beschrijving: The description (alt text), or ``None`` when missing.
    """
    out = []
    if not (beschrijving or "").strip():
        out.append(
            (
                "beschrijving",
                f"de foto '{_short(bestand)}' heeft geen beschrijving. Zet onder 'bestand' een regel "
                "'beschrijving: …' die zegt wat er op de foto te zien is, bijvoorbeeld "
                "'de ingang met een brede deur'. Wie de foto niet kan zien, hoort of leest deze tekst.",
            )
        )
    problem = file_message(card_file, bestand)
    if problem:
        out.append(("bestand", problem))
    return out


def file_message(card_file: Path, bestand: str) -> str | None:
    """The first problem of the photo file itself, or ``None`` when it can be published."""
    name = _short(bestand)
    relative = PurePosixPath(bestand.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or ":" in bestand:
        return (
            f"de foto '{name}' staat niet in de map van de kaart. Zet de foto in de map van de kaart "
            f"(bijvoorbeeld in een map 'fotos' ernaast) en schrijf het pad vanaf daar, zoals '{EXAMPLE}'."
        )
    if relative.suffix.lower() not in EXTENSIONS:
        return (
            f"'{name}' is geen foto die de site kan tonen (toegestaan: {', '.join(EXTENSIONS)}). "
            "Sla de foto op als JPEG (.jpg) of PNG; een iPhone doet dat met Instellingen › Camera › "
            "Formaten › 'Meest compatibel'."
        )
    try:
        folder = card_file.parent.resolve()
        path = (folder / relative).resolve()
        inside, exists = path.is_relative_to(folder), path.is_file()
    except (OSError, ValueError):  # a name the file system refuses (too long, a NUL byte)
        inside, exists = True, False
    if not inside:  # a symbolic link that points out of the folder
        return f"de foto '{name}' wijst naar een bestand buiten de map van de kaart. Zet de foto zelf in de map."
    if not exists:
        where = "/".join(p for p in (card_file.parent.name, relative.parent.as_posix()) if p != ".")
        return (
            f"de foto '{name}' bestaat niet. Controleer de naam (hoofdletters tellen mee) en of de foto "
            f"in de map '{_short(where)}' staat."
        )
    return _image_message(path, name)


def _image_message(path: Path, name: str) -> str | None:
    from PIL import Image  # here, not at the top: Pillow is needed only for cards with photos

    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # unreadable: opening it below says so
    if size > MAX_BYTES:
        return (
            f"de foto '{name}' is te groot ({size / 1024 / 1024:.0f} MB; maximaal {MAX_BYTES // 1024 // 1024} MB). "
            "Maak de foto kleiner, bijvoorbeeld door hem te mailen als 'middelgroot'."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                pixels = image.width * image.height
                image.verify()  # structure and checksums (PNG)
            if pixels <= MAX_PIXELS:
                _decode_small(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        pixels = MAX_PIXELS + 1
    except (OSError, ValueError, SyntaxError):
        return (
            f"'{name}' is geen afbeelding of het bestand is kapot. "
            "Open de foto op je computer en sla hem opnieuw op als JPEG (.jpg)."
        )
    if pixels > MAX_PIXELS:
        return (
            f"de foto '{name}' heeft te veel beeldpunten (meer dan {MAX_PIXELS // 1_000_000} miljoen). "
            "Maak de foto kleiner, bijvoorbeeld 4000 bij 3000 beeldpunten."
        )
    return None


def _decode_small(path: Path) -> None:
    """Decode the whole file (a JPEG at 1/8 scale: fast), so a cut-off photo is found now, not in the build."""
    from PIL import Image

    with Image.open(path) as image:
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()


def _short(value: object, limit: int = 60) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""The demo's photos, drawn with Pillow: places, never people, nothing real.

``python tests/demo_photos.py`` writes them into ``cards/de-kastanje/fotos/``; a test checks the
committed files are exactly what this script makes (with the pinned Pillow). The bakery's
photo is stored as a phone stores a photo taken on its side: pixels turned, an orientation tag
(6), and EXIF with a GPS position, a date and a camera, so the tests can show that the site
turns it upright and publishes none of it.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "cards" / "de-kastanje" / "fotos"
SIZE = (1200, 900)
SKY, BRICK, DARK, WHITE = (170, 205, 235), (150, 70, 50), (45, 45, 50), (250, 250, 245)


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def bakery_front() -> Image.Image:
    """A shop front: brick wall, a striped awning, a shop window with loaves, a door, a sign."""
    img = Image.new("RGB", SIZE, SKY)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 120, 1200, 820), fill=BRICK)
    for y in range(120, 820, 30):  # mortar lines
        d.line((0, y, 1200, y), fill=(120, 55, 40), width=2)
    d.rectangle((0, 820, 1200, 900), fill=(120, 120, 120))  # pavement
    d.rectangle((150, 150, 1050, 240), fill=(245, 235, 210))
    d.text((600, 195), "WARME BAKKER", fill=(110, 60, 20), font=_font(64), anchor="mm")
    for i, x in enumerate(range(100, 1100, 100)):  # awning stripes
        d.polygon([(x, 270), (x + 100, 270), (x + 110, 340), (x + 10, 340)], fill=(200, 30, 40) if i % 2 else WHITE)
    d.rectangle((120, 360, 720, 760), fill=(200, 225, 235), outline=DARK, width=12)  # window
    for x in range(170, 680, 110):  # loaves on a shelf
        d.ellipse((x, 600, x + 90, 660), fill=(190, 130, 60), outline=(130, 80, 30), width=4)
    d.rectangle((140, 660, 700, 675), fill=(110, 80, 50))
    d.rectangle((820, 380, 1020, 820), fill=(70, 110, 80), outline=DARK, width=10)  # door
    d.ellipse((980, 590, 1000, 610), fill=(220, 200, 90))
    d.text((920, 450), "OPEN", fill=WHITE, font=_font(44), anchor="mm")
    return img


def pool_entrance() -> Image.Image:
    """An entrance: glass sliding doors, a ramp with a rail, a blue wheelchair sign."""
    img = Image.new("RGB", SIZE, SKY)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 150, 1200, 800), fill=(215, 215, 205))
    d.rectangle((0, 150, 1200, 230), fill=(30, 110, 170))
    d.text((600, 190), "ZWEMBAD", fill=WHITE, font=_font(60), anchor="mm")
    d.rectangle((0, 800, 1200, 900), fill=(120, 120, 120))  # pavement
    d.rectangle((380, 330, 820, 800), fill=(160, 200, 215), outline=DARK, width=10)  # sliding doors
    d.line((600, 330, 600, 800), fill=DARK, width=8)
    d.polygon([(200, 900), (1000, 900), (900, 800), (300, 800)], fill=(150, 150, 150))  # ramp
    d.line((250, 830, 330, 740), fill=DARK, width=10)  # rail
    d.rectangle((880, 360, 1000, 480), fill=(0, 80, 170))  # wheelchair sign
    d.ellipse((930, 375, 950, 395), fill=WHITE)
    d.arc((905, 410, 975, 470), 0, 360, fill=WHITE, width=8)
    d.line((940, 400, 940, 440, 970, 440), fill=WHITE, width=8)
    return img


def park_bench() -> Image.Image:
    """A park: grass, a path, a pond, trees and an empty bench."""
    img = Image.new("RGB", SIZE, SKY)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 420, 1200, 900), fill=(90, 160, 70))
    d.polygon([(500, 900), (700, 900), (640, 420), (600, 420)], fill=(200, 180, 140))  # path
    d.ellipse((780, 560, 1150, 720), fill=(70, 130, 190))  # pond
    for x in (120, 330, 950):
        d.rectangle((x + 40, 280, x + 70, 470), fill=(100, 70, 40))
        d.ellipse((x - 30, 130, x + 140, 320), fill=(40, 120, 50))
    d.rectangle((200, 610, 440, 635), fill=(120, 80, 40))  # bench seat
    d.rectangle((200, 560, 440, 580), fill=(120, 80, 40))
    for x in (215, 415):
        d.rectangle((x, 635, x + 12, 690), fill=DARK)
    return img


def _jpeg(image: Image.Image, exif: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def phone_exif() -> bytes:
    """Orientation 6, a position near the bakery, a date and a camera: what a phone writes."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.DateTime] = "2026:04:16 10:42:07"
    exif[ExifTags.Base.Make] = "Voorbeeldtelefoon"
    exif[ExifTags.Base.Model] = "Demo 1"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 30.0, 41.04)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (6.0, 5.0, 45.6)
    return exif.tobytes()


def demo_photos() -> dict[str, bytes]:
    """``{file name: bytes}`` of the demo photos."""
    # Orientation 6 means "turn 90° clockwise to view": store the picture turned the other way.
    sideways = bakery_front().transpose(Image.Transpose.ROTATE_90)
    return {
        "warme-bakker-korstje-winkel.jpg": _jpeg(sideways, phone_exif()),
        "zwembad-ingang.jpg": _jpeg(pool_entrance()),
        "park-bankje.jpg": _jpeg(park_bench()),
    }


if __name__ == "__main__":
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, data in demo_photos().items():
        (FOLDER / name).write_bytes(data)
        print(f"{FOLDER / name}: {len(data):,} bytes", file=sys.stderr)

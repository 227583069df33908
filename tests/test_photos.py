"""Photos: the checks (core.photos) and publishing without metadata (render.photos)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from photo_files import SECRET_CAMERA, SECRET_DATE, phone_jpeg, png_bytes, stored_pixels
from PIL import Image, ImageChops, ImageStat

from buurtkaart_build.core import photos as checks
from buurtkaart_build.render.photos import SIZES, PhotoError, publish, publish_file

# What Pillow reports for any clean file: the JFIF header (no personal data) and decoder defaults.
HARMLESS_INFO = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "background",
    "loop",
}
# Byte signatures of metadata blocks: EXIF, XMP, ICC, Photoshop/IPTC; and the test photo's own secrets.
SIGNATURES = [b"Exif\x00", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"Photoshop", b"ICCP", b"XMP ", b"EXIF"]


def assert_no_metadata(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif(), "EXIF"
        assert set(image.info) <= HARMLESS_INFO, sorted(image.info)
        assert "xmp" not in image.info and "icc_profile" not in image.info and "comment" not in image.info
    for signature in SIGNATURES:
        assert signature not in data, signature
    for secret in (SECRET_DATE.encode(), SECRET_CAMERA.encode(), b"Geheim"):
        assert secret not in data


def test_the_phone_photo_of_the_test_really_carries_metadata():
    with Image.open(io.BytesIO(phone_jpeg())) as image:
        exif = image.getexif()
        assert exif[0x0112] == 6 and exif[0x0132] == SECRET_DATE
        assert exif.get_ifd(0x8825)[2] == (52.0, 30.0, 36.0)  # GPS latitude
        assert {"xmp", "icc_profile", "comment"} <= set(image.info)


def test_published_photo_has_no_metadata_at_all():
    published = publish(phone_jpeg())
    for variant in published.variants.values():
        for data, kind in ((variant.webp, "WEBP"), (variant.jpg, "JPEG")):
            with Image.open(io.BytesIO(data)) as image:
                assert image.format == kind
            assert_no_metadata(data)


def test_published_photo_stands_upright():
    """Orientation 6 (turned 90° on the side): the pixels are turned, the tag is gone."""
    stored = stored_pixels(80, 40)  # wide: left red, right blue
    upright = stored.rotate(-90, expand=True)  # what the viewer should see: tall, red on top
    variant = publish(phone_jpeg(stored, orientation=6)).variants["groot"]
    assert (variant.width, variant.height) == (40, 80)
    for data in (variant.jpg, variant.webp):
        with Image.open(io.BytesIO(data)) as image:
            image = image.convert("RGB")
            assert image.size == upright.size
            top, bottom = image.getpixel((20, 10)), image.getpixel((20, 70))
            assert top[0] > 180 and top[2] < 60, top  # red on top
            assert bottom[2] > 180 and bottom[0] < 60, bottom  # blue below
            mean = ImageStat.Stat(ImageChops.difference(image, upright)).mean
            assert max(mean) < 10, mean  # the same picture, apart from lossy compression at the edge


def test_reproducible_bytes():
    data = phone_jpeg(stored_pixels(900, 600))
    first, second = publish(data), publish(data)
    assert first == second
    assert first.variants["groot"].webp == second.variants["groot"].webp


def test_resized_to_at_most_1600_and_a_thumbnail():
    published = publish(phone_jpeg(stored_pixels(3200, 1800), orientation=1))
    assert (published.variants["groot"].width, published.variants["groot"].height) == (1600, 900)
    small = published.variants["klein"]
    assert max(small.width, small.height) == SIZES["klein"]
    with Image.open(io.BytesIO(small.jpg)) as image:
        assert image.size == (small.width, small.height)


def test_small_photo_is_not_enlarged():
    published = publish(png_bytes((30, 20), "RGB"))
    assert {(v.width, v.height) for v in published.variants.values()} == {(30, 20)}


def test_transparent_png_gets_a_white_background():
    variant = publish(png_bytes((30, 20), "RGBA")).variants["groot"]
    with Image.open(io.BytesIO(variant.jpg)) as image:
        r, g, b = image.convert("RGB").getpixel((5, 5))
        assert r > 100 and g > 150 and b > 100  # half-transparent green on white: light green


def test_publish_refuses_what_is_not_an_image(tmp_path: Path):
    with pytest.raises(PhotoError):
        publish(b"dit is geen foto")
    (tmp_path / "x.jpg").write_bytes(phone_jpeg()[:300])
    with pytest.raises(PhotoError):
        publish_file(tmp_path / "x.jpg")
    with pytest.raises(PhotoError):
        publish_file(tmp_path / "bestaat-niet.jpg")


def test_publish_file_caches_by_content(tmp_path: Path):
    (tmp_path / "a.jpg").write_bytes(phone_jpeg())
    (tmp_path / "b.jpg").write_bytes(phone_jpeg())
    assert publish_file(tmp_path / "a.jpg") is publish_file(tmp_path / "b.jpg")


# --- checks ----------------------------------------------------------------------------------


@pytest.fixture
def card(tmp_path: Path) -> Path:
    folder = tmp_path / "cards" / "test"
    (folder / "fotos").mkdir(parents=True)
    (folder / "fotos" / "ingang.jpg").write_bytes(phone_jpeg())
    file = folder / "bakkerij.md"
    file.write_text("---\ntitel: x\n---\n", encoding="utf-8")
    return file


def test_a_good_photo_passes(card: Path):
    assert checks.photo_messages(card, "fotos/ingang.jpg", "De ingang met een brede deur") == []


def test_missing_description(card: Path):
    for missing in (None, "", "   "):
        [(field, message)] = checks.photo_messages(card, "fotos/ingang.jpg", missing)
        assert field == "beschrijving"
        assert message.startswith("de foto 'fotos/ingang.jpg' heeft geen beschrijving.")


def test_missing_file_names_the_folder(card: Path):
    [(field, message)] = checks.photo_messages(card, "fotos/ingnag.jpg", "De ingang")
    assert field == "bestand"
    assert message == (
        "de foto 'fotos/ingnag.jpg' bestaat niet. Controleer de naam (hoofdletters tellen mee) "
        "en of de foto in de map 'test/fotos' staat."
    )
    assert "in de map 'test' staat" in checks.file_message(card, "weg.jpg")


@pytest.mark.parametrize("path", ["../andere/foto.jpg", "fotos/../../x.jpg", "/etc/foto.jpg", "C:/foto.jpg"])
def test_path_outside_the_card_folder(card: Path, path: str):
    message = checks.file_message(card, path)
    assert message.startswith(f"de foto '{path}' staat niet in de map van de kaart.")


def test_symbolic_link_out_of_the_folder(card: Path, tmp_path: Path):
    (tmp_path / "geheim.jpg").write_bytes(phone_jpeg())
    (card.parent / "fotos" / "link.jpg").symlink_to(tmp_path / "geheim.jpg")
    assert "buiten de map van de kaart" in checks.file_message(card, "fotos/link.jpg")


@pytest.mark.parametrize("name", ["fotos/ingang.heic", "fotos/ingang.gif", "fotos/ingang", "fotos/film.mp4"])
def test_wrong_extension(card: Path, name: str):
    message = checks.file_message(card, name)
    assert message.startswith(f"'{name}' is geen foto die de site kan tonen (toegestaan: .jpg, .jpeg, .png, .webp).")


@pytest.mark.parametrize("content", [b"", b"geen foto", b"\xff\xd8\xff\xe0" + b"\x00" * 50])
def test_not_an_image(card: Path, content: bytes):
    (card.parent / "fotos" / "kapot.jpg").write_bytes(content)
    message = checks.file_message(card, "fotos/kapot.jpg")
    assert message == (
        "'fotos/kapot.jpg' is geen afbeelding of het bestand is kapot. "
        "Open de foto op je computer en sla hem opnieuw op als JPEG (.jpg)."
    )


def test_cut_off_jpeg_is_not_an_image(card: Path):
    data = phone_jpeg(stored_pixels(400, 300))
    (card.parent / "fotos" / "half.jpg").write_bytes(data[: len(data) // 2])
    assert "is geen afbeelding of het bestand is kapot" in checks.file_message(card, "fotos/half.jpg")


def test_very_large_file(card: Path):
    with open(card.parent / "fotos" / "groot.jpg", "wb") as file:
        file.truncate(25 * 1024 * 1024)  # sparse: costs no disk
    assert checks.file_message(card, "fotos/groot.jpg") == (
        "de foto 'fotos/groot.jpg' is te groot (25 MB; maximaal 20 MB). "
        "Maak de foto kleiner, bijvoorbeeld door hem te mailen als 'middelgroot'."
    )


def test_huge_pixel_count_decompression_bomb(card: Path):
    # 20,000 × 20,000 pixels of one colour: a tiny PNG that would take 1.2 GB to decode.
    big = Image.new("1", (20_000, 20_000))
    big.save(card.parent / "fotos" / "bom.png", optimize=True)
    assert (card.parent / "fotos" / "bom.png").stat().st_size < 1_000_000
    message = checks.file_message(card, "fotos/bom.png")
    assert message.startswith("de foto 'fotos/bom.png' heeft te veel beeldpunten (meer dan 60 miljoen).")


def test_both_problems_at_once(card: Path):
    messages = checks.photo_messages(card, "fotos/weg.jpg", None)
    assert [field for field, _ in messages] == ["beschrijving", "bestand"]


@pytest.mark.parametrize("name", ["a\x00b.jpg", "x" * 5000 + ".jpg"])
def test_names_the_file_system_refuses_do_not_crash(card: Path, name: str):
    assert "bestaat niet" in checks.file_message(card, name)


@pytest.mark.parametrize(
    ("mode", "kind"), [("CMYK", "JPEG"), ("L", "JPEG"), ("I;16", "PNG"), ("LA", "PNG"), ("P", "PNG"), ("RGBA", "WEBP")]
)
def test_every_colour_mode_is_published_as_rgb(mode: str, kind: str):
    buffer = io.BytesIO()
    Image.new(mode, (20, 10)).save(buffer, kind)
    variant = publish(buffer.getvalue()).variants["groot"]
    for data in (variant.jpg, variant.webp):
        with Image.open(io.BytesIO(data)) as image:
            assert (image.mode, image.size) == ("RGB", (20, 10))
        assert_no_metadata(data)

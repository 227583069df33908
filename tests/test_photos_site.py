"""Photos in check, in the build and on the built demo site; the plain-language warnings in check."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from demo_photos import FOLDER, demo_photos
from photo_files import phone_jpeg, stored_pixels
from PIL import Image
from repo_files import ROOT, card_text, invoke
from test_photos import assert_no_metadata

from buurtkaart_build.core.errors import BuurtkaartError
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render import photos as render_photos
from buurtkaart_build.render.export import to_csv, to_geojson
from buurtkaart_build.render.maps import location_map_data
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import generate

PHOTO = """\
fotos:
  - bestand: fotos/ingang.jpg
    beschrijving: De ingang met een brede deur
"""


def photo_repo(repo_dir, fotos: str = PHOTO, files: dict | None = None, **card) -> Path:
    return repo_dir(
        {
            "cards/test/bakkerij.md": card_text(extra=fotos, **card),
            "cards/test/fotos/ingang.jpg": phone_jpeg(stored_pixels(800, 600)),
            **(files or {}),
        }
    )


def problems(root: Path) -> list[str]:
    return [p.as_text() for p in load_repository(root, max_age_months=0).problems]


def test_valid_photo_passes_check(repo_dir):
    assert problems(photo_repo(repo_dir)) == []


def test_missing_description_is_an_error_on_its_line(repo_dir):
    root = photo_repo(repo_dir, "fotos:\n  - bestand: fotos/ingang.jpg\n")
    [problem] = load_repository(root, max_age_months=0).errors
    assert (problem.file, problem.line, problem.field) == ("cards/test/bakkerij.md", 6, "fotos.beschrijving")
    assert problem.message.startswith("de foto 'fotos/ingang.jpg' heeft geen beschrijving.")


def test_a_plain_string_is_a_photo_without_description(repo_dir):
    root = photo_repo(repo_dir, "fotos: fotos/ingang.jpg\n")
    [problem] = load_repository(root, max_age_months=0).errors
    assert problem.field == "fotos.beschrijving" and problem.line == 5


def test_missing_file_is_an_error_with_file_line_and_field(repo_dir):
    fotos = PHOTO + "  - bestand: fotos/weg.jpg\n    beschrijving: Weg\n"
    result = invoke("check", "--root", photo_repo(repo_dir, fotos), "--format", "json")
    assert result.exit_code == 1
    [error] = json.loads(result.output)["errors"]
    assert error == {
        "file": "cards/test/bakkerij.md",
        "line": 8,
        "field": "fotos.bestand",
        "message": "de foto 'fotos/weg.jpg' bestaat niet. Controleer de naam (hoofdletters tellen mee) "
        "en of de foto in de map 'test/fotos' staat.",
    }


def test_broken_photo_fails_the_build_before_anything_is_written(repo_dir):
    root = photo_repo(repo_dir, files={"cards/test/fotos/ingang.jpg": b"\xff\xd8 kapot"})
    with pytest.raises(BuurtkaartError) as caught:
        generate(root, SiteOptions())
    assert "is geen afbeelding of het bestand is kapot" in str(caught.value)


def test_a_photo_that_breaks_after_check_still_stops_the_build(repo_dir, monkeypatch):
    root = photo_repo(repo_dir)
    monkeypatch.setattr(render_photos, "publish", lambda data: (_ for _ in ()).throw(render_photos.PhotoError("x")))
    render_photos._CACHE.clear()
    with pytest.raises(BuurtkaartError) as caught:
        generate(root, SiteOptions())
    assert caught.value.problems[0].message == "een foto kan niet worden gepubliceerd: x"


def test_build_publishes_every_size_and_format_and_shows_them(repo_dir):
    _, out = generate(photo_repo(repo_dir), SiteOptions())
    names = sorted(p for p in out if p.startswith("test/fotos/"))
    assert names == [f"test/fotos/bakkerij-1-{s}.{e}" for s in ("groot", "klein") for e in ("jpg", "webp")]
    for name in names:
        assert_no_metadata(out[name])
    card = out["test/bakkerij.md"]
    assert '<source type="image/webp" srcset="../fotos/bakkerij-1-groot.webp">' in card
    assert 'alt="De ingang met een brede deur" width="600" height="800"' in card  # turned upright
    assert '<picture class="bk-thumb">' in out["test/bedrijven.md"]
    assert 'srcset="../fotos/bakkerij-1-klein.webp"' in out["test/makkelijk-lezen/index.md"]
    assert 'src="../../fotos/bakkerij-1-groot.jpg"' in out["test/makkelijk-lezen/bakkerij.md"]


def test_description_is_escaped_everywhere(repo_dir):
    hostile = '"><img src=x onerror=alert(1)>'
    root = photo_repo(repo_dir, f"fotos:\n  - bestand: fotos/ingang.jpg\n    beschrijving: '{hostile}'\n")
    repo, out = generate(root, SiteOptions())
    for path, content in out.items():
        if path.endswith(".md"):
            assert "<img src=x" not in content, path
    assert 'alt="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in out["test/bakkerij.md"]
    feature = location_map_data(repo.locations["test"], repo.cards)["vondsten"]["features"][0]
    assert feature["properties"]["foto"] == "fotos/bakkerij-1"
    assert feature["properties"]["fotoTekst"] == hostile  # data: the map script sets it as an attribute


def test_exports_link_the_photos(repo_dir):
    repo = load_repository(photo_repo(repo_dir), max_age_months=0)
    feature = json.loads(to_geojson(repo, "test"))["features"][0]
    assert feature["properties"]["fotos"] == ["test/fotos/bakkerij-1-groot.jpg"]
    header, row = to_csv(repo, "test").lstrip("\ufeff").splitlines()[:2]
    assert row.split(";")[header.split(";").index("fotos")] == "test/fotos/bakkerij-1-groot.jpg"


def test_plain_language_warning_on_the_summary_line(repo_dir):
    root = repo_dir({"cards/test/x.md": card_text(extra="samenvatting: Wij faciliteren de buurt.\n")})
    [warning] = load_repository(root, max_age_months=0).warnings
    assert warning.as_text() == (
        "cards/test/x.md:5: waarschuwing [samenvatting]: tip voor gewone taal: "
        "'faciliteren' is een moeilijk woord. Schrijf liever 'helpen'."
    )
    assert invoke("check", "--root", root).exit_code == 0  # a warning does not fail check


@pytest.mark.parametrize("slug", ["makkelijk-lezen", "fotos"])
def test_new_site_folders_are_reserved(repo_dir, slug):
    root = repo_dir({f"cards/test/{slug}.md": card_text()})
    assert any("is gereserveerd voor een pagina van de site" in p for p in problems(root))


# --- the demo ----------------------------------------------------------------------------------


def test_demo_photos_are_what_the_generator_draws():
    for name, data in demo_photos().items():
        assert (FOLDER / name).read_bytes() == data, name


def test_demo_has_a_phone_photo_with_gps_and_orientation():
    with Image.open(FOLDER / "warme-bakker-korstje-winkel.jpg") as image:
        exif = image.getexif()
        assert exif[0x0112] == 6 and exif.get_ifd(0x8825)  # orientation, GPS
        assert image.width < image.height  # stored on its side


def test_every_published_image_of_the_demo_site_has_no_metadata(demo_site):
    images = sorted(p for p in demo_site.rglob("*") if p.suffix in (".jpg", ".jpeg", ".webp"))
    assert len(images) == 12  # 3 photos × 2 sizes × 2 formats
    for path in images:
        assert_no_metadata(path.read_bytes())
    for path in sorted(demo_site.rglob("*.png")):  # the vendored map icons: no personal data either
        with Image.open(path) as image:
            assert not image.getexif() and "xmp" not in image.info and "comment" not in image.info, path


def test_demo_photo_is_upright_and_resized_on_the_site(demo_site):
    folder = demo_site / "de-kastanje" / "fotos"
    with Image.open(folder / "warme-bakker-korstje-1-groot.jpg") as image:
        assert image.size == (1200, 900)  # wide: turned upright from its orientation tag
        sign = image.convert("RGB").getpixel((600, 190))  # the light shop sign near the top
        assert min(sign) > 180, sign
    with Image.open(folder / "warme-bakker-korstje-1-klein.webp") as image:
        assert image.size == (480, 360)


def test_demo_photo_bytes_are_reproducible(demo_site):
    render_photos._CACHE.clear()
    published = render_photos.publish((ROOT / "cards/de-kastanje/fotos/zwembad-ingang.jpg").read_bytes())
    site = demo_site / "de-kastanje" / "fotos" / "zwembad-het-spetterhuis-1-groot.webp"
    assert site.read_bytes() == published.variants["groot"].webp
    with Image.open(io.BytesIO(published.variants["groot"].jpg)) as image:
        assert image.format == "JPEG"

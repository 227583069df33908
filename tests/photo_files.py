"""Photos made in the tests: a phone-like JPEG with GPS, date, camera, orientation, XMP and ICC."""

from __future__ import annotations

import io

from PIL import ExifTags, Image, ImageCms, ImageDraw

SECRET_PLACE = (52.0, 30.0, 36.0)  # degrees, minutes, seconds: must never reach the site
SECRET_DATE = "2026:05:01 10:11:12"
SECRET_CAMERA = "Geheime Telefoon X"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,30.6N"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def stored_pixels(width: int = 80, height: int = 40) -> Image.Image:
    """The image as the camera stored it: left half red, right half blue (a phone held on its side)."""
    image = Image.new("RGB", (width, height), (220, 0, 0))
    ImageDraw.Draw(image).rectangle((width // 2, 0, width, height), fill=(0, 0, 220))
    return image


def phone_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = SECRET_DATE
    exif[ExifTags.Base.Make] = SECRET_CAMERA
    exif[ExifTags.Base.Model] = SECRET_CAMERA
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = SECRET_PLACE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (6.0, 5.0, 4.0)
    return exif


def phone_jpeg(image: Image.Image | None = None, orientation: int = 6) -> bytes:
    """A JPEG carrying EXIF (GPS, date, camera, orientation), XMP, an ICC profile and a comment."""
    buffer = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    (image or stored_pixels()).save(
        buffer,
        "JPEG",
        quality=95,
        exif=phone_exif(orientation).tobytes(),
        xmp=XMP,
        icc_profile=srgb,
        comment=b"gemaakt bij Bakkerij Geheim",
    )
    return buffer.getvalue()


def png_bytes(size: tuple[int, int] = (30, 20), mode: str = "RGBA") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (10, 120, 10, 128) if mode == "RGBA" else (10, 120, 10)).save(buffer, "PNG")
    return buffer.getvalue()

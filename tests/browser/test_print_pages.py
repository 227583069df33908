"""Plan, meet and walk on paper: page counts and sizes when printed to PDF in Chromium, and QR codes
that a phone's reader (zxing-cpp) decodes to the page's address on the site."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from .harness import ROOT

pytestmark = pytest.mark.browser

LOCATION = "de-kastanje"
MM = 96 / 25.4  # CSS pixels per millimetre
A4 = b"0 0 594.95996 841.91998"
A3_LANDSCAPE = b"0 0 1191.12 841.91998"
SITE_URL = re.search(r"(?m)^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[1]


def printed(page) -> tuple[int, set[bytes]]:
    pdf = page.pdf(prefer_css_page_size=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)), set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf))


def test_action_plan_prints_on_at_most_two_a4_pages(visit):
    page = visit.open(f"{LOCATION}/actieplan/")
    count, sizes = printed(page)
    assert count <= 2 and sizes == {A4}
    assert visit.blocked == []


def test_matching_page_links_to_the_action_plan_instead_of_printing_it(visit):
    # Measured on the demo: 31 printed pages with the plan table, 28 with the link.
    page = visit.open(f"{LOCATION}/vraag-en-aanbod/")
    assert page.locator(".bk-plan table").count() == 0
    page.locator(".bk-plan a", has_text="actieplan").click()
    page.wait_for_url(f"**/{LOCATION}/actieplan/")


def test_poster_prints_on_one_a3_landscape_sheet(visit):
    page = visit.open(f"{LOCATION}/poster/")
    count, sizes = printed(page)
    assert (count, sizes) == (1, {A3_LANDSCAPE})
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") == "none"
    pins = page.locator(".bk-schematic g title").count()
    assert pins == page.locator(".bk-poster-list li").count() > 30


def test_walk_kit_prints_map_list_and_a6_cards_on_a4(visit):
    page = visit.open(f"{LOCATION}/op-pad/")
    count, sizes = printed(page)
    assert sizes == {A4}
    assert count == 4  # the map, what we know, the instruction cards, the blank cards
    page.emulate_media(media="print")
    boxes = page.evaluate(
        """[...document.querySelectorAll('.bk-kit-kaarten .bk-a6')].map(e => {
             const r = e.getBoundingClientRect();
             return {w: r.width, h: r.height, overflow: e.scrollHeight > e.clientHeight};
           })"""
    )
    assert len(boxes) == 8
    for box in boxes:
        assert round(box["w"] / MM) == 105 and round(box["h"] / MM) == 148
        assert not box["overflow"], "the text does not fit on the card"


DECODE_QR = """async (selector) => {
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    const img = new Image();
    const xml = new XMLSerializer().serializeToString(el);
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(
      xml.includes('xmlns=') ? xml : xml.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"'));
    await img.decode();
    const scale = 4, w = img.width * scale, h = img.height * scale;
    const canvas = document.createElement('canvas');
    canvas.width = w; canvas.height = h;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, w, h);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h).data;
    const grey = [];
    for (let i = 0; i < data.length; i += 4) grey.push(data[i]);
    out.push({w, h, grey});
  }
  return out;
}"""


def decoded(page, selector: str = "svg.bk-qr") -> list[str]:
    """Draw every inline QR code as the browser renders it and read it with zxing-cpp."""
    texts = []
    for image in page.evaluate(DECODE_QR, selector):
        pixels = np.array(image["grey"], dtype=np.uint8).reshape(image["h"], image["w"])
        results = zxingcpp.read_barcodes(pixels)
        texts += [r.text for r in results]
    return texts


def decoded_on_paper(page, selector: str = "img.bk-qr") -> list[str]:
    """Show the page as printed, let its lazy QR image load, photograph it as drawn and read it."""
    page.emulate_media(media="print")
    image = page.locator(selector)
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "s => [...document.querySelectorAll(s)].every(i => i.complete && i.naturalWidth)", arg=selector
    )
    photo = Image.open(io.BytesIO(image.screenshot(scale="device"))).convert("L")
    return [r.text for r in zxingcpp.read_barcodes(np.array(photo))]


@pytest.mark.parametrize(
    ("path", "target"),
    [
        (f"{LOCATION}/op-pad/", f"{LOCATION}/op-pad/"),
        (f"{LOCATION}/poster/", f"{LOCATION}/kaart/"),
    ],
)
def test_qr_codes_decode_to_the_page_on_the_site(visit, path, target):
    page = visit.open(path)
    assert decoded(page) == [SITE_URL.rstrip("/") + "/" + target]


@pytest.mark.parametrize("card", ["zwembad-het-spetterhuis", "wijkbibliotheek-leespunt-de-boekenbrug"])
def test_a_printed_card_shows_its_own_code_from_the_locations_sheet(visit, card):
    page = visit.open(f"{LOCATION}/{card}/")
    assert decoded_on_paper(page) == [SITE_URL.rstrip("/") + f"/{LOCATION}/{card}/"]


def test_qr_code_on_a_card_shows_only_on_paper(visit):
    page = visit.open(f"{LOCATION}/zwembad-het-spetterhuis/")
    assert not page.locator("img.bk-qr").is_visible()
    page.emulate_media(media="print")
    assert page.locator("img.bk-qr").is_visible()

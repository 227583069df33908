"""The QR codes' SVG path draws exactly the code's dark modules, and each code reads back as its address."""

from __future__ import annotations

import re

import numpy as np
import pytest
import zxingcpp

from buurtkaart_build.render.qr import QUIET_ZONE, qr_code, qr_sheet, view_id

ADDRESSES = [
    "https://buurtkaart.example.org/de-kastanje/zwembad-het-spetterhuis/",
    "https://intranet.zorg.example/buurtkaart/locatie-met-een-heel-lange-naam/kaart-" + "x" * 120 + "/",
    "https://buurtkaart.example.org/a/b/",
]


def drawn(path: str, modules: int) -> np.ndarray:
    """Replay the path (absolute row starts, relative jumps, horizontal lines) onto a module grid."""
    grid = np.full((modules, modules), 255, dtype=np.uint8)
    x = y = 0
    for command, a, b in re.findall(r"([Mmh])(-?\d+)(?: (-?\d+(?:\.5)?))?", path):
        if command == "M":
            x, y = int(a), int(float(b))
        elif command == "m":
            x += int(a)
        else:
            grid[y, x : x + int(a)] = 0
            x += int(a)
    return grid


@pytest.mark.parametrize("url", ADDRESSES)
def test_the_drawn_code_reads_back_as_the_address(url):
    code = qr_code(url)
    grid = drawn(code.path, code.modules)
    assert (grid[:QUIET_ZONE] == 255).all() and (grid[:, -QUIET_ZONE:] == 255).all()  # the quiet zone
    pixels = np.kron(grid, np.ones((4, 4), dtype=np.uint8))  # 4 pixels a module, as a camera sees it
    assert [r.text for r in zxingcpp.read_barcodes(pixels)] == [url]


def test_the_path_draws_exactly_the_modules_of_zxings_image():
    lengths = [1, 5, 17, 30, 60, 90, 140, 250]
    urls = [
        f"https://buurtkaart.example.org/{'abcdefghijklmnopqrstuvwxyz0123456789-'[i % 37] * n}/{i}"
        for i in range(40)
        for n in lengths
    ]
    urls += ["https://x.nl/café-’t-hoekje/", "HTTPS://X.NL/ABC", "x"]
    for url in urls:
        code = qr_code(url)
        barcode = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        image = np.asarray(barcode.to_image(scale=1, add_quiet_zones=False))
        expected = np.pad(image, QUIET_ZONE, constant_values=255)
        assert code.modules == expected.shape[0]
        assert (drawn(code.path, code.modules) == expected).all(), url


def test_a_sheet_holds_every_code_each_in_a_view_of_its_own():
    codes = {f"{i:05d}-kaart": qr_code(url) for i, url in enumerate(ADDRESSES)}
    sheet = qr_sheet(codes)
    assert sheet.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')
    views = re.findall(
        r'<view id="([^"]+)" viewBox="0 (\d+) (\d+) (\d+)"/><g transform="translate\(0 (\d+)\)">'
        r'<path fill="#fff" d="M0 0h(\d+)v\6H0z"/><path stroke="#000" d="([^"]+)"/></g>',
        sheet,
    )
    assert (
        [view[0] for view in views]
        == [view_id(name) for name in codes]
        == ["qr-00000-kaart", "qr-00001-kaart", "qr-00002-kaart"]
    )
    top = 0
    for (_, y, w, h, shift, side, path), (url, code) in zip(
        views, zip(ADDRESSES, codes.values(), strict=True), strict=True
    ):
        assert int(y) == int(shift) == top and int(w) == int(h) == int(side) == code.modules  # one under the other
        pixels = np.kron(drawn(path, code.modules), np.ones((4, 4), dtype=np.uint8))
        assert [r.text for r in zxingcpp.read_barcodes(pixels)] == [url]
        top += code.modules

"""The QR codes' SVG path draws exactly the code's dark modules, and the code reads back as the address."""

from __future__ import annotations

import re

import numpy as np
import pytest
import zxingcpp

from buurtkaart_build.render.qr import QUIET_ZONE, qr_code, qr_file

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


def test_the_file_is_a_standalone_svg_with_its_size():
    code = qr_code(ADDRESSES[0])
    text = qr_file(code)
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg" ')
    assert f'width="{code.modules * 3}" height="{code.modules * 3}" viewBox="0 0 {code.modules} {code.modules}"' in text

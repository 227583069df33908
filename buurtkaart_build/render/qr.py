"""QR codes (zxing-cpp, drawn as SVG) that lead from paper to the page on the site.

The address is ``site_url`` (mkdocs.yml) plus the page's path; without a ``site_url`` the
site does not know its own address, and no QR code is drawn.

zxing-cpp makes the code (in C++, with the best of the eight masks: 0.3 ms a code, where a pure
Python encoder took 2–4 ms, which a site of 10,000 cards pays on every build); the SVG is one
path: a line of one module's width through each row, drawn where the modules are dark.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import zxingcpp

from .html import esc

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
SCALE = 3  # CSS pixels per module on screen; print styles set the size in mm


def page_address(site_url: str | None, path: str) -> str | None:
    """``https://intranet.example/buurtkaart/`` + ``de-kastanje/op-pad/``; ``None`` without a site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path.lstrip("/")


@dataclass(frozen=True)
class QrCode:
    """One code: its side in modules (quiet zone included) and its dark modules as an SVG path."""

    modules: int
    path: str

    @property
    def pixels(self) -> int:
        return self.modules * SCALE

    def svg(self, attrs: str = "") -> str:
        """The code as an SVG element; ``attrs`` go into the ``<svg>`` tag as they are."""
        side = self.modules
        return (
            f'<svg{attrs} width="{self.pixels}" height="{self.pixels}" viewBox="0 0 {side} {side}" '
            f'shape-rendering="crispEdges"><path fill="#fff" d="M0 0h{side}v{side}H0z"/>'
            f'<path stroke="#000" d="{self.path}"/></svg>'
        )


# Each module as a letter: d (dark, 0 in zxing's image) or l (light).
_LETTERS = bytes(ord("d") if value == 0 else ord("l") for value in range(256))


@functools.lru_cache(maxsize=20_000)  # serve: a rebuild after a save makes no code twice
def qr_code(url: str) -> QrCode:
    """The QR code of ``url`` (error correction M: survives a crease or a pen mark)."""
    barcode = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    rows, width = image.shape
    letters = image.tobytes().translate(_LETTERS).decode("ascii")
    # Each row with dark modules: a line through the middle of its modules from the first dark
    # one ("M x y.5") to the last, then every run of one kind, longest first, becomes a command:
    # "ddd" draws 3 ("h3"), "ll" moves on 2 ("m2 0"). A few string replacements instead of a
    # Python step for each of the ~400 runs of a code: a site of 10,000 cards draws 10,000.
    lines = []
    for y in range(rows):
        row = letters[y * width : (y + 1) * width]
        if drawn := row.strip("l"):
            lines.append(f"M{row.index('d') + QUIET_ZONE} {y + QUIET_ZONE}.5{drawn}")
    path = "".join(lines)
    longest = 1
    while "d" * (longest + 1) in path or "l" * (longest + 1) in path:
        longest += 1
    for run in range(longest, 0, -1):
        path = path.replace("d" * run, f"h{run}").replace("l" * run, f"m{run} 0")
    return QrCode(modules=width + 2 * QUIET_ZONE, path=path)


def qr_svg(url: str, *, label: str | None = None) -> str:
    """An inline SVG QR code of ``url``, named for screen readers."""
    name = label or f"QR-code naar {url}"
    return qr_code(url).svg(f' class="bk-qr" role="img" aria-label="{esc(name)}"')


QR_SHEET = "qr.svg"  # /<locatie>/qr.svg: the QR codes of a location's cards, fetched only for print


def view_id(name: str) -> str:
    """The fragment that shows one code of a sheet (an id may not start with a digit, as slugs may)."""
    return f"qr-{name}"


def qr_sheet(codes: dict[str, QrCode]) -> str:
    """One SVG file with every code of ``codes`` (name → code), one under the other.

    ``<img src="qr.svg#qr-<name>">`` shows just that code: each has a ``<view>`` of its own.
    One file a location instead of one a card: a build writes thousands of files fewer (writing
    a file costs as much as making its code), and the browser fetches it once, when printing.
    """
    width = max((code.modules for code in codes.values()), default=0)
    parts, top = [], 0
    for name, code in codes.items():
        side = code.modules
        parts.append(
            f'<view id="{view_id(name)}" viewBox="0 {top} {side} {side}"/>'
            f'<g transform="translate(0 {top})"><path fill="#fff" d="M0 0h{side}v{side}H0z"/>'
            f'<path stroke="#000" d="{code.path}"/></g>'
        )
        top += side
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {top}" shape-rendering="crispEdges">'
        + "\n".join(parts)
        + "</svg>\n"
    )


def qr_image(code: QrCode, url: str, src: str, caption: str, *, cls: str = "bk-qr-figure") -> str:
    """``code`` shown from its file (``src``) with the address ``url`` under it.

    ``loading="lazy"`` inside a block hidden on screen: the browser fetches it only when the
    page is printed (or shown), so reading the page on screen costs nothing. Its size is in the
    tag: a lazy image without one has no box to be found in until it has loaded. ``cls``: the
    figure's classes.
    """
    return (
        f'<figure class="{cls}"><img class="bk-qr" src="{esc(src)}" width="{code.pixels}" '
        f'height="{code.pixels}" loading="lazy" alt="QR-code naar deze pagina">'
        f'<figcaption>{esc(caption)}<br><span class="bk-meta">{esc(url)}</span></figcaption></figure>'
    )


def qr_figure(site_url: str | None, path: str, caption: str) -> str:
    """The QR code with the address written under it, or nothing without a ``site_url``."""
    url = page_address(site_url, path)
    if url is None:
        return ""
    return (
        f'<figure class="bk-qr-figure">{qr_svg(url)}'
        f'<figcaption>{esc(caption)}<br><span class="bk-meta">{esc(url)}</span></figcaption></figure>'
    )

"""QR codes (segno, as inline SVG) that lead from paper to the page on the site.

The address is ``site_url`` (mkdocs.yml) plus the page's path; without a ``site_url`` the
site does not know its own address, and no QR code is drawn.
"""

from __future__ import annotations

import segno

from .html import esc


def page_address(site_url: str | None, path: str) -> str | None:
    """``https://intranet.example/buurtkaart/`` + ``de-kastanje/op-pad/``; ``None`` without a site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path.lstrip("/")


# Choosing the best of the eight masks is 3/4 of the time (4.6 ms of 6 ms a code): one per card
# page adds up. Every mask gives a valid code; card pages use a fixed one (tested to decode).
FAST_MASK = 3


def qr_svg(url: str, *, scale: int = 3, label: str | None = None, fast: bool = False) -> str:
    """An inline SVG QR code of ``url`` (error correction M: survives a crease or a pen mark)."""
    code = segno.make(url, error="m", micro=False, mask=FAST_MASK if fast else None)
    svg = code.svg_inline(scale=scale, svgclass="bk-qr", lineclass=None, dark="#000", light="#fff")
    name = label or f"QR-code naar {url}"
    return svg.replace("<svg ", f'<svg role="img" aria-label="{esc(name)}" ', 1)


QR_FOLDER = "qr"  # /<locatie>/qr/<kaart>.svg: a card's QR code as its own file, fetched only for print


def qr_file(url: str) -> str:
    """A standalone SVG file of the QR code of ``url`` (card pages link it instead of inlining 2.6 KB)."""
    code = segno.make(url, error="m", micro=False, mask=FAST_MASK)
    svg = code.svg_inline(scale=3, lineclass=None, dark="#000", light="#fff")
    return svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)


def qr_image(site_url: str | None, path: str, src: str, caption: str) -> str:
    """A QR code shown from its file (``src``) with the address under it; nothing without a ``site_url``.

    ``loading="lazy"`` inside a block hidden on screen: the browser fetches it only when the
    page is printed (or shown), so reading the page on screen costs nothing.
    """
    url = page_address(site_url, path)
    if url is None:
        return ""
    side = segno.make(url, error="m", micro=False, mask=FAST_MASK).symbol_size(scale=3)[0]
    return (
        f'<figure class="bk-qr-figure"><img class="bk-qr" src="{esc(src)}" width="{side}" height="{side}" '
        f'loading="lazy" alt="QR-code naar deze pagina">'
        f'<figcaption>{esc(caption)}<br><span class="bk-meta">{esc(url)}</span></figcaption></figure>'
    )


def qr_figure(site_url: str | None, path: str, caption: str, *, fast: bool = False) -> str:
    """The QR code with the address written under it, or nothing without a ``site_url``."""
    url = page_address(site_url, path)
    if url is None:
        return ""
    return (
        f'<figure class="bk-qr-figure">{qr_svg(url, fast=fast)}'
        f'<figcaption>{esc(caption)}<br><span class="bk-meta">{esc(url)}</span></figcaption></figure>'
    )

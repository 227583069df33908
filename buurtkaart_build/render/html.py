"""Small HTML builders. Everything from a card goes through :func:`esc` or :func:`safe_href`."""

from __future__ import annotations

import contextlib
import functools
import html
import json
import re
from collections.abc import Iterator
from importlib import resources
from urllib.parse import quote, urlsplit

from ..core.fields import SAFE_SCHEMES

ASSET_DIR = "assets/buurtkaart"  # the site's own scripts, styles and vendored libraries


def esc(value: object) -> str:
    """Escape text for HTML content and quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_href(url: str | None) -> str | None:
    """The URL if its scheme is http, https, mailto or tel (or relative), else ``None``."""
    if not url:
        return None
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    scheme = urlsplit(cleaned).scheme.lower()
    if scheme and scheme not in SAFE_SCHEMES:
        return None
    return url


def link(url: str | None, text: str, **attrs: str) -> str:
    """An ``<a>`` with a safe href, or plain escaped text when the URL is not safe."""
    href = safe_href(url)
    if href is None:
        return esc(text)
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in sorted(attrs.items()))
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def page_meta(title: str, **extra: object) -> str:
    """YAML front-matter of a generated page.

    Material inserts ``page.meta.title`` and ``page.meta.description`` unescaped into
    ``<title>``, the header and ``<meta content="…">``, so every text value is HTML-escaped
    here; JSON is valid YAML and quotes everything safely.
    """
    meta = {"title": esc(title), **{k: esc(v) if isinstance(v, str) else v for k, v in extra.items()}}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def block(inner: str, cls: str) -> str:
    """A raw HTML block: Python-Markdown leaves its contents alone (no Markdown inside)."""
    # Blank lines inside a raw block are fine as long as tags balance; strip them anyway so
    # the output is compact and obviously one block.
    body = "\n".join(line for line in inner.splitlines() if line.strip())
    return f'<div class="{cls}">\n{body}\n</div>\n'


_used_icons: set[str] = set()  # names icon() handed out since the last reset_icons()


@functools.cache
def icon_svg(name: str) -> str:
    """The SVG text of a Material Design icon shipped with mkdocs-material, or "" if there is none."""
    try:
        return (
            resources.files("material")
            .joinpath("templates", ".icons", "material", f"{name}.svg")
            .read_text(encoding="utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError):
        return ""


def icon(name: str) -> str:
    """A Material Design icon, drawn by the site's one cached stylesheet (see :func:`icon_css`).

    An empty ``<i class="bk-i-…">`` (screen readers skip it) instead of inline SVG: ~25 bytes a
    use instead of ~350, and the icon's drawing is downloaded once for the whole site.
    """
    if not icon_svg(name):
        return ""
    _used_icons.add(name)
    for names, _ in _recorders:
        names.add(name)
    return f'<i class="bk-i-{name}"></i>'


_icons_before: dict[str, str] = {}  # CSS selector of a ::before -> the icon it draws


def icon_before(selector: str, name: str) -> None:
    """Draw icon ``name`` in the ``::before`` of ``selector`` (markup-free: the stylesheet has it).

    For an icon that repeats on every page with the same meaning, such as the yes/no mark of an
    accessibility answer; the stylesheet gives the ``::before`` the icon's size and colour.
    """
    if icon_svg(name):
        _icons_before[selector] = name
        for _, before in _recorders:
            before[selector] = name


_recorders: list[tuple[set[str], dict[str, str]]] = []


@contextlib.contextmanager
def recording_icons() -> Iterator[tuple[set[str], dict[str, str]]]:
    """The icons :func:`icon` and :func:`icon_before` hand out inside the block (to hand out again
    with :func:`add_icons` when what the block made is reused)."""
    record: tuple[set[str], dict[str, str]] = (set(), {})
    _recorders.append(record)
    try:
        yield record
    finally:
        assert _recorders.pop() is record


def icons_in_use() -> tuple[frozenset[str], dict[str, str]]:
    """What :func:`icon` and :func:`icon_before` handed out: to carry over from another process."""
    return frozenset(_used_icons), dict(_icons_before)


def add_icons(names: frozenset[str], before: dict[str, str]) -> None:
    """Take over icons handed out in another process (see :func:`icons_in_use`)."""
    _used_icons.update(names)
    _icons_before.update(before)


def reset_icons() -> None:
    _used_icons.clear()
    _icons_before.clear()


def icon_css(extra: tuple[str, ...] = ()) -> str:
    """One rule per icon handed out since :func:`reset_icons` (plus ``extra``), sorted: the SVG as a data URL.

    ``i[class^="bk-i-"]`` in buurtkaart.css paints ``currentColor`` through the icon as a mask;
    :func:`icon_before` icons are drawn the same way by a ``::before``.
    """
    rules = []
    for name in sorted(_used_icons.union(extra)):
        if svg := icon_svg(name):
            rules.append(f".bk-i-{name} {{ --bk-i: {_data_url(svg)}; }}")
    for selector, name in sorted(_icons_before.items()):
        rules.append(f"{selector} {{ --bk-i: {_data_url(icon_svg(name))}; }}")
    return "/* Buurtkaart: icons (generated; Material Design Icons, Apache-2.0). */\n" + "\n".join(rules) + "\n"


def _data_url(svg: str) -> str:
    return 'url("data:image/svg+xml,' + quote(svg, safe=" =:/,.-_;'()").replace("%22", "'") + '")'


def table(headers: list[str], rows: list[list[str]], cls: str = "bk-table") -> str:
    """A table whose rows stack as labelled cards on a phone (``data-label`` per cell).

    Args:
        headers: Column headings (plain text, escaped here).
        rows: Cells as ready HTML (escape card values before passing them).
    """
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td data-label="{esc(h)}">{cell}</td>' for h, cell in zip(headers, row, strict=True))
        + "</tr>"
        for row in rows
    )
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

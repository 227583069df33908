"""Lighter HTML around every page: the theme's inline icons as one cached sprite, no indentation.

Material writes the same inline SVG icons (logo, menu, search, ...) into every page and indents
its templates deeply; on a card page that is about a third of the bytes. :class:`LeanHtml`
replaces each inline theme SVG by a ``<use>`` of a symbol in one sprite file (downloaded once,
cached) and removes indentation, blank lines and line breaks before block-level tags, outside
``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``, where white space means something.
Rendered the same in a browser.
"""

from __future__ import annotations

import hashlib
import json
import re

SPRITE = "assets/i.svg"  # short: referenced ~8 times on every page

# An inline SVG as the theme writes it (one with a nested <svg> or a <use> is left alone).
_OURS = re.compile(r"\b(?:class|role|aria-label)=")  # theme icons carry none of these
_SVG = re.compile(r"<svg\b([^>]*)>(.*?)</svg>", re.S)
_VIEWBOX = re.compile(r'\sviewBox="([^"]*)"')
_XMLNS = re.compile(r'\sxmlns="[^"]*"')
# Blocks whose white space matters; kept as they are.
_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]*")
# A line break right before a block-level tag draws nothing: white space at the end of a line
# (or the start of one) is not rendered.
_BLOCK = (
    r"</?(?:html|head|body|meta|link|title|div|nav|header|main|footer|article|section"
    r"|ul|ol|li|dl|dt|dd|p|h[1-6]|table|thead|tbody|tr|td|th|form)\b"
)
_BEFORE_BLOCK = re.compile(rf">\n(?={_BLOCK})")
# ... and one right after a block-level end tag starts a line: not rendered either.
_AFTER_BLOCK = re.compile(rf"({_BLOCK.replace('</?', '</')}>)\n")
# Outside the page's own content (<article>) only the theme's markup: header, navigation,
# footer, all blocks and flex boxes, where a line break between two tags draws nothing.
_CHROME_BREAK = re.compile(r">\n<")
# The easy-read pages' read-aloud script, linked on every page: left out where nothing reads aloud.
_READ_ALOUD = re.compile(r'<script src="[^"]*buurtkaart-voorlezen\.js"></script>\s*')


# Lines of the theme that do nothing on our pages: the generator's name and version, and the
# script that opens a content tab named in the URL (pymdownx.tabbed; generated pages have none).
_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">\s*')
_TABS_SCRIPT = re.compile(
    r"<script>var target=document\.getElementById\(location\.hash\.slice\(1\)\);[^<]*__tabbed_[^<]*</script>\s*"
)


# A table of contents the page hides (``hide: [toc]``) and that lists nothing: Material still
# writes its empty, hidden sidebar; drawn or not, the page is the same without it.
_HIDDEN_EMPTY_TOC = re.compile(
    r'<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc" hidden>'
    r'<div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">'
    r'<nav class="md-nav md-nav--secondary" aria-label="[^"<>]*"></nav></div></div></div>'
)
# Text alone in a one-line box of the theme (names in the header and the navigation, the search
# status, the footer line): the line breaks around it are not drawn (white space at the start and
# end of a block's line is removed).
_BOXED_TEXT = re.compile(
    r'(<span class="md-ellipsis">|<div class="md-search-result__meta">|<div class="md-copyright__highlight">)'
    r"\n([^<\n]*)\n(?=</(?:span|div)>)"
)
# The theme's settings for its script, as compact JSON (the same object; no spaces after , and :).
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _compact_config(match: re.Match) -> str:
    try:
        config = json.loads(match.group(2))
    except ValueError:
        return match.group(0)
    compact = json.dumps(config, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")
    return match.group(1) + compact + match.group(3)


def _lean_chrome(html: str) -> str:
    start, end = html.find("<article"), html.rfind("</article>")
    if start == -1 or end == -1:
        return html
    before = _HIDDEN_EMPTY_TOC.sub("", _BOXED_TEXT.sub(r"\1\2", _CHROME_BREAK.sub("><", html[:start])), count=1)
    after = _CONFIG.sub(_compact_config, _BOXED_TEXT.sub(r"\1\2", _CHROME_BREAK.sub("><", html[end:])), count=1)
    return before + html[start:end] + after


def _without_breaks(html: str) -> str:
    parts = _KEEP.split(html)
    # split() with two groups: text, whole kept block, its tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_AFTER_BLOCK.sub(r"\1", _BEFORE_BLOCK.sub(">", _INDENT.sub("\n", parts[i]))))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


class LeanHtml:
    """Collects the theme's icons while pages are lightened; :meth:`sprite` is the file with all of them."""

    def __init__(self) -> None:
        self.symbols: dict[str, str] = {}  # id -> <symbol>
        self._done: dict[tuple[str, str], str] = {}  # (inline SVG, to_root) -> its reference

    def page(self, html: str, to_root: str, *, generated: bool = False) -> str:
        """``html`` lightened; ``to_root`` leads from the page to the site root (``"../../"``).

        ``generated``: a page the core made (it has no content tabs).
        """
        html = _SVG.sub(lambda m: self._reference(m, to_root), _GENERATOR.sub("", html, count=1))
        if generated:
            html = _TABS_SCRIPT.sub("", html, count=1)
            if "data-bk-voorlezen" not in html:
                html = _READ_ALOUD.sub("", html, count=1)
        return _lean_chrome(_without_breaks(html))

    def fragment(self, html: str, to_root: str) -> str:
        """A page's content lightened on its own, exactly as :meth:`page` lightens it in its page.

        For content that is one block (``<div>…</div>``) and holds no ``<article>``: the chrome
        rules and the theme's lines do not reach into it.
        """
        return _without_breaks(_SVG.sub(lambda m: self._reference(m, to_root), html))

    def _reference(self, match: re.Match, to_root: str) -> str:
        key = (match.group(0), to_root)  # the theme repeats the same few icons on every page
        if key not in self._done:
            self._done[key] = self._symbol(match, to_root)
        return self._done[key]

    def _symbol(self, match: re.Match, to_root: str) -> str:
        attrs, inner = match.group(1), match.group(2)
        viewbox = _VIEWBOX.search(attrs)
        if viewbox is None or "<" not in inner or "<svg" in inner or "<use" in inner:
            return match.group(0)
        if _OURS.search(attrs) or "<title" in inner or "<text" in inner:
            return match.group(0)  # a drawing of the page itself (map, chart, QR code), not a theme icon
        digest = hashlib.sha1(f"{viewbox.group(1)}|{inner}".encode()).hexdigest()
        symbol = f'<symbol id="{{}}" viewBox="{viewbox.group(1)}">{inner}</symbol>'
        key = "i" + digest[:4]  # short: ~8 references a page; a clash takes the long form
        if self.symbols.get(key, symbol.format(key)) != symbol.format(key):
            key = "i" + digest
        self.symbols[key] = symbol.format(key)
        return f'<svg{_XMLNS.sub("", attrs)}><use href="{to_root}{SPRITE}#{key}"/></svg>'

    def sprite(self) -> str:
        body = "".join(self.symbols[key] for key in sorted(self.symbols))
        return f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>\n'

"""Pages of one kind share the theme's frame: Material's template renders once per kind, not per page.

Rendering Material's Jinja templates is the slowest step of a page (~4 ms; 20,000 pages at
10,000 cards). Two card pages differ only in a few values the template copies in as they are:
the title, the description, the canonical and edit addresses, and the content. So the first
page of a *family* (pages alike in everything else, see :func:`family_of`) is rendered twice:
once as itself, once with a marker in each of those places. The second render, finished like
any page (:data:`Finish`), is the family's :class:`Frame`; every later member is the frame with
its own values filled in, without Jinja.

Safe by construction and checked: a page becomes a member only when filling is exact for it
(no value a theme filter or the finishing step would change, see :func:`family_of`); markers
carry characters any escaping filter would change, and a frame whose markers came out changed
is never used; the frame must give the first two members byte for byte what the template
gives them, or the family is rendered page by page. Hand-written pages, pages in the navigation
and pages with previous/next links are always rendered by the theme.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.plugins.buurtkaart")

FRAMED_TEMPLATE = "buurtkaart-kader.html"  # renders nothing; the page comes from its frame

# A marker: slot letter between two private-use characters, with characters an escaping,
# tag-stripping or URL-rewriting filter would change (so a changed marker is noticed).
_OPEN, _CLOSE = "\ue000", "\ue001"
_PROBE = '&amp;"edit'
_MARKER = re.compile(f"{_OPEN}([A-Z])([^{_CLOSE}]*){_CLOSE}")
_CONTENT = f"{_OPEN}C{_CLOSE}"
# Content the finishing step or the theme treats specially around it: such pages are rendered.
_UNFRAMED_CONTENT = ("<article", "</article>", "data-md-component", _OPEN, _CLOSE)

Finish = Callable[[str, object], str]  # (the theme's whole page, page) -> the page as written


def _marker(slot: str) -> str:
    return f"{_OPEN}{slot}{_PROBE}{_CLOSE}"


@dataclass
class Frame:
    """A finished page in pieces: ``parts[0] + value(slots[0]) + parts[1] + …``."""

    parts: list[str]
    slots: list[str]

    def fill(self, values: dict[str, str]) -> str:
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(values[slot])
            out.append(part)
        return "".join(out)


@dataclass
class Family:
    frame: Frame | None = None
    checked: int = 0  # members whose filled frame was compared with the theme's render
    off: bool = False  # the frame did not match: render every member


@dataclass
class FrameCache:
    """The frames of one build. ``finish`` makes the page as written from the theme's output;
    ``fragment`` does the same to a page's content alone."""

    finish: Finish
    fragment: Finish
    families: dict[str, Family] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)  # src_uri -> family key
    templates: dict[str, str] = field(default_factory=dict)  # src_uri -> the theme template it replaces
    outputs: dict[str, str] = field(default_factory=dict)  # src_uri -> the finished page
    nav_pages: set[int] = field(default_factory=set)
    rendered: int = 0  # pages that went through the theme's template (for the log and tests)

    def start(self, nav) -> None:
        self.nav_pages = {id(page) for page in nav.pages}

    def enrol(self, page, content: str) -> None:
        """Called with a generated page's ready HTML: make it a member if it can be framed."""
        key = family_of(page, content, self.nav_pages)
        if key is None:
            return
        self.members[page.file.src_uri] = key
        self.templates[page.file.src_uri] = page.meta.get("template", "main.html")
        page.meta["template"] = FRAMED_TEMPLATE

    def render(self, env, context, page) -> None:
        """The member's finished page, from the frame or (first members, mismatch) the theme."""
        src = page.file.src_uri
        key = self.members.get(src)
        if key is None:
            return
        family = self.families.setdefault(key, Family())
        if family.frame is not None and not family.off and family.checked >= 2:
            self.outputs[src] = family.frame.fill(self._values(page))
            return
        template = env.get_template(self.templates[src])
        self.rendered += 1
        page_html = self.finish(template.render(context), page)
        if family.frame is None and not family.off:
            family.frame = self._frame(template, context, page)
            family.off = family.frame is None
        if not family.off:
            family.checked += 1
            if family.frame.fill(self._values(page)) != page_html:
                family.off = True
                log.debug("Buurtkaart: frame of %s does not match %s; rendering its pages one by one", key, src)
        self.outputs[src] = page_html

    def output(self, page) -> str | None:
        return self.outputs.pop(page.file.src_uri, None)

    def _values(self, page) -> dict[str, str]:
        return {
            "T": page.meta["title"],
            "D": page.meta.get("description") or "",
            "U": page.canonical_url or "",
            "E": page.edit_url or "",
            "C": self.fragment(page.content, page),
        }

    def _frame(self, template, context, page) -> Frame | None:
        """The theme's page with markers for the values, finished; ``None`` if a marker changed."""
        meta, content, canonical, edit = page.meta, page.content, page.canonical_url, page.edit_url
        sentinel = _sentinel_content(content)
        try:
            page.meta = {**meta, "title": _marker("T")}
            if meta.get("description"):
                page.meta["description"] = _marker("D")
            page.content = sentinel
            page.canonical_url = _marker("U") if canonical else None
            page.edit_url = _marker("E") if edit else None
            marked = self.finish(template.render(context), page)
        finally:
            page.meta, page.content, page.canonical_url, page.edit_url = meta, content, canonical, edit
        if marked.count(sentinel) != 1:
            return None
        marked = marked.replace(sentinel, _CONTENT)
        pieces = _MARKER.split(marked)  # text, slot, probe, text, slot, probe, ...
        slots, probes = pieces[1::3], pieces[2::3]
        if any(probe != (_PROBE if slot != "C" else "") for slot, probe in zip(slots, probes, strict=True)):
            return None  # a filter or the finishing step changed a value: filling would not be exact
        if any(slot not in "TDUEC" for slot in slots):
            return None
        return Frame(parts=pieces[0::3], slots=slots)


def _sentinel_content(content: str) -> str:
    """Content standing in for the page's: alike where the theme and the finishing step look."""
    inner = f"<h1>{_CONTENT}</h1>" if "<h1" in content else _CONTENT
    if "data-bk-voorlezen" in content:
        inner += "<i data-bk-voorlezen></i>"
    return f"<div>{inner}</div>"


def family_of(page, content: str, nav_pages: set[int]) -> str | None:
    """What a page shares with the other members of its family, or ``None`` when it must be rendered.

    Members: pages outside the navigation without previous/next links, whose content is one
    block (``<div>…</div>``), with a title in the front-matter, and whose values the theme and
    the finishing step copy as they are (no line breaks, no ``<``, no ``/blob/`` edit address
    for which the theme adds a second button).
    """
    meta = page.meta
    if id(page) in nav_pages or page.previous_page is not None or page.next_page is not None:
        return None
    if "template" in meta or not isinstance(meta.get("title"), str):
        return None
    block = content.strip()
    if not (block.startswith("<div") and block.endswith("</div>")):
        return None
    if any(mark in content for mark in _UNFRAMED_CONTENT):
        return None
    values = [meta["title"], meta.get("description"), page.canonical_url, page.edit_url]
    for value in values:
        if value is not None and (not isinstance(value, str) or any(c in value for c in "\n\r<" + _OPEN + _CLOSE)):
            return None
    if page.edit_url and "/blob/" in page.edit_url:
        return None
    shape = {k: v for k, v in meta.items() if k not in ("title", "description")}
    try:
        shape_text = json.dumps(shape, sort_keys=True)
    except (TypeError, ValueError):
        return None
    return "|".join(
        [
            get_relative_url(".", page.url),
            shape_text,
            "D" if meta.get("description") else "-",
            "U" if page.canonical_url else "-",
            "E" if page.edit_url else "-",
            "h1" if "<h1" in content else "-",
            "voorlezen" if "data-bk-voorlezen" in content else "-",
        ]
    )

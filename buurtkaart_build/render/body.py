"""A card's free Markdown body → sanitised HTML (no scripts, no event handlers, safe links only)."""

from __future__ import annotations

import functools
import html
import re
import threading

import markdown
import nh3

from ..core.fields import SAFE_SCHEMES

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "kbd", "abbr",
    "h2", "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
}


@functools.lru_cache(maxsize=20_000)
def body_html(text: str) -> str:
    """Render the body; headings shift down one level (the page owns the only ``h1``).

    Cached by text: while ``mkdocs serve`` rebuilds after a save, unchanged bodies cost nothing.
    """
    if not text.strip():
        return ""
    if (paragraphs := prose_paragraphs(text)) is not None:
        return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return markdown_html(text)


def markdown_html(text: str) -> str:
    """Any body through Python-Markdown and the sanitiser (what :func:`body_html` does for all but prose)."""
    try:
        rendered = _markdown().reset().convert(text)
    except RecursionError:  # '1. 1. 1. …' nests a list per marker and exhausts Python-Markdown's stack
        rendered = f"<p>{html.escape(text)}</p>"
    rendered = rendered.replace("<h1", "<h2").replace("</h1>", "</h2>")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_local_images_only,
    )


# Prose: a line that starts with a letter and holds letters, digits and this punctuation only.
# Python-Markdown makes nothing of it but text (no list, heading, emphasis, link, table, entity,
# line break or code), and it needs no escaping: such a body is plain paragraphs, most bodies are.
_PROSE_LINE = re.compile(r"[^\W\d_](?:[^\W_]|[ .,;:?!'\"()/%€–—‘’“”…-])*(?<! )")
_BLANK_LINE = re.compile(r" *")


def prose_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a body that is prose only, as Python-Markdown makes them; else ``None``.

    The same HTML as Markdown and sanitising give (a test compares them on thousands of texts),
    for a fifth of the time: a site of 10,000 cards renders each body on every build.
    """
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if _PROSE_LINE.fullmatch(line):
            lines.append(line)
        elif _BLANK_LINE.fullmatch(line):
            if lines:
                paragraphs.append("\n".join(lines))
                lines = []
        else:
            return None
    if lines:
        paragraphs.append("\n".join(lines))
    return paragraphs


def _markdown() -> markdown.Markdown:
    """One converter per thread, reset per body: building one costs as much as converting a body."""
    md = getattr(_LOCAL, "md", None)
    if md is None:
        md = _LOCAL.md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    return md


_LOCAL = threading.local()


def _local_images_only(tag: str, attribute: str, value: str) -> str | None:
    """Drop image sources on other hosts: the site requests nothing from third parties."""
    if tag == "img" and attribute == "src" and (":" in value.split("/")[0] or value.startswith("//")):
        return None
    return value

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
    prose = prose_html(text)
    return markdown_html(text) if prose is None else prose


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


# Prose: a line of letters, digits and this punctuation only, that starts with a letter. Python-
# Markdown makes nothing of it but text (no heading, list, emphasis, entity, line break or code),
# and it needs no escaping. Besides text, a line may hold (and start with) bold words ("**Idee:**")
# and links to a web page ("[de website](https://…)"). A body of such paragraphs and simple lists
# ("- " and prose) is most bodies: it becomes HTML here, the same HTML, in a fraction of the time.
_CHAR = r"(?:[^\W_]|[ .,;:?!'\"()/%€–—‘’“”…-])"
_SOLID = r"(?:[^\W_]|[.,;:?!'\"()/%€–—‘’“”…-])"  # the same without the space
_LINK_CHAR = r"(?:[^\W_]|[ .,;:?!'\"/%€–—‘’“”…-])"  # without brackets and parentheses
_LINK_SOLID = r"(?:[^\W_]|[.,;:?!'\"/%€–—‘’“”…-])"
_STRONG = rf"\*\*[^\W_](?:{_CHAR}*{_SOLID})?\*\*"
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_WEB_ADDRESS = rf"https?://{_LABEL}(?:\.{_LABEL})*\.[a-z]{{2,}}(?:/[A-Za-z0-9/._~?=#-]*)?"  # one the sanitiser keeps
_LINK = rf"\[{_LINK_SOLID}(?:{_LINK_CHAR}*{_LINK_SOLID})?\]\({_WEB_ADDRESS}\)"
_PROSE = rf"(?=[^\W\d_]|\*\*|\[)(?:{_CHAR}|{_STRONG}|{_LINK})*(?<! )"
_PROSE_LINE = re.compile(_PROSE)
_ITEM_LINE = re.compile(f"- {_PROSE}")
_MARKUP = re.compile(rf"\*\*({_CHAR}+)\*\*|\[([^\]]+)\]\(([^)]+)\)")
_BLANK_LINE = re.compile(r" *")


def prose_html(text: str) -> str | None:
    """The HTML of a body of prose paragraphs and simple lists, as Markdown and the sanitiser make
    it (a test compares them on thousands of texts); ``None`` for any other body."""
    if text.startswith(" "):
        return None  # Markdown keeps a first line of spaces: "  \n- a" is no list
    blocks: list[list[str]] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if _PROSE_LINE.fullmatch(line) or _ITEM_LINE.fullmatch(line):
            lines.append(line)
        elif _BLANK_LINE.fullmatch(line):
            if lines:
                blocks.append(lines)
                lines = []
        else:
            return None
    if lines:
        blocks.append(lines)
    out: list[str] = []
    after_list = False
    if "*" in text or "[" in text:
        blocks = [[_MARKUP.sub(_html_of, line) for line in block] for block in blocks]
    for block in blocks:
        items = [line[2:] for line in block if line.startswith("- ")]
        if not items:
            out.append("<p>" + "\n".join(block) + "</p>")
        elif len(items) < len(block) or after_list:
            return None  # an item that runs on, or a list after a blank line: a loose list
        else:
            out.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>")
        after_list = bool(items)
    return "\n".join(out)


def _html_of(markup: re.Match) -> str:
    """Bold text or a link of a prose line as Markdown and the sanitiser make it."""
    strong, text, url = markup.groups()
    if strong is not None:
        return f"<strong>{strong}</strong>"
    return f'<a href="{url}" rel="noopener noreferrer">{text}</a>'


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

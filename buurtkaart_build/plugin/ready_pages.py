"""Generated pages are ready HTML: skip Python-Markdown's and the search plugin's second parse.

Every page the core generates is front-matter plus one raw HTML block (``render.html.block``).
Run through Python-Markdown, that block is parsed tag by tag twice (Python-Markdown's raw-HTML
preprocessor and MkDocs' anchor finder) only to come out unchanged; Material's search plugin then
parses the page a third time to find its text. Here the page's Markdown becomes empty, its HTML
goes straight in as the page content, its anchors are found with one regular expression, and
(for pages without sections) its search entry is made from the HTML with regular expressions
in the same form as Material's parser makes it.
"""

from __future__ import annotations

import functools
import json
import re

from mkdocs.structure.toc import get_toc

from ..core.workers import ForkedMap

# A heading with an id starts a section of its own in Material's index: leave those pages to it.
_SECTION = re.compile(r"<h[1-6]\b[^>]*\sid=", re.I)
_ANCHOR = re.compile(r'<[a-zA-Z][^>]*?\s(?:id|name)="([^"]+)"')
_EXCLUDED_NAV = re.compile(r"<nav\b[^>]*\sdata-search-exclude\b.*?</nav>", re.S)
_SKIPPED = re.compile(r"<(script|style|object)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})  # as Material's Parser.keep
# The same in two passes without a Python call per tag, for HTML whose tag names are lowercase
# (every generated page): kept tags lose their attributes, then every other tag goes.
_KEPT_NAMES = "|".join(sorted(_KEPT))
_KEPT_TAG = re.compile(rf"<(/?)({_KEPT_NAMES})\b[^>]*>")
_OTHER_TAG = re.compile(rf"<(?!/?(?:{_KEPT_NAMES})\b)/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")
_UPPER_TAG = re.compile(r"</?[a-zA-Z0-9]*[A-Z]")
_EMPTY = re.compile(r"<(p|code|li|ol|ul|sub|sup)>\s*</\1>")
_SPACE = re.compile(r"\s{2,}|[^\S ]")  # = \s+ → " ", without replacing every single space by itself


# The front-matter the core writes (render.html.page_meta): one ``key: <JSON>`` line a field.
_FRONT = re.compile(r"---\n((?:[A-Za-z_][A-Za-z0-9_-]*: [^\n]*\n)+)---[ \t]*\n")
_EXPONENT = re.compile(r"\d[eE]")  # 1e3: a number in JSON, a string in YAML


def split_generated(text: str) -> tuple[str, dict] | None:
    """``(markdown, meta)`` of a generated page, as MkDocs' ``get_data`` gives them, without YAML.

    Reading the front-matter with YAML (MkDocs' way) costs ~0.2 ms a page; each line here is
    JSON, which YAML reads the same. ``None`` for anything else: MkDocs reads that itself.
    """
    match = _FRONT.match(text)
    if match is None or _EXPONENT.search(match.group(1)):
        return None
    meta = {}
    for line in match.group(1).splitlines():
        key, _, value = line.partition(": ")
        if key in meta:
            return None
        try:
            meta[key] = json.loads(value)
        except ValueError:
            return None
    return text[match.end() :].lstrip("\n"), meta


def read_generated(page, markdown: str, meta: dict) -> None:
    """Make ``page.read_source`` take the page's Markdown and front-matter as they are."""

    def read_source(config) -> None:
        page.markdown, page.meta = markdown, meta

    page.read_source = read_source


def is_ready_html(markdown: str) -> bool:
    """True for one raw HTML block without blank lines: Python-Markdown would pass it through unchanged."""
    text = markdown.strip()
    return text.startswith("<div") and text.endswith("</div>") and "\n\n" not in text


def skip_markdown(page) -> None:
    """Make ``page.render`` a no-op: no Python-Markdown converter built for a page with no Markdown."""

    def render(config, files) -> None:
        page.content, page.toc, page._title_from_render = "", get_toc([]), None
        page.present_anchor_ids, page.links_to_anchors = set(), {}

    page.render = render


def anchors(html: str) -> set[str]:
    """The ids a link to this page may point at (what MkDocs' raw-HTML scan collects)."""
    return set(_ANCHOR.findall(html))


@functools.lru_cache(maxsize=5_000)  # serve: an unchanged page's text costs nothing on a rebuild
def search_text(html: str) -> str | None:
    """The page's text as Material's search parser makes it, or ``None`` when the page needs that parser.

    ``None`` for pages whose headings carry ids (they become separate sections) and pages that
    exclude something other than a ``<nav>`` from search.
    """
    if _SECTION.search(html):
        return None
    without_nav = _EXCLUDED_NAV.sub("", html)
    if "data-search-exclude" in without_nav:
        return None
    text = _tags_kept(_SKIPPED.sub("", without_nav))
    text = _SPACE.sub(" ", text).replace("&#x27;", "'").replace("&quot;", '"')
    previous = None
    while previous != text:  # <li><p> </p></li>: the inner one empties the outer one
        previous, text = text, _EMPTY.sub("", text)
    return text.strip()


def _tags_kept(html: str) -> str:
    """The HTML with only Material's kept tags, bare (``<p class="a">`` → ``<p>``)."""
    if _UPPER_TAG.search(html):  # <P>, <Li>: Material lowercases tag names
        return _TAG.sub(_kept_tag, html)
    return _OTHER_TAG.sub("", _KEPT_TAG.sub(r"<\1\2>", html))


def _kept_tag(match: re.Match) -> str:
    name = match.group(2).lower()
    return f"<{match.group(1)}{name}>" if name in _KEPT else ""


MATERIAL_SEARCH = "material.plugins.search"  # the module of Material's search plugin


def material_search(config) -> object | None:
    """Material's search plugin, if it is on."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith(MATERIAL_SEARCH):
            return plugin
    return None


def search_index_of(config) -> object | None:
    """Material's search index, if Material's search plugin is on (else ``None``: nothing to do)."""
    index = getattr(material_search(config), "search_index", None)
    return index if hasattr(index, "entries") else None


def wants_search_entry(page) -> bool:
    """False for pages left out of the index, and for pages with tags (Material's own entry handles those)."""
    return wants_search_entry_of(page.meta)


def wants_search_entry_of(meta: dict) -> bool:
    """:func:`wants_search_entry` of a page with this front-matter."""
    return not (dict(meta.get("search") or {}).get("exclude") or meta.get("tags"))


def add_search_entry(index, page, text: str) -> None:
    """Add the page's one entry as Material's ``create_entry_for_section`` would, and keep the plugin off it."""
    search = dict(page.meta.get("search") or {})
    if not wants_search_entry(page):
        return
    entry = {"location": page.url, "title": str(page.meta.get("title", page.title)), "text": text}
    if "boost" in search:
        entry["boost"] = search["boost"]
    index.entries.append(entry)
    page.meta["search"] = {**search, "exclude": True}  # Material's plugin skips the page: no second parse


NOT_MADE = False  # no search text made (see PageTexts); None means "left to Material's parser"
MIN_PAGES_A_WORKER = 500  # below this a process costs more than it saves


class PageTexts:
    """Search texts and anchors of the generated pages, made by forked workers while MkDocs reads
    the pages (``on_files`` to ``on_env``): on a large site a tenth of the build, off the main process.

    :meth:`result` is ``{path: (hash of the page's HTML, search text or None, anchors)}`` for every
    ready page, what :func:`search_text` and :func:`anchors` give in this process (forked workers
    hash strings as this process does: the hash tells that the page is the one they read).
    """

    def __init__(self, generated: dict[str, str | bytes], workers: int) -> None:
        sources = [(path, text) for path, text in generated.items() if isinstance(text, str) and path.endswith(".md")]
        self._workers = ForkedMap(_texts_of, sources, workers, MIN_PAGES_A_WORKER)

    @property
    def started(self) -> bool:
        return self._workers.started

    def result(self) -> dict[str, tuple[int, str | bool | None, set[str]]]:
        return {path: texts for part in self._workers.results() for path, texts in part.items()}

    def close(self) -> None:
        self._workers.close()


def _texts_of(sources: list[tuple[str, str]]) -> dict[str, tuple[int, str | bool | None, set[str]]]:
    out = {}
    for path, source in sources:
        split = split_generated(source)
        if split is not None and is_ready_html(split[0]):
            text = search_text(split[0]) if wants_search_entry_of(split[1]) else NOT_MADE
            out[path] = (hash(split[0]), text, anchors(split[0]))
    return out

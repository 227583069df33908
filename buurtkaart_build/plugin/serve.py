"""``mkdocs serve``: fast reloads, and errors shown in the browser instead of a stuck page.

- :class:`PageCache`: MkDocs rebuilds every page on every save. A generated page whose source and
  page data are unchanged since the last build keeps its finished HTML: the theme renders a
  one-line template for it instead of the whole Material template (the slow part), and the
  plugin hands back the kept HTML. Anything else that could change a page (``mkdocs.yml``, a
  hand-written page) empties the cache.
- :func:`error_banner`: with invalid data MkDocs' server stalls every request until the build
  succeeds ("the server will appear stuck"). While serving, the plugin builds the last good
  site instead, with the Dutch messages on top of every page.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

import jinja2
import jinja2.bccache

from ..core.errors import Problem
from .frames import FRAMED_TEMPLATE
from .ready_pages import material_search

CACHED_TEMPLATE = "buurtkaart-bewaard.html"


class PageCache:
    """Finished HTML of generated pages, kept between builds of one ``mkdocs serve``."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}  # src_uri -> (key, finished HTML)
        self.hits: dict[str, str] = {}  # pages of the build under way that reuse their HTML
        self.signature = ""

    def start(self, config, files) -> None:
        """Begin a build; forget everything when the site's configuration or hand-written pages changed."""
        parts = [Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""]
        for file in files.documentation_pages():
            if file.abs_src_path and not file.generated_by:
                parts.append(f"{file.src_uri}:{os.path.getmtime(file.abs_src_path)}")
        signature = hashlib.sha1("\n".join(parts).encode()).hexdigest()
        if signature != self.signature:
            self.pages.clear()
        self.signature = signature
        self.hits.clear()

    @staticmethod
    def key(page, markdown: str) -> str:
        meta = json.dumps(page.meta, sort_keys=True, default=str)
        return hashlib.sha1(f"{page.file.url}\n{meta}\n{markdown}".encode()).hexdigest()

    def reuse(self, page, key: str) -> bool:
        """True when the page's HTML is kept (in :attr:`hits`): the theme then renders the one-line template."""
        kept = self.pages.get(page.file.src_uri)
        if kept is None or kept[0] != key:
            return False
        self.hits[page.file.src_uri] = kept[1]
        page.meta["template"] = CACHED_TEMPLATE
        return True


class GeneratedOutputs:
    """``mkdocs serve --dirty`` does not empty the site folder: the files of generated pages and
    files that a build no longer makes (a card removed or renamed) are removed by the plugin."""

    def __init__(self) -> None:
        self.previous: set[str] = set()

    def remove_stale(self, files, generated: Iterable[str], site_dir: str) -> None:
        """Remove what the last build generated (``generated``: paths below docs) and this one does not."""
        current = {file.abs_dest_path for path in generated if (file := files.get_file_from_path(path))}
        inside = os.path.join(os.path.abspath(site_dir), "")
        gone = sorted(p for p in self.previous - current if p.startswith(inside) and os.path.isfile(p))
        for path in gone:
            os.remove(path)
            with contextlib.suppress(OSError):  # its folder, when it is now empty
                os.rmdir(os.path.dirname(path))
        self.previous = current


def rebuild_every_page(files) -> None:
    """``mkdocs serve --dirty`` rebuilds only pages whose file changed; a hand-written page can
    show generated data (the home page's locations), and Material's search index of a dirty
    build assumes one page changed. So every page is rebuilt: they are few and cheap besides
    the generated ones, which MkDocs always rebuilds."""
    for file in files.documentation_pages():
        if not file.generated_by:
            file.is_modified = lambda: True


class DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build "will likely lead to inaccurate navigation":
    with the plugin every page is rebuilt (:func:`rebuild_every_page`), only unchanged files
    are left as they are."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


DIRTY_NOTICE = DirtyBuildNotice()


def quiet_dirty_notice(on: bool) -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if on:
        logger.addFilter(DIRTY_NOTICE)
    else:
        logger.removeFilter(DIRTY_NOTICE)


def forget_previous_search_index(config) -> None:
    """Material's search merges a dirty build's entries into the last build's index as if one
    page changed; every page is rebuilt (:func:`rebuild_every_page`), so the index starts anew."""
    plugin = material_search(config)
    if hasattr(plugin, "search_index_prev"):
        plugin.search_index_prev = None


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept between the builds of one ``mkdocs serve``.

    MkDocs makes a new template environment for every rebuild, and compiling Material's templates
    again costs ~0.3 s a save. Jinja checks each template's source against the kept code's
    checksum, so a changed template is compiled anew.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def add_templates(env: jinja2.Environment) -> jinja2.Environment:
    """The one-line templates of kept pages (serve) and of framed pages (plugin.frames): the plugin
    hands back their finished HTML in ``on_post_page``."""
    templates = {CACHED_TEMPLATE: "{{ page.content }}", FRAMED_TEMPLATE: "{{ page.content }}"}
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(templates), env.loader])
    return env


BANNER_STYLE = (
    "background:#fff4e5;color:#1b1b1b;border:3px solid #b42318;padding:1em 1.5em;margin:0;"
    "font:1rem/1.5 system-ui,sans-serif;position:relative;z-index:10"
)


def error_banner(problems: list[Problem]) -> str:
    """A block with every error in Dutch, for the top of each page while serving."""
    from html import escape

    items = "".join(f"<li>{escape(p.as_text())}</li>" for p in problems if p.is_error)
    return (
        f'<div class="bk-serve-errors" role="alert" style="{BANNER_STYLE}">'
        "<strong>De Buurtkaart bevat fouten; deze pagina is van de laatste keer dat alles klopte.</strong>"
        f"<ul>{items}</ul>"
        "<p>Verbeter de fouten en sla het bestand op: de pagina ververst dan vanzelf.</p></div>"
    )


def with_banner(html: str, banner: str) -> str:
    """``html`` with ``banner`` right after ``<body …>`` (unchanged when there is no body tag)."""
    start = html.find("<body")
    end = html.find(">", start) if start != -1 else -1
    if end == -1:
        return banner + html
    return html[: end + 1] + banner + html[end + 1 :]

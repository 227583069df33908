"""Most framed pages are built after MkDocs' own loop, by forked workers on every CPU.

MkDocs builds its pages one after another in one process. On a large site most pages are
members of a frame's family (card pages, easy-read pages; see :mod:`.frames`): each costs only
the plugin events, the filling and the writing, yet together they are a third of the build.
:class:`LaterPages` takes every member after the first two of its family out of MkDocs' loop
(``on_env``; the first two are rendered by the theme and check the frame) and builds them in
``on_post_build`` exactly as the loop would (:func:`build_page`: the same context, events and
file), split over forked workers when there are many (not while serving: a server's threads
and fork do not mix). While serving, a page whose finished HTML is kept from the last build
(:class:`.serve.PageCache`) is only written.

Only when nothing can tell the difference:

- every plugin that sees built pages (``on_page_context``, ``on_post_page``) is this one or
  Material's search, and the page is left out of Material's own index (its entry was made when
  it was read, :mod:`.ready_pages`): a worker's events change nothing the build needs later
  except the sprite's symbols, which come back, as do the log messages (``--strict`` counts them);
- every template still gets the site's whole list of pages (``pages``): the sitemap lists them all.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable

from mkdocs.commands.build import get_context
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import write_file

from ..core.workers import ForkedMap
from .ready_pages import MATERIAL_SEARCH

log = logging.getLogger("mkdocs.plugins.buurtkaart")

CHECKED_MEMBERS = 2  # of each family, built by MkDocs (see frames.FrameCache.render)
MIN_PAGES_A_WORKER = 250  # below this a process costs more than it saves
_KNOWN_PLUGINS = ("buurtkaart_build.plugin", MATERIAL_SEARCH)

State = Callable[[], dict]  # the plugin's state that building a page may change (see LaterPages.build)


class LaterPages:
    """The pages of one build that the plugin builds itself, after MkDocs' loop."""

    def __init__(self) -> None:
        self.pages: list = []  # Page objects, in the site's order
        self.kept: list[tuple[object, str]] = []  # (page, its finished HTML kept by serve)
        self.written: dict[str, str] = {}  # serve: file -> the kept HTML the last build wrote there
        self.all_pages: list | None = None  # every page's File, for the templates' ``pages``
        self.all_included: list | None = None  # ... as the static templates (sitemap) list them

    def take(self, files, members: dict[str, str], config, *, serving: bool, kept: dict[str, str]) -> None:
        """Take framed pages after the first two of their family out of ``files`` (``on_env``),
        and pages whose finished HTML is ``kept`` (serve: unchanged since the last build)."""
        self.pages, self.kept = [], []
        if not _only_known_page_plugins(config):
            return
        inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        all_pages, all_included = files.documentation_pages(inclusion=inclusion), files.documentation_pages()
        seen: Counter[str] = Counter()
        for file in all_pages:
            if file.page is None or not dict(file.page.meta.get("search") or {}).get("exclude"):
                continue
            if (html := kept.get(file.src_uri)) is not None:
                self.kept.append((file.page, html))
            elif (key := members.get(file.src_uri)) is not None:
                seen[key] += 1
                if seen[key] > CHECKED_MEMBERS:
                    self.pages.append(file.page)
        if self.pages or self.kept:
            self.all_pages, self.all_included = all_pages, all_included
            for page in [*self.pages, *(page for page, _ in self.kept)]:
                files.remove(page.file)

    def build(self, config, nav, env, workers: int, state: State, *, dirty: bool = False) -> list[tuple[dict, dict]]:
        """Build and write every page taken. With forked workers: each slice's ``(state before,
        state after)``, to carry back what the events changed (``state()`` is the plugin's).

        ``dirty`` (``mkdocs serve --dirty``: the site folder is not emptied between builds): a
        kept page whose file still holds what the last build wrote there is not written again.
        """
        for page, html in self.kept:  # nothing of a kept page can change: only its file is written
            dest = page.file.abs_dest_path
            if not (dirty and self.written.get(dest) is html and os.path.isfile(dest)):
                write_file(html.encode("utf-8", errors="xmlcharrefreplace"), dest)
                self.wrote(page, html)
        pages, self.pages, self.kept = self.pages, [], []
        if not pages:
            return []

        def build_slice(part: list) -> tuple[dict, dict, list[logging.LogRecord]]:
            records = _collect_log_records()  # in a worker: shown by this process, once
            before = state()
            for page in part:
                build_page(page, config, self.all_pages, nav, env)
            return before, state(), records.take()

        workers = ForkedMap(build_slice, pages, workers, MIN_PAGES_A_WORKER)
        if not workers.started:
            for page in pages:
                build_page(page, config, self.all_pages, nav, env)
            return []
        done = workers.results()
        for _, _, records in done:
            for record in records:  # shown (and counted by --strict) here
                logging.getLogger(record.name).handle(record)
        return [(before, after) for before, after, _ in done]

    def wrote(self, page, html: str) -> None:
        """Serve: ``html`` (a kept page's, the same object the next build keeps) is in the page's file."""
        self.written[page.file.abs_dest_path] = html


def build_page(page, config, doc_files, nav, env) -> None:
    """Build one page as MkDocs' ``_build_page`` does: context, events, template, file."""
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
        if output.strip():
            write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    except Exception as exc:
        log.error(f"Error building page '{page.file.src_uri}': {exc}")
        raise
    finally:
        page.active = False
        config._current_page = None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # picklable, as it would be shown
        record.exc_info = record.exc_text = None
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


_collector: _Collect | None = None


def _collect_log_records() -> _Collect:
    """In a worker: log records go to one collector instead of the terminal (the parent shows them)."""
    global _collector
    if _collector is None:
        _collector = _Collect()
        loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
        for logger in loggers:
            if isinstance(logger, logging.Logger):
                for handler in list(logger.handlers):
                    logger.removeHandler(handler)
                logger.propagate = True
        logging.getLogger().addHandler(_collector)
    return _collector


def _only_known_page_plugins(config) -> bool:
    events = getattr(config.plugins, "events", None)
    if not isinstance(events, dict):
        return False
    for name in ("page_context", "post_page"):
        for method in events.get(name, []):
            owner = type(getattr(method, "__self__", None)).__module__
            if not owner.startswith(_KNOWN_PLUGINS):
                return False
    return True

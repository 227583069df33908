"""MkDocs adapter: adds the generated and the packaged pages as virtual files. All logic lives in the core.

The packaged pages (help, templates, a home page) come with the package, so an upgrade brings
them along; a file of the repository at the same path in ``docs/`` replaces one. Without a
``nav`` in mkdocs.yml the plugin gives the site the project's navigation.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core.errors import BuurtkaartError
from ..core.geo import PDOK_LOCATIESERVER
from ..core.history import last_commit_time, reference_time
from ..core.version import package_version
from ..core.workers import FewerCollections, available_cpus
from ..render.easy_read import READ_ALOUD_SCRIPT
from ..render.githost import git_host
from ..render.help import DEFAULT_NAV, packaged_pages
from ..render.html import ASSET_DIR
from ..render.options import OSM_ATTRIBUTION, OSM_TILES, SiteOptions
from ..render.site import (
    HOME_MARKER,
    BuildMemory,
    generate,
    home_table,
    rank_below_cards,
    source_files,
    stylesheet_names,
)
from .frames import FRAMED_TEMPLATE, FrameCache
from .later_pages import LaterPages
from .lean_html import SPRITE, LeanHtml
from .ready_pages import (
    NOT_MADE,
    PageTexts,
    add_search_entry,
    anchors,
    is_ready_html,
    read_generated,
    search_index_of,
    search_text,
    skip_markdown,
    split_generated,
    wants_search_entry,
)
from .search_words import keep_whole_words_in_search
from .serve import (
    CompiledTemplates,
    GeneratedOutputs,
    PageCache,
    add_templates,
    error_banner,
    forget_previous_search_index,
    quiet_dirty_notice,
    rebuild_every_page,
    with_banner,
)
from .theme_fixes import fix_theme_html

NEEDED_EXTENSIONS = ("attr_list", "tables", "admonition", "toc")


def version_line(copyright: str | None) -> str:
    """The site footer: the repository's own line (if any), then the Buurtkaart version."""
    line = f"Gemaakt met Buurtkaart {package_version()}"
    if copyright and line in copyright:
        return copyright  # the same config seen twice
    return f"{copyright} · {line}" if copyright else line


class BuurtkaartConfig(base.Config):
    root = c.Type(str, default=".")
    publiek = c.Type(bool, default=False)
    tegels = c.Type(str, default=OSM_TILES)
    tegels_bron = c.Type(str, default=OSM_ATTRIBUTION)
    # The form's address search: the one outside request besides the tiles (only what is typed
    # in its search box goes to PDOK). false: no search box, no request.
    adreszoeker = c.Type(bool, default=True)
    adreszoeker_url = c.Type(str, default=PDOK_LOCATIESERVER)


class BuurtkaartPlugin(BasePlugin[BuurtkaartConfig]):
    """``plugins: [buurtkaart]`` in mkdocs.yml."""

    def __init__(self) -> None:
        self.generated: dict[str, str | bytes] = {}
        self.sources: dict[str, str] = {}
        self.home = ""
        self.ready: dict[str, str] = {}  # src_uri -> the page's ready HTML (see ready_pages)
        self.lean = LeanHtml()
        self.frames = self._new_frames()
        self.later = LaterPages()
        self.texts = PageTexts({}, 1)  # search texts and anchors of large sites, by forked workers
        self.read: list[tuple[object, str]] = []  # ready pages read while the workers make those
        self.workers = 1
        # While serving (MkDocs keeps this instance between rebuilds because of on_startup):
        self.serving = self.dirty = False
        self.cache = PageCache()
        self.outputs = GeneratedOutputs()
        self.memory = BuildMemory()  # cards and card pages as the last build made them
        self.compiled = CompiledTemplates()
        self.keys: dict[str, str] = {}  # src_uri -> cache key of the page being built
        self.banner = ""  # the Dutch errors, on top of every page while the data is invalid
        self.collections = FewerCollections()  # from on_pre_build to the end of on_post_build

    def _new_frames(self) -> FrameCache:
        return FrameCache(
            finish=lambda html, page: self._lean(html, page),
            fragment=lambda html, page: self.lean.fragment(html, _to_root(page)),
        )

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty  # mkdocs serve --dirty: the site folder is not emptied between builds
        quiet_dirty_notice(self.serving and dirty)

    @property
    def root(self) -> Path:
        return Path(self.config_file_dir, self.config.root).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.config_file_dir = Path(config.config_file_path or ".").parent
        # MkDocs dates every page with the build day (sitemap <lastmod>, sitemap.xml.gz) unless
        # SOURCE_DATE_EPOCH is set: take the newest commit's time, so a commit builds the same
        # site on any day. A value set by the caller wins; outside git the clock is used.
        if "SOURCE_DATE_EPOCH" not in os.environ and (stamp := last_commit_time(self.root)) is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(stamp)
        for name in stylesheet_names():
            if f"{ASSET_DIR}/{name}" not in config.extra_css:
                config.extra_css.append(f"{ASSET_DIR}/{name}")
        # The "Lees voor" button of the easy-read pages; does nothing on pages without one.
        if READ_ALOUD_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(READ_ALOUD_SCRIPT)
        if config.nav is None:
            config.nav = copy.deepcopy(DEFAULT_NAV)
        for extension in NEEDED_EXTENSIONS:  # the help pages use tables, notes (!!! tip) and attributes
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.copyright = version_line(config.copyright)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.collections.start()
        # Card pages (here) and framed pages (on_post_build) on every CPU; not while serving (a
        # server's threads and fork do not mix, and its caches make a rebuild small anyway).
        self.workers = 1 if self.serving else available_cpus()
        # Before MkDocs cleans the site folder: invalid data leaves the old site untouched.
        options = SiteOptions(
            public=self.config.publiek,
            tiles_url=self.config.tegels,
            tiles_attribution=self.config.tegels_bron,
            reference=reference_time(self.root),
            site_url=config.site_url or None,
            address_search=self.config.adreszoeker_url if self.config.adreszoeker else None,
            git=git_host(config.repo_url, config.edit_uri, self._docs_to_root(config)),
            workers=self.workers,
        )
        try:
            repo, generated = generate(self.root, options, self.memory if self.serving else None)
        except BuurtkaartError as exc:
            if not self.serving:
                raise PluginError(f"De Buurtkaart bevat fouten; de site is niet gebouwd.\n{exc}") from None
            # Serving: the last good pages with the messages on top, instead of a stalled browser.
            self.banner = error_banner(exc.problems)
            return
        self.generated, self.home, self.banner = generated, home_table(repo), ""
        self.sources = source_files(repo)

    def _docs_to_root(self, config: MkDocsConfig) -> str:
        return Path(os.path.relpath(self.root, config.docs_dir)).as_posix()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs_to_root = self._docs_to_root(config)
        for path, content in self.generated.items():
            existing = files.get_file_from_path(path)
            if existing is not None and not existing.generated_by:
                raise PluginError(
                    f"docs/{path} bestaat al, maar de Buurtkaart maakt die pagina zelf. "
                    "Hernoem of verwijder het bestand in docs/."
                )
            file = File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            # Material's edit button: the card or inventory behind the page, never a docs page
            # that does not exist (MkDocs resolves '../' against edit_uri's docs folder).
            source = self.sources.get(path)
            file.edit_uri = f"{docs_to_root}/{source}" if source else None
            files.append(file)
        for path, content in packaged_pages().items():
            if files.get_file_from_path(path) is None:  # the repository's own page wins
                files.append(File.generated(config, path, content=content))
        keep_whole_words_in_search(files, config)
        self.texts.close()
        self.texts, self.read = PageTexts(self.generated, self.workers), []  # while MkDocs reads the pages
        if self.serving:
            self.cache.start(config, files)
            if self.dirty:  # mkdocs serve --dirty: the site folder keeps the last build's files
                self.outputs.remove_stale(files, self.generated, config.site_dir)  # a card removed: its pages go too
                rebuild_every_page(files)
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        self.frames = self._new_frames()  # a new build: the theme or its configuration may have changed
        self.frames.start(nav)
        self.nav = nav
        return nav

    @event_priority(-100)  # last: every page as the other plugins left it
    def on_env(self, env, config: MkDocsConfig, files: Files):
        self.env = env
        if self.texts.started:  # search entries in the order the pages were read, as without workers
            made, index = self.texts.result(), search_index_of(config)
            for page, ready in self.read:
                self._index(page, ready, index, made.get(page.file.src_uri))
        self.read = []
        if self.serving:
            env.bytecode_cache = self.compiled
        kept = {src: with_banner(html, self.banner) if self.banner else html for src, html in self.cache.hits.items()}
        self.later.take(files, self.frames.members, config, serving=self.serving, kept=kept)
        return add_templates(env)

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if self.later.all_included is not None:
            context["pages"] = self.later.all_included  # the sitemap lists the pages built later too
        return context

    def on_pre_page(self, page, config: MkDocsConfig, files: Files):
        content = self.generated.get(page.file.src_uri)
        if isinstance(content, str) and (split := split_generated(content)) is not None:
            read_generated(page, *split)  # no YAML parse of the front-matter the core wrote
        return page

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.generated and is_ready_html(markdown):
            self.ready[page.file.src_uri] = markdown
            skip_markdown(page)
            if self.serving:
                self.keys[page.file.src_uri] = key = self.cache.key(page, markdown)
                self.cache.reuse(page, key)
            return ""  # nothing for Python-Markdown to do; on_page_content puts the HTML in
        if page.file.src_uri not in self.generated:
            rank_below_cards(page.meta)
        return markdown.replace(HOME_MARKER, self.home) if HOME_MARKER in markdown else markdown

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        ready = self.ready.pop(page.file.src_uri, None)
        if ready is None:
            return html
        if self.texts.started:
            self.read.append((page, ready))  # search text and anchors: in on_env, from the workers
        else:
            self._index(page, ready, search_index_of(config), None)
        if page.file.src_uri not in self.cache.hits:
            self.frames.enrol(page, ready)
        return ready

    def _index(self, page, ready: str, index, made: tuple[int, str | bool | None, set[str]] | None) -> None:
        """The page's anchors and search entry (``made``: by a worker, for this very HTML)."""
        if made is None or made[0] != hash(ready):
            made = (0, NOT_MADE, anchors(ready))
        page.present_anchor_ids = made[2]
        if index is None or not wants_search_entry(page):
            return  # no text needed: the page is not in the index
        text = search_text(ready) if made[1] is NOT_MADE else made[1]
        if text is not None:
            add_search_entry(index, page, text)

    @event_priority(-100)  # last: the context as every other plugin left it
    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        if self.later.all_pages is not None:
            context["pages"] = self.later.all_pages  # every page, also those built later
        if page.meta.get("template") == FRAMED_TEMPLATE:
            self.frames.render(self.env, context, page)
        return context

    @event_priority(100)  # first: other plugins see the finished page, also when it came from a frame
    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        framed = self.frames.output(page)
        if not self.serving:
            return framed if framed is not None else self._lean(output, page)
        src = page.file.src_uri
        kept = self.cache.hits.pop(src, None)
        if kept is None:
            kept = framed if framed is not None else self._lean(output, page)
            if (key := self.keys.pop(src, None)) is not None:
                self.cache.pages[src] = (key, kept)
        out = with_banner(kept, self.banner) if self.banner else kept
        self.later.wrote(page, out)  # MkDocs writes it next
        return out

    def _state(self) -> dict:
        """What building a page changes in this plugin (carried back from forked workers)."""
        return {"symbols": dict(self.lean.symbols), "rendered": self.frames.rendered}

    def _lean(self, output: str, page) -> str:
        generated = page.file.src_uri in self.generated
        return self.lean.page(fix_theme_html(output), _to_root(page), generated=generated)

    @event_priority(100)  # first: the pages are there when other plugins finish the site
    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            self._finish_site(config)
        finally:
            self.collections.stop()

    def _finish_site(self, config: MkDocsConfig) -> None:
        """The pages built later, the sprite of theme icons, and the error banner on the 404 page."""
        dirty = self.serving and self.dirty
        if self.serving:
            forget_previous_search_index(config)
        for before, after in self.later.build(config, self.nav, self.env, self.workers, self._state, dirty=dirty):
            self.lean.symbols.update(after["symbols"])  # theme icons the workers' pages use
            self.frames.rendered += after["rendered"] - before["rendered"]
        self.later.all_pages = self.later.all_included = None
        sprite = Path(config.site_dir, SPRITE)
        sprite.parent.mkdir(parents=True, exist_ok=True)
        sprite.write_text(self.lean.sprite(), encoding="utf-8")
        not_found = Path(config.site_dir, "404.html")
        if self.banner and not_found.is_file():  # a page the broken data would have made
            not_found.write_text(with_banner(not_found.read_text(encoding="utf-8"), self.banner), encoding="utf-8")

    def on_build_error(self, error: Exception) -> None:
        self.texts.close()
        self.collections.stop()

    def on_serve(self, server, config: MkDocsConfig, builder):
        for folder in ("cards", "inventory"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server


def _to_root(page) -> str:
    """The way from a page's folder to the site root: ``"../../"`` for ``de-kastanje/bakkerij/``."""
    return "../" * page.url.count("/")

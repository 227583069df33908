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
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core.errors import BuurtkaartError
from ..core.geo import PDOK_LOCATIESERVER
from ..core.history import last_commit_time, reference_time
from ..core.version import package_version
from ..render.easy_read import READ_ALOUD_SCRIPT
from ..render.githost import git_host
from ..render.help import DEFAULT_NAV, packaged_pages
from ..render.html import ASSET_DIR
from ..render.options import OSM_ATTRIBUTION, OSM_TILES, SiteOptions
from ..render.site import HOME_MARKER, css_files, generate, home_table, source_files
from .search_words import keep_whole_words_in_search
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
        for name in css_files():
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
        # Before MkDocs cleans the site folder: invalid data leaves the old site untouched.
        options = SiteOptions(
            public=self.config.publiek,
            tiles_url=self.config.tegels,
            tiles_attribution=self.config.tegels_bron,
            reference=reference_time(self.root),
            site_url=config.site_url or None,
            address_search=self.config.adreszoeker_url if self.config.adreszoeker else None,
            git=git_host(config.repo_url, config.edit_uri, self._docs_to_root(config)),
        )
        try:
            repo, self.generated = generate(self.root, options)
        except BuurtkaartError as exc:
            raise PluginError(f"De Buurtkaart bevat fouten; de site is niet gebouwd.\n{exc}") from None
        self.home = home_table(repo)
        self.sources = source_files(repo)

    def _docs_to_root(self, config: MkDocsConfig) -> str:
        return Path(os.path.relpath(self.root, config.docs_dir)).as_posix()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
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
            file.edit_uri = f"{self._docs_to_root(config)}/{source}" if source else None
            files.append(file)
        for path, content in packaged_pages().items():
            if files.get_file_from_path(path) is None:  # the repository's own page wins
                files.append(File.generated(config, path, content=content))
        keep_whole_words_in_search(files, config)
        return files

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:
        return markdown.replace(HOME_MARKER, self.home) if HOME_MARKER in markdown else markdown

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        return fix_theme_html(output)

    def on_serve(self, server, config: MkDocsConfig, builder):
        for folder in ("cards", "inventory"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server

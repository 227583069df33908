"""Material's Dutch search, patched so that typing a whole word finds it (see the JS file)."""

from __future__ import annotations

from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

LUNR_NL = "assets/javascripts/lunr/min/lunr.nl.min.js"


def keep_whole_words_in_search(files: Files, config: MkDocsConfig) -> None:
    """Append our stemmer wrapper to the theme's ``lunr.nl.min.js`` (no-op if the theme lacks it)."""
    original = files.get_file_from_path(LUNR_NL)
    if original is None:
        return
    patch = resources.files("buurtkaart_build").joinpath("assets", "js", "lunr-nl-keep-words.js").read_text("utf-8")
    content = original.content_string.rstrip() + "\n" + patch
    files.remove(original)
    files.append(File.generated(config, LUNR_NL, content=content))

"""Small fixes to the HTML Material for MkDocs writes around our pages (see plugin.on_post_page).

Done on the finished page rather than with a copied theme template: it works for every
repository that uses the plugin (no ``custom_dir`` to set up, no copy of a Material partial to
keep in step with the theme). tests/browser/test_accessibility.py fails if Material changes the
markup these fixes look for.
"""

from __future__ import annotations

# Material's search overlay is a dialog without a name: screen readers announce just "dialog".
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Zoeken">'

# With repo_url set, Material's script asks the git host's API for stars, forks and the latest
# release (api.github.com, gitlab.com/api): a request to a third party on every page. Without the
# component name the link to the repository stays, the request goes.
SOURCE_FACTS = 'class="md-source" data-md-component="source"'
PLAIN_SOURCE = 'class="md-source"'


def fix_theme_html(html: str) -> str:
    """The page with the theme's fixes applied; unchanged when the markup is not there."""
    return html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1).replace(SOURCE_FACTS, PLAIN_SOURCE)

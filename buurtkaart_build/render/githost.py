"""Links into the git host's web editor, from MkDocs' ``repo_url`` and ``edit_uri``.

``edit_uri`` points at the docs folder (``edit/main/docs/``); cards and inventories live next
to it, so every link is made relative to that folder and resolved (``../cards/x.md``).
GitHub's new-file page fills name and content from ``?filename=…&value=…``; GitLab and Gitea
ignore such parameters, so there the form opens the new-file page in the card's folder and
puts the text on the clipboard (measured, design §7).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

# How each host names its edit and new-file pages in a URL.
_NEW_PAGE = (
    ("github", re.compile(r"/(?:edit|blob)/"), "/new/"),
    ("gitlab", re.compile(r"/-/(?:edit|blob)/"), "/-/new/"),
    ("gitea", re.compile(r"/_edit/|/src/branch/"), "/_new/"),
)


@dataclass(frozen=True)
class GitHost:
    """The web editor of the repository that holds ``cards/`` and ``inventory/``.

    Attributes:
        kind: ``github``, ``gitlab``, ``gitea`` or ``anders`` (edit links only).
        edit_root: The URL that edits a file at the repository root when a path is appended.
    """

    kind: str
    edit_root: str

    @property
    def label(self) -> str:
        return {"github": "GitHub", "gitlab": "GitLab", "gitea": "Gitea"}.get(self.kind, "de git-website")

    def edit_url(self, rel: str) -> str:
        """The editor of ``rel`` (a path below the repository root, with ``/``)."""
        return self.edit_root + quote(rel)

    def new_root(self) -> str | None:
        """The new-file page of the repository root (add a folder, or GitHub's parameters)."""
        for kind, pattern, new in _NEW_PAGE:
            if kind == self.kind:
                path = urlsplit(self.edit_root).path
                match = pattern.search(path)
                if match:
                    return self.edit_root.replace(match.group(), new, 1)
        return None


def git_host(repo_url: str | None, edit_uri: str | None, docs_to_root: str) -> GitHost | None:
    """The git host of a site, or ``None`` when ``mkdocs.yml`` names no repository.

    Args:
        repo_url: MkDocs' ``repo_url``.
        edit_uri: MkDocs' ``edit_uri`` (MkDocs fills in ``edit/master/docs/`` for GitHub and
            GitLab when it is not set).
        docs_to_root: The repository root seen from the docs folder, e.g. ``..``.
    """
    if not repo_url or not edit_uri:
        return None
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri)
    root = posixpath.normpath(docs_to_root).strip("/")
    edit_root = urljoin(base, root + "/") if root not in ("", ".") else base
    host = (urlsplit(repo_url).hostname or "").lower()
    path = urlsplit(edit_root).path
    if "github" in host:
        kind = "github"
    elif "gitlab" in host or "/-/" in path:
        kind = "gitlab"
    elif "/_edit/" in path or "gitea" in host or "codeberg" in host:
        kind = "gitea"
    else:
        kind = "anders"
    if kind == "gitlab" and "/-/" not in path:  # MkDocs' default 'edit/master/docs/' on GitLab
        edit_root = edit_root.replace("/edit/", "/-/edit/", 1).replace("/blob/", "/-/blob/", 1)
    return GitHost(kind, edit_root)

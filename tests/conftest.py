"""Shared fixtures: small Buurtkaart repositories written into ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_files import INVENTORY, ROOT, mkdocs_build, write_repo


@pytest.fixture
def repo_dir(tmp_path: Path):
    """A factory: ``repo_dir({"cards/test/x.md": "..."})`` → a repo with one location 'test'."""

    def make(files: dict[str, str | bytes] | None = None, *, inventory: bool = True) -> Path:
        base = {"inventory/test.md": INVENTORY} if inventory else {}
        return write_repo(tmp_path, {**base, **(files or {})})

    return make


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo repository built once with ``mkdocs build --strict``; tests only read it."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site

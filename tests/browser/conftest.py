"""Browser fixtures (helpers in :mod:`harness`): Chromium, the built demo site, one visit per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, Visit, open_visit, serve, tile_template


@pytest.fixture(scope="session")
def browser():
    # Fail, never skip: in CI a missing browser must not look like a green run.
    # Without Chromium, run the other tests with: pytest -m "not browser".
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (or set BUURTKAART_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def demo_server(demo_site) -> Iterator[Server]:
    server = serve(demo_site, tile_template(ROOT / "mkdocs.yml"))
    yield server
    server.close()


@pytest.fixture
def visit(browser, demo_server) -> Iterator[Visit]:
    """A fresh browser context on the demo site."""
    v = open_visit(browser, demo_server)
    yield v
    v.page.context.close()

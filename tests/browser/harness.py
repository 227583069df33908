"""Browser tests: build a site, serve it on 127.0.0.1, drive Debian's Chromium with Playwright.

Nothing may leave the site: the route handler lets the local server through, answers tile
requests (the host of the configured tile server) with a 1×1 PNG, and aborts and records
everything else. Console errors and uncaught exceptions (also inside the map iframes) are
collected, and ``alert``/``confirm``/``prompt`` are recorded instead of shown.

Needs ``/usr/bin/chromium`` (Debian package ``chromium``) and the ``playwright`` Python
package; no ``playwright install``.
"""

from __future__ import annotations

import base64
import functools
import http.server
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from repo_files import mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "buurtkaart_build" / "data" / "help"  # served by the plugin
CHROMIUM = os.environ.get("BUURTKAART_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# Runs in every document and frame before the page's own scripts.
INIT_SCRIPT = """
window.__bk = {errors: [], dialogs: []};
window.addEventListener("error", function (e) { window.__bk.errors.push(String(e.message)); });
window.addEventListener("unhandledrejection", function (e) { window.__bk.errors.push(String(e.reason)); });
["alert", "confirm", "prompt"].forEach(function (name) {
  window[name] = function (msg) { window.__bk.dialogs.push(name + ": " + msg); };
});
"""


def build_site(repo_root: Path, site_dir: Path | None = None) -> Path:
    """``mkdocs build --strict`` of a Buurtkaart repository; returns the site folder.

    A repository without its own ``mkdocs.yml`` (a small one made by a test) gets a copy of the
    project's ``mkdocs.yml`` and ``docs/``.
    """
    if not (repo_root / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", repo_root / "mkdocs.yml")
    if not (repo_root / "docs").exists():
        shutil.copytree(ROOT / "docs", repo_root / "docs")
    site_dir = site_dir or repo_root / "_site"
    result = mkdocs_build(repo_root, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def tile_template(config_file: Path) -> str:
    """The ``tegels`` option of the buurtkaart plugin in ``mkdocs.yml`` (default OpenStreetMap)."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "buurtkaart" in plugin:
            return (plugin["buurtkaart"] or {}).get("tegels", OSM_TILES)
    return OSM_TILES


def host_pattern(template: str) -> re.Pattern:
    """Host of a tile URL template, with ``{s}`` as any subdomain."""
    host = urlsplit(template.replace("{s}", "SUB")).hostname or ""
    return re.compile("^" + re.escape(host).replace("SUB", "[a-z0-9-]+") + "$")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@dataclass
class Server:
    """A built site served on 127.0.0.1."""

    root: Path
    tiles: re.Pattern
    httpd: http.server.ThreadingHTTPServer = field(repr=False)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(site_dir: Path, tiles_template: str = OSM_TILES) -> Server:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(site_dir, host_pattern(tiles_template), httpd)


@dataclass
class Visit:
    """One browser context on a served site, with everything it tried to do."""

    page: object
    server: Server
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    tiles: list[str] = field(default_factory=list)

    def open(self, path: str = ""):
        self.page.goto(self.server.url(path), wait_until="load")
        return self.page

    def map_frame(self, selector: str = "iframe.bk-map-frame"):
        """The map iframe's frame, once its map has been drawn."""
        handle = self.page.wait_for_selector(selector, state="attached")
        handle.scroll_into_view_if_needed()
        frame = handle.content_frame()
        frame.wait_for_function("window.buurtkaart && window.buurtkaart.kaart")
        return frame

    def all_errors(self) -> list[str]:
        """Console errors and uncaught exceptions of the page and every frame."""
        found = list(self.errors)
        for frame in self.page.frames:
            try:
                found += frame.evaluate("window.__bk ? window.__bk.errors.concat(window.__bk.dialogs) : []")
            except Exception as exc:  # a frame that navigated away meanwhile
                found.append(f"frame {frame.url}: {exc}")
        return found


def open_visit(browser, server: Server) -> Visit:
    """A fresh browser context on ``server`` with the request guard and error collectors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", service_workers="block")
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    visit = Visit(page=page, server=server)
    local = urlsplit(server.base).netloc

    def guard(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.netloc == local:
            route.continue_()
        elif parts.hostname and server.tiles.match(parts.hostname):
            visit.tiles.append(url)
            route.fulfill(status=200, content_type="image/png", body=PNG_1X1)
        else:
            visit.blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    page.on("console", lambda msg: visit.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: visit.errors.append(str(exc)))
    return visit


def track_requests(visit) -> None:
    """Count the page's requests (its frames' too) that have not finished, from now on."""
    visit.pending = {}
    page = visit.page
    page.on("request", lambda r: visit.pending.__setitem__(r, r.url))
    page.on("requestfinished", lambda r: visit.pending.pop(r, None))
    page.on("requestfailed", lambda r: visit.pending.pop(r, None))


def wait_until_quiet(visit, quiet_ms: int = 500, timeout_ms: int = 20_000) -> None:
    """No open request for ``quiet_ms``; else fail naming the requests still open."""
    still = 0
    for _ in range(timeout_ms // 100):
        visit.page.wait_for_timeout(100)
        still = still + 100 if not visit.pending else 0
        if still >= quiet_ms:
            return
    raise AssertionError(f"requests still open after {timeout_ms} ms: {sorted(visit.pending.values())}")

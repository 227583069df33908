"""``mkdocs serve`` on a synthetic repository: seconds from saving a card to the page showing it.

Starts the server on 127.0.0.1, waits for the first build, changes one card's title, then polls
the card's page until the new title is there (what a browser's reload would show).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float, step: float = 0.05) -> float | None:
    """Seconds until ``text`` is on the page at ``url``, or ``None`` after ``seconds``."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(step)
    return None


def measure_serve(project: Path, env: dict[str, str], *, dirty: bool = False) -> dict:
    """``serve_first_s`` (first build) and ``serve_reload_s`` (a saved card visible), best of two saves.

    ``dirty``: ``mkdocs serve --dirty`` (the keys become ``serve_dirty_first_s`` and so on)."""
    card = sorted((project / "cards").glob("*/*.md"))[len(list((project / "cards").glob("*/*.md"))) // 2]
    url_path = f"{card.parent.name}/{card.stem}/"
    original = card.read_text(encoding="utf-8")
    title = next(line for line in original.splitlines() if line.startswith("titel:"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")]
        + (["--dirty"] if dirty else []),
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    result: dict = {}
    try:
        result["serve_first_s"] = wait_for(base + url_path, title.split(":", 1)[1].strip(), 600, step=0.5)
        times = []
        for attempt in (1, 2):
            marker = f"Nieuw{attempt}{int(time.time())}"
            card.write_text(original.replace(title, f"titel: {marker}", 1), encoding="utf-8")
            times.append(wait_for(base + url_path, marker, 120))
            time.sleep(1)
        result["serve_reload_s"] = min((t for t in times if t is not None), default=None)
    finally:
        card.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return {key.replace("serve_", "serve_dirty_"): value for key, value in result.items()} if dirty else result

"""Smoke test of the benchmark: ``bench/run.py --quick`` runs and prints its table (no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from repo_files import ROOT


def test_quick_benchmark_prints_the_table(tmp_path):
    results = tmp_path / "results.json"
    process = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json", str(results)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert process.returncode == 0, process.stderr[-3000:]
    out = process.stdout
    assert "| | 100 cards, 1 loc. | budget (design §8) |" in out
    rows = ("`buurtkaart check` (CLI, wall clock)", "full `mkdocs build` with the plugin", "plain Material, one short")
    for row in rows:
        assert row in out
    assert "map data (JSON in kaart.html)" in out and "matching, cold caches" in out
    assert "Failed" not in out
    figures = json.loads(results.read_text(encoding="utf-8"))["sizes"]["100"]
    assert figures["check_ok"] and figures["build_ok"] and figures["plain_ok"]
    assert figures["pages"] > 100
    assert figures["serve_reload_s"] is not None and figures["serve_dirty_reload_s"] is not None
    assert figures["check_ratio"] > 0 and figures["card_page_bytes"] > 0

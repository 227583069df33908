"""Proven as a user would do it: the built wheel, in a clean environment, sets up a working site."""

from __future__ import annotations

from pathlib import Path

import pytest
import wheel_smoke


@pytest.mark.slow
def test_a_new_organisation_starts_from_the_wheel(tmp_path: Path):
    wheel = wheel_smoke.build_wheel(tmp_path / "dist")
    assert wheel.name == f"buurtkaart-{wheel_smoke.project_version()}-py3-none-any.whl"
    bin_dir = wheel_smoke.make_venv(tmp_path / "venv", wheel, borrow_dependencies=True)
    site = wheel_smoke.first_ten_minutes(bin_dir, tmp_path)
    assert (site / "de-linde" / "kaart" / "index.html").is_file()


def test_the_link_checker_finds_a_broken_link(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../b/">b</a> <a href="../a/">a</a> <a href="https://x.nl/">x</a>'
    )
    assert wheel_smoke.broken_links(tmp_path) == ["a/index.html → ../b/"]

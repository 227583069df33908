"""Releases: one version source, a changelog in the Keep a Changelog form, the version shown."""

from __future__ import annotations

import re
import tomllib

from repo_files import ROOT

from buurtkaart_build.plugin import version_line

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_version_is_written_only_in_pyproject():
    literal = re.compile(r"""__version__\s*=|version\s*=\s*["']\d""")
    offenders = [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "buurtkaart_build").rglob("*.py"))
        if literal.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_changelog_follows_keep_a_changelog():
    assert CHANGELOG.startswith("# Changelog\n")
    assert "keepachangelog.com" in CHANGELOG
    releases = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", CHANGELOG, re.MULTILINE)
    assert releases[0] == ("Unreleased", "")
    assert all(date for name, date in releases[1:]), releases
    assert VERSION in [name for name, _ in releases], f"CHANGELOG.md has no section for {VERSION}"
    kinds = set(re.findall(r"^### (\w+)$", CHANGELOG, re.MULTILINE))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security", "Upgrade"}


def test_footer_line_keeps_the_sites_own_copyright():
    assert version_line(None).startswith("Gemaakt met Buurtkaart ")
    assert version_line("© Zorggroep Oost").startswith("© Zorggroep Oost · Gemaakt met Buurtkaart ")
    assert version_line(version_line("© Zorggroep Oost")) == version_line("© Zorggroep Oost")


def test_the_demo_footer_shows_the_version(demo_site):
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "Gemaakt met Buurtkaart " in home

"""A tiny git helper for tests: commits with fixed dates, no user configuration needed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(root: Path, *args: str, date: str = "2026-01-15T12:00:00+01:00") -> str:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True)
    return result.stdout


def init(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    return root


def commit(root: Path, message: str, date: str) -> str:
    """Commit everything in the working tree at ``date`` (ISO 8601); returns the commit id."""
    git(root, "add", "-A", date=date)
    git(root, "commit", "-q", "--allow-empty", "-m", message, date=date)
    return git(root, "rev-parse", "HEAD").strip()

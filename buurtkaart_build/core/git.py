"""The one way the package runs git: a clean environment, no prompt, a time limit."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_TIMEOUT_S = 120
# Variables a git hook sets; they would point git at another repository or index.
_GIT_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX")


def run_git(root: Path, args: list[str], *, stdin: bytes | None = None) -> subprocess.CompletedProcess | None:
    """Run ``git -C root …`` and return the finished process, or ``None`` when git is missing or hangs.

    The caller decides what a non-zero exit means: history treats it as "no history", the
    pull-request diff as an error for the user.
    """
    env = {k: v for k, v in os.environ.items() if k not in _GIT_ENV}
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            env=env,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None

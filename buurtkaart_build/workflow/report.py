"""GitLab code-quality report: the problems of ``check`` as GitLab shows them in a merge request."""

from __future__ import annotations

import hashlib
import json

from ..core.errors import Problem


def gitlab_report(problems: list[Problem]) -> str:
    """JSON array in GitLab's code-quality format (a subset of Code Climate's).

    The fingerprint depends only on the problem itself, so GitLab can tell which problems
    a merge request adds or fixes.
    """
    return json.dumps([_issue(p) for p in problems], ensure_ascii=False, indent=2)


def _issue(p: Problem) -> dict:
    key = "\0".join((p.file, str(p.line or ""), p.field or "", p.message))
    return {
        "description": p.message if not p.field else f"[{p.field}] {p.message}",
        "check_name": "buurtkaart-check",
        "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
        "severity": "major" if p.is_error else "minor",
        "location": {"path": p.file, "lines": {"begin": p.line or 1}},
    }

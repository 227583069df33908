"""The problems of ``check`` as people and CI read them: text, JSON, GitHub annotations, GitLab code quality."""

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


def render_report(problems: list[Problem], *, cards: int, locations: int, fmt: str) -> str:
    """All problems in one of the formats of design §5 (``text``, ``json``, ``github``, ``gitlab``)."""
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if fmt == "json":
        return json.dumps(
            {
                "cards": cards,
                "locaties": locations,
                "errors": [p.as_dict() for p in errors],
                "warnings": [p.as_dict() for p in warnings],
            },
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "gitlab":
        return gitlab_report(problems)
    if fmt == "github":
        return "\n".join(_github(p) for p in problems) or "::notice::Alle kaarten zijn in orde."
    lines = [p.as_text() for p in problems]
    lines.append(
        f"{cards} kaarten en {locations} locaties gecontroleerd: "
        f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'}, "
        f"{len(warnings)} {'waarschuwing' if len(warnings) == 1 else 'waarschuwingen'}."
    )
    if not errors:
        lines.append("Alles in orde." if not warnings else "Geen fouten; bekijk de waarschuwingen.")
    return "\n".join(lines)


def _github(p: Problem) -> str:
    kind = "error" if p.is_error else "warning"
    where = f"file={_escape_property(p.file)}"
    if p.line:
        where += f",line={p.line}"
    title = f"Buurtkaart: {p.field}" if p.field else "Buurtkaart"
    return f"::{kind} {where},title={_escape_property(title)}::{_escape_data(p.message)}"


def _escape_data(text: str) -> str:
    # GitHub workflow-command escaping (the same as @actions/core).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")

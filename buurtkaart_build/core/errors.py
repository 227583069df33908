"""One exception family and the problem record every stage reports."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A finding about user data: always names the file, and where known the line and field.

    Attributes:
        file: Path relative to the repository root, with ``/``.
        line: 1-based line of the offending key, or ``None``.
        field: Dotted field name (``contact.email``), or ``None``.
        message: Dutch, names the bad value and says how to fix it.
        severity: ``"error"`` or ``"warning"``.
    """

    file: str
    line: int | None
    field: str | None
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}

    def as_text(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        kind = "fout" if self.is_error else "waarschuwing"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}: {kind}{field}: {self.message}"


class BuurtkaartError(ValueError):
    """Raised when user data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__("\n".join(p.as_text() for p in self.problems))


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.line or 0, p.severity, p.field or "", p.message)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Stable, deterministic order: by file, then line."""
    return sorted(problems, key=_sort_key)

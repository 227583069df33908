"""Click's usage errors in Dutch: ``Fout: …`` and ``Probeer '… --help' voor hulp.``, exit code 2.

Click builds its messages from structured exceptions; where it keeps the parts (option name,
parameter, suggestions) the Dutch text is built from them, otherwise a table of patterns
translates the English sentence. Unknown messages (and our own, already Dutch) pass unchanged.
"""

from __future__ import annotations

import re
from typing import IO, Any

import click
from click.exceptions import NoArgsIsHelpError

_PATH_KINDS = {"Directory": "de map", "File": "het bestand", "Path": "het pad"}
_NUMBER_KINDS = {"integer": "geheel getal", "float": "getal", "boolean": "ja-of-nee-waarde", "UUID": "UUID"}
_PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"^(.+) is not one of (.+)\.$", re.S), lambda m: f"{m[1]} kan niet. Kies uit: {m[2]}."),
    (re.compile(r"^(.+) is not ('[^']*')\.$", re.S), lambda m: f"{m[1]} kan niet. Kies {m[2]}."),
    (
        re.compile(r"^(.+) is not a valid (\w+)\.$", re.S),
        lambda m: f"{m[1]} is geen {_NUMBER_KINDS.get(m[2], m[2])}.",
    ),
    (re.compile(r"^(.+) is not in the range (.+)\.$", re.S), lambda m: f"{m[1]} ligt niet in het bereik {m[2]}."),
    (
        re.compile(r"^(Directory|File|Path) (.+) does not exist\.$", re.S),
        lambda m: f"{_PATH_KINDS[m[1]]} {m[2]} bestaat niet.",
    ),
    (re.compile(r"^(Directory|File|Path) (.+) is a file\.$", re.S), lambda m: f"{m[2]} is een bestand, geen map."),
    (re.compile(r"^(Directory|File|Path) (.+) is a directory\.$", re.S), lambda m: f"{m[2]} is een map, geen bestand."),
    (
        re.compile(r"^(Directory|File|Path) (.+) is not (readable|writable|executable)\.$", re.S),
        lambda m: f"{_PATH_KINDS[m[1]]} {m[2]} is niet toegankelijk ({m[3]}).",
    ),
    (
        re.compile(r"^Got unexpected extra arguments? \((.*)\)$", re.S),
        lambda m: f"onverwacht extra argument: {m[1]}. Zet een titel met spaties tussen aanhalingstekens.",
    ),
    (re.compile(r"^Option (.+) requires an argument\.$"), lambda m: f"de optie {m[1]} heeft een waarde nodig."),
    (
        re.compile(r"^Option (.+) requires (\d+) arguments\.$"),
        lambda m: f"de optie {m[1]} heeft {m[2]} waarden nodig.",
    ),
    (re.compile(r"^Option (.+) does not take a value\.$"), lambda m: f"de optie {m[1]} krijgt geen waarde."),
    (re.compile(r"^Argument (.+) takes (\d+) values\.$"), lambda m: f"het argument {m[1]} heeft {m[2]} waarden nodig."),
    (re.compile(r"^Missing command\.$"), lambda m: "geef een opdracht, bijvoorbeeld 'check'."),
    (
        re.compile(r"^Could not open file (.+?): (.*)$", re.S),
        lambda m: f"het bestand {m[1]} kan niet worden geopend: {m[2]}",
    ),
]


class DutchUsageError(click.UsageError):
    """A usage error that prints in Dutch; exit code 2, like click's own."""

    def show(self, file: IO[Any] | None = None) -> None:
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), file=file, err=file is None)
            click.echo(f"Probeer '{self.ctx.command_path} --help' voor hulp.\n", file=file, err=file is None)
        click.echo(f"Fout: {self.format_message()}", file=file, err=file is None)


class DutchClickException(click.ClickException):
    """Any other click error, printed as ``Fout: …`` with the original exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Fout: {self.format_message()}", file=file, err=file is None)


def in_dutch(exc: click.ClickException) -> click.ClickException:
    """The same error, shown in Dutch. Already Dutch errors and help screens pass unchanged."""
    if isinstance(exc, DutchUsageError | DutchClickException | NoArgsIsHelpError):
        return exc
    if isinstance(exc, click.UsageError):
        return DutchUsageError(translate(exc), exc.ctx)
    return DutchClickException(translate(exc), exc.exit_code)


def translate(exc: click.ClickException) -> str:
    """Dutch text of a click error, without the ``Fout:`` prefix."""
    if isinstance(exc, click.NoSuchOption):
        return f"onbekende optie '{exc.option_name}'.{_did_you_mean(exc.possibilities)}"
    if isinstance(exc, click.exceptions.NoSuchCommand):
        return f"onbekende opdracht '{exc.command_name}'.{_did_you_mean(exc.possibilities)}{_commands(exc.ctx)}"
    if isinstance(exc, click.MissingParameter):
        return _missing(exc)
    if isinstance(exc, click.BadParameter):
        hint = _param_hint(exc)
        message = _sentence(exc.message)
        return f"ongeldige waarde voor {hint}: {message}" if hint else f"ongeldige waarde: {message}"
    return _sentence(exc.format_message())


def _sentence(message: str) -> str:
    for pattern, dutch in _PATTERNS:
        match = pattern.match(message.strip())
        if match:
            return dutch(match)
    return message


def _did_you_mean(possibilities: list[str] | None) -> str:
    if not possibilities:
        return ""
    return f" Bedoel je {' of '.join(repr(p) for p in sorted(possibilities))}?"


def _commands(ctx: click.Context | None) -> str:
    if ctx is None or not isinstance(ctx.command, click.Group):
        return ""
    return f" Opdrachten: {', '.join(ctx.command.list_commands(ctx))}."


def _param_hint(exc: click.BadParameter) -> str | None:
    if isinstance(exc.param_hint, str):
        return exc.param_hint
    if exc.param_hint is not None:
        return " / ".join(repr(x) for x in exc.param_hint)
    if exc.param is not None and exc.ctx is not None:
        return exc.param.get_error_hint(exc.ctx)
    return None


def _missing(exc: click.MissingParameter) -> str:
    hint = _param_hint(exc) or "?"
    kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
    what = {"argument": "het argument", "option": "de optie"}.get(kind, "de waarde")
    choices = ""
    if exc.param is not None and isinstance(exc.param.type, click.Choice):
        choices = f" Kies uit: {', '.join(map(str, exc.param.type.choices))}."
    return f"{what} {hint} ontbreekt.{choices}"

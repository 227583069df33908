"""Click in Dutch: the help headings and usage line that click itself prints in English."""

from __future__ import annotations

from pathlib import Path

import click

from .dutch_errors import in_dutch

_HEADINGS = {
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Arguments": "Argumenten",
    "Positional arguments": "Argumenten",
}


class DutchFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]...")
        super().write_usage(prog, args, prefix="Gebruik: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(term, text.replace("[required]", "[verplicht]")) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class DutchContext(click.Context):
    formatter_class = DutchFormatter


class DutchErrors:
    """Mixin: every click error raised while parsing or running is shown in Dutch (exit code kept)."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            if isinstance(exc, click.UsageError) and exc.ctx is None:
                # Some parser errors carry no context; one is needed for the usage line.
                exc.ctx = self.context_class(self, info_name=info_name, parent=parent)
            _reraise_in_dutch(exc)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            _reraise_in_dutch(exc)


def _reraise_in_dutch(exc: click.ClickException):
    dutch = in_dutch(exc)
    if dutch is exc:
        raise exc
    raise dutch from exc


class DutchHelp:
    """The ``--help`` option's own text in Dutch."""

    context_class = DutchContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Toon deze hulp en stop."
        return option


class DutchCommand(DutchHelp, DutchErrors, click.Command):
    pass


class DutchGroup(DutchHelp, DutchErrors, click.Group):
    command_class = DutchCommand


def root_option(func):
    """``--root DIR``: the repository (default: the current folder)."""
    return click.option(
        "--root",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        default=".",
        metavar="MAP",
        help="Map van de Buurtkaart-repository, met cards/ en inventory/ (standaard: de huidige map).",
    )(func)

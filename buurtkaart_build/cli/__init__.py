"""The ``buurtkaart`` command: a thin adapter over the core. Each sub-command lives in its own module.

Sub-commands are imported when used (click's lazy-group pattern, as a mapping): ``buurtkaart
check`` then loads only what checking needs, not the matcher, the renderer or their word lists.
``buurtkaart --help`` and ``main.commands`` still see every command.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import click

from .dutch import DutchGroup

# name → (module in this package, function): the order of registration.
COMMANDS = {
    "check": ("check", "check"),
    "export": ("export", "export"),
    "new": ("new", "new"),
    "new-locatie": ("new_location", "new_location"),
    "init": ("init", "init"),
    "diff": ("diff", "diff"),
    "schema": ("schema", "schema"),
    "match": ("match", "match"),
    "render": ("render", "render"),
    "geocode": ("geocode", "geocode"),
    "publiceer": ("publish", "publiceer"),
}


class LazyCommands(MutableMapping):
    """``{name: click.Command}`` that imports a command's module on first access."""

    def __init__(self, where: dict[str, tuple[str, str]]):
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, attribute = self._where[name]  # KeyError: no such command (``get`` gives None)
            self._loaded[name] = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.setdefault(name, ("", ""))
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._where[name]
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, name: object) -> bool:
        return name in self._where


@click.group(
    cls=DutchGroup,
    commands=LazyCommands(COMMANDS),
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(
    package_name="buurtkaart", message="buurtkaart %(version)s", help="Toon het versienummer en stop."
)
def main() -> None:
    """Buurtkaart: vondsten uit de buurt controleren, koppelen en als website bouwen.

    \b
    Voorbeelden:
      buurtkaart init onze-buurtkaart
      buurtkaart check
      buurtkaart match --locatie de-kastanje
      buurtkaart new de-kastanje bedrijven "Bakkerij De Korenbloem"
    """

"""``buurtkaart check`` loads only what checking needs: sub-commands are imported when used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click

from buurtkaart_build.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "buurtkaart_build.render",
    "buurtkaart_build.match",
    "buurtkaart_build.plugin",
    "folium",
    "PIL",
    "simplemma",
    "snowballstemmer",
    "mkdocs",
    "markdown",
)

SCRIPT = """
import json, sys
import click
from buurtkaart_build.cli import main
command = main.get_command(click.Context(main), "check")
assert command is not None and command.name == "check"
print(json.dumps(sorted(sys.modules)))
"""


def modules_after_resolving_check() -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_check_does_not_import_render_match_or_their_libraries():
    loaded = modules_after_resolving_check()
    assert "buurtkaart_build.cli.check" in loaded
    assert "buurtkaart_build.core.repository" in loaded
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]
    assert not heavy, heavy
    others = [f"buurtkaart_build.cli.{module}" for module, _ in COMMANDS.values() if module != "check"]
    assert not [m for m in others if m in loaded]


def test_every_command_resolves_under_its_own_name():
    ctx = click.Context(main)
    assert main.list_commands(ctx) == sorted(COMMANDS)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert isinstance(command, click.Command) and command.name == name
    assert main.get_command(ctx, "bestaat-niet") is None
    assert "bestaat-niet" not in main.commands

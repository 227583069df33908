"""Every command speaks Dutch: help with an example, usage errors, and a section in the docs."""

from __future__ import annotations

import re

import click
import pytest
from repo_files import HELP, invoke

from buurtkaart_build.cli import main
from buurtkaart_build.cli.dutch_errors import translate

COMMANDS = sorted(main.commands)
DOCS = (HELP / "opdrachten.md").read_text(encoding="utf-8")
ENGLISH = (
    "Usage:",
    "Options:",
    "Error:",
    "Try '",
    "Show this message",
    "Commands:",
    "Arguments:",
    "[default:",
    "[required]",
)


def test_the_commands_of_this_issue_are_registered():
    assert {"check", "new", "diff", "schema"} <= set(COMMANDS)


def test_main_help_is_dutch():
    result = invoke("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: buurtkaart [OPTIES] OPDRACHT [ARGUMENTEN]...")
    assert "Opdrachten:" in result.output
    for name in COMMANDS:
        assert f"  {name} " in result.output
    assert not [word for word in ENGLISH if word in result.output]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_dutch_help_with_an_example(name):
    result = invoke(name, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"Gebruik: buurtkaart {name} [OPTIES]")
    assert re.search(r"^  Voorbeelden?:\n    buurtkaart " + name, result.output, re.MULTILINE), result.output
    assert "Toon deze hulp en stop." in result.output
    assert not [word for word in ENGLISH if word in result.output], result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_and_argument_has_help(name):
    for param in main.commands[name].params:
        assert getattr(param, "help", None), f"buurtkaart {name}: {param.name} heeft geen hulptekst"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_described_in_the_docs(name):
    assert re.search(rf"^## buurtkaart {name}$", DOCS, re.MULTILINE), (
        f"buurtkaart_build/data/help/opdrachten.md heeft geen kopje '## buurtkaart {name}'"
    )
    section = DOCS.split(f"## buurtkaart {name}\n", 1)[1].split("\n## ", 1)[0]
    assert f"    buurtkaart {name}" in section, "geen voorbeeld (ingesprongen regel) bij de opdracht"
    for param in main.commands[name].params:
        for option in param.opts if isinstance(param, click.Option) else ():
            if option.startswith("--") and option not in ("--help", "--root"):
                assert option in section, f"optie {option} van 'buurtkaart {name}' staat niet in de docs"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--formaat", "json"], "Fout: onbekende optie '--formaat'. Bedoel je '--format'?"),
        (["chek"], "Fout: onbekende opdracht 'chek'. Bedoel je 'check'"),
        (["check", "--format", "xml"], "Fout: ongeldige waarde voor '--format': 'xml' kan niet. Kies uit: "),
        (["check", "--format"], "Fout: de optie '--format' heeft een waarde nodig."),
        (
            ["check", "--root", "/bestaat/niet"],
            "Fout: ongeldige waarde voor '--root': de map '/bestaat/niet' bestaat niet.",
        ),
        (["new", "test"], "Fout: het argument 'CATEGORIE' ontbreekt."),
        (["diff"], "Fout: het argument 'BASIS' ontbreekt."),
        (["schema", "extra"], "Fout: onverwacht extra argument: extra."),
    ],
)
def test_usage_errors_are_dutch_with_exit_code_2(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert f"Probeer 'buurtkaart{' ' + args[0] if args[0] in main.commands else ''} --help' voor hulp." in result.output
    assert result.output.startswith("Gebruik: buurtkaart")
    assert not [word for word in ENGLISH if word in result.output], result.output


def test_no_arguments_shows_the_help():
    result = invoke()
    assert "Gebruik: buurtkaart [OPTIES] OPDRACHT" in result.output
    assert "Opdrachten:" in result.output


def test_unknown_messages_pass_unchanged():
    assert translate(click.UsageError("al in het Nederlands.")) == "al in het Nederlands."
    assert translate(click.ClickException("Something new.")) == "Something new."

"""The help pages: every validator message is explained, and the examples in them are valid."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest
from repo_files import HELP, ROOT

from buurtkaart_build.core.load import RawDoc, parse_text
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.core.validate import validate_location
from buurtkaart_build.render.help import help_pages

PACKAGE = ROOT / "buurtkaart_build"
PAGES = ("zo-werkt-het", "vondst-toevoegen", "locatie-toevoegen", "foutmeldingen", "samen-op-pad", "opdrachten")

# Calls that carry a message for the user, and the position of the message argument.
MESSAGE_CALLS = {
    "Problem": 3,
    "_fail": 2,
    "_warn": 1,
    "_bad": 1,
    "PydanticCustomError": 1,
    "_problem": 2,
    "AgendaError": 0,
    "LookupProblem": 0,  # buurtkaart geocode
    "Outcome": 1,
}
# Modules that build messages in other ways: returned f-strings, hint variables, hint tables.
MESSAGE_RETURNS = {"validate.py", "load.py", "photos.py", "readability.py"}
NOT_VALIDATOR = {"diff.py", "templates.py", "schema.py"}  # messages of other commands, not of check
MIN_WORDS = 2


def _literal_parts(node: ast.AST) -> list[str]:
    """The fixed text of a message expression: f-string constants, string constants."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.FormattedValue):
        return []  # the inserted value (e.g. ', '.join(...)) is not message text
    return [part for child in ast.iter_child_nodes(node) for part in _literal_parts(child)]


def _constants(tree: ast.Module) -> dict[str, ast.AST]:
    """Module-level ``NAME = "…"`` assignments: a message may be kept in a constant."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = node.value
    return out


def _message_nodes(tree: ast.Module, module: str) -> list[ast.AST]:
    constants = _constants(tree)
    nodes: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in MESSAGE_CALLS:
                pos = MESSAGE_CALLS[name]
                keyword = next((k.value for k in node.keywords if k.arg == "message"), None)
                nodes.append(node.args[pos] if len(node.args) > pos else keyword)
            elif module in MESSAGE_RETURNS and name == "append" and node.args:  # messages collected in a list
                nodes.append(node.args[0])
        elif module in MESSAGE_RETURNS and isinstance(node, ast.Return):
            nodes.append(node.value)
        elif module in MESSAGE_RETURNS and isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if "hint" in names:
                nodes.append(node.value)
            elif any(n.endswith("_HINTS") for n in names) and isinstance(node.value, ast.Tuple):
                nodes += [pair.elts[1] for pair in node.value.elts if isinstance(pair, ast.Tuple)]
    nodes = [constants.get(n.id, n) if isinstance(n, ast.Name) else n for n in nodes if n is not None]
    return nodes


def _fragment(text: str) -> str:
    return " ".join(text.split()).strip(" '\".,:;(")


def message_fragments() -> dict[str, set[str]]:
    """``{fragment: {module:line, …}}`` of every fixed part of every validator message."""
    found: dict[str, set[str]] = {}
    geocode = [PACKAGE / "workflow" / "pdok.py", PACKAGE / "workflow" / "geocode.py"]
    for file in sorted([*PACKAGE.glob("core/*.py"), *PACKAGE.glob("match/*.py"), *geocode]):
        if file.name in NOT_VALIDATOR:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in _message_nodes(tree, file.name):
            for part in _literal_parts(node):
                fragment = _fragment(part)
                if len(fragment.split()) >= MIN_WORDS:
                    found.setdefault(fragment, set()).add(f"{file.name}:{node.lineno}")
    return found


def _page(name: str) -> str:
    return " ".join((HELP / f"{name}.md").read_text(encoding="utf-8").split())


def test_the_collector_finds_the_messages():
    fragments = message_fragments()
    assert len(fragments) >= 50
    assert "het verplichte veld" in fragments
    assert "is geen telefoonnummer. Schrijf bijvoorbeeld 038 123 45 67 of +31 6 12345678" in fragments
    assert "contactgegevens controleren" in fragments
    assert "past bij meer dan één plek" in fragments  # buurtkaart geocode


def test_every_validator_message_is_explained():
    page = _page("foutmeldingen")
    missing = {f: sorted(where) for f, where in message_fragments().items() if f not in page}
    assert not missing, (
        "Deze meldingen (of delen ervan) staan niet in buurtkaart_build/data/help/foutmeldingen.md. Voeg een voorbeeld "
        f"van elke melding toe, met wat de gebruiker moet doen: {missing}"
    )


@pytest.mark.parametrize("name", PAGES)
def test_help_page_exists_with_a_title(name):
    text = (HELP / f"{name}.md").read_text(encoding="utf-8")
    assert text.startswith("# ")


def _examples(name: str) -> list[str]:
    """Indented code blocks of a page that are whole files (they start with ``---``)."""
    text = (HELP / f"{name}.md").read_text(encoding="utf-8")
    blocks = re.findall(r"(?:^\n)((?: {4}.*\n|\n)+)", text, flags=re.MULTILINE)
    out = [textwrap.dedent(block).strip("\n") + "\n" for block in blocks]
    return [b for b in out if b.startswith("---\n")]


def test_the_example_card_is_valid(tmp_path: Path):
    (example,) = [e for e in _examples("vondst-toevoegen") if "titel:" in e]
    (tmp_path / "inventory").mkdir()
    (tmp_path / "inventory" / "de-kastanje.md").write_text(_examples("locatie-toevoegen")[0], encoding="utf-8")
    (tmp_path / "cards" / "de-kastanje").mkdir(parents=True)
    (tmp_path / "cards" / "de-kastanje" / "bakkerij-de-korenbloem.md").write_text(example, encoding="utf-8")
    repo = load_repository(tmp_path, max_age_months=0)
    assert repo.problems == []
    (card,) = repo.cards
    assert card.titel == "Bakkerij De Korenbloem"
    assert card.contact.telefoon == "038 123 45 67"


def test_the_example_inventory_is_valid():
    (example,) = _examples("locatie-toevoegen")
    doc = parse_text(RawDoc(path="inventory/de-kastanje.md", meta={}, body=""), example)
    location = validate_location(doc)
    assert doc.problems == []
    assert location.zoekstraal == 1500
    assert [item.van for item in location.behoeften] == ["cliënten", "locatie", "locatie"]


def test_help_pages_link_only_to_existing_help_pages():
    for name in PAGES:
        text = (HELP / f"{name}.md").read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+\.md)", text):
            assert (HELP / target).is_file() or f"help/{target}" in help_pages(), f"{name}.md links to missing {target}"

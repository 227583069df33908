"""JSON Schema for editors: the committed files equal the generated ones and accept real cards."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from repo_files import ROOT, invoke

from buurtkaart_build.core.models import CARD_KEYS, LOCATION_KEYS
from buurtkaart_build.core.templates import render_card
from buurtkaart_build.workflow.schema import DRAFT, FILES, KINDS, json_schema, schema_text, undescribed

REGENERATE = "buurtkaart schema --soort {kind} > {file}"


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_file_is_up_to_date(kind):
    committed = (ROOT / FILES[kind]).read_text(encoding="utf-8")
    assert committed == schema_text(kind), f"{FILES[kind]} is verouderd. Maak hem opnieuw: " + REGENERATE.format(
        kind=kind, file=FILES[kind]
    )


@pytest.mark.parametrize("kind", KINDS)
def test_cli_prints_the_file(kind):
    result = invoke("schema", "--soort", kind)
    assert result.exit_code == 0
    assert result.output == schema_text(kind)


def test_cli_without_kind_prints_both():
    result = invoke("schema")
    assert json.loads(result.output) == {kind: json_schema(kind) for kind in KINDS}


@pytest.mark.parametrize(("kind", "keys"), [("kaart", CARD_KEYS), ("inventaris", LOCATION_KEYS)])
def test_schema_has_every_key_with_a_dutch_description(kind, keys):
    schema = json_schema(kind)
    assert schema["$schema"] == DRAFT
    assert list(schema["properties"]) == list(keys)
    assert schema["additionalProperties"] is False
    assert undescribed(kind) == []
    text = json.dumps(schema)
    for english in ("The front-matter", "Answers to", "One offer", '"Wat Doen Ze"', '"CardFront"'):
        assert english not in text


# --- a small validator for the keywords the schema uses, to test it against real files -------------


def _errors(value, schema: dict, root: dict, path: str = "") -> list[str]:
    if "$ref" in schema:
        return _errors(value, root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root, path)
    if "anyOf" in schema:
        options = [_errors(value, s, root, path) for s in schema["anyOf"]]
        return [] if any(not o for o in options) else [f"{path}: geen van de mogelijkheden past ({value!r})"]
    errors = []
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    python = {"string": str, "number": (int, float), "integer": int, "array": list, "object": dict}
    if kinds and not any(
        value is None if k == "null" else isinstance(value, python[k]) and not isinstance(value, bool) for k in kinds
    ):
        return [f"{path}: {value!r} is geen {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} niet in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: {value!r} is niet {schema['const']!r}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 10**9):
            errors.append(f"{path}: verkeerd aantal")
        for i, item in enumerate(value):
            errors += _errors(item, schema.get("items", {}), root, f"{path}[{i}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += [f"{path}: {key} ontbreekt" for key in schema.get("required", []) if key not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"{path}: onbekend veld {key}" for key in value if key not in properties]
        for key, item in value.items():
            if key in properties:
                errors += _errors(item, properties[key], root, f"{path}.{key}")
    return errors


class _EditorLoader(yaml.SafeLoader):
    """Roughly what an editor's YAML 1.2 parser gives: dates stay text."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _front(text: str) -> dict:
    return yaml.load(text.split("---\n")[1], Loader=_EditorLoader)  # noqa: S506 - SafeLoader subclass


def test_the_schema_accepts_the_demo_cards_and_inventories():
    card, inventory = json_schema("kaart"), json_schema("inventaris")
    files = sorted((ROOT / "cards").glob("[!_]*/*.md"))
    assert files
    for file in files:
        assert _errors(_front(file.read_text(encoding="utf-8")), card, card) == [], file
    for file in sorted((ROOT / "inventory").glob("*.md")):
        assert _errors(_front(file.read_text(encoding="utf-8")), inventory, inventory) == [], file


def test_the_schema_accepts_new_cards_and_rejects_mistakes():
    schema = json_schema("kaart")
    for kind in ("ontmoeten", "organisaties", "bedrijven", "activiteiten"):
        assert _errors(_front(render_card(kind, "Titel", dt.date(2026, 3, 14))), schema, schema) == []
    wrong = {"titel": "X", "categorie": "winkel", "categorei": "x", "kent_ons": "misschien"}
    assert len(_errors(wrong, schema, schema)) == 3

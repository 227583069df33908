"""Read a Markdown file with YAML front-matter into a raw document, string values only.

python-frontmatter does the split, with a handler whose YAML loader keeps every scalar a
string (``0612345670`` stays text; Pydantic converts later). The cases python-frontmatter
passes silently (BOM, no or unclosed front-matter, non-mapping front-matter) are caught here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import Problem

try:  # the C loader is ~6x faster; fall back where libyaml is missing
    from yaml import CBaseLoader as StringLoader
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as StringLoader

MAX_BYTES = 1_000_000
_DELIMITER = re.compile(r"^-{3}\s*$")


class StringYAMLHandler(YAMLHandler):
    """Front-matter handler that never converts scalars (no YAML 1.1 surprises)."""

    def load(self, fm: str, **kwargs: object) -> object:
        return yaml.load(fm, Loader=StringLoader)  # noqa: S506 - BaseLoader builds only str/list/dict


_HANDLER = StringYAMLHandler()


@dataclass
class RawDoc:
    """A file's front-matter (strings, lists and dicts only) and body, before validation."""

    path: str
    meta: dict
    body: str
    front_text: str = ""
    line_offset: int = 2
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def read_doc(file: Path, rel: str) -> RawDoc:
    """Read one file; never raises for bad content, reports problems instead."""
    doc = RawDoc(path=rel, meta={}, body="")
    try:
        data = file.read_bytes()
    except OSError as exc:
        return _fail(doc, None, f"het bestand kan niet worden gelezen ({exc.strerror}).")
    if len(data) > MAX_BYTES:
        return _fail(
            doc,
            None,
            f"het bestand is te groot ({len(data):,} bytes; maximaal {MAX_BYTES:,}). "
            "Maak de tekst korter of zet foto's in een apart bestand.".replace(",", "."),
        )
    text = _decode(doc, data)
    if text is None:
        return doc
    return parse_text(doc, text)


def _decode(doc: RawDoc, data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        _fail(
            doc,
            line,
            f"het bestand bevat tekens die geen UTF-8 zijn (byte {data[exc.start]:#04x}). "
            "Sla het bestand op als UTF-8 (in Kladblok: 'Opslaan als' → codering UTF-8).",
        )
        return None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(doc: RawDoc, text: str) -> RawDoc:
    """Split front-matter and body of decoded text, reporting what python-frontmatter hides."""
    lines = text.split("\n")
    if not text.strip():
        return _fail(
            doc, None, "het bestand is leeg. Begin met een regel '---', dan de velden, dan weer '---'."
        )
    if not _DELIMITER.match(lines[0]):
        return _fail(
            doc,
            1,
            "geen front-matter: het bestand moet beginnen met een regel '---', "
            "dan de velden (zoals 'titel: …'), dan weer een regel '---'.",
        )
    end = next((i for i in range(1, len(lines)) if _DELIMITER.match(lines[i])), None)
    if end is None:
        return _fail(
            doc,
            len(lines),
            "de front-matter is niet afgesloten: zet een regel '---' na het laatste veld.",
        )
    fm, body = _HANDLER.split(text)
    # The boundary pattern may or may not swallow the newline after '---'.
    doc.line_offset = 1 if fm.startswith("\n") else 2
    doc.front_text = fm
    doc.body_line = end + 2
    try:
        meta = _HANDLER.load(fm) if fm.strip() else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + doc.line_offset if mark else None
        line_text = lines[line - 1] if line and line <= len(lines) else ""
        return _fail(doc, line, _yaml_message(exc.problem or "", line_text))
    except yaml.YAMLError as exc:
        return _fail(doc, None, f"de front-matter is geen geldige YAML ({exc}).")
    if meta is None:
        return _fail(doc, 2, "de front-matter is leeg. Vul de velden in tussen de twee regels '---'.")
    if not isinstance(meta, dict):
        return _fail(
            doc,
            2,
            "de front-matter is geen lijst van velden. Schrijf elk veld als 'naam: waarde' "
            "op een eigen regel.",
        )
    if _has_shared_nodes(meta):
        return _fail(
            doc,
            None,
            "YAML-ankers en verwijzingen (& en *) worden niet ondersteund. Schrijf de waarde uit.",
        )
    doc.meta = meta
    doc.body = body.strip("\n")
    return doc


_YAML_HINTS = (
    (
        "mapping values are not allowed",
        "er staat een dubbele punt in een waarde: zet de waarde tussen aanhalingstekens.",
    ),
    ("expected <block end>", "de inspringing klopt niet: velden op hetzelfde niveau beginnen even ver."),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet afgesloten."),
    ("found undefined alias", "een '*' verwijst naar niets: zet de waarde tussen aanhalingstekens."),
)


def _yaml_message(problem: str, line_text: str) -> str:
    if "\t" in line_text:
        hint = "er staat een tab op deze regel: gebruik spaties om in te springen."
    else:
        hint = next((h for key, h in _YAML_HINTS if key in problem), None)
    hint = hint or "controleer inspringing, dubbele punten en aanhalingstekens op deze regel."
    return f"de front-matter is geen geldige YAML: {hint} (technische melding: {problem or 'onbekend'})"


def _has_shared_nodes(value: object) -> bool:
    """True when YAML aliases made one list or mapping appear twice (alias bombs, cycles)."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                return True
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
    return False


def _fail(doc: RawDoc, line: int | None, message: str) -> RawDoc:
    doc.problems.append(Problem(doc.path, line, None, message))
    return doc


def key_lines(doc: RawDoc) -> dict[tuple, int]:
    """Map each key path, e.g. ``("contact", "email")`` or ``("tags", 2)``, to its file line.

    Composing YAML is slow (design §7): call this only for files that have a problem.
    """
    try:
        root = yaml.compose(doc.front_text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[tuple, int] = {}
    _walk(root, (), lines, doc.line_offset)
    return lines


def _walk(node: yaml.Node | None, path: tuple, out: dict[tuple, int], offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, key.value)
            out.setdefault(sub, key.start_mark.line + offset)
            _walk(value, sub, out, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.setdefault((*path, i), item.start_mark.line + offset)
            _walk(item, (*path, i), out, offset)

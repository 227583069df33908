"""Read a Markdown file with YAML front-matter into a raw document, string values only.

python-frontmatter does the split, with a handler whose YAML loader keeps every scalar a
string (``0612345670`` stays text; Pydantic converts later). The cases python-frontmatter
passes silently (BOM, no or unclosed front-matter, non-mapping front-matter) are caught here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.constructor import ConstructorError
from yaml.reader import ReaderError

from .errors import Problem

try:  # the C loader is ~6x faster; fall back where libyaml is missing
    from yaml import CBaseLoader as _BaseLoader
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as _BaseLoader
    from yaml import BaseLoader as _Parser

_DEFAULT_TAGS = {
    yaml.ScalarNode: _BaseLoader.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: _BaseLoader.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: _BaseLoader.DEFAULT_MAPPING_TAG,
}


class StringLoader(_BaseLoader):
    """``BaseLoader`` for composing only: every node gets its kind's default tag, as there.

    BaseResolver has no implicit or path resolvers, so its ``resolve`` always returns the
    default tag; the composer calls it (and the two path hooks) once per node, which was a
    tenth of the load time. Nothing here constructs objects: :func:`build` does.
    """

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)  # the C parser only: no constructor or resolver state

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


MAX_BYTES = 1_000_000
_DELIMITER = re.compile(r"^-{3}\s*$")
# The same, searched in the whole text: a match starts exactly at a line that _DELIMITER matches
# (``\s*`` may run on over line ends, but only through whitespace, to a line end as ``$`` needs).
_CLOSING = re.compile(r"^-{3}\s*$", re.MULTILINE)
_NEWLINE = re.compile("\n")


class StringYAMLHandler(YAMLHandler):
    """Front-matter handler that never converts scalars (no YAML 1.1 surprises)."""

    def load(self, fm: str, **kwargs: object) -> object:
        return build(compose(fm))


def compose(fm: str) -> yaml.Node | None:
    """The front-matter's YAML node tree (raises YAML errors as ``yaml.compose`` does)."""
    loader = StringLoader(fm)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class SharedNodeError(ValueError):
    """An alias (``*name``) repeats a list or mapping: the start of an alias bomb or a cycle."""


class TooDeepError(ValueError):
    """Lists and mappings nest deeper than :data:`MAX_DEPTH`."""


class DuplicateKeyError(ValueError):
    """A key written twice in one mapping: YAML would silently keep only the last value."""

    def __init__(self, key: str, first: yaml.Mark, second: yaml.Mark):
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


def build(root: yaml.Node | None) -> object:
    """Composed YAML → ``str``, ``list`` and ``dict``, as PyYAML's BaseConstructor builds them.

    Iterative, in one pass that also refuses shared collections and deep nesting: 2.5x faster
    than ``yaml.load`` (whose constructor is pure Python and recursive) on 10,000 cards, and an
    alias bomb is refused at its first repeat instead of being built.
    """
    if root is None:
        return None
    scalar, sequence = yaml.ScalarNode, yaml.SequenceNode
    if isinstance(root, scalar):
        return root.value
    seen = {id(root)}
    result: list | dict = [] if isinstance(root, sequence) else {}
    stack = [(root, result, 0)]
    while stack:
        node, target, depth = stack.pop()
        if node.value and depth >= MAX_DEPTH:
            raise TooDeepError
        if isinstance(target, list):
            for child in node.value:
                if isinstance(child, scalar):
                    target.append(child.value)
                else:
                    value = _collection(child, seen)
                    target.append(value)
                    stack.append((child, value, depth + 1))
            continue
        for key, child in node.value:
            if not isinstance(key, scalar):
                raise ConstructorError(None, None, "found unhashable key", key.start_mark)
            is_scalar = isinstance(child, scalar)
            value = child.value if is_scalar else _collection(child, seen)
            if key.value in target:
                first = next(k for k, _ in node.value if isinstance(k, scalar) and k.value == key.value)
                raise DuplicateKeyError(key.value, first.start_mark, key.start_mark)
            target[key.value] = value
            if not is_scalar:
                stack.append((child, value, depth + 1))
    return result


def _collection(node: yaml.Node, seen: set[int]) -> list | dict:
    """An empty list or dict for a sequence or mapping node, refusing a node met before."""
    if id(node) in seen:
        raise SharedNodeError
    seen.add(id(node))
    return [] if isinstance(node, yaml.SequenceNode) else {}


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
    # The composed front-matter, kept while the document lives: line numbers without composing again.
    root: yaml.Node | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def read_doc(file: Path, rel: str) -> RawDoc:
    """Read one file; never raises for bad content, reports problems instead."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        return _fail(RawDoc(path=rel, meta={}, body=""), None, f"het bestand kan niet worden gelezen ({exc.strerror}).")
    return doc_of_bytes(data, rel)


def doc_of_bytes(data: bytes, rel: str) -> RawDoc:
    """A file's content as read by :func:`read_doc`."""
    doc = RawDoc(path=rel, meta={}, body="")
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
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Without a byte-order mark and with ``\\n`` line ends: how every reader of a card sees it."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_text(doc: RawDoc, text: str) -> RawDoc:
    """Split front-matter and body of decoded text, reporting what python-frontmatter hides."""
    lines = text.split("\n")
    if not text or text.isspace():
        return _fail(doc, None, "het bestand is leeg. Begin met een regel '---', dan de velden, dan weer '---'.")
    if not _DELIMITER.match(lines[0]):
        return _fail(
            doc,
            1,
            "geen front-matter: het bestand moet beginnen met een regel '---', "
            "dan de velden (zoals 'titel: …'), dan weer een regel '---'.",
        )
    closing = _CLOSING.search(text, len(lines[0]) + 1)  # the first later line that _DELIMITER matches
    end = text.count("\n", 0, closing.start()) if closing else None
    if end is None:
        return _fail(
            doc,
            len(lines),
            "de front-matter is niet afgesloten: zet een regel '---' na het laatste veld.",
        )
    # Split on the lines found above, not with python-frontmatter's boundary pattern: its
    # ``\s*$`` swallows blank lines after '---', which shifted every reported line.
    fm = "\n".join(lines[1:end])
    body_lines = lines[end + 1 :]
    blank = next((i for i, line in enumerate(body_lines) if line), len(body_lines))
    doc.line_offset = 2
    doc.front_text = fm
    doc.body_line = end + 2 + blank
    if _too_deep(fm):
        return _fail(doc, None, _TOO_DEEP)
    try:
        root = compose(fm) if fm.strip() else None
        meta = build(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = file_line(fm, mark.index, doc.line_offset) if mark else None
        line = _separator_line(fm, doc.line_offset, line) or line
        line_text = lines[line - 1] if line and line <= len(lines) else ""
        return _fail(doc, line, _yaml_message(exc.problem or "", line_text))
    except ReaderError as exc:
        return _fail(doc, *_reader_problem(fm, exc, doc.line_offset))
    except yaml.YAMLError as exc:
        return _fail(doc, None, f"de front-matter is geen geldige YAML ({exc}).")
    except SharedNodeError:
        return _fail(
            doc,
            None,
            "YAML-ankers en verwijzingen (& en *) worden niet ondersteund. Schrijf de waarde uit.",
        )
    except (TooDeepError, RecursionError):
        return _fail(doc, None, _TOO_DEEP)
    except DuplicateKeyError as exc:
        first = file_line(fm, exc.first.index, doc.line_offset)
        second = file_line(fm, exc.second.index, doc.line_offset)
        return _fail(
            doc,
            second,
            f"het veld '{exc.key[:60]}' staat twee keer in de front-matter (regel {first} en {second}). "
            "Voeg de twee samen tot één veld; anders gaat één van beide verloren.",
        )
    if meta is None:
        return _fail(doc, 2, "de front-matter is leeg. Vul de velden in tussen de twee regels '---'.")
    if not isinstance(meta, dict):
        return _fail(
            doc,
            2,
            "de front-matter is geen lijst van velden. Schrijf elk veld als 'naam: waarde' op een eigen regel.",
        )
    doc.meta = meta
    doc.root = root
    doc.body = "\n".join(body_lines[blank:]).rstrip("\n")
    problem = _body_problem(doc)
    if problem:
        doc.problems.append(problem)
    return doc


# Python-Markdown is quadratic in the number of '[' and '<' of a paragraph (upstream issue
# #798): 10,000 '[' took 9 s, a 900 KB body of '[' more than an hour. These limits keep any
# card body under about a second and are far above what a finding's notes need.
MAX_BODY_CHARS = 20_000
_MARKUP_LIMITS = (("[", 1_000), ("<", 1_000))


def _body_problem(doc: RawDoc) -> Problem | None:
    body = doc.body
    if len(body) > MAX_BODY_CHARS:
        return Problem(
            doc.path,
            doc.body_line + body.count("\n", 0, MAX_BODY_CHARS),
            None,
            f"de tekst onder de velden is te lang ({_dutch_number(len(body))} tekens; maximaal "
            f"{_dutch_number(MAX_BODY_CHARS)}). Maak de aantekeningen korter of verdeel ze over meer kaarten.",
        )
    for char, limit in _MARKUP_LIMITS:
        if body.count(char) > limit:
            index = _nth(body, char, limit + 1)
            return Problem(
                doc.path,
                doc.body_line + body.count("\n", 0, index),
                None,
                f"de tekst onder de velden bevat meer dan {_dutch_number(limit)} keer '{char}' (links of "
                "HTML). Zoveel maakt het bouwen van de site heel traag: haal tekens weg of verdeel de tekst "
                "over meer kaarten.",
            )
    return None


def _dutch_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _nth(text: str, char: str, n: int) -> int:
    index = -1
    for _ in range(n):
        index = text.find(char, index + 1)
    return index


MAX_DEPTH = 10  # the deepest valid field (inventory aanbod → item → tags) is 3 levels
_TOO_DEEP = (
    f"de front-matter is te diep genest (meer dan {MAX_DEPTH} niveaus lijsten of groepen in elkaar). "
    "Een kaart heeft hooguit een lijst of een groep velden onder een veld."
)


def file_line(text: str, index: int, offset: int) -> int:
    """1-based file line of a character index in the front-matter.

    YAML also counts U+0085, U+2028 and U+2029 as line breaks; editors and git count only
    ``\n``, so count those rather than trusting the mark's own line.
    """
    return text.count("\n", 0, index) + offset


def _too_deep(fm: str) -> bool:
    """True when the front-matter nests deeper than :data:`MAX_DEPTH`, checked without composing.

    libyaml's composer recurses in C and crashes the interpreter (segmentation fault) at some
    20,000 levels, which a 40 KB file reaches. Every level needs a ``[``, ``{``, ``-`` or ``?``
    (or more indentation, which a file under :data:`MAX_BYTES` cannot nest that deep), so the
    event scan runs only for the rare front-matter with many of those characters.
    """
    if sum(fm.count(c) for c in "[{-?") < 1000:
        return False
    depth = 0
    try:
        for event in yaml.parse(fm, Loader=StringLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False  # the real load reports it, with a line
    return False


def _reader_problem(fm: str, exc: ReaderError, offset: int) -> tuple[int | None, str]:
    """An invisible control character: say which one and on which line (not the byte offset)."""
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    index = fm.find(char)
    line = file_line(fm, index, offset) if index >= 0 else None
    code = f"U+{ord(char):04X}" if len(char) == 1 else repr(char)
    return line, (
        f"de front-matter bevat een onzichtbaar stuurteken ({code}). Typ de waarde op deze regel "
        "opnieuw, of kopieer hem zonder opmaak."
    )


_YAML_HINTS = (
    (
        "mapping values are not allowed",
        "er staat een dubbele punt in een waarde: zet de waarde tussen aanhalingstekens.",
    ),
    ("expected <block end>", "de inspringing klopt niet: velden op hetzelfde niveau beginnen even ver."),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet afgesloten."),
    ("found undefined alias", "een '*' verwijst naar niets: zet de waarde tussen aanhalingstekens."),
)


_SEPARATORS = re.compile("[\x85\u2028\u2029]")


def _separator_line(fm: str, offset: int, line: int | None) -> int | None:
    """The line of an invisible YAML line break (U+0085, U+2028, U+2029) just before an error.

    YAML breaks the line there, editors do not: the error then shows on the next line.
    """
    for match in _SEPARATORS.finditer(fm):
        found = file_line(fm, match.start(), offset)
        if line is None or line - 1 <= found <= line:
            return found
    return None


def _yaml_message(problem: str, line_text: str) -> str:
    if _SEPARATORS.search(line_text):
        hint = "er staat een onzichtbaar regeleinde op deze regel: typ de regel opnieuw."
    elif "\t" in line_text:
        hint = "er staat een tab op deze regel: gebruik spaties om in te springen."
    else:
        hint = next((h for key, h in _YAML_HINTS if key in problem), None)
    hint = hint or "controleer inspringing, dubbele punten en aanhalingstekens op deze regel."
    return f"de front-matter is geen geldige YAML: {hint} (technische melding: {problem or 'onbekend'})"


def _fail(doc: RawDoc, line: int | None, message: str) -> RawDoc:
    doc.problems.append(Problem(doc.path, line, None, message))
    return doc


def key_lines(doc: RawDoc) -> dict[tuple, int]:
    """Map each key path, e.g. ``("contact", "email")`` or ``("tags", 2)``, to its file line.

    Composing YAML is slow (design §7): call this only for files that have a problem. The C
    composer is ~7x faster than the pure-Python one (a file of 20,000 unknown keys: 2.7 s →
    0.4 s); its marks count characters too, so the lines are the same.
    """
    root = doc.root
    if root is None:
        try:
            root = yaml.compose(doc.front_text, Loader=StringLoader)
        except (yaml.YAMLError, RecursionError):
            return {}
    lines: dict[tuple, int] = {}
    breaks = [m.start() for m in _NEWLINE.finditer(doc.front_text)]
    _walk(root, (), lines, lambda index: bisect.bisect_left(breaks, index) + doc.line_offset)
    return lines


def key_line(doc: RawDoc, path: tuple) -> int | None:
    """Line of ``path``, or of the nearest key above it that the file has: what :func:`key_lines` gives.

    Walks only down ``path`` in the front-matter composed at load, instead of mapping every key.
    """
    if doc.root is None:
        lines = key_lines(doc)
        found = next((path[:end] for end in range(len(path), 0, -1) if path[:end] in lines), None)
        return lines[found] if found else None
    node, index = doc.root, None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                break
            index, node = pair[0].start_mark.index, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            index = node.start_mark.index
        else:
            break
    return None if index is None else file_line(doc.front_text, index, doc.line_offset)


def _walk(node: yaml.Node | None, path: tuple, out: dict[tuple, int], line_of: Callable[[int], int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, key.value)
            out.setdefault(sub, line_of(key.start_mark.index))
            _walk(value, sub, out, line_of)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.setdefault((*path, i), line_of(item.start_mark.index))
            _walk(item, (*path, i), out, line_of)

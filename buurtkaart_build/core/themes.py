"""Themes and concepts as data: the shipped ``data/themes.yml`` and ``data/begrippen.yml``,
plus a repository's own ``thema.yml``.

Both files have one format: a name with ``label``, ``woorden`` (words that belong together or
mean the same) and ``omvat`` (narrower words or names of other entries). Themes are broad
("thema muziek"), concepts fine-grained ("krant ≈ dagblad"). Reading and checking these files
is part of loading user data; the matcher (``match/``) turns them into keys and lookup tables.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from .errors import Problem
from .slugs import fold

try:
    from yaml import CBaseLoader as StringLoader
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as StringLoader

REPO_FILE = "thema.yml"
SHIPPED_THEMES = "themes.yml"
SHIPPED_CONCEPTS = "begrippen.yml"


@dataclass(frozen=True)
class Theme:
    """A theme or concept: name (key), label shown on the site, words (name included), narrower entries."""

    name: str
    label: str
    words: tuple[str, ...]
    omvat: tuple[str, ...] = ()


def parse_themes(text: str, file: str) -> tuple[dict[str, Theme], list[Problem]]:
    """Read themes from YAML text; problems name the file and line and say how to fix them."""
    try:
        root = yaml.compose(text, Loader=StringLoader)  # noqa: S506 - BaseLoader builds only strings
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return {}, [
            Problem(
                file,
                mark.line + 1 if mark else None,
                None,
                "dit is geen geldige YAML: controleer inspringing, dubbele punten en haakjes op deze regel "
                f"(technische melding: {exc.problem or exc}).",
            )
        ]
    except yaml.YAMLError as exc:
        return {}, [Problem(file, None, None, f"dit is geen geldige YAML ({exc}).")]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, [_problem(file, root, "schrijf elk thema als 'naam:' met daaronder 'label:' en 'woorden:'.")]
    themes: dict[str, Theme] = {}
    problems: list[Problem] = []
    for key, value in root.value:
        theme = _theme(file, key, value, problems)
        if theme is not None:
            themes[theme.name] = theme
    return themes, problems


def _theme(file: str, key: yaml.Node, value: yaml.Node, problems: list[Problem]) -> Theme | None:
    name = " ".join(fold(key.value).split()) if isinstance(key, yaml.ScalarNode) else ""
    if not name:
        problems.append(_problem(file, key, "een thema heeft een naam nodig, zoals 'muziek:'."))
        return None
    label, words_node, narrower_node = None, value, None
    if isinstance(value, yaml.MappingNode):
        words_node = None
        for sub_key, sub_value in value.value:
            if sub_key.value == "label" and isinstance(sub_value, yaml.ScalarNode):
                label = sub_value.value.strip() or None
            elif sub_key.value == "woorden":
                words_node = sub_value
            elif sub_key.value == "omvat":
                narrower_node = sub_value
            else:
                problems.append(
                    _problem(
                        file,
                        sub_key,
                        f"onbekend veld '{sub_key.value}' bij thema '{name}': gebruik 'label', 'woorden' en 'omvat'.",
                    )
                )
    words = _words(words_node)
    if words is None:
        problems.append(
            _problem(
                file, value, f"thema '{name}' heeft geen lijst woorden. Schrijf bijvoorbeeld: woorden: [koor, zingen]."
            )
        )
        return None
    narrower = _words(narrower_node) if narrower_node is not None else []
    if narrower is None:
        problems.append(
            _problem(
                file,
                narrower_node,
                f"'omvat' bij thema '{name}' is geen lijst woorden. Schrijf bijvoorbeeld: omvat: [bos, vogels].",
            )
        )
        narrower = []
    words = [" ".join(fold(w).split()) for w in words]
    narrower = [" ".join(fold(w).split()) for w in narrower]
    return Theme(name, label or name.capitalize(), tuple(dict.fromkeys([name, *words])), tuple(dict.fromkeys(narrower)))


def _words(node: yaml.Node | None) -> list[str] | None:
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return [node.value.strip()]  # a single word without brackets
    if isinstance(node, yaml.SequenceNode) and all(isinstance(n, yaml.ScalarNode) for n in node.value):
        return [n.value.strip() for n in node.value if n.value.strip()]
    return None


def _problem(file: str, node: yaml.Node, message: str) -> Problem:
    return Problem(file, node.start_mark.line + 1, None, message)


def merge(base: dict[str, Theme], extra: dict[str, Theme]) -> dict[str, Theme]:
    """Add ``extra``'s words to existing themes (keeping their label unless given) and new themes."""
    out = dict(base)
    for name, theme in extra.items():
        old = out.get(name)
        if old is None:
            out[name] = theme
        else:
            label = theme.label if theme.label != name.capitalize() else old.label
            words = tuple(dict.fromkeys(old.words + theme.words))
            out[name] = Theme(name, label, words, tuple(dict.fromkeys(old.omvat + theme.omvat)))
    return out


def _shipped(name: str) -> dict[str, Theme]:
    text = resources.files("buurtkaart_build").joinpath("data", name).read_text(encoding="utf-8")
    themes, problems = parse_themes(text, f"buurtkaart_build/data/{name}")
    if problems:  # pragma: no cover - guarded by the tests
        raise ValueError("\n".join(p.as_text() for p in problems))
    return themes


@functools.cache
def shipped_themes() -> dict[str, Theme]:
    return _shipped(SHIPPED_THEMES)


@functools.cache
def shipped_concepts() -> dict[str, Theme]:
    return _shipped(SHIPPED_CONCEPTS)


def load_themes(root: Path | None = None) -> tuple[dict[str, Theme], dict[str, Theme], list[Problem]]:
    """The shipped themes and concepts, extended with ``<root>/thema.yml`` when it exists.

    Every entry of ``thema.yml`` extends (or adds) both the theme and the concept of that name,
    so a repository's words are themes and word links at once. Returns themes, concepts and
    the problems in ``thema.yml``; with problems, the shipped data plus whatever could be read.
    """
    themes, concepts = shipped_themes(), shipped_concepts()
    file = root / REPO_FILE if root is not None else None
    if file is None or not file.is_file():
        return themes, concepts, []
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return (
            themes,
            concepts,
            [Problem(REPO_FILE, None, None, f"het bestand kan niet worden gelezen ({exc}). Sla het op als UTF-8.")],
        )
    extra, problems = parse_themes(text, REPO_FILE)
    if not extra:
        return themes, concepts, problems
    return merge(themes, extra), merge(concepts, extra), problems

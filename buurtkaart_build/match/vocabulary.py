"""The theme vocabulary: words that belong together (muziek ~ zingen, koor, band).

The package ships ``data/themes.yml``; a repository may add themes and words in ``thema.yml``
at its root (format described at the top of the shipped file). Text is analysed into stems
and themes here, so matching only compares sets.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..core.errors import Problem
from .words import STOP_WORDS, fold, split_compound, stem, tokens

try:
    from yaml import CBaseLoader as StringLoader
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as StringLoader

REPO_FILE = "thema.yml"
MAX_PHRASE = 3

# Frequent last parts of compounds that are no theme word themselves: zang-groep, kook-club.
COMPOUND_PARTS = frozenset(
    """groep groepen club clubs les lessen ruimte vereniging middag ochtend avond project plek plaats
    dag winkel team huis zaal bus kamer centrum tafel markt school werk rolstoel""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Theme:
    """A theme: its name (key), the label shown on the site, and its words (name included)."""

    name: str
    label: str
    words: tuple[str, ...]


Term = tuple[str, str]  # (stem, the word or compound part it came from)


@dataclass(frozen=True)
class Analysis:
    """A text seen by the matcher.

    Attributes:
        words: The stem of each distinct word → the word's terms: its own stem first, then its
            compound parts' (``voetbalwedstrijd``, ``voetbal``, ``wedstrijd``), each with the
            word or part to show.
        themes: Theme name → the first word in the text that belongs to it.
    """

    words: dict[str, tuple[Term, ...]]
    themes: dict[str, str]

    @property
    def stems(self) -> set[str]:
        """Every stem of the text, compound parts included."""
        return {s for terms in self.words.values() for s, _ in terms}


@dataclass
class Vocabulary:
    """Themes plus the lookup tables derived from them."""

    themes: dict[str, Theme]
    by_stem: dict[str, frozenset[str]] = field(init=False)
    phrases: dict[tuple[str, ...], frozenset[str]] = field(init=False)
    lexicon: frozenset[str] = field(init=False)  # theme words and common compound parts
    known: frozenset[str] = field(init=False)  # the lexicon plus its stems, for splitting compounds
    _cache: dict[str, tuple[tuple[Term, ...], frozenset[str]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        by_stem: dict[str, set[str]] = {}
        phrases: dict[tuple[str, ...], set[str]] = {}
        words: set[str] = set(COMPOUND_PARTS)
        for theme in self.themes.values():
            for entry in theme.words:
                parts = tokens(entry)
                key = tuple(stem(p) for p in parts)
                if len(key) == 1:
                    by_stem.setdefault(key[0], set()).add(theme.name)
                    words.add(parts[0])
                elif 1 < len(key) <= MAX_PHRASE:
                    phrases.setdefault(key, set()).add(theme.name)
        self.by_stem = {k: frozenset(v) for k, v in by_stem.items()}
        self.phrases = {k: frozenset(v) for k, v in phrases.items()}
        self.lexicon = frozenset(words)
        # Stems too, so verb stems start compounds: kook-club (koken), zwem-les (zwemmen).
        self.known = self.lexicon | {stem(w) for w in words}

    def label(self, name: str) -> str:
        theme = self.themes.get(name)
        return theme.label if theme else name

    def word(self, word: str) -> tuple[tuple[Term, ...], frozenset[str]]:
        """Terms (own stem, then compound parts) and themes of one folded word; cached."""
        hit = self._cache.get(word)
        if hit is None:
            own = stem(word)
            parts = [(stem(p), p) for p in split_compound(word, self.known) if p not in STOP_WORDS]
            terms = {own: word}
            for part_stem, part in parts:
                # Show a part only when it is a word of its own ("werk"), not a verb stem ("vergader").
                terms.setdefault(part_stem, part if part in self.lexicon else word)
            themes = self.by_stem.get(own)
            if themes is None:  # an exact entry wins over the parts: speeltuin is no tuin
                themes = frozenset().union(*(self.by_stem.get(s, frozenset()) for s, _ in parts))
            hit = self._cache[word] = (tuple(terms.items()), themes)
        return hit

    def analyse(self, text: str) -> Analysis:
        """Terms and themes of a text, each with the word that brought it in."""
        words = tokens(text)
        terms: dict[str, tuple[Term, ...]] = {}
        themes: dict[str, str] = {}
        own_stems = []
        for word in words:
            word_terms, word_themes = self.word(word)
            own_stems.append(word_terms[0][0])
            terms.setdefault(word_terms[0][0], word_terms)  # "fiets" and "fietsen" count once
            for theme in sorted(word_themes):
                themes.setdefault(theme, word)
        for size in range(2, MAX_PHRASE + 1):
            for i in range(len(own_stems) - size + 1):
                for theme in sorted(self.phrases.get(tuple(own_stems[i : i + size]), ())):
                    themes.setdefault(theme, " ".join(words[i : i + size]))
        return Analysis(terms, themes)


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
    label, words_node = None, value
    if isinstance(value, yaml.MappingNode):
        words_node = None
        for sub_key, sub_value in value.value:
            if sub_key.value == "label" and isinstance(sub_value, yaml.ScalarNode):
                label = sub_value.value.strip() or None
            elif sub_key.value == "woorden":
                words_node = sub_value
            else:
                problems.append(
                    _problem(
                        file,
                        sub_key,
                        f"onbekend veld '{sub_key.value}' bij thema '{name}': gebruik 'label' en 'woorden'.",
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
    return Theme(name, label or name.capitalize(), tuple(dict.fromkeys([name, *words])))


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
            out[name] = Theme(name, label, tuple(dict.fromkeys(old.words + theme.words)))
    return out


@functools.cache
def _shipped() -> dict[str, Theme]:
    text = resources.files("buurtkaart_build").joinpath("data", "themes.yml").read_text(encoding="utf-8")
    themes, problems = parse_themes(text, "buurtkaart_build/data/themes.yml")
    if problems:  # pragma: no cover - guarded by the tests
        raise ValueError("\n".join(p.as_text() for p in problems))
    return themes


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary (cached: building it stems every word once)."""
    return Vocabulary(_shipped())


def load_vocabulary(root: Path | None = None) -> tuple[Vocabulary, list[Problem]]:
    """The shipped vocabulary, extended with ``<root>/thema.yml`` when it exists.

    Returns the vocabulary and the problems in ``thema.yml``; with problems, the shipped
    vocabulary plus whatever themes could be read.
    """
    file = root / REPO_FILE if root is not None else None
    if file is None or not file.is_file():
        return default_vocabulary(), []
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return default_vocabulary(), [
            Problem(REPO_FILE, None, None, f"het bestand kan niet worden gelezen ({exc}). Sla het op als UTF-8.")
        ]
    extra, problems = parse_themes(text, REPO_FILE)
    if not extra:
        return default_vocabulary(), problems
    return Vocabulary(merge(_shipped(), extra)), problems

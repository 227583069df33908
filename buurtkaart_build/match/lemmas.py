"""Words as people write them: spelling variants, lemmas and the key a word is compared by.

A need says "liedjes", a card "liederen"; a need "haren", a card "haar". The Snowball stemmer
alone does not join those, a lemmatiser does: ``simplemma`` (MIT licence, a lemma list per
language, no network). Its lemma is stemmed too, so ``zingen`` and ``zing`` still meet. Common
misspellings and variants are mapped to one spelling first (``data/schrijfwijzen.yml``).
"""

from __future__ import annotations

import functools
from importlib import resources

import simplemma
import yaml

from .words import fold, stem

DIMINUTIVE_ENDINGS = ("etje", "tje", "pje", "kje", "je")


@functools.cache
def spellings() -> dict[str, str]:
    """Variant → the spelling used in the vocabulary (folded words), from the shipped data file."""
    text = resources.files("buurtkaart_build").joinpath("data", "schrijfwijzen.yml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.BaseLoader) or {}  # noqa: S506 - BaseLoader builds only strings
    return {fold(variant): fold(standard) for standard, variants in data.items() for variant in variants}


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a folded word: ``liederen`` → ``lied``, ``haren`` → ``haar``."""
    word = spellings().get(word, word)
    found = (simplemma.lemmatize(word, lang="nl", low_memory=True) or word).lower()
    if found.endswith("je") and found != word:  # beestjes → beestje → beest
        found = (simplemma.lemmatize(found, lang="nl", low_memory=True) or found).lower()
    return found


@functools.lru_cache(maxsize=65536)
def key(word: str) -> str:
    """What two words are compared by: the stem of the lemma (``liedjes``, ``lied``, ``liederen``)."""
    base = lemma(word)
    stemmed = stem(base)
    # Snowball's Dutch stemmer also drops a "ge" inside a word (gebed → bed, vogelhuisje →
    # volhuis, gelovig → loof): keep the lemma when the stem no longer starts like the word.
    return stemmed if base.startswith(stemmed[:4]) else base


def diminutive_bases(word: str) -> list[str]:
    """Possible words under a diminutive: ``beestje`` → ``[beest, bees]``, ``boompje`` → ``[boom, ...]``."""
    return [word[: -len(end)] for end in DIMINUTIVE_ENDINGS if word.endswith(end) and len(word) - len(end) >= 3]

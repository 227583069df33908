"""Plain Dutch: warnings with a tip when a text is long or hard to read.

The measure is Flesch–Douma, Flesch's reading ease fitted to Dutch by W.H. Douma (1960):
``206.835 − 0.93 × words per sentence − 77 × syllables per word``; Douma calls below 30 "very
hard". One short sentence scores far lower than running text of the same level (the demo's
plain B1 summaries score 36–85), so the score alone warns only below 30; the concrete checks
(long sentences, long words, hard words) do the rest and say what to change.
Syllables are counted as groups of vowels, which fits Dutch spelling well: ``ij`` counts as a
vowel and a diaeresis (``ë``, ``ï``) starts a new syllable.
Hard words with an easier replacement come from ``data/moeilijke-woorden.txt``.

Pure functions; messages are Dutch and name the word or sentence to change.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

MIN_SCORE = 30.0  # Flesch–Douma: below 30 "zeer moeilijk" (see the module docstring)
MAX_SENTENCE_WORDS = 20  # B1 advice: 10–15 words on average, never more than 20
MAX_TEXT_WORDS = 30  # a summary is one short sentence
MAX_WORD_SYLLABLES = 5  # more is a long compound ("appartementengebouw": 7)
MAX_WORD_LETTERS = 20
MIN_WORDS_FOR_SCORE = 6  # the score of a very short text says nothing

_VOWELS = frozenset("aeiouyáàâéèêíìîóòôúùûäëïöü")
_DIAERESIS = frozenset("äëïöü")
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)|[\n;]+")


@dataclass(frozen=True)
class Reading:
    """Figures of one text."""

    sentences: list[list[str]]
    words: int
    syllables: int

    @property
    def score(self) -> float:
        """Flesch–Douma reading ease (higher is easier)."""
        if not self.words:
            return 100.0
        return 206.835 - 0.93 * self.words / max(1, len(self.sentences)) - 77 * self.syllables / self.words


@functools.lru_cache(maxsize=1 << 16)  # words repeat: 10,000 summaries have far fewer distinct words
def syllables(word: str) -> int:
    """Dutch syllables of one word: ``bakkerij`` 3, ``ruïne`` 3, ``koffie`` 2, ``250`` 3."""
    total = 0
    for part in word.lower().split("-"):
        if part.isdigit():
            total += len(part)  # a number is read aloud: about one syllable per digit
            continue
        part = part.replace("ij", "e")  # one vowel sound, not i + j
        groups, previous = 0, False
        for char in part:
            vowel = char in _VOWELS
            if vowel and (not previous or char in _DIAERESIS):
                groups += 1
            previous = vowel
        total += max(1, groups) if any(c.isalnum() for c in part) else 0
    return total


def reading(text: str) -> Reading:
    sentences = [_WORD.findall(s) for s in _SENTENCE_END.split(text)]
    sentences = [s for s in sentences if s]
    words = [w for s in sentences for w in s]
    return Reading(sentences, len(words), sum(syllables(w) for w in words))


def flesch_douma(text: str) -> float:
    return reading(text).score


@functools.cache
def hard_words() -> dict[str, str]:
    """``{moeilijk woord of woordgroep: makkelijker woord}`` from the package's data file."""
    text = resources.files("buurtkaart_build").joinpath("data", "moeilijke-woorden.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#") and ":" in line:
            hard, easy = line.split(":", 1)
            out[hard.strip().lower()] = easy.strip()
    return out


def plain_language_tips(text: str) -> list[str]:
    """Dutch warnings about ``text``, most useful first; empty when it reads easily."""
    read = reading(text)
    tips = [_replace_tip(hard, easy) for hard, easy in _hard_words_in(text)]
    for sentence in read.sentences:
        if len(sentence) > MAX_SENTENCE_WORDS:
            tips.append(
                f"de zin '{_quote(sentence)}' heeft {len(sentence)} woorden. Maak er twee korte zinnen van: "
                f"hoogstens {MAX_SENTENCE_WORDS} woorden per zin."
            )
    for word in _long_words(read):
        tips.append(f"'{word}' is een lang woord. Kies een korter woord of zeg het anders, in twee woorden.")
    if read.words > MAX_TEXT_WORDS:
        tips.append(
            f"de tekst is lang ({read.words} woorden). Vertel in één korte zin wat het is; "
            "de rest kan in 'wat_doen_ze' of onder de kaart."
        )
    if read.words >= MIN_WORDS_FOR_SCORE and read.score < MIN_SCORE and not tips:
        tips.append(
            f"de tekst is moeilijk te lezen (leesbaarheid {read.score:.0f} volgens Flesch-Douma; "
            f"onder {MIN_SCORE:.0f} is erg moeilijk). "
            "Gebruik korte zinnen en korte, gewone woorden."
        )
    return tips


def _hard_words_in(text: str) -> list[tuple[str, str]]:
    """The hard words and phrases of ``text`` (whole words only), in the order of the word list."""
    words = [w.lower() for w in _WORD.findall(text)]
    entries, one_word, phrases = _hard_word_index()
    found = {one_word[w] for w in words if w in one_word}
    if phrases:
        lowered = " " + " ".join(words) + " "
        found.update(i for i, hard in phrases if f" {hard} " in lowered)
    return [entries[i] for i in sorted(found)]


@functools.cache
def _hard_word_index() -> tuple[list[tuple[str, str]], dict[str, int], list[tuple[int, str]]]:
    """The word list split once: single words (looked up) and phrases (searched), by list position.

    A single word (no spaces) is in the text's space-joined words exactly when it is one of
    them, so a lookup finds the same as the search for ``" word "``, without 50 searches per text.
    """
    entries = list(hard_words().items())
    one_word = {hard: i for i, (hard, _) in enumerate(entries) if hard.split() == [hard]}
    phrases = [(i, hard) for i, (hard, _) in enumerate(entries) if hard not in one_word]
    return entries, one_word, phrases


def _replace_tip(hard: str, easy: str) -> str:
    return f"'{hard}' is een moeilijk woord. Schrijf liever '{easy}'."


def _long_words(read: Reading) -> list[str]:
    seen: dict[str, None] = {}
    for sentence in read.sentences:
        for word in sentence:
            for part in word.split("-"):  # "Facebook-pagina" reads as two short words: fine
                if syllables(part) > MAX_WORD_SYLLABLES or len(part) > MAX_WORD_LETTERS:
                    seen.setdefault(word, None)
    return list(seen)


def _quote(words: list[str], limit: int = 8) -> str:
    return " ".join(words) if len(words) <= limit else " ".join(words[:limit]) + " …"

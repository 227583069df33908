"""Dutch text for matching: fold case and accents, split into words, drop stop words, stem.

Pure functions without site or map imports. Stems are cached: a card corpus repeats the same
few thousand words, and the Snowball stemmer is pure Python.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container

import snowballstemmer

from ..core.slugs import fold

_WORD = re.compile(r"[a-z0-9]+")
# An e-mail address starts after whitespace: '\S+@' alone restarted at every character of a
# long word (900 KB of text without spaces took hours; 'a@a@a@…' of 20 KB minutes).
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+")

# Snowball's Dutch stop list, plus words every need or card uses without meaning much.
STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
    eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
    is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
    onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
    werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    onze ook graag elke elk per paar keer week weken dag dagen kunnen willen mogen gaan gaat doet
    maken goed heel leuk nieuw nieuwe waar wanneer welke zoals bijvoorbeeld bv eventueel samen
    ver vaak soms even mee weer wel zeer erg daarom hebben ja nee onbekend rond klein kleine groot grote
    client clienten bewoner bewoners buurt wijk buurtbewoner buurtbewoners locatie mensen mens
    we wij jij jullie hen elkaar alle iedereen ander anderen via twee drie vier vijf uur
    kent kennen weten weet zeggen zegt vinden vindt vond komen komt staan staat zitten zit liggen ligt
    krijgen krijgt houden laten moeten zullen hoeven ging
    kunt plek plekje lekker zomaar af toe liefst beetje fijn mooi
    https http www nl com
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# Words that say little about what a need is about: "leren omgaan met geld" is about money,
# "hulp bij de tuin" about the garden. They count for less in a need or offer (match/index.py).
LIGHT_WORDS = frozenset(
    """leren leer hulp helpen help zorgen zorgt zorg maken bezig vast vaste activiteit activiteiten
    doen regelmatig wekelijks gezellig""".split()  # noqa: SIM905
)

# Stop words that still start a meaningful compound: buurt-maaltijd, wijk-krant, bewoners-vereniging.
_COMPOUND_HEADS = frozenset({"buurt", "wijk", "client", "clienten", "bewoner", "bewoners", "locatie"})

# Linking sounds between the parts of a Dutch compound: tuin-s-bank, kerk-en-raad, zonne-bloem.
_LINKS = ("s", "en", "e")


def words(text: str) -> list[str]:
    """Folded words of a text, links and e-mail addresses removed, stop words kept.

    Markup (``*``, ``[``, ``|`` …) separates words like any character outside ``[a-z0-9]``.
    """
    if "@" in text or "://" in text or "www." in text:  # what every address _URL removes has
        text = _URL.sub(" ", text)
    return _WORD.findall(fold(text))


def tokens(text: str) -> list[str]:
    """Folded words without stop words, numbers or single letters (see :func:`is_content_word`)."""
    return [w for w in words(text) if len(w) > 1 and w not in STOP_WORDS and not w.isdigit()]


def is_content_word(word: str) -> bool:
    """True for a word that can carry meaning in a match (not a stop word or number)."""
    return len(word) > 1 and word not in STOP_WORDS and not word.isdigit()


@functools.lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem a folded word with Snowball's Dutch stemmer.

    Snowball drops a final ``s`` from ``fiets`` but keeps it in the stem of ``fietsen``; the
    same ``s`` is dropped here so singular and plural meet (``fiet``). Stemming twice would do
    that too, but over-stems (``korenaar`` → ``koor``).
    """
    first = _stemmer().stemWord(word)
    if first != word and len(first) > 3 and first[-1] == "s" and first[-2] not in "aeiouyjs":
        return first[:-1]
    return first


def stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return [stem(w) for w in tokens(text)]


def split_compound(word: str, known: Container[str], *, min_head: int = 3, min_tail: int = 4) -> list[str]:
    """Split a Dutch compound into known parts: ``voetbalwedstrijd`` → ``[voetbal, wedstrijd]``.

    Dutch writes compounds as one word, so "moestuinbakken" would otherwise never meet "moestuin".
    The longest known tail wins; the head may carry a linking ``s``, ``en`` or ``e``. The head is
    split again, so three-part words work too. Returns ``[]`` when no split is found.

    Args:
        word: A folded word.
        known: Words that may be parts, folded; a part also counts when its stem is in ``known``
            (so with stems in ``known``, ``kookclub`` splits into ``kook`` + ``club``).
        min_head: Shortest first part.
        min_tail: Shortest last part.
    """
    for cut in range(min_head, len(word) - min_tail + 1):
        tail = word[cut:]
        if not _is_known(tail, known):
            continue
        head = _known_head(word[:cut], known, min_head)
        if head:
            return [*head, tail]
    return []


def _known_head(head: str, known: Container[str], min_head: int) -> list[str]:
    for candidate in (*(head[: -len(link)] for link in _LINKS if head.endswith(link)), head):
        if candidate in _COMPOUND_HEADS:
            return [candidate]
        if len(candidate) >= min_head and candidate not in STOP_WORDS and _is_known(candidate, known):
            return [candidate]
    if len(head) >= 2 * min_head + 1:
        return split_compound(head, known, min_head=min_head, min_tail=min_head + 1)
    return []


def _is_known(part: str, known: Container[str]) -> bool:
    return part in known or stem(part) in known

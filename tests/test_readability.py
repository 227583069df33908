"""Plain language: Flesch–Douma, Dutch syllables, long sentences and words, hard words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from buurtkaart_build.core.readability import (
    MIN_SCORE,
    flesch_douma,
    hard_words,
    plain_language_tips,
    reading,
    syllables,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("bakkerij", 3),
        ("koffie", 2),
        ("huis", 1),
        ("eeuw", 1),
        ("ruïne", 3),
        ("geëerd", 2),
        ("ijs", 1),
        ("lijst", 1),
        ("appartementengebouw", 7),
        ("WhatsApp-groep", 3),
        ("250", 3),
        ("'s", 1),
    ],
)
def test_dutch_syllables(word, count):
    assert syllables(word) == count


def test_flesch_douma_formula():
    # 2 sentences, 8 words, 11 syllables: 206.835 - 0.93 * 4 - 77 * 11 / 8
    text = "De bakker bakt brood. Wij kopen koffie daar."
    read = reading(text)
    assert (len(read.sentences), read.words, read.syllables) == (2, 8, 11)
    assert flesch_douma(text) == pytest.approx(206.835 - 0.93 * 4 - 77 * 11 / 8)


def test_plain_text_passes():
    assert plain_language_tips("Een kleine bakker om de hoek. Je mag er koffie drinken.") == []
    assert plain_language_tips("") == []


def test_hard_word_with_replacement():
    tips = plain_language_tips("Het buurthuis wil participeren en kan ons faciliteren.")
    assert "'participeren' is een moeilijk woord. Schrijf liever 'meedoen'." in tips
    assert "'faciliteren' is een moeilijk woord. Schrijf liever 'helpen'." in tips


def test_hard_phrase_of_several_words():
    assert "'ten behoeve van' is een moeilijk woord. Schrijf liever 'voor'." in plain_language_tips(
        "Een pot geld ten behoeve van de buurt."
    )


def test_hard_word_only_as_a_whole_word():
    assert plain_language_tips("Wij helpen echt.") == []  # 'echter' is hard, 'echt' is not


def test_long_sentence():
    sentence = " ".join(["een", "kleine", "bakker", "om", "de", "hoek"] * 4) + "."
    tips = plain_language_tips(sentence)
    assert tips[0] == (
        "de zin 'een kleine bakker om de hoek een kleine …' heeft 24 woorden. "
        "Maak er twee korte zinnen van: hoogstens 20 woorden per zin."
    )


def test_long_word_but_hyphenated_parts_are_fine():
    tips = plain_language_tips("Een appartementencomplexbeheerder woont hier.")
    assert (
        "'appartementencomplexbeheerder' is een lang woord. Kies een korter woord of zeg het anders, in twee woorden."
        in tips
    )
    assert plain_language_tips("De Facebook-pagina van de buurt.") == []


def test_long_text():
    text = ". ".join(["Wij gaan naar de bakker om de hoek"] * 4) + "."
    assert any(t.startswith("de tekst is lang (32 woorden).") for t in plain_language_tips(text))


def test_hard_to_read_score_warns_with_the_figure():
    text = "Gemeentelijke regelingen zijn daadwerkelijk onvoldoende gecommuniceerd."  # no single word too long
    assert flesch_douma(text) < MIN_SCORE
    [tip] = plain_language_tips(text)
    assert re.fullmatch(
        r"de tekst is moeilijk te lezen \(leesbaarheid -?\d+ volgens Flesch-Douma; onder 30 is erg moeilijk\)\. "
        r"Gebruik korte zinnen en korte, gewone woorden\.",
        tip,
    )


def test_word_list_is_clean():
    words = hard_words()
    assert words["faciliteren"] == "helpen" and words["participeren"] == "meedoen"
    assert all(hard == hard.lower() and easy for hard, easy in words.items())


def test_demo_summaries_pass():
    found = 0
    for card in sorted((ROOT / "cards").glob("*/*.md")):
        match = re.search(r"^samenvatting: (.+)$", card.read_text(encoding="utf-8"), re.M)
        if match:
            found += 1
            assert plain_language_tips(match[1]) == [], card.name
    assert found > 20

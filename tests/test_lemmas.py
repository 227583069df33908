"""Words as people write them: lemmas, spelling variants, the comparison key, diminutives."""

import pytest

from buurtkaart_build.match.lemmas import diminutive_bases, key, lemma, spellings


@pytest.mark.parametrize(
    ("word", "expected"),
    [("liederen", "lied"), ("liedjes", "lied"), ("haren", "haar"), ("kinderen", "kind"), ("beestjes", "beest")],
)
def test_lemma_joins_irregular_plurals_and_diminutives(word, expected):
    assert lemma(word) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("liederen", "lied"), ("fietsen", "fiets"), ("rijwielen", "rijwiel"), ("moestuintje", "moestuin"),
     ("vrijwiliger", "vrijwilliger"), ("gezelig", "gezellig"), ("restaurent", "restaurant")],
)  # fmt: skip
def test_inflections_and_misspellings_share_a_key(a, b):
    assert key(a) == key(b)


def test_key_keeps_words_the_stemmer_would_mangle():
    # Snowball drops a "ge" inside a word: gebed would meet bed, vogelhuisje volhuis.
    assert key("gebed") != key("bed")
    assert key("vogelhuisjes") == "vogelhuis"
    assert key("gelovig") == "gelovig"
    assert key("bezig") != key("beestje")


def test_spellings_are_folded():
    table = spellings()
    assert table["kafee"] == "cafe" and table["vrijwiliger"] == "vrijwilliger"
    assert all(k == k.lower() and k.isascii() for k in table)


def test_diminutive_bases():
    assert "boom" in diminutive_bases("boompje")
    assert "beest" in diminutive_bases("beestje")
    assert diminutive_bases("tuin") == []


@pytest.mark.parametrize(
    ("word", "parts"),
    [("buurthuiskamer", ["huiskamer"]), ("moestuinbakken", ["moestuin", "bakken"]),
     ("voedselbank", ["voedsel", "bank"]), ("rolstoeltoegankelijk", ["rolstoel", "toegankelijk"]),
     ("zanggroepje", ["zang", "groep"]),
     ("vogelhuisjes", ["vogel", "huis"])],
)  # fmt: skip
def test_compounds_are_split_into_known_parts(word, parts):
    from buurtkaart_build.match.vocabulary import default_vocabulary

    terms, _ = default_vocabulary().word(word)
    assert [shown for _, shown in terms[1:]] == parts


def test_speeltuin_is_no_garden():
    from buurtkaart_build.match.vocabulary import default_vocabulary

    terms, themes = default_vocabulary().word("speeltuin")
    assert "tuin" not in {k for k, _ in terms} and "tuin" not in themes

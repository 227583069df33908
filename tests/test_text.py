"""Dutch text for matching: folding, words, stop words, stems, compounds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from buurtkaart_build.match.words import _URL, _WORD, fold, is_content_word, split_compound, stem, stems, tokens, words


def test_fold_lowercases_and_strips_accents():
    assert fold("Cliënten in het CAFÉ, één keer") == "clienten in het cafe, een keer"


def test_words_drop_links_email_and_markup():
    text = "**Koor** [zingen](https://koor.example/a?b=c) mail koor@example.nl of www.koor.nl!"
    assert words(text) == ["koor", "zingen", "mail", "of"]


def test_tokens_drop_stop_words_numbers_and_single_letters():
    assert tokens("Een koor waar een cliënt met 40 mensen kan zingen, G-voetbal") == ["koor", "zingen", "voetbal"]


def test_domain_words_are_stop_words():
    assert not is_content_word("buurt")
    assert not is_content_word("clienten")
    assert is_content_word("muziek")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("fiets", "fietsen"),  # Snowball keeps the s of "fietsen" but not of "fiets"
        ("koor", "koren"),
        ("tuinieren", "tuinier"),
        ("zwemmen", "zwem"),
        ("bakken", "bak"),
        ("maatje", "maatjes"),
        ("honden", "hond"),
        ("vrijwilligers", "vrijwilliger"),
    ],
)
def test_singular_and_plural_share_a_stem(a, b):
    assert stem(a) == stem(b)


def test_stemming_does_not_over_reach():
    assert stem("korenaar") != stem("koor")  # a bakery is no choir
    assert stem("muziek") != stem("museum")


def test_stems_of_a_text_in_order():
    assert stems("Honden uitlaten en katten voeren") == [stem("hond"), stem("uitlaten"), stem("kat"), stem("voer")]


def test_split_compound_into_known_parts():
    known = {"voetbal", "wedstrijd", "moestuin", "bakken", "ontmoeting", "ruimte", "maaltijd", "kook", "club"}
    assert split_compound("voetbalwedstrijd", known) == ["voetbal", "wedstrijd"]
    assert split_compound("moestuinbakken", known) == ["moestuin", "bakken"]
    assert split_compound("ontmoetingsruimte", known) == ["ontmoeting", "ruimte"]  # linking s
    assert split_compound("buurtmaaltijd", known) == ["buurt", "maaltijd"]  # buurt: a compound head
    assert split_compound("kookclub", known) == ["kook", "club"]


def test_split_compound_needs_known_parts_of_a_minimum_length():
    known = {"band", "eten", "tuin"}
    assert split_compound("verband", known) == []  # "ver" is a stop word
    assert split_compound("vergeten", known) == []  # "verg" is not a known word
    assert split_compound("tuin", known) == []


def test_split_compound_three_parts():
    known = {"kinder", "boerderij", "dag", "dieren", "tuin", "feest"}
    assert split_compound("kinderboerderijfeest", known) == ["kinder", "boerderij", "feest"]


PIECES = ["koor", " ", "É", "ë", "ß", "*", "_", "`", "#", ">", "[", "]", "(", ")", "|", "@", "://", "http", "www.",
          ".nl", "x", "7", "\u0301", "\n", "ﬁ"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_words_and_tokens_as_the_plain_definition_gives_them(text):
    # words() skips work that cannot change its result (markup separates words anyway; the
    # address pattern needs "@", "://" or "www."): the same words as doing it all.
    plain = _WORD.findall(fold(re.sub(r"[*_`#>\[\]()|]", " ", _URL.sub(" ", text))))
    assert words(text) == plain
    assert tokens(text) == [w for w in plain if is_content_word(w)]

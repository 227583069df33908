"""The theme vocabulary: the shipped file, the repository's thema.yml, analysis of text."""

from pathlib import Path

import yaml

from buurtkaart_build.core.themes import REPO_FILE, Theme, merge, parse_themes
from buurtkaart_build.match.vocabulary import Vocabulary, default_vocabulary, load_vocabulary

# The domains of the method's instruction cards (design §1 and the guide).
DOMAINS = {
    "ontmoeten": "meeting",
    "geloof": "faith",
    "sport": "sport",
    "bewegen": "exercise",
    "cultuur": "culture",
    "eten": "food",
    "koken": "food",
    "natuur": "nature",
    "tuin": "nature",
    "dieren": "animals",
    "werk": "work and daily activities",
    "vrijwilligerswerk": "volunteering",
    "winkelen": "shops",
    "diensten": "services",
    "feest": "festivities",
    "informatie": "information channels",
}


def test_shipped_vocabulary_covers_the_method():
    vocab = default_vocabulary()
    assert len(vocab.themes) >= 25
    assert set(DOMAINS) <= set(vocab.themes)
    for theme in vocab.themes.values():
        assert theme.name in theme.words, theme.name
        assert theme.label and len(theme.words) >= 5, theme.name


def test_shipped_file_parses_without_problems():
    text = (Path(__file__).parent.parent / "buurtkaart_build" / "data" / "themes.yml").read_text(encoding="utf-8")
    themes, problems = parse_themes(text, "themes.yml")
    assert problems == []
    assert themes["muziek"].label == "Muziek"


def test_issue_examples_share_a_theme():
    vocab = default_vocabulary()
    for theme, related in {
        "muziek": ["zingen", "koor", "band"],
        "tuin": ["tuinieren", "moestuin", "groen"],
        "koken": ["bakken", "eten", "maaltijd"],
        "bewegen": ["sport", "wandelen", "zwemmen"],
    }.items():
        for word in related:
            assert theme in vocab.analyse(word).themes, (theme, word)


def test_analyse_finds_themes_of_compounds_and_phrases():
    vocab = default_vocabulary()
    analysis = vocab.analyse("Een maatje voor een voetbalwedstrijd; optocht met Sint Maarten")
    assert {"maatje", "sport", "feest"} <= set(analysis.themes)
    assert analysis.themes["sport"] == "voetbalwedstrijd"
    assert vocab.analyse("sint maarten").themes == {"feest": "sint maarten"}


def test_exact_entries_win_over_compound_parts():
    vocab = default_vocabulary()
    assert "tuin" not in vocab.analyse("speeltuin").themes  # a playground is no garden
    assert set(vocab.analyse("moestuinbakken").themes) == {"tuin"}  # not "bakken" as in baking


def test_analyse_words_keep_parts_and_count_a_stem_once():
    vocab = default_vocabulary()
    analysis = vocab.analyse("fiets fietsen voetbalwedstrijd")
    assert len(analysis.words) == 2
    parts = dict(next(terms for terms in analysis.words.values() if len(terms) > 1))
    assert set(parts.values()) == {"voetbalwedstrijd", "voetbal", "wedstrijd"}


def test_repository_file_adds_words_and_themes(tmp_path):
    (tmp_path / REPO_FILE).write_text(
        "muziek:\n  woorden: [shantykoor, accordeon]\npaardrijden:\n  label: Paardrijden\n"
        "  woorden: [paard, pony, huifkar]\nschaken: [schaakclub]\n",
        encoding="utf-8",
    )
    vocab, problems = load_vocabulary(tmp_path)
    assert problems == []
    assert vocab.themes["muziek"].label == "Muziek"
    assert "accordeon" in vocab.themes["muziek"].words and "koor" in vocab.themes["muziek"].words
    assert vocab.analyse("een ritje met de huifkar").themes["paardrijden"] == "huifkar"
    assert "paardrijden" not in default_vocabulary().analyse("huifkar").themes
    assert vocab.themes["schaken"].label == "Schaken"
    assert "schaken" in vocab.analyse("schaakclub").themes


def test_no_repository_file_gives_the_shipped_vocabulary(tmp_path):
    vocab, problems = load_vocabulary(tmp_path)
    assert vocab is default_vocabulary() and problems == []
    assert load_vocabulary(None)[0] is default_vocabulary()


def test_bad_yaml_is_a_problem_with_a_line(tmp_path):
    (tmp_path / REPO_FILE).write_text("muziek:\n  woorden: [koor\npaard: [pony]\n", encoding="utf-8")
    vocab, problems = load_vocabulary(tmp_path)
    assert vocab is default_vocabulary()
    assert len(problems) == 1
    assert problems[0].file == "thema.yml" and problems[0].is_error
    assert problems[0].line in (2, 3, 4)
    assert problems[0].message.startswith("dit is geen geldige YAML")


def test_wrong_shapes_are_problems_and_good_themes_still_count(tmp_path):
    (tmp_path / REPO_FILE).write_text(
        "muziek:\n  label: Muziek\n  woord: [koor]\npaard: [pony]\nleeg:\n  label: Niets\n", encoding="utf-8"
    )
    vocab, problems = load_vocabulary(tmp_path)
    assert [(p.line, p.message) for p in problems] == [
        (3, "onbekend veld 'woord' bij thema 'muziek': gebruik 'label', 'woorden' en 'omvat'."),
        (2, "thema 'muziek' heeft geen lijst woorden. Schrijf bijvoorbeeld: woorden: [koor, zingen]."),
        (6, "thema 'leeg' heeft geen lijst woorden. Schrijf bijvoorbeeld: woorden: [koor, zingen]."),
    ]
    assert "paard" in vocab.analyse("pony").themes


def test_a_list_instead_of_themes_is_a_problem():
    themes, problems = parse_themes("- muziek\n- tuin\n", "thema.yml")
    assert themes == {} and problems[0].line == 1
    assert "'naam:'" in problems[0].message


def test_empty_file_is_fine():
    assert parse_themes("", "thema.yml") == ({}, [])
    assert parse_themes("# alleen uitleg\n", "thema.yml") == ({}, [])


def test_unreadable_file_is_a_problem(tmp_path):
    (tmp_path / REPO_FILE).write_bytes(b"muziek: [k\xff]\n")
    _, problems = load_vocabulary(tmp_path)
    assert problems[0].file == "thema.yml" and "UTF-8" in problems[0].message


def test_merge_keeps_label_unless_given():
    base = {"muziek": Theme("muziek", "Muziek", ("muziek", "koor"))}
    extra = {"muziek": Theme("muziek", "Muziek en zang", ("muziek", "zang"))}
    merged = merge(base, extra)
    assert merged["muziek"] == Theme("muziek", "Muziek en zang", ("muziek", "koor", "zang"))
    assert base["muziek"].words == ("muziek", "koor")  # inputs unchanged


def test_vocabulary_from_themes_is_consistent():
    vocab = Vocabulary({"dans": Theme("dans", "Dans", ("dans", "dansen", "salsa les"))})
    assert vocab.analyse("Wij dansen graag").themes == {"dans": "dansen"}
    assert vocab.analyse("salsa les op dinsdag").themes == {"dans": "salsa les"}
    assert vocab.label("dans") == "Dans" and vocab.label("onbekend") == "onbekend"


def test_themes_yml_documents_the_repository_format():
    text = (Path(__file__).parent.parent / "buurtkaart_build" / "data" / "themes.yml").read_text(encoding="utf-8")
    header = "".join(line[1:] for line in text.splitlines() if line.startswith("#"))
    assert "thema.yml" in header
    assert yaml.safe_load(text)  # the documented format is the file's own format

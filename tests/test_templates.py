"""Card templates: one per category, with the instruction card's questions, valid once titled."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from repo_files import ROOT

from buurtkaart_build.core.choices import CATEGORIES
from buurtkaart_build.core.load import RawDoc, parse_text
from buurtkaart_build.core.models import CARD_KEYS
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.core.templates import (
    QUESTIONS,
    TITLE_LINE,
    VISITED_LINE,
    render_card,
    template_text,
)
from buurtkaart_build.core.validate import validate_card

DAY = dt.date(2026, 3, 14)
# Keys every template offers; 'wanneer' only where the instruction card asks when.
COMMON_KEYS = set(CARD_KEYS) - {"wanneer", "coordinaten", "bezocht", "gecontroleerd"}


def _parse(text: str):
    doc = parse_text(RawDoc(path="cards/test/x.md", meta={}, body=""), text)
    return doc, validate_card(doc) if doc.ok else None


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_copy_for_the_web_editor_is_identical(category):
    copy = ROOT / "cards" / "_sjablonen" / f"{category}.md"
    assert copy.read_text(encoding="utf-8") == template_text(category)


def test_there_is_exactly_one_template_per_category():
    folder = ROOT / "buurtkaart_build" / "data" / "sjablonen"
    assert sorted(p.stem for p in folder.glob("*.md")) == sorted(CATEGORIES)
    assert sorted(p.stem for p in (ROOT / "cards" / "_sjablonen").glob("*.md")) == sorted(CATEGORIES)


@pytest.mark.parametrize("category", CATEGORIES)
def test_template_asks_the_questions_of_its_instruction_card(category):
    text = _flat(template_text(category))
    missing = [q for q in QUESTIONS[category] if q not in text]
    assert not missing


@pytest.mark.parametrize("category", CATEGORIES)
def test_questions_are_yaml_comments_above_the_keys(category):
    lines = template_text(category).split("\n")
    for key in ("wat_doen_ze", "kent_ons", "toegankelijkheid", "contact", "aanbod", "vraag", "status"):
        index = (
            lines.index(f"{key}:")
            if f"{key}:" in lines
            else next(i for i, line in enumerate(lines) if line.startswith(f"{key}: "))
        )
        assert lines[index - 1].startswith("# "), f"{category}: no question above {key}"
    question = {"organisaties": "# Wat doet de organisatie?", "bedrijven": "# Wat doet het bedrijf?"}
    if category in question:
        assert lines[lines.index("wat_doen_ze:") - 1] == question[category]


@pytest.mark.parametrize("category", CATEGORIES)
def test_template_offers_every_relevant_key(category):
    front = template_text(category).split("---\n")[1]
    written = {line.lstrip("# ").split(":")[0] for line in front.split("\n") if ":" in line}
    assert written >= COMMON_KEYS
    assert {"coordinaten", "bezocht", "gecontroleerd"} <= written  # as examples to uncomment
    assert ("wanneer" in written) == (category in ("ontmoeten", "activiteiten"))
    active = yaml.safe_load(front)
    assert active["categorie"] == category
    assert set(active) <= set(CARD_KEYS)


@pytest.mark.parametrize("category", CATEGORIES)
def test_template_has_the_lines_new_fills_in(category):
    lines = template_text(category).split("\n")
    assert lines.count(TITLE_LINE) == 1
    assert lines.count(VISITED_LINE) == 1


@pytest.mark.parametrize("category", CATEGORIES)
def test_untitled_template_says_the_title_is_empty(category):
    doc, front = _parse(template_text(category))
    assert front is None
    assert [p.message for p in doc.problems] == ["'titel' is leeg. Vul een waarde in of haal de regel weg."]


@pytest.mark.parametrize("category", CATEGORIES)
def test_rendered_card_is_valid(category):
    doc, front = _parse(render_card(category, "Buurthuis De Vlinder", DAY))
    assert doc.problems == []
    assert front.titel == "Buurthuis De Vlinder"
    assert front.categorie == category
    assert front.bezocht == DAY
    assert front.kent_ons == "onbekend" and front.status == "nieuw"
    assert front.toegankelijkheid.rolstoel == "onbekend"
    assert front.aanbod == [] and front.tags == [] and front.contact.social == []


@pytest.mark.parametrize(
    "title",
    [
        'Café "De Hoek": koffie & thee',
        "#1 van de buurt",
        "- streepje",
        "[haakjes] {accolades}",
        "yes",
        "0612345678",
        "back\\slash",
        "*ster*",
        "&anker",
        "Zorg’s Ünïcödé 🙂",
        "  veel    spaties\tin\nde titel ",
    ],
)
def test_title_is_written_yaml_safely(title):
    doc, front = _parse(render_card("bedrijven", title, DAY))
    assert doc.problems == []
    assert front.titel == " ".join(title.split())


def test_body_prompts_stay_off_the_site():
    for category in CATEGORIES:
        body = template_text(category).split("---\n", 2)[2]
        assert body.startswith("<!--") and body.rstrip().endswith("-->")
        assert body.count("-->") == 1 and "--" not in body[4:-4].replace("-->", "")


def test_a_repository_with_new_cards_of_every_category_checks_clean(repo_dir):
    files = {f"cards/test/vondst-{c}.md": render_card(c, f"Vondst {c}", DAY) for c in CATEGORIES}
    root = repo_dir(files)
    repo = load_repository(root, today=DAY)
    assert repo.problems == []
    assert len(repo.cards) == 4


def test_templates_in_the_repository_are_skipped_by_the_loader():
    # cards/_sjablonen is in this repository; the loader must not read the untitled templates.
    repo = load_repository(ROOT, max_age_months=0)
    assert not [p for p in repo.problems if "_sjablonen" in p.file]

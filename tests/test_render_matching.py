"""The page /<locatie>/vraag-en-aanbod/: structure, escaping, links, action plan, print CSS."""

import re
from importlib import resources

import markdown

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.match.engine import match_location, needs_with_match
from buurtkaart_build.match.vocabulary import default_vocabulary, load_vocabulary
from buurtkaart_build.render.matching import (
    STYLESHEETS,
    location_matches,
    matching_pages,
    render_matching_page,
)

PAYLOAD = "<img src=x onerror=alert(1)>"
INVENTORY = f"""\
---
naam: "Huis {PAYLOAD}"
coordinaten: [52.5000, 6.1000]
behoeften:
  - wat: "Een koor *waar* [klik](javascript:alert(2)) {PAYLOAD} we zingen"
    van: cliënten
    voorwaarden: [rolstoel]
  - wat: Iemand om mee te schaken
aanbod:
  - wat: Onze band speelt op feesten
    tags: [muziek]
---
"""
KOOR = f"""\
---
titel: "Koor {PAYLOAD} [x](javascript:alert(3)) *ster*"
categorie: activiteiten
coordinaten: [52.5010, 6.1000]
aanbod: ["Zingen in ons koor <script>alert(4)</script>"]
contact:
  naam: "<b>Els</b>"
  telefoon: "038 123 45 67"
kent_ons: ja
status: contact
---
"""
ORANJE = """\
---
titel: Oranjevereniging
categorie: activiteiten
coordinaten: [52.5300, 6.1000]
vraag: [Een band voor Koningsdag]
---
"""


def page(repo_dir, public=False, files=None) -> str:
    root = repo_dir(
        {"inventory/huis.md": INVENTORY, "cards/huis/koor.md": KOOR, "cards/huis/oranje.md": ORANJE, **(files or {})},
        inventory=False,
    )
    repo = load_repository(root)
    assert not repo.errors, repo.errors
    vocabulary, problems = load_vocabulary(root)
    assert not problems
    location = repo.locations["huis"]
    matches = match_location(location, repo.cards_of("huis"), vocabulary)
    return render_matching_page(location, matches, public=public)


def body(source: str) -> str:
    return source.split("---\n", 2)[2]


def test_nothing_from_the_data_becomes_markup(repo_dir):
    source = page(repo_dir)
    assert PAYLOAD not in source and "<script>" not in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source
    assert 'href="javascript' not in source and "<b>Els</b>" not in source
    html = markdown.markdown(body(source), extensions=["attr_list", "tables", "admonition", "toc"])
    assert html == body(source).strip()  # one raw HTML block: Markdown changes nothing
    assert "<em>" not in html and '<a href="javascript' not in html


def test_page_structure(repo_dir):
    source = page(repo_dir)
    headings = re.findall(r"<h([1-3])[^>]*>(.*?)</h\1>", source)
    assert [h for h in headings if h[0] in "12"] == [
        ("1", "Vraag en aanbod — Huis &lt;img src=x onerror=alert(1)&gt;"),
        ("2", "Van buiten naar binnen: wat de buurt onze cliënten kan bieden"),
        ("2", "Van binnen naar buiten: wat wij de buurt kunnen bieden"),
        ("2", "Nog geen match"),
        ("2", "Actieplan voor het teamoverleg"),
    ]
    assert not re.search(r"<h[1-6][^>]*\bid=", source)  # no separate search results per heading
    assert source.startswith('---\ntitle: "Vraag en aanbod — Huis &lt;img')
    assert "1 van de 2 behoeften hebben een mogelijke match in de buurt." in source


def test_matches_link_to_cards_with_score_and_reasons(repo_dir):
    source = page(repo_dir)
    assert '<a href="../koor/">Koor &lt;img' in source
    assert re.search(
        r'<meter min="0" max="100" value="(\d+)" aria-hidden="true"></meter> '
        r"<span><strong>(sterke|mogelijke) match</strong> · past voor \1%</span>",
        source,
    )
    assert "thema muziek · woorden: alert, koor, zingen · 110 m · rolstoel: navragen · al in contact" in source
    assert '<span class="bk-warm">warm contact</span>' in source
    assert '<p class="bk-ask">Navragen: rolstoel</p>' in source
    assert "buiten de zoekstraal: 3,3 km" in source and '<span class="bk-far">buiten de zoekstraal</span>' in source


def test_unmatched_items_say_what_to_look_for(repo_dir):
    source = page(repo_dir)
    assert (
        "<strong>Behoefte:</strong> Iemand om mee te schaken<br>Nog geen match — gericht zoeken naar spelletjes."
        in source
    )


def test_action_plan_is_a_link_not_a_table(repo_dir):
    source = page(repo_dir)
    plan = source[source.index('<div class="bk-plan">') :]
    assert '<a href="../actieplan/">actieplan</a>' in plan
    assert "<table" not in plan  # the table moved to /<locatie>/actieplan/ (render/actionplan.py)


def test_public_mode_leaves_people_out(repo_dir):
    source = page(repo_dir, public=True)
    assert "Els" not in source and "038 123 45 67" not in source


def test_theme_labels_from_the_repository_are_escaped(repo_dir):
    source = page(repo_dir, files={"thema.yml": 'spel:\n  label: "<i>Spel</i>"\n  woorden: [schaken]\n'})
    assert "<i>Spel</i>" not in source and "&lt;i&gt;spel&lt;/i&gt;" in source


def test_matching_pages_one_per_location(repo_dir):
    root = repo_dir({"cards/test/koor.md": KOOR.replace("[52.5010, 6.1000]", "[52.5030, 6.0990]")})
    repo = load_repository(root)
    pages = matching_pages(repo, default_vocabulary())
    assert list(pages) == ["test/vraag-en-aanbod.md"]
    assert '<a href="../koor/">' in pages["test/vraag-en-aanbod.md"]
    assert matching_pages(repo, default_vocabulary()) == pages  # deterministic
    matches = location_matches(repo, default_vocabulary())
    assert matching_pages(repo, default_vocabulary(), matches=matches) == pages
    assert needs_with_match(matches["test"]) == (1, 1)


def test_print_stylesheet_is_shipped():
    for name in STYLESHEETS:
        css = resources.files("buurtkaart_build").joinpath("assets", name).read_text(encoding="utf-8")
        assert "@media print" in css and "size: A4" in css
        assert ".bk-plan { break-inside: avoid;" in css

"""Plan, meet and walk: action plan, agenda pages, overview, walk kit and poster (rendered, not in a browser)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from test_agenda import ROOT
from test_render_matching import INVENTORY, KOOR, ORANJE, PAYLOAD

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.agenda import agenda_files, card_entries, feed_item, location_agenda_page, schedule
from buurtkaart_build.render.ical import feed
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site

REFERENCE = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
ACTIES = f"""\
acties:
  - kans: "Bellen met het koor {PAYLOAD}"
    kaart: cards/huis/koor.md
    wie: "Anja <b>B</b>"
    wanneer: 15-1-2027
    status: bezig
  - kans: Iemand om mee te schaken
    status: Klaar
---
"""
AGENDA_KOOR = KOOR.replace(
    "status: contact\n", "status: contact\nwanneer:\n  - elke dinsdag 19:30-21:00\n  - Koningsdag\n"
)


def site(repo_dir, public=False, files=None, reference=REFERENCE, site_url=None) -> dict[str, str | bytes]:
    inventory = INVENTORY.replace("---\n", "", 1).rsplit("---\n", 1)[0]
    root = repo_dir(
        {
            "inventory/huis.md": "---\n" + inventory + ACTIES,
            "cards/huis/koor.md": AGENDA_KOOR,
            "cards/huis/oranje.md": ORANJE,
            **(files or {}),
        },
        inventory=False,
    )
    repo = load_repository(root)
    assert not repo.errors, repo.errors
    return render_site(repo, SiteOptions(public=public, reference=reference, site_url=site_url))


def md_pages(out) -> dict[str, str]:
    return {k: v for k, v in out.items() if k.endswith(".md")}


NEW_PAGES = ["huis/actieplan.md", "huis/agenda.md", "agenda.md", "overzicht.md", "huis/op-pad.md", "huis/poster.md"]


def test_every_new_page_and_file_exists(repo_dir):
    out = site(repo_dir)
    for path in [*NEW_PAGES, "huis/agenda.ics", "agenda.ics", "overzicht.csv"]:
        assert path in out, path


def test_nothing_from_the_data_becomes_markup_on_the_new_pages(repo_dir):
    out = site(repo_dir)
    for path in NEW_PAGES:
        source = out[path]
        assert PAYLOAD not in source and "<script" not in source and "<b>" not in source, path
        assert 'href="javascript' not in source, path
    assert "Bellen met het koor &lt;img src=x onerror=alert(1)&gt;" in out["huis/actieplan.md"]


def test_action_plan_lists_actions_then_open_chances(repo_dir):
    plan = site(repo_dir)["huis/actieplan.md"]
    actions = plan[plan.index("Afgesproken acties") : plan.index("Open kansen")]
    chances = plan[plan.index("Open kansen") :]
    assert actions.index("Bellen met het koor") < actions.index("Iemand om mee te schaken")  # bezig before klaar
    assert '→ <a href="../koor/">Koor &lt;img' in actions
    assert (
        "<td>&lt;b&gt;Els&lt;/b&gt;<br>038 123 45 67</td><td>Anja &lt;b&gt;B&lt;/b&gt;</td><td>15 januari 2027</td>"
        in actions
    )
    assert "<td>Klaar</td>" in actions
    # The koor need has an action (same card), the chess need too (same text): only the band offer is open.
    assert "Een koor" not in chances and "schaken" not in chances
    assert "<strong>Aanbod:</strong> Onze band speelt op feesten → " in chances
    assert chances.count('<tr class="bk-blank">') == 3


def test_action_plan_public_mode_leaves_people_out(repo_dir):
    plan = site(repo_dir, public=True)["huis/actieplan.md"]
    assert "Els" not in plan and "038 123 45 67" not in plan


def test_action_problems_are_dutch_with_line(repo_dir):
    root = repo_dir(
        {
            "inventory/huis.md": "---\nnaam: Huis\ncoordinaten: [52.5, 6.1]\nacties:\n  - kans: Bellen\n"
            "    kaart: kor\n  - kans: Mailen\n    status: misschien\n    wanneer: morgen\n---\n",
            "cards/huis/koor.md": KOOR,
        },
        inventory=False,
    )
    messages = [p.as_text() for p in load_repository(root).errors if p.file == "inventory/huis.md"]
    assert "inventory/huis.md:8: fout [acties.status]: onbekende status 'misschien' bij een actie. " in messages[0]
    assert "inventory/huis.md:9: fout [acties.wanneer]: 'morgen' is geen datum." in messages[1]
    root = repo_dir({"inventory/huis.md": "---\nnaam: Huis\ncoordinaten: [52.5, 6.1]\nacties:\n  - kans: Bellen\n"
                     "    kaart: kor\n---\n"}, inventory=False)  # fmt: skip
    (problem,) = load_repository(root).errors
    assert problem.as_text() == (
        "inventory/huis.md:6: fout [acties.kaart]: de actie noemt de kaart 'kor', maar die staat niet in "
        "cards/huis/. Bedoel je 'koor'? Schrijf de bestandsnaam van de kaart zonder .md, of laat 'kaart' weg."
    )


def test_wanneer_error_names_file_line_and_the_forms(repo_dir):
    root = repo_dir({"cards/test/x.md": "---\ntitel: X\ncategorie: activiteiten\nwanneer: na de zomer\n---\n"})
    (problem,) = load_repository(root).errors
    assert problem.file == "cards/test/x.md" and problem.line == 4 and problem.field == "wanneer"
    assert problem.message.startswith("'na de zomer' kan de agenda niet lezen. Schrijf bijvoorbeeld: 2027-04-27")


def test_agenda_by_month_from_the_reference_date(repo_dir):
    page = site(repo_dir)["huis/agenda.md"]
    assert re.findall(r"<h2>([^<]+)</h2>", page) == ["Elke week", "April 2027"]
    assert "elke dinsdag (volgende keer di 1 december)" in page  # once, not 52 rows
    assert '<td data-label="Tijd">19:30–21:00</td>' in page
    assert '<span class="bk-meta">Koningsdag:</span> <a href="../../huis/koor/">' in page
    assert "di 27 april" in page
    assert '<a href="../agenda.ics" download>' in page
    later = site(repo_dir, reference=dt.datetime(2027, 5, 1, tzinfo=dt.UTC))["huis/agenda.md"]
    assert re.findall(r"<h2>([^<]+)</h2>", later) == ["Elke week", "April 2028"]  # the next Koningsdag
    assert "di 27 april" not in later and "do 27 april" in later


def test_all_locations_agenda_names_the_location(repo_dir):
    page = site(repo_dir)["agenda.md"]
    assert '<th scope="col">Locatie</th>' in page
    assert "Huis &lt;img src=x onerror=alert(1)&gt;" in page
    assert '<a href="../huis/koor/">' in page


def test_same_reference_same_bytes_other_reference_other_agenda(repo_dir):
    assert site(repo_dir) == site(repo_dir)
    other = site(repo_dir, reference=dt.datetime(2027, 3, 1, tzinfo=dt.UTC))
    assert other["huis/agenda.md"] != site(repo_dir)["huis/agenda.md"]


def test_overview_figures_and_csv(repo_dir):
    out = site(repo_dir)
    text = out["overzicht.csv"].decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert [r["locatie"] for r in rows] == ["huis", "totaal"]
    huis = rows[0]
    assert (huis["vondsten"], huis["activiteiten"], huis["op_kaart"], huis["niet_op_kaart"]) == ("2", "2", "2", "0")
    assert (huis["contact"], huis["nieuw"], huis["behoeften"], huis["behoeften_met_match"]) == ("1", "1", "2", "1")
    page = out["overzicht.md"]
    assert page.count('<svg class="bk-chart" role="img"') == 8  # four for the total, four for the location
    assert page.count('<table class="bk-chart-table">') == 8  # each chart with its table
    assert 'aria-label="Behoeften: Met match 1; Zonder match 1"' in page
    assert "<script" not in page and "cdn" not in page.lower()


def test_overview_csv_cells_cannot_become_formulas(repo_dir):
    root_inventory = INVENTORY.replace(f'naam: "Huis {PAYLOAD}"', 'naam: "=HYPERLINK(1)"')
    out = site(repo_dir, files={"inventory/huis.md": root_inventory.replace("---\n", "---\n", 1)})
    assert "'=HYPERLINK(1)" in out["overzicht.csv"].decode("utf-8")


def test_walk_kit_has_map_checklist_cards_and_qr(repo_dir):
    out = site(repo_dir, site_url="https://intranet.example/buurtkaart/")  # the package's help page
    kit = out["huis/op-pad.md"]
    assert '<svg class="bk-schematic" role="img"' in kit
    assert "Wat we al weten" in kit and '<span class="bk-box" aria-hidden="true"></span>' in kit
    assert kit.count('class="bk-a6 bk-a6--') == 8  # the four instruction cards and four blank cards
    assert 'aria-label="QR-code naar https://intranet.example/buurtkaart/huis/op-pad/"' in kit
    assert "Nog niets gevonden: kijk hier extra goed." in kit  # no finding in three categories


def test_without_site_url_no_qr_code(repo_dir):
    assert "bk-qr" not in site(repo_dir)["huis/op-pad.md"]


def test_poster_numbers_pins_as_in_the_lists(repo_dir):
    poster = site(repo_dir)["huis/poster.md"]
    pins = re.findall(r"<title>(\d+)\. ", poster)
    items = re.findall(r'<li value="(\d+)">', poster)
    assert pins == items == ["1", "2"]
    assert poster.count("<line ") == 2  # a line from the location to each finding


@pytest.mark.parametrize("slug", ["agenda", "actieplan", "op-pad", "poster"])
def test_a_card_cannot_shadow_a_new_page(repo_dir, slug):
    root = repo_dir({f"cards/test/{slug}.md": "---\ntitel: X\ncategorie: bedrijven\n---\n"})
    assert any("gereserveerd" in p.message for p in load_repository(root).errors)


@pytest.mark.parametrize("slug", ["agenda", "overzicht"])
def test_a_location_cannot_shadow_a_new_page(repo_dir, slug):
    root = repo_dir({f"inventory/{slug}.md": "---\nnaam: X\ncoordinaten: [52.5, 6.1]\n---\n"}, inventory=False)
    assert any("gereserveerd" in p.message for p in load_repository(root).errors)


def test_walk_kit_takes_the_repositorys_own_help_page_when_it_has_one(repo_dir):
    own = (
        '<div class="bk-instructiekaarten">\n<div class="bk-vel">\n'
        '<section class="bk-a6 bk-a6--eigen">Eigen kaart</section>\n</div>\n</div>\n'
    )
    kit = site(repo_dir, files={"docs/help/samen-op-pad.md": "# Eigen\n\n" + own})["huis/op-pad.md"]
    assert "Eigen kaart" in kit and kit.count('class="bk-a6 bk-a6--') == 1


def test_drawn_colours_never_stand_alone(repo_dir):
    """Every coloured pin carries its number, listed under the category's icon and label; every bar its label."""
    from buurtkaart_build.render.html import icon
    from buurtkaart_build.render.style import CATEGORY_STYLES

    out = site(repo_dir)
    poster = out["huis/poster.md"]
    for number, colour in re.findall(r'<title>(\d+)\. [^<]*</title><circle [^>]*fill="(#[0-9a-f]{6})"', poster):
        style = next(s for s in CATEGORY_STYLES.values() if s.colour == colour)
        heading = poster.rindex(
            f'<h3 class="bk-cat-head" style="color:{colour}">', 0, poster.index(f'<li value="{number}">')
        )
        assert poster[heading:].startswith(f'<h3 class="bk-cat-head" style="color:{colour}">{icon(style.icon)}')
    overview = out["overzicht.md"]
    labels = re.findall(r">([^<]*)</text><rect ", overview)
    assert len(labels) == overview.count("<rect ") > 0 and all(label.strip() for label in labels)
    for style in CATEGORY_STYLES.values():  # the category bars are named by the category
        assert f'>{style.label.replace("&", "&amp;")}</text><rect x="215" y="' in overview


def test_findings_without_coordinates_are_listed_without_a_pin_number(repo_dir):
    app = "---\ntitel: Buurtapp\ncategorie: ontmoeten\n---\n"
    kit = site(repo_dir, files={"cards/huis/app.md": app})["huis/op-pad.md"]
    assert '<ul class="bk-checklist"><li><span class="bk-box" aria-hidden="true"></span>Buurtapp' in kit
    assert "(niet op de kaart)" in kit
    assert "Buurtapp" not in site(repo_dir, files={"cards/huis/app.md": app})["huis/poster.md"]


def test_each_location_agenda_is_what_its_own_cards_give():
    # The site's rows and events are made once and split per location: the same pages and
    # feeds as rendering each location from its own cards alone.
    demo = load_repository(ROOT)
    kastanje = demo.locations["de-kastanje"]
    linde = kastanje.model_copy(update={"slug": "de-linde", "naam": "De Linde"})
    cards = [c.model_copy(update={"locatie": "de-linde"}) if n % 2 else c for n, c in enumerate(demo.cards)]
    first, last = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    out = agenda_files({"de-kastanje": kastanje, "de-linde": linde}, cards, REFERENCE, first, last, "https://x.nl/")
    for location in (kastanje, linde):
        mine = [c for c in cards if c.locatie == location.slug]
        assert sum(1 for c in mine if c.wanneer) >= 3
        page = location_agenda_page(location, schedule(mine, first, last), first, last)
        assert out[f"{location.slug}/agenda.md"] == page
        items = [feed_item(c, card_entries(c), "https://x.nl/") for c in sorted(mine, key=lambda c: c.path)]
        name = f"Buurtagenda {location.naam}"
        assert out[f"{location.slug}/agenda.ics"] == feed(name, [i for i in items if i.entries], first, last, REFERENCE)

"""The form's script and Python agree: same card text, same file name, same check messages.

``buurtkaart-form-core.js`` runs in Node (installed with npm by ``make setup``) on the very data
the form page carries; every case is also run through Python: :func:`card_text.fill` for the
text, and the real check (:func:`card_rules.check_card_text`: load, validate, position, links)
on that text for the messages. Random inputs (hypothesis) cover what hand-picked ones miss.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from repo_files import ROOT

from buurtkaart_build.core.card_text import fill
from buurtkaart_build.core.choices import CATEGORIES
from buurtkaart_build.core.fields import LatLon
from buurtkaart_build.core.models import Location
from buurtkaart_build.core.slugs import slugify
from buurtkaart_build.render.form_rules import check_card_text, location_rules
from buurtkaart_build.render.form_spec import form_spec

CORE = ROOT / "buurtkaart_build" / "assets" / "js" / "buurtkaart-form-core.js"
DRIVER = """
const core = require(process.argv[1]);
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const { spec, place, cases } = JSON.parse(input);
  const kinds = {};
  spec.velden.forEach((f) => (kinds[f.pad] = f.soort));
  const out = cases.map((c) => ({
    text: core.fill(spec, spec.sjablonen[c.categorie], c.answers, kinds),
    problems: core.problems(spec, c.answers, place),
    slug: core.slugify(spec, c.answers.titel || ""),
  }));
  process.stdout.write(JSON.stringify(out));
});
"""
LOCATION = Location.model_construct(
    naam="Woonlocatie Test",
    coordinaten=LatLon(52.503, 6.099),
    zoekstraal=1000,
    slug="test",
    path="inventory/test.md",
    adres=None,
    mobiliteit=[],
    aanbod=[],
    behoeften=[],
    body="",
)
SPEC = form_spec()
KINDS = {f["pad"]: f["soort"] for f in SPEC["velden"]}


def run_js(cases: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: make setup installs npm (Debian: apt-get install nodejs npm)")
    data = json.dumps({"spec": SPEC, "place": location_rules(LOCATION), "cases": cases})
    result = subprocess.run(
        [node, "-e", DRIVER, str(CORE)], input=data, capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(result.stdout)


def python_side(case: dict) -> dict:
    text = fill(SPEC["sjablonen"][case["categorie"]], case["answers"], KINDS)
    problems = check_card_text(text, LOCATION)
    return {
        "text": text,
        "problems": sorted((p.field or "", p.message, "fout" if p.is_error else "waarschuwing") for p in problems),
        "slug": slugify(case["answers"].get("titel", "")),
    }


def compare(cases: list[dict]) -> None:
    for case, js in zip(cases, run_js(cases), strict=True):
        expected = python_side(case)
        got = sorted((p["veld"] or "", p["melding"], p["soort"]) for p in js["problems"])
        assert js["text"] == expected["text"], case
        assert got == expected["problems"], case
        assert js["slug"] == expected["slug"], case


FULL = {
    "titel": 'Café "De Hoek": #1',
    "samenvatting": "  Koffie   en\tgebak ",
    "adres": "Assendorperstraat 12, Zwolle",
    "coordinaten": "[52.5041, 6.1002]",
    "wat_doen_ze": "Koffie schenken.\r\nEn taart.",
    "kent_ons": "ja",
    "toegankelijkheid.rolstoel": "deels",
    "toegankelijkheid.toelichting": "Drempel bij de ingang",
    "contact.naam": "Ans de Vries",
    "contact.telefoon": "038 123 45 67",
    "contact.email": "ans@example.org",
    "contact.website": "www.example.org",
    "contact.social": ["https://example.org/fb", "", "  "],
    "aanbod": ["Koffie voor de buurt", "Een plek aan tafel"],
    "vraag": [],
    "tags": ["koffie", "#Ontmoeten"],
    "wanneer": "elke vrijdag 10:00-12:00",
    "status": "contact",
    "bezocht": "2026-03-14",
    "gecontroleerd": "14-3-2026",
    "notities": "We werden hartelijk ontvangen.\n\n- Zie [de site](https://example.org)\n",
}
CASES = [
    {"categorie": "bedrijven", "answers": {"titel": "Bakkerij De Korenbloem", "bezocht": "2026-03-14"}},
    *({"categorie": c, "answers": FULL} for c in CATEGORIES),
    {"categorie": "ontmoeten", "answers": {}},
    {"categorie": "ontmoeten", "answers": {"titel": "x" * 201}},
    {"categorie": "ontmoeten", "answers": {"titel": "Ééé ø ß Łódź — ok!"}},
    {
        "categorie": "organisaties",
        "answers": {
            "titel": "Fouten",
            "contact.telefoon": "bel maar",
            "contact.email": "mailto:geen-adres",
            "contact.website": "javascript:alert(1)",
            "contact.social": ["https://ok.example", "ftp://x.example", "https://zonder-punt"],
            "bezocht": "31-2-2026",
            "gecontroleerd": "morgen",
            "notities": "[klik](javascript:alert(1)) en <a href='data:text/html,x'>hier</a>",
        },
    },
    {"categorie": "bedrijven", "answers": {"titel": "Ver weg", "coordinaten": "52.61, 6.099"}},
    {"categorie": "bedrijven", "answers": {"titel": "Buitenland", "coordinaten": "48.8566, 2.3522"}},
    {"categorie": "bedrijven", "answers": {"titel": "Verwisseld", "coordinaten": "[6.1, 52.5]"}},
    {"categorie": "bedrijven", "answers": {"titel": "Onmogelijk", "coordinaten": "95.5; 6.1"}},
    {"categorie": "bedrijven", "answers": {"titel": "Geen", "coordinaten": "bij de kerk"}},
    {
        "categorie": "bedrijven",
        "answers": {"titel": "Link", "coordinaten": "https://www.openstreetmap.org/#map=18/52.5035/6.1001"},
    },
    {
        "categorie": "bedrijven",
        "answers": {"titel": "Google", "coordinaten": "https://www.google.com/maps/place/X/@52.5039,6.0985,17z"},
    },
    {"categorie": "bedrijven", "answers": {"titel": "Mlat", "coordinaten": "https://osm.org/?mlat=abc&mlon=6.1"}},
    {"categorie": "bedrijven", "answers": {"titel": "Leeg", "coordinaten": "https://example.org/kaart"}},
    {
        "categorie": "activiteiten",
        "answers": {"titel": "Fout en ver", "coordinaten": "52.7, 6.1", "contact.email": "x"},
    },
]


def test_js_and_python_write_the_same_text_and_say_the_same_things():
    compare(CASES)


def test_the_first_case_is_exactly_what_buurtkaart_new_writes():
    import datetime as dt

    from buurtkaart_build.core.templates import render_card

    (js,) = run_js(CASES[:1])
    assert js["text"] == render_card("bedrijven", "Bakkerij De Korenbloem", dt.date(2026, 3, 14))


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
VALUE = st.one_of(
    TEXT,
    st.sampled_from(["", " ", "ja", "038 123 45 67", "https://a.nl", "a@b.nl", "2026-02-29", "1-1-2026", "52.5, 6.1"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(CATEGORIES)),
            st.dictionaries(
                # Not 'wanneer': the agenda's reader (core/agenda.py) runs in check, not in the form's
                # script; the form takes it as text and the pull request's check reports what it can't read.
                st.sampled_from(
                    [
                        f["pad"]
                        for f in SPEC["velden"]
                        if f["soort"] not in ("groep", "lijst", "keuze") and f["pad"] != "wanneer"
                    ]
                ),
                VALUE,
                max_size=6,
            ),
            st.lists(VALUE, max_size=3),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_random_answers_agree(examples):
    cases = [
        {"categorie": c, "answers": {**answers, "aanbod": items, "contact.social": items}}
        for c, answers, items in examples
    ]
    compare(cases)

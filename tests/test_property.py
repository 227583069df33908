"""Property-based tests (issue 6): whatever a card contains, checking it never crashes.

Hypothesis writes random front-matter (YAML-ish text, random structures dumped with
``yaml.safe_dump`` using the card's keys plus junk, random unicode, random bytes) and random
bodies. For every file: ``load_repository`` and ``buurtkaart check`` finish without an
unhandled exception; every problem names the file, is Dutch, and points at a line inside
the file. Cards that validate render without live markup.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from hostile_html import not_dutch, unsafe_markup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from repo_files import INVENTORY, invoke, write_repo

from buurtkaart_build.core.choices import ACCESS_KEYS, CATEGORIES, STATUSES
from buurtkaart_build.core.models import CARD_KEYS
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site

CARD = "cards/test/vondst.md"
SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- strategies ------------------------------------------------------------------------------

# Unicode without surrogates (not encodable), weighted towards what breaks parsers.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
YAML_NOISE = st.text(
    st.sampled_from(list(":-[]{},&*!|>'\"#%@`?~ \t\n\r\\") + ["\ufeff", "\u2028", "\x85", "\x00", "é", "😀", "a", "1"]),
    max_size=60,
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    | TEXT
    | st.sampled_from(["0612345670", "NO", "12:30", "1.10", "ja", "deels", "2026-03-14", "14-3-2026", "1,5 km"])
    | st.sampled_from(["https://example.org", "javascript:alert(1)", "<script>alert(1)</script>", "a@b.nl"])
    | st.sampled_from(["[52.5040, 6.1000]", "52.5, 6.1", "https://www.openstreetmap.org/?mlat=52.50&mlon=6.10"])
    | st.sampled_from(list(CATEGORIES) + list(STATUSES))
)
KEYS = st.sampled_from([*CARD_KEYS, *ACCESS_KEYS, "toelichting", "naam", "telefoon", "email", "website", "social"])
KEYS = KEYS | st.sampled_from(["type", "coordinates", "categorei", "<<", "", "Titel"]) | TEXT
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=12,
)
FRONT = st.dictionaries(KEYS, VALUES, max_size=10)
BODY = st.lists(
    st.sampled_from(list("[]()<>!*_`#-=|:/\\\"'&;\n ") + ["javascript:", "<script>", "onerror=", "<img src=x ", "a"])
    | st.characters(exclude_categories=("Cs",)),
    max_size=120,
).map("".join)


# --- the repository and the properties ---------------------------------------------------------


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return write_repo(tmp_path_factory.mktemp("property"), {"inventory/test.md": INVENTORY})


def _write_card(root: Path, data: bytes) -> None:
    shutil.rmtree(root / "cards", ignore_errors=True)
    write_repo(root, {CARD: data})


def _line_count(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def assert_robust(root: Path, data: bytes) -> None:
    """The properties every file must have, whatever its content."""
    _write_card(root, data)
    repo = load_repository(root)  # must not raise
    lines = _line_count(data)
    for problem in repo.problems:
        assert problem.file == CARD, problem
        assert not not_dutch(problem.message), problem.message
        assert problem.line is None or 1 <= problem.line <= lines, (problem, lines)

    result = invoke("check", "--root", root, "--format", "json")
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert result.exit_code == (1 if repo.errors else 0), result.output
    report = json.loads(result.output)
    assert report["errors"] == [p.as_dict() for p in repo.errors]

    event("valid, rendered" if not repo.errors else "refused")
    if not repo.errors:
        for path, content in render_site(repo, SiteOptions()).items():
            if isinstance(content, str):
                assert not unsafe_markup(content), (path, unsafe_markup(content))


def _card(front: str, body: str = "") -> bytes:
    return f"---\n{front}\n---\n{body}".encode()


@SETTINGS
@given(front=YAML_NOISE, body=st.text(max_size=30))
def test_random_yaml_text(root, front, body):
    assert_robust(root, _card(front, body))


@SETTINGS
@given(front=FRONT, unicode=st.booleans(), flow=st.none() | st.booleans())
def test_random_structures(root, front, unicode, flow):
    text = yaml.safe_dump(front, allow_unicode=unicode, default_flow_style=flow, sort_keys=False)
    assert_robust(root, _card(text))


FREE_TEXT_KEYS = ("samenvatting", "adres", "wat_doen_ze", "voor_de_buurt")  # wanneer: tests/test_agenda.py


@SETTINGS
@given(
    titel=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200).filter(str.strip),
    categorie=st.sampled_from(list(CATEGORIES)),
    texts=st.dictionaries(st.sampled_from(FREE_TEXT_KEYS), TEXT | BODY),
    lists=st.dictionaries(st.sampled_from(("aanbod", "vraag", "tags")), st.lists(TEXT.filter(str.strip), max_size=3)),
    body=BODY,
)
def test_valid_cards_with_random_text_render_safely(root, titel, categorie, texts, lists, body):
    """Free-text fields take any text: most of these cards are valid, so rendering is exercised."""
    front = {"titel": titel, "categorie": categorie, **texts, **lists}
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    assert_robust(root, _card(text, body))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), prefix=st.sampled_from([b"", b"---\n", b"\xef\xbb\xbf---\r\n"]))
def test_random_bytes(root, data, prefix):
    assert_robust(root, prefix + data)

"""Hostile and broken input (issue 6): every file gives a clear Dutch error or renders safely.

The corpus lives in ``tests/hostile/`` (cards and inventories, exact bytes); files that are
large or random are made by :func:`generated`. Each file is put into a small repository
with one valid location and checked three ways:

* the ``check`` command in a subprocess (a crash or hang cannot take the test run down),
* ``load_repository`` in-process, under a 5-second alarm (a hang guard, not a benchmark),
* for files that validate, ``render_site``, scanned for payloads that escaped escaping.

One real ``mkdocs build`` of all valid files together then proves the final HTML is safe
and that nothing is written outside the output folder.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_html import not_dutch, unsafe_markup, unsafe_search_index
from repo_files import INVENTORY, ROOT, write_repo

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site

HOSTILE = Path(__file__).resolve().parent / "hostile"
TIME_LIMIT = 5.0  # seconds of CPU per file: a hang guard, not a benchmark
WALL_LIMIT = 30.0  # seconds on the clock, for a process that blocks
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
HEAD = "titel: Bakkerij De Korenbloem\ncategorie: bedrijven\ncoordinaten: [52.5040, 6.1000]\n"


@dataclass(frozen=True)
class Ok:
    """The file validates. ``shows``: texts its page must contain (already HTML-escaped)."""

    shows: tuple[str, ...] = ()


@dataclass(frozen=True)
class Err:
    """The file is refused with an error on ``line`` whose message contains ``message``."""

    line: int | None
    message: str
    exact: bool = False


ANCHORS = "YAML-ankers en verwijzingen (& en *) worden niet ondersteund. Schrijf de waarde uit."
TOO_DEEP = (
    "de front-matter is te diep genest (meer dan 10 niveaus lijsten of groepen in elkaar). "
    "Een kaart heeft hooguit een lijst of een groep velden onder een veld."
)
NOT_UTF8 = "het bestand bevat tekens die geen UTF-8 zijn"
NO_FRONT_MATTER = (
    "geen front-matter: het bestand moet beginnen met een regel '---', dan de velden (zoals 'titel: …'), "
    "dan weer een regel '---'."
)
NOT_A_MAPPING = "de front-matter is geen lijst van velden. Schrijf elk veld als 'naam: waarde' op een eigen regel."
EMPTY = "het bestand is leeg. Begin met een regel '---', dan de velden, dan weer '---'."
UNSAFE_LINK = "is geen veilige weblink: alleen links die beginnen met http:// of https:// mogen."
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"

EXPECT: dict[str, Ok | Err] = {
    # YAML 1.1 (design §7): every scalar stays text.
    "cards/yaml11-phone-leading-zero.md": Ok(("0612345670", 'href="tel:0612345670"', "<dd>010</dd>")),
    "cards/yaml11-norway-no.md": Ok(("<h1>NO</h1>", "Nee, nog niet", ">yes</a>", ">off</a>")),
    "cards/yaml11-sexagesimal-time.md": Ok(("<dd>12:30</dd>", "1:30:00")),
    "cards/yaml11-float-version.md": Ok(("<h1>1.10</h1>", "<dd>1e3</dd>", ">0x1f</a>", ">1_000</a>", ">.nan</a>")),
    "cards/yaml11-null-and-empty.md": Ok(),
    "inventory/yaml11-traps.md": Ok(("<h1>NO</h1>", "1,5 km", "010", "12:30", "0612345670")),
    # Encodings and line ends.
    "cards/bom-utf8.md": Ok(("<h1>Bakkerij De Korenbloem</h1>", "Met een BOM")),
    "cards/bom-crlf-windows.md": Err(5, "'misschien' kan hier niet. Kies uit: ja, nee, onbekend.", exact=True),
    "cards/crlf-line-ends.md": Err(5, "onbekende status 'bezig'"),
    "cards/mixed-line-ends.md": Err(5, "'misschien' kan hier niet"),
    "cards/cr-only-line-ends.md": Ok(("Oud Mac-formaat.",)),
    "inventory/bom-crlf.md": Ok(("<h1>Windows-locatie</h1>",)),
    "cards/latin1-encoded.md": Err(
        5,
        "het bestand bevat tekens die geen UTF-8 zijn (byte 0xe9). Sla het bestand op als UTF-8 "
        "(in Kladblok: 'Opslaan als' → codering UTF-8).",
        exact=True,
    ),
    "cards/utf16-le-bom.md": Err(1, NOT_UTF8),
    "cards/binary-png-header.md": Err(1, NOT_UTF8),
    # Delimiters, empty files, front-matter that is not a mapping.
    "cards/missing-closing-delimiter.md": Err(
        8, "de front-matter is niet afgesloten: zet een regel '---' na het laatste veld.", exact=True
    ),
    "cards/no-front-matter.md": Err(1, NO_FRONT_MATTER, exact=True),
    "cards/four-dashes-delimiter.md": Err(1, NO_FRONT_MATTER, exact=True),
    "cards/front-matter-is-a-list.md": Err(2, NOT_A_MAPPING, exact=True),
    "cards/front-matter-is-a-string.md": Err(2, NOT_A_MAPPING, exact=True),
    "inventory/front-matter-is-a-list.md": Err(2, NOT_A_MAPPING, exact=True),
    "cards/front-matter-empty.md": Err(2, "de front-matter is leeg."),
    "cards/empty-file.md": Err(None, EMPTY, exact=True),
    "cards/whitespace-only.md": Err(None, EMPTY, exact=True),
    "cards/front-matter-only-no-newline.md": Ok(("<h1>Bakkerij De Korenbloem</h1>",)),
    "cards/blank-lines-after-delimiter.md": Err(7, "onbekend veld 'categorie_' — bedoel je 'categorie'?", exact=True),
    "cards/second-front-matter-in-body.md": Ok(("<hr>",)),
    "cards/yaml-document-end-marker.md": Ok(("Tekst.",)),
    # YAML features that must not be abused.
    "cards/yaml-billion-laughs.md": Err(None, ANCHORS, exact=True),
    "inventory/billion-laughs.md": Err(None, ANCHORS, exact=True),
    "cards/yaml-recursive-alias.md": Err(None, ANCHORS, exact=True),
    "cards/yaml-scalar-alias.md": Ok(("<dd>Bakkerij De Korenbloem</dd>",)),
    "cards/yaml-undefined-alias.md": Err(5, "een '*' verwijst naar niets"),
    "cards/yaml-python-object-tag.md": Err(2, "moet één tekst zijn"),
    "cards/yaml-python-name-tag.md": Ok(("<h1>Bakkerij</h1>", "aGVsbG8=")),
    "cards/yaml-merge-key.md": Err(5, "onbekend veld '<<'."),
    # PyYAML keeps the last of two equal keys; the page shows the second list only.
    "cards/yaml-duplicate-key.md": Err(6, "het veld 'tags' staat twee keer in de front-matter (regel 5 en 6)."),
    "cards/yaml-tab-indent.md": Err(6, "er staat een tab op deze regel: gebruik spaties om in te springen."),
    "cards/yaml-unclosed-quote.md": Err(5, "een aanhalingsteken of haakje wordt niet afgesloten."),
    "cards/yaml-unclosed-flow-list.md": Err(5, "de front-matter is geen geldige YAML"),
    "cards/yaml-colon-in-value.md": Err(5, "er staat een dubbele punt in een waarde"),
    "cards/yaml-complex-key.md": Err(5, "de front-matter is geen geldige YAML"),
    "cards/yaml-deep-nesting-20.md": Err(None, TOO_DEEP, exact=True),
    # Invisible and exotic characters.
    "cards/control-character-in-value.md": Err(
        2,
        "de front-matter bevat een onzichtbaar stuurteken (U+0007). Typ de waarde op deze regel opnieuw, "
        "of kopieer hem zonder opmaak.",
        exact=True,
    ),
    "cards/nul-byte-in-front-matter.md": Err(4, "onzichtbaar stuurteken (U+0000)"),
    "cards/control-chars-escaped-in-quotes.md": Ok(),
    "cards/nul-byte-in-body.md": Ok(("Een NUL",)),
    "cards/rtl-override-marks.md": Ok(("\u202eNAJ\u202c", "עברית")),
    "cards/zero-width-title.md": Ok(),
    "cards/emoji-everywhere.md": Ok(("Bakkerij 🥐🍞 De Korenbloem 👩🏽\u200d🍳", ">🥐</a>", "🏳️\u200d🌈")),
    "cards/unicode-line-separator.md": Err(4, "er staat een onzichtbaar regeleinde op deze regel"),
    # Payloads in every field: escaped as text, or refused where a link is expected.
    "cards/xss-every-field.md": Ok(
        (
            "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;svg onload=alert(1)&gt; ${alert(1)}",
            "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
            "[klik](javascript:alert(1))",
            "&lt;b onmouseover=alert(1)&gt;zaterdag&lt;/b&gt;",
            'href="https://example.org/&quot;&gt;&lt;svg onload=alert(1)&gt;"',
        )
    ),
    "inventory/xss-every-field.md": Ok((f"<h1>{ESCAPED_SCRIPT}&quot;&gt;&lt;svg onload=alert(1)&gt;</h1>",)),
    "cards/xss-title-svg-onload.md": Ok(("<h1>&quot;&gt;&lt;svg/onload=alert(document.domain)&gt;</h1>",)),
    "cards/xss-javascript-website.md": Err(
        6,
        "'javascript:alert(1)' is geen veilige weblink: alleen links die beginnen met http:// of https:// mogen. "
        "Kopieer het adres uit de adresbalk van de browser.",
        exact=True,
    ),
    "cards/xss-javascript-social.md": Err(8, UNSAFE_LINK),
    "cards/xss-data-uri-website.md": Err(6, UNSAFE_LINK),
    "cards/xss-protocol-relative-website.md": Err(6, UNSAFE_LINK),
    "cards/xss-email-injection.md": Err(6, "is geen geldig e-mailadres"),
    "cards/xss-phone-injection.md": Err(6, "is geen telefoonnummer"),
    "cards/xss-markdown-link-in-fields.md": Ok(("<h1>[Bakkerij](javascript:alert(1))</h1>",)),
    "cards/xss-template-injection.md": Ok(("{{ config.site_name }} {% include &#x27;x&#x27; %} ${alert(1)}",)),
    "cards/xss-tags-payloads.md": Ok((f">#{ESCAPED_SCRIPT}</a>".replace(">#", ">"), "../../etc/passwd")),
    "cards/xss-status-category-payload.md": Err(3, "onbekende categorie '<script>alert(1)</script>'."),
    # The body: raw HTML is sanitised, unsafe links are refused with their line.
    "cards/body-raw-html-scripts.md": Ok(('<a href="https://example.org" rel="noopener noreferrer">gewone link',)),
    "cards/body-javascript-link.md": Err(
        8,
        "de link 'javascript:alert(1' gebruikt 'javascript:'. Alleen links die beginnen met http:, https:, "
        "mailto: of tel: mogen. Haal de link weg of vervang hem.",
        exact=True,
    ),
    "cards/body-javascript-link-variants.md": Err(8, "gebruikt 'JaVaScRiPt:'"),
    "cards/body-entity-encoded-javascript.md": Ok(),
    "cards/body-data-uri-image.md": Err(8, "gebruikt 'data:'"),
    "cards/body-external-images.md": Ok(('<img src="foto.jpg" alt="lokaal">',)),
    "cards/body-breaks-out-of-block.md": Ok(("Bronbestand:",)),
    "cards/body-markdown-recursion.md": Ok(("diep",)),
    "cards/body-many-brackets.md": Err(6, "de tekst onder de velden bevat meer dan 1.000 keer '['"),
    "cards/body-pathological-but-allowed.md": Ok(),
    # Inventories.
    "inventory/missing-coordinates.md": Err(
        None, "het verplichte veld 'coordinaten' ontbreekt. Voeg een regel 'coordinaten: …' toe.", exact=True
    ),
    "inventory/zoekstraal-huge.md": Err(4, "kies tussen 500 en 3000 meter"),
    # Generated below (too large or too random to commit).
    "cards/large-file-over-1mb.md": Err(
        None,
        "het bestand is te groot (1.100.090 bytes; maximaal 1.000.000). Maak de tekst korter of zet foto's "
        "in een apart bestand.",
        exact=True,
    ),
    "cards/large-body-under-1mb.md": Err(6, "de tekst onder de velden is te lang (989.000 tekens; maximaal 20.000)"),
    "cards/large-field-under-1mb.md": Ok(("aaaa&lt;script&gt;",)),
    "cards/body-bracket-lines-900kb.md": Err(10_006, "de tekst onder de velden is te lang"),  # line 6 + 20,000 chars
    "cards/title-10000-chars.md": Err(2, "'titel' is te lang (maximaal 200 tekens). Maak de tekst korter.", exact=True),
    "cards/binary-junk.md": Err(1, NOT_UTF8),
    "cards/yaml-deep-nesting-flow-10000.md": Err(None, TOO_DEEP, exact=True),
    "cards/yaml-deep-nesting-flow-40000.md": Err(None, TOO_DEEP, exact=True),
    "cards/yaml-deep-nesting-maps-10000.md": Err(None, TOO_DEEP, exact=True),
    "cards/yaml-deep-nesting-dashes-10000.md": Err(None, TOO_DEEP, exact=True),
    "cards/yaml-deep-nesting-indent-1000.md": Err(None, TOO_DEEP, exact=True),
    "cards/many-unknown-keys.md": Err(5, "onbekend veld 'k0'."),
    "cards/many-tags.md": Ok((">tag-19999</a>",)),
    'cards/"><img src=x onerror=alert(1)>.md': Ok(("<h1>Bakkerij De Korenbloem</h1>",)),
    "cards/index.md": Err(None, "de naam 'index' is gereserveerd"),
    "cards/---.md": Err(None, "bevat geen letters of cijfers"),
}


def generated() -> dict[str, bytes]:
    """Files too large or too random to commit, made the same way on every run."""
    rng = random.Random(6)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    big_body = ("Een lange zin over de bakker. " * 40_000)[:1_100_000]
    indent = "".join(" " * i + "a:\n" for i in range(1, 1000))
    card = "---\n" + HEAD + "---\n"
    files = {
        "large-file-over-1mb.md": "---\n" + HEAD + "---\n" + big_body,
        "large-body-under-1mb.md": "---\n" + HEAD + "---\n" + big_body[:989_000],
        "large-field-under-1mb.md": "---\n" + HEAD + "wat_doen_ze: '" + ("aaaa<script>" * 75_000) + "'\n---\n",
        "body-bracket-lines-900kb.md": "---\n" + HEAD + "---\n" + "[\n" * 450_000,
        "title-10000-chars.md": "---\ntitel: " + "Bakkerij " * 1111 + "X\ncategorie: bedrijven\n---\n",
        "binary-junk.md": junk,
        "yaml-deep-nesting-flow-10000.md": "---\n" + HEAD + "tags: " + "[" * 10_000 + "]" * 10_000 + "\n---\n",
        # 40,000 levels crashed the interpreter (segmentation fault in libyaml's composer).
        "yaml-deep-nesting-flow-40000.md": "---\n" + HEAD + "tags: " + "[" * 40_000 + "]" * 40_000 + "\n---\n",
        "yaml-deep-nesting-maps-10000.md": "---\n"
        + HEAD
        + "contact: "
        + "{a: " * 10_000
        + "b"
        + "}" * 10_000
        + "\n---\n",
        "yaml-deep-nesting-dashes-10000.md": "---\n" + HEAD + "tags:\n  " + "- " * 10_000 + "x\n---\n",
        "yaml-deep-nesting-indent-1000.md": "---\n" + HEAD + "contact:\n" + indent + " " * 1000 + "a: b\n---\n",
        "many-unknown-keys.md": "---\n" + HEAD + "".join(f"k{i}: waarde\n" for i in range(20_000)) + "---\n",
        "many-tags.md": "---\n" + HEAD + "tags:\n" + "".join(f"  - tag-{i}\n" for i in range(20_000)) + "---\n",
        '"><img src=x onerror=alert(1)>.md': card,
        "index.md": card,
        "---.md": card,
    }
    return {f"cards/{name}": text if isinstance(text, bytes) else text.encode() for name, text in files.items()}


GENERATED = generated()


def content(name: str) -> bytes:
    return GENERATED[name] if name in GENERATED else (HOSTILE / name).read_bytes()


def repo_path(name: str) -> str:
    """``cards/x.md`` → ``cards/test/x.md`` (location 'test'); inventories stay where they are."""
    kind, file = name.split("/", 1)
    return f"cards/test/{file}" if kind == "cards" else f"inventory/{file}"


def test_corpus_is_complete():
    committed = {f"{p.parent.name}/{p.name}" for p in HOSTILE.glob("*/*.md")}
    assert committed | set(GENERATED) == set(EXPECT)
    assert len(EXPECT) >= 40
    assert sum(isinstance(e, Ok) for e in EXPECT.values()) >= 15


@contextmanager
def time_limit(seconds: float = TIME_LIMIT) -> Iterator[None]:
    """Fail instead of hanging: a CPU-time alarm (SIGPROF; Linux, main thread).

    CPU time rather than wall time, so a busy machine does not make the test flaky.
    """

    def expire(signum, frame):
        raise TimeoutError(f"meer dan {seconds:g} s rekentijd")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def check_json(root: Path) -> dict:
    """``buurtkaart check --format json`` in a subprocess: a crash or a hang fails only this test.

    The wall-clock timeout catches a process that blocks; the CPU time of the child (which
    includes starting Python) must stay under :data:`TIME_LIMIT`.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "buurtkaart_build", "check", "--root", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=WALL_LIMIT,
        env=ENV,
        cwd=root,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert cpu < TIME_LIMIT, f"check used {cpu:.1f} s CPU"
    assert result.returncode in (0, 1), f"check crashed (code {result.returncode}): {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert (result.returncode == 1) == bool(report["errors"])
    return report


def assert_dutch(problem: dict) -> None:
    message = problem["message"]
    assert problem["file"], problem
    assert not not_dutch(message), f"geen Nederlandse melding: {message!r}"


def assert_expected(name: str, expect: Ok | Err, report: dict) -> None:
    rel = repo_path(name)
    for problem in report["errors"] + report["warnings"]:
        assert_dutch(problem)
    errors = [p for p in report["errors"] if p["file"] == rel]
    others = [p for p in report["errors"] if p["file"] != rel]
    assert not others, f"errors in other files: {others}"
    if isinstance(expect, Ok):
        assert not errors, errors
        return
    assert errors, f"{name} should be refused"
    first = errors[0]
    assert first["line"] == expect.line, first
    if expect.exact:
        assert first["message"] == expect.message
    else:
        assert expect.message in first["message"], first["message"]


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_hostile_file(name: str, tmp_path: Path):
    root = write_repo(tmp_path / "repo", {"inventory/test.md": INVENTORY, repo_path(name): content(name)})
    before = snapshot(tmp_path)
    expect = EXPECT[name]

    assert_expected(name, expect, check_json(root))
    with time_limit():
        repo = load_repository(root)
        if isinstance(expect, Ok):
            output = render_site(repo, SiteOptions())
    rel = repo_path(name)
    assert bool([p for p in repo.errors if p.file == rel]) == isinstance(expect, Err)
    if isinstance(expect, Ok):
        for path, text in output.items():
            if isinstance(text, str):
                assert not unsafe_markup(text), (path, unsafe_markup(text))
        page = _page_of(output, name)
        for shown in expect.shows:
            assert shown in page, shown
    assert snapshot(tmp_path) == before, "check or render wrote files"


def _page_of(output: dict, name: str) -> str:
    kind, file = name.split("/", 1)
    stem = file.removesuffix(".md")
    if kind == "inventory":
        return output[f"{stem}/index.md"]
    [page] = [
        text for path, text in output.items() if path.startswith("test/") and path.endswith(".md") and _is_card(text)
    ]
    return page


def _is_card(text: str) -> bool:
    return '<div class="bk-card">' in text


def test_no_yaml_tag_runs_code(tmp_path):
    root = write_repo(
        tmp_path, {"inventory/test.md": INVENTORY, "cards/test/x.md": content("cards/yaml-python-object-tag.md")}
    )
    check_json(root)
    load_repository(root)
    assert not list(tmp_path.rglob("PWNED"))


def test_github_format_keeps_one_line_per_problem(tmp_path):
    root = write_repo(
        tmp_path, {"inventory/test.md": INVENTORY, "cards/test/x.md": content("cards/unicode-line-separator.md")}
    )
    result = subprocess.run(
        [sys.executable, "-m", "buurtkaart_build", "check", "--root", str(root), "--format", "github"],
        capture_output=True,
        text=True,
        timeout=WALL_LIMIT,
        env=ENV,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=cards/test/x.md,line=4,"), lines


# --- one real build of every valid file ----------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess, dict, dict]:
    base = tmp_path_factory.mktemp("hostile-build")
    project = base / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    valid = {name: e for name, e in EXPECT.items() if isinstance(e, Ok)}
    write_repo(project, {"inventory/test.md": INVENTORY, **{repo_path(n): content(n) for n in valid}})
    before = snapshot(base)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(base / "site")],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    return base, base / "site", result, before, valid


def test_valid_hostile_files_build(hostile_site):
    _, _, result, _, _ = hostile_site
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_build_writes_only_into_the_site_folder(hostile_site):
    base, _, result, before, _ = hostile_site
    after = {path: size for path, size in snapshot(base).items() if not path.startswith("site/")}
    assert after == before


def test_built_pages_contain_no_live_payload(hostile_site):
    _, site, result, _, _ = hostile_site
    assert result.returncode == 0
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    findings = {}
    for page in pages:
        found = unsafe_markup(page.read_text(encoding="utf-8"))
        if found:
            findings[page.relative_to(site).as_posix()] = found
    assert not findings


def test_search_index_contains_no_live_payload(hostile_site):
    _, site, result, _, _ = hostile_site
    assert result.returncode == 0
    assert not unsafe_search_index((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_built_card_pages_show_the_payload_as_text(hostile_site):
    _, site, result, _, valid = hostile_site
    assert result.returncode == 0
    page = (site / "test" / "xss-every-field" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'content="&lt;img src=x onerror=alert(1)&gt; [klik](javascript:alert(1))"' in page  # description
    for name, expect in valid.items():
        if name.startswith("cards/") and name not in ('cards/"><img src=x onerror=alert(1)>.md',):
            stem = name.removeprefix("cards/").removesuffix(".md")
            html = (site / "test" / stem / "index.html").read_text(encoding="utf-8")
            for shown in expect.shows:
                assert shown in html, (name, shown)


def test_map_data_is_inert(hostile_site):
    """Card text reaches the map only inside a JSON data island, never as Jinja or script source."""
    _, site, result, _, _ = hostile_site
    assert result.returncode == 0
    html = (site / "test" / "kaart" / "kaart.html").read_text(encoding="utf-8")
    assert "{{" not in html and "{%" not in html
    assert not unsafe_markup(html)


def test_thousands_of_errors_are_cut_short(tmp_path):
    root = write_repo(
        tmp_path, {"inventory/test.md": INVENTORY, "cards/test/x.md": content("cards/many-unknown-keys.md")}
    )
    report = check_json(root)
    assert len(report["errors"]) == 51
    assert report["errors"][-1] == {
        "file": "cards/test/x.md",
        "line": 55,
        "field": None,
        "message": "nog 19.950 fouten in dit bestand worden niet getoond. "
        "Verbeter eerst de fouten hierboven en controleer dan opnieuw.",
    }


@pytest.mark.parametrize(
    "html",
    [
        '<meta name="description" content=""><img src=x onerror=alert(1)>">',
        "<p><script>alert(1)</script></p>",
        '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
        '<a href=" java\tscript:alert(1)">x</a>',
        '<svg onload="alert(1)"></svg>',
        '<img src="https://evil.example/p.png">',
        '<iframe srcdoc="x"></iframe>',
        '<form action="https://evil.example"></form>',
        '<div style="background:url(https://evil.example/x)"></div>',
    ],
)
def test_the_scanner_finds_live_payloads(html):
    assert unsafe_markup(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>",
        '<script type="application/json">{"t":"\\u003cscript\\u003ealert(1)"}</script>',
        '<a href="https://example.org/?q=javascript:alert(1)">x</a>',
        '<img src="foto.jpg" alt="&lt;img src=x onerror=alert(1)&gt;">',
        '<form class="md-search__form" name="search"></form>',
    ],
)
def test_the_scanner_accepts_escaped_payloads(html):
    assert not unsafe_markup(html)

"""``buurtkaart geocode`` against a fake Locatieserver on 127.0.0.1 (no test touches the internet)."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from buurtkaart_build.cli import main
from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.workflow.pdok import CACHE_FILE, words

KASTANJE = {
    "weergavenaam": "Assendorperstraat 171, 8012DK Zwolle",
    "type": "adres",
    "centroide_ll": "POINT(6.0992 52.5031)",
}
PLEIN = {"weergavenaam": "Assendorperplein, Zwolle", "type": "weg", "centroide_ll": "POINT(6.1001 52.5022)"}
PLEIN_1 = {"weergavenaam": "Assendorperplein 1, 8012AA Zwolle", "type": "adres", "centroide_ll": "POINT(6.1 52.502)"}
HOOFD = [
    {"weergavenaam": "Hoofdstraat 1, 1111AA Aadorp", "type": "adres", "centroide_ll": "POINT(6.6 52.3)"},
    {"weergavenaam": "Hoofdstraat 1, 2222BB Beekbergen", "type": "adres", "centroide_ll": "POINT(5.9 52.1)"},
]
ANSWERS: dict[str, object] = {
    "Assendorperstraat 171, Zwolle": [KASTANJE, PLEIN_1],
    "Assendorperstraat 171, 8012 DK Zwolle": [KASTANJE],
    "Assendorperplein, Zwolle": [PLEIN, PLEIN_1],
    "Hoofdstraat 1": HOOFD,
    "Nergensstraat 9, Zwolle": [],
    "Vagestraat 3, Zwolle": [{"weergavenaam": "Vagestraat, Zwolle", "centroide_ll": "POINT(6 52.5)"}],
    "Kapotstraat 1, Zwolle": b"<html>502 Bad Gateway</html>",
    "Zonderpunt 1, Zwolle": [{"weergavenaam": "Zonderpunt 1, 8000AA Zwolle", "centroide_ll": "ergens"}],
}


class FakeLocatieserver(http.server.BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 - the base class's name
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        FakeLocatieserver.requests.append({"path": parts.path, **query})
        answer = ANSWERS.get(query.get("q", ""), [])
        if isinstance(answer, bytes):
            body = answer
        else:
            body = json.dumps({"response": {"numFound": len(answer), "start": 0, "docs": answer}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def server() -> Iterator[str]:
    FakeLocatieserver.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeLocatieserver)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/bzk/locatieserver/search/v3_1"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/search/v3_1"  # nobody listens here any more


def run(root, server, *args):
    return CliRunner().invoke(main, ["geocode", "--root", str(root), "--server", server, *args], prog_name="buurtkaart")


def card(adres: str, extra: str = "") -> str:
    head = "---\n# Mijn kaart\ntitel: Plek\ncategorie: ontmoeten\n"
    return f"{head}adres: {adres}   # het adres\n{extra}status: nieuw\n---\nTekst.\n"


def test_inserts_one_line_after_the_address_and_nothing_else(repo_dir, server):
    root = repo_dir({"cards/test/plek.md": card("Assendorperstraat 171, Zwolle")})
    result = run(root, server)
    assert result.exit_code == 0, result.output
    assert result.output == (
        "cards/test/plek.md: coordinaten: [52.5031, 6.0992] ingevuld (Assendorperstraat 171, 8012DK Zwolle).\n"
        "1 bestand aangevuld, 0 niet gelukt.\n"
    )
    text = (root / "cards/test/plek.md").read_text(encoding="utf-8")
    assert text == card("Assendorperstraat 171, Zwolle", "coordinaten: [52.5031, 6.0992]\n")
    (loaded,) = load_repository(root).cards
    assert tuple(loaded.coordinaten) == (52.5031, 6.0992)
    (request,) = FakeLocatieserver.requests
    assert request["path"].endswith("/search/v3_1/free")
    assert request["q"] == "Assendorperstraat 171, Zwolle"


def test_keeps_bom_crlf_and_fills_the_templates_empty_line_keeping_its_comment(repo_dir, server):
    original = card("Assendorperstraat 171, 8012 DK Zwolle", "coordinaten:   # bijvoorbeeld: [52.3702, 4.8952]\n")
    data = b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8")
    root = repo_dir({"cards/test/plek.md": data})
    assert run(root, server).exit_code == 0
    expected = original.replace("coordinaten:   #", "coordinaten: [52.5031, 6.0992]   #")
    assert (root / "cards/test/plek.md").read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode()


def test_new_line_takes_the_line_end_of_the_address_line_in_a_mixed_file(repo_dir, server):
    data = b"---\r\ntitel: Plek\ncategorie: ontmoeten\nadres: Assendorperplein, Zwolle\r\nstatus: nieuw\n---\n"
    root = repo_dir({"cards/test/plek.md": data})
    assert run(root, server).exit_code == 0
    assert (root / "cards/test/plek.md").read_bytes() == data.replace(
        b"Zwolle\r\n", b"Zwolle\r\ncoordinaten: [52.5022, 6.1001]\r\n"
    )


def test_block_address_gets_the_line_after_its_last_line(repo_dir, server):
    text = (
        "---\ntitel: Plek\ncategorie: ontmoeten\n"
        "adres: >-\n  Assendorperstraat 171,\n  8012 DK Zwolle\nstatus: nieuw\n---\n"
    )
    root = repo_dir({"cards/test/plek.md": text})
    assert run(root, server).exit_code == 0
    after = (root / "cards/test/plek.md").read_text()
    assert after == text.replace("Zwolle\n", "Zwolle\ncoordinaten: [52.5031, 6.0992]\n")
    assert load_repository(root).problems == []


def test_fills_an_inventory_too(repo_dir, server):
    inventory = "---\nnaam: Woonlocatie\nadres: Assendorperstraat 171, 8012 DK Zwolle\nzoekstraal: 1000\n---\n"
    root = repo_dir({"inventory/test.md": inventory})
    assert run(root, server).exit_code == 0
    assert "coordinaten: [52.5031, 6.0992]\nzoekstraal" in (root / "inventory/test.md").read_text()
    assert load_repository(root).errors == []


@pytest.mark.parametrize("written", ["[52.1, 5.1]", "'ergens'", "https://example.org/kaart"])
def test_never_overwrites_coordinates_a_person_wrote(repo_dir, server, written):
    text = card("Assendorperstraat 171, Zwolle", f"coordinaten: {written}\n")
    root = repo_dir({"cards/test/plek.md": text})
    result = run(root, server)
    assert result.exit_code == 0
    assert result.output == "Niets te doen: elk bestand met een adres heeft al coördinaten.\n"
    assert (root / "cards/test/plek.md").read_text() == text
    assert FakeLocatieserver.requests == []


@pytest.mark.parametrize(
    ("adres", "message"),
    [
        (
            "Nergensstraat 9, Zwolle",
            "het adres 'Nergensstraat 9, Zwolle' is niet gevonden. Schrijf straat, huisnummer en plaats "
            "(bijvoorbeeld 'Assendorperstraat 171, Zwolle'), of vul de coördinaten zelf in.",
        ),
        (
            "Vagestraat 3, Zwolle",
            "het adres 'Vagestraat 3, Zwolle' is niet gevonden. De adreszoeker kent wel: Vagestraat, Zwolle. "
            "Schrijf straat, huisnummer en plaats (bijvoorbeeld 'Assendorperstraat 171, Zwolle'), "
            "of vul de coördinaten zelf in.",
        ),
        (
            "Hoofdstraat 1",
            "het adres 'Hoofdstraat 1' past bij meer dan één plek: Hoofdstraat 1, 1111AA Aadorp; "
            "Hoofdstraat 1, 2222BB Beekbergen. Maak het adres preciezer (met huisnummer, postcode of "
            "plaats), of vul de coördinaten zelf in.",
        ),
        (
            "Kapotstraat 1, Zwolle",
            "de adreszoeker gaf een antwoord dat niet klopt (geen geldige zoekresultaten). "
            "Probeer het later opnieuw, of vul de coördinaten zelf in.",
        ),
        (
            "Zonderpunt 1, Zwolle",
            "de adreszoeker gaf voor 'Zonderpunt 1, Zwolle' geen bruikbaar punt. "
            "Probeer het later opnieuw, of vul de coördinaten zelf in.",
        ),
    ],
    ids=["none", "only-similar", "several", "malformed", "no-point"],
)
def test_a_failed_lookup_names_the_file_changes_nothing_and_exits_1(repo_dir, server, adres, message):
    text = card(adres)
    root = repo_dir({"cards/test/plek.md": text})
    result = run(root, server)
    assert result.exit_code == 1
    assert (
        result.output
        == f"cards/test/plek.md: fout: {message} Er is niets veranderd.\n0 bestanden aangevuld, 1 niet gelukt.\n"
    )
    assert (root / "cards/test/plek.md").read_text() == text
    assert not (root / CACHE_FILE).exists()


def test_no_network_gives_one_message_per_file_and_changes_nothing(repo_dir):
    files = {f"cards/test/plek-{i}.md": card(f"Straat {i}, Zwolle") for i in (1, 2)}
    root = repo_dir(files)
    server = closed_port()
    result = run(root, server)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["cards/test/plek-1.md", "cards/test/plek-2.md"]
    assert all(f"de adreszoeker ({server}) is niet bereikbaar (" in line for line in lines[:2])
    assert all(line.endswith("of vul de coördinaten zelf in. Er is niets veranderd.") for line in lines[:2])
    assert all((root / rel).read_text() == text for rel, text in files.items())


def test_answers_are_cached_in_a_sorted_committed_file_and_reused_offline(repo_dir, server):
    root = repo_dir(
        {"cards/test/b.md": card("Assendorperstraat 171, Zwolle"), "cards/test/a.md": card("Assendorperplein, Zwolle")}
    )
    assert run(root, server).exit_code == 0
    cache_text = (root / CACHE_FILE).read_text(encoding="utf-8")
    assert json.loads(cache_text) == {
        "assendorperplein, zwolle": {"lat": 52.5022, "lon": 6.1001, "naam": "Assendorperplein, Zwolle"},
        "assendorperstraat 171, zwolle": {
            "lat": 52.5031,
            "lon": 6.0992,
            "naam": "Assendorperstraat 171, 8012DK Zwolle",
        },
    }
    assert cache_text.index("assendorperplein") < cache_text.index("assendorperstraat")
    # Same address, other spelling, another card, no network: the cache answers.
    (root / "cards/test/c.md").write_text(card("assendorperstraat  171,   Zwolle"), encoding="utf-8")
    result = run(root, closed_port())
    assert result.exit_code == 0, result.output
    assert "coordinaten: [52.5031, 6.0992]" in (root / "cards/test/c.md").read_text()
    assert (root / CACHE_FILE).read_text(encoding="utf-8") == cache_text  # nothing new: not rewritten


def test_dry_run_changes_no_file_and_writes_no_cache(repo_dir, server):
    text = card("Assendorperstraat 171, Zwolle")
    root = repo_dir({"cards/test/plek.md": text})
    result = run(root, server, "--droog")
    assert result.exit_code == 0
    assert result.output == (
        "cards/test/plek.md: zou coordinaten: [52.5031, 6.0992] invullen (Assendorperstraat 171, 8012DK Zwolle).\n"
        "1 bestand kan worden aangevuld, 0 niet gelukt.\n"
    )
    assert (root / "cards/test/plek.md").read_text() == text
    assert not (root / CACHE_FILE).exists()


def test_locatie_limits_the_files(repo_dir, server):
    root = repo_dir(
        {
            "inventory/ander.md": "---\nnaam: Ander\ncoordinaten: [52.5, 6.1]\n---\n",
            "cards/test/plek.md": card("Assendorperstraat 171, Zwolle"),
            "cards/ander/plek.md": card("Assendorperplein, Zwolle"),
            "cards/_sjablonen/ontmoeten.md": card("Assendorperplein, Zwolle"),
        }
    )
    result = run(root, server, "--locatie", "test")
    assert result.exit_code == 0
    assert result.output.startswith("cards/test/plek.md: coordinaten")
    assert "coordinaten" not in (root / "cards/ander/plek.md").read_text()
    assert "coordinaten" not in (root / "cards/_sjablonen/ontmoeten.md").read_text()


def test_unreadable_files_and_files_without_address_are_left_alone(repo_dir, server):
    broken = "---\ntitel: [kapot\nadres: Assendorperplein, Zwolle\n---\n"
    root = repo_dir({"cards/test/kapot.md": broken, "cards/test/leeg.md": card("")})
    result = run(root, server)
    assert result.exit_code == 0
    assert (root / "cards/test/kapot.md").read_text() == broken
    assert FakeLocatieserver.requests == []


def test_words_treat_postcodes_and_accents_alike():
    assert words("Cafe 12, 8012 DK Zwolle") == words("Café 12, 8012dk zwolle") == {"cafe", "12", "8012dk", "zwolle"}


def test_unknown_location_or_a_server_that_is_no_web_address_is_a_usage_error(repo_dir, server):
    root = repo_dir({"cards/test/plek.md": card("Assendorperstraat 171, Zwolle")})
    result = run(root, server, "--locatie", "*")
    assert result.exit_code == 2
    assert "Onbekende locatie '*'. Kies uit: test." in result.output
    result = run(root, "file:///etc")
    assert result.exit_code == 2
    assert "'file:///etc' is geen webadres" in result.output
    assert FakeLocatieserver.requests == []

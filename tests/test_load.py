"""Reading files: string-only YAML, BOM, CRLF, and the cases python-frontmatter passes silently."""

from pathlib import Path

from buurtkaart_build.core.load import key_lines, read_doc


def read(tmp_path: Path, content: str | bytes):
    file = tmp_path / "kaart.md"
    file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return read_doc(file, "cards/test/kaart.md")


def messages(doc) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in doc.problems]


def test_every_scalar_stays_a_string(tmp_path):
    doc = read(tmp_path, "---\ntelefoon: 0612345670\nx: NO\nt: 12:30\nv: 1.10\nb: yes\n---\nTekst\n")
    assert doc.meta == {"telefoon": "0612345670", "x": "NO", "t": "12:30", "v": "1.10", "b": "yes"}
    assert doc.body == "Tekst"
    assert doc.problems == []


def test_bom_and_crlf_are_read_normally(tmp_path):
    doc = read(tmp_path, b"\xef\xbb\xbf---\r\ntitel: Bakker\r\n---\r\nRegel een\r\nRegel twee\r\n")
    assert doc.meta == {"titel": "Bakker"}
    assert doc.body == "Regel een\nRegel twee"
    assert doc.problems == []


def test_no_front_matter(tmp_path):
    doc = read(tmp_path, "titel: Bakker\n")
    assert messages(doc) == [
        (
            1,
            "geen front-matter: het bestand moet beginnen met een regel '---', dan de velden "
            "(zoals 'titel: …'), dan weer een regel '---'.",
        )
    ]


def test_front_matter_never_closed(tmp_path):
    doc = read(tmp_path, "---\ntitel: Bakker\ncategorie: bedrijven\n")
    assert messages(doc) == [(4, "de front-matter is niet afgesloten: zet een regel '---' na het laatste veld.")]


def test_invalid_yaml_names_the_line(tmp_path):
    doc = read(tmp_path, "---\ntitel: Bakker\ncategorie: bedrijven: extra\n---\n")
    [(line, message)] = messages(doc)
    assert line == 3
    assert message.startswith(
        "de front-matter is geen geldige YAML: er staat een dubbele punt in een waarde: "
        "zet de waarde tussen aanhalingstekens."
    )


def test_tab_indentation_gets_a_hint(tmp_path):
    doc = read(tmp_path, "---\ntitel: x\ncontact:\n\tnaam: Els\n---\n")
    [(line, message)] = messages(doc)
    assert line == 4
    assert "er staat een tab op deze regel: gebruik spaties om in te springen." in message


def test_bytes_that_are_not_utf8(tmp_path):
    doc = read(tmp_path, b"---\ntitel: Caf\xe9\n---\n")
    assert messages(doc) == [
        (
            2,
            "het bestand bevat tekens die geen UTF-8 zijn (byte 0xe9). Sla het bestand op als UTF-8 "
            "(in Kladblok: 'Opslaan als' → codering UTF-8).",
        )
    ]


def test_front_matter_that_is_a_list(tmp_path):
    doc = read(tmp_path, "---\n- titel\n- categorie\n---\n")
    assert messages(doc) == [
        (2, "de front-matter is geen lijst van velden. Schrijf elk veld als 'naam: waarde' op een eigen regel.")
    ]


def test_empty_file_and_empty_front_matter(tmp_path):
    assert messages(read(tmp_path, "")) == [
        (None, "het bestand is leeg. Begin met een regel '---', dan de velden, dan weer '---'.")
    ]
    assert messages(read(tmp_path, "---\n---\nalleen tekst\n")) == [
        (2, "de front-matter is leeg. Vul de velden in tussen de twee regels '---'.")
    ]


def test_yaml_aliases_are_refused(tmp_path):
    bomb = "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\n"
    assert messages(read(tmp_path, bomb)) == [
        (None, "YAML-ankers en verwijzingen (& en *) worden niet ondersteund. Schrijf de waarde uit.")
    ]


def test_too_large_file(tmp_path):
    doc = read(tmp_path, "---\ntitel: x\n---\n" + "a" * 1_000_001)
    assert doc.problems[0].message.startswith("het bestand is te groot (1.000.018 bytes; maximaal 1.000.000).")


def test_key_lines_follow_nested_keys_and_list_items(tmp_path):
    doc = read(tmp_path, "---\ntitel: x\ncontact:\n  naam: Els\n  email: els@example.org\ntags:\n  - a\n  - b\n---\n")
    lines = key_lines(doc)
    assert lines[("titel",)] == 2
    assert lines[("contact", "email")] == 5
    assert lines[("tags", 1)] == 8


def test_a_key_written_twice_is_refused_instead_of_dropping_one(tmp_path):
    doc = read(tmp_path, "---\ntitel: X\ntags: [muziek]\nadres: Plein 1\ntags: [koken]\n---\n")
    assert messages(doc) == [
        (
            5,
            "het veld 'tags' staat twee keer in de front-matter (regel 3 en 5). "
            "Voeg de twee samen tot één veld; anders gaat één van beide verloren.",
        )
    ]

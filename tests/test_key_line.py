"""``key_line`` (one path, walked in the composed front-matter) agrees with ``key_lines`` (every key)."""

from __future__ import annotations

import dataclasses

import pytest

from buurtkaart_build.core.load import RawDoc, key_line, key_lines, parse_text

TEXT = """---
titel: Bakkerij
# een opmerking
samenvatting: >
  Brood en
  koffie.
contact:
  naam: Els
  email: els@example.org
fotos:
  - bestand: fotos/a.jpg
  - bestand: fotos/b.jpg
    beschrijving: de ingang
tags: [brood, koffie]
'1': een sleutel die op een getal lijkt
---
Tekst.
"""


def reference(doc: RawDoc, path: tuple) -> int | None:
    """What content_checks did before: the longest prefix of ``path`` that ``key_lines`` knows."""
    lines = key_lines(doc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


DOC = parse_text(RawDoc(path="cards/x/bakkerij.md", meta={}, body=""), TEXT)
PATHS = [
    *key_lines(DOC),
    ("fotos", 1, "beschrijving"),
    ("fotos", 0, "beschrijving"),  # missing: the line of the photo
    ("fotos", 2, "bestand"),  # no third photo: the line of 'fotos'
    ("fotos", -1),
    ("fotos", "0"),
    ("contact", "telefoon"),
    ("tags", 1, "x"),
    ("samenvatting",),
    (1,),
    ("1",),
    ("bestaat-niet", "x"),
    (),
]


@pytest.mark.parametrize("path", PATHS, ids=repr)
def test_key_line_is_the_line_key_lines_gives(path):
    assert DOC.root is not None
    assert key_line(DOC, path) == reference(DOC, path)


@pytest.mark.parametrize("path", PATHS, ids=repr)
def test_without_the_composed_tree_it_composes(path):
    doc = dataclasses.replace(DOC, root=None)
    assert key_line(doc, path) == reference(DOC, path)


def test_lines_are_file_lines():
    assert key_line(DOC, ("samenvatting",)) == 4
    assert key_line(DOC, ("fotos", 1, "beschrijving")) == 13
    assert key_line(DOC, ("contact", "telefoon")) == 7

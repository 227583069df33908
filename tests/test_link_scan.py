"""``link_problems`` skips or narrows the link scan only where the full pattern could not match more."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from buurtkaart_build.core.checks import _LINK_TARGETS, _SCHEME, SAFE_SCHEMES, link_problems
from buurtkaart_build.core.load import RawDoc

PIECES = [
    "[a](",
    "](",
    "javascript:x",
    "data:y",
    "https://z",
    ")",
    "<",
    ">",
    "=",
    "href",
    "src ",
    "]:",
    "[ref]",
    "\n",
    " ",
]


def reference(body: str) -> list[tuple[int, str]]:
    """The full pattern over the whole body, as before: (line, target) of each unsafe link."""
    found = []
    for match in _LINK_TARGETS.finditer(body):
        target = next(g for g in match.groups() if g is not None)
        scheme = _SCHEME.match(re.sub(r"[\x00-\x20]", "", target))
        if scheme and scheme[1].lower() not in SAFE_SCHEMES:
            found.append((1 + body.count("\n", 0, match.start()), target))
    return found


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_same_problems_as_the_full_scan(body):
    doc = RawDoc(path="cards/x/y.md", meta={}, body=body, body_line=1)
    got = [(p.line, p.message.split("'")[1]) for p in link_problems(doc)]
    assert got == [(line, target[:60]) for line, target in reference(body)]


def test_a_markdown_link_alone_and_among_html():
    body = "[a](javascript:alert(1))\n<a href=data:x>b</a>"
    doc = RawDoc(path="cards/x/y.md", meta={}, body=body, body_line=5)
    assert [p.line for p in link_problems(doc)] == [5, 6]
    doc = RawDoc(path="cards/x/y.md", meta={}, body="Tekst [a](vbscript:x).", body_line=5)
    assert [p.line for p in link_problems(doc)] == [5]

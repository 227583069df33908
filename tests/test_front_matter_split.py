"""The closing '---' is the first later line that ``_DELIMITER`` matches, however the search is done."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from buurtkaart_build.core.load import _DELIMITER, RawDoc, parse_text

PIECES = ["---", "--", "----", " ", "\t", "\r", "\x85", "\u2028", "\x0b", "\x0c", "a", "\n", "- x", "--- ", ": "]


def closing_line(text: str) -> int | None:
    """Reference: the first line after the first that is '---' plus whitespace, tested line by line."""
    lines = text.split("\n")
    return next((i for i in range(1, len(lines)) if _DELIMITER.match(lines[i])), None)


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_the_body_starts_after_the_first_closing_line(tail):
    text = "---\n" + tail
    doc = parse_text(RawDoc(path="cards/x/y.md", meta={}, body=""), text)
    end = closing_line(text)
    if end is None:
        assert doc.problems and "niet afgesloten" in doc.problems[0].message
    else:
        assert doc.front_text == "\n".join(text.split("\n")[1:end])

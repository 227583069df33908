"""Scan generated pages for markup that a hostile card could have smuggled in.

Used by ``test_hostile.py`` and ``test_property.py``. The scan parses the HTML (so entity
tricks such as ``&#106;avascript:`` are decoded the way a browser decodes them) and also
looks for a few raw payload strings that must never appear unescaped. :func:`not_dutch`
checks that a message for the user is Dutch.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"})
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text", "data:application")
FORBIDDEN_TAGS = frozenset({"object", "embed", "base", "frame", "frameset", "applet"})

# Payloads from tests/hostile/ as they would appear if a value reached a page unescaped.
RAW_PAYLOADS = (
    "<script>alert",
    "<img src=x",
    "<svg onload",
    "<svg/onload",
    "<b onmouseover",
    "<details open ontoggle",
    '<iframe src="https://evil',
    "<iframe srcdoc",
    "</textarea><script",
    "<a href=javascript:",
)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _dangerous_url(value: str) -> bool:
    cleaned = _INVISIBLE.sub("", value).lower()
    return cleaned.startswith(DANGEROUS_SCHEMES)


def _external(value: str) -> bool:
    cleaned = _INVISIBLE.sub("", value).lower()
    return cleaned.startswith("//") or bool(urlsplit(cleaned).scheme)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = self.findings
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>: event handler")
            if name in URL_ATTRIBUTES and value and _dangerous_url(value):
                found.append(f"<{tag} {name}={value[:40]!r}>: dangerous URL")
            if name == "srcdoc":
                found.append(f"<{tag} srcdoc>")
            if name == "style" and value and "url(" in value.replace(" ", "").lower():
                found.append(f"<{tag} style=url(…)>: request from CSS")
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}>")
        if tag in ("img", "iframe", "script", "audio", "video", "source") and _external(values.get("src") or ""):
            found.append(f"<{tag} src={values.get('src', '')[:40]!r}>: loads from another site")
        if any(_external(values.get(a) or "") for a in ("action", "formaction")):
            found.append(f"<{tag} action=…>: sends a form to another site")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        if tag == "script":
            self._script = values

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        script = self._script
        if script is None:
            return
        kind = (script.get("type") or "text/javascript").lower()
        # Data islands (application/json) are never run; executable scripts must be our own.
        if "json" not in kind and re.search(r"alert\s*\(|document\.domain|msgbox", data):
            self.findings.append(f"<script> runs a payload: {data.strip()[:60]!r}")


def unsafe_markup(html: str) -> list[str]:
    """Every way ``html`` could run or load something a card's author put in; empty if safe."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    lowered = html.lower()
    raw = [f"raw payload {p!r}" for p in RAW_PAYLOADS if p.lower() in lowered]
    return scanner.findings + raw


def unsafe_search_index(text: str) -> list[str]:
    """The search index stores HTML fragments that Material's search shows as HTML."""
    index = json.loads(text)
    findings = []
    for doc in index.get("docs", []):
        for key in ("title", "text"):
            findings += [f"{doc.get('location')}: {f}" for f in unsafe_markup(str(doc.get(key, "")))]
    return findings


_DUTCH_WORDS = re.compile(
    r"\b(de|het|een|is|zijn|geen|moet|kan|niet|van|op|bij|naar|onbekende?|veld|velden|Toegestane|Kies|Schrijf|Zet|"
    r"Maak|Haal|Typ|Vul|Voeg|Verbeter|bedoel|ligt)\b"
)
_ENGLISH = ("Input should", "Field required", "Value error", "validation error", "Extra inputs", "String should")


def not_dutch(message: str) -> bool:
    """True when a message has no Dutch words or contains Pydantic's English."""
    return not _DUTCH_WORDS.search(message) or any(e in message for e in _ENGLISH)

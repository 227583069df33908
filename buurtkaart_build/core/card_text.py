"""A card's text from answers: the category's template with the answers written into its lines.

The one rule set behind ``buurtkaart new`` and the form page. The template is cut into lines
(:func:`template_lines`, plain data that the form's script also receives) and
:func:`fill` writes answers into them; ``buurtkaart-form-core.js`` does exactly the same
(tests compare both on many inputs). Rules:

- An unanswered field keeps its template line as it is (comments, example, default).
- An answered field becomes ``key: value``; the line's example comment goes (as ``new`` does
  with ``bezocht``). Choices, ISO dates and ``[lat, lon]`` are written bare, all other text as
  a JSON string (YAML reads it as a double-quoted scalar: quotes, ``#``, ``:`` stay text).
- A list becomes ``key:`` with one ``  - "item"`` line per item.
- A model field that the template lacks gets a line only when answered: before the closing
  ``---``, or after the last line of its group.
- Notes (``notities``) go under the template's explanation in the body.
"""

from __future__ import annotations

import json
import re

KEY_LINE = re.compile(r"^( *)([a-z_]+):(.*)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
POINT = re.compile(r"^\[-?\d{1,3}(?:\.\d+)?, -?\d{1,3}(?:\.\d+)?\]$")
# YAML refuses these raw in a file (or reads them as line breaks): written as \\uXXXX instead.
UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# Python's own whitespace (str.split), which the browser's \s does not match exactly.
WHITESPACE = "".join(chr(c) for c in range(0x3000 + 1) if chr(c).isspace())
NOTES = "notities"
BARE_KINDS = ("keuze",)


def template_lines(template: str, field_paths: list[str]) -> dict:
    """The template as data: ``{"regels": [...], "romp": body}``.

    Each line is ``{"t": text}`` or, for a key line, also ``"veld"`` (dotted path),
    ``"in"`` (indent) and ``"sleutel"``; a group's own line has ``"ouder": true``. Fields of
    ``field_paths`` that the template lacks are added as lines with ``"t": null``.
    """
    lines = template.split("\n")
    end = lines.index("---", 1)
    regels: list[dict] = []
    parents: list[str] = []
    for i, text in enumerate(lines[1:end], start=1):
        match = KEY_LINE.match(text)
        if not match or text.lstrip().startswith("#"):
            regels.append({"t": text})
            continue
        indent, key, rest = match[1], match[2], match[3]
        level = len(indent) // 2
        parents = parents[:level]
        path = ".".join([*parents, key])
        following = lines[i + 1] if i + 1 < end else ""
        is_parent = not rest.split("#")[0].strip() and following.startswith(indent + "  ") and ":" in following
        regels.append({"t": text, "veld": path, "in": indent, "sleutel": key, **({"ouder": True} if is_parent else {})})
        if is_parent:
            parents.append(key)
    _add_missing(regels, field_paths)
    return {"regels": [{"t": "---"}, *regels, {"t": "---"}], "romp": "\n".join(lines[end + 1 :])}


def _add_missing(regels: list[dict], field_paths: list[str]) -> None:
    present = {r["veld"] for r in regels if "veld" in r}
    for path in field_paths:
        if path in present:
            continue
        *group, key = path.split(".")
        indent = "  " * len(group)
        line = {"t": None, "veld": path, "in": indent, "sleutel": key}
        if not group:
            regels.append(line)
            present.add(path)
            continue
        parent = ".".join(group)
        if parent not in present:
            regels.append(
                {"t": None, "veld": parent, "in": "  " * (len(group) - 1), "sleutel": group[-1], "ouder": True}
            )
            present.add(parent)
        last = max(
            i for i, r in enumerate(regels) if r.get("veld", "") == parent or r.get("veld", "").startswith(parent + ".")
        )
        regels.insert(last + 1, line)
        present.add(path)


def fill(structure: dict, answers: dict, kinds: dict[str, str]) -> str:
    """The card text: ``structure`` (see :func:`template_lines`) with ``answers`` written in.

    Args:
        structure: One category's template lines and body.
        answers: Dotted field path → text or list of texts (and ``notities`` → body notes).
        kinds: Dotted field path → kind (``tekst``, ``tekstvak``, ``keuze``, ``datum``,
            ``coordinaten``, ``lijst``, ...), as in the form's field list.
    """
    out: list[str] = []
    for line in structure["regels"]:
        path = line.get("veld")
        if path is None:
            out.append(line["t"])
        elif line.get("ouder"):
            if line["t"] is not None:
                out.append(line["t"])
            elif any(key.startswith(path + ".") and _answered(value) for key, value in answers.items()):
                out.append(f"{line['in']}{line['sleutel']}:")
        elif _answered(answers.get(path)):
            out.extend(_lines(line["in"], line["sleutel"], answers[path], kinds.get(path, "tekst")))
        elif line["t"] is not None:
            out.append(line["t"])
    text = "\n".join(out) + "\n" + structure["romp"]
    notes = _notes(answers.get(NOTES))
    if notes:
        text = text.rstrip("\n") + "\n\n" + notes + "\n"
    return text


def _answered(value: object) -> bool:
    if isinstance(value, list):
        return any(_one_line(v) for v in value)
    return isinstance(value, str) and bool(value.strip())


def _lines(indent: str, key: str, value: str | list[str], kind: str) -> list[str]:
    if isinstance(value, list):
        items = [_one_line(v) for v in value if _one_line(v)]
        return [f"{indent}{key}:", *(f"{indent}  - {quote(item)}" for item in items)]
    text = value.strip().replace("\r\n", "\n").replace("\r", "\n") if kind == "tekstvak" else _one_line(value)
    return [f"{indent}{key}: {scalar(text, kind)}"]


def _one_line(value: object) -> str:
    """One line, single spaces (as ``buurtkaart new`` does with the title)."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def scalar(text: str, kind: str) -> str:
    """``text`` as a YAML value: bare where that is safe and meant, else a JSON string."""
    if kind in BARE_KINDS and re.fullmatch(r"[a-zëï]+", text):
        return text
    if (kind == "datum" and ISO_DATE.match(text)) or (kind == "coordinaten" and POINT.match(text)):
        return text
    return quote(text)


def quote(text: str) -> str:
    """A JSON string (YAML's double-quoted scalar) with every character YAML refuses escaped."""
    encoded = json.dumps(text, ensure_ascii=False)
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def _notes(value: object) -> str:
    if not isinstance(value, str):
        return ""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")

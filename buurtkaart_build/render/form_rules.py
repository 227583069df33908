"""The checks the form runs in the browser, with ``buurtkaart check``'s own Dutch messages.

Nothing here types a message. Each message template is made by running the real check
(:func:`check_card_text`: load, validate, the position checks) on a small sample card and
cutting the sample value out, so a message changed in ``fields.py`` or ``checks.py`` changes
in the form too. The regular expressions are exported from ``fields.py`` as they are; the
script re-does only the few lines of logic around them (a test feeds the same inputs to both).
"""

from __future__ import annotations

from ..core.card_text import quote
from ..core.checks import _LINK_TARGETS, cross_checks, link_problems
from ..core.errors import Problem
from ..core.fields import _EMAIL, _GOOGLE, _HOST, _OSM_HASH, _PAIR, _PHONE, NL_LAT, NL_LON, SAFE_SCHEMES, LatLon
from ..core.geo import EARTH_RADIUS_M
from ..core.load import RawDoc, parse_text
from ..core.models import Card, Location
from ..core.repository import with_distances
from ..core.validate import validate_card

SAMPLE_PATH = "cards/voorbeeld/nieuw.md"
SHORT = 60  # fields._short: values longer than this are cut in messages


def check_card_text(text: str, location: Location | None = None, path: str = SAMPLE_PATH) -> list[Problem]:
    """What ``buurtkaart check`` says about one new card file, apart from git and other cards."""
    doc = parse_text(RawDoc(path=path, meta={}, body=""), text)
    readable = doc.ok  # as the repository loader: body links are checked even when a field is wrong
    front = validate_card(doc) if readable else None
    problems = list(doc.problems)
    if readable:
        problems += link_problems(doc)
    if front is not None and location is not None:
        card = Card.of(front, locatie=location.slug, slug="nieuw", path=path, body=doc.body)
        found = cross_checks({location.slug: location}, with_distances([card], {location.slug: location}))
        problems += [p for p in found if p.file == path]  # not the inventory's links to the other cards
    return problems


def _card(lines: str) -> str:
    title = "" if lines.startswith("titel:") else "titel: Voorbeeld\n"
    return f"---\n{title}categorie: ontmoeten\n{lines}\n---\n"


def _message(lines: str, field: str, location: Location | None = None) -> str:
    found = [p.message for p in check_card_text(_card(lines), location) if p.field == field]
    if len(found) != 1:
        raise AssertionError(f"sample {lines!r} gave {found!r} for {field}")  # a broken build, not user data
    return found[0]


def _template(message: str, **samples: str) -> str:
    """``message`` with each sample value replaced by ``{name}``; each must occur."""
    for name, sample in samples.items():
        if sample not in message:
            raise AssertionError(f"{sample!r} not in {message!r}")
        message = message.replace(sample, "{" + name + "}")
    return message


def _value_rule(key: str, group: str, sample: str, field: str | None = None) -> str:
    lines = f"{group}:\n  {key}: {quote(sample)}" if group else f"{key}: {quote(sample)}"
    return _template(_message(lines, field or (f"{group}.{key}" if group else key)), waarde=sample)


def browser_rules() -> dict:
    """Patterns and message templates for the form's script (see ``buurtkaart-form-core.js``)."""
    link_unsafe, link_bad = "ftp://monster.example", "https://monster"
    return {
        "kort": SHORT,
        "leeg": _template(_message('titel: ""', "titel"), titel="titel"),
        "te_lang": _template(_message(f"titel: {quote('x' * 201)}", "titel"), titel="titel", max="200"),
        "telefoon": {"patroon": _PHONE.pattern, "melding": _value_rule("telefoon", "contact", "monster")},
        "email": {"patroon": _EMAIL.pattern, "melding": _value_rule("email", "contact", "monster")},
        "link": {
            "host": _HOST.pattern,
            "onveilig": _value_rule("website", "contact", link_unsafe),
            "ongeldig": _value_rule("website", "contact", link_bad),
        },
        "datum": {
            "geen": _value_rule("bezocht", "", "monster"),
            "bestaat_niet": _value_rule("bezocht", "", "31-2-2026"),
        },
        "coordinaten": {
            "paar": _PAIR.pattern,
            "osm": _OSM_HASH.pattern,
            "google": [pattern.pattern for pattern in _GOOGLE],
            "geen": _value_rule("coordinaten", "", "monster"),
            "geen_getal": _number_rule(),
            "link_zonder": _value_rule("coordinaten", "", "https://monster.example/"),
            "verwisseld": _template(
                _message("coordinaten: [6.1, 52.5]", "coordinaten"), punt="[6.1, 52.5]", omgekeerd="[52.5, 6.1]"
            ),
            "onmogelijk": _template(_message("coordinaten: [95.5, 6.1]", "coordinaten"), punt="[95.5, 6.1]"),
            "nl": {"lat": list(NL_LAT), "lon": list(NL_LON)},
            "aarde": EARTH_RADIUS_M,
        },
        "notities": {"patroon": _LINK_TARGETS.pattern, "veilig": list(SAFE_SCHEMES), "melding": _body_rule()},
    }


def _number_rule() -> str:
    message = _message(f"coordinaten: {quote('https://x.example/?mlat=monster&mlon=6')}", "coordinaten")
    return _template(message, waarde="monster")


def _body_rule() -> str:
    text = _card("") + "[tekst](javascript:monster)\n"
    (message,) = [p.message for p in check_card_text(text) if p.field is None]
    return _template(message, doel="javascript:monster", schema="javascript")


def location_rules(location: Location) -> dict:
    """The position warnings of one location, made by ``check`` on sample points."""
    north = LatLon(location.coordinaten.lat + location.zoekstraal * 2 / 111_000, location.coordinaten.lon)
    far = _message(f"coordinaten: [{north.lat!r}, {north.lon!r}]", "coordinaten", location)
    distance = far.split(" ")[1] + " " + far.split(" ")[2]  # "ligt 3,0 km van …"
    abroad = _message("coordinaten: [48.8566, 2.3522]", "coordinaten", location)
    return {
        "buiten_straal": _template(far, afstand=distance),
        "buiten_nl": _template(abroad, punt="[48.8566, 2.3522]"),
        "straal": location.zoekstraal,
        "punt": [location.coordinaten.lat, location.coordinaten.lon],
    }

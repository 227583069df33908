"""Generated pages: card values are escaped everywhere; links are safe; public mode hides people."""

import re

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.render.body import body_html
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site

PAYLOAD = "<img src=x onerror=alert(1)>"
HOSTILE = f"""\
---
titel: "{PAYLOAD} [klik](javascript:alert(1)) ${{alert(1)}} `x`"
categorie: bedrijven
samenvatting: "<script>alert(2)</script>"
adres: "\\"><svg onload=alert(3)>"
coordinaten: [52.5040, 6.1000]
wat_doen_ze: "**vet** [link](javascript:alert(4))"
tags: ["<b>tag</b>", "muziek"]
contact:
  naam: "<i>Els</i>"
  telefoon: "038 123 45 67"
  email: els@example.org
  website: https://example.org/?a=1&b=<2>
aanbod: ["<script>alert(5)</script>"]
---
Tekst <script>alert(6)</script> <a href="javascript:alert(7)" onclick="alert(8)">x</a>
<iframe src="https://evil.example"></iframe>
"""


def pages(repo_dir, public=False) -> dict[str, str]:
    repo = load_repository(repo_dir({"cards/test/gevaar.md": HOSTILE}))
    # check refuses the javascript: link in the body; the renderer must be safe even so.
    assert [p.line for p in repo.errors] == [16]
    return render_site(repo, SiteOptions(public=public))


def test_nothing_from_a_card_becomes_markup(repo_dir):
    out = pages(repo_dir)
    for path, content in out.items():
        if not path.endswith(".md"):
            continue
        assert "<img src=x" not in content, path
        # The form page's own scripts (local files, and its data as inert JSON) are the only ones.
        own = (
            r'<script (?:src="\.\./\.\./assets/buurtkaart/(?:js/[a-z-]+|vendor/leaflet/leaflet)\.js"'
            r'|type="application/json" id="bk-formulier-data")>'
        )
        assert "<script" not in re.sub(own, "", content), path
        assert "<svg onload" not in content, path
        assert not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript", content), path
        assert "onclick" not in content, path
        # The only iframes are the site's own maps (class bk-map-frame), never one from a card.
        assert all('class="bk-map-frame"' in tag for tag in re.findall(r"<iframe[^>]*>", content)), path
        assert "<b>tag</b>" not in content and "<i>Els</i>" not in content, path


def test_card_page_shows_the_payload_as_text(repo_dir):
    card = pages(repo_dir)["test/gevaar.md"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in card
    assert 'title: "&lt;img src=x onerror=alert(1)&gt;' in card
    assert "**vet**" in card  # front-matter values are text, not Markdown
    assert '<a href="tel:0381234567">038 123 45 67</a>' in card
    assert 'href="https://example.org/?a=1&amp;b=&lt;2&gt;"' in card


def test_public_site_leaves_personal_contact_details_out(repo_dir):
    card = pages(repo_dir, public=True)["test/gevaar.md"]
    assert "Els" not in card and "038 123 45 67" not in card and "els@example.org" not in card
    assert "https://example.org/" in card


def test_body_sanitiser_keeps_formatting_and_drops_danger():
    html = body_html("# Kop\n\n**vet** [ok](https://example.org) [weg](javascript:x) <img src=//evil/x.png>")
    assert "<h2>Kop</h2>" in html and "<strong>vet</strong>" in html
    assert 'href="https://example.org"' in html
    assert not re.search(r"javascript|evil", html)

"""Generated pages skip Python-Markdown and the search plugin's parse, and come out the same."""

from __future__ import annotations

import json
import re

from material.plugins.search.plugin import Parser
from mkdocs.utils.meta import get_data
from repo_files import ROOT

from buurtkaart_build.core.repository import load_repository
from buurtkaart_build.plugin import ready_pages
from buurtkaart_build.plugin.lean_html import LeanHtml
from buurtkaart_build.plugin.ready_pages import anchors, is_ready_html, search_text, split_generated
from buurtkaart_build.render.options import SiteOptions
from buurtkaart_build.render.site import render_site


def material_text(html: str) -> str:
    parser = Parser()
    parser.feed(html)
    parser.close()
    assert len(parser.data) == 1
    text = "".join(parser.data[0].text)
    return re.sub(r"\s+", " ", text).replace("&#x27;", "'").replace("&quot;", '"').strip()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text))


def demo_pages() -> dict[str, str]:
    out = render_site(load_repository(ROOT), SiteOptions())
    return {path: text.split("\n---\n", 1)[1] for path, text in out.items() if path.endswith(".md")}


def test_every_demo_card_page_is_ready_html_with_the_text_material_would_index():
    pages = demo_pages()
    cards = [f"de-kastanje/{card.stem}.md" for card in (ROOT / "cards" / "de-kastanje").glob("*.md")]
    assert len(cards) > 30
    for path in cards:
        html = pages[path]
        assert is_ready_html(html), path
        text = search_text(html)
        assert text is not None, path
        assert words(text) == words(material_text(html)), path
        assert "Kruimelpad" not in text and "<div" not in text


def test_pages_with_sections_are_left_to_material():
    assert search_text('<div class="x">\n<h2 id="tag-a">a</h2><p>b</p>\n</div>') is None
    assert search_text('<div class="x">\n<p data-search-exclude>a</p>\n</div>') is None
    assert not is_ready_html("<div>\n<p>a</p>\n\n*markdown*\n</div>")


def test_anchors_are_found_for_link_checks():
    assert anchors('<h2 id="tag-koor">x</h2><a name="oud">y</a><p class="a">') == {"tag-koor", "oud"}


def test_search_entry_keeps_material_shape():
    assert search_text('<div class="x">\n<p>Tom&#x27;s &amp; <b>koor</b></p><ul><li></li></ul>\n</div>') == (
        "<p>Tom's &amp; koor</p>"
    )
    json.dumps(search_text('<div class="x">\n<script>var a = "<p>";</script><p>a</p>\n</div>'))


def test_lean_html_keeps_preformatted_text_and_shares_theme_icons():
    lean = LeanHtml()
    page = (
        '<div>\n    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2"/></svg>\n'
        "    <pre>  a\n    b</pre>\n  <p>x\n   y</p>\n</div>"
    )
    out = lean.page(page, "../../")
    assert "<pre>  a\n    b</pre>" in out
    assert "<p>x\ny</p>" in out
    ref = re.search(r'<svg viewBox="0 0 24 24"><use href="../../assets/i.svg#(\w+)"/></svg>', out)
    assert ref and f'<symbol id="{ref.group(1)}" viewBox="0 0 24 24"><path d="M1 2"/></symbol>' in lean.sprite()
    assert lean.page(page, "") == out.replace("../../", "")


def test_generated_front_matter_is_read_as_mkdocs_reads_it():
    repo = load_repository(ROOT)
    site = render_site(repo, SiteOptions(site_url="https://x.example/"))
    pages = {path: text for path, text in site.items() if path.endswith(".md")}
    assert len(pages) > 100
    for path, text in pages.items():
        split = split_generated(text)
        assert split is not None, path  # every page the core writes takes the fast way
        assert split == get_data(text), path
    # Anything else is left to MkDocs: YAML that is not one JSON value a line, numbers JSON and YAML read apart.
    for text in ["---\ntitle: Kaart\n---\n\nx", "---\nn: 1e3\n---\nx", '---\na: "1"\na: "2"\n---\nx', "no front"]:
        assert split_generated(text) is None


def test_kept_tags_without_a_call_per_tag_equal_the_careful_way():
    careful = lambda html: ready_pages._TAG.sub(ready_pages._kept_tag, html)  # noqa: E731
    tricky = [
        '<p class="a">x</p><pre>y</pre><param name="q"><p2>z</p2><p-x>w</p-x><p_x>v</p_x>',
        '<<b>p class="x">a</p><b title="<p>">c</b><p title="<b>">d</p><b <p x>e<p <b x>f',
        "<ul><li><a href='#'>g</a></li></ul><sub>2</sub><sup>3</sup><summary>s</summary><code>k</code>",
        "<P>upper</P><Li>mixed</LI>",  # the careful way itself: Material lowercases names
    ]
    for html in [*tricky, *demo_pages().values()]:
        assert ready_pages._tags_kept(html) == careful(html)


def test_workers_make_no_search_text_for_pages_left_out_of_the_index():
    html = '<div class="x">\n<p>a</p>\n</div>'
    made = ready_pages._texts_of(
        [
            ("in.md", f'---\ntitle: "In"\n---\n{html}'),
            ("out.md", f'---\nsearch: {{"exclude": true}}\n---\n{html}'),
            ("tagged.md", f'---\ntags: ["x"]\n---\n{html}'),
        ]
    )
    assert made["in.md"][1] == "<p>a</p>"
    assert made["out.md"][1] is ready_pages.NOT_MADE and made["tagged.md"][1] is ready_pages.NOT_MADE
    assert made["out.md"][2] == set() and made["out.md"][0] == hash(html)  # anchors still made

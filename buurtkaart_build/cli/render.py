"""``buurtkaart render``: the generated pages as files in a folder, without MkDocs.

The engine-independent edge of the pipeline (design §2): the same ``{path: content}`` the MkDocs
plugin serves virtually, written to disk for another site engine or for inspection. Each page
is written as ``<name>/index.md``: engines that resolve relative links in raw HTML against the
source file (Zensical) then read them as MkDocs' directory URLs do. The pages the plugin
serves from the package (help, templates) are written where the repository lacks them, and the
home page with its locations table filled in.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click

from ..core.errors import BuurtkaartError
from .common import USAGE_ERROR, fail, fail_with_problems
from .dutch import DutchCommand, root_option

MARKER = ".buurtkaart-gegenereerd"


@click.command(cls=DutchCommand)
@click.option(
    "--uit",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    metavar="MAP",
    help="Map voor de gemaakte pagina's. Een bestaande map moet leeg zijn, of eerder door deze opdracht gemaakt.",
)
@click.option("--publiek", is_flag=True, help="Laat namen, telefoonnummers en e-mailadressen van contactpersonen weg.")
@root_option
def render(folder: Path, publiek: bool, root: Path) -> None:
    """Schrijf de pagina's die de Buurtkaart maakt als bestanden in een map (zonder MkDocs).

    Handig om te zien wat de site krijgt, of om een andere site-bouwer te gebruiken. Een map met
    bestanden van iemand anders wordt nooit overschreven.

    Stopt met code 0 als het gelukt is, 1 als de kaarten fouten bevatten, 2 als de map niet mag.

    \b
    Voorbeelden:
      buurtkaart render --uit /tmp/buurtkaart-paginas
      buurtkaart render --uit /tmp/publieke-paginas --publiek
    """
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).is_file():
        fail(
            f"De map '{folder}' bestaat al en bevat bestanden die niet van de Buurtkaart zijn. "
            "Kies een lege of nieuwe map.",
            USAGE_ERROR,
        )
    # Imported here: rendering loads folium and numpy (0.3 s), which every other command,
    # 'check' in CI first of all, would otherwise pay for at start-up.
    from ..core.history import reference_time
    from ..core.workers import available_cpus
    from ..render.options import SiteOptions
    from ..render.site import generate

    try:
        options = SiteOptions(public=publiek, reference=reference_time(root), workers=available_cpus())
        repo, out = generate(root, options)
    except BuurtkaartError as exc:
        fail_with_problems(exc.problems)
    out = engine_layout(out)
    out.update(hand_written_pages(root, repo))
    write_folder(out, folder)
    click.echo(f"{len(out)} bestanden geschreven in {folder} ({len(repo.cards)} kaarten).")


def engine_layout(out: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """Every page ``a/b.md`` as ``a/b/index.md``: a relative link means the same in every engine."""
    return {
        (path[:-3] + "/index.md" if path.endswith(".md") and not path.endswith("index.md") else path): content
        for path, content in out.items()
    }


def hand_written_pages(root: Path, repo) -> dict[str, str]:
    """What the plugin adds to the repository's own pages: the package's pages it lacks (help,
    templates, home) and the home page's locations table."""
    from ..render.help import HOME_PAGE, packaged_pages
    from ..render.site import HOME_MARKER, home_table

    config = root / "mkdocs.yml"
    docs = root / "docs"
    if config.is_file() and (found := re.search(r"^docs_dir:\s*['\"]?([^'\"\s#]+)", config.read_text("utf-8"), re.M)):
        docs = root / found.group(1)
    out = {path: text for path, text in packaged_pages().items() if not (docs / path).is_file()}
    home = docs / HOME_PAGE
    text = home.read_text(encoding="utf-8") if home.is_file() else out.get(HOME_PAGE, "")
    if HOME_MARKER in text:
        out[HOME_PAGE] = text.replace(HOME_MARKER, home_table(repo))
    return out


def write_folder(out: dict[str, str | bytes], folder: Path) -> None:
    """Replace ``folder`` (empty, or ours by its marker file) with the generated files."""
    if folder.exists():
        shutil.rmtree(folder)
    for path, content in out.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (folder / MARKER).write_text("Gemaakt door 'buurtkaart render'; wordt bij de volgende keer vervangen.\n")

"""``buurtkaart publiceer``: build the site aside, then swap it in at once.

``mkdocs build`` empties the site folder first and then writes page after page: a build that
crashes, runs out of memory or is killed leaves a web server serving half a site, or none.
This command builds into a new folder beside it (``<site>.versies/<n>``) and only when that
build succeeded points the site path, a symbolic link, at it: one ``rename``, which the
operating system does at once. A failed or killed build leaves the previous site served whole.
The version served and the one served before are kept (to go back by hand); others are removed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from .common import DATA_ERROR, USAGE_ERROR, fail
from .dutch import DutchCommand


@click.command(cls=DutchCommand)
@click.option(
    "--site",
    "site",
    type=click.Path(path_type=Path),
    default="site",
    metavar="MAP",
    help="Het pad dat de webserver toont (standaard: site). Wordt een koppeling naar de nieuwste versie.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default="mkdocs.yml",
    metavar="BESTAND",
    help="De instellingen van de site (standaard: mkdocs.yml).",
)
def publiceer(site: Path, config_file: Path) -> None:
    """Bouw de site naast de oude en zet hem in één keer online.

    Een bouw die mislukt, vastloopt of wordt afgebroken laat de vorige site heel staan: de
    webserver toont de oude site tot de nieuwe helemaal klaar is. Zet de webserver op MAP
    (standaard 'site'); dat wordt een koppeling naar de nieuwste versie in MAP.versies/.

    Stopt met code 0 als de nieuwe site online staat, 1 als de bouw mislukte (de oude blijft
    staan), 2 als MAP niet gebruikt kan worden.

    \b
    Voorbeelden:
      buurtkaart publiceer
      buurtkaart publiceer --site /var/www/buurtkaart/site
    """
    site = Path(os.path.abspath(site))
    versions = site.with_name(site.name + ".versies")
    if site.exists() and not site.is_symlink() and not site.is_dir():
        fail(f"'{site}' is een bestand, geen map. Kies een ander pad met --site.", USAGE_ERROR)
    versions.mkdir(parents=True, exist_ok=True)
    new = versions / str(1 + max((int(p.name) for p in versions.iterdir() if p.name.isdigit()), default=0))
    if not build(config_file, new):
        shutil.rmtree(new, ignore_errors=True)
        fail(f"De bouw is mislukt; de vorige site in '{site}' blijft staan.", DATA_ERROR)
    previous = site.resolve() if site.is_symlink() else versions / "0" if site.is_dir() else None
    swap(site, new)
    forget_old(versions, keep={new.resolve(), previous.resolve() if previous else None})
    click.echo(f"De nieuwe site staat online: {site} → {new.name}.")


def build(config_file: Path, target: Path) -> bool:
    """``mkdocs build --strict`` of ``config_file`` into ``target``; False when it failed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(config_file=str(config_file), site_dir=str(target), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit, OSError) as exc:
        click.echo(str(exc), err=True)
        return False
    return True


def swap(site: Path, new: Path) -> None:
    """Point ``site`` at ``new`` in one rename. A real folder there (from 'mkdocs build') becomes a version first."""
    if site.exists() and not site.is_symlink():
        site.rename(site.with_name(site.name + ".versies") / "0")  # once: from a plain folder to a link
    link = site.with_name(f".{site.name}.nieuw")
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(new, site.parent))
    os.replace(link, site)


def forget_old(versions: Path, keep: set[Path | None]) -> None:
    """Remove every version but those in ``keep`` (also what killed builds left behind)."""
    for old in versions.iterdir():
        if old.is_dir() and not old.is_symlink() and old.resolve() not in keep:
            shutil.rmtree(old, ignore_errors=True)

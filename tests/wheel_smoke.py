"""A new organisation's first ten minutes, as a user does them, against a built wheel.

In a clean virtual environment: install the wheel, ``buurtkaart init`` in an empty folder (twice:
the second run changes nothing), add a location with ``new-locatie`` and a card with ``new``,
``buurtkaart check``, and ``mkdocs build --strict``; then every help page is in the site and no
link between its pages is broken.

Used by ``tests/test_wheel.py`` (dependencies borrowed from the running environment, no network)
and by CI (``python tests/wheel_smoke.py dist/buurtkaart-*.whl``: dependencies from the package
index, pinned by ``requirements.lock.txt``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
HELP_PAGES = ("zo-werkt-het", "vondst-toevoegen", "locatie-toevoegen", "foutmeldingen", "samen-op-pad", "opdrachten")
FIRST = ["--naam", "Woonlocatie De Linde", "--adres", "Lindelaan 3, 8011 AA Zwolle"]
FIRST += ["--coordinaten", "52.5050, 6.0950", "--zoekstraal", "1200", "--korte-naam", "de-linde"]


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def build_wheel(out: Path) -> Path:
    """``pip wheel`` of this project into ``out`` (no network: the build backend is installed).

    Built from a copy of the sources, so no ``build/`` or ``*.egg-info`` lands in the checkout.
    """
    source = out / "bron"
    source.mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", source / "pyproject.toml")
    shutil.copytree(
        ROOT / "buurtkaart_build", source / "buurtkaart_build", ignore=shutil.ignore_patterns("__pycache__")
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    (wheel,) = out.glob("buurtkaart-*.whl")
    return wheel


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without what would let this checkout's package in through the back door."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "SOURCE_DATE_EPOCH")}
    return {**env, **extra}


def make_venv(where: Path, wheel: Path, *, borrow_dependencies: bool) -> Path:
    """A new virtual environment with the wheel installed; returns its ``bin`` folder.

    Args:
        borrow_dependencies: install only the wheel (with this interpreter's pip, into a venv
            without one of its own: seconds instead of half a minute) and let the environment
            find the dependencies in the running interpreter's site-packages (offline). The
            running environment's own copy of buurtkaart is not visible there: an editable
            install is activated by a ``.pth`` file, which a path added this way does not run.
    """
    bin_dir = where / ("Scripts" if os.name == "nt" else "bin")
    if not borrow_dependencies:
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, env=clean_env())
        pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "-c", str(ROOT / "requirements.lock.txt"), str(wheel)], check=True, env=clean_env())
        return bin_dir
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, env=clean_env())
    pip = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "--quiet"]
    subprocess.run([*pip, "--no-deps", "--no-index", str(wheel)], check=True, env=clean_env())
    site = subprocess.run(
        [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
    ).stdout.strip()
    Path(site, "zz-borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return bin_dir


def run(bin_dir: Path, *args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = clean_env(NO_MKDOCS_2_WARNING="1", PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run(
        [str(bin_dir / args[0]), *args[1:]],
        cwd=cwd,
        input=stdin or "",
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} → {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def broken_links(site: Path) -> list[str]:
    """Relative links and images in the built HTML that point to no file of the site."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]+)"', html):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path or target.startswith(("#", "data:")):
                continue
            base = site if parts.path.startswith("/") else page.parent  # 404.html links from the root
            path = (base / unquote(parts.path).lstrip("/")).resolve()
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} → {target}")
    return broken


def first_ten_minutes(bin_dir: Path, work: Path) -> Path:
    """Run the whole story in ``work``; return the built site. Raises AssertionError on a failure."""
    repo = work / "onze-buurtkaart"
    version = run(bin_dir, "buurtkaart", "--version", cwd=work).stdout.strip()
    assert version == f"buurtkaart {project_version()}", version
    run(bin_dir, "buurtkaart", "init", str(repo), *FIRST, cwd=work)
    again = run(bin_dir, "buurtkaart", "init", str(repo), cwd=work)
    assert "Er is niets veranderd" in again.stdout, again.stdout
    run(bin_dir, "buurtkaart", "new-locatie", "Dagbesteding Het Anker", "--coordinaten", "52.51, 6.10", cwd=repo)
    run(bin_dir, "buurtkaart", "new", "de-linde", "bedrijven", "Bakkerij De Korenbloem", cwd=repo)
    run(bin_dir, "buurtkaart", "check", cwd=repo)
    site = work / "site"
    run(bin_dir, "python", "-m", "mkdocs", "build", "--strict", "-d", str(site), cwd=repo)
    missing = [name for name in HELP_PAGES if not (site / "help" / name / "index.html").is_file()]
    assert not missing, f"help pages missing from the site: {missing}"
    for url in ("de-linde", "dagbesteding-het-anker", "de-linde/bakkerij-de-korenbloem"):
        assert (site / url / "index.html").is_file(), url
    assert not (broken := broken_links(site)), broken
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"Buurtkaart {project_version()}" in home, "version missing from the footer"
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--werkmap", type=Path, default=Path("rooktest"))
    args = parser.parse_args()
    args.werkmap.mkdir(parents=True, exist_ok=False)
    bin_dir = make_venv(args.werkmap / "venv", args.wheel.resolve(), borrow_dependencies=False)
    site = first_ten_minutes(bin_dir, args.werkmap.resolve())
    print(f"Gelukt: {sum(1 for _ in site.rglob('*.html'))} pagina's gebouwd in {site}")


if __name__ == "__main__":
    main()

"""The package layout shows the pipeline, and an import rule keeps it that way.

core (formats, load, validate, checks, repository, geo, git history) imports nothing else of the
package; match imports core; render imports core and match; workflow imports core and match;
only the edges (the MkDocs plugin and the CLI) import everything. No import circles.
"""

from __future__ import annotations

import ast
from importlib.metadata import entry_points
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "buurtkaart_build"
ALLOWED = {
    "core": {"core"},
    "match": {"core", "match"},
    "render": {"core", "match", "render"},
    "workflow": {"core", "match", "workflow"},
    "plugin": {"core", "match", "render", "workflow", "plugin"},
    "cli": {"core", "match", "render", "workflow", "cli"},
}


def module_name(file: Path) -> str:
    parts = list(file.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_imports(file: Path) -> set[str]:
    """Every module of the package that ``file`` imports, anywhere in the file (lazy imports too)."""
    name = module_name(file)
    package = name if file.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "buurtkaart_build":
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "buurtkaart_build")
    modules = {module_name(f) for f in PACKAGE.rglob("*.py")}
    return {m for m in found if m in modules and m != name}


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_lives_in_a_stage():
    loose = [module_name(f) for f in FILES if stage(module_name(f)) not in ALLOWED]
    assert loose == ["buurtkaart_build", "buurtkaart_build.__main__"]


@pytest.mark.parametrize("file", FILES, ids=lambda f: module_name(f))
def test_import_rule(file):
    own = stage(module_name(file))
    if own not in ALLOWED:
        return  # the package's __init__ and __main__ (which starts the CLI)
    wrong = sorted(m for m in package_imports(file) if stage(m) not in ALLOWED[own])
    assert not wrong, f"{module_name(file)} ({own}) must not import {wrong}"


def test_no_import_circles():
    graph = {module_name(f): {m for m in package_imports(f) if m != module_name(f)} for f in FILES}
    # A package's __init__ is imported with each of its modules; count it as part of the graph.
    visiting, done, circles = set(), set(), []

    def visit(node: str, path: list[str]) -> None:
        if node in done:
            return
        if node in visiting:
            circles.append(path[path.index(node) :] + [node])
            return
        visiting.add(node)
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, [*path, nxt])
        visiting.discard(node)
        done.add(node)

    for module in sorted(graph):
        visit(module, [module])
    assert not circles, circles


def test_the_rule_checker_sees_a_violation(tmp_path):
    """The checker is not blind: a core module importing render is caught."""
    fake = PACKAGE / "core" / "checks.py"
    imports = package_imports(fake)
    assert "buurtkaart_build.core.geo" in imports  # relative imports are resolved
    assert all(stage(m) == "core" for m in imports)
    source = tmp_path / "x.py"
    source.write_text("from ..render.html import esc\n")
    tree = ast.parse(source.read_text())
    node = tree.body[0]
    assert isinstance(node, ast.ImportFrom) and node.level == 2 and node.module == "render.html"


def test_the_plugin_entry_point_loads():
    (plugin,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "buurtkaart"]
    assert plugin.load().__name__ == "BuurtkaartPlugin"

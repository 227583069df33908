"""The benchmark of design §8: synthetic repositories, every figure next to its budget.

    .venv/bin/python bench/run.py            # 100 / 1,000 / 10,000 cards (several minutes)
    .venv/bin/python bench/run.py --quick    # 100 cards only (CI smoke test)
    .venv/bin/python bench/run.py --json results.json --workdir /tmp/bench

For each size it generates a repository (bench/synthetic.py), commits it to git (the plugin
reads dates from git), then measures ``buurtkaart check`` (CLI and in-process) against a bare
``yaml.CSafeLoader`` parse of the same front-matter, a full ``mkdocs build`` with the plugin
against a plain Material build of one short page per card with the same text kept out of the
nav (bench/baselines.py), and at 1,000 cards how soon ``mkdocs serve`` shows a saved card
(bench/serve.py). Map size and matching are measured once, on one location with 1,000 cards
and 100 needs. Prints a Markdown table; asserts nothing (a benchmark, not a timed test).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402 - a sibling script, not a package
from baselines import YAML_PARSE, short_pages_project  # noqa: E402
from serve import measure_serve  # noqa: E402

from buurtkaart_build.core.repository import load_repository  # noqa: E402

SIZES = ((100, 1), (1_000, 10), (10_000, 100))
SERVE_CARDS = 1_000  # the size at which `mkdocs serve` is measured
QUICK_SIZES = ((100, 1),)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MB = 1_000_000
MIB = 1024 * 1024


@dataclass
class Run:
    """One finished subprocess: wall time, CPU time, peak memory, exit code, output."""

    seconds: float
    cpu: float
    peak: int  # bytes
    code: int
    stdout: str
    stderr: str


REPEAT = 1  # set by --repeat: each timed command runs this often, the fastest run counts
QUICK = False  # set by --quick: serve is then measured on the 100 cards


def best(cmd: list[str]) -> Run:
    """The fastest of :data:`REPEAT` runs (a shared machine only ever makes a run slower)."""
    runs = [run(cmd) for _ in range(REPEAT)]
    return min(runs, key=lambda r: (r.code != 0, r.seconds))


def run(cmd: list[str]) -> Run:
    """Run ``cmd``; ``os.wait4`` gives this child's own peak memory (RUSAGE_CHILDREN of one child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=out, stderr=err, env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss * 1024,  # KiB on Linux
            code,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


def mkdocs_build(project: Path) -> Run:
    return best([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")])


# --- measurements -----------------------------------------------------------------------------


def _timed(function: Callable, *args: object) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def folder_size(folder: Path, skip: str | None = None) -> int:
    return sum(
        f.stat().st_size
        for f in folder.rglob("*")
        if f.is_file() and not (skip and f.relative_to(folder).as_posix().startswith(skip))
    )


def measure_size(cards: int, locations: int, workdir: Path) -> dict:
    """Every per-size figure for one synthetic repository."""
    project = synthetic.generate(workdir / f"repo-{cards}", cards, locations)
    committed = synthetic.commit(project)
    result: dict = {"cards": cards, "locations": locations, "git": committed}
    check = best([sys.executable, "-m", "buurtkaart_build", "check", "--root", str(project), "--format", "json"])
    report = json.loads(check.stdout) if check.stdout.strip().startswith("{") else {}
    result["check_cli_s"] = check.seconds
    result["check_cli_cpu_s"] = check.cpu
    result["check_ok"] = check.code == 0
    result["check_warnings"] = len(report.get("warnings", []))
    result["check_inprocess_s"] = min(_timed(load_repository, project) for _ in range(REPEAT))

    parse = best([sys.executable, "-c", YAML_PARSE, str(project)])
    result.update(yaml_s=parse.seconds, yaml_cpu_s=parse.cpu)
    result["check_ratio"] = check.seconds / parse.seconds
    result["check_ratio_cpu"] = check.cpu / parse.cpu

    build = mkdocs_build(project)
    result.update(build_s=build.seconds, build_cpu_s=build.cpu, build_peak=build.peak, build_ok=build.code == 0)
    if build.code != 0:
        result["build_error"] = build.stderr[-2000:]
    site = project / "site"
    if site.is_dir():
        result.update(_site_figures(site, project))

    plain = workdir / f"plain-{cards}"
    short_pages_project(project, plain)
    baseline = mkdocs_build(plain)
    result.update(
        plain_s=baseline.seconds, plain_cpu_s=baseline.cpu, plain_peak=baseline.peak, plain_ok=baseline.code == 0
    )
    if baseline.code != 0:
        result["plain_error"] = baseline.stderr[-2000:]
    if result.get("plain_ok") and result.get("build_ok"):
        result["ratio"] = build.seconds / baseline.seconds
        result["ratio_cpu"] = build.cpu / baseline.cpu
    if cards in (SERVE_CARDS, QUICK_SIZES[0][0]) and (cards == SERVE_CARDS or QUICK):
        result.update(measure_serve(project, ENV))
        result.update(measure_serve(project, ENV, dirty=True))
    if not os.environ.get("BENCH_KEEP"):
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(plain, ignore_errors=True)
    return result


def _site_figures(site: Path, project: Path) -> dict:
    cards = sorted(project.glob("cards/*/*.md"))
    pages = sorted(
        (site / c.parent.name / c.stem / "index.html").stat().st_size
        for c in cards
        if (site / c.parent.name / c.stem / "index.html").is_file()
    )
    maps = [f.stat().st_size for f in site.rglob("kaart.html")]
    return {
        "site_bytes": folder_size(site),
        "pages_bytes": folder_size(site, skip="assets/"),
        "pages": sum(1 for _ in site.rglob("*.html")),
        "card_page_bytes": pages[len(pages) // 2] if pages else None,
        "map_files": len(maps),
        "map_bytes_total": sum(maps),
        "map_bytes_max": max(maps, default=0),
    }


def measure_map_and_matching(cards: int, needs: int, workdir: Path) -> dict:
    """Map data of one location with ``cards`` findings; matching ``needs`` needs against them."""
    project = synthetic.generate(workdir / f"one-location-{cards}", cards, 1, needs=needs)
    repo = load_repository(project)
    location = next(iter(repo.locations.values()))
    members = repo.cards_of(location.slug)
    result: dict = {"single_cards": len(members), "single_placed": sum(1 for c in members if c.coordinaten)}
    result["single_needs"] = len(location.behoeften)
    result.update(_map_size(location, members))
    result.update(_matching(location, members))
    return result


def _map_size(location, cards) -> dict:
    try:
        from buurtkaart_build.render import maps
        from buurtkaart_build.render.options import SiteOptions
    except ImportError:
        return {}
    out = {}
    if hasattr(maps, "location_map_data") and hasattr(maps, "script_json"):
        out["map_data_bytes"] = len(maps.script_json(maps.location_map_data(location, cards)).encode())
    if hasattr(maps, "location_map"):
        out["map_file_bytes"] = len(maps.location_map(location, cards, SiteOptions()).encode())
    return out


def _matching(location, cards) -> dict:
    try:
        from buurtkaart_build.match.engine import match_location
        from buurtkaart_build.match.vocabulary import clear_cache, default_vocabulary
        from buurtkaart_build.match.words import stem
    except ImportError:
        return {}
    stem.cache_clear()  # a fresh build starts with empty caches
    clear_cache()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        match_location(location, cards, default_vocabulary())
        times.append(time.perf_counter() - start)
    return {"match_cold_s": times[0], "match_best_s": min(times)}


# --- the report ---------------------------------------------------------------------------------


@dataclass
class Budget:
    """A figure of design §8: where to read it, when it is met, and its CPU-time twin if any."""

    text: str
    value: Callable[[dict], float | None]
    met: Callable[[float], bool]
    shown: Callable[[float], str] = field(default=lambda v: f"{v:.2f}")
    cpu: Callable[[dict], float | None] | None = None


def _at(results: dict, cards: int, key: str) -> float | None:
    return results["sizes"].get(cards, {}).get(key)


def _bytes_ratio(results: dict) -> float | None:
    small, large = _at(results, 1_000, "pages_bytes"), _at(results, 10_000, "pages_bytes")
    return (large / 10_000) / (small / 1_000) if small and large else None


def _secs(value: float) -> str:
    return f"{value:.1f} s"


def _times(value: float) -> str:
    return f"{value:.2f}×"


def _single(key: str) -> Callable[[dict], float | None]:
    """A figure of the one-location measurement, only when it had the budget's 1,000 cards."""
    return lambda r: r["single"].get(key) if r["single"].get("single_cards") == 1_000 else None


BUDGETS = {
    "check_ratio": Budget(
        "10,000 cards ≤ 2 × bare CSafeLoader parse",
        lambda r: _at(r, 10_000, "check_ratio"),
        lambda v: v <= 2,
        _times,
        lambda r: _at(r, 10_000, "check_ratio_cpu"),
    ),
    "ratio": Budget(
        "1,000 cards ≤ 1.5 × plain",
        lambda r: _at(r, 1_000, "ratio"),
        lambda v: v <= 1.5,
        _times,
        lambda r: _at(r, 1_000, "ratio_cpu"),
    ),
    "build_s": Budget(
        "10,000 / 100 loc. ≤ 30 s",
        lambda r: _at(r, 10_000, "build_s"),
        lambda v: v <= 30,
        _secs,
        lambda r: _at(r, 10_000, "build_cpu_s"),
    ),
    "build_peak": Budget(
        "10,000 ≤ 1 GiB",
        lambda r: _at(r, 10_000, "build_peak"),
        lambda v: v <= 1024 * MIB,
        lambda v: f"{v / MIB:.0f} MiB",
    ),
    "card_page_bytes": Budget(
        "≤ 10 KB (10,240 bytes)",
        lambda r: max((f.get("card_page_bytes") or 0 for f in r["sizes"].values()), default=None) or None,
        lambda v: v <= 10 * 1024,
        lambda v: f"{v:,.0f} bytes",
    ),
    "serve_reload_s": Budget(
        "1,000 cards: saved card shown ≤ 3 s",
        lambda r: _at(r, SERVE_CARDS, "serve_reload_s"),
        lambda v: v <= 3,
        _secs,
    ),
    "serve_dirty_reload_s": Budget(
        "1,000 cards, `mkdocs serve --dirty`: saved card shown ≤ 3 s",
        lambda r: _at(r, SERVE_CARDS, "serve_dirty_reload_s"),
        lambda v: v <= 3,
        _secs,
    ),
    "bytes_per_card": Budget("10,000 ≤ 1.2 × 1,000", _bytes_ratio, lambda v: v <= 1.2, _times),
    "map_data_bytes": Budget(
        "1,000 findings ≤ 400 KB", _single("map_data_bytes"), lambda v: v <= 400_000, lambda v: f"{v / 1000:.0f} KB"
    ),
    "match_cold_s": Budget(
        "100 needs × 1,000 cards ≤ 1 s", _single("match_cold_s"), lambda v: v <= 1, lambda v: f"{v:.2f} s"
    ),
}


def verdict(name: str, results: dict) -> str:
    budget = BUDGETS[name]
    value = budget.value(results)
    if value is None:
        return f"{budget.text}: not measured"
    text = f"{budget.text}: {_mark(budget, value)} {budget.shown(value)}"
    cpu = budget.cpu(results) if budget.cpu else None
    if cpu is not None:
        text += f" (CPU time: {_mark(budget, cpu)} {budget.shown(cpu)})"
    return text


def _mark(budget: Budget, value: float) -> str:
    return "✓" if budget.met(value) else "✗"


def _fmt(value, kind: str) -> str:
    if value is None:
        return "–"
    return {
        "s": lambda v: f"{v:.2f} s",
        "MiB": lambda v: f"{v / MIB:.0f} MiB",
        "MB": lambda v: f"{v / MB:.1f} MB",
        "KB": lambda v: f"{v / 1000:.0f} KB",
        "x": lambda v: f"{v:.2f}×",
        "n": lambda v: f"{v:,}",
    }[kind](value)


ROWS = (
    ("`buurtkaart check` (CLI, wall clock)", "check_cli_s", "s", None),
    ("`buurtkaart check` (CLI, CPU time)", "check_cli_cpu_s", "s", None),
    ("bare `CSafeLoader` parse of the front-matter (wall)", "yaml_s", "s", None),
    ("check ÷ bare parse (wall clock)", "check_ratio", "x", "check_ratio"),
    ("load + validate + cross-checks, in-process", "check_inprocess_s", "s", None),
    ("full `mkdocs build` with the plugin (wall)", "build_s", "s", "build_s"),
    ("plain Material, one short page per card (wall)", "plain_s", "s", None),
    ("full ÷ plain (wall clock)", "ratio", "x", "ratio"),
    ("full build, CPU time", "build_cpu_s", "s", None),
    ("plain build, CPU time", "plain_cpu_s", "s", None),
    ("full ÷ plain (CPU time)", "ratio_cpu", "x", None),
    ("`mkdocs serve`: first build shown", "serve_first_s", "s", None),
    ("`mkdocs serve`: saved card shown", "serve_reload_s", "s", "serve_reload_s"),
    ("`mkdocs serve --dirty`: saved card shown", "serve_dirty_reload_s", "s", "serve_dirty_reload_s"),
    ("peak memory, full build", "build_peak", "MiB", "build_peak"),
    ("peak memory, plain build", "plain_peak", "MiB", None),
    ("HTML pages", "pages", "n", None),
    ("typical card page (median)", "card_page_bytes", "n", "card_page_bytes"),
    ("site size", "site_bytes", "MB", None),
    ("bytes per card (site without assets/)", "bytes_per_card", "n", "bytes_per_card"),
    ("map files (kaart.html): total", "map_bytes_total", "KB", None),
    ("map files: largest", "map_bytes_max", "KB", None),
)


def table(results: dict) -> str:
    sizes = results["sizes"]
    for figures in sizes.values():
        if figures.get("pages_bytes"):
            figures["bytes_per_card"] = round(figures["pages_bytes"] / figures["cards"])
    heads = [f"{c:,} cards, {n} loc." for c, n in ((f["cards"], f["locations"]) for f in sizes.values())]
    lines = ["| | " + " | ".join(heads) + " | budget (design §8) |", "|---" * (len(heads) + 2) + "|"]
    for label, key, kind, budget in ROWS:
        cells = [_fmt(figures.get(key), kind) for figures in sizes.values()]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {verdict(budget, results) if budget else ''} |")
    lines += ["", *single_table(results)]
    return "\n".join(lines)


def single_table(results: dict) -> list[str]:
    single = results["single"]
    rows = (
        ("map data (JSON in kaart.html)", "map_data_bytes", "KB", "map_data_bytes"),
        ("whole kaart.html", "map_file_bytes", "KB", None),
        ("matching, cold caches", "match_cold_s", "s", "match_cold_s"),
        ("matching, warm (best of 3)", "match_best_s", "s", None),
    )
    title = (
        f"One location, {single.get('single_cards', 0):,} cards ({single.get('single_placed', 0):,} on the map), "
        f"{single.get('single_needs', 0)} needs:"
    )
    lines = [title, "", "| | | budget (design §8) |", "|---|---|---|"]
    for label, key, kind, budget in rows:
        lines.append(f"| {label} | {_fmt(single.get(key), kind)} | {verdict(budget, results) if budget else ''} |")
    return lines


def machine() -> dict:
    meminfo = Path("/proc/meminfo")
    lines = meminfo.read_text().splitlines() if meminfo.exists() else []
    memory = next((line.split()[1] for line in lines if line.startswith("MemTotal")), "0")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=synthetic.ROOT)
    return {
        "date": dt.datetime.now().isoformat(timespec="minutes"),
        "nproc": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit.stdout.strip(),
        "load_before": os.getloadavg(),
        "repeat": REPEAT,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Buurtkaart benchmark (design §8).")
    parser.add_argument("--quick", action="store_true", help="only 100 cards (a smoke test for CI)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--workdir", type=Path, help="generate here (kept) instead of a temporary folder")
    parser.add_argument("--repeat", type=int, default=1, help="run each timed command N times, keep the fastest")
    parser.add_argument(
        "--sizes", type=int, nargs="+", choices=[c for c, _ in SIZES], help="only these sizes (number of cards)"
    )
    args = parser.parse_args(argv)
    global REPEAT, QUICK
    REPEAT = max(1, args.repeat)
    QUICK = args.quick
    results: dict = {"machine": machine(), "sizes": {}, "single": {}}
    with tempfile.TemporaryDirectory(prefix="buurtkaart-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        sizes = QUICK_SIZES if args.quick else [(c, n) for c, n in SIZES if not args.sizes or c in args.sizes]
        for cards, locations in sizes:
            print(f"… {cards:,} cards, {locations} locations", file=sys.stderr, flush=True)
            results["sizes"][cards] = measure_size(cards, locations, workdir)
        single = 100 if args.quick else 1_000
        print(f"… map and matching, {single:,} cards", file=sys.stderr, flush=True)
        results["single"] = measure_map_and_matching(single, 100, workdir)
    results["machine"]["load_after"] = os.getloadavg()
    m = results["machine"]
    print(
        f"Buurtkaart benchmark, {m['date']}, commit {m['commit']}: {m['nproc']} CPUs, {m['memory_gib']} GiB, "
        f"Python {m['python']}, load average {m['load_before'][0]:.1f} → {m['load_after'][0]:.1f}, "
        f"best of {m['repeat']}\n"
    )
    print(table(results))
    failures = [
        f"{cards:,}: {key}"
        for cards, figures in results["sizes"].items()
        for key in ("check_ok", "build_ok", "plain_ok")
        if not figures.get(key)
    ]
    if failures:
        print("\nFailed: " + ", ".join(failures))
        for figures in results["sizes"].values():
            for key in ("build_error", "plain_error"):
                if key in figures:
                    print(f"\n{key} ({figures['cards']:,} cards):\n{figures[key]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

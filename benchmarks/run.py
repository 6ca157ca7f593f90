"""`invoke bench`: generated workloads built cold, unchanged and with one edition changed,
beside plain Pelican building as many Markdown articles, on this machine."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import workloads

HERE = Path(__file__).resolve().parent
DRAWN = "cold, every chart drawn before"


def build(data: Path, output: Path, cache: Path, script: str = "build_once.py") -> dict:
    """What `script` (a build, or the preview's builds) prints of its run."""
    return printed(script, str(data), str(output), str(cache))


def printed(script: str, *args: str) -> dict:
    """The JSON a script of this folder prints last, run in a process of its own."""
    result = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def simplest_chart() -> str:
    """What the simplest chart costs (simplest_chart.py), said in a line."""
    made = printed("simplest_chart.py")
    return (
        f"The simplest chart with two axes (three points on a line, {made['texts']} texts), on one core: "
        f"its SVG {made['svg_ms']:.1f} ms, its picture {made['png_ms']:.1f} ms."
    )


def plain_pelican(folder: Path, count: int) -> float:
    """Seconds plain Pelican (its default theme) takes to build `count` Markdown articles."""
    content = workloads.markdown_articles(folder, count)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-o",
            str(folder / "out"),
            "-q",
            "-e",
            "PLUGINS=[]",
            "FEED_ALL_ATOM=null",
            "CATEGORY_FEED_ATOM=null",
            "AUTHOR_FEED_ATOM=null",
            "AUTHOR_FEED_RSS=null",
            "TRANSLATION_FEED_ATOM=null",
            "LOAD_CONTENT_CACHE=false",
        ],
        check=True,
        capture_output=True,
        cwd=folder,
    )  # away from this project's pelicanconf.py
    return time.perf_counter() - start


def run(name: str) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        data = workloads.write(scratch / "data", name)
        files = list(data.rglob("results.csv"))
        rows = sum(1 for p in files for _ in p.open(encoding="utf-8")) - len(files)
        cache, output = scratch / "cache", scratch / "out"
        runs = {"cold": build(data, output, cache)}
        # Cold again, into a folder of its own, with a cache of the first build's charts
        # alone: what everything but the charts costs (the floor a cold build cannot go
        # under, however fast its charts were drawn).
        charts = scratch / "charts-drawn"
        shutil.copytree(cache / "rankings" / "charts", charts / "rankings" / "charts")
        runs[DRAWN] = build(data, scratch / "out-charts-drawn", charts)
        runs["no change"] = build(data, output, cache)
        workloads.change_one_score(data)
        runs["one score changed"] = build(data, output, cache)
        if name == workloads.EMBEDDED:
            preview = build(data, scratch / "preview", cache, "preview_once.py")
        else:
            preview = None
            workloads.change_one_edition(data)
            runs["one edition corrected"] = build(data, output, cache)
        pages = runs["cold"]["stages"]["pages"][0]
        plain = plain_pelican(scratch / "plain", pages)
    return {"name": name, "rows": rows, "runs": runs, "pages": pages, "plain_seconds": plain, "preview": preview}


def report(results: list[dict]) -> str:
    lines = ["| measure | " + " | ".join(r["name"] for r in results) + " |", "|---|" + "---|" * len(results)]

    def row(label, values):
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    row("result rows", [f"{r['rows']:,}" for r in results])
    for label in ("cold", DRAWN, "no change", "one score changed", "one edition corrected"):
        row(
            f"build, {label}",
            [
                "—"
                if label not in r["runs"]
                else f"{r['runs'][label]['seconds']:.1f} s"
                + (
                    ""
                    if label == "cold"
                    else f" ({100 * r['runs'][label]['seconds'] / r['runs']['cold']['seconds']:.0f}% of cold)"
                )
                for r in results
            ],
        )
    for key, label in (
        ("bloc_page", "the bloc's table reloaded"),
        ("unit_page", "the unit's page reloaded"),
        ("rebuilt", "the site on disk built again"),
    ):
        row(
            f"preview: one score saved → {label}",
            [f"{r['preview'][key]:.{1 if key == 'rebuilt' else 2}f} s" if r["preview"] else "—" for r in results],
        )
    row(
        "preview: a score saved as text → its problem known",
        [
            f"{r['preview']['problems_seconds']:.2f} s ({r['preview']['problems']} problem)" if r["preview"] else "—"
            for r in results
        ],
    )
    row("cold build per result row", [f"{1000 * r['runs']['cold']['seconds'] / r['rows']:.2f} ms" for r in results])
    row(
        "cold build per result row, every chart drawn before",
        [f"{1000 * r['runs'][DRAWN]['seconds'] / r['rows']:.2f} ms" for r in results],
    )
    row("HTML pages", [f"{r['pages']:,}" for r in results])
    row(
        "HTML pages per second (page stage)",
        [f"{r['pages'] / r['runs']['cold']['stages']['pages'][2]:.0f}" for r in results],
    )
    row(
        "plain Pelican, as many Markdown articles, per second (whole run)",
        [f"{r['pages'] / r['plain_seconds']:.0f}" for r in results],
    )

    def each(table: str, label: str, cell) -> None:
        """A row per key of a cold build's `table` ("passes", "kinds") that any workload has."""
        for key in sorted({k for r in results for k in r["runs"]["cold"][table]}):
            found = [r["runs"]["cold"][table].get(key) for r in results]
            row(label.format(key), [cell(*figures) if figures else "—" for figures in found])

    each("passes", "cold, {}: seconds (made)", lambda made, cached, seconds: f"{seconds:.1f} s ({made})")
    each(
        "kinds",
        "cold, {}: made / ms each (on one core) / of them in the kernel",
        lambda made, seconds, kernel: f"{made} / {1000 * seconds / made:.0f} ms / {1000 * kernel / made:.0f} ms",
    )
    cores = os.cpu_count() or 1
    row(
        f"cold, charts: seconds of drawing on one core, all kinds / the same over {cores} cores",
        [
            f"{spent:.1f} s / {spent / cores:.1f} s"
            for spent in (
                sum(
                    seconds for kind, (_, seconds, _) in r["runs"]["cold"]["kinds"].items() if kind.startswith("charts")
                )
                for r in results
            )
        ],
    )
    for label in ("cold", "one edition corrected"):
        row(
            f"charts rendered, {label} / ms per chart",
            [
                f"{r['runs'][label]['stages']['charts'][0]} / "
                f"{1000 * r['runs'][label]['stages']['charts'][2] / max(r['runs'][label]['stages']['charts'][0], 1):.0f} ms"
                if label in r["runs"]
                else "—"
                for r in results
            ],
        )
        row(
            f"PDFs rendered, {label} / ms per PDF",
            [
                f"{r['runs'][label]['stages']['PDFs'][0]} / "
                f"{1000 * r['runs'][label]['stages']['PDFs'][2] / max(r['runs'][label]['stages']['PDFs'][0], 1):.0f} ms"
                if label in r["runs"]
                else "—"
                for r in results
            ],
        )
    row(
        "no change: files carried from the previous site / seconds",
        [
            f"{r['runs']['no change']['stages'].get('carried', [0, 0, 0])[0]:,} / "
            f"{r['runs']['no change']['stages'].get('carried', [0, 0, 0])[2]:.2f} s"
            for r in results
        ],
    )
    row(
        "share images rendered, cold / ms per image",
        [
            f"{r['runs']['cold']['stages']['cards'][0]} / "
            f"{1000 * r['runs']['cold']['stages']['cards'][2] / max(r['runs']['cold']['stages']['cards'][0], 1):.0f} ms"
            for r in results
        ],
    )
    row(
        "pages, charts and PDFs made, no change",
        [
            " / ".join(
                str(r["runs"]["no change"]["stages"].get(stage, [0])[0]) for stage in ("pages", "charts", "PDFs")
            )
            for r in results
        ],
    )
    row("peak memory (cold)", [f"{r['runs']['cold']['peak_mib']:.0f} MiB" for r in results])
    return "\n".join(lines)


if __name__ == "__main__":
    print(report([run(name) for name in sys.argv[1:] or ["national"]]))
    print(simplest_chart())

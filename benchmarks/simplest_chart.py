"""The simplest chart with two axes, three points on a line, drawn as the site draws each
chart (the theme's look and font; vl-convert's SVG, then Typst's picture at twice the
size), in a process of its own, for `invoke bench`: about the least any chart costs here,
whatever it shows. Prints the milliseconds of each step, on one core, as JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from rankings import settings as config  # noqa: E402
from rankings.build import read_settings  # noqa: E402
from rankings.outputs import fonts, picture  # noqa: E402
from rankings.outputs.chart_svg import PNG_SCALE  # noqa: E402
from rankings.outputs.charts.theme import CONFIG  # noqa: E402

SPEC = {
    "data": {"values": [{"x": 1, "y": 2}, {"x": 2, "y": 3}, {"x": 3, "y": 1}]},
    "mark": "line",
    "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}},
    "config": CONFIG,
}


def main(repeat: int = 40) -> None:
    import vl_convert

    # The fonts the site's charts are drawn with (the chart fonts, then the fallback).
    folders = tuple(map(str, config.font_folders(read_settings(ROOT / "pelicanconf.py"))))
    fonts.register(folders[0])
    vega = vl_convert.vegalite_to_vega(SPEC)  # compiled once, as charts of one shape are
    for _ in range(5):  # the JavaScript engine and Typst warmed up, as in a worker
        picture.png(vl_convert.vega_to_svg(vega), PNG_SCALE, folders)
    start = time.perf_counter()
    for _ in range(repeat):
        svg = vl_convert.vega_to_svg(vega)
    drawn = time.perf_counter()
    for _ in range(repeat):
        picture.png(svg, PNG_SCALE, folders)
    pictured = time.perf_counter()
    print(
        json.dumps(
            {
                "svg_ms": 1000 * (drawn - start) / repeat,
                "png_ms": 1000 * (pictured - drawn) / repeat,
                "texts": svg.count("<text"),
            }
        )
    )


if __name__ == "__main__":
    main()

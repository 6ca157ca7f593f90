"""Charts to static SVG with vl-convert, through the engine: cached by the chart's inputs
(so a cached chart's spec is never even built) and by everything else that shapes the
SVG (the drawing code, the vl-convert version, the fonts, the number format)."""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from pathlib import Path

from babel.numbers import get_decimal_symbol, get_group_symbol

from . import fonts, spreadsheet
from .charts import FILES, Chart
from .engine import Engine, salt

POOL_FROM = 60  # fewer misses than this render faster here than in fresh worker processes
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
_COUNTER = re.compile(r"_\d+$")
_NAMED_MARK = re.compile(r'<(path|rect|circle|line)( [^>]*?aria-label="([^"]*)"[^>]*?)/>')
_COORDINATE = re.compile(r"(?<=[ML,])(-?\d+\.\d)\d+")
_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"')


def number_format(locale: str) -> dict:
    """d3-format's locale from Babel's (d3 has none for vi-VN)."""
    return {
        "decimal": get_decimal_symbol(locale),
        "thousands": get_group_symbol(locale),
        "grouping": [3],
        "currency": ["", ""],
    }


def _render(chart: Chart, locale: str) -> tuple[str, str]:
    """The chart's SVG, its ids prefixed with the chart's so that several charts can be
    inlined in one page, and its data as CSV."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(chart.spec, format_locale=number_format(locale))
    svg = _COORDINATE.sub(r"\1", svg)  # a tenth of a pixel is detail enough (a map has thousands of vertices)
    return _prefix_ids(_titled(svg), f"bd-{chart.id}"), spreadsheet.safe_frame(chart.table).to_csv(
        index=False, lineterminator="\n"
    )


def _inputs(chart: Chart) -> str:
    return chart.inputs


def chart_engine(font_folder: Path, cache_folder: Path, locale: str) -> Engine:
    import vl_convert

    return Engine(
        functools.partial(_render, locale=locale),
        _inputs,
        cache_folder,
        salt(
            vl_convert.__version__,
            json.dumps(number_format(locale)),
            files=[*FILES, Path(__file__), Path(spreadsheet.__file__), *fonts.files(font_folder)],
        ),
        (".svg", ".csv"),
        POOL_FROM,
        functools.partial(fonts.register, str(font_folder)),
    )


def _titled(svg: str) -> str:
    """Each described mark (a bar, a point, a province) also carries its description as
    its <title>: the text a pointer shows on hover, where Vega's own tooltips need script."""
    return _NAMED_MARK.sub(r"<\1\2><title>\3</title></\1>", svg)


def drawn_size(svg: str) -> tuple[int, int]:
    """The width and height vl-convert drew the chart at, in pixels (the page sizes its
    frame and the embed code by them)."""
    width, height = _SIZE.search(svg).groups()
    return int(float(width)), int(float(height))


def _prefix_ids(markup: str, prefix: str) -> str:
    """Ids prefixed, so that several charts can share a page; and numbered within the
    chart, since Vega numbers some (gradient_7) by a counter of the process that drew
    it, which would make the same chart's SVG depend on what was drawn before it."""
    names, counts = {}, Counter()
    for old in dict.fromkeys(_ID.findall(markup)):  # in order of first appearance
        stem = _COUNTER.sub("", old)
        names[old] = f"{prefix}-{stem}_{counts[stem]}" if stem != old else f"{prefix}-{old}"
        counts[stem] += 1
    return _REFERENCE.sub(lambda m: m.group(1) + names.get(m.group(2), m.group(2)), markup)

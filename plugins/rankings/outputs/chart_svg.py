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

from ..site.addresses import CHART_IDS
from . import fonts, picture, spreadsheet
from .charts import FILES, Chart
from .engine import Engine, salt

POOL_FROM = 60  # fewer misses than this render faster here than in fresh worker processes
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
_COUNTER = re.compile(r"_\d+$")
_NAMED_MARK = re.compile(r'<(path|rect|circle|line)( [^>]*?aria-label="([^"]*)"[^>]*?)/>')
_COORDINATE = re.compile(r"(?<=[ML,])(-?\d+\.\d)\d+")
# What Vega writes that draws nothing: a move by nothing, full opacity, and the empty
# background and foreground paths of groups that have neither fill nor stroke.
_NO_OP = re.compile(
    r' transform="translate\(0,0\)"| opacity="1"(?=[ />])'
    r'|<path class="(?:back|fore)ground" aria-hidden="true" d="[^"]*"(?: pointer-events="none")?(?: display="none")?/>'
)
_FONT = re.compile(r' font-family="([^"]*)"')
_POLYLINE = re.compile(r'(?<= d=")((?:[ML]-?\d+(?:\.\d)?,-?\d+(?:\.\d)?|Z)+)(?=")')
_VERTEX = re.compile(r"([MLZ])(?:(-?[\d.]+),(-?[\d.]+))?")


def number_format(locale: str) -> dict:
    """d3-format's locale from Babel's (d3 has none for vi-VN)."""
    return {
        "decimal": get_decimal_symbol(locale),
        "thousands": get_group_symbol(locale),
        "grouping": [3],
        "currency": ["", ""],
    }


PNG_SCALE = 2  # a picture for an article: twice the size the page draws it at,
PNG_PIXELS = 4_000_000  # up to this many pixels: a bloc of 240 units, drawn at 2x, would take 34 MB a copy


def _render(chart: Chart, locale: str, font_folders: tuple[str, ...]) -> tuple[str, str, bytes]:
    """The chart's SVG, its ids prefixed with the chart's so that several charts can be
    inlined in one page; its data as CSV; and its picture as PNG, for tools that take no
    SVG (drawn from the SVG: the same drawing, not a second one)."""
    # a tenth of a pixel is detail enough (a map has thousands of vertices)
    svg = _COORDINATE.sub(r"\1", _svg(chart, locale))
    table = spreadsheet.safe_frame(chart.table).to_csv(index=False, lineterminator="\n")
    svg = _prefix_ids(_titled(_compact(svg)), f"bd-{chart.id}")
    width, height = drawn_size(svg)
    scale = min(PNG_SCALE, (PNG_PIXELS / (width * height)) ** 0.5)
    return svg, "\ufeff" + table, _png(picture.png(svg, scale, font_folders))


def _svg(chart: Chart, locale: str) -> str:
    """The chart drawn by vl-convert. A shape many charts share (chart.shape) is compiled
    from Vega-Lite to Vega once a process, and each chart's data and text alternative put
    into its copy (the compile is 6–8 ms of the 40–55 ms a unit's trend chart takes)."""
    import vl_convert

    shape = chart.shape
    if shape is None:
        return vl_convert.vegalite_to_svg(chart.spec, format_locale=number_format(locale))
    named = chart.datasets
    vega = json.loads(_compiled(shape, tuple(named)))
    for data in vega["data"]:
        if data["name"] in named:
            data["values"] = named[data["name"]]
    if chart.caption:  # as Vega-Lite gives it: no description where it is empty
        vega["description"] = chart.caption
    return vl_convert.vega_to_svg(vega, format_locale=number_format(locale))


@functools.lru_cache(maxsize=32)
def _compiled(shape: str, names: tuple[str, ...]) -> str:
    """A shape's Vega spec, as JSON, the data it names empty (each chart gets its own
    copy); what the shape carries itself (a break's year, from the parameters) kept."""
    import vl_convert

    spec = json.loads(shape)
    spec.setdefault("datasets", {}).update(dict.fromkeys(names, []))
    return json.dumps(vl_convert.vegalite_to_vega(spec))


def _png(drawn: bytes) -> bytes:
    """The picture in 256 colours (Pillow): a chart's flat fills and its text's edges need
    no more, and the file is a sixth of the size (a bump chart 1 MB → 150 kB)."""
    import io

    from PIL import Image

    picture = Image.open(io.BytesIO(drawn)).convert("RGB")
    out = io.BytesIO()
    picture.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG")
    return out.getvalue()


@functools.cache
def ready(font_folders: tuple[str, ...]) -> None:
    """The fonts registered and the drawing libraries loaded, once a process, before its
    first chart: Altair, vl-convert's first drawing, which starts its JavaScript engine,
    and Typst's fonts for the pictures (0.6 s in all where Altair is loaded already, as in
    a worker; a preview pays it after its first build, not on a save). vl-convert draws
    with the first folder's fonts."""
    import altair  # noqa: F401 (what a chart's spec is built with)
    import vl_convert

    fonts.register(font_folders[0])
    svg = vl_convert.vegalite_to_svg({"mark": "point"})
    picture.png(svg, 1, font_folders)


def _inputs(chart: Chart) -> str:
    return chart.inputs


def chart_engine(font_folders: tuple[Path, ...], cache_folder: Path, locale: str) -> Engine:
    """Charts drawn with the fonts of the first of `font_folders`; their pictures with all
    of them, the others for characters the first lack (as a browser would)."""
    import typst
    import vl_convert

    names = tuple(map(str, font_folders))
    return Engine(
        functools.partial(_render, locale=locale, font_folders=names),
        _inputs,
        cache_folder,
        salt(
            vl_convert.__version__,
            typst.__version__,
            json.dumps(number_format(locale)),
            files=[
                *FILES,
                Path(__file__),
                Path(spreadsheet.__file__),
                Path(picture.__file__),
                *fonts.files(*font_folders),
            ],
        ),
        (".svg", ".csv", ".png"),
        POOL_FROM,
        functools.partial(ready, names),
        kind=chart_kind,
    )


def chart_kind(chart: Chart) -> str:
    """The kind of a chart ("trend", "map"), by the end of its id."""
    return next((kind for kind, name in CHART_IDS.items() if chart.id.endswith(name)), "other")


def _compact(svg: str) -> str:
    """The same drawing in fewer bytes (a page inlines a map and a 63-line chart): no
    element or attribute that draws nothing, the text's font said once on the root (an
    inherited property), and outlines as relative moves."""
    svg = _NO_OP.sub("", svg)
    fonts_used = Counter(_FONT.findall(svg))
    if fonts_used:
        font = fonts_used.most_common(1)[0][0]
        svg = svg.replace(f' font-family="{font}"', "").replace("<svg ", f'<svg font-family="{font}" ', 1)
    return _POLYLINE.sub(lambda m: _relative(m.group(1)), svg)


def _relative(path: str) -> str:
    """An outline of absolute moves and lines (M, L, Z), each vertex as a move from the one
    before it: the same points, in tenths of a pixel, in about two thirds of the text."""
    out, pen, start, drawing = [], (0, 0), (0, 0), False
    for command, x, y in _VERTEX.findall(path):
        if command == "Z":
            out.append("Z")
            pen, drawing = start, False
            continue
        point = (round(float(x) * 10), round(float(y) * 10))
        if command == "M":
            out.append("M" + _pair(point))
            start, drawing = point, False
        else:
            step = _pair((point[0] - pen[0], point[1] - pen[1]))
            out.append(step if drawing and step[0] == "-" else ("," if drawing else "l") + step)
            drawing = True
        pen = point
    return "".join(out)


def _pair(tenths: tuple[int, int]) -> str:
    x, y = (_tenths(n) for n in tenths)
    return x + (y if y[0] == "-" else "," + y)


def _tenths(n: int) -> str:
    whole, tenth = divmod(abs(n), 10)
    text = str(whole) if not tenth else f"{whole or ''}.{tenth}"
    return "-" + text if n < 0 else text


def _titled(svg: str) -> str:
    """Each described mark (a bar, a point, a province) also carries its description as
    its <title>: the text a pointer shows on hover, where Vega's own tooltips need script."""
    return _NAMED_MARK.sub(r"<\1\2><title>\3</title></\1>", svg)


def drawn_size(svg: str) -> tuple[int, int]:
    """The width and height vl-convert drew the chart at, in pixels (the page sizes its
    frame and the embed code by them)."""
    width, height = picture.size(svg)
    return int(width), int(height)


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

"""The charts' look, shared by every kind: one palette (with what each colour becomes in
high contrast, the rules site.css carries), the site's font and sizes, the Vega-Lite
config, and the axes and channels every chart draws the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...site.tables import rank_ticks

if TYPE_CHECKING:
    import altair as alt

FONT = "Be Vietnam Pro, Noto Sans, Arial, sans-serif"  # the theme's font, shipped and registered
INK, MUTED, LINE, GRID, ACCENT = "#1b1f24", "#4a5560", "#d5dbe1", "#eef1f4", "#0b4f8a"
LIGHT = "#5fa2d4"  # a second line (scores under ranks, the bump chart's many lines)
MISSING = "#e4e7eb"  # a province the source does not give
TIER_COLOURS = ["#1f5f99", "#5fa2d4", "#e8a25a", "#b2182b", "#6b4f9e", "#7a7a7a"]  # best first
UNKNOWN_TIER = "#7a7a7a"  # a unit whose tier the source does not give
# Classes of rank on a map, best first (ColorBrewer's Blues); in high contrast a ramp of
# light colours that each stand out on black and from their neighbours.
RANK_COLOURS = ["#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef"]
RANK_COLOURS_CONTRAST = ["#ffff00", "#ffd23f", "#ffa64d", "#ff7f66", "#ff66b3", "#d98cff", "#a6b8ff"]
MEDIAN, BEST = "#e8a25a", "#6b4f9e"  # the bloc's median and best, beside a unit's criteria
BACKGROUND = "white"

# What each colour of the palette becomes in high contrast (yellow and white on black):
# site.css recolours the inline SVGs by these rules, no second drawing needed. A test
# holds the stylesheet to `contrast_rules()` and every drawn colour to this table.
HIGH_CONTRAST = {
    BACKGROUND: "#000",
    INK: "#fff",
    MUTED: "#fff",
    LINE: "#fff",
    GRID: "#555",
    ACCENT: "#ffff00",
    "#1f5f99": "#ffff00",
    LIGHT: "#7fd4ff",
    "#e8a25a": "#ffb86b",
    "#b2182b": "#ff7b7b",
    "#6b4f9e": "#c9a7ff",
    "#7a7a7a": "#bdbdbd",
    MISSING: "#666",
    **dict(zip(RANK_COLOURS, RANK_COLOURS_CONTRAST)),
}

WIDTH = 320  # plot area: with its axes about 390 px, drawn near 1:1 on a phone, so the text stays readable
LABEL_LINE = 14  # px between the lines of labels stacked above a plot

CONFIG = {
    "font": FONT,
    "axis": {
        "labelColor": MUTED,
        "titleColor": INK,
        "gridColor": GRID,
        "domainColor": LINE,
        "tickColor": LINE,
        "labelFontSize": 12,
        "titleFontSize": 12,
        "titleFontWeight": 600,
        # No axis label is cut by its measured width: checking a label against a limit
        # measures it once more, and vl-convert measures by laying out each glyph (a
        # seventh of a trend chart). Names are cut by characters instead (`labels`).
        "labelLimit": 0,
    },
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": INK, "titleColor": INK},
    "title": {"fontSize": 14, "anchor": "start", "color": INK, "fontWeight": 700},
    "view": {"stroke": None},
    # Vega-Lite's points are see-through by default (opacity 0.7). As the fill's opacity
    # they look the same (a point has no stroke), and resvg draws them straight onto the
    # picture, where an element's opacity costs a layer the size of the picture each:
    # a 63-line bump chart's PNG took 2.3 s, and takes 0.5 s.
    "point": {"opacity": 1, "fillOpacity": 0.7},
}


def contrast_rules() -> str:
    """The stylesheet's high-contrast rules for the charts, one per colour and attribute."""
    return "\n".join(
        f'html.high-contrast .chart-svg svg [{attribute}="{colour}"] {{ {attribute}: {replacement}; }}'
        for colour, replacement in HIGH_CONTRAST.items()
        for attribute in ("fill", "stroke")
    )


def configure(chart: alt.TopLevelMixin, description: str) -> dict:
    """The Vega-Lite spec with the site's look. Built without Altair's per-call validation
    (tests validate every spec against the schema), which would cost more than rendering."""
    spec = chart.to_dict(validate=False)
    spec.pop("$schema", None)  # the renderer knows its Vega-Lite version; keeps specs stable
    spec.update(description=description, config=CONFIG, background=BACKGROUND, padding=8)
    return spec


SAID = "said"  # columns named so (said, said_score…) hold each value mark's reading in words


def described(column: str = SAID) -> alt.Description:
    """Each mark's description from its row: the name screen readers and a pointer's hover
    (its <title>) and tap (charts.js) give it, in place of Vega's list of every encoded
    field (plotting ids among them). Marks that carry no value of their own (lines,
    rules, labels) are drawn with aria=False and described by nothing."""
    import altair as alt

    return alt.Description(f"{column}:N")


def field(channel, name: str, kind: str, headers: dict[str, str], **options):
    """A channel of the data's column `name` (an ASCII id, so that no translated word is
    read by Vega as a path: "no. of units"), titled with the column's header in the
    page's language. Where the axis or legend shows no title (`title=None`), the header
    still names the value to screen readers: Vega writes it into each mark's label."""
    import altair as alt

    if "title" in options and options["title"] is None:
        guide, kind_of_guide = ("axis", alt.Axis) if channel in (alt.X, alt.Y) else ("legend", alt.Legend)
        shown = options.get(guide, alt.Undefined)
        if shown is not None:
            given = {} if shown is alt.Undefined else shown.to_dict()
            options[guide] = kind_of_guide(**{**given, "title": None})
        del options["title"]
    options.setdefault("title", headers[name])
    return channel(f"{name}:{kind}", **options)


def year_axis() -> alt.Axis:
    """Years across: a label that would print over its neighbour is left out (60 editions
    on a phone keep every few years)."""
    import altair as alt

    return alt.Axis(labelAngle=0, labelOverlap="greedy", labelSeparation=6)


def labels(characters: int) -> alt.Axis:
    """Axis labels cut at a number of characters. Vega's labelLimit cuts by measured
    width, measuring each label many times: 0.7 s of a 1 s chart of 80 units."""
    import altair as alt

    return alt.Axis(labelExpr=f"truncate(datum.label, {characters})")


def rank_axis(bottom: int) -> alt.Axis:
    import altair as alt

    return alt.Axis(format="d", values=rank_ticks(bottom))


def rank_scale(bottom: int) -> alt.Scale:
    """Rank 1 at the top, down to `bottom`."""
    import altair as alt

    return alt.Scale(reverse=True, domain=[1, bottom], nice=False)

"""Charts, built with Altair from the loaded data. Each page's chart is made in two pure
steps: a function of what the page shows gives its data, parameters and text alternative
(a Chart), and a draw_* function turns those into an Altair chart. Rendering to SVG, and
caching by the inputs, is chart_svg.py's job."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import altair as alt
import pandas as pd

from ..data.model import Agency, Dataset, Portal
from ..site.i18n import Language
from ..site.views import BlocTable, UnitEdition, UnitHistory, bloc_over_time
from .geo import ARCHIPELAGOS, boundaries, codes, topology, version

FONT = "Be Vietnam Pro, Noto Sans, Arial, sans-serif"  # the theme's font, shipped and registered
INK, MUTED, LINE, ACCENT = "#1b1f24", "#4a5560", "#d5dbe1", "#0b4f8a"
MISSING = "#e4e7eb"  # a province the source does not give
TIER_COLOURS = ["#1f5f99", "#5fa2d4", "#e8a25a", "#b2182b", "#6b4f9e", "#7a7a7a"]  # best first
WIDTH = 320  # plot area: with its axes about 390 px, drawn near 1:1 on a phone, so the text stays readable
LABEL_LINE = 14  # px between the lines of labels stacked above a plot
BOUNDARIES = "ranh-gioi"  # the name a map's spec gives its province boundaries
# A bump chart names its units up to this many (63 provinces, 22 ministries): more names
# than this make a chart taller than any screen, and cost a second each to set.
NAMED_UP_TO = 100
# Years across: a label that would print over its neighbour is left out (60 editions on a
# phone keep every few years).
YEAR_AXIS = alt.Axis(labelAngle=0, labelOverlap="greedy", labelSeparation=6)


def _labels(characters: int) -> alt.Axis:
    """Axis labels cut at a number of characters. Vega's labelLimit cuts by measured
    width, measuring each label many times: 0.7 s of a 1 s chart of 80 units."""
    return alt.Axis(labelLimit=0, labelExpr=f"truncate(datum.label, {characters})")


@dataclass(frozen=True)
class Chart:
    """A chart as its inputs: the data, the parameters and a pure drawing function. The
    spec is built from these alone, so they are also the chart's cache key (chart_svg.py)."""

    id: str  # used for the file of its data and for element ids
    title: str
    caption: str  # the text alternative: what the chart shows, with its main figures
    data: pd.DataFrame  # the data behind it, offered for download
    params: dict  # every other input of the drawing, JSON-able
    draw: Callable[[pd.DataFrame, dict], alt.TopLevelMixin]
    series: str = ""  # on a unit's page of a portal, the series whose section shows it

    @property
    def spec(self) -> dict:
        """The Vega-Lite spec, from Altair. A map's boundaries are added after Altair, which
        would walk their 0.6 MB of coordinates for 2 s (the drawing names them only)."""
        spec = _configure(self.draw(self.data, self.params), self.caption)
        if "boundaries" in self.params:
            spec.setdefault("datasets", {})[BOUNDARIES] = topology(self.params["boundaries"])
        return spec

    @functools.cached_property
    def inputs(self) -> str:
        """Everything the spec is made from, as text to hash."""
        return json.dumps(
            [
                self.id,
                self.draw.__name__,
                self.caption,
                self.params,
                self.data.to_json(orient="split", force_ascii=False),
            ],
            sort_keys=True,
            ensure_ascii=False,
            default=str,
        )


CONFIG = {
    "font": FONT,
    "axis": {
        "labelColor": MUTED,
        "titleColor": INK,
        "gridColor": "#eef1f4",
        "domainColor": LINE,
        "tickColor": LINE,
        "labelFontSize": 12,
        "titleFontSize": 12,
        "titleFontWeight": 600,
    },
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": INK, "titleColor": INK},
    "title": {"fontSize": 14, "anchor": "start", "color": INK, "fontWeight": 700},
    "view": {"stroke": None},
}


def _configure(chart: alt.TopLevelMixin, description: str) -> dict:
    """The Vega-Lite spec with the site's look. Built without Altair's per-call validation
    (tests validate every spec against the schema), which would cost more than rendering."""
    spec = chart.to_dict(validate=False)
    spec.pop("$schema", None)  # the renderer knows its Vega-Lite version; keeps specs stable
    spec.update(description=description, config=CONFIG, background="white", padding=8)
    return spec


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# -- unit page -------------------------------------------------------------------------


def _prefix(dataset: Dataset) -> str:
    """A unit's charts are one pair per series: their ids say which (none in a one-series site)."""
    return f"{dataset.id}-" if dataset.id else ""


def unit_trend(dataset: Dataset, agency: Agency, entries: list[UnitEdition], _: Language) -> Chart | None:
    """Rank (reversed axis: 1 at the top) and score across one series' editions, with gaps
    where the unit has no rank and breaks where the methodology changed. A bloc recast on
    a later year's units is left out where the unit was also ranked as evaluated: the
    line follows one bloc."""
    entries = [e for e in entries if e.table.bloc.id not in e.edition.methodology.units_as_of] or entries
    by_year = {e.edition.year: e for e in entries}
    ranked = [e for e in entries if e.result.rank is not None]
    if not ranked:
        return None
    col = {
        "year": _("năm"),
        "rank": _("hạng"),
        "out_of": _("trên tổng số"),
        "segment": _("đoạn"),
        "score": _("điểm (% tối đa)"),
        "bloc": _("khối"),
        "status": _("trạng thái"),
        "label": _("nhãn"),
    }
    first, last = min(by_year), max(by_year)
    rows, segment, breaks = [], 0, []
    years = [y for y in sorted(dataset.editions) if first <= y <= last]
    crowded = len(years) > 6  # "x/N" over every point would run into its neighbours': on the last one only
    sparse = len(years) > 12  # even a rank over every point would: the last point's alone (the caption has all)
    for year in years:
        edition = dataset.editions[year]
        if year != first and not edition.methodology.comparable_with_previous:
            breaks.append(str(year))
            segment += 1
        entry = by_year.get(year)
        rank = entry.result.rank if entry else None
        if rank is None:
            segment += 1
        m = edition.methodology
        score = entry.result.score if entry else None
        share = float(score / m.score_max * 100) if score is not None and m.score_max else None
        size = entry.table.size if entry and rank is not None else None
        rows.append(
            {
                col["year"]: str(year),
                col["rank"]: rank,
                col["out_of"]: size,
                col["label"]: (
                    None
                    if rank is None
                    else ""
                    if sparse and year != last
                    else f"{rank}/{size}"
                    if size and (year == last or not crowded)
                    else str(rank)
                ),
                col["segment"]: segment,
                col["score"]: share,
                col["bloc"]: entry.table.bloc.name if entry else None,
                col["status"]: (
                    _("không đánh giá")
                    if entry and not entry.result.rated
                    else _("có hạng")
                    if rank is not None
                    else _("không có hạng")
                ),
            }
        )
    frame = pd.DataFrame(rows)
    said = "; ".join(
        _(
            "%(year)s: hạng %(rank)s",
            year=e.edition.year,
            rank=f"{e.result.rank}/{e.table.size}" if e.table.size else e.result.rank,
        )
        for e in sorted(ranked, key=lambda e: e.edition.year)
    )
    partial = [str(e.edition.year) for e in sorted(ranked, key=lambda e: e.edition.year) if not e.table.size]
    missing = [r[col["year"]] for r in rows if r[col["rank"]] is None]
    caption = _("Thứ hạng của %(unit)s qua các năm — %(ranks)s.", unit=agency.name, ranks=said)
    if missing:
        caption += " " + _("Không có hạng: %(years)s.", years=", ".join(missing))
    if breaks:
        caption += " " + _("Phương pháp thay đổi từ năm %(years)s.", years=", ".join(breaks))
    # Said on the chart too: a rank of an incomplete table has no "of N".
    note = _("Bảng chưa đầy đủ, không rõ tổng số đơn vị: %(years)s.", years=", ".join(partial)) if partial else ""
    if note:
        caption += " " + note
    title = _("Thứ hạng qua các năm")
    text = {
        "title": title,
        "rank": _("Hạng"),
        "score": _("Điểm, % tối đa"),
        "break": _("Đường đứt: phương pháp thay đổi từ năm %(years)s.", years=", ".join(breaks)),
        "score_title": _("Điểm (quy về % điểm tối đa của từng năm)"),
        "note": note,
    }
    return Chart(
        f"{_prefix(dataset)}thu-hang-qua-cac-nam",
        title,
        caption,
        frame,
        {"breaks": breaks, "col": col, "text": text},
        draw_trend,
        dataset.id,
    )


def draw_trend(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    col, text = params["col"], params["text"]
    year, rank, score_col = col["year"], col["rank"], col["score"]
    x = alt.X(f"{year}:O", title=None, scale=alt.Scale(domain=list(frame[year])), axis=YEAR_AXIS)
    base = alt.Chart(frame).encode(x=x)
    bottom = _bottom(frame, col)
    rank_y = alt.Y(
        f"{rank}:Q",
        title=text["rank"],
        scale=alt.Scale(reverse=True, domain=[1, bottom], nice=False),
        axis=alt.Axis(format="d", values=_rank_ticks(bottom)),
    )
    known = base.transform_filter(f"datum['{rank}'] != null")
    layers = [
        known.mark_line(color=ACCENT, strokeWidth=2).encode(y=rank_y, detail=alt.Detail(f"{col['segment']}:N")),
        known.mark_point(filled=True, size=70, color=ACCENT).encode(
            y=rank_y, tooltip=[alt.Tooltip(f"{year}:O"), alt.Tooltip(f"{rank}:Q"), alt.Tooltip(f"{col['bloc']}:N")]
        ),
        known.mark_text(align="left", dx=7, dy=-8, fontSize=12, color=INK).encode(
            y=rank_y, text=alt.Text(f"{col['label']}:N")
        ),
    ]
    if params["breaks"]:
        layers.append(
            alt.Chart(pd.DataFrame({year: params["breaks"]})).mark_rule(strokeDash=[4, 3], color=MUTED).encode(x=x)
        )
    # What the dashed lines and the missing "of N" mean, above the plot, where no point's label can be.
    notes = [n for n in (text["break"] if params["breaks"] else "", text["note"]) if n]
    chart = alt.layer(*layers).properties(
        width=WIDTH,
        height=200,
        title=alt.TitleParams(text["title"], subtitle=notes or alt.Undefined, subtitleColor=MUTED, subtitleFontSize=11),
    )
    if frame[score_col].notna().sum() >= 2:  # one point is no trend
        score = base.transform_filter(f"datum['{score_col}'] != null").encode(
            y=alt.Y(f"{score_col}:Q", title=text["score"], scale=alt.Scale(domain=[0, 100]))
        )
        chart = alt.vconcat(
            chart,
            alt.layer(
                score.mark_line(color="#5fa2d4", strokeWidth=2).encode(detail=alt.Detail(f"{col['segment']}:N")),
                score.mark_point(filled=True, size=60, color="#1f5f99"),
            ).properties(width=WIDTH, height=120, title=text["score_title"]),
        )
    return chart


def _bottom(frame: pd.DataFrame, col: dict) -> int:
    """The rank axis runs from 1 to the largest bloc size shown (N of "x/N"); where no size
    is known, to the lowest rank drawn (at least 3, so a leader's line is not alone)."""
    sizes = frame[col["out_of"]].dropna()
    return max(int(frame[col["rank"]].max()), 3, int(sizes.max()) if len(sizes) else 0)


def _rank_ticks(bottom: int) -> list[int]:
    """Whole ranks, each once: every rank on a short axis, 1 and round ranks and the last on a long one."""
    if bottom <= 10:
        return list(range(1, bottom + 1))
    step = 5 if bottom <= 30 else 10
    ticks = [1] + list(range(step, bottom + 1, step))
    return ticks + [bottom] if bottom - ticks[-1] >= step / 2 else ticks[:-1] + [bottom]


def unit_criteria(dataset: Dataset, agency: Agency, entries: list[UnitEdition], _: Language) -> Chart | None:
    """The unit's criteria in the series' latest edition with criteria, against the bloc median."""
    entry = next(
        (e for e in entries if any(line.value is not None and line.median is not None for line in e.criteria)), None
    )
    if entry is None:
        return None
    lines = [line for line in entry.criteria if line.value is not None and line.median is not None]
    relative = all(line.criterion.max for line in lines)
    col = {
        "criterion": _("tiêu chí"),
        "unit": _("đơn vị"),
        "median": _("trung vị khối"),
        "best": _("cao nhất khối"),
        "series": _("chuỗi"),
        "value": _("giá trị"),
    }

    def shown(value: Decimal, line) -> float:
        return float(value / line.criterion.max * 100) if relative else float(value)

    frame = pd.DataFrame(
        [
            {
                col["criterion"]: line.criterion.name,
                col["unit"]: shown(line.value, line),
                col["median"]: shown(line.median, line),
                col["best"]: shown(line.best, line),
            }
            for line in lines
        ]
    )
    decimals = entry.edition.methodology.decimals
    above = sum(1 for line in lines if line.value > line.median)
    # Each message in a call of its own: Babel's extractor does not see one nested in another's arguments.
    values = [
        _(
            "%(criterion)s %(value)s (trung vị %(median)s, cao nhất %(best)s)",
            criterion=line.criterion.name,
            value=_.score(line.value, decimals),
            median=_.score(line.median, decimals),
            best=_.score(line.best, decimals),
        )
        for line in lines
    ]
    caption = _(
        "Năm %(year)s, %(unit)s cao hơn trung vị của khối %(bloc)s ở %(above)s/%(total)s tiêu chí: %(values)s.",
        year=entry.edition.year,
        unit=agency.name,
        bloc=entry.table.bloc.name,
        above=above,
        total=len(lines),
        values="; ".join(values),
    )
    title = _("Tiêu chí so với trung vị và cao nhất của khối")
    text = {
        "axis": _("% điểm tối đa của tiêu chí") if relative else _("Điểm"),
        "title": _("Tiêu chí năm %(year)s so với khối", year=entry.edition.year),
    }
    return Chart(
        f"{_prefix(dataset)}tieu-chi-so-voi-trung-vi",
        title,
        caption,
        frame,
        {"unit": agency.label, "relative": relative, "col": col, "text": text},
        draw_criteria,
        dataset.id,
    )


def draw_criteria(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    col, text, unit_name = params["col"], params["text"], params["unit"]
    criterion, series, value = col["criterion"], col["series"], col["value"]
    long = frame.melt(criterion, var_name=series, value_name=value).replace({col["unit"]: unit_name})
    x = alt.X(
        f"{value}:Q", title=text["axis"], scale=alt.Scale(domain=[0, 100]) if params["relative"] else alt.Undefined
    )
    y = alt.Y(f"{criterion}:N", title=None, sort=None, axis=_labels(30))
    colour = alt.Color(
        f"{series}:N",
        title=None,
        scale=alt.Scale(domain=[unit_name, col["median"], col["best"]], range=[ACCENT, "#e8a25a", "#6b4f9e"]),
        legend=alt.Legend(orient="top"),
    )
    return alt.layer(
        alt.Chart(frame)
        .mark_rule(color=LINE, strokeWidth=2)
        .encode(y=y, x=alt.X(f"{col['unit']}:Q"), x2=alt.X2(f"{col['median']}:Q")),
        alt.Chart(frame)
        .mark_rule(color=LINE, strokeWidth=1, strokeDash=[2, 2])
        .encode(y=y, x=alt.X(f"{col['median']}:Q"), x2=alt.X2(f"{col['best']}:Q")),
        alt.Chart(long)
        .mark_point(filled=True, size=90)
        .encode(
            y=y,
            x=x,
            color=colour,
            shape=alt.Shape(f"{series}:N", legend=None),
            tooltip=[
                alt.Tooltip(f"{criterion}:N"),
                alt.Tooltip(f"{series}:N"),
                alt.Tooltip(f"{value}:Q", format=".1f"),
            ],
        ),
    ).properties(width=WIDTH - 120, height=max(60, 28 * len(frame)), title=text["title"])


# -- edition page ----------------------------------------------------------------------


def tier_distribution(tables: list[BlocTable], _: Language) -> Chart | None:
    """Units per tier in each bloc, as counts and shares (stacked, best tier first)."""
    col = {"bloc": _("khối"), "tier": _("mức"), "order": _("thứ tự"), "count": _("số đơn vị"), "share": _("tỷ lệ (%)")}
    rows = []
    for t in tables:
        for order, (tier, count) in enumerate(t.tiers):
            if t.tier_total:
                rows.append(
                    {
                        col["bloc"]: t.bloc.name,
                        col["tier"]: tier,
                        col["order"]: order,
                        col["count"]: count,
                        col["share"]: round(100 * count / t.tier_total, 1),
                    }
                )
    if not rows or not any(r[col["count"]] for r in rows):
        return None
    frame = pd.DataFrame(rows)
    caption = _(
        "Số đơn vị theo mức — %(blocs)s.",
        blocs="; ".join(
            f"{t.bloc.name}: "
            + ", ".join(f"{tier} {count} ({_.percent(count, t.tier_total)})" for tier, count in t.tiers)
            for t in tables
            if t.tier_total
        ),
    )
    title = _("Tỷ lệ đơn vị theo mức")
    text = {"title": title, "tier": _("Mức"), "axis": _("Tỷ lệ đơn vị (%)")}
    return Chart("ty-le-theo-muc", title, caption, frame, {"col": col, "text": text}, draw_tiers)


def draw_tiers(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    col, text = params["col"], params["text"]
    tier, share, count = col["tier"], col["share"], col["count"]
    tiers = list(dict.fromkeys(frame.sort_values(col["order"])[tier]))
    colour = alt.Color(
        f"{tier}:N",
        title=text["tier"],
        sort=tiers,
        scale=alt.Scale(domain=tiers, range=TIER_COLOURS[: len(tiers)]),
        legend=alt.Legend(orient="top"),
    )
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{col['bloc']}:N", title=None, sort=None, axis=_labels(34)),
        x=alt.X(f"{share}:Q", title=text["axis"], stack="zero", scale=alt.Scale(domain=[0, 100])),
        order=alt.Order(f"{col['order']}:Q"),
    )
    return alt.layer(
        base.mark_bar().encode(
            color=colour,
            tooltip=[
                alt.Tooltip(f"{col['bloc']}:N"),
                alt.Tooltip(f"{tier}:N"),
                alt.Tooltip(f"{count}:Q"),
                alt.Tooltip(f"{share}:Q"),
            ],
        ),
        base.mark_text(align="center", dx=0, color="white", fontWeight=700, fontSize=12).encode(
            x=alt.X(f"{share}:Q", stack="zero", bandPosition=0.5),
            text=alt.Text(f"{count}:Q"),
            opacity=alt.OpacityValue(0, condition={"test": f"datum['{share}'] >= 6", "value": 1}),
        ),
    ).properties(width=WIDTH - 80, height=max(40, 44 * frame[col["bloc"]].nunique()), title=text["title"])


# -- bloc page -------------------------------------------------------------------------


def bloc_scores(dataset: Dataset, table: BlocTable, _: Language) -> Chart | None:
    """Every unit's score in rank order, with the tier thresholds drawn."""
    m = table.edition.methodology
    scored = [r for r in table.rows if r.rated and r.score is not None]
    if len(scored) < 2:
        return None
    col = {
        "unit": _("đơn vị"),
        "rank": _("hạng"),
        "score": _("điểm"),
        "tier": _("mức"),
        "threshold": _("ngưỡng"),
        "label": _("nhãn"),
    }
    frame = pd.DataFrame(
        [
            {
                col["unit"]: dataset.agencies[r.agency].label,
                col["rank"]: r.rank,
                col["score"]: _num(r.score),
                col["tier"]: r.tier or "—",
            }
            for r in scored
        ]
    )
    tiers = m.tiers_for(table.bloc.id)
    thresholds = [
        {col["threshold"]: float(t.min), col["label"]: f"{t.name} ≥ {_.number(t.min)}"} for t in tiers if t.min
    ]
    top, bottom = scored[0], scored[-1]
    caption = _(
        "Điểm năm %(year)s, khối %(bloc)s: cao nhất %(top)s %(top_score)s, thấp nhất %(bottom)s "
        "%(bottom_score)s; %(n)s đơn vị có điểm.",
        year=table.edition.year,
        bloc=table.bloc.name,
        top=dataset.agencies[top.agency].label,
        top_score=_.score(top.score, m.decimals),
        bottom=dataset.agencies[bottom.agency].label,
        bottom_score=_.score(bottom.score, m.decimals),
        n=len(scored),
    )
    if thresholds:
        caption += " " + _(
            "Vạch đứt: ngưỡng các mức (%(thresholds)s).", thresholds=", ".join(t[col["label"]] for t in thresholds)
        )
    title = _("Điểm theo thứ hạng")
    text = {"axis": _("Điểm"), "tier": _("Mức"), "title": _("Điểm của %(n)s đơn vị, theo thứ hạng", n=len(scored))}
    params = {
        "max": _num(m.score_max),
        "tiers": [t.name for t in tiers],
        "coloured": any(r.tier for r in scored),
        "thresholds": thresholds,
        "col": col,
        "text": text,
    }
    return Chart("diem-theo-thu-hang", title, caption, frame, params, draw_scores)


def draw_scores(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    col, text = params["col"], params["text"]
    unit, score, tier = col["unit"], col["score"], col["tier"]
    # In the data's own (rank) order: a list of 2,000 names as the sort overflows Vega's stack.
    y = alt.Y(f"{unit}:N", title=None, sort=None, axis=_labels(34))
    x = alt.X(
        f"{score}:Q",
        title=text["axis"],
        scale=alt.Scale(domain=[0, params["max"]] if params["max"] is not None else alt.Undefined),
    )
    names = params["tiers"]
    colour = (
        alt.Color(
            f"{tier}:N",
            title=text["tier"],
            sort=names,
            scale=alt.Scale(domain=names, range=TIER_COLOURS[: len(names)]),
            legend=alt.Legend(orient="bottom"),
        )
        if params["coloured"]
        else alt.ColorValue(ACCENT)
    )
    layers = [
        alt.Chart(frame)
        .mark_bar(height={"band": 0.7})
        .encode(
            y=y,
            x=x,
            color=colour,
            tooltip=[
                alt.Tooltip(f"{col['rank']}:Q"),
                alt.Tooltip(f"{unit}:N"),
                alt.Tooltip(f"{score}:Q"),
                alt.Tooltip(f"{tier}:N"),
            ],
        )
    ]
    lines = 0
    if params["thresholds"]:
        # Each threshold's label on a line of its own above the plot (the lowest first), so
        # that close thresholds (50, 70, 85) never print over each other.
        thresholds = pd.DataFrame(params["thresholds"]).sort_values(col["threshold"]).reset_index(drop=True)
        lines = len(thresholds)
        thresholds["y"] = [-4 - LABEL_LINE * (lines - 1 - i) for i in range(lines)]
        at = alt.X(f"{col['threshold']}:Q")
        layers.append(alt.Chart(thresholds).mark_rule(strokeDash=[4, 3], color=INK).encode(x=at))
        layers.append(
            alt.Chart(thresholds)
            .mark_text(align="left", dx=3, baseline="bottom", fontSize=11, color=INK)
            .encode(x=at, y=alt.Y("y:Q", scale=None), text=alt.Text(f"{col['label']}:N"))
        )
    return alt.layer(*layers).properties(
        width=WIDTH - 100, height=18 * len(frame), title=alt.TitleParams(text["title"], offset=4 + LABEL_LINE * lines)
    )


def bloc_history(dataset: Dataset, table: BlocTable, tables: dict[int, list[BlocTable]], _: Language) -> Chart | None:
    """A bump chart: every unit of the table, ranked in each edition of the series that has
    the bloc, up to this one; each unit is named once, at its latest rank."""
    units = {r.agency for r in table.rows if r.rank is not None}
    col = {"year": _("năm"), "unit": _("đơn vị"), "rank": _("hạng"), "out_of": _("trên tổng số")}
    rows, years, sizes, breaks = [], [], [], []
    for year, same in bloc_over_time(table, tables).items():
        ranked = [r for r in same.rows if r.rank is not None and r.agency in units]
        if not ranked:
            continue
        if years and not same.edition.methodology.comparable_with_previous:
            breaks.append(str(year))
        years.append(str(year))
        sizes.append(same.size or max(r.rank for r in ranked))
        rows += [
            {
                col["year"]: str(year),
                col["unit"]: dataset.agencies[r.agency].label,
                col["rank"]: r.rank,
                col["out_of"]: same.size,
            }
            for r in ranked
        ]
    if len(years) < 2:
        return None
    # A year a unit was not ranked in is a gap in its line, not a straight line across it.
    seen, names = {(row[col["year"]], row[col["unit"]]) for row in rows}, sorted({row[col["unit"]] for row in rows})
    rows += [
        {col["year"]: y, col["unit"]: name, col["rank"]: None, col["out_of"]: None}
        for y in years
        for name in names
        if (y, name) not in seen
    ]
    frame = pd.DataFrame(rows).sort_values([col["unit"], col["year"]], kind="stable").reset_index(drop=True)
    latest = sorted(table.rows, key=lambda r: (r.rank is None, r.rank or 0))
    # One label per rank at the right: units tied there share it, so no two labels meet.
    by_rank: dict[int, list[str]] = {}
    for r in latest:
        if r.rank is not None:
            by_rank.setdefault(r.rank, []).append(dataset.agencies[r.agency].label)
    named = len(units) <= NAMED_UP_TO
    labels = (
        [{col["rank"]: rank, "label": f"{rank}. {', '.join(names)}"} for rank, names in by_rank.items()]
        if named
        else []
    )
    caption = _(
        "Thứ hạng của %(n)s đơn vị khối %(bloc)s qua các năm %(years)s; mỗi đường là một đơn vị, tên ghi ở "
        "hạng năm %(year)s.",
        n=len(units),
        bloc=table.bloc.name,
        years=", ".join(years),
        year=table.edition.year,
    )
    if not named:
        caption = _(
            "Thứ hạng của %(n)s đơn vị khối %(bloc)s qua các năm %(years)s; mỗi đường là một đơn vị. Khối có "
            "nhiều đơn vị nên biểu đồ không ghi tên: xem bảng, phần so sánh hoặc dữ liệu của biểu đồ.",
            n=len(units),
            bloc=table.bloc.name,
            years=", ".join(years),
        )
    if breaks:
        caption += " " + _("Phương pháp thay đổi từ năm %(years)s.", years=", ".join(breaks))
    text = {
        "title": _("Thứ hạng các đơn vị qua các năm"),
        "rank": _("Hạng"),
        "break": _("Đường đứt: phương pháp thay đổi từ năm %(years)s.", years=", ".join(breaks)) if breaks else "",
    }
    return Chart(
        "thu-hang-cac-don-vi-qua-cac-nam",
        text["title"],
        caption,
        frame,
        {"col": col, "text": text, "years": years, "bottom": max(sizes), "breaks": breaks, "labels": labels},
        draw_bump,
    )


def draw_bump(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    col, text = params["col"], params["text"]
    year, unit, rank = col["year"], col["unit"], col["rank"]
    bottom = params["bottom"]
    y_scale = alt.Scale(reverse=True, domain=[1, bottom], nice=False)
    x = alt.X(f"{year}:O", title=None, scale=alt.Scale(domain=params["years"]), axis=YEAR_AXIS)
    y = alt.Y(f"{rank}:Q", title=text["rank"], scale=y_scale, axis=alt.Axis(format="d", values=_rank_ticks(bottom)))
    base = alt.Chart(frame).encode(x=x, y=y, detail=alt.Detail(f"{unit}:N"))
    # The marks are not described one by one (aria): the figure's caption and data say it all,
    # and a point's description per unit and year would triple the SVG.
    layers = [
        base.mark_line(color="#5fa2d4", strokeWidth=1.5, opacity=0.8, invalid="break-paths-filter-domains", aria=False)
    ]
    if params["labels"]:
        layers.append(base.mark_point(filled=True, size=30, color=ACCENT, aria=False))
        layers.append(
            alt.Chart(pd.DataFrame(params["labels"]))
            .mark_text(align="left", dx=8, fontSize=11, color=INK)
            .encode(x=alt.XValue(WIDTH), y=y, text="label:N")
        )
    if params["breaks"]:
        layers.append(
            alt.Chart(pd.DataFrame({year: params["breaks"]})).mark_rule(strokeDash=[4, 3], color=MUTED).encode(x=x)
        )
    return alt.layer(*layers).properties(
        width=WIDTH,
        height=max(160, 14 * bottom) if params["labels"] else 600,
        title=alt.TitleParams(
            text["title"], subtitle=text["break"] or alt.Undefined, subtitleColor=MUTED, subtitleFontSize=11
        ),
    )


def province_map(dataset: Dataset, table: BlocTable, _: Language) -> Chart | None:
    """The provinces of the table's year (63, or the 34 of a bloc recast on them) coloured by
    tier, or by rank where no tier was published; a province the source does not give is
    drawn and said to be missing."""
    m = table.edition.methodology
    name = boundaries(m.units_year(table.bloc.id, table.edition.year))
    col = {"code": "code", "province": _("tỉnh"), "rank": _("hạng"), "tier": _("mức")}
    rows, known = [], set(codes(name))
    for r in table.rows:
        agency = dataset.agencies[r.agency]
        if agency.province_code in known and (r.rank is not None or r.tier):
            rows.append(
                {
                    col["code"]: agency.province_code,
                    col["province"]: agency.label,
                    col["rank"]: r.rank,
                    col["tier"]: r.tier,
                }
            )
    if len(rows) < 5:
        return None
    missing = _("không có trong nguồn")
    given = {row[col["code"]] for row in rows}
    rows += [
        {col["code"]: code, col["province"]: None, col["rank"]: None, col["tier"]: missing}
        for code in sorted(known - given)
    ]
    frame = pd.DataFrame(rows)
    tiers = [t.name for t in m.tiers_for(table.bloc.id)]
    by_tier = all(row[col["tier"]] for row in rows if row[col["province"]] is not None)
    best = sorted((r for r in rows if r[col["rank"]] is not None), key=lambda r: r[col["rank"]])[:5]
    caption = _(
        "Bản đồ %(n)s tỉnh, thành phố, tô màu theo %(by)s. Dẫn đầu: %(best)s.",
        n=len(known),
        by=_("mức") if by_tier else _("thứ hạng (càng đậm càng cao)"),
        best=", ".join(f"{r[col['province']]} ({r[col['rank']]})" for r in best),
    )
    if len(given) < len(known):
        caption += " " + _("%(n)s tỉnh, thành phố không có trong nguồn.", n=len(known) - len(given))
    text = {
        "tier": _("Mức"),
        "rank": _("Hạng"),
        "title": _("Bản đồ"),
        "missing": missing,
        "hoang-sa": _("QĐ. Hoàng Sa (TP Đà Nẵng)"),
        "truong-sa": _("QĐ. Trường Sa (Khánh Hòa)"),
        "credit": [
            _("Ranh giới tỉnh: Open Development Vietnam, «Địa phận tỉnh» (Cục Đo đạc và Bản đồ),"),
            _("CC BY-SA 4.0; đã đơn giản hóa, gán mã tỉnh, hợp nhất 34 đơn vị."),
        ],
    }
    caption += " " + " ".join(text["credit"])  # the attribution, in print size too, under the map
    params = {
        "by_tier": by_tier,
        "tiers": tiers + [missing] if by_tier else tiers,
        "col": col,
        "text": text,
        "boundaries": name,
        "version": version(name),
        "some_missing": len(given) < len(known),
    }
    return Chart("ban-do", _("Bản đồ"), caption, frame, params, draw_map)


def draw_map(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    col, text, names = params["col"], params["text"], params["tiers"]
    rank, tier, province = col["rank"], col["tier"], col["province"]
    shapes = alt.NamedData(name=BOUNDARIES, format=alt.DataFormat(type="topojson", feature="provinces"))
    looked_up = alt.LookupData(data=frame.astype({col["code"]: str}), key=col["code"], fields=[province, rank, tier])

    def colour(channel, legend: bool):
        if params["by_tier"]:
            return channel(
                f"{tier}:N",
                title=text["tier"],
                sort=names,
                legend=alt.Legend() if legend else None,
                scale=alt.Scale(domain=names, range=TIER_COLOURS[: len(names) - 1] + [MISSING]),
            )
        return channel(
            f"{rank}:Q",
            title=text["rank"],
            scale=alt.Scale(scheme="blues", reverse=True),
            legend=alt.Legend(orient="right", direction="vertical") if legend else None,
        )

    # Every province first, in the colour of "not in the source"; those the table gives on top.
    # Islands are smaller than a pixel: each shape is outlined in its own colour, so they show.
    everywhere = alt.Chart(shapes).mark_geoshape(fill=MISSING, stroke=MISSING, strokeWidth=0.6)
    given = (
        alt.Chart(shapes)
        .transform_lookup(lookup="properties.code", from_=looked_up)
        .transform_filter(f"datum['{province}'] != null")
    )
    provinces = given.mark_geoshape(strokeWidth=0).encode(
        color=colour(alt.Color, True),
        tooltip=[alt.Tooltip(f"{province}:N"), alt.Tooltip(f"{rank}:Q")]
        + ([alt.Tooltip(f"{tier}:N")] if params["by_tier"] else []),
    )
    # The outlines, a layer of their own: a legend shared by fill and stroke would lose its gradient.
    outlines = given.mark_geoshape(filled=False, strokeWidth=0.6).encode(stroke=colour(alt.Stroke, False))
    labels = pd.DataFrame([{"lon": lon, "lat": lat, "label": text[key]} for lon, lat, key in ARCHIPELAGOS])
    islands = (
        alt.Chart(labels)
        .mark_text(fontSize=10, color=MUTED, align="center")
        .encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
    )
    layers = [everywhere, provinces, outlines, islands]
    if params["some_missing"] and not params["by_tier"]:
        # A rank's legend is a gradient, with no entry of its own for the grey: one drawn in
        # the top right corner, north of Hoàng Sa, where no land is.
        key = alt.Chart(pd.DataFrame([{"label": text["missing"]}]))
        layers += [
            key.mark_square(size=110, color=MISSING, opacity=1).encode(x=alt.XValue(172), y=alt.YValue(8)),
            key.mark_text(align="left", fontSize=11, color=INK).encode(
                x=alt.XValue(181), y=alt.YValue(8), text="label:N"
            ),
        ]
    return (
        alt.layer(*layers)
        .project(type="mercator")
        .properties(
            width=300,
            height=470,
            title=alt.TitleParams(
                text["title"],
                subtitle=text["credit"],
                subtitleFontSize=9,
                subtitleColor=MUTED,
                orient="bottom",
                anchor="start",
            ),
        )
    )


def page_charts(
    portal: Portal,
    tables: dict[str, dict[int, list[BlocTable]]],
    units: dict[str, UnitHistory],
    language: Language | None = None,
) -> dict[tuple, list[Chart]]:
    """Every chart of the site, keyed by the page that shows it: ("edition", series id,
    year), ("bloc", series id, year, bloc id) or ("unit", agency id)."""
    language = language or Language()
    out: dict[tuple, list[Chart]] = {}
    for sid, by_year in tables.items():
        dataset = portal.series[sid]
        for year, edition_tables in by_year.items():
            out[("edition", sid, year)] = [c for c in [tier_distribution(edition_tables, language)] if c]
            for table in edition_tables:
                out[("bloc", sid, year, table.bloc.id)] = [
                    c
                    for c in (
                        bloc_scores(dataset, table, language),
                        bloc_history(dataset, table, by_year, language),
                        province_map(dataset, table, language),
                    )
                    if c
                ]
    for agency_id, unit in units.items():
        out[("unit", agency_id)] = [
            c
            for s in unit.series
            for c in (
                unit_trend(s.dataset, unit.agency, s.entries, language),
                unit_criteria(s.dataset, unit.agency, s.entries, language),
            )
            if c
        ]
    return out

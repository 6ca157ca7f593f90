"""Charts, built with Altair from the loaded data. Each page's chart is made in two pure
steps: a function of what the page shows gives its data, parameters and text alternative
(a Chart), and a draw_* function turns those into an Altair chart. Rendering to SVG, and
caching by the inputs, is render.py's job."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import altair as alt
import pandas as pd

from . import formatting
from .geo import coordinates
from .model import Dataset
from .views import BlocTable, UnitHistory

FONT = "Be Vietnam Pro, Noto Sans, Arial, sans-serif"  # the theme's font, shipped and registered
INK, MUTED, LINE, ACCENT = "#1b1f24", "#4a5560", "#d5dbe1", "#0b4f8a"
TIER_COLOURS = ["#1f5f99", "#5fa2d4", "#e8a25a", "#b2182b", "#6b4f9e", "#7a7a7a"]  # best first
WIDTH = 380  # plot area; near 1:1 on a phone, so the text stays readable


@dataclass(frozen=True)
class Chart:
    """A chart as its inputs: the data, the parameters and a pure drawing function. The
    spec is built from these alone, so they are also the chart's cache key (render.py)."""

    id: str  # used for the file of its data and for element ids
    title: str
    caption: str  # the text alternative: what the chart shows, with its main figures
    data: pd.DataFrame  # the data behind it, offered for download
    params: dict  # every other input of the drawing, JSON-able
    draw: Callable[[pd.DataFrame, dict], alt.TopLevelMixin]

    @property
    def spec(self) -> dict:
        """The Vega-Lite spec, from Altair."""
        return _configure(self.draw(self.data, self.params), self.caption)

    def inputs(self) -> str:
        """Everything the spec is made from, as text to hash."""
        return json.dumps([self.id, self.draw.__name__, self.caption, self.params,
                           self.data.to_json(orient="split", force_ascii=False)],
                          sort_keys=True, ensure_ascii=False, default=str)


CONFIG = {
    "font": FONT,
    "axis": {"labelColor": MUTED, "titleColor": INK, "gridColor": "#eef1f4", "domainColor": LINE,
             "tickColor": LINE, "labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": 600},
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

def unit_trend(dataset: Dataset, unit: UnitHistory) -> Chart | None:
    """Rank (reversed axis: 1 at the top) and score across editions, with gaps where the
    unit has no rank and breaks where the methodology changed."""
    by_year = {e.edition.year: e for e in unit.entries}
    ranked = [e for e in unit.entries if e.result.rank is not None]
    if not ranked:
        return None
    first, last = min(by_year), max(by_year)
    rows, segment, breaks = [], 0, []
    for year in (y for y in sorted(dataset.editions) if first <= y <= last):
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
        share = (float(score / m.score_max * 100) if score is not None and m.score_max else None)
        rows.append({"năm": str(year), "hạng": rank, "đoạn": segment, "điểm (% tối đa)": share,
                     "khối": entry.table.bloc.name if entry else None,
                     "trạng thái": ("không đánh giá" if entry and not entry.result.rated else
                                    "có hạng" if rank is not None else "không có hạng")})
    frame = pd.DataFrame(rows)
    said = "; ".join(f"{e.edition.year}: hạng {e.result.rank}" for e in sorted(ranked, key=lambda e: e.edition.year))
    missing = [r["năm"] for r in rows if r["hạng"] is None]
    caption = f"Thứ hạng của {unit.agency.name} qua các năm — {said}."
    if missing:
        caption += f" Không có hạng: {', '.join(missing)}."
    if breaks:
        caption += f" Phương pháp thay đổi từ năm {', '.join(breaks)}."
    return Chart("thu-hang-qua-cac-nam", "Thứ hạng qua các năm", caption, frame, {"breaks": breaks}, draw_trend)


def draw_trend(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    x = alt.X("năm:O", title=None, scale=alt.Scale(domain=list(frame["năm"])), axis=alt.Axis(labelAngle=0))
    worst = max(int(r) for r in frame["hạng"].dropna())
    base = alt.Chart(frame).encode(x=x)
    rank_y = alt.Y("hạng:Q", title="Hạng", scale=alt.Scale(reverse=True, domain=[1, max(worst, 3)], nice=False),
                   axis=alt.Axis(tickMinStep=1, format="d"))
    known = base.transform_filter("datum['hạng'] != null")
    layers = [known.mark_line(color=ACCENT, strokeWidth=2).encode(y=rank_y, detail=alt.Detail("đoạn:N")),
              known.mark_point(filled=True, size=70, color=ACCENT).encode(
                  y=rank_y, tooltip=[alt.Tooltip("năm:O"), alt.Tooltip("hạng:Q"), alt.Tooltip("khối:N")]),
              known.mark_text(align="left", dx=7, dy=-8, fontSize=12, color=INK).encode(
                  y=rank_y, text=alt.Text("hạng:Q"))]
    if params["breaks"]:
        rules = pd.DataFrame({"năm": params["breaks"], "nhãn": ["đổi phương pháp"] * len(params["breaks"])})
        layers.append(alt.Chart(rules).mark_rule(strokeDash=[4, 3], color=MUTED).encode(x=x))
        layers.append(alt.Chart(rules).mark_text(align="right", dx=-4, dy=-4, baseline="bottom", fontSize=11,
                                                 color=MUTED).encode(x=x, y=alt.YValue(0), text=alt.Text("nhãn:N")))
    chart = alt.layer(*layers).properties(width=WIDTH, height=200, title="Thứ hạng qua các năm")
    if frame["điểm (% tối đa)"].notna().sum() >= 2:  # one point is no trend
        score = base.transform_filter("datum['điểm (% tối đa)'] != null").encode(
            y=alt.Y("điểm (% tối đa):Q", title="Điểm, % tối đa", scale=alt.Scale(domain=[0, 100])))
        chart = alt.vconcat(chart, alt.layer(
            score.mark_line(color="#5fa2d4", strokeWidth=2).encode(detail=alt.Detail("đoạn:N")),
            score.mark_point(filled=True, size=60, color="#1f5f99")).properties(
                width=WIDTH, height=120, title="Điểm (quy về % điểm tối đa của từng năm)"))
    return chart


def unit_criteria(unit: UnitHistory) -> Chart | None:
    """The unit's criteria in its latest edition with criteria, against the bloc median."""
    entry = next((e for e in unit.entries if any(line.value is not None and line.median is not None
                                                 for line in e.criteria)), None)
    if entry is None:
        return None
    lines = [line for line in entry.criteria if line.value is not None and line.median is not None]
    relative = all(line.criterion.max for line in lines)
    frame = pd.DataFrame([{"tiêu chí": line.criterion.name,
                           "đơn vị": float(line.value / line.criterion.max * 100) if relative else float(line.value),
                           "trung vị khối": (float(line.median / line.criterion.max * 100) if relative
                                             else float(line.median))} for line in lines])
    decimals = entry.edition.methodology.decimals
    above = sum(1 for line in lines if line.value > line.median)
    caption = (f"Năm {entry.edition.year}, {unit.agency.name} cao hơn trung vị của khối {entry.table.bloc.name} "
               f"ở {above}/{len(lines)} tiêu chí: " + "; ".join(
                   f"{line.criterion.name} {formatting.score(line.value, decimals)} "
                   f"(trung vị {formatting.score(line.median, decimals)})" for line in lines) + ".")
    return Chart("tieu-chi-so-voi-trung-vi", "Tiêu chí so với trung vị của khối", caption, frame,
                 {"unit": unit.agency.label, "relative": relative, "year": entry.edition.year}, draw_criteria)


def draw_criteria(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    unit_name = params["unit"]
    long = frame.melt("tiêu chí", var_name="chuỗi", value_name="giá trị").replace({"đơn vị": unit_name})
    x = alt.X("giá trị:Q", title="% điểm tối đa của tiêu chí" if params["relative"] else "Điểm",
              scale=alt.Scale(domain=[0, 100]) if params["relative"] else alt.Undefined)
    y = alt.Y("tiêu chí:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
    colour = alt.Color("chuỗi:N", title=None, scale=alt.Scale(domain=[unit_name, "trung vị khối"],
                                                               range=[ACCENT, "#e8a25a"]),
                       legend=alt.Legend(orient="top"))
    return alt.layer(
        alt.Chart(frame).mark_rule(color=LINE, strokeWidth=2).encode(
            y=y, x=alt.X("đơn vị:Q"), x2=alt.X2("trung vị khối:Q")),
        alt.Chart(long).mark_point(filled=True, size=90).encode(
            y=y, x=x, color=colour, shape=alt.Shape("chuỗi:N", legend=None),
            tooltip=[alt.Tooltip("tiêu chí:N"), alt.Tooltip("chuỗi:N"), alt.Tooltip("giá trị:Q", format=".1f")]),
    ).properties(width=WIDTH - 120, height=max(60, 28 * len(frame)),
                 title=f"Tiêu chí năm {params['year']} so với trung vị của khối")


# -- edition page ----------------------------------------------------------------------

def tier_distribution(tables: list[BlocTable]) -> Chart | None:
    """Units per tier in each bloc, as counts and shares (stacked, best tier first)."""
    rows = []
    for t in tables:
        for order, (tier, count) in enumerate(t.tiers):
            if t.tier_total:
                rows.append({"khối": t.bloc.name, "mức": tier, "thứ tự": order, "số đơn vị": count,
                             "tỷ lệ (%)": round(100 * count / t.tier_total, 1)})
    if not rows or not any(r["số đơn vị"] for r in rows):
        return None
    frame = pd.DataFrame(rows)
    caption = "Số đơn vị theo mức — " + "; ".join(
        f"{t.bloc.name}: " + ", ".join(f"{tier} {count} ({formatting.percent(count, t.tier_total)})"
                                       for tier, count in t.tiers)
        for t in tables if t.tier_total) + "."
    return Chart("ty-le-theo-muc", "Tỷ lệ đơn vị theo mức", caption, frame, {}, draw_tiers)


def draw_tiers(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    tiers = list(dict.fromkeys(frame.sort_values("thứ tự")["mức"]))
    colour = alt.Color("mức:N", title="Mức", sort=tiers,
                       scale=alt.Scale(domain=tiers, range=TIER_COLOURS[:len(tiers)]), legend=alt.Legend(orient="top"))
    base = alt.Chart(frame).encode(
        y=alt.Y("khối:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("tỷ lệ (%):Q", title="Tỷ lệ đơn vị (%)", stack="zero", scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("thứ tự:Q"))
    return alt.layer(
        base.mark_bar().encode(color=colour, tooltip=[alt.Tooltip("khối:N"), alt.Tooltip("mức:N"),
                                                     alt.Tooltip("số đơn vị:Q"), alt.Tooltip("tỷ lệ (%):Q")]),
        base.mark_text(align="center", dx=0, color="white", fontWeight=700, fontSize=12).encode(
            x=alt.X("tỷ lệ (%):Q", stack="zero", bandPosition=0.5), text=alt.Text("số đơn vị:Q"),
            opacity=alt.OpacityValue(0, condition={"test": "datum['tỷ lệ (%)'] >= 6", "value": 1})),
    ).properties(width=WIDTH - 80, height=max(40, 44 * frame["khối"].nunique()), title="Tỷ lệ đơn vị theo mức")


# -- bloc page -------------------------------------------------------------------------

def bloc_scores(dataset: Dataset, table: BlocTable) -> Chart | None:
    """Every unit's score in rank order, with the tier thresholds drawn."""
    m = table.edition.methodology
    scored = [r for r in table.rows if r.rated and r.score is not None]
    if len(scored) < 2:
        return None
    frame = pd.DataFrame([{"đơn vị": dataset.agencies[r.agency].label, "hạng": r.rank, "điểm": _num(r.score),
                           "mức": r.tier or "—"} for r in scored])
    tiers = m.tiers_for(table.bloc.id)
    thresholds = [{"ngưỡng": float(t.min), "nhãn": f"{t.name} ≥ {formatting.number(t.min)}"} for t in tiers if t.min]
    top, bottom = scored[0], scored[-1]
    caption = (f"Điểm năm {table.edition.year}, khối {table.bloc.name}: cao nhất "
               f"{dataset.agencies[top.agency].label} {formatting.score(top.score, m.decimals)}, thấp nhất "
               f"{dataset.agencies[bottom.agency].label} {formatting.score(bottom.score, m.decimals)}; "
               f"{len(scored)} đơn vị có điểm.")
    if thresholds:
        caption += " Vạch đứt: ngưỡng các mức (" + ", ".join(t["nhãn"] for t in thresholds) + ")."
    params = {"max": _num(m.score_max), "tiers": [t.name for t in tiers],
              "coloured": any(r.tier for r in scored), "thresholds": thresholds}
    return Chart("diem-theo-thu-hang", "Điểm theo thứ hạng", caption, frame, params, draw_scores)


def draw_scores(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    y = alt.Y("đơn vị:N", title=None, sort=list(frame["đơn vị"]), axis=alt.Axis(labelLimit=220))
    x = alt.X("điểm:Q", title="Điểm",
              scale=alt.Scale(domain=[0, params["max"]] if params["max"] is not None else alt.Undefined))
    names = params["tiers"]
    colour = (alt.Color("mức:N", title="Mức", sort=names, scale=alt.Scale(domain=names, range=TIER_COLOURS[:len(names)]),
                        legend=alt.Legend(orient="top"))
              if params["coloured"] else alt.ColorValue(ACCENT))
    layers = [alt.Chart(frame).mark_bar(height={"band": 0.7}).encode(
        y=y, x=x, color=colour, tooltip=[alt.Tooltip("hạng:Q"), alt.Tooltip("đơn vị:N"), alt.Tooltip("điểm:Q"),
                                          alt.Tooltip("mức:N")])]
    if params["thresholds"]:
        thresholds = pd.DataFrame(params["thresholds"])
        layers.append(alt.Chart(thresholds).mark_rule(strokeDash=[4, 3], color=INK).encode(x=alt.X("ngưỡng:Q")))
        layers.append(alt.Chart(thresholds).mark_text(align="left", dx=3, dy=-6, baseline="bottom", fontSize=11,
                                                      color=INK).encode(x=alt.X("ngưỡng:Q"), y=alt.YValue(0),
                                                                        text=alt.Text("nhãn:N")))
    return alt.layer(*layers).properties(width=WIDTH - 100, height=18 * len(frame),
                                         title=f"Điểm của {len(frame)} đơn vị, theo thứ hạng")


def province_map(dataset: Dataset, table: BlocTable) -> Chart | None:
    """Provinces placed by their coordinates, coloured by tier (or by rank where no tier
    was published). No boundary file: one dot per province."""
    rows = []
    for r in table.rows:
        agency = dataset.agencies[r.agency]
        where = coordinates(agency)
        if where and (r.rank is not None or r.tier):
            rows.append({"tỉnh": agency.label, "vĩ độ": where[0], "kinh độ": where[1], "hạng": r.rank,
                         "mức": r.tier or "—"})
    if len(rows) < 5:
        return None
    frame = pd.DataFrame(rows)
    by_tier = bool(frame["mức"].ne("—").all())
    best = sorted((r for r in rows if r["hạng"] is not None), key=lambda r: r["hạng"])[:5]
    caption = (f"Bản đồ {len(rows)} tỉnh, thành phố đặt theo tọa độ, tô màu theo "
               f"{'mức' if by_tier else 'thứ hạng (càng đậm càng cao)'}. Dẫn đầu: "
               + ", ".join(f"{r['tỉnh']} ({r['hạng']})" for r in best) + ".")
    params = {"by_tier": by_tier, "tiers": [t.name for t in table.edition.methodology.tiers_for(table.bloc.id)]}
    return Chart("ban-do", "Bản đồ", caption, frame, params, draw_map)


def draw_map(frame: pd.DataFrame, params: dict) -> alt.TopLevelMixin:
    names = params["tiers"]
    colour = (alt.Color("mức:N", title="Mức", sort=names, scale=alt.Scale(domain=names, range=TIER_COLOURS[:len(names)]))
              if params["by_tier"] else
              alt.Color("hạng:Q", title="Hạng", scale=alt.Scale(scheme="blues", reverse=True),
                        legend=alt.Legend(orient="right", direction="vertical")))
    base = alt.Chart(frame).encode(longitude=alt.Longitude("kinh độ:Q"), latitude=alt.Latitude("vĩ độ:Q"))
    return alt.layer(
        base.mark_circle(size=120, opacity=0.9, stroke="white", strokeWidth=1).encode(
            color=colour, tooltip=[alt.Tooltip("tỉnh:N"), alt.Tooltip("hạng:Q"), alt.Tooltip("mức:N")]),
        base.transform_filter("datum['hạng'] != null && datum['hạng'] <= 5").mark_text(
            align="left", dx=8, fontSize=11, color=INK).encode(text=alt.Text("tỉnh:N")),
    ).project(type="mercator").properties(width=300, height=520, title="Bản đồ theo vị trí tỉnh, thành phố")


def page_charts(dataset: Dataset, tables: dict[int, list[BlocTable]],
                units: dict[str, UnitHistory]) -> dict[tuple, list[Chart]]:
    """Every chart of the site, keyed by the page that shows it: ("edition", year),
    ("bloc", year, bloc id) or ("unit", agency id)."""
    out: dict[tuple, list[Chart]] = {}
    for year, edition_tables in tables.items():
        out[("edition", year)] = [c for c in [tier_distribution(edition_tables)] if c]
        for table in edition_tables:
            out[("bloc", year, table.bloc.id)] = [
                c for c in (bloc_scores(dataset, table), province_map(dataset, table)) if c]
    for agency_id, unit in units.items():
        out[("unit", agency_id)] = [c for c in (unit_trend(dataset, unit), unit_criteria(unit)) if c]
    return out

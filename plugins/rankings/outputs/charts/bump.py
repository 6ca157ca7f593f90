"""Every unit of a bloc ranked across the series' editions (the bloc page's bump chart)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ...data.model import Dataset
from ...site.addresses import CHART_IDS
from ...site.i18n import Language
from ...site.tables import rank_label
from ...site.views import BlocTable, bloc_over_time
from .chart import Chart
from .theme import ACCENT, INK, LIGHT, MUTED, WIDTH, described, field, rank_axis, rank_scale, year_axis

if TYPE_CHECKING:
    import altair as alt

# A bump chart names its units up to this many (63 provinces, 22 ministries): more names
# than this make a chart taller than any screen, and cost a second each to set.
NAMED_UP_TO = 100


def chart(dataset: Dataset, table: BlocTable, tables: dict[int, list[BlocTable]], language: Language) -> Chart | None:
    """Every unit of the table, ranked in each edition of the series that has the bloc, up
    to this one; each unit is named once, at its latest rank."""
    _ = language.gettext
    units = {r.agency for r in table.rows if r.rank is not None}
    headers = {"year": _("năm"), "unit": _("đơn vị"), "rank": _("hạng"), "out_of": _("trên tổng số")}
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
                "year": str(year),
                "unit": dataset.agencies[r.agency].label,
                "rank": r.rank,
                "out_of": same.size,
                "said": _(
                    "%(unit)s, %(year)s: hạng %(rank)s",
                    unit=dataset.agencies[r.agency].label,
                    year=year,
                    rank=rank_label(r.rank, same.size),
                ),
            }
            for r in ranked
        ]
    if len(years) < 2:
        return None
    # A year a unit was not ranked in is a gap in its line, not a straight line across it.
    seen, names = {(row["year"], row["unit"]) for row in rows}, sorted({row["unit"] for row in rows})
    rows += [
        {"year": y, "unit": name, "rank": None, "out_of": None, "said": None}
        for y in years
        for name in names
        if (y, name) not in seen
    ]
    frame = pd.DataFrame(rows).sort_values(["unit", "year"], kind="stable").reset_index(drop=True)
    latest = sorted(table.rows, key=lambda r: (r.rank is None, r.rank or 0))
    # One label per rank at the right: units tied there share it, so no two labels meet.
    by_rank: dict[int, list[str]] = {}
    for r in latest:
        if r.rank is not None:
            by_rank.setdefault(r.rank, []).append(dataset.agencies[r.agency].label)
    named = len(units) <= NAMED_UP_TO
    labels = (
        [{"rank": rank, "label": f"{rank}. {', '.join(names)}"} for rank, names in by_rank.items()] if named else []
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
        CHART_IDS["bump"],
        text["title"],
        caption,
        frame,
        headers,
        {"text": text, "years": years, "bottom": max(sizes), "breaks": breaks, "labels": labels},
        draw,
    )


def draw(frame: pd.DataFrame, params: dict, headers: dict[str, str]) -> alt.TopLevelMixin:
    import altair as alt

    text, bottom = params["text"], params["bottom"]
    x = field(alt.X, "year", "O", headers, title=None, scale=alt.Scale(domain=params["years"]), axis=year_axis())
    y = field(alt.Y, "rank", "Q", headers, title=text["rank"], scale=rank_scale(bottom), axis=rank_axis(bottom))
    base = alt.Chart(frame).encode(x=x, y=y, detail=field(alt.Detail, "unit", "N", headers))
    # Each point is described (its unit, year and rank: the names a phone cannot print
    # large enough, on a tap); the lines, each a unit's points joined, are not.
    layers = [
        base.mark_line(
            color=LIGHT, strokeWidth=1.5, strokeOpacity=0.8, invalid="break-paths-filter-domains", aria=False
        )
    ]
    if params["labels"]:
        layers.append(base.mark_point(filled=True, size=30, color=ACCENT).encode(description=described()))
        layers.append(
            alt.Chart(pd.DataFrame(params["labels"]))
            .mark_text(align="left", dx=8, fontSize=11, color=INK, aria=False)
            .encode(x=alt.XValue(WIDTH), y=y, text="label:N")
        )
    if params["breaks"]:
        layers.append(
            alt.Chart(pd.DataFrame({"year": params["breaks"]}))
            .mark_rule(strokeDash=[4, 3], color=MUTED, aria=False)
            .encode(x=x)
        )
    return alt.layer(*layers).properties(
        width=WIDTH,
        height=max(160, 14 * bottom) if params["labels"] else 600,
        title=alt.TitleParams(
            text["title"], subtitle=text["break"] or alt.Undefined, subtitleColor=MUTED, subtitleFontSize=11
        ),
    )

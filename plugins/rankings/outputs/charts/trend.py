"""A unit's rank and score across one series' editions (the unit page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ...data.model import Agency, Dataset
from ...site.addresses import CHART_IDS
from ...site.i18n import Language
from ...site.tables import rank_label
from ...site.views import UnitEdition
from .chart import Chart, by_name
from .theme import (
    ACCENT,
    INK,
    LIGHT,
    MUTED,
    TIER_COLOURS,
    WIDTH,
    described,
    field,
    rank_axis,
    rank_scale,
    year_axis,
)

if TYPE_CHECKING:
    import altair as alt


def prefix(dataset: Dataset) -> str:
    """A unit's charts are one pair per series: their ids say which (none in a one-series site)."""
    return f"{dataset.id}-" if dataset.id else ""


def chart(dataset: Dataset, agency: Agency, entries: list[UnitEdition], language: Language) -> Chart | None:
    """Rank (reversed axis: 1 at the top) and score across one series' editions, with gaps
    where the unit has no rank and breaks where the methodology changed. A bloc recast on
    a later year's units is left out where the unit was also ranked as evaluated: the
    line follows one bloc."""
    _ = language.gettext
    entries = [e for e in entries if e.table.bloc.id not in e.edition.methodology.units_as_of] or entries
    by_year = {e.edition.year: e for e in entries}
    ranked = [e for e in entries if e.result.rank is not None]
    if not ranked:
        return None
    headers = {
        "year": _("năm"),
        "rank": _("hạng"),
        "out_of": _("trên tổng số"),
        "score": _("điểm (% tối đa)"),
        "bloc": _("khối"),
        "status": _("trạng thái"),
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
        bloc = entry.table.bloc.name if entry else None
        rows.append(
            {
                "year": str(year),
                "rank": rank,
                "out_of": size,
                "label": (
                    None
                    if rank is None
                    else ""
                    if sparse and year != last
                    else f"{rank}/{size}"
                    if size and (year == last or not crowded)
                    else str(rank)
                ),
                "segment": segment,
                "score": share,
                "bloc": bloc,
                "said": None
                if rank is None
                else _("%(year)s: hạng %(rank)s, %(bloc)s", year=year, rank=rank_label(rank, size), bloc=bloc),
                "said_score": None
                if share is None
                else _("%(year)s: điểm %(score)s", year=year, score=language.score(score, m.decimals)),
                "status": (
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
    missing = [r["year"] for r in rows if r["rank"] is None]
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
    # What the drawing takes from the data, said in the parameters: the drawing reads
    # nothing else of it, so charts that share these share one spec (by_name).
    shape = {"years": list(frame["year"]), "bottom": _bottom(frame), "scores": bool(frame["score"].notna().sum() >= 2)}
    return Chart(
        prefix(dataset) + CHART_IDS["trend"],
        title,
        caption,
        frame,
        headers,
        {"breaks": breaks, "text": text, **shape},
        draw,
        dataset.id,
    )


@by_name
def draw(data: alt.NamedData, params: dict, headers: dict[str, str]) -> alt.TopLevelMixin:
    import altair as alt

    text, bottom = params["text"], params["bottom"]
    x = field(alt.X, "year", "O", headers, title=None, scale=alt.Scale(domain=params["years"]), axis=year_axis())
    # The data is given once, to the whole drawing: a layer given its own, Altair copies it
    # again for each layer and concatenation it lifts it to.
    base = alt.Chart().encode(x=x)
    rank_y = field(alt.Y, "rank", "Q", headers, title=text["rank"], scale=rank_scale(bottom), axis=rank_axis(bottom))
    segment = alt.Detail("segment:N")  # a break in the line: the drawing's, not the reader's
    known = base.transform_filter("datum.rank != null")
    layers = [
        known.mark_line(color=ACCENT, strokeWidth=2, aria=False).encode(y=rank_y, detail=segment),
        known.mark_point(filled=True, size=70, color=ACCENT).encode(y=rank_y, description=described()),
        known.mark_text(align="left", dx=7, dy=-8, fontSize=12, color=INK, aria=False).encode(
            y=rank_y, text=alt.Text("label:N")
        ),
    ]
    if params["breaks"]:
        layers.append(
            alt.Chart(pd.DataFrame({"year": params["breaks"]}))
            .mark_rule(strokeDash=[4, 3], color=MUTED, aria=False)
            .encode(x=x)
        )
    # What the dashed lines and the missing "of N" mean, above the plot, where no point's label can be.
    notes = [n for n in (text["break"] if params["breaks"] else "", text["note"]) if n]
    drawn = alt.layer(*layers).properties(
        width=WIDTH,
        height=200,
        title=alt.TitleParams(text["title"], subtitle=notes or alt.Undefined, subtitleColor=MUTED, subtitleFontSize=11),
    )
    if params["scores"]:  # one point is no trend
        score = base.transform_filter("datum.score != null").encode(
            y=field(alt.Y, "score", "Q", headers, title=text["score"], scale=alt.Scale(domain=[0, 100]))
        )
        drawn = alt.vconcat(
            drawn,
            alt.layer(
                score.mark_line(color=LIGHT, strokeWidth=2, aria=False).encode(detail=segment),
                score.mark_point(filled=True, size=60, color=TIER_COLOURS[0]).encode(
                    description=described("said_score")
                ),
            ).properties(width=WIDTH, height=120, title=text["score_title"]),
        )
    drawn.data = data
    return drawn


def _bottom(frame: pd.DataFrame) -> int:
    """The rank axis runs from 1 to the largest bloc size shown (N of "x/N"); where no size
    is known, to the lowest rank drawn (at least 3, so a leader's line is not alone)."""
    sizes = frame["out_of"].dropna()
    return max(int(frame["rank"].max()), 3, int(sizes.max()) if len(sizes) else 0)

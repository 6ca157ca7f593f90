"""Every unit's score in rank order, with the tier thresholds (the bloc page)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pandas as pd

from ...data.model import Dataset
from ...site.addresses import CHART_IDS
from ...site.i18n import Language
from ...site.views import BlocTable
from .chart import Chart
from .theme import ACCENT, INK, LABEL_LINE, TIER_COLOURS, UNKNOWN_TIER, WIDTH, described, field, labels

if TYPE_CHECKING:
    import altair as alt


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def chart(dataset: Dataset, table: BlocTable, language: Language) -> Chart | None:
    _ = language.gettext
    m = table.edition.methodology
    scored = [r for r in table.rows if r.rated and r.score is not None]
    if len(scored) < 2:
        return None
    headers = {"unit": _("đơn vị"), "rank": _("hạng"), "score": _("điểm"), "tier": _("mức")}
    frame = pd.DataFrame(
        [
            {
                "unit": dataset.agencies[r.agency].label,
                "rank": r.rank,
                "score": _num(r.score),
                "tier": r.tier or "—",
                "said": _(
                    "%(unit)s: hạng %(rank)s, điểm %(score)s",
                    unit=dataset.agencies[r.agency].label,
                    rank=r.rank,
                    score=language.score(r.score, m.decimals),
                )
                + (f" ({r.tier})" if r.tier else ""),
            }
            for r in scored
        ]
    )
    tiers = m.tiers_for(table.bloc.id)
    thresholds = [
        {"threshold": float(t.min), "label": f"{t.name} ≥ {language.number(t.min)}", "kind": "tier"}
        for t in tiers
        if t.min
    ]
    references = [
        {"threshold": float(r.value), "label": f"{r.name}: {language.score(r.value, r.decimals)}", "kind": "reference"}
        for r in m.references_for(table.bloc.id)
    ]
    top, bottom = scored[0], scored[-1]
    caption = _(
        "Điểm năm %(year)s, khối %(bloc)s: cao nhất %(top)s %(top_score)s, thấp nhất %(bottom)s "
        "%(bottom_score)s; %(n)s đơn vị có điểm.",
        year=table.edition.year,
        bloc=table.bloc.name,
        top=dataset.agencies[top.agency].label,
        top_score=language.score(top.score, m.decimals),
        bottom=dataset.agencies[bottom.agency].label,
        bottom_score=language.score(bottom.score, m.decimals),
        n=len(scored),
    )
    if thresholds:
        caption += " " + _(
            "Vạch đứt: ngưỡng các mức (%(thresholds)s).", thresholds=", ".join(t["label"] for t in thresholds)
        )
    if references:
        caption += " " + _(
            "Vạch liền: giá trị tham chiếu đã công bố (%(references)s).",
            references=", ".join(r["label"] for r in references),
        )
    title = _("Điểm theo thứ hạng")
    text = {
        "axis": _("Điểm"),
        "tier": _("Mức"),
        "threshold": _("ngưỡng"),
        "label": _("nhãn"),
        "title": _("Điểm của %(n)s đơn vị, theo thứ hạng", n=len(scored)),
    }
    params = {
        "max": _num(m.score_max),
        # a unit whose tier the source does not give ("—") is grey, never a tier's colour
        "tiers": [t.name for t in tiers] + (["—"] if 0 < sum(1 for r in scored if r.tier) < len(scored) else []),
        "coloured": any(r.tier for r in scored),
        "thresholds": thresholds + references,
        "text": text,
    }
    return Chart(CHART_IDS["scores"], title, caption, frame, headers, params, draw)


def draw(frame: pd.DataFrame, params: dict, headers: dict[str, str]) -> alt.TopLevelMixin:
    import altair as alt

    text = params["text"]
    # In the data's own (rank) order: a list of 2,000 names as the sort overflows Vega's stack.
    y = field(alt.Y, "unit", "N", headers, title=None, sort=None, axis=labels(34))
    x = field(
        alt.X,
        "score",
        "Q",
        headers,
        title=text["axis"],
        scale=alt.Scale(domain=[0, params["max"]] if params["max"] is not None else alt.Undefined),
    )
    names = params["tiers"]
    colour = (
        field(
            alt.Color,
            "tier",
            "N",
            headers,
            title=text["tier"],
            sort=names,
            scale=alt.Scale(
                domain=names, range=[UNKNOWN_TIER if n == "—" else c for n, c in zip(names, TIER_COLOURS, strict=False)]
            ),
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
            description=described(),
        )
    ]
    lines = 0
    if params["thresholds"]:
        # Each line's label on a line of its own above the plot (the lowest first), so that
        # close values (50, 70, 85) never print over each other; a tier's threshold dashed,
        # a published reference (the national index, the average) solid.
        thresholds = pd.DataFrame(params["thresholds"]).sort_values("threshold").reset_index(drop=True)
        lines = len(thresholds)
        thresholds["y"] = [-4 - LABEL_LINE * (lines - 1 - i) for i in range(lines)]
        at = alt.X("threshold:Q", title=text["threshold"], axis=alt.Axis(title=text["axis"]))
        dash = alt.StrokeDash(
            "kind:N", scale=alt.Scale(domain=["tier", "reference"], range=[[4, 3], [1, 0]]), legend=None
        )
        layers.append(alt.Chart(thresholds).mark_rule(color=INK, aria=False).encode(x=at, strokeDash=dash))
        layers.append(
            alt.Chart(thresholds)
            .mark_text(align="left", dx=3, baseline="bottom", fontSize=11, color=INK, aria=False)
            .encode(x=at, y=alt.Y("y:Q", scale=None), text=alt.Text("label:N", title=text["label"]))
        )
    return alt.layer(*layers).properties(
        width=WIDTH - 100, height=18 * len(frame), title=alt.TitleParams(text["title"], offset=4 + LABEL_LINE * lines)
    )

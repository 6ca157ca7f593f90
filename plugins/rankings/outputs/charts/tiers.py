"""Units per tier in each bloc of an edition (the edition page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ...site.addresses import CHART_IDS
from ...site.i18n import Language
from ...site.views import BlocTable
from .chart import Chart
from .theme import BACKGROUND, TIER_COLOURS, WIDTH, described, field, labels

if TYPE_CHECKING:
    import altair as alt


def chart(tables: list[BlocTable], language: Language) -> Chart | None:
    """Units per tier in each bloc, as counts and shares (stacked, best tier first)."""
    _ = language.gettext
    headers = {
        "bloc": _("khối"),
        "tier": _("mức"),
        "count": _("số đơn vị"),
        "share": _("tỷ lệ (%)"),
    }
    rows = []
    for t in tables:
        for order, (tier, count) in enumerate(t.tiers):
            if t.tier_total:
                rows.append(
                    {
                        "bloc": t.bloc.name,
                        "tier": tier,
                        "order": order,
                        "count": count,
                        "share": round(100 * count / t.tier_total, 1),
                        "said": _(
                            "%(bloc)s, %(tier)s: %(count)s đơn vị (%(share)s)",
                            bloc=t.bloc.name,
                            tier=tier,
                            count=count,
                            share=language.percent(count, t.tier_total),
                        ),
                    }
                )
    if not rows or not any(r["count"] for r in rows):
        return None
    frame = pd.DataFrame(rows)
    unknown = _("nguồn không nêu mức")
    caption = _(
        "Số đơn vị theo mức — %(blocs)s.",
        blocs="; ".join(
            f"{t.bloc.name}: "
            + ", ".join(
                f"{tier} {count} ({language.percent(count, t.tier_total)})"
                for tier, count in t.tiers + [(unknown, t.untiered)] * bool(t.untiered)
            )
            for t in tables
            if t.tier_total
        ),
    )
    title = _("Tỷ lệ đơn vị theo mức")
    text = {"title": title, "tier": _("Mức"), "axis": _("Tỷ lệ đơn vị (%)")}
    return Chart(CHART_IDS["tiers"], title, caption, frame, headers, {"text": text}, draw)


def draw(frame: pd.DataFrame, params: dict, headers: dict[str, str]) -> alt.TopLevelMixin:
    import altair as alt

    text = params["text"]
    tiers = list(dict.fromkeys(frame.sort_values("order")["tier"]))
    colour = field(
        alt.Color,
        "tier",
        "N",
        headers,
        title=text["tier"],
        sort=tiers,
        scale=alt.Scale(domain=tiers, range=TIER_COLOURS[: len(tiers)]),
        legend=alt.Legend(orient="top"),
    )
    base = alt.Chart(frame).encode(
        y=field(alt.Y, "bloc", "N", headers, title=None, sort=None, axis=labels(34)),
        x=field(alt.X, "share", "Q", headers, title=text["axis"], stack="zero", scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("order:Q"),  # the tiers stacked best first
    )
    return alt.layer(
        base.mark_bar().encode(
            color=colour,
            description=described(),
        ),
        # The count inside its bar, on the bars' axis (and under its title).
        base.mark_text(align="center", dx=0, color=BACKGROUND, fontWeight=700, fontSize=12, aria=False).encode(
            x=field(alt.X, "share", "Q", headers, axis=alt.Axis(title=text["axis"]), stack="zero", bandPosition=0.5),
            text=field(alt.Text, "count", "Q", headers),
            opacity=alt.OpacityValue(0, condition={"test": "datum.share >= 6", "value": 1}),
        ),
    ).properties(width=WIDTH - 80, height=max(40, 44 * frame["bloc"].nunique()), title=text["title"])

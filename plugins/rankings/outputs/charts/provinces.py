"""The provinces of a table on the map of their year (the bloc page of a provinces bloc)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...data.model import Dataset
from ...site.addresses import CHART_IDS
from ...site.i18n import Language
from ...site.views import BlocTable
from ..geo import ARCHIPELAGOS, boundaries, codes, version
from .chart import BOUNDARIES, Chart
from .theme import INK, MISSING, MUTED, TIER_COLOURS, field


def chart(dataset: Dataset, table: BlocTable, language: Language) -> Chart | None:
    """The provinces of the table's year (63, or the 34 of a bloc recast on them) coloured by
    tier, or by rank where no tier was published; a province the source does not give is
    drawn and said to be missing."""
    _ = language.gettext
    m = table.edition.methodology
    name = boundaries(m.units_year(table.bloc.id, table.edition.year))
    headers = {"code": "code", "province": _("tỉnh"), "rank": _("hạng"), "tier": _("mức")}
    rows, known = [], set(codes(name))
    for r in table.rows:
        agency = dataset.agencies[r.agency]
        if agency.province_code in known and (r.rank is not None or r.tier):
            rows.append({"code": agency.province_code, "province": agency.label, "rank": r.rank, "tier": r.tier})
    if len(rows) < 5:
        return None
    missing = _("không có trong nguồn")
    given = {row["code"] for row in rows}
    rows += [{"code": code, "province": None, "rank": None, "tier": missing} for code in sorted(known - given)]
    frame = pd.DataFrame(rows)
    tiers = [t.name for t in m.tiers_for(table.bloc.id)]
    by_tier = all(row["tier"] for row in rows if row["province"] is not None)
    best = sorted((r for r in rows if r["rank"] is not None), key=lambda r: r["rank"])[:5]
    caption = _(
        "Bản đồ %(n)s tỉnh, thành phố, tô màu theo %(by)s. Dẫn đầu: %(best)s.",
        n=len(known),
        by=_("mức") if by_tier else _("thứ hạng (càng đậm càng cao)"),
        best=", ".join(f"{r['province']} ({r['rank']})" for r in best),
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
        "text": text,
        "boundaries": name,
        "version": version(name),
        "some_missing": len(given) < len(known),
    }
    return Chart(CHART_IDS["map"], _("Bản đồ"), caption, frame, headers, params, draw)


def draw(frame: pd.DataFrame, params: dict, headers: dict[str, str]) -> alt.TopLevelMixin:
    text, names = params["text"], params["tiers"]
    shapes = alt.NamedData(name=BOUNDARIES, format=alt.DataFormat(type="topojson", feature="provinces"))
    looked_up = alt.LookupData(data=frame.astype({"code": str}), key="code", fields=["province", "rank", "tier"])

    def colour(channel, legend: bool):
        if params["by_tier"]:
            return field(
                channel,
                "tier",
                "N",
                headers,
                title=text["tier"],
                sort=names,
                legend=alt.Legend() if legend else None,
                scale=alt.Scale(domain=names, range=TIER_COLOURS[: len(names) - 1] + [MISSING]),
            )
        return field(
            channel,
            "rank",
            "Q",
            headers,
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
        .transform_filter("datum.province != null")
    )
    provinces = given.mark_geoshape(strokeWidth=0).encode(
        color=colour(alt.Color, True),
        tooltip=[field(alt.Tooltip, "province", "N", headers), field(alt.Tooltip, "rank", "Q", headers)]
        + ([field(alt.Tooltip, "tier", "N", headers)] if params["by_tier"] else []),
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

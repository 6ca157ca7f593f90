"""The provinces of a table on the map of their year (the bloc page of a provinces bloc)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ...data.model import Dataset
from ...site.addresses import CHART_IDS, SITE_IN_CHARTS, Urls
from ...site.i18n import Language
from ...site.views import BlocTable
from ..geo import ARCHIPELAGOS, BOUNDARIES_34, boundaries, codes, version
from .chart import BOUNDARIES, Chart
from .theme import MISSING, MUTED, RANK_COLOURS, SAID, TIER_COLOURS, described

if TYPE_CHECKING:
    import altair as alt

MAP_WIDTH, MAP_HEIGHT = 300, 470
DETAIL = 0.3  # px: the boundaries are kept to within this of their course as drawn
RANK_CLASS = 10  # ranks are coloured in classes of ten (1–10, 11–20, …): a class reads at a glance


def rank_classes(size: int) -> list[tuple[int, int]]:
    """The classes of ranks 1..size: (1, 10), (11, 20), …, the last ending at size."""
    return [(start, min(start + RANK_CLASS - 1, size)) for start in range(1, size + 1, RANK_CLASS)]


def chart(dataset: Dataset, table: BlocTable, language: Language, urls: Urls) -> Chart | None:
    """The provinces of the table's year (63, or the 34 of a bloc recast on them) coloured by
    tier, or by class of rank where no tier was published; a province the source does not
    give is drawn and said to be missing. Each province is a link to its unit's page,
    named with its rank (and tier) for screen readers and as the text a pointer shows."""
    _ = language.gettext
    m = table.edition.methodology
    name = boundaries(m.units_year(table.bloc.id, table.edition.year))
    headers = {"code": _("mã tỉnh"), "province": _("tỉnh"), "rank": _("hạng"), "tier": _("mức"), "class": _("nhóm")}
    rows, known = [], set(codes(name))
    for r in table.rows:
        agency = dataset.agencies[r.agency]
        if agency.province_code in known and (r.rank is not None or r.tier):
            standing = language.rank_of(r, table) + (f", {_('mức %(tier)s', tier=r.tier)}" if r.tier else "")
            rows.append(
                {
                    "code": agency.province_code,
                    "province": agency.label,
                    "rank": r.rank,
                    "tier": r.tier,
                    SAID: f"{agency.label}: {standing}",
                    "url": SITE_IN_CHARTS + urls.unit(agency.id),
                }
            )
    if len(rows) < 5:
        return None
    missing = _("không có trong nguồn")
    given = {row["code"] for row in rows}
    by_tier = all(row["tier"] for row in rows)
    size = table.size or max(row["rank"] or 0 for row in rows)
    classes = (
        [t.name for t in m.tiers_for(table.bloc.id)]
        if by_tier
        else [_("hạng %(first)s–%(last)s", first=a, last=b) for a, b in rank_classes(size)]
    )
    for row in rows:  # a row the source gives a tier but no rank has no class of rank
        row["class"] = row["tier"] if by_tier else classes[(row["rank"] - 1) // RANK_CLASS] if row["rank"] else missing
    rows += [
        {"code": code, "province": None, "rank": None, "tier": None, SAID: None, "url": None, "class": missing}
        for code in sorted(known - given)
    ]
    frame = pd.DataFrame(rows)
    some_missing = any(row["class"] == missing for row in rows)
    best = sorted((r for r in rows if r["rank"] is not None), key=lambda r: r["rank"])[:5]
    caption = _(
        "Bản đồ %(n)s tỉnh, thành phố, tô màu theo %(by)s. Dẫn đầu: %(best)s.",
        n=len(known),
        by=_("mức") if by_tier else _("nhóm thứ hạng (càng đậm càng cao)"),
        best=", ".join(f"{r['province']} ({r['rank']})" for r in best),
    )
    if len(given) < len(known):
        caption += " " + _("%(n)s tỉnh, thành phố không có trong nguồn.", n=len(known) - len(given))
    caption += " " + _("Mỗi tỉnh, thành phố trên bản đồ dẫn tới trang của đơn vị.")
    text = {
        "colour": _("Mức") if by_tier else _("Hạng"),
        "title": _("Bản đồ"),
        "hoang-sa": _("QĐ. Hoàng Sa (TP Đà Nẵng)"),
        "truong-sa": _("QĐ. Trường Sa (Khánh Hòa)"),
        "credit": [
            _("Ranh giới tỉnh: Open Development Vietnam, «Địa phận tỉnh» (Cục Đo đạc và Bản đồ),"),
            _("CC BY-SA 4.0; đã đơn giản hóa, gán mã tỉnh, hợp nhất 34 đơn vị.")
            if name == BOUNDARIES_34
            else _("CC BY-SA 4.0; đã đơn giản hóa, gán mã tỉnh."),
        ],
    }
    caption += " " + " ".join(text["credit"])  # the attribution, in print size too, under the map
    params = {
        "by_tier": by_tier,
        "classes": classes + [missing] if some_missing else classes,
        "some_missing": some_missing,
        "text": text,
        "boundaries": name,
        "version": version(name),
        "width": MAP_WIDTH,
        "detail": DETAIL,
    }
    return Chart(CHART_IDS["map"], _("Bản đồ"), caption, frame, headers, params, draw, links=True)


def draw(frame: pd.DataFrame, params: dict, headers: dict[str, str]) -> alt.TopLevelMixin:
    import altair as alt

    text, classes, missing = params["text"], params["classes"], int(params["some_missing"])
    palette = TIER_COLOURS if params["by_tier"] else RANK_COLOURS
    shapes = alt.NamedData(name=BOUNDARIES, format=alt.DataFormat(type="topojson", feature="provinces"))
    fields = ["province", "rank", "tier", "class", SAID, "url"]
    looked_up = alt.LookupData(data=frame.astype({"code": str}), key="code", fields=fields)
    scale = alt.Scale(domain=classes, range=palette[: len(classes) - missing] + [MISSING] * missing)

    def colour(channel, legend: bool):
        return channel(
            "class:N", title=text["colour"], sort=classes, legend=alt.Legend() if legend else None, scale=scale
        )

    # Every province the table gives is a link to its unit's page, named with its standing;
    # those it does not give are drawn in the colour of "not in the source". Islands are
    # smaller than a pixel: each shape is outlined in its own colour, so they show.
    looked = alt.Chart(shapes).transform_lookup(lookup="properties.code", from_=looked_up)
    provinces = looked.mark_geoshape(strokeWidth=0.6).encode(
        fill=colour(alt.Fill, True),
        stroke=colour(alt.Stroke, False),
        href=alt.Href("url:N"),
        description=described(),
    )
    labels = pd.DataFrame([{"lon": lon, "lat": lat, "label": text[key]} for lon, lat, key in ARCHIPELAGOS])
    islands = (
        alt.Chart(labels)
        .mark_text(fontSize=10, color=MUTED, align="center", aria=False)
        .encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
    )
    return (
        alt.layer(provinces, islands)
        .project(type="mercator")
        .properties(
            width=MAP_WIDTH,
            height=MAP_HEIGHT,
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

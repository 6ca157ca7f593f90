"""A unit's criteria in one edition against its bloc's median and best (the unit page)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pandas as pd

from ...data.model import Agency, Dataset
from ...site.addresses import CHART_IDS
from ...site.i18n import Language
from ...site.views import UnitEdition
from .chart import DATA, Chart, by_name
from .theme import ACCENT, BEST, INK, LINE, MEDIAN, SAID, WIDTH, described, field, labels
from .trend import prefix

if TYPE_CHECKING:
    import altair as alt

NAME = "unit_name"  # the data's column of the unit's name (no header: not in the download)


def chart(dataset: Dataset, agency: Agency, entries: list[UnitEdition], language: Language) -> Chart | None:
    """The unit's criteria in the series' latest edition with criteria, against the bloc median."""
    _ = language.gettext
    entry = next(
        (e for e in entries if any(line.value is not None and line.median is not None for line in e.criteria)), None
    )
    if entry is None:
        return None
    lines = [line for line in entry.criteria if line.value is not None and line.median is not None]
    relative = all(line.criterion.max for line in lines)
    m = entry.edition.methodology
    # A criterion's published reference (a pillar's average over the provinces), where there is one.
    references = {
        line.criterion.id: refs[0]
        for line in lines
        if (refs := m.references_for(entry.table.bloc.id, line.criterion.id))
    }
    headers = {
        "criterion": _("tiêu chí"),
        "unit": _("đơn vị"),
        "median": _("trung vị khối"),
        "best": _("cao nhất khối"),
        **({"reference": _("giá trị tham chiếu")} if references else {}),
        "series": _("chuỗi"),
        "value": _("giá trị"),
    }

    def shown(value: Decimal, line) -> float:
        return float(value / line.criterion.max * 100) if relative else float(value)

    decimals = m.decimals
    named = {"unit": agency.label, "median": headers["median"], "best": headers["best"]}
    if references:
        named["reference"] = headers["reference"]

    def values(line) -> dict:
        found = {"unit": line.value, "median": line.median, "best": line.best}
        if references:
            found["reference"] = references[line.criterion.id].value if line.criterion.id in references else None
        return found

    def said(line, series: str, value: Decimal) -> str:
        shown_decimals = references[line.criterion.id].decimals if series == "reference" else decimals
        return _(
            "%(criterion)s, %(series)s: %(value)s",
            criterion=line.criterion.name,
            series=named[series],
            value=language.score(value, shown_decimals),
        )

    frame = pd.DataFrame(
        [
            {
                "criterion": line.criterion.name,
                **{series: None if v is None else shown(v, line) for series, v in values(line).items()},
                # each point's words: the criterion, whose value (the unit's, the median, the best), the value
                **{
                    f"{SAID}_{series}": None if v is None else said(line, series, v)
                    for series, v in values(line).items()
                },
            }
            for line in lines
        ]
    )
    frame[NAME] = agency.label  # what the legend calls the unit: read by the drawing, which units share
    above = sum(1 for line in lines if line.value > line.median)
    # Each message in a call of its own: Babel's extractor does not see one nested in another's arguments.
    values = [
        _(
            "%(criterion)s %(value)s (trung vị %(median)s, cao nhất %(best)s)",
            criterion=line.criterion.name,
            value=language.score(line.value, decimals),
            median=language.score(line.median, decimals),
            best=language.score(line.best, decimals),
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
    if references:
        caption += " " + _(
            "Giá trị tham chiếu đã công bố: %(references)s.",
            references="; ".join(f"{r.name} {language.score(r.value, r.decimals)}" for r in references.values()),
        )
    title = _("Tiêu chí so với trung vị và cao nhất của khối")
    text = {
        "axis": _("% điểm tối đa của tiêu chí") if relative else _("Điểm"),
        "title": _("Tiêu chí năm %(year)s so với khối", year=entry.edition.year),
    }
    return Chart(
        prefix(dataset) + CHART_IDS["criteria"],
        title,
        caption,
        frame,
        headers,
        {"rows": len(lines), "relative": relative, "references": bool(references), "text": text},
        draw,
        dataset.id,
    )


@by_name
def draw(data: alt.NamedData, params: dict, headers: dict[str, str]) -> alt.TopLevelMixin:
    import altair as alt

    text = params["text"]
    # One point per criterion and series (the unit, the median, the best), each described
    # by its own words (said_unit, …); the legend names the unit as its data does.
    series = ["unit", "median", "best", *(["reference"] if params["references"] else [])]
    others = " : ".join(f"datum.label == {_quoted(s)} ? {_quoted(headers[s])}" for s in series[1:])
    legend = f"{others} : data({_quoted(DATA)})[0].{NAME}"
    x = field(
        alt.X,
        "value",
        "Q",
        headers,
        title=text["axis"],
        scale=alt.Scale(domain=[0, 100]) if params["relative"] else alt.Undefined,
    )
    y = field(alt.Y, "criterion", "N", headers, title=None, sort=None, axis=labels(30))
    # Each series its colour and its shape, whatever the unit's name, in one legend.
    colour, shape = (
        field(
            channel,
            "series",
            "N",
            headers,
            title=None,
            scale=alt.Scale(domain=series, range=shown[: len(series)]),
            legend=alt.Legend(orient="top", labelExpr=legend),
        )
        for channel, shown in (
            (alt.Color, [ACCENT, MEDIAN, BEST, INK]),
            (alt.Shape, ["circle", "triangle-up", "square", "cross"]),
        )
    )
    # The rules from the unit to the median and on to the best share the points' axis (and its title).
    shared = alt.Axis(title=text["axis"])
    drawn = alt.layer(
        alt.Chart()
        .mark_rule(color=LINE, strokeWidth=2, aria=False)
        .encode(y=y, x=field(alt.X, "unit", "Q", headers, axis=shared), x2=field(alt.X2, "median", "Q", headers)),
        alt.Chart()
        .mark_rule(color=LINE, strokeWidth=1, strokeDash=[2, 2], aria=False)
        .encode(y=y, x=field(alt.X, "median", "Q", headers, axis=shared), x2=field(alt.X2, "best", "Q", headers)),
        alt.Chart()
        .transform_fold(series, as_=["series", "value"])
        .transform_filter("isValid(datum.value)")  # a criterion without a published reference
        .transform_calculate(**{SAID: f"datum[{_quoted(SAID + '_')} + datum.series]"})
        .mark_point(filled=True, size=90)
        .encode(
            y=y,
            x=x,
            color=colour,
            shape=shape,
            description=described(),
        ),
    ).properties(width=WIDTH - 120, height=max(60, 28 * params["rows"]), title=text["title"])
    drawn.data = data
    return drawn


def _quoted(text: str) -> str:
    """A string in a Vega expression."""
    return json.dumps(text, ensure_ascii=False)

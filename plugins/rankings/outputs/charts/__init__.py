"""Charts, built with Altair from the loaded data, one module per kind. Each chart is made
in two pure steps: a function of what the page shows gives its data (columns with ASCII
ids), their headers in the page's language, the parameters and the text alternative (a
Chart); the kind's draw function turns those into an Altair chart. Rendering to SVG, and
caching by the inputs, is chart_svg.py's job. Altair is imported by the functions that
build specs, which run where charts are drawn (the workers): the build's own process,
which makes the inputs, never loads it (0.25 s)."""

from __future__ import annotations

from pathlib import Path

from ...data.model import Portal
from ...site.addresses import Urls
from ...site.i18n import Language
from ...site.views import BlocTable, UnitHistory
from . import bump, criteria, provinces, scores, tiers, trend
from .chart import Chart

FILES = tuple(sorted(Path(__file__).parent.glob("*.py")))  # what draws a chart, for the cache's salt


def page_charts(
    portal: Portal,
    tables: dict[str, dict[int, list[BlocTable]]],
    units: dict[str, UnitHistory],
    language: Language | None = None,
    urls: Urls | None = None,
) -> dict[tuple, list[Chart]]:
    """Every chart of the site, keyed by the page that shows it: ("edition", series id,
    year), ("bloc", series id, year, bloc id) or ("unit", agency id)."""
    language, urls = language or Language(), urls or Urls()
    out: dict[tuple, list[Chart]] = {}
    for sid, by_year in tables.items():
        dataset = portal.series[sid]
        for year, edition_tables in by_year.items():
            out[("edition", sid, year)] = [c for c in [tiers.chart(edition_tables, language)] if c]
            for table in edition_tables:
                out[("bloc", sid, year, table.bloc.id)] = [
                    c
                    for c in (
                        scores.chart(dataset, table, language),
                        bump.chart(dataset, table, by_year, language),
                        provinces.chart(dataset, table, language, urls),
                    )
                    if c
                ]
    for agency_id, unit in units.items():
        out[("unit", agency_id)] = [
            c
            for s in unit.series
            for c in (
                trend.chart(s.dataset, unit.agency, s.entries, language),
                criteria.chart(s.dataset, unit.agency, s.entries, language),
            )
            if c
        ]
    return out
